// The Timehop outage in DESIGN.md: a transport without timeouts let hung requests pile up
// until the process died (friggframework/frigg#579, clearlydefined/crawler#760 in JavaScript).
import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';

import { someDescendant } from '../analysis/descendants';
import { rejectsBeforeSending } from '../analysis/fetch-rejections';
import { readOptionsObject } from '../analysis/object-options';
import type { InstanceRef, ResolvedCall } from '../analysis/resolve';
import { registersListener, resolveCall, resolveRef } from '../analysis/resolve';
import { staticValue } from '../analysis/static-value';
import type { Bound, Evaluation, LocatedOptions, PropertyFix, TimeoutLibrary, TimeoutTarget } from '../analysis/timeout-options';
import {
  addBound,
  addState,
  applyDefaults,
  axiosDefaultsWrite,
  callLabel,
  callSiteLoc,
  connectionStringTimeout,
  emptyEvaluation,
  evaluateOptions,
  formatMs,
  GRPC_CLIENT_METHODS,
  GRPC_DEADLINE,
  isAtLeast,
  isOffValue,
  keyState,
  locateOptions,
  mayUseTimeoutLibraries,
  shapeOf,
  SIGNAL_KEY,
  SUPERAGENT_NUMBER_TIMEOUT,
  SUPERAGENT_REQUEST_METHODS,
  SUPERAGENT_TERMINAL_METHODS,
  SUPERAGENT_TIMEOUT_KEYS,
  TIMEOUT_LIBRARIES,
  timeoutTargetOf,
} from '../analysis/timeout-options';
import { constInitializer, unwrapExpression } from '../analysis/syntax';
import { getTypeServices } from '../analysis/types';
import { valueUses } from '../analysis/value-uses';
import { addNestedOption, canAddNestedOption, nestedOptionText, optionPropertyText, optionsObjectText } from '../fixes/add-nested-option';
import { appendArgument } from '../fixes/append-argument';
import { createRule } from '../util/create-rule';

export type Options = [{ defaultTimeoutMs: number; ignore: TimeoutLibrary[]; requireDeadline: boolean }];
export type MessageId = 'missingTimeout' | 'missingDeadline' | 'addTimeout';

type Objects = Extract<LocatedOptions, { kind: 'known' }>['objects'];

const MAX_EXTEND_DEPTH = 8;
/** `ClientRequest` methods that return the request (`http.get(…).on('error', …).setTimeout(…)`). */
const CLIENT_REQUEST_CHAINABLE = new Set(['on', 'once', 'addListener', 'prependListener', 'setTimeout', 'setHeader', 'end', 'setNoDelay', 'setSocketKeepAlive']);

export default createRule<Options, MessageId>({
  name: 'require-request-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every outgoing HTTP request and RPC to be bounded in time',
      family: 'timeouts',
      preset: 'recommended',
      severity: 'error',
      requiresTypeChecking: false,
      usesTypeInformation: true,
      strictOptions: { requireDeadline: true },
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          defaultTimeoutMs: {
            type: 'integer',
            minimum: 1,
            description: 'The timeout, in milliseconds, that suggestions insert.',
          },
          ignore: {
            type: 'array',
            items: { type: 'string', enum: [...TIMEOUT_LIBRARIES] },
            uniqueItems: true,
            description: 'Libraries whose requests are not checked (`fetch` covers global, undici and node-fetch `fetch`).',
          },
          requireDeadline: {
            type: 'boolean',
            description:
              'Accept only bounds on the whole exchange (`signal`, got `timeout.request`, superagent deadlines, gRPC deadlines), not idle timers.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      missingTimeout:
        '`{{call}}` is not bounded in time: a server that accepts the connection and then stalls keeps it waiting forever. Bound it with {{remedy}}.',
      missingDeadline:
        '`{{call}}` is bounded only by {{via}}, which does not limit the whole exchange: a server that trickles a byte at a time keeps it going forever. Add a deadline with {{remedy}}.',
      addTimeout: 'Add `{{text}}`.',
    },
  },
  defaultOptions: [{ defaultTimeoutMs: 30_000, ignore: [], requireDeadline: false }],
  create(context, [{ defaultTimeoutMs, ignore, requireDeadline }]) {
    // Most files make no network calls: skip them before any resolution.
    if (!mayUseTimeoutLibraries(context)) return {};
    const ms = formatMs(defaultTimeoutMs);
    const needed: Bound = requireDeadline ? 'deadline' : 'response';
    const mode = requireDeadline ? 'deadline' : 'timeout';
    const sourceCode = context.sourceCode;
    // Checks wait for the end of the file: `axios.defaults.timeout = …` may come after a call.
    const pending: (() => void)[] = [];
    const axiosDefaults = new Map<TSESTree.Node | 'default', Evaluation>();

    function axiosDefaultsOf(owner: TSESTree.Node | 'default'): Evaluation {
      return axiosDefaults.get(owner) ?? emptyEvaluation();
    }

    function report(
      resolved: ResolvedCall,
      evaluation: Evaluation,
      remedy: string,
      suggestion: { fix: (fixer: RuleFixer) => RuleFix | null; text: string } | undefined,
    ): void {
      const call = callLabel(sourceCode, resolved, resolved.node);
      const idle = isAtLeast(evaluation.bound, 'response');
      context.report({
        loc: callSiteLoc(resolved.node),
        messageId: idle ? 'missingDeadline' : 'missingTimeout',
        data: idle ? { call, via: evaluation.via.join(' and '), remedy } : { call, remedy },
        suggest: suggestion === undefined ? [] : [{ messageId: 'addTimeout', data: { text: suggestion.text }, fix: suggestion.fix }],
      });
    }

    /** Whether the evaluation leaves the call unbounded and the rule (not no-disabled-timeout) should say so. */
    function isUnbounded(evaluation: Evaluation): boolean {
      return !evaluation.unknown && !isAtLeast(evaluation.bound, needed) && !evaluation.disabled;
    }

    /** A fix that adds `fix` to the call's own options, or a new options argument. */
    function optionsFix(
      resolved: ResolvedCall,
      located: Extract<LocatedOptions, { kind: 'known' }>,
      fix: PropertyFix,
    ): { fix: (fixer: RuleFixer) => RuleFix | null; text: string } | undefined {
      const value = fix.value(ms);
      if (located.objects.length === 1) {
        const [options] = located.objects;
        if (options === undefined || !options.inline) return undefined;
        // Only offer a fix that exists: a key set by a spread or a non-literal value blocks it.
        const text = nestedOptionText(options.node, fix.path, value);
        if (text === undefined) return undefined;
        return { text, fix: (fixer) => addNestedOption(fixer, sourceCode, options.node, fix.path, value) ?? null };
      }
      if (located.objects.length > 0 || located.insertion === undefined) return undefined;
      const argument = optionsObjectText(fix.path, value);
      const text = optionPropertyText(fix.path, value);
      const insertion = located.insertion;
      if (insertion.kind === 'append') return { text, fix: (fixer) => appendArgument(fixer, sourceCode, resolved.node, argument) };
      return { text, fix: (fixer) => fixer.insertTextBefore(insertion.node, `${argument}, `) };
    }

    // ---- instances -------------------------------------------------------------------------

    /**
     * What the instance a call goes through contributes: its creation options and defaults.
     * `undefined` means "say nothing": the instance's configuration is not visible, or it has
     * no timeout at all, which require-client-timeout reports where it is created.
     */
    function instanceEvaluation(receiver: InstanceRef, target: TimeoutTarget, objects: Objects[number][]): Evaluation | undefined {
      const evaluation = emptyEvaluation();
      switch (receiver.instance) {
        case 'axios-instance': {
          if (receiver.origin === undefined) {
            if (receiver.via === 'type' || receiver.library !== 'axios') return undefined;
            merge(evaluation, axiosDefaultsOf('default'));
            return evaluation;
          }
          const created = creationOptions(receiver.origin, 'axios.create');
          if (created === undefined) return undefined;
          evaluateOptions(context, created, target.keys, evaluation);
          merge(evaluation, axiosDefaultsOf(receiver.origin));
          merge(evaluation, axiosDefaultsOf('default'));
          return evaluation.unknown || evaluation.bound === 'none' ? undefined : evaluation;
        }
        case 'got-instance': {
          if (receiver.origin === undefined) return receiver.via === 'type' || receiver.library !== 'got' ? undefined : evaluation;
          const chain = gotChain(receiver.origin, target, evaluation, 0);
          return chain && !evaluation.unknown && evaluation.bound !== 'none' ? evaluation : undefined;
        }
        case 'ky-instance': {
          if (receiver.origin === undefined) return evaluation;
          const created = creationOptions(receiver.origin, undefined);
          if (created === undefined) return undefined;
          objects.push(...created);
          return evaluation;
        }
        case 'undici-dispatcher': {
          if (receiver.origin === undefined) return evaluation;
          const created = creationOptions(receiver.origin, undefined);
          if (created === undefined) return undefined;
          objects.push(...created);
          return evaluation;
        }
        default:
          return undefined;
      }
    }

    /** The options objects of the call that made an instance; undefined when not spelled out. */
    function creationOptions(origin: TSESTree.Node, expectedId: string | undefined): Objects[number][] | undefined {
      if (origin.type !== 'CallExpression' && origin.type !== 'NewExpression') return undefined;
      const resolved = resolveCall(context, origin);
      if (resolved === undefined || (expectedId !== undefined && resolved.api?.id !== expectedId)) return undefined;
      const target = timeoutTargetOf(resolved);
      if (target === undefined) return undefined;
      const located = locateOptions(context, resolved, target);
      return located.kind === 'known' ? [...located.objects] : undefined;
    }

    /** Folds `got.extend(a).extend(b)` into one evaluation; false when a link is not visible. */
    function gotChain(origin: TSESTree.Node, target: TimeoutTarget, into: Evaluation, depth: number): boolean {
      if (depth > MAX_EXTEND_DEPTH || (origin.type !== 'CallExpression' && origin.type !== 'NewExpression')) return false;
      const resolved = resolveCall(context, origin);
      if (resolved?.api?.id !== 'got.extend') return false;
      const created = creationOptions(origin, 'got.extend');
      if (created === undefined) return false;
      evaluateOptions(context, created, target.keys, into);
      const parent = resolved.receiver;
      if (parent === undefined) return false;
      if (parent.origin === undefined) return parent.via !== 'type' && parent.library === 'got';
      return gotChain(parent.origin, target, into, depth + 1);
    }

    // ---- the checks ------------------------------------------------------------------------

    function checkRequest(resolved: ResolvedCall, target: TimeoutTarget): void {
      const located = locateOptions(context, resolved, target);
      if (located.kind === 'unknown') return;
      const objects = [...located.objects];
      const evaluation = emptyEvaluation();
      if (target.library === 'fetch' && !fetchInputIsUrl(resolved.node, evaluation)) return;
      if ((target.library === 'fetch' || target.library === 'undici') && reachesNoSocket(resolved, located.objects)) return;
      if (target.library === 'mongodb') {
        const uri = connectionStringTimeout(context, resolved.node.arguments[0]);
        if (uri === 'unknown') return;
        if (uri === 'deadline') addBound(evaluation, 'deadline', '`timeoutMS`');
      }
      const receiver = resolved.receiver;
      if (receiver !== undefined) {
        const fromInstance = instanceEvaluation(receiver, target, objects);
        if (fromInstance === undefined) return;
        merge(evaluation, fromInstance);
      }
      evaluateOptions(context, objects, target.keys, evaluation);
      applyDefaults(context, objects, target, evaluation);
      if (target.library === 'http' && !isAtLeast(evaluation.bound, needed)) {
        // `const req = http.request(…); req.setTimeout(ms, …)` bounds it too; a request handed on may be bounded elsewhere.
        const uses = valueUses(context, resolved.node, { chainable: (method) => CLIENT_REQUEST_CHAINABLE.has(method) });
        if (uses.escapes) return;
        for (const use of uses.calls) {
          const argument = use.call.arguments[0];
          const value = argument === undefined ? undefined : staticValue(context, argument);
          if (use.method === 'setTimeout' && argument !== undefined && (value === undefined || (typeof value.value === 'number' && value.value > 0))) {
            addBound(evaluation, 'idle', '`req.setTimeout()`');
          }
        }
      }
      if (!isUnbounded(evaluation) || target.remedy === undefined || target.fix === undefined) return;
      report(resolved, evaluation, target.remedy[mode], optionsFix(resolved, located, target.fix[mode]));
    }

    /**
     * `fetch(new Request(url, { signal }))` carries its own signal, also through a `const`
     * (openai `src/internal/auth/x509-transport-capability.ts`); a typed `Request` may. A static
     * `about:`, `data:` or `blob:` URL never reaches the network (openai's `fetch('about:blank')`
     * capability probe). A GET or HEAD with a body rejects before it connects.
     */
    function fetchInputIsUrl(node: TSESTree.CallExpression | TSESTree.NewExpression, into: Evaluation): boolean {
      const input = node.arguments[0];
      if (input === undefined) return false;
      const url = staticValue(context, input)?.value;
      if (typeof url === 'string' && /^(about|data|blob):/i.test(url)) return false;
      if (node.type === 'CallExpression' && rejectsBeforeSending(context, node)) return false;
      const construction = requestConstruction(input);
      if (construction !== undefined) {
        const ref = resolveRef(context, construction.callee);
        // The global `Request`, or undici's and node-fetch's (`import { Request } from 'undici'`).
        const isRequestClass = ref?.kind === 'path' && ['global', 'undici', 'node-fetch'].includes(ref.root) && ref.path.join('.') === 'Request';
        if (isRequestClass) {
          const init = readOptionsObject(context, construction.arguments[1]);
          if (init.kind === 'opaque') return false;
          if (init.kind === 'object') addState(into, keyState(context, init, SIGNAL_KEY), SIGNAL_KEY);
          return true;
        }
      }
      return shapeOf(context, input) === 'scalar' || !isTypedAsRequest(input);
    }

    /**
     * `fetch(url, { dispatcher: probe })` with `const probe = new ProxyAgent({ uri, factory(origin) { …; throw … } })`:
     * undici's `Agent`, `Pool` and `BalancedPool` get the dispatcher behind each origin (or each
     * connection) from their `factory` option, and `ProxyAgent` to an `http:`/`https:` proxy hands
     * it to its inner agent; the factory runs when a request is dispatched, before any socket
     * opens. One that throws on every call makes every request through that dispatcher fail at
     * once, so there is nothing to bound (openai `src/internal/auth/x509-transport-capability.ts`,
     * a capability probe). Also for a request made on such a dispatcher (`probe.request(…)`).
     */
    function reachesNoSocket(resolved: ResolvedCall, objects: Objects): boolean {
      const origin = resolved.receiver?.instance === 'undici-dispatcher' ? resolved.receiver.origin : undefined;
      if (origin !== undefined && origin.type === 'NewExpression' && factoryAlwaysThrows(origin)) return true;
      return objects.some((options) => {
        const dispatcher = options.properties.get('dispatcher');
        if (dispatcher === undefined || dispatcher.kind !== 'init') return false;
        const construction = requestConstruction(dispatcher.value);
        return construction !== undefined && factoryAlwaysThrows(construction);
      });
    }

    function factoryAlwaysThrows(construction: TSESTree.NewExpression): boolean {
      const id = resolveCall(context, construction)?.api?.id;
      const index = id === 'undici.Agent' || id === 'undici.ProxyAgent' ? 0 : id === 'undici.Pool' || id === 'undici.BalancedPool' ? 1 : undefined;
      if (index === undefined) return false;
      const options = readOptionsObject(context, construction.arguments[index]);
      if (options.kind !== 'object') return false;
      if (id === 'undici.ProxyAgent') {
        // A SOCKS proxy connects through its own pool and never calls `factory`.
        const uri = options.properties.get('uri');
        const value = uri === undefined || uri.kind !== 'init' ? undefined : staticValue(context, uri.value)?.value;
        if (typeof value !== 'string' || !/^https?:\/\//i.test(value)) return false;
      }
      const factory = options.properties.get('factory');
      const fn = factory === undefined || factory.kind !== 'init' ? undefined : unwrapExpression(factory.value);
      if ((fn?.type !== 'FunctionExpression' && fn?.type !== 'ArrowFunctionExpression') || fn.async || fn.generator || fn.body.type !== 'BlockStatement') return false;
      // Its last statement throws and nothing returns before: every call throws.
      const returns = (node: TSESTree.Node): boolean => node.type === 'ReturnStatement';
      return fn.body.body.at(-1)?.type === 'ThrowStatement' && !someDescendant(sourceCode, fn.body, returns, { enterFunctions: false });
    }

    /** `new X(…)` written in place or as the initializer of the `const` passed. */
    function requestConstruction(input: TSESTree.Node): TSESTree.NewExpression | undefined {
      const value = unwrapExpression(input);
      if (value.type === 'NewExpression') return value;
      const init = value.type === 'Identifier' ? constInitializer(context.sourceCode, value) : undefined;
      const constructed = init === undefined ? undefined : unwrapExpression(init);
      return constructed?.type === 'NewExpression' ? constructed : undefined;
    }

    function isTypedAsRequest(node: TSESTree.Node): boolean {
      const services = getTypeServices(context);
      const tsNode = services?.toTsNode(node);
      if (services === undefined || tsNode === undefined) return false;
      try {
        const type = services.checker.getTypeAtLocation(tsNode);
        const types = type.isUnion() ? type.types : [type];
        return types.some((part) => part.getSymbol()?.getName() === 'Request');
      } catch {
        return true;
      }
    }

    function checkSuperagent(resolved: ResolvedCall): void {
      const evaluation = emptyEvaluation();
      const receiver = resolved.receiver;
      if (receiver !== undefined && receiver.origin !== undefined) {
        // superagent.agent().timeout(…) sets a default for every request of the agent.
        const agentUses = valueUses(context, receiver.origin, { chainable: (method) => !SUPERAGENT_TERMINAL_METHODS.has(method) && !SUPERAGENT_REQUEST_METHODS.has(method) });
        if (agentUses.escapes) return;
        for (const use of agentUses.calls) if (use.method === 'timeout') addSuperagentTimeout(use.call, evaluation);
      } else if (receiver !== undefined && (receiver.via === 'type' || receiver.library !== 'superagent')) {
        return;
      }
      const uses = valueUses(context, resolved.node, { chainable: (method) => !SUPERAGENT_TERMINAL_METHODS.has(method) });
      const timeouts = uses.calls.filter((use) => use.method === 'timeout');
      for (const use of timeouts) addSuperagentTimeout(use.call, evaluation);
      // A request handed to someone else may get its timeout there.
      if (uses.escapes || !isUnbounded(evaluation)) return;
      const idle = isAtLeast(evaluation.bound, 'response');
      const existing = timeouts.at(-1)?.call.arguments[0];
      const existingObject = existing === undefined ? undefined : readOptionsObject(context, existing);
      let suggestion: { fix: (fixer: RuleFixer) => RuleFix | null; text: string } | undefined;
      if (!idle) {
        const node = resolved.node;
        const text = `.timeout(${ms})`;
        suggestion = { text, fix: (fixer) => fixer.insertTextAfter(node, text) };
      } else if (existingObject?.kind === 'object' && existingObject.inline && canAddNestedOption(existingObject.node, ['deadline'])) {
        const object = existingObject.node;
        suggestion = { text: `deadline: ${ms}`, fix: (fixer) => addNestedOption(fixer, sourceCode, object, ['deadline'], ms) ?? null };
      }
      report(resolved, evaluation, idle ? '`.timeout({ deadline: ms })`' : '`.timeout(ms)` (a deadline for the whole request)', suggestion);
    }

    /** superagent: `.timeout(ms)` is a deadline; `.timeout({ deadline, response, upload })` names its parts. */
    function addSuperagentTimeout(call: TSESTree.CallExpression, into: Evaluation): void {
      const argument = call.arguments[0];
      if (argument === undefined) return;
      const options = readOptionsObject(context, argument);
      if (options.kind === 'object') {
        for (const key of SUPERAGENT_TIMEOUT_KEYS) addState(into, keyState(context, options, key), key);
        return;
      }
      const value = staticValue(context, argument);
      if (value !== undefined && isOffValue(value.value, SUPERAGENT_NUMBER_TIMEOUT.off)) into.disabled = true;
      else if (value === undefined || typeof value.value === 'number') addBound(into, 'deadline', '`.timeout()`');
    }

    function checkGrpc(resolved: ResolvedCall, receiver: InstanceRef): void {
      const method = receiver.path[0];
      if (receiver.path.length !== 1 || method === undefined || GRPC_CLIENT_METHODS.has(method)) return;
      const origin = receiver.origin;
      // Channel options (a service config with timeouts, interceptors) may set deadlines for every call.
      if (origin?.type === 'NewExpression' && origin.arguments.length > 2) return;
      const args = resolved.node.arguments;
      if (args.some((argument) => argument.type === 'SpreadElement')) return;
      const evaluation = emptyEvaluation();
      let callback: TSESTree.Node | undefined;
      for (const [index, argument] of args.entries()) {
        const shape = shapeOf(context, argument);
        if (shape === 'function') {
          callback ??= argument;
          continue;
        }
        if (shape === 'options') {
          const options = readOptionsObject(context, argument);
          if (options.kind === 'object') addState(evaluation, keyState(context, options, GRPC_DEADLINE), GRPC_DEADLINE);
          continue;
        }
        // The first argument is the request message; a later unknown one may be metadata or call options.
        if (index > 0 && shape === 'unknown') return;
      }
      if (!isUnbounded(evaluation)) return;
      const text = `{ deadline: Date.now() + ${ms} }`;
      const node = resolved.node;
      const fix = callback === undefined ? (fixer: RuleFixer) => appendArgument(fixer, sourceCode, node, text) : insertBefore(callback, `${text}, `);
      report(resolved, evaluation, '`{ deadline: Date.now() + ms }` in the call options', { fix, text: `deadline: Date.now() + ${ms}` });
    }

    return {
      AssignmentExpression(node) {
        if (node.left.type !== 'MemberExpression') return;
        const write = axiosDefaultsWrite(context, node);
        if (write === undefined) return;
        const evaluation = axiosDefaults.get(write.owner) ?? emptyEvaluation();
        addState(evaluation, write.state, write.key);
        axiosDefaults.set(write.owner, evaluation);
      },
      'CallExpression, NewExpression'(node: TSESTree.CallExpression | TSESTree.NewExpression) {
        const callee = node.callee;
        if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression') return;
        if (registersListener(node)) return;
        const resolved = resolveCall(context, node);
        if (resolved === undefined) return;
        const receiver = resolved.receiver;
        if (resolved.api === undefined) {
          if (receiver?.instance === 'grpc-client' && !ignore.includes('grpc')) pending.push(() => { checkGrpc(resolved, receiver); });
          return;
        }
        if (resolved.api.id === 'superagent.request') {
          if (!ignore.includes('superagent')) pending.push(() => { checkSuperagent(resolved); });
          return;
        }
        const target = timeoutTargetOf(resolved);
        if (target?.role !== 'request' || ignore.includes(target.library)) return;
        pending.push(() => { checkRequest(resolved, target); });
      },
      'Program:exit'() {
        for (const check of pending) check();
      },
    };
  },
});

function merge(into: Evaluation, from: Evaluation): void {
  if (from.unknown) into.unknown = true;
  if (from.disabled) into.disabled = true;
  for (const via of from.via) addBound(into, from.bound, via);
}

function insertBefore(node: TSESTree.Node, text: string): (fixer: RuleFixer) => RuleFix {
  return (fixer) => fixer.insertTextBefore(node, text);
}
