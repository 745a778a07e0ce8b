// The zrepl heartbeatconn lesson in DESIGN.md: a long-lived connection needs a liveness
// deadline. `ws` answers pings but never sends them (ws README, "How to detect and close
// broken connections"), and `net` sockets have no timeout by default, so a peer that vanishes
// without a FIN keeps its connection open forever (fosrl/pangolin#3697, zotero/stream-server#13).
import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleFixer } from '@typescript-eslint/utils/ts-eslint';

import { LISTENER_METHODS } from '../analysis/api-catalog';
import type { FileGate } from '../analysis/file-gate';
import { mayReach } from '../analysis/file-gate';
import { propertyValue, readOptionsObject } from '../analysis/object-options';
import { resolveCall, resolveRef } from '../analysis/resolve';
import { staticValue } from '../analysis/static-value';
import type { FunctionNode } from '../analysis/syntax';
import { findVariable, isFunctionNode, localFunction, skipWrappersUpward, staticPropertyName, unwrapExpression } from '../analysis/syntax';
import { createRule } from '../util/create-rule';

export type Options = [{ checkNetServers: boolean; defaultTimeoutMs: number }];
export type MessageId = 'missingHeartbeat' | 'missingSocketTimeout' | 'addSocketTimeout';

/** Calls that take a socket without taking over its lifetime. */
const COLLECTION_METHODS: ReadonlySet<string> = new Set(['add', 'set', 'push', 'unshift', 'delete', 'has', 'indexOf', 'includes', 'splice']);
const TIMER_FUNCTIONS: ReadonlySet<string> = new Set(['setTimeout', 'setInterval']);
/** How deep socket parameters are followed into helper functions of the same file. */
const MAX_HELPER_DEPTH = 3;

/** One `'connection'` handler: the function and the server it was registered on. */
interface Handler {
  fn: FunctionNode;
  /** Identifies the server: the node that made it, or the expression it was reached through. */
  server: TSESTree.Node | undefined;
  /** The server's options say its sockets are kept in check (net `keepAlive: true`). */
  serverLiveness: boolean;
}

/** The libraries whose servers the rule checks: `ws`'s WebSocketServer, `net`/`tls` servers. */
const SERVER_SOURCES: FileGate = { modules: ['ws', 'net', 'tls'], globals: [] };

export default createRule<Options, MessageId>({
  name: 'require-heartbeat',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a heartbeat or idle timeout on the connections of `ws` WebSocket servers and raw `net` servers',
      family: 'lifecycle',
      preset: 'strict',
      severity: 'warn',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          checkNetServers: {
            type: 'boolean',
            description: 'Also require `socket.setTimeout()` (or TCP keep-alive) on the sockets of `net`/`tls` servers.',
          },
          defaultTimeoutMs: {
            type: 'integer',
            minimum: 1,
            description: 'The idle timeout, in milliseconds, that the `setTimeout` suggestion inserts.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      missingHeartbeat:
        "Connections of this `ws` server are never pinged and have no liveness deadline: a peer that disappears without a close frame stays connected (and in memory) forever. `ping()` them on an interval and `terminate()` the ones that miss a `'pong'`.",
      missingSocketTimeout:
        "Sockets of this server have no idle timeout: a peer that disappears without closing keeps `{{name}}` open forever. Call `{{name}}.setTimeout(ms)` and destroy the socket on `'timeout'`.",
      addSocketTimeout: 'Destroy `{{name}}` after {{ms}} ms without traffic.',
    },
  },
  defaultOptions: [{ checkNetServers: true, defaultTimeoutMs: 30_000 }],
  create(context, [{ checkNetServers, defaultTimeoutMs }]) {
    // Servers come from `ws`, `net` or `tls` (or a type): skip every other file before any listener runs.
    if (!mayReach(context, SERVER_SOURCES)) return {};
    const wsHandlers: Handler[] = [];
    const netHandlers: Handler[] = [];
    /** Anything in the file that looks like a WebSocket heartbeat or deadline. Loose on purpose: it only silences. */
    let wsLivenessSeen = false;

    function onCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const callee = unwrapExpression(node.callee);
      const method = callee.type === 'MemberExpression' ? staticPropertyName(callee) : undefined;
      if (method !== undefined && node.type === 'CallExpression') {
        noteLivenessEvidence(node, method);
        if (LISTENER_METHODS.has(method)) noteConnectionListener(node);
      }
      if (checkNetServers) noteNetServer(node);
    }

    function noteLivenessEvidence(node: TSESTree.CallExpression, method: string): void {
      if (wsLivenessSeen) return;
      const [first] = node.arguments;
      switch (method) {
        case 'ping':
          wsLivenessSeen = true;
          return;
        case 'setTimeout':
          // `ws._socket.setTimeout(ms)`, `req.socket.setTimeout(ms)`: an idle deadline (0 disables it).
          wsLivenessSeen = first !== undefined && first.type !== 'SpreadElement' && staticValue(context, first)?.value !== 0;
          return;
        case 'terminate':
          wsLivenessSeen = isInsideTimerCallback(node);
          return;
        default:
          if ((LISTENER_METHODS.has(method) || method === 'addEventListener') && first !== undefined) {
            const event = staticValue(context, first)?.value;
            wsLivenessSeen = event === 'pong' || event === 'ping';
          }
      }
    }

    /** `wss.on('connection', ws => …)` · `server.on('connection', socket => …)` */
    function noteConnectionListener(node: TSESTree.CallExpression): void {
      const [eventArgument, listener] = node.arguments;
      if (eventArgument === undefined || listener === undefined) return;
      const event = staticValue(context, eventArgument)?.value;
      if (event !== 'connection' && event !== 'secureConnection') return;
      const fn = handlerFunction(listener);
      if (fn === undefined) return;
      const receiver = resolveCall(context, node)?.receiver;
      if (receiver === undefined || receiver.path.length !== 1) return;
      const callee = unwrapExpression(node.callee) as TSESTree.MemberExpression;
      const server = ownedServer(callee.object);
      if (server === undefined) return;
      if (receiver.instance === 'ws-server' && event === 'connection') {
        wsHandlers.push({ fn, server: receiver.origin ?? server, serverLiveness: false });
      } else if (receiver.instance === 'net-server' && checkNetServers) {
        netHandlers.push({ fn, server: receiver.origin ?? server, serverLiveness: hasKeepAliveOption(receiver.origin) });
      }
    }

    /** `net.createServer(opts, socket => …)` · `new tls.Server(opts, socket => …)` */
    function noteNetServer(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const last = node.arguments.at(-1);
      if (last === undefined || !mayBeServerFactory(node.callee)) return;
      const fn = handlerFunction(last);
      if (fn === undefined) return;
      const resolved = resolveCall(context, node);
      if (resolved?.api?.id !== 'net.createServer' || resolved.receiver !== undefined || serverLeavesFile(node)) return;
      netHandlers.push({ fn, server: node, serverLiveness: hasKeepAliveOption(node) });
    }

    /** `export default net.createServer(…)`, `module.exports = …`, `return …`, `f(…)`, or a variable that does any of these. */
    function serverLeavesFile(server: TSESTree.Node): boolean {
      const use = skipWrappersUpward(server);
      const parent = use.parent;
      switch (parent?.type) {
        case 'VariableDeclarator':
          return parent.id.type !== 'Identifier' || ownedServer(parent.id) === undefined;
        case 'ExpressionStatement':
          return false;
        case 'MemberExpression':
          // net.createServer(…).listen(…)
          return parent.object !== use;
        case 'AssignmentExpression':
          return !(parent.left.type === 'MemberExpression' && unwrapExpression(parent.left.object).type === 'ThisExpression');
        default:
          return true;
      }
    }

    /**
     * Cheap syntactic filter before resolving: `x.createServer`/`x.Server`, or a name bound by an
     * import or `require` (which covers renamed imports); the resolver then decides.
     */
    function mayBeServerFactory(callee: TSESTree.Node): boolean {
      const value = unwrapExpression(callee);
      if (value.type === 'MemberExpression') {
        const name = staticPropertyName(value);
        return name === 'createServer' || name === 'Server';
      }
      if (value.type !== 'Identifier') return false;
      const def = findVariable(context.sourceCode.getScope(value), value)?.defs[0];
      if (def?.type === 'ImportBinding') return true;
      // `const { createServer } = require('node:net')`, `const mk = require('node:net').createServer`
      const init = def?.type === 'Variable' ? def.node.init : null;
      return init?.type === 'CallExpression' || init?.type === 'MemberExpression';
    }

    /** The listener as a function in this file: written inline, or a local function by name. */
    function handlerFunction(argument: TSESTree.Node): FunctionNode | undefined {
      return localFunction(context.sourceCode, argument);
    }

    /**
     * The server expression when this file owns the server: made inline, held by a local
     * variable that never leaves the file's hands, or a class field. Servers that arrive as
     * parameters or imports, or are handed to other code, may get their heartbeat there.
     */
    function ownedServer(expression: TSESTree.Node): TSESTree.Node | undefined {
      const value = unwrapExpression(expression);
      if (value.type === 'NewExpression' || value.type === 'CallExpression') return value;
      if (value.type === 'MemberExpression' && unwrapExpression(value.object).type === 'ThisExpression') return value;
      if (value.type !== 'Identifier') return undefined;
      const variable = findVariable(context.sourceCode.getScope(value), value);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (variable === undefined || def?.type !== 'Variable' || def.node.id.type !== 'Identifier') return undefined;
      if (def.parent.parent.type === 'ExportNamedDeclaration') return undefined;
      for (const reference of variable.references) {
        if (reference.init === true) continue;
        const use = skipWrappersUpward(reference.identifier);
        // Only `server.method(…)`/`server.prop` uses: passing, returning, storing or exporting it hands it on.
        if (use.parent?.type !== 'MemberExpression' || use.parent.object !== use) return undefined;
      }
      return def.node;
    }

    function hasKeepAliveOption(server: TSESTree.Node | undefined): boolean {
      if (server?.type !== 'CallExpression' && server?.type !== 'NewExpression') return false;
      const [first] = server.arguments;
      if (first === undefined || first.type === 'SpreadElement') return false;
      const options = readOptionsObject(context, first);
      if (options.kind !== 'object') return false;
      const keepAlive = propertyValue(options, 'keepAlive');
      return keepAlive !== undefined && staticValue(context, keepAlive)?.value !== false;
    }

    function isInsideTimerCallback(node: TSESTree.Node): boolean {
      for (let current = node.parent; current !== undefined && current.type !== 'Program'; current = current.parent) {
        if (!isFunctionNode(current)) continue;
        const call = skipWrappersUpward(current).parent;
        if (call?.type !== 'CallExpression' || !call.arguments.includes(skipWrappersUpward(current) as TSESTree.CallExpressionArgument)) continue;
        const ref = resolveRef(context, call.callee);
        if (ref?.kind === 'path' && ref.root === 'global' && ref.path.length === 1 && TIMER_FUNCTIONS.has(ref.path[0] ?? '')) return true;
      }
      return false;
    }

    /**
     * What a function does with its socket parameter (the handler's first, or a local helper's):
     * sets a deadline, closes it at once, hands it to code we cannot see, or nothing.
     */
    function socketIsLookedAfter(fn: FunctionNode, index: number, timeoutMethodsOnly: boolean, depth: number): boolean {
      const param = fn.params[index];
      if (param === undefined) return false; // the function never even sees the connection
      if (param.type !== 'Identifier') return true; // destructured: cannot follow, stay silent
      const variable = context.sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === param.name);
      if (variable === undefined) return true;
      for (const reference of variable.references) {
        const use = skipWrappersUpward(reference.identifier);
        const parent = use.parent;
        if (parent === undefined) continue;
        if (parent.type === 'MemberExpression' && parent.object === use) {
          if (isLivenessCall(parent, fn, timeoutMethodsOnly)) return true;
          continue;
        }
        if ((parent.type !== 'CallExpression' && parent.type !== 'NewExpression') || keepsOwnership(parent)) continue;
        const position = parent.arguments.indexOf(use as TSESTree.CallExpressionArgument);
        if (position < 0) continue;
        // A helper in this file is followed; anything else may keep its own deadline.
        const helper = parent.type === 'CallExpression' ? handlerFunction(parent.callee) : undefined;
        if (helper === undefined || parent.arguments.slice(0, position).some((argument) => argument.type === 'SpreadElement')) return true;
        if (depth >= MAX_HELPER_DEPTH || socketIsLookedAfter(helper, position, timeoutMethodsOnly, depth + 1)) return true;
      }
      return false;
    }

    /** `socket.setTimeout(ms)`, `socket.setKeepAlive(true, ms)`, or `socket.end()` as the handler's own statement. */
    function isLivenessCall(member: TSESTree.MemberExpression, fn: FunctionNode, timeoutMethodsOnly: boolean): boolean {
      const call = member.parent;
      if (call.type !== 'CallExpression' || call.callee !== member) return false;
      const method = staticPropertyName(member);
      const [first] = call.arguments;
      const firstValue = first === undefined || first.type === 'SpreadElement' ? undefined : staticValue(context, first);
      switch (method) {
        case 'setTimeout':
          return firstValue?.value !== 0;
        case 'setKeepAlive':
          return !timeoutMethodsOnly && first !== undefined && firstValue?.value !== false;
        case 'end':
        case 'destroy':
        case 'destroySoon':
        case 'resetAndDestroy': {
          // Served and closed right away, not in some later callback.
          if (timeoutMethodsOnly) return false;
          const statement = skipWrappersUpward(call).parent;
          return statement?.type === 'ExpressionStatement' && statement.parent === fn.body;
        }
        default:
          return false;
      }
    }

    /** Calls that take the socket without taking over its lifetime: `a.pipe(s)`, `pipeline(a, s)`, `clients.add(s)`. */
    function keepsOwnership(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
      if (call.type !== 'CallExpression') return false;
      const callee = unwrapExpression(call.callee);
      if (callee.type === 'MemberExpression') {
        const method = staticPropertyName(callee);
        if (method === 'pipe' || (method !== undefined && COLLECTION_METHODS.has(method))) return true;
      }
      const api = resolveCall(context, call)?.api;
      return api?.id === 'stream.pipeline';
    }

    function reportWs(handler: Handler): void {
      context.report({ node: reportTarget(handler.fn), messageId: 'missingHeartbeat' });
    }

    function reportNet(handler: Handler): void {
      const param = handler.fn.params[0];
      if (param?.type !== 'Identifier') {
        context.report({ node: handler.fn, messageId: 'missingSocketTimeout', data: { name: 'socket' } });
        return;
      }
      const body = handler.fn.body;
      context.report({
        node: param,
        messageId: 'missingSocketTimeout',
        data: { name: param.name },
        suggest:
          body.type === 'BlockStatement'
            ? [
                {
                  messageId: 'addSocketTimeout',
                  data: { name: param.name, ms: String(defaultTimeoutMs) },
                  fix: (fixer) => insertFirstStatement(fixer, body, `${param.name}.setTimeout(${formatMs(defaultTimeoutMs)}, () => ${param.name}.destroy());`),
                },
              ]
            : [],
      });
    }

    function insertFirstStatement(fixer: RuleFixer, body: TSESTree.BlockStatement, text: string) {
      const first = body.body[0];
      const { lines } = context.sourceCode;
      if (first !== undefined) {
        // Same line as the brace (`{ a(); b(); }`): stay on that line.
        if (first.loc.start.line === body.loc.start.line) return fixer.insertTextBefore(first, `${text} `);
        const indent = /^\s*/.exec(lines[first.loc.start.line - 1] ?? '')?.[0] ?? '';
        return fixer.insertTextBefore(first, `${text}\n${indent}`);
      }
      const indent = /^\s*/.exec(lines[body.loc.start.line - 1] ?? '')?.[0] ?? '';
      const openBrace = body.range[0] + 1;
      return fixer.insertTextAfterRange([openBrace, openBrace], `\n${indent}  ${text}\n${indent}`);
    }

    return {
      CallExpression: onCall,
      NewExpression: onCall,
      'Program:exit'() {
        if (!wsLivenessSeen) {
          for (const handler of wsHandlers) {
            if (!socketIsLookedAfter(handler.fn, 0, true, 0)) reportWs(handler);
          }
        }
        // One server may register several handlers; any of them may set the deadline.
        const netServers = new Map<TSESTree.Node | undefined, Handler[]>();
        for (const handler of netHandlers) netServers.set(handler.server, [...(netServers.get(handler.server) ?? []), handler]);
        for (const handlers of netServers.values()) {
          if (handlers.some((handler) => handler.serverLiveness || socketIsLookedAfter(handler.fn, 0, false, 0))) continue;
          for (const handler of handlers) reportNet(handler);
        }
      },
    };
  },
});

/** The connection parameter, or the function itself when it takes none. */
function reportTarget(fn: FunctionNode): TSESTree.Node {
  return fn.params[0] ?? fn;
}

function formatMs(ms: number): string {
  return ms >= 10_000 && Number.isInteger(ms) ? ms.toLocaleString('en-US').replace(/,/g, '_') : String(ms);
}
