// The restic lesson in DESIGN.md: an idle-connection limit (2) below the connection limit (40)
// closes most connections after every burst and reopens them on the next one. Measured for
// research/rules.md: 200 requests in bursts of 10 through `maxSockets: 10, maxFreeSockets: 1`
// opened 181 connections; with `maxFreeSockets: 10`, 10 (nodejs/node-v0.x-archive#9074).
import type { TSESTree } from '@typescript-eslint/utils';

import type { OptionsObject } from '../analysis/object-options';
import { propertyValue, readOptionsObject } from '../analysis/object-options';
import { resolveCall } from '../analysis/resolve';
import { staticValue } from '../analysis/static-value';
import { unwrapExpression } from '../analysis/syntax';
import { createRule } from '../util/create-rule';
import { addObjectProperty } from '../fixes/add-object-property';

export type Options = [];
export type MessageId = 'idleBelowMax' | 'keepAliveOff' | 'raiseMaxFree' | 'enableKeepAlive' | 'enablePipelining';

/** Options of `http.Agent` (and agentkeepalive) that only matter for kept-alive sockets. */
const HTTP_KEEPALIVE_ONLY = ['maxFreeSockets', 'keepAliveMsecs', 'scheduling'];
const AGENTKEEPALIVE_KEEPALIVE_ONLY = [...HTTP_KEEPALIVE_ONLY, 'freeSocketTimeout', 'freeSocketKeepAliveTimeout'];
/** undici options that only matter while connections are kept alive (`pipelining: 0` turns that off). */
const UNDICI_KEEPALIVE_ONLY = ['keepAliveTimeout', 'keepAliveMaxTimeout', 'keepAliveTimeoutThreshold'];

/** undici dispatchers with `Client`/`Pool` options, and the index of their options argument. */
const UNDICI_OPTIONS_INDEX: Readonly<Record<string, number>> = {
  'undici.Agent': 0,
  'undici.ProxyAgent': 0,
  'undici.EnvHttpProxyAgent': 0,
  'undici.Pool': 1,
  'undici.Client': 1,
  'undici.BalancedPool': 1,
};

type Known<T> = { known: true; value: T } | { known: false };

export default createRule<Options, MessageId>({
  name: 'consistent-keepalive-pool',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Enforce keep-alive agent options that agree with each other: no idle-socket limit below the socket limit, no pool options with keep-alive off',
      family: 'lifecycle',
      preset: 'recommended',
      severity: 'warn',
      requiresTypeChecking: false,
      usesTypeInformation: false,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      idleBelowMax:
        'This keep-alive agent opens up to {{max}} sockets but keeps only {{free}} idle: after every burst the rest are closed and the next burst connects again. Raise `maxFreeSockets` to match.',
      keepAliveOff:
        '`{{option}}` only applies to connections that are kept alive, but {{reason}}: every request opens a new connection. Turn keep-alive on, or drop `{{option}}`.',
      raiseMaxFree: 'Raise `maxFreeSockets` to {{max}}.',
      enableKeepAlive: 'Turn keep-alive on with `keepAlive: true`.',
      enablePipelining: "Set `pipelining` to 1 (undici's default), which keeps connections alive.",
    },
  },
  defaultOptions: [],
  create(context) {
    function check(node: TSESTree.NewExpression): void {
      if (node.arguments.length === 0 || node.arguments.some((argument) => argument.type === 'SpreadElement')) return;
      // Options are an object literal or a name for one, first or second.
      if (!node.arguments.slice(0, 2).some((argument) => isObjectOrName(argument))) return;
      const resolved = resolveCall(context, node);
      const api = resolved?.api;
      if (resolved === undefined || api === undefined || resolved.receiver !== undefined) return;
      const index = api.id === 'http.Agent' ? 0 : UNDICI_OPTIONS_INDEX[api.id];
      const argument = index === undefined ? undefined : node.arguments[index];
      if (argument === undefined) return;
      if (api.id === 'http.Agent') checkHttpAgent(argument, resolved.root === 'agentkeepalive');
      else checkUndiciDispatcher(argument);
    }

    function checkHttpAgent(argument: TSESTree.Node, isAgentkeepalive: boolean): void {
      const options = readOptionsObject(context, argument);
      if (options.kind !== 'object') return;
      // http.Agent defaults to `keepAlive: false`; agentkeepalive to `true`.
      const keepAlive = staticBoolean(options, 'keepAlive', isAgentkeepalive);
      if (!keepAlive.known) return;
      if (!keepAlive.value) {
        reportIgnored(argument, options, isAgentkeepalive ? AGENTKEEPALIVE_KEEPALIVE_ONLY : HTTP_KEEPALIVE_ONLY, 'this agent has `keepAlive` off', 'enableKeepAlive');
        return;
      }
      const free = staticFiniteNumber(options, 'maxFreeSockets');
      const perHost = staticFiniteNumber(options, 'maxSockets');
      if (free === undefined || perHost === undefined) return;
      // `maxTotalSockets` caps all hosts together: a smaller one is the real ceiling.
      let max = perHost;
      if (options.properties.has('maxTotalSockets')) {
        const total = staticNumberOrInfinity(options, 'maxTotalSockets');
        if (total === undefined) return;
        max = Math.min(max, total);
      }
      if (!(free >= 0 && free < max)) return;
      const property = options.properties.get('maxFreeSockets');
      if (property === undefined) return;
      const editable = options.inline && isInside(property, options.node);
      context.report({
        node: editable ? property.value : argument,
        messageId: 'idleBelowMax',
        data: { free: String(free), max: String(max) },
        suggest: editable
          ? [{ messageId: 'raiseMaxFree', data: { max: String(max) }, fix: (fixer) => fixer.replaceText(property.value, String(max)) }]
          : [],
      });
    }

    function checkUndiciDispatcher(argument: TSESTree.Node): void {
      const options = readOptionsObject(context, argument);
      if (options.kind !== 'object') return;
      const pipelining = propertyValue(options, 'pipelining');
      if (pipelining === undefined || staticValue(context, pipelining)?.value !== 0) return;
      reportIgnored(argument, options, UNDICI_KEEPALIVE_ONLY, '`pipelining: 0` turns keep-alive off', 'enablePipelining');
    }

    /** Reports the first option that only matters with keep-alive, on an agent that has it off. */
    function reportIgnored(
      argument: TSESTree.Node,
      options: Extract<OptionsObject, { kind: 'object' }>,
      keepAliveOnly: readonly string[],
      reason: string,
      fixId: 'enableKeepAlive' | 'enablePipelining',
    ): void {
      const option = keepAliveOnly.find((key) => options.properties.has(key));
      const property = option === undefined ? undefined : options.properties.get(option);
      if (option === undefined || property === undefined) return;
      const switchKey = fixId === 'enableKeepAlive' ? 'keepAlive' : 'pipelining';
      const switchProperty = options.properties.get(switchKey);
      const editable = options.inline && (switchProperty === undefined || isInside(switchProperty, options.node));
      context.report({
        node: options.inline && isInside(property, options.node) ? property.key : argument,
        messageId: 'keepAliveOff',
        data: { option, reason },
        suggest: editable
          ? [
              {
                messageId: fixId,
                fix: (fixer) => {
                  const replacement = fixId === 'enableKeepAlive' ? 'true' : '1';
                  if (switchProperty !== undefined) return fixer.replaceText(switchProperty.value, replacement);
                  return addObjectProperty(fixer, context.sourceCode, options.node, `${switchKey}: ${replacement}`);
                },
              },
            ]
          : [],
      });
    }

    function staticBoolean(options: Extract<OptionsObject, { kind: 'object' }>, key: string, fallback: boolean): Known<boolean> {
      if (!options.properties.has(key)) return { known: true, value: fallback };
      const value = propertyValue(options, key);
      const known = value === undefined ? undefined : staticValue(context, value);
      if (known === undefined) return { known: false };
      // Node tests these options for truthiness; `undefined` falls back to the default.
      if (known.value === undefined) return { known: true, value: fallback };
      return { known: true, value: Boolean(known.value) };
    }

    function staticNumberOrInfinity(options: Extract<OptionsObject, { kind: 'object' }>, key: string): number | undefined {
      const value = propertyValue(options, key);
      const known = value === undefined ? undefined : staticValue(context, value);
      return typeof known?.value === 'number' && !Number.isNaN(known.value) ? known.value : undefined;
    }

    function staticFiniteNumber(options: Extract<OptionsObject, { kind: 'object' }>, key: string): number | undefined {
      const value = staticNumberOrInfinity(options, key);
      return value !== undefined && Number.isFinite(value) ? value : undefined;
    }

    return { NewExpression: check };
  },
});

function isObjectOrName(argument: TSESTree.Node): boolean {
  const value = unwrapExpression(argument);
  return value.type === 'ObjectExpression' || value.type === 'Identifier';
}

function isInside(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}
