// The Tarsnap outage in DESIGN.md: a back-end write queue with no bound grew under load until
// the server ran out of memory (also braintrust-sdk-javascript#727, csfloat/inspect#129).
import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext, Scope } from '@typescript-eslint/utils/ts-eslint';

import type { InstanceKind } from '../analysis/api-catalog';
import { mentionsName, someDescendant } from '../analysis/descendants';
import { importedModules } from '../analysis/imported-modules';
import { isBoundingLengthRead, variableHasLengthBound } from '../analysis/length-guards';
import { iterationCallbackCall } from '../analysis/loops';
import type { ModuleId } from '../analysis/modules';
import { propertyValue, readOptionsObject } from '../analysis/object-options';
import { describeRef, resolveInstance, resolveRef } from '../analysis/resolve';
import { staticNumber } from '../analysis/static-value';
import type { FunctionNode } from '../analysis/syntax';
import { findVariable, isFunctionNode, skipWrappersUpward, staticKeyName, staticPropertyName, unwrapExpression } from '../analysis/syntax';
import { createRule } from '../util/create-rule';

export type Options = [{ checkPQueueProducers: boolean }];
export type MessageId = 'unboundedArrayQueue' | 'unboundedConcurrency' | 'uncheckedProducer' | 'unboundedHighWaterMark';

const ADD_METHODS: Readonly<Record<string, 'front' | 'back'>> = { push: 'front', unshift: 'back' };
const HIGH_WATER_MARK_KEYS = ['highWaterMark', 'readableHighWaterMark', 'writableHighWaterMark'];
const STREAM_KINDS: ReadonlySet<InstanceKind> = new Set(['readable', 'writable', 'duplex']);

/** Per library queue kind: the methods that add work, and the members whose use shows the producer watches the queue. */
const LIBRARY_QUEUES: Readonly<Partial<Record<InstanceKind, { label: string; add: ReadonlySet<string>; checks: ReadonlySet<string>; check: string }>>> = {
  'p-queue': {
    label: 'p-queue',
    add: new Set(['add', 'addAll']),
    checks: new Set(['size', 'onSizeLessThan', 'onEmpty', 'onIdle']),
    check: 'await queue.onSizeLessThan(limit)',
  },
  'async-queue': {
    label: 'async.queue',
    add: new Set(['push', 'unshift', 'pushAsync', 'unshiftAsync']),
    checks: new Set(['length', 'saturated', 'unsaturated', 'idle', 'drain', 'empty']),
    check: 'queue.length()',
  },
  'fastq-queue': {
    label: 'fastq',
    add: new Set(['push', 'unshift']),
    checks: new Set(['length', 'saturated', 'idle', 'drain', 'drained', 'empty']),
    check: 'queue.length()',
  },
};
const QUEUE_MODULES: ReadonlySet<ModuleId> = new Set(['p-queue', 'async', 'fastq']);
const LIBRARY_ADD_METHODS: ReadonlySet<string> = new Set(Object.values(LIBRARY_QUEUES).flatMap((queue) => [...queue.add]));
const LIBRARY_CHECK_MEMBERS: ReadonlySet<string> = new Set(Object.values(LIBRARY_QUEUES).flatMap((queue) => [...queue.checks]));

/** What the file does with one array held in a class field: every use of `this.<name>`. */
interface FieldUses {
  adds: { call: TSESTree.CallExpression; end: 'front' | 'back' }[];
  /** The `shift()`/`pop()` calls: a producer that takes them itself drains in place. */
  takes: TSESTree.CallExpression[];
  takesFront: boolean;
  takesBack: boolean;
  bounded: boolean;
  escapes: boolean;
}

interface LibraryQueue {
  kind: InstanceKind;
  origin: TSESTree.Node;
  producers: TSESTree.CallExpression[];
  checked: boolean;
}

export default createRule<Options, MessageId>({
  name: 'no-unbounded-queue',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow in-memory queues that grow without a bound: arrays used as queues, queue libraries without limits, `highWaterMark: Infinity`',
      family: 'queues',
      preset: 'recommended',
      severity: 'warn',
      requiresTypeChecking: false,
      usesTypeInformation: true,
      strictOptions: { checkPQueueProducers: true },
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkPQueueProducers: {
            type: 'boolean',
            description:
              'Also report p-queue instances whose producers add work from a handler without ever reading `size` or awaiting `onSizeLessThan`/`onEmpty`/`onIdle` (on in `strict`).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      unboundedArrayQueue:
        '`{{name}}` is used as a queue (taken from with `{{take}}()`) but nothing bounds its length: when producers outpace the consumer it grows until the process runs out of memory. Check `{{name}}.length` against a limit before adding, and drop, reject or wait when it is full.',
      unboundedConcurrency:
        'This p-queue has no `concurrency` limit, so every task added starts at once. Pass `concurrency` (for example `new PQueue({ concurrency: 10 })`).',
      uncheckedProducer:
        'Work is added to this {{library}} queue from a handler, but nothing ever checks how long the queue is: its backlog grows without a bound. Wait or refuse work when it is long (`{{check}}`).',
      unboundedHighWaterMark:
        '`{{key}}: {{value}}` turns off backpressure: the stream buffers everything it is given. Use a finite value, or leave it out for the default.',
    },
  },
  defaultOptions: [{ checkPQueueProducers: false }],
  create(context, [{ checkPQueueProducers }]) {
    const sourceCode = context.sourceCode;
    const arrayVariables = new Set<Scope.Variable>();
    const fieldsByClass = new Map<TSESTree.ClassBody, Map<string, FieldUses>>();
    const libraryQueues = new Map<TSESTree.Node, LibraryQueue>();
    // A static `highWaterMark` option is spelled out somewhere in the file.
    const mentionsHighWaterMark = sourceCode.text.includes('ighWaterMark');
    // Library queues exist only in files that load a queue library: skip their lookups elsewhere.
    const usesQueueLibrary = [...importedModules(sourceCode.ast)].some((module) => QUEUE_MODULES.has(module));

    function fieldUses(body: TSESTree.ClassBody, name: string): FieldUses {
      let byName = fieldsByClass.get(body);
      if (byName === undefined) {
        byName = new Map();
        fieldsByClass.set(body, byName);
      }
      let uses = byName.get(name);
      if (uses === undefined) {
        uses = { adds: [], takes: [], takesFront: false, takesBack: false, bounded: false, escapes: false };
        byName.set(name, uses);
      }
      return uses;
    }

    /** Records one `this.<name>` occurrence inside a class whose field `<name>` starts as an array. */
    function recordFieldUse(member: TSESTree.MemberExpression): void {
      const name = memberName(member);
      const body = name === undefined ? undefined : enclosingClassBody(member);
      if (name === undefined || body === undefined || !isArrayField(body, name)) return;
      const uses = fieldUses(body, name);
      const outer = skipWrappersUpward(member);
      const parent = outer.parent;
      if (parent?.type === 'AssignmentExpression' && parent.left === outer) {
        if (unwrapExpression(parent.right).type !== 'ArrayExpression') uses.escapes = true;
        return;
      }
      if (parent?.type !== 'MemberExpression' || parent.object !== outer) {
        uses.escapes = true;
        return;
      }
      const method = staticPropertyName(parent);
      if (method === 'length') {
        if (isBoundingLengthRead(context, parent)) uses.bounded = true;
        if (isReturnedLength(parent)) uses.escapes = true; // a queue class that tells its callers how long it is
        return;
      }
      const call = skipWrappersUpward(parent).parent;
      if (call?.type !== 'CallExpression' || call.callee !== skipWrappersUpward(parent)) return;
      const operation = arrayOperation(context, call, method);
      if ((operation === 'take-front' || operation === 'take-back') && takesEveryElement(call)) return;
      if ((operation === 'take-front' || operation === 'take-back') && isEviction(call)) uses.bounded = true;
      if (operation === 'take-front' || operation === 'take-back') uses.takes.push(call);
      if (operation === 'take-front') uses.takesFront = true;
      else if (operation === 'take-back') uses.takesBack = true;
      else if (operation !== undefined) {
        const fn = effectiveFunction(call);
        if (fn !== undefined && !isConstructor(fn)) uses.adds.push({ call, end: operation === 'add-front' ? 'front' : 'back' });
      }
    }

    /**
     * `if (store.size >= max) keys.shift()`: a take under a size test evicts the oldest entry to
     * keep a bound (kept in this array or elsewhere, as in an LRU's key list).
     */
    function isEviction(take: TSESTree.CallExpression): boolean {
      let child: TSESTree.Node = take;
      let current: TSESTree.Node | undefined = take.parent;
      while (current && !isFunctionNode(current)) {
        if (current.type === 'IfStatement' && current.test !== child && hasSizeTest(current.test)) return true;
        child = current;
        current = current.parent;
      }
      return false;
    }

    function hasSizeTest(test: TSESTree.Expression): boolean {
      const isSizeComparison = (node: TSESTree.Node): boolean => {
        if (node.type !== 'BinaryExpression' || !['<', '<=', '>', '>='].includes(node.operator) || node.left.type === 'PrivateIdentifier') return false;
        return [node.left, node.right].every((side) => (staticNumber(context, side) ?? 2) > 1);
      };
      return isSizeComparison(test) || someDescendant(sourceCode, test, isSizeComparison, { enterFunctions: false });
    }

    /**
     * Reports an array queue once, at its first producer that can outpace the consumer: a bound
     * added anywhere fixes every producer, so one report per queue. Nothing is reported when a
     * producer pauses its source before adding (grpc-js `server-interceptors.ts`: the paused
     * HTTP/2 stream's flow-control window bounds what arrives).
     */
    function reportQueue(
      adds: readonly { call: TSESTree.CallExpression; end: 'front' | 'back' }[],
      takes: readonly TSESTree.CallExpression[],
      sides: { front: boolean; back: boolean },
      name: string,
    ): void {
      if (adds.some(({ call }) => pausesSource(call))) return;
      const first = adds.find(
        ({ call, end }) =>
          sides[end] && !drainsInPlace(call, takes) && !defersWriteCallback(call) && !isSentAlongside(call) && !awaitsEntry(call) && !isRefilledOnDemand(call, takes),
      );
      if (first === undefined) return;
      context.report({ node: first.call, messageId: 'unboundedArrayQueue', data: { name, take: first.end === 'front' ? 'shift' : 'pop' } });
    }

    /**
     * `const done = batches.map((batch) => new Promise((resolve, reject) => queue.push({ batch, resolve, reject })));
     * …; await Promise.allSettled(done);`: each entry carries the `resolve` of a promise its
     * producer awaits, so the producer adds more only once the consumer has taken what it added
     * (kafkajs `src/consumer/workerQueue.js`).
     */
    function awaitsEntry(add: TSESTree.CallExpression): boolean {
      let executor: TSESTree.Node | undefined = add.parent;
      while (executor !== undefined && !isFunctionNode(executor)) executor = executor.parent;
      if (executor === undefined || !isFunctionNode(executor)) return false;
      const construction = executor.parent;
      if (construction.type !== 'NewExpression' || construction.arguments[0] !== executor) return false;
      if (construction.callee.type !== 'Identifier' || construction.callee.name !== 'Promise') return false;
      const resolve = executor.params[0];
      if (resolve?.type !== 'Identifier' || !add.arguments.some((argument) => mentionsName(sourceCode, argument, resolve.name))) return false;
      let promise: TSESTree.Node = skipWrappersUpward(construction);
      // `items.map((item) => new Promise(…))`: the array of those promises.
      const callback = promise.parent;
      if (callback?.type === 'ArrowFunctionExpression' && callback.body === promise) {
        const map = callback.parent;
        const isMap = map.type === 'CallExpression' && map.arguments[0] === callback && map.callee.type === 'MemberExpression' && staticPropertyName(map.callee) === 'map';
        if (!isMap) return false;
        promise = skipWrappersUpward(map);
      }
      const declarator = promise.parent;
      if (declarator?.type !== 'VariableDeclarator' || declarator.init !== promise) return false;
      return sourceCode.getDeclaredVariables(declarator).some((variable) => variable.references.some((reference) => isAwaited(reference.identifier)));
    }

    /**
     * `this._sendCommand('QUIT'); this._responseActions.push(this.close);`: an entry added next to
     * the request it waits for (a statement beside it that calls `write()`/`send()`, or a method of
     * the class that does, now or in a callback such as `setImmediate(() => …)`). The list holds the requests in flight, which the connection's own
     * writes bound (nodemailer `smtp-connection/index.js`: a reply handler per SMTP command).
     * The entry may be added in a branch of an `if` beside the send: `if (fns.length) q.push(fns);
     * else q.push(null); transport.send(buffer);` (engine.io `build/socket.js`, a callback slot per
     * flushed write).
     */
    function isSentAlongside(add: TSESTree.CallExpression): boolean {
      const body = enclosingClassBody(add);
      const added = skipWrappersUpward(add).parent;
      if (added?.type !== 'ExpressionStatement') return false;
      let statement: TSESTree.ExpressionStatement | TSESTree.IfStatement | undefined = added;
      while (statement !== undefined) {
        const list: TSESTree.Node = statement.parent;
        // `if (a) q.push(x);` (a branch that is not a block) or `else if (…)`: look beside the whole `if`.
        if (list.type === 'IfStatement') {
          statement = list;
          continue;
        }
        const siblings = list.type === 'BlockStatement' || list.type === 'Program' ? list.body : list.type === 'SwitchCase' ? list.consequent : [];
        const current = statement;
        if (siblings.some((sibling) => sibling !== current && sibling.type === 'ExpressionStatement' && sendsRequest(sibling.expression, body))) return true;
        statement = enclosingIfBranch(list);
      }
      return false;
    }

    function sendsRequest(expression: TSESTree.Expression, body: TSESTree.ClassBody | undefined): boolean {
      const call = unwrapExpression(expression);
      if (call.type !== 'CallExpression') return false;
      // `setImmediate(() => this._sendCommand(cmd))`: sent a tick later.
      if (call.arguments.some((argument) => argument.type === 'ArrowFunctionExpression' && argument.expression && sendsRequest(argument.body, body))) return true;
      // `sendPacket(this, packet)`: a helper from another module, named for what it does (ssh2 `lib/protocol/Protocol.js`).
      if (call.callee.type === 'Identifier') return SENDER_FUNCTION.test(call.callee.name);
      if (call.callee.type !== 'MemberExpression') return false;
      const name = staticPropertyName(call.callee);
      if (name === undefined) return false;
      if (SEND_METHODS.has(name)) return true;
      if (call.callee.object.type !== 'ThisExpression' || body === undefined) return false;
      const method = body.body.find((member) => member.type === 'MethodDefinition' && !member.static && staticKeyName(member) === name);
      const isSend = (node: TSESTree.Node): boolean =>
        node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && SEND_METHODS.has(staticPropertyName(node.callee) ?? '');
      return method?.type === 'MethodDefinition' && method.value.body !== null && someDescendant(sourceCode, method.value.body, isSend, { enterFunctions: false });
    }

    /**
     * `_read() { if (items.length) return this.push(items.shift()); fetchPage().then((page) => { for (const x of page) items.push(x); }); }`:
     * the consumer refills the array itself, and only once it found it empty, so it never holds
     * more than one refill (minio `listIncompleteUploads`: one page of a listing per request).
     */
    function isRefilledOnDemand(add: TSESTree.CallExpression, takes: readonly TSESTree.CallExpression[]): boolean {
      return takes.some((take) => {
        const consumer = effectiveFunction(take);
        if (consumer === undefined || add.range[0] < consumer.range[0] || add.range[1] > consumer.range[1]) return false;
        const guard = emptinessGuard(take, consumer);
        return guard !== undefined && add.range[0] > guard.range[1];
      });
    }

    /** `if (q.length) return q.shift();` (or a block ending in `return`): the `if` that takes only while the array holds items. */
    function emptinessGuard(take: TSESTree.CallExpression, consumer: TSESTree.Node): TSESTree.IfStatement | undefined {
      const callee = unwrapExpression(take.callee);
      if (callee.type !== 'MemberExpression') return undefined;
      const array = sourceCode.getText(unwrapExpression(callee.object));
      let child: TSESTree.Node = take;
      for (let current: TSESTree.Node | undefined = take.parent; current !== undefined && current !== consumer; current = current.parent) {
        if (current.type === 'IfStatement') {
          if (current.consequent !== child) return undefined;
          const readsLength = (node: TSESTree.Node): boolean =>
            node.type === 'MemberExpression' && staticPropertyName(node) === 'length' && sourceCode.getText(unwrapExpression(node.object)) === array;
          if (!readsLength(current.test) && !someDescendant(sourceCode, current.test, readsLength, { enterFunctions: false })) return undefined;
          const last = current.consequent.type === 'BlockStatement' ? current.consequent.body.at(-1) : current.consequent;
          return last?.type === 'ReturnStatement' || last?.type === 'ThrowStatement' ? current : undefined;
        }
        if (isFunctionNode(current)) return undefined;
        child = current;
      }
      return undefined;
    }

    /**
     * `async.each(sessions.slice(), (session, cb) => { sessions.shift(); session.cancel(cb); })`:
     * one take for every element of a copy of the whole array empties it, like `splice(0)`: a
     * registry cleared as a whole (rascal `lib/amqp/Broker.js`, `unsubscribeAll()`), not a consumer.
     * So does a synchronous counted loop that takes once per element counted before it starts:
     * `const n = fns.length; for (let i = 0; i < n; i++) { const fn = fns.shift(); fn(); }`
     * (engine.io `build/socket.js`, `clearTransport()` running every clean-up callback).
     * The take must run for every element: a loop or callback that may stop early is a consumer,
     * and so is a counted loop that awaits between takes (it paces itself against a slow sink).
     */
    function takesEveryElement(take: TSESTree.CallExpression): boolean {
      const callee = unwrapExpression(take.callee);
      if (callee.type !== 'MemberExpression') return false;
      const array = sourceCode.getText(unwrapExpression(callee.object));
      const isCopy = (node: TSESTree.Node): boolean => {
        const value = unwrapExpression(node);
        if (value.type === 'ArrayExpression') {
          const [only] = value.elements;
          return value.elements.length === 1 && only?.type === 'SpreadElement' && sourceCode.getText(unwrapExpression(only.argument)) === array;
        }
        if (value.type !== 'CallExpression' || value.callee.type !== 'MemberExpression') return false;
        const method = staticPropertyName(value.callee);
        const object = unwrapExpression(value.callee.object);
        if (method === 'slice') {
          const [start] = value.arguments;
          const fromStart = value.arguments.length === 0 || (value.arguments.length === 1 && start?.type !== 'SpreadElement' && start !== undefined && staticNumber(context, start) === 0);
          return fromStart && sourceCode.getText(object) === array;
        }
        const [source] = value.arguments;
        if (method !== 'from' || value.arguments.length !== 1 || source === undefined || sourceCode.getText(unwrapExpression(source)) !== array) return false;
        // The global `Array`, not a local class of that name.
        const arrayClass = resolveRef(context, object);
        return arrayClass?.kind === 'path' && arrayClass.root === 'global' && arrayClass.path.join('.') === 'Array';
      };
      const statement = takeStatement(take);
      const block = statement?.parent;
      if (block?.type !== 'BlockStatement') return false;
      const stopsEarly = (node: TSESTree.Node): boolean => ['BreakStatement', 'ContinueStatement', 'ReturnStatement', 'ThrowStatement'].includes(node.type);
      if (someDescendant(sourceCode, block, stopsEarly, { enterFunctions: false })) return false;
      const owner = block.parent;
      if (owner.type === 'ForOfStatement') return isCopy(owner.right);
      if (owner.type === 'ForStatement') return countsEveryElement(owner, array);
      if (!isFunctionNode(owner)) return false;
      const call = owner.parent;
      if (call.type !== 'CallExpression' || !call.arguments.includes(owner as TSESTree.CallExpressionArgument)) return false;
      // `async.each(copy, fn)` or `copy.forEach(fn)`.
      if (call.arguments.some((argument) => argument !== owner && isCopy(argument))) return true;
      return call.callee.type === 'MemberExpression' && isCopy(call.callee.object);
    }

    /**
     * `for (let i = 0; i < n; i++) { … }` where `n` holds `array.length` read just before the loop
     * (a `const`, or a second declarator of the loop's own `let`), `i` is only counted up by the
     * loop, and nothing in the body suspends (`await`, `yield`): it runs once per element present
     * when it starts, all in one go.
     */
    function countsEveryElement(loop: TSESTree.ForStatement, array: string): boolean {
      const { init, test, update } = loop;
      if (init?.type !== 'VariableDeclaration' || test?.type !== 'BinaryExpression' || test.operator !== '<') return false;
      const [counter, ...rest] = init.declarations;
      if (counter?.id.type !== 'Identifier' || counter.init === null || staticNumber(context, counter.init) !== 0) return false;
      const index = counter.id.name;
      if (test.left.type !== 'Identifier' || test.left.name !== index || test.right.type !== 'Identifier') return false;
      // `i++`, `++i` or `i += 1`.
      let counted: TSESTree.Node | undefined;
      if (update?.type === 'UpdateExpression' && update.operator === '++') counted = update.argument;
      else if (update?.type === 'AssignmentExpression' && update.operator === '+=' && staticNumber(context, update.right) === 1) counted = update.left;
      if (counted?.type !== 'Identifier' || counted.name !== index) return false;
      const bound = test.right;
      const snapshot = findVariable(sourceCode.getScope(bound), bound);
      const def = snapshot?.defs.length === 1 ? snapshot.defs[0] : undefined;
      if (snapshot === undefined || def?.type !== 'Variable' || def.node.init === null) return false;
      // Declared in the loop's `let i = 0, n = q.length`, or by the statement right before the loop.
      const declaration = def.parent;
      const inLoop = declaration === init && rest.includes(def.node);
      const before = loop.parent.type === 'BlockStatement' ? loop.parent.body[loop.parent.body.indexOf(loop) - 1] : undefined;
      if (!inLoop && (declaration !== before || declaration.kind !== 'const')) return false;
      if (snapshot.references.some((reference) => reference.isWrite() && reference.identifier !== def.name)) return false;
      const length = unwrapExpression(def.node.init);
      if (length.type !== 'MemberExpression' || staticPropertyName(length) !== 'length' || sourceCode.getText(unwrapExpression(length.object)) !== array) return false;
      // The counter is the loop's own: nothing else moves it.
      const counterVariable = sourceCode.getDeclaredVariables(counter)[0];
      if (counterVariable === undefined || counterVariable.references.some((reference) => reference.isWrite() && reference.identifier !== counter.id && reference.identifier !== counted)) return false;
      const suspends = (node: TSESTree.Node): boolean => node.type === 'AwaitExpression' || node.type === 'YieldExpression';
      return !suspends(loop.body) && !someDescendant(sourceCode, loop.body, suspends, { enterFunctions: false });
    }

    function pausesSource(add: TSESTree.CallExpression): boolean {
      const fn = effectiveFunction(add);
      const isPause = (node: TSESTree.Node): boolean =>
        node.type === 'CallExpression' &&
        node.arguments.length === 0 &&
        node.callee.type === 'MemberExpression' &&
        staticPropertyName(node.callee) === 'pause';
      return fn !== undefined && someDescendant(sourceCode, fn.body, isPause, { enterFunctions: false });
    }

    /** An array held by a module-level or outer-scope variable: reported when used as an unbounded queue. */
    function checkArrayVariable(variable: Scope.Variable): void {
      const def = variable.defs[0];
      if (variable.defs.length !== 1 || def?.type !== 'Variable' || def.node.id.type !== 'Identifier') return;
      if (def.node.init === null || unwrapExpression(def.node.init).type !== 'ArrayExpression') return;
      if (def.parent.parent.type === 'ExportNamedDeclaration' || isInEmittedHelper(def.node)) return;
      const declaringFunction = ownerFunction(variable.scope.variableScope.block);
      const adds: { call: TSESTree.CallExpression; end: 'front' | 'back' }[] = [];
      const takes: TSESTree.CallExpression[] = [];
      let takesFront = false;
      let takesBack = false;
      for (const reference of variable.references) {
        const identifier = reference.identifier;
        if (identifier === def.name || isTypeOnly(reference)) continue;
        const outer = skipWrappersUpward(identifier);
        const parent = outer.parent;
        if (reference.isWrite()) {
          if (parent?.type !== 'AssignmentExpression' || parent.operator !== '=' || unwrapExpression(parent.right).type !== 'ArrayExpression') return;
          continue;
        }
        if (parent?.type !== 'MemberExpression' || parent.object !== outer) return; // passed, returned, aliased: someone else may bound it
        if (isReturnedLength(parent)) return; // `get size() { return queue.length; }`: callers can bound it
        const call = skipWrappersUpward(parent).parent;
        if (call?.type !== 'CallExpression' || call.callee !== skipWrappersUpward(parent)) continue;
        const operation = arrayOperation(context, call, staticPropertyName(parent));
        const fn = effectiveFunction(call) ?? sourceCode.ast;
        if (operation === 'take-front' || operation === 'take-back') {
          // Taken in the function that owns the array: a local work list (a BFS), not a queue.
          if (fn === declaringFunction || isEviction(call)) return;
          if (takesEveryElement(call)) continue;
          takes.push(call);
          if (operation === 'take-front') takesFront = true;
          else takesBack = true;
        } else if (operation !== undefined && fn !== declaringFunction && fn !== sourceCode.ast) {
          adds.push({ call, end: operation === 'add-front' ? 'front' : 'back' });
        }
      }
      if (adds.length === 0 || variableHasLengthBound(context, variable)) return;
      reportQueue(adds, takes, { front: takesFront, back: takesBack }, variable.name);
    }

    /** `new PQueue()` / `new PQueue({ concurrency: Infinity })`: every task starts at once. */
    function checkPQueueOptions(node: TSESTree.NewExpression | TSESTree.CallExpression): void {
      const [first] = node.arguments;
      if (first?.type === 'SpreadElement') return;
      const options = readOptionsObject(context, first);
      if (options.kind === 'opaque') return;
      const concurrency = propertyValue(options, 'concurrency');
      if (options.kind === 'object' && options.properties.has('concurrency') && concurrency === undefined) return;
      if (concurrency !== undefined) {
        const value = staticNumber(context, concurrency);
        if (value === undefined || Number.isFinite(value)) return;
      }
      context.report({ node, messageId: 'unboundedConcurrency' });
    }

    function checkHighWaterMark(args: readonly TSESTree.CallExpressionArgument[]): void {
      for (const argument of args) {
        if (argument.type === 'SpreadElement') continue;
        const options = readOptionsObject(context, argument);
        if (options.kind !== 'object') continue;
        for (const key of HIGH_WATER_MARK_KEYS) {
          const value = propertyValue(options, key);
          if (value === undefined) continue;
          const number = staticNumber(context, value);
          if (number === undefined || number < Number.MAX_SAFE_INTEGER) continue;
          context.report({ node: value, messageId: 'unboundedHighWaterMark', data: { key, value: sourceCode.getText(value) } });
        }
      }
    }

    function libraryQueue(origin: TSESTree.Node, kind: InstanceKind): LibraryQueue {
      let queue = libraryQueues.get(origin);
      if (queue === undefined) {
        queue = { kind, origin, producers: [], checked: false };
        libraryQueues.set(origin, queue);
      }
      return queue;
    }

    function streamCall(node: TSESTree.NewExpression | TSESTree.CallExpression): void {
      if (!mentionsHighWaterMark || !node.arguments.some((argument) => mayHoldHighWaterMark(argument))) return;
      if (node.callee.type === 'Super') {
        if (extendsStream(node)) checkHighWaterMark(node.arguments);
        return;
      }
      const instance = resolveInstance(context, node);
      if (instance !== undefined && !instance.promise && STREAM_KINDS.has(instance.instance)) checkHighWaterMark(node.arguments);
    }

    function extendsStream(node: TSESTree.Node): boolean {
      let current: TSESTree.Node | undefined = node.parent;
      while (current && current.type !== 'ClassBody') current = current.parent;
      const owner = current?.parent;
      if ((owner?.type !== 'ClassDeclaration' && owner?.type !== 'ClassExpression') || owner.superClass === null) return false;
      const ref = resolveRef(context, owner.superClass);
      const returns = ref === undefined ? undefined : describeRef(ref)?.returns;
      return returns !== undefined && STREAM_KINDS.has(returns);
    }

    function mayHoldHighWaterMark(argument: TSESTree.CallExpressionArgument): boolean {
      if (argument.type === 'SpreadElement') return false;
      const value = unwrapExpression(argument);
      if (value.type !== 'Identifier' && value.type !== 'ObjectExpression') return false;
      const options = readOptionsObject(context, value);
      return options.kind === 'object' && HIGH_WATER_MARK_KEYS.some((key) => options.properties.has(key));
    }

    return {
      NewExpression(node) {
        streamCall(node);
        if (!usesQueueLibrary) return;
        const instance = resolveInstance(context, node);
        if (instance?.instance === 'p-queue' && instance.origin === node) checkPQueueOptions(node);
      },
      CallExpression(node) {
        streamCall(node);
        const callee = unwrapExpression(node.callee);
        if (callee.type !== 'MemberExpression') return;
        const method = staticPropertyName(callee);
        if (method === undefined) return;
        const object = unwrapExpression(callee.object);
        if (ADD_METHODS[method] !== undefined && object.type === 'Identifier') {
          const variable = findVariable(sourceCode.getScope(object), object);
          if (variable !== undefined) arrayVariables.add(variable);
          // An array literal's push is not a library queue's: skip the (possibly typed) lookup.
          if (isArrayLiteralVariable(variable)) return;
        }
        if (!usesQueueLibrary || !LIBRARY_ADD_METHODS.has(method)) return;
        const instance = resolveInstance(context, object);
        const library = instance === undefined ? undefined : LIBRARY_QUEUES[instance.instance];
        if (instance?.origin === undefined || library === undefined || !library.add.has(method)) return;
        // Work added where the queue is made (a start-up loop over known input) is bounded by that input.
        const producer = effectiveFunction(node);
        if (producer === undefined || producer === effectiveFunction(instance.origin)) return;
        libraryQueue(instance.origin, instance.instance).producers.push(node);
      },
      MemberExpression(node) {
        if (node.object.type === 'ThisExpression') recordFieldUse(node);
        if (!usesQueueLibrary) return;
        const name = staticPropertyName(node);
        if (name === undefined || !LIBRARY_CHECK_MEMBERS.has(name)) return;
        const instance = resolveInstance(context, node.object);
        const library = instance === undefined ? undefined : LIBRARY_QUEUES[instance.instance];
        if (instance?.origin === undefined || library === undefined || !library.checks.has(name)) return;
        libraryQueue(instance.origin, instance.instance).checked = true;
      },
      'Program:exit'() {
        for (const variable of arrayVariables) checkArrayVariable(variable);
        for (const byName of fieldsByClass.values()) {
          for (const [name, uses] of byName) {
            if (uses.escapes || uses.bounded) continue;
            reportQueue(uses.adds, uses.takes, { front: uses.takesFront, back: uses.takesBack }, `this.${name}`);
          }
        }
        for (const queue of libraryQueues.values()) {
          const library = LIBRARY_QUEUES[queue.kind];
          const first = queue.producers[0];
          if (library === undefined || first === undefined || queue.checked) continue;
          if (queue.kind === 'p-queue' && !checkPQueueProducers) continue;
          context.report({ node: first, messageId: 'uncheckedProducer', data: { library: library.label, check: library.check } });
        }
      },
    };
  },
});

type ArrayOperation = 'add-front' | 'add-back' | 'take-front' | 'take-back';

/**
 * What a method call does to an array used as a queue. `push` adds at the back (read from the
 * front by `shift()` or `splice(0, n)`), `unshift` at the front (read from the back by `pop()`).
 * `splice(0)` and `splice(0, q.length)` empty the array (a batch flush), which is not a consumer.
 */
function arrayOperation(context: Readonly<RuleContext<string, readonly unknown[]>>, call: TSESTree.CallExpression, method: string | undefined): ArrayOperation | undefined {
  switch (method) {
    case 'push':
      return call.arguments.length > 0 ? 'add-front' : undefined;
    case 'unshift':
      return call.arguments.length > 0 ? 'add-back' : undefined;
    case 'shift':
      return 'take-front';
    case 'pop':
      return 'take-back';
    case 'splice': {
      const [start, count] = call.arguments;
      if (start?.type !== 'Literal' || start.value !== 0 || count === undefined || count.type === 'SpreadElement') return undefined;
      const counted = unwrapExpression(count);
      if (counted.type === 'MemberExpression' && staticPropertyName(counted) === 'length') return undefined;
      if (staticNumber(context, counted) === Infinity) return undefined;
      return 'take-front';
    }
    default:
      return undefined;
  }
}

/**
 * The statement that takes: `q.shift();`, `x = q.shift();` or `const x = q.shift();`.
 */
function takeStatement(take: TSESTree.CallExpression): TSESTree.ExpressionStatement | TSESTree.VariableDeclaration | undefined {
  const outer = skipWrappersUpward(take);
  const parent = outer.parent;
  if (parent?.type === 'ExpressionStatement') return parent;
  if (parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.right === outer) {
    const statement = skipWrappersUpward(parent).parent;
    return statement?.type === 'ExpressionStatement' ? statement : undefined;
  }
  if (parent?.type === 'VariableDeclarator' && parent.init === outer && parent.parent.declarations.length === 1) return parent.parent;
  return undefined;
}

/** `return q.length` or `() => q.length`: the length is handed to callers, who may bound the queue. */
function isReturnedLength(lengthRead: TSESTree.MemberExpression): boolean {
  const outer = skipWrappersUpward(lengthRead);
  const parent = outer.parent;
  return parent?.type === 'ReturnStatement' || (parent?.type === 'ArrowFunctionExpression' && parent.body === outer);
}

/** The function that owns a scope's code, looking through synchronous iteration callbacks like `effectiveFunction`. */
function ownerFunction(block: TSESTree.Node): TSESTree.Node {
  if (isFunctionNode(block) && iterationCallbackCall(block) !== undefined) return effectiveFunction(block) ?? programOf(block);
  return block;
}

function programOf(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}

/**
 * The function a call really runs in: the nearest function, looking through synchronous
 * iteration callbacks (`items.forEach(x => q.push(x))` runs in the function around it).
 */
function effectiveFunction(node: TSESTree.Node): FunctionNode | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (isFunctionNode(current) && iterationCallbackCall(current) === undefined) return current;
    current = current.parent;
  }
  return undefined;
}

/**
 * `dispatch(items) { q.push(...items); if (busy) return; while (q.length) handle(q.shift()); }`:
 * the producer empties the queue itself before it returns, so it only holds what one call
 * (and the calls made while it runs) added (openai `src/lib/live/transcript-grouper.ts`).
 */
function drainsInPlace(add: TSESTree.CallExpression, takes: readonly TSESTree.CallExpression[]): boolean {
  const fn = effectiveFunction(add);
  return fn !== undefined && takes.some((take) => take.range[0] > add.range[1] && effectiveFunction(take) === fn && isInLoopOf(take, fn));
}

/**
 * `var __asyncGenerator = (this && this.__asyncGenerator) || function (…) { var q = []; … }`: a
 * helper the TypeScript compiler emits (tslib's shape) to run async generators and the like on
 * older targets. Its queue of pending `next()` calls is the language's own (a native async
 * generator keeps the same one, and `for await` makes one call at a time), not the program's
 * (nats `lib/nats-base-client/queued_iterator.js`).
 */
function isInEmittedHelper(node: TSESTree.Node): boolean {
  // ESLint gives the Program a `null` parent: stop there.
  for (let current = node.parent; current !== undefined && current.type !== 'Program'; current = current.parent) {
    if (current.type !== 'VariableDeclarator' || current.id.type !== 'Identifier' || current.init === null || !/^__[A-Za-z]/.test(current.id.name)) continue;
    const init = unwrapExpression(current.init);
    if (init.type !== 'LogicalExpression' || init.operator !== '||' || !isFunctionNode(unwrapExpression(init.right))) continue;
    const existing = unwrapExpression(init.left);
    if (existing.type !== 'LogicalExpression' || existing.operator !== '&&' || existing.left.type !== 'ThisExpression') continue;
    const member = unwrapExpression(existing.right);
    if (member.type === 'MemberExpression' && member.object.type === 'ThisExpression' && staticPropertyName(member) === current.id.name) return true;
  }
  return false;
}

/** `await p`, `await Promise.allSettled(ps)`: the value is awaited in the function that names it. */
function isAwaited(identifier: TSESTree.Node): boolean {
  for (let current = identifier.parent; current !== undefined && !isFunctionNode(current); current = current.parent) {
    if (current.type === 'AwaitExpression') return true;
  }
  return false;
}

/** The `if` statement whose branch is this block or statement, or `undefined` (a loop, a function body…). */
function enclosingIfBranch(node: TSESTree.Node): TSESTree.IfStatement | undefined {
  const parent = node.parent;
  return parent?.type === 'IfStatement' && (parent.consequent === node || parent.alternate === node) ? parent : undefined;
}

function isInLoopOf(node: TSESTree.Node, fn: TSESTree.Node): boolean {
  for (let current = node.parent; current !== undefined && current !== fn; current = current.parent) {
    if (current.type === 'WhileStatement' || current.type === 'DoWhileStatement' || current.type === 'ForStatement') return true;
  }
  return false;
}

const WRITE_METHODS: ReadonlySet<string> = new Set(['_write', '_writev', '_transform']);
/** Calls that put a request on the wire. */
const SEND_METHODS: ReadonlySet<string> = new Set(['write', 'send']);
/** A plain function that puts a request on the wire: `sendPacket`, `writeFrame`, `_sendCommand`. */
const SENDER_FUNCTION = /^_?(?:send|write)(?:[A-Z_]|$)/;

/**
 * `_write(chunk, encoding, cb) { if (!open) this.queue.push({ chunk, cb }); … }`: a stream
 * implementation that keeps the callback to call later. Node does not call `_write` again until
 * the callback runs, so the queue holds one write; the stream's buffer and backpressure do the
 * rest (mqtt `build/lib/BufferedDuplex.js`).
 */
function defersWriteCallback(add: TSESTree.CallExpression): boolean {
  let fn: TSESTree.Node | undefined = add.parent;
  while (fn !== undefined && !isFunctionNode(fn)) fn = fn.parent;
  if (fn === undefined || !isFunctionNode(fn)) return false;
  const holder = fn.parent;
  const key = holder.type === 'MethodDefinition' || holder.type === 'Property' ? staticKeyName(holder) : undefined;
  const callback = fn.params.at(-1);
  if (key === undefined || !WRITE_METHODS.has(key) || callback?.type !== 'Identifier') return false;
  const mentionsCallback = (node: TSESTree.Node): boolean => {
    if (node.type === 'Identifier') return node.name === callback.name;
    if (node.type === 'Property') return mentionsCallback(node.value);
    if (node.type === 'ObjectExpression' || node.type === 'ArrayExpression') {
      return node.type === 'ObjectExpression' ? node.properties.some(mentionsCallback) : node.elements.some((element) => element !== null && mentionsCallback(element));
    }
    return false;
  };
  return add.arguments.some(mentionsCallback);
}

function isArrayLiteralVariable(variable: Scope.Variable | undefined): boolean {
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  return def?.type === 'Variable' && def.node.init !== null && unwrapExpression(def.node.init).type === 'ArrayExpression';
}

/** `typeof queue` in a type: typescript-eslint's scope manager records it, but it is not a use of the value. */
function isTypeOnly(reference: Scope.Reference): boolean {
  return (reference as { isValueReference?: boolean }).isValueReference === false || reference.identifier.parent.type === 'TSTypeQuery';
}

function isConstructor(fn: FunctionNode): boolean {
  return fn.parent.type === 'MethodDefinition' && fn.parent.kind === 'constructor';
}

/** `this.queue` → `queue`, `this.#queue` → `#queue`. */
function memberName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === 'PrivateIdentifier') return `#${member.property.name}`;
  return staticPropertyName(member);
}

/** The class whose `this` a node sees (arrow functions keep the method's `this`). */
function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (current.type === 'FunctionExpression' || current.type === 'FunctionDeclaration') {
      const owner: TSESTree.Node = current.parent;
      return owner.type === 'MethodDefinition' && !owner.static ? owner.parent : undefined;
    }
    if (current.type === 'PropertyDefinition') return current.static ? undefined : current.parent;
    if (current.type === 'StaticBlock') return undefined;
    current = current.parent;
  }
  return undefined;
}

const arrayFieldCache = new WeakMap<TSESTree.ClassBody, ReadonlySet<string>>();

/** Whether the class declares `<name> = []` as an instance field, or assigns `this.<name> = []` in its constructor. */
function isArrayField(body: TSESTree.ClassBody, name: string): boolean {
  let names = arrayFieldCache.get(body);
  if (names === undefined) {
    const found = new Set<string>();
    for (const member of body.body) {
      if (member.type === 'PropertyDefinition' && !member.static && member.value !== null && unwrapExpression(member.value).type === 'ArrayExpression') {
        const key = member.key.type === 'PrivateIdentifier' ? `#${member.key.name}` : staticKeyName(member);
        if (key !== undefined) found.add(key);
      }
      if (member.type === 'MethodDefinition' && member.kind === 'constructor' && member.value.body !== null) {
        for (const statement of member.value.body.body) {
          if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') continue;
          const { left, right } = statement.expression;
          if (left.type === 'MemberExpression' && left.object.type === 'ThisExpression' && unwrapExpression(right).type === 'ArrayExpression') {
            const key = memberName(left);
            if (key !== undefined) found.add(key);
          }
        }
      }
    }
    names = found;
    arrayFieldCache.set(body, names);
  }
  return names.has(name);
}
