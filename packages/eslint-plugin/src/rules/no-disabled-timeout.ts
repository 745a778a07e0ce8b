// The Timehop outage in DESIGN.md, made on purpose: ecency/vision-next#65 turned an axios
// instance's 5 s timeout into `Infinity`; a `node:http` server with `requestTimeout = 0` is
// open to slowloris.
import type { TSESTree } from '@typescript-eslint/utils';

import { LISTENER_METHODS } from '../analysis/api-catalog';
import { readOptionsObject } from '../analysis/object-options';
import type { ResolvedCall } from '../analysis/resolve';
import { registersListener, resolveCall, resolveInstance } from '../analysis/resolve';
import { staticValue } from '../analysis/static-value';
import { findVariable, isFunctionNode, skipWrappersUpward, staticPropertyName, unwrapExpression } from '../analysis/syntax';
import type { TimeoutKey, TimeoutLibrary } from '../analysis/timeout-options';
import {
  axiosDefaultsWrite,
  CONNECTED_EVENTS,
  disabledKeys,
  formatMs,
  GRPC_CLIENT_METHODS,
  GRPC_DEADLINE,
  isOffValue,
  keyState,
  locateOptions,
  mayUseTimeoutLibraries,
  SERVER_KEYS,
  SET_TIMEOUT_RECEIVERS,
  SUPERAGENT_NUMBER_TIMEOUT,
  SUPERAGENT_TERMINAL_METHODS,
  SUPERAGENT_TIMEOUT_KEYS,
  TIMEOUT_LIBRARIES,
  timeoutTargetOf,
} from '../analysis/timeout-options';
import { valueUses } from '../analysis/value-uses';
import { createRule } from '../util/create-rule';

export type Options = [{ defaultTimeoutMs: number; ignore: TimeoutLibrary[] }];
export type MessageId = 'disabled' | 'useFiniteTimeout';

/** APIs whose function argument runs once the connection is up (the connect listener, the response callback). */
const CONNECTED_CALLBACK_APIS = new Set(['net.connect', 'http.request', 'http.get']);
const MAX_CODE_LENGTH = 60;

export default createRule<Options, MessageId>({
  name: 'no-disabled-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow turning off request, client, socket and server timeouts with `0`, `false` or `Infinity`',
      family: 'timeouts',
      preset: 'recommended',
      severity: 'error',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          defaultTimeoutMs: {
            type: 'integer',
            minimum: 1,
            description: 'The timeout, in milliseconds, that suggestions put in place of a disabled one.',
          },
          ignore: {
            type: 'array',
            items: { type: 'string', enum: [...TIMEOUT_LIBRARIES] },
            uniqueItems: true,
            description: 'Libraries whose disabled timeouts are not reported.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      disabled: '`{{code}}` turns off {{what}}, so {{consequence}}. Use a finite timeout.',
      useFiniteTimeout: 'Use `{{replacement}}` instead.',
    },
  },
  defaultOptions: [{ defaultTimeoutMs: 30_000, ignore: [] }],
  create(context, [{ defaultTimeoutMs, ignore }]) {
    // Most files make no network calls: skip them before any resolution.
    if (!mayUseTimeoutLibraries(context)) return {};
    const ms = formatMs(defaultTimeoutMs);
    const sourceCode = context.sourceCode;
    // One options object can be shared by several calls: report each literal once.
    const reported = new Set<TSESTree.Node>();

    function report(value: TSESTree.Node, codeNode: TSESTree.Node, key: Pick<TimeoutKey, 'what' | 'consequence' | 'restore'>): void {
      if (reported.has(value)) return;
      reported.add(value);
      const replacement = key.restore?.(ms);
      context.report({
        node: value,
        messageId: 'disabled',
        data: { code: codeText(codeNode), what: key.what, consequence: key.consequence },
        suggest:
          replacement === undefined
            ? []
            : [{ messageId: 'useFiniteTimeout', data: { replacement }, fix: (fixer) => fixer.replaceText(value, replacement) }],
      });
    }

    function codeText(node: TSESTree.Node): string {
      const text = sourceCode.getText(node).replace(/\s+/g, ' ');
      return text.length > MAX_CODE_LENGTH ? `${text.slice(0, MAX_CODE_LENGTH - 1)}…` : text;
    }

    /** The property (`timeout: 0`) that holds a value node, for messages. */
    function propertyOf(value: TSESTree.Node): TSESTree.Node {
      const wrapped = skipWrappersUpward(value);
      const parent = wrapped.parent;
      return parent?.type === 'Property' && parent.value === wrapped ? parent : value;
    }

    function checkOptions(resolved: ResolvedCall): void {
      const target = timeoutTargetOf(resolved);
      if (target === undefined || ignore.includes(target.library)) return;
      const located = locateOptions(context, resolved, target);
      if (located.kind === 'unknown') return;
      for (const options of located.objects) {
        for (const state of disabledKeys(context, options, target.keys)) report(state.node, propertyOf(state.node), state.key);
      }
    }

    function checkSuperagent(resolved: ResolvedCall): void {
      if (ignore.includes('superagent')) return;
      const uses = valueUses(context, resolved.node, { chainable: (method) => !SUPERAGENT_TERMINAL_METHODS.has(method) });
      for (const use of uses.calls) {
        if (use.method !== 'timeout') continue;
        const argument = use.call.arguments[0];
        if (argument === undefined) continue;
        const options = readOptionsObject(context, argument);
        if (options.kind === 'object') {
          for (const state of disabledKeys(context, options, SUPERAGENT_TIMEOUT_KEYS)) report(state.node, propertyOf(state.node), state.key);
          continue;
        }
        const value = staticValue(context, argument);
        if (value !== undefined && isOffValue(value.value, SUPERAGENT_NUMBER_TIMEOUT.off)) report(argument, use.call, SUPERAGENT_NUMBER_TIMEOUT);
      }
    }

    function checkGrpc(resolved: ResolvedCall): void {
      const method = resolved.receiver?.path[0];
      if (ignore.includes('grpc') || resolved.receiver?.path.length !== 1 || method === undefined || GRPC_CLIENT_METHODS.has(method)) return;
      for (const argument of resolved.node.arguments) {
        const options = readOptionsObject(context, argument);
        if (options.kind !== 'object') continue;
        const state = keyState(context, options, GRPC_DEADLINE);
        if (state.kind === 'disabled') report(state.node, propertyOf(state.node), GRPC_DEADLINE);
      }
    }

    /** `server.setTimeout(0)`; `socket.setTimeout(0)` and `req.setTimeout(0)` only after a timeout was set. */
    function checkSetTimeout(node: TSESTree.CallExpression, resolved: ResolvedCall): void {
      const receiver = resolved.receiver;
      if (receiver?.path.length !== 1 || receiver.path[0] !== 'setTimeout') return;
      const facts = SET_TIMEOUT_RECEIVERS[receiver.instance];
      if (facts === undefined || ignore.includes(receiver.instance === 'socket' ? 'net' : 'http')) return;
      const argument = node.arguments[0];
      if (argument === undefined || argument.type === 'SpreadElement') return;
      const value = staticValue(context, argument);
      if (value === undefined || !isOffValue(value.value, ['zero', 'infinite'])) return;
      if (facts.requiresEarlier && (endsConnectTimeout(node) || !hadEarlierTimeout(node))) return;
      report(argument, node, facts);
    }

    /** `sock.on('connect', () => sock.setTimeout(0))`: a connect timeout ended on purpose once connected. */
    function endsConnectTimeout(node: TSESTree.Node): boolean {
      // ESLint gives the Program a `null` parent: stop there.
      let current: TSESTree.Node | undefined = node.parent;
      while (current !== undefined && current.type !== 'Program') {
        if (isFunctionNode(current) && isConnectedCallback(current)) return true;
        current = current.parent;
      }
      return false;
    }

    function isConnectedCallback(fn: TSESTree.Node): boolean {
      const call = fn.parent;
      if (call?.type !== 'CallExpression' || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
      const callee = unwrapExpression(call.callee);
      const method = callee.type === 'MemberExpression' ? staticPropertyName(callee) : undefined;
      const event = call.arguments[0];
      if (method !== undefined && LISTENER_METHODS.has(method)) {
        return event?.type === 'Literal' && typeof event.value === 'string' && CONNECTED_EVENTS.has(event.value);
      }
      const id = resolveCall(context, call)?.api?.id;
      return id !== undefined && CONNECTED_CALLBACK_APIS.has(id);
    }

    /** A non-zero `setTimeout` on the same variable before this call, or a `timeout` option where it was made. */
    function hadEarlierTimeout(node: TSESTree.CallExpression): boolean {
      const callee = unwrapExpression(node.callee);
      if (callee.type !== 'MemberExpression') return false;
      const object = unwrapExpression(callee.object);
      const instance = resolveInstance(context, object);
      const origin = instance?.origin;
      if (origin !== undefined && (origin.type === 'CallExpression' || origin.type === 'NewExpression')) {
        const made = resolveCall(context, origin);
        const target = made === undefined ? undefined : timeoutTargetOf(made);
        if (made !== undefined && target !== undefined) {
          const located = locateOptions(context, made, target);
          if (located.kind === 'known' && located.objects.some((options) => target.keys.some((key) => key.path[0] === 'timeout' && keyState(context, options, key).kind === 'set'))) {
            return true;
          }
        }
      }
      if (object.type !== 'Identifier') return false;
      const variable = findVariable(sourceCode.getScope(object), object);
      if (variable === undefined) return false;
      return variable.references.some((reference) => {
        const identifier = reference.identifier;
        if (identifier.range[0] >= node.range[0]) return false;
        const member = identifier.parent;
        if (member.type !== 'MemberExpression' || member.object !== identifier || staticPropertyName(member) !== 'setTimeout') return false;
        const call = member.parent;
        if (call.type !== 'CallExpression' || call.callee !== member) return false;
        const argument = call.arguments[0];
        if (argument === undefined) return false;
        const earlier = staticValue(context, argument);
        return earlier === undefined || (typeof earlier.value === 'number' && !isOffValue(earlier.value, ['zero', 'infinite']));
      });
    }

    return {
      'CallExpression, NewExpression'(node: TSESTree.CallExpression | TSESTree.NewExpression) {
        const callee = node.callee;
        if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression') return;
        if (registersListener(node)) return;
        const resolved = resolveCall(context, node);
        if (resolved === undefined) return;
        if (node.type === 'CallExpression' && callee.type === 'MemberExpression' && staticPropertyName(callee) === 'setTimeout') {
          checkSetTimeout(node, resolved);
          return;
        }
        if (resolved.api === undefined) {
          if (resolved.receiver?.instance === 'grpc-client') checkGrpc(resolved);
          return;
        }
        if (resolved.api.id === 'superagent.request') {
          checkSuperagent(resolved);
          return;
        }
        checkOptions(resolved);
      },
      AssignmentExpression(node) {
        const left = node.left;
        if (node.operator !== '=' || left.type !== 'MemberExpression') return;
        const name = staticPropertyName(left);
        if (name === undefined) return;
        // axios.defaults.timeout = 0
        const write = axiosDefaultsWrite(context, node);
        if (write !== undefined) {
          if (write.state.kind === 'disabled' && !ignore.includes('axios')) report(write.state.node, node, write.key);
          return;
        }
        // server.requestTimeout = 0
        const key = SERVER_KEYS.find((candidate) => candidate.path[0] === name);
        if (key === undefined || ignore.includes('http')) return;
        const server = resolveInstance(context, left.object);
        if (server?.instance !== 'http-server') return;
        const value = staticValue(context, node.right);
        if (value !== undefined && isOffValue(value.value, key.off)) report(unwrapExpression(node.right), node, key);
      },
    };
  },
});
