// The restic lesson in DESIGN.md: when every request opens its own connection, sockets pile up
// in TIME_WAIT until the ephemeral ports run out. An agent made per request has an empty
// keep-alive pool every time (Node docs on `agent: false`: "a one-time use Agent").
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';

import type { ResolvedCall } from '../analysis/resolve';
import { resolveCall } from '../analysis/resolve';
import { findVariable, isFunctionNode, skipWrappersUpward, staticKeyName, staticPropertyName, unwrapExpression } from '../analysis/syntax';
import { createRule } from '../util/create-rule';

export type Options = [];
export type MessageId = 'agentPerRequest';

/** Constructors of connection pools. */
const AGENT_IDS: ReadonlySet<string> = new Set([
  'http.Agent',
  'undici.Agent',
  'undici.Pool',
  'undici.Client',
  'undici.BalancedPool',
  'undici.ProxyAgent',
  'undici.EnvHttpProxyAgent',
  'undici.RetryAgent',
]);

/** Request options that take an agent or dispatcher (node:http, fetch/undici, axios, node-fetch, got). */
const AGENT_KEYS: ReadonlySet<string> = new Set(['agent', 'dispatcher', 'httpAgent', 'httpsAgent']);
/** got's `agent: { http, https, http2 }`. */
const PER_PROTOCOL_KEYS: ReadonlySet<string> = new Set(['http', 'https', 'http2']);

/** Calls that make one request (as opposed to building a client: `axios.create`, `got.extend`). */
const REQUEST_IDS: ReadonlySet<string> = new Set([
  'http.request',
  'http.get',
  'fetch',
  'undici.request',
  'undici.stream',
  'undici.pipeline',
  'undici.connect',
  'undici.upgrade',
  'got',
  'got.stream',
  'ky',
]);
const REQUEST_ID_PREFIXES = ['axios.', 'got.', 'got.stream.', 'ky.'];
const NOT_REQUEST_IDS: ReadonlySet<string> = new Set(['axios.create', 'axios.defaults', 'got.extend', 'got.paginate', 'ky.create', 'ky.extend']);

/** Methods of an undici dispatcher that make a request (resolved through the catalog afterwards). */
const DISPATCHER_REQUEST_METHODS: ReadonlySet<string> = new Set(['request', 'stream', 'pipeline', 'connect', 'upgrade']);
/** Methods of a dispatcher that release it rather than hand it on. */
const RELEASE_METHODS: ReadonlySet<string> = new Set(['close', 'destroy']);

type Where = 'call' | 'iteration';

export default createRule<Options, MessageId>({
  name: 'no-agent-per-request',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow creating an HTTP agent or undici dispatcher for a single request, which throws its keep-alive pool away',
      family: 'lifecycle',
      preset: 'recommended',
      severity: 'warn',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    schema: [],
    messages: {
      agentPerRequest:
        'A new `{{name}}` is made {{where}} and used for this request only: each one opens fresh connections and throws its keep-alive pool away. Create it once (at module level, or cached per configuration) and reuse it.',
    },
  },
  defaultOptions: [],
  create(context) {
    return {
      NewExpression(node) {
        const callee = unwrapExpression(node.callee);
        if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression') return;
        // Cheap first: inside a function or loop, in a place an agent could be handed to a request.
        const where = perCallContainer(node);
        if (where === undefined || !mayReachRequest(node)) return;
        const resolved = resolveCall(context, node);
        if (resolved?.api === undefined || resolved.receiver !== undefined || !AGENT_IDS.has(resolved.api.id)) return;
        if (!usedForOneRequest(node, where.container)) return;
        context.report({
          node,
          messageId: 'agentPerRequest',
          data: {
            name: context.sourceCode.getText(callee),
            where: where.kind === 'call' ? 'on every call of this function' : 'on every iteration of this loop',
          },
        });
      },
    };

    /**
     * Syntax alone says the new object could reach a request: it is the value of an agent
     * option, the receiver of a dispatcher method, or a local whose uses include one of those.
     */
    function mayReachRequest(agent: TSESTree.NewExpression): boolean {
      const use = skipWrappersUpward(agent);
      const parent = use.parent;
      if (parent?.type === 'VariableDeclarator' && parent.init === use && parent.id.type === 'Identifier') {
        const variable = declaredVariable(parent.id);
        return variable?.references.some((reference) => isAgentShapedUse(skipWrappersUpward(reference.identifier))) === true;
      }
      return isAgentShapedUse(use);
    }

    /** The agent only serves requests of this call/iteration: inline in their options, or a local used only there. */
    function usedForOneRequest(agent: TSESTree.NewExpression, container: TSESTree.Node): boolean {
      const use = skipWrappersUpward(agent);
      const parent = use.parent;
      if (parent === undefined) return false;
      if (parent.type === 'VariableDeclarator' && parent.init === use && parent.id.type === 'Identifier') {
        return variableServesOneRequest(parent.id, container);
      }
      return isRequestUse(use, container);
    }

    /** `const agent = new Agent(); await fetch(u, { dispatcher: agent }); await agent.close();` */
    function variableServesOneRequest(id: TSESTree.Identifier, container: TSESTree.Node): boolean {
      const variable = declaredVariable(id);
      if (variable === undefined) return false;
      let requests = 0;
      for (const reference of variable.references) {
        if (reference.init === true && reference.identifier === id) continue;
        // Any other write (`agent = cached`) or read we do not understand is a hand-over: stay silent.
        if (reference.isWrite()) return false;
        const use = skipWrappersUpward(reference.identifier);
        if (isReleaseCall(use)) continue;
        if (!isRequestUse(use, container)) return false;
        requests++;
      }
      return requests > 0;
    }

    /** `use` (the agent, or a variable holding it) is the agent of a request made in `container` itself. */
    function isRequestUse(use: TSESTree.Node, container: TSESTree.Node): boolean {
      const parent = use.parent;
      if (parent === undefined) return false;
      // new Pool(origin).request(…) · pool.request(…)
      if (parent.type === 'MemberExpression' && parent.object === use) {
        const call = parent.parent;
        return call.type === 'CallExpression' && call.callee === parent && isRequestCall(resolveCall(context, call)) && runsOncePer(call, container);
      }
      if (parent.type !== 'Property' || parent.value !== use || parent.parent.type !== 'ObjectExpression') return false;
      const key = staticKeyName(parent);
      if (key === undefined) return false;
      let options: TSESTree.ObjectExpression = parent.parent;
      if (PER_PROTOCOL_KEYS.has(key)) {
        // got: { agent: { https: new https.Agent() } }
        const outer = skipWrappersUpward(options).parent;
        if (outer?.type !== 'Property' || outer.parent.type !== 'ObjectExpression' || staticKeyName(outer) !== 'agent') return false;
        options = outer.parent;
      } else if (!AGENT_KEYS.has(key)) {
        return false;
      }
      return optionsReachRequest(options, container);
    }

    /** The options object is an argument of a request call, inline or through a `const` used right there. */
    function optionsReachRequest(options: TSESTree.ObjectExpression, container: TSESTree.Node): boolean {
      const use = skipWrappersUpward(options);
      const parent = use.parent;
      if (parent?.type === 'CallExpression' && parent.arguments.includes(use as TSESTree.CallExpressionArgument)) {
        return isRequestCall(resolveCall(context, parent)) && runsOncePer(parent, container);
      }
      if (parent?.type === 'VariableDeclarator' && parent.init === use && parent.id.type === 'Identifier' && parent.parent.kind === 'const') {
        const variable = declaredVariable(parent.id);
        return (
          variable?.references.some((reference) => {
            const argument = skipWrappersUpward(reference.identifier);
            const call = argument.parent;
            return (
              call?.type === 'CallExpression' &&
              call.arguments.includes(argument as TSESTree.CallExpressionArgument) &&
              isRequestCall(resolveCall(context, call)) &&
              runsOncePer(call, container)
            );
          }) === true
        );
      }
      return false;
    }

    function declaredVariable(id: TSESTree.Identifier): Scope.Variable | undefined {
      return findVariable(context.sourceCode.getScope(id), id);
    }
  },
});

/** `{ agent: x }`, `{ dispatcher }`, `{ https: x }` (got), `x.request(…)`: where an agent meets a request. */
function isAgentShapedUse(use: TSESTree.Node): boolean {
  const parent = use.parent;
  if (parent === undefined) return false;
  if (parent.type === 'Property' && parent.value === use) {
    const key = staticKeyName(parent);
    return key !== undefined && (AGENT_KEYS.has(key) || PER_PROTOCOL_KEYS.has(key));
  }
  if (parent.type === 'MemberExpression' && parent.object === use) {
    const method = staticPropertyName(parent);
    return method !== undefined && DISPATCHER_REQUEST_METHODS.has(method) && parent.parent.type === 'CallExpression';
  }
  return false;
}

function isRequestCall(resolved: ResolvedCall | undefined): boolean {
  const id = resolved?.api?.id;
  if (id === undefined || NOT_REQUEST_IDS.has(id)) return false;
  return REQUEST_IDS.has(id) || REQUEST_ID_PREFIXES.some((prefix) => id.startsWith(prefix));
}

/** `agent.close()` / `await pool.destroy()`: releasing the agent does not hand it on. */
function isReleaseCall(use: TSESTree.Node): boolean {
  const member = use.parent;
  if (member?.type !== 'MemberExpression' || member.object !== use) return false;
  const name = staticPropertyName(member);
  if (name === undefined || !RELEASE_METHODS.has(name)) return false;
  return member.parent.type === 'CallExpression' && member.parent.callee === member;
}

/**
 * The innermost function or loop body that runs once per request-making call around `node`,
 * and which of the two it is; undefined at module level (including immediately-invoked
 * functions and static blocks there, which run once).
 */
function perCallContainer(node: TSESTree.Node): { kind: Where; container: TSESTree.Node } | undefined {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current !== undefined && current.type !== 'Program'; child = current, current = current.parent) {
    if (isLoopBody(current, child)) return { kind: 'iteration', container: current };
    if (isFunctionNode(current) && !isImmediatelyInvoked(current)) return { kind: 'call', container: current };
  }
  return undefined;
}

/** `child` is evaluated once per iteration of the loop `loop` (not its one-time parts). */
function isLoopBody(loop: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (loop.type) {
    case 'ForStatement':
      return child === loop.body || child === loop.test || child === loop.update;
    case 'ForInStatement':
    case 'ForOfStatement':
      return child === loop.body || child === loop.left;
    case 'WhileStatement':
    case 'DoWhileStatement':
      return child === loop.body || child === loop.test;
    default:
      return false;
  }
}

function isImmediatelyInvoked(fn: TSESTree.Node): boolean {
  const outer = skipWrappersUpward(fn);
  const parent = outer.parent;
  return parent?.type === 'CallExpression' && unwrapExpression(parent.callee) === fn;
}

/**
 * The request at `call` runs once each time `container` runs: no loop or function boundary
 * lies between them (a request inside a loop or callback reuses the agent).
 */
function runsOncePer(call: TSESTree.Node, container: TSESTree.Node): boolean {
  let child: TSESTree.Node = call;
  for (let current = call.parent; current !== undefined && current.type !== 'Program'; child = current, current = current.parent) {
    if (current === container) return true;
    if (isLoopBody(current, child) || isFunctionNode(current)) return false;
  }
  return false;
}
