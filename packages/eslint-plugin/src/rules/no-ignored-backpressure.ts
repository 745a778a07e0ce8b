// The Tarsnap outage in DESIGN.md, in its stream form: vercel/ai#9475 wrote a response in a
// tight loop ignoring `write()`'s result, so a slow client made the server buffer without limit.
import type { TSESTree } from '@typescript-eslint/utils';
import type { ReportSuggestionArray, RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';

import type { InstanceKind } from '../analysis/api-catalog';
import { someDescendant } from '../analysis/descendants';
import type { RepeatedContext } from '../analysis/loops';
import { dataListenerRegistration, enclosingLoop, isLoopNode, iterationCallbackCall, nearestFunction, repeatedContext } from '../analysis/loops';
import type { InstanceRef } from '../analysis/resolve';
import { describeRef, resolveInstance, resolveRef } from '../analysis/resolve';
import type { FunctionNode } from '../analysis/syntax';
import { enclosingFunction, findVariable, skipWrappersUpward, staticKeyName, staticPropertyName, unwrapExpression } from '../analysis/syntax';
import { eventsOnceName } from '../fixes/events-once';
import { createRule } from '../util/create-rule';

export type Options = [{ checkProcessStdio: boolean }];
export type MessageId = 'ignoredWrite' | 'ignoredPush' | 'awaitDrain';

const WRITABLE_KINDS: ReadonlySet<InstanceKind> = new Set(['writable', 'duplex', 'socket', 'server-response', 'client-request', 'got-stream']);
const READABLE_KINDS: ReadonlySet<InstanceKind> = new Set(['readable', 'duplex']);
/** Members whose use shows the code watches the writable's buffer. */
const DRAIN_MEMBERS: ReadonlySet<string> = new Set(['writableNeedDrain', 'writableLength']);

const WHERE: Readonly<Record<RepeatedContext['kind'], string>> = {
  loop: 'in a loop',
  'data-listener': "in a `'data'` listener",
  'iteration-callback': 'for each element of an array',
};

export default createRule<Options, MessageId>({
  name: 'no-ignored-backpressure',
  meta: {
    type: 'problem',
    docs: {
      description: "Require checking the result of `write()` and `push()` in loops and `'data'` listeners, so slow readers apply backpressure",
      family: 'queues',
      preset: 'recommended',
      severity: 'warn',
      requiresTypeChecking: false,
      usesTypeInformation: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          checkProcessStdio: {
            type: 'boolean',
            description:
              "Also check writes to the process's own `process.stdout` and `process.stderr` (off by default and in every preset: writes to files and terminals are synchronous, and to a pipe they are the calls `console.log` makes).",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      ignoredWrite:
        "The result of `{{name}}.write()` is ignored {{where}}: when the reader is slower than this code, every chunk piles up in memory. When `write()` returns `false`, wait for `'drain'` (or pause the source), or let `pipeline()` do it.",
      ignoredPush:
        'The result of `push()` is ignored {{where}}: once the buffer is full `push()` returns `false`, and pushing on grows it without a bound. Stop pushing when it returns `false` and continue in the next `_read()`.',
      awaitDrain: "Wait for `'drain'` when `write()` returns `false`.",
    },
  },
  defaultOptions: [{ checkProcessStdio: false }],
  create(context, [{ checkProcessStdio }]) {
    const sourceCode = context.sourceCode;

    /** Whether code near the write already handles a full buffer: a `'drain'` wait or a look at `writableNeedDrain`. */
    function handlesDrain(repeated: RepeatedContext, write: TSESTree.CallExpression): boolean {
      const regions: TSESTree.Node[] = [];
      if (repeated.kind === 'data-listener') {
        regions.push(repeated.listener);
        const outer = enclosingFunction(repeated.registration);
        if (outer !== undefined) regions.push(outer);
      } else {
        const fn = enclosingFunction(write);
        if (fn !== undefined) regions.push(fn);
      }
      return regions.some((region) => someDescendant(sourceCode, region, isDrainEvidence, { enterFunctions: true }));
    }

    function drainSuggestion(write: TSESTree.CallExpression, statement: TSESTree.ExpressionStatement, receiver: TSESTree.Node): ReportSuggestionArray<MessageId> {
      const fn = nearestFunction(write);
      // `out?.write(x)` may skip the write, and then `once(out, …)` would throw.
      if (fn?.async !== true || statement.expression !== write) return [];
      if (!isSimpleReference(receiver) || !isStatementPosition(statement)) return [];
      const receiverText = sourceCode.getText(receiver);
      const callText = sourceCode.getText(write);
      return [
        {
          messageId: 'awaitDrain',
          fix: (fixer: RuleFixer): RuleFix[] => {
            const once = eventsOnceName(context, fixer, write);
            const wait = once === undefined ? `new Promise((resolve) => ${receiverText}.once('drain', resolve))` : `${once.name}(${receiverText}, 'drain')`;
            return [fixer.replaceText(statement, `if (!${callText}) await ${wait};`), ...(once?.fixes ?? [])];
          },
        },
      ];
    }

    /** The receiver as written, with its parentheses: `(out as WriteStream)`, not `out as WriteStream`. */
    function receiverText(receiver: TSESTree.Expression): string {
      const member = receiver.parent;
      const dot = member.type === 'MemberExpression' ? sourceCode.getTokenAfter(receiver, { filter: (token) => token.value === '.' || token.value === '?.' }) : null;
      return dot === null ? sourceCode.getText(receiver) : sourceCode.text.slice(member.range[0], dot.range[0]);
    }

    function checkWrite(node: TSESTree.CallExpression, receiver: TSESTree.Expression, statement: TSESTree.ExpressionStatement | undefined): void {
      const repeated = repeatedContext(node);
      if (repeated === undefined) return;
      const instance = resolveInstance(context, receiver);
      if (instance === undefined || instance.promise || !WRITABLE_KINDS.has(instance.instance)) return;
      if (!checkProcessStdio && isProcessStdio(instance)) return;
      if (handlesDrain(repeated, node)) return;
      if (repeated.kind === 'loop' && fillsNewStream(node, instance.origin)) return;
      context.report({
        node,
        messageId: 'ignoredWrite',
        data: { name: receiverText(receiver), where: WHERE[repeated.kind] },
        suggest: repeated.kind === 'loop' && statement !== undefined ? drainSuggestion(node, statement, receiver) : [],
      });
    }

    function checkPush(node: TSESTree.CallExpression, receiver: TSESTree.Expression): void {
      if (endsStream(node) || leavesLoopAfter(node)) return;
      if (receiver.type === 'ThisExpression') {
        // `_read() { for (const x of items) this.push(x); }` in a Readable subclass or options object.
        const loop = enclosingLoop(node);
        const fn = enclosingFunction(node);
        if (loop === undefined || !isReadImplementation(fn) || isBoundedBySizeHint(node, fn)) return;
        context.report({ node, messageId: 'ignoredPush', data: { where: 'in a loop in `_read()`' } });
        return;
      }
      const repeated = repeatedContext(node);
      if (repeated === undefined) return;
      const instance = resolveInstance(context, receiver);
      if (instance === undefined || instance.promise || !READABLE_KINDS.has(instance.instance)) return;
      if (repeated.kind === 'loop' && fillsNewStream(node, instance.origin)) return;
      context.report({ node, messageId: 'ignoredPush', data: { where: WHERE[repeated.kind] } });
    }

    /**
     * `const s = new Readable(); for (…) s.push(buffer.slice(i, i + n)); return s;`: a stream made
     * here and filled, with no `await` between pushes, before anyone can read it. The chunks are
     * data already in memory (superagent `lib/node/index.js` `bufferToChunks`; the header lines
     * telegraf's `multipart-stream.ts` writes to a new `PassThrough`); there is nothing to wait for.
     */
    function fillsNewStream(push: TSESTree.CallExpression, origin: TSESTree.Node | undefined): boolean {
      if (origin?.type !== 'NewExpression' || enclosingFunction(origin) !== enclosingFunction(push)) return false;
      const loop = enclosingLoop(push);
      const isSuspension = (node: TSESTree.Node): boolean => node.type === 'AwaitExpression' || node.type === 'YieldExpression';
      return loop !== undefined && !(loop.type === 'ForOfStatement' && loop.await) && !someDescendant(sourceCode, loop, isSuspension, { enterFunctions: false });
    }

    /**
     * `readable.push(keys); if (cursor === '0') readable.push(null); return;`: a `return` or
     * `throw` right after the push, in the same block, leaves the loop, so the loop does not
     * repeat it (bullmq `classes/bun-redis-client.js`, a SCAN stream's `read()`).
     */
    function leavesLoopAfter(push: TSESTree.CallExpression): boolean {
      const statement = skipWrappersUpward(push).parent;
      const block = statement?.parent;
      if (statement?.type !== 'ExpressionStatement' || block?.type !== 'BlockStatement') return false;
      const after = block.body.slice(block.body.indexOf(statement) + 1);
      return after.some((sibling) => sibling.type === 'ReturnStatement' || sibling.type === 'ThrowStatement');
    }

    /** `_read(size) { while (size > 0) { …; size--; } }`: a loop around the push that counts down Node's size hint bounds it. */
    function isBoundedBySizeHint(push: TSESTree.Node, fn: FunctionNode | TSESTree.Program | undefined): boolean {
      const param = fn === undefined || fn.type === 'Program' ? undefined : fn.params[0];
      if (param?.type !== 'Identifier') return false;
      const hint = findVariable(sourceCode.getScope(param), param);
      if (hint === undefined) return false;
      const isHint = (node: TSESTree.Node): boolean => node.type === 'Identifier' && findVariable(sourceCode.getScope(node), node) === hint;
      for (let loop = enclosingLoop(push); loop !== undefined; loop = enclosingLoop(loop)) {
        const test = loop.type === 'ForInStatement' || loop.type === 'ForOfStatement' ? null : loop.test;
        if (test !== null && (isHint(test) || someDescendant(sourceCode, test, isHint, { enterFunctions: false }))) return true;
      }
      return false;
    }

    /** `_read` of a class extending a Node Readable/Duplex, or `read` of the options of `new Readable({ read() {…} })`. */
    function isReadImplementation(fn: FunctionNode | TSESTree.Program | undefined): boolean {
      if (fn === undefined || fn.type === 'Program') return false;
      const owner = fn.parent;
      if (owner.type === 'MethodDefinition' && !owner.static && staticKeyName(owner) === '_read') {
        const klass = owner.parent.parent;
        if (klass.superClass === null) return false;
        const ref = resolveRef(context, klass.superClass);
        const returns = ref === undefined ? undefined : describeRef(ref)?.returns;
        return returns !== undefined && READABLE_KINDS.has(returns);
      }
      if (owner.type === 'Property' && owner.value === fn && staticKeyName(owner) === 'read') {
        const object = owner.parent;
        const construction = object.type === 'ObjectExpression' ? skipWrappersUpward(object).parent : undefined;
        if (construction?.type !== 'NewExpression' && construction?.type !== 'CallExpression') return false;
        if (construction.arguments[0] !== skipWrappersUpward(object)) return false;
        const instance = resolveInstance(context, construction);
        return instance !== undefined && READABLE_KINDS.has(instance.instance);
      }
      return false;
    }

    return {
      CallExpression(node) {
        const callee = unwrapExpression(node.callee);
        if (callee.type !== 'MemberExpression') return;
        const method = staticPropertyName(callee);
        if (method !== 'write' && method !== 'push') return;
        const statement = ignoringStatement(node);
        if (statement === undefined && !isIgnoredCallbackResult(node)) return;
        if (method === 'write') checkWrite(node, callee.object, statement);
        else checkPush(node, callee.object);
      },
    };
  },
});

/** The expression statement that throws a call's result away (`out.write(x);`, `void out.write(x);`). */
function ignoringStatement(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | undefined {
  let outer: TSESTree.Node = skipWrappersUpward(call);
  if (outer.parent?.type === 'UnaryExpression' && outer.parent.operator === 'void') outer = outer.parent;
  return outer.parent?.type === 'ExpressionStatement' ? outer.parent : undefined;
}

/**
 * The body of an arrow function whose value nobody reads: a `'data'` listener
 * (`src.on('data', c => out.write(c))`) or a `forEach` callback.
 */
function isIgnoredCallbackResult(call: TSESTree.CallExpression): boolean {
  const outer = skipWrappersUpward(call);
  const fn = outer.parent;
  if (fn?.type !== 'ArrowFunctionExpression' || fn.body !== outer) return false;
  if (dataListenerRegistration(fn) !== undefined) return true;
  const iteration = iterationCallbackCall(fn);
  const callee = iteration === undefined ? undefined : unwrapExpression(iteration.callee);
  return callee?.type === 'MemberExpression' && staticPropertyName(callee) === 'forEach';
}

function isDrainEvidence(node: TSESTree.Node): boolean {
  if (node.type === 'Literal') return node.value === 'drain';
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0 && node.quasis[0]?.value.cooked === 'drain';
  if (node.type === 'MemberExpression') {
    const name = staticPropertyName(node);
    return name !== undefined && DRAIN_MEMBERS.has(name);
  }
  return false;
}

/** `push(null)` ends the stream: it adds no data to the buffer (bullmq `classes/bun-redis-client.js`). */
function endsStream(push: TSESTree.CallExpression): boolean {
  const chunk = push.arguments[0];
  return push.arguments.length === 1 && chunk?.type === 'Literal' && chunk.value === null;
}

/**
 * The process's own `stdout`/`stderr`, however the file reaches them: `process.stdout`,
 * `globalThis.process.stderr`, `const { stdout } = process`, `import { stdout } from 'node:process'`,
 * `require('process').stderr`. The resolver gives them as values of the global `process` or of the
 * `process` module, which no call in the file made (`origin` is undefined); those two catalogs hold
 * no other writable. Not reported by default: to a file or (on POSIX) a terminal the writes are
 * synchronous, so nothing piles up; to a pipe they are asynchronous, but so is every `console.log`,
 * which makes the same calls, and the reader is whoever started the process, not a peer.
 */
function isProcessStdio(instance: InstanceRef): boolean {
  return instance.origin === undefined && (instance.library === 'global' || instance.library === 'process');
}

/** An expression that can be repeated without side effects: `out`, `this.out`, `ctx.res`. */
function isSimpleReference(node: TSESTree.Node): boolean {
  if (node.type === 'Identifier' || node.type === 'ThisExpression') return true;
  return node.type === 'MemberExpression' && !node.computed && !node.optional && isSimpleReference(node.object);
}

/**
 * Statements that may become an `if` statement as they are: in a block, a `case` or the body of
 * a loop. Not the branch of an `if` (an inner `if` would capture its `else`).
 */
function isStatementPosition(statement: TSESTree.ExpressionStatement): boolean {
  const parent = statement.parent;
  if (isLoopNode(parent)) return parent.body === statement;
  return parent.type === 'BlockStatement' || parent.type === 'Program' || parent.type === 'SwitchCase' || parent.type === 'StaticBlock';
}
