// The Tarsnap outage in DESIGN.md, as fan-out: `Promise.all` over every input at once exhausted
// file descriptors and memory in parcel-bundler/parcel#3344 and webtorrent/webtorrent.io#119.
import type { TSESTree } from '@typescript-eslint/utils';

import type { ApiInfo } from '../analysis/api-catalog';
import { someDescendant } from '../analysis/descendants';
import type { LoopNode } from '../analysis/loops';
import { importedModules } from '../analysis/imported-modules';
import { enclosingLoop } from '../analysis/loops';
import type { ModuleId } from '../analysis/modules';
import type { ResolvedCall } from '../analysis/resolve';
import { describeRef, resolveCall, resolveInstance, resolveRef } from '../analysis/resolve';
import { staticNumber } from '../analysis/static-value';
import { findVariable, isFunctionNode, localFunction, skipWrappersUpward, staticPropertyName, unwrapExpression } from '../analysis/syntax';
import { getTypeServices } from '../analysis/types';
import { createRule } from '../util/create-rule';

export type Options = [];
export type MessageId = 'unboundedFanOut' | 'unboundedLoop';

/** Catalog ids of calls that start a network request (not factories such as `axios.create`). */
const NETWORK_REQUEST_ID =
  /^(?:fetch|undici\.(?:request|stream|pipeline|connect|upgrade)|http\.(?:request|get)|net\.connect|superagent\.request|axios\.(?:request|get|delete|head|options|post|put|patch|postForm|putForm|patchForm)|got(?:\.stream)?(?:\.(?:get|delete|head|options|post|put|patch))?|ky(?:\.(?:get|delete|head|options|post|put|patch))?)$/;
const NETWORK_MODULES: ReadonlySet<ModuleId> = new Set(['http', 'https', 'net', 'tls', 'undici', 'node-fetch', 'axios', 'got', 'ky', 'superagent']);
const STREAM_KINDS = new Set(['readable', 'duplex', 'got-stream']);
/** A loop bound written in the file up to this many iterations is a known, small fan-out. */
const MAX_STATED_ITERATIONS = 100;

export default createRule<Options, MessageId>({
  name: 'no-unbounded-concurrency',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow starting a network request for every element of an input of unknown size at once',
      family: 'queues',
      preset: 'strict',
      severity: 'warn',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    schema: [],
    messages: {
      unboundedFanOut:
        '`{{method}}()` starts a network request for every element at once: a long input opens as many connections and holds as many responses as it has elements. Run the requests through a pool with a concurrency limit (`p-limit`, or `p-map` with `concurrency`).',
      unboundedLoop:
        'This loop starts a network request on every iteration without waiting for it, so all of them run at once. Await each request, or run them through a pool with a concurrency limit (`p-limit`, `p-map`).',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    // Requests need global fetch (named in the text) or a network library loaded by the file.
    const mayRequest = /\bfetch\b/.test(sourceCode.text) || [...importedModules(sourceCode.ast)].some((module) => NETWORK_MODULES.has(module));
    if (!mayRequest) return {};

    function isNetworkCall(node: TSESTree.Node): boolean {
      if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return false;
      const callee = unwrapExpression(node.callee);
      if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression' && callee.type !== 'CallExpression') return false;
      return startsRequest(resolveCall(context, node));
    }

    /**
     * Whether `fn` starts a request in its own body (not in a callback it hands to someone, such
     * as a limiter), itself or through a function of this file it calls (one level deep).
     */
    function startsRequestDirectly(fn: TSESTree.Node, followLocalCalls = true): boolean {
      return someDescendant(
        sourceCode,
        fn,
        (node) => {
          if (isNetworkCall(node)) return true;
          if (!followLocalCalls || node.type !== 'CallExpression') return false;
          const local = localFunction(sourceCode, node.callee);
          return local !== undefined && local !== fn && startsRequestDirectly(local, false);
        },
        { enterFunctions: false },
      );
    }

    /** The callback given to `map`/`forEach` starts a request: inline, by name (`fetch`, `axios.get`), or as a function of this file. */
    function callbackStartsRequest(argument: TSESTree.Node): boolean {
      const value = unwrapExpression(argument);
      if (isFunctionNode(value)) return startsRequestDirectly(value);
      if (value.type !== 'Identifier' && value.type !== 'MemberExpression') return false;
      const ref = resolveRef(context, value);
      if (ref !== undefined) return isNetworkApi(describeRef(ref));
      const local = localFunction(sourceCode, value);
      return local !== undefined && startsRequestDirectly(local, false);
    }


    /** Inputs whose size the file states: array literals, `const` array literals never added to, `xs.slice(a, b)` batches, tuples. */
    function isKnownSmall(node: TSESTree.Node): boolean {
      const value = unwrapExpression(node);
      if (value.type === 'ArrayExpression') return value.elements.every((element) => element?.type !== 'SpreadElement');
      if (value.type === 'CallExpression') {
        const callee = unwrapExpression(value.callee);
        return callee.type === 'MemberExpression' && staticPropertyName(callee) === 'slice' && value.arguments.length === 2;
      }
      if (value.type === 'Identifier') {
        const variable = findVariable(sourceCode.getScope(value), value);
        const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        if (def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init !== null && unwrapExpression(def.node.init).type === 'ArrayExpression') {
          const grown = variable?.references.some((reference) => {
            const member = skipWrappersUpward(reference.identifier).parent;
            return member?.type === 'MemberExpression' && ['push', 'unshift', 'splice'].includes(staticPropertyName(member) ?? '');
          });
          if (grown !== true && isKnownSmall(def.node.init)) return true;
        }
      }
      return isTuple(value);
    }

    function isTuple(node: TSESTree.Node): boolean {
      const services = getTypeServices(context);
      const tsNode = services?.toTsNode(node);
      if (services === undefined || tsNode === undefined) return false;
      try {
        return services.checker.isTupleType(services.checker.getTypeAtLocation(tsNode));
      } catch {
        return false;
      }
    }

    /** A loop that waits on every iteration (`await`, `for await`) is paced, not a burst. */
    function isPaced(loop: LoopNode): boolean {
      if (loop.type === 'ForOfStatement' && loop.await) return true;
      return someDescendant(sourceCode, loop.body, (node) => node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await), { enterFunctions: false });
    }

    function isKnownSmallLoop(loop: LoopNode): boolean {
      if (loop.type === 'ForOfStatement') return isKnownSmall(loop.right);
      if (loop.type !== 'ForStatement' || loop.test?.type !== 'BinaryExpression' || loop.test.left.type === 'PrivateIdentifier') return false;
      // for (let i = 0; i < 3; i++): a small bound the file states.
      const bound = staticNumber(context, loop.test.right) ?? staticNumber(context, loop.test.left);
      return bound !== undefined && bound <= MAX_STATED_ITERATIONS;
    }

    /** Between the call and its loop, an `await` or a `yield` waits for the request, or a `return` ends the loop with it. */
    function isWaitedFor(call: TSESTree.Node, loop: LoopNode): boolean {
      let current: TSESTree.Node | undefined = call.parent;
      while (current && current !== loop) {
        if (current.type === 'AwaitExpression' || current.type === 'YieldExpression' || current.type === 'ReturnStatement') return true;
        current = current.parent;
      }
      return false;
    }

    return {
      CallExpression(node) {
        const callee = unwrapExpression(node.callee);
        if (callee.type === 'MemberExpression') {
          const method = staticPropertyName(callee);
          const [callback] = node.arguments;
          if ((method === 'map' || method === 'flatMap' || method === 'forEach') && callback !== undefined && callback.type !== 'SpreadElement') {
            checkIteration(node, callee, method, callback);
          }
        }
        checkLoopCall(node);
      },
      NewExpression: checkLoopCall,
    };

    function checkIteration(node: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string, callback: TSESTree.Expression): void {
      if (!callbackStartsRequest(callback) || isKnownSmall(callee.object)) return;
      const stream = resolveInstance(context, callee.object);
      if (stream !== undefined && STREAM_KINDS.has(stream.instance)) return; // readable.map() runs one at a time by default
      const loop = enclosingLoop(node);
      if (loop !== undefined && isPaced(loop)) return; // a batch per iteration: `for (const batch of batches) await Promise.all(batch.map(f))`
      context.report({ node, messageId: 'unboundedFanOut', data: { method } });
    }

    function checkLoopCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const loop = enclosingLoop(node);
      if (loop === undefined || !isNetworkCall(node)) return;
      if (isWaitedFor(node, loop) || isPaced(loop) || isKnownSmallLoop(loop)) return;
      context.report({ node, messageId: 'unboundedLoop' });
    }
  },
});

function startsRequest(resolved: ResolvedCall | undefined): boolean {
  return resolved !== undefined && isNetworkApi(resolved.api);
}

function isNetworkApi(api: ApiInfo | undefined): boolean {
  return api !== undefined && NETWORK_REQUEST_ID.test(api.id);
}
