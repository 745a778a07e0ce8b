import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext, Scope } from '@typescript-eslint/utils/ts-eslint';

import { findVariable, isFunctionNode, skipWrappersUpward, staticPropertyName, unwrapExpression } from './syntax';

type AnyContext = Readonly<RuleContext<string, readonly unknown[]>>;

/**
 * How a value leaves the code that made it (bodyclose's lesson: an owner that hands a value
 * on is not the one that must close it):
 * - `returned`: `return res`, `=> res`;
 * - `yielded`: `yield res`;
 * - `thrown`: `throw res`;
 * - `argument`: passed to a call or `new` (`resolve(res)`, `cache.set(k, res)`, `handle(res)`);
 * - `stored`: assigned to a property or a variable (`this.last = res`, `latest = res`), a
 *   class field, or exported;
 * - `collected`: put into an array or object literal, or spread (`[res]`, `{ res }`);
 * - `aliased`: bound to another name (`const other = res`, a default parameter value);
 * - `iterated`: handed to the iteration protocol (`for (const x of res)`);
 * - `consumer`: passed to a function the project declares as consuming (`consumers`).
 */
export type HandOff = 'returned' | 'yielded' | 'thrown' | 'argument' | 'stored' | 'collected' | 'aliased' | 'iterated' | 'consumer';

export interface OwnershipOptions {
  /**
   * Names of project functions that consume a value passed to them (`assertOk`): matched on
   * the callee's own name (`assertOk(res)`) or its last member (`this.http.assertOk(res)`).
   * These are names the user configured, not library names.
   */
  consumers: ReadonlySet<string>;
}

/**
 * Whether the value of `use` (an expression that evaluates to the value, usually a reference
 * to the variable holding it) is handed on by the code around it, and how. Undefined when the
 * value stays here: it is dropped (`res;`), compared (`res === null`), tested (`if (res)`),
 * its members are used (`res.status`: the caller decides what members do), or it is passed
 * to a function known not to take it over:
 * - console methods, `JSON.stringify`, `String`/`Number`/`Boolean`, `Object.keys`/`values`/
 *   `entries`, `Array.isArray` (globals that are not shadowed);
 * - `assert(…)`/`assert.*(…)` from `node:assert`, `expect(…)` (global, or from `vitest`,
 *   `@jest/globals`, `bun:test`);
 * - a plain call used directly as a condition (`if (isRetryable(res))`): a synchronous
 *   predicate inspects the value, it cannot read a body (reads are asynchronous). An awaited
 *   call (`if (await isValid(res))`) is a hand-off.
 * A call of a function named in `options.consumers` is `consumer`, wherever it is.
 */
export function handOff(context: AnyContext, use: TSESTree.Node, options: OwnershipOptions): HandOff | undefined {
  let current = skipWrappersUpward(use);
  for (let depth = 0; depth < 16; depth += 1) {
    const parent = current.parent;
    if (!parent) return undefined; // Program.parent is null in ESLint.
    switch (parent.type) {
      case 'AwaitExpression':
      case 'ChainExpression':
        current = skipWrappersUpward(parent);
        continue;
      case 'ConditionalExpression':
        if (parent.test === current) return undefined;
        current = skipWrappersUpward(parent);
        continue;
      case 'LogicalExpression':
        current = skipWrappersUpward(parent);
        continue;
      case 'SequenceExpression':
        if (parent.expressions.at(-1) !== current) return undefined;
        current = skipWrappersUpward(parent);
        continue;
      case 'ReturnStatement':
        return 'returned';
      case 'ArrowFunctionExpression':
        return parent.body === current ? 'returned' : undefined;
      case 'YieldExpression':
        return 'yielded';
      case 'ThrowStatement':
        return 'thrown';
      case 'CallExpression':
      case 'NewExpression':
        if (parent.callee === current) return undefined;
        return callHandOff(context, parent, options);
      case 'TaggedTemplateExpression':
      case 'JSXExpressionContainer':
      case 'JSXSpreadAttribute':
        return 'argument';
      case 'TemplateLiteral':
        return parent.parent.type === 'TaggedTemplateExpression' ? 'argument' : undefined;
      case 'AssignmentExpression':
        if (parent.right !== current) return undefined;
        return parent.left.type === 'Identifier' ? 'aliased' : 'stored';
      case 'VariableDeclarator':
        return parent.init === current ? 'aliased' : undefined;
      case 'AssignmentPattern':
        return parent.right === current ? 'aliased' : undefined;
      case 'PropertyDefinition':
      case 'AccessorProperty':
        return parent.value === current ? 'stored' : undefined;
      case 'ExportDefaultDeclaration':
      case 'ExportSpecifier':
        return 'stored';
      case 'ArrayExpression':
      case 'SpreadElement':
        return 'collected';
      case 'Property':
        return parent.value === current && parent.parent.type === 'ObjectExpression' ? 'collected' : undefined;
      case 'ForOfStatement':
      case 'ForInStatement':
        return parent.right === current ? 'iterated' : undefined;
      default:
        // Members, comparisons, tests, templates, `typeof`, `void`, expression statements.
        return undefined;
    }
  }
  return undefined;
}

function callHandOff(context: AnyContext, call: TSESTree.CallExpression | TSESTree.NewExpression, options: OwnershipOptions): HandOff | undefined {
  const name = calleeName(call.callee);
  if (name !== undefined && options.consumers.has(name)) return 'consumer';
  if (call.type === 'CallExpression' && (isNonConsumingCallee(context, call.callee) || (isPredicateCall(call) && !isEmitCall(call)))) return undefined;
  return 'argument';
}

/**
 * `emitter.emit('unexpected-response', req, res)`: the listeners get the value, and the result
 * only says whether there were any (`if (!ws.emit(…)) abort()`, ws `lib/websocket.js`).
 */
function isEmitCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  return callee.type === 'MemberExpression' && staticPropertyName(callee) === 'emit';
}

/** The name a user would give in `consumers`: `f` for `f(x)`, `check` for `this.http.check(x)`. */
export function calleeName(callee: TSESTree.Node): string | undefined {
  const node = unwrapExpression(callee);
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression') return staticPropertyName(node);
  return undefined;
}

const GLOBAL_FUNCTIONS: ReadonlySet<string> = new Set(['String', 'Number', 'Boolean']);
const GLOBAL_MEMBERS: Readonly<Record<string, ReadonlySet<string> | undefined>> = {
  JSON: new Set(['stringify']),
  Object: new Set(['keys', 'values', 'entries', 'getOwnPropertyNames']),
  Array: new Set(['isArray']),
};
const ASSERT_MODULES: ReadonlySet<string> = new Set(['assert', 'node:assert', 'assert/strict', 'node:assert/strict']);
const EXPECT_MODULES: ReadonlySet<string> = new Set(['vitest', '@jest/globals', 'bun:test']);

/** True for the library functions that look at a value without taking it over (see `handOff`). */
export function isNonConsumingCallee(context: AnyContext, callee: TSESTree.Node): boolean {
  const node = unwrapExpression(callee);
  if (node.type === 'Identifier') {
    if (GLOBAL_FUNCTIONS.has(node.name)) return isGlobal(context, node);
    if (node.name === 'expect') return isGlobal(context, node) || importedFrom(context, node, EXPECT_MODULES);
    return importedFrom(context, node, ASSERT_MODULES);
  }
  if (node.type !== 'MemberExpression') return false;
  const object = unwrapExpression(node.object);
  if (object.type !== 'Identifier') return false;
  const member = staticPropertyName(node);
  if (member === undefined) return false;
  if (object.name === 'console') return isGlobal(context, object);
  if (GLOBAL_MEMBERS[object.name]?.has(member) === true) return isGlobal(context, object);
  return importedFrom(context, object, ASSERT_MODULES);
}

/** `if (isRetryable(res))`, `!isOk(res)`, `ok(res) ? … : …`: a plain call whose result is only tested. */
function isPredicateCall(call: TSESTree.CallExpression): boolean {
  let current: TSESTree.Node = skipWrappersUpward(call);
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    switch (parent.type) {
      case 'UnaryExpression':
        if (parent.operator !== '!') return false;
        continue;
      case 'LogicalExpression':
        if (parent.operator === '??') return false;
        continue;
      case 'IfStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'ConditionalExpression':
      case 'ForStatement':
        return parent.test === current;
      default:
        return false;
    }
  }
  return false;
}

function isGlobal(context: AnyContext, identifier: TSESTree.Identifier): boolean {
  const variable = findVariable(context.sourceCode.getScope(identifier), identifier);
  return variable === undefined || variable.defs.length === 0;
}

/** The identifier is bound by `import … from '<one of modules>'` or `= require('<one of modules>')`. */
function importedFrom(context: AnyContext, identifier: TSESTree.Identifier, modules: ReadonlySet<string>): boolean {
  const variable = findVariable(context.sourceCode.getScope(identifier), identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def === undefined) return false;
  if (def.type === 'ImportBinding') {
    const declaration = def.parent;
    return declaration.type === 'ImportDeclaration' && modules.has(declaration.source.value);
  }
  if (def.type !== 'Variable' || def.node.init === null) return false;
  const init = unwrapExpression(def.node.init);
  const required = init.type === 'MemberExpression' ? unwrapExpression(init.object) : init;
  if (required.type !== 'CallExpression' || required.callee.type !== 'Identifier' || required.callee.name !== 'require') return false;
  const [source] = required.arguments;
  return source?.type === 'Literal' && typeof source.value === 'string' && modules.has(source.value) && isGlobal(context, required.callee);
}

/**
 * True when `reference` is inside a function nested in the one that declares `variable`: the
 * value is captured by a closure, which may run at any time (a timer, a listener).
 */
export function isCapturedReference(variable: Scope.Variable, reference: TSESTree.Node): boolean {
  const declaringFunction = variable.scope.variableScope.block;
  for (let node = reference.parent; node; node = node.parent) {
    if (node === declaringFunction) return false;
    if (isFunctionNode(node)) return true;
  }
  return false;
}
