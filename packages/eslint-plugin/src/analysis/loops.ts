import type { TSESTree } from '@typescript-eslint/utils';

import type { FunctionNode } from './syntax';
import { isFunctionNode, staticPropertyName, unwrapExpression } from './syntax';

export type LoopNode =
  | TSESTree.ForStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement;

/** Listener registrations that stay registered (`once` listeners run a single time). */
const REPEATING_LISTENER_METHODS: ReadonlySet<string> = new Set(['on', 'addListener', 'prependListener']);

/** Array methods that call their callback once per element, eagerly. */
const ITERATION_METHODS: ReadonlySet<string> = new Set(['forEach', 'map', 'flatMap']);

/**
 * Why a node runs more than once per call of its function:
 * - `loop`: it is in the body of a loop of the same function (`for`, `for…of`, `for await`, `while`, `do`);
 * - `iteration-callback`: its function is the callback of `xs.forEach(cb)`, `xs.map(cb)`, `xs.flatMap(cb)`;
 * - `data-listener`: its function is a `'data'` listener (`src.on('data', chunk => …)`), called once per chunk.
 */
export type RepeatedContext =
  | { kind: 'loop'; loop: LoopNode }
  | { kind: 'iteration-callback'; call: TSESTree.CallExpression; callback: FunctionNode }
  | { kind: 'data-listener'; registration: TSESTree.CallExpression; emitter: TSESTree.Expression; listener: FunctionNode };

export function isLoopNode(node: TSESTree.Node): node is LoopNode {
  return (
    node.type === 'ForStatement' ||
    node.type === 'ForInStatement' ||
    node.type === 'ForOfStatement' ||
    node.type === 'WhileStatement' ||
    node.type === 'DoWhileStatement'
  );
}

/**
 * The nearest loop of the same function whose repeated part (body, test or update; not the
 * `init` or the iterated expression, which run once) contains `node`. Undefined outside loops
 * and across function boundaries: a callback defined in a loop runs whenever it is called.
 */
export function enclosingLoop(node: TSESTree.Node): LoopNode | undefined {
  let child: TSESTree.Node = node;
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (isFunctionNode(current) || current.type === 'Program' || isClassBoundary(current)) return undefined;
    if (isLoopNode(current) && isRepeatedPart(current, child)) return current;
    child = current;
    current = current.parent;
  }
  return undefined;
}

function isClassBoundary(node: TSESTree.Node): boolean {
  return node.type === 'StaticBlock' || node.type === 'PropertyDefinition' || node.type === 'AccessorProperty';
}

function isRepeatedPart(loop: LoopNode, child: TSESTree.Node): boolean {
  if (child === loop.body) return true;
  if (loop.type === 'ForStatement') return child === loop.test || child === loop.update;
  return (loop.type === 'WhileStatement' || loop.type === 'DoWhileStatement') && child === loop.test;
}

/** `src.on('data', fn)` / `addListener` / `prependListener` (not `once`): the emitter, when `fn` is such a listener. */
export function dataListenerRegistration(
  fn: FunctionNode,
): { registration: TSESTree.CallExpression; emitter: TSESTree.Expression } | undefined {
  const call = fn.parent;
  if (call.type !== 'CallExpression' || call.arguments[1] !== fn) return undefined;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return undefined;
  const method = staticPropertyName(callee);
  if (method === undefined || !REPEATING_LISTENER_METHODS.has(method)) return undefined;
  const event = call.arguments[0];
  if (event?.type !== 'Literal' || event.value !== 'data') return undefined;
  return { registration: call, emitter: callee.object };
}

/** `xs.forEach(fn)`, `xs.map(fn)`, `xs.flatMap(fn)`: the call, when `fn` is its first argument. */
export function iterationCallbackCall(fn: FunctionNode): TSESTree.CallExpression | undefined {
  const call = fn.parent;
  if (call.type !== 'CallExpression' || call.arguments[0] !== fn) return undefined;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return undefined;
  const method = staticPropertyName(callee);
  return method !== undefined && ITERATION_METHODS.has(method) ? call : undefined;
}

/**
 * Why `node` runs repeatedly, judged from its own function only: a loop around it, or its
 * function being an iteration callback or a `'data'` listener. Undefined for code that runs
 * once per call of its function (a single `write()` in a request handler).
 */
export function repeatedContext(node: TSESTree.Node): RepeatedContext | undefined {
  const loop = enclosingLoop(node);
  if (loop !== undefined) return { kind: 'loop', loop };
  const fn = nearestFunction(node);
  if (fn === undefined) return undefined;
  const listener = dataListenerRegistration(fn);
  if (listener !== undefined) return { kind: 'data-listener', ...listener, listener: fn };
  const call = iterationCallbackCall(fn);
  if (call !== undefined) return { kind: 'iteration-callback', call, callback: fn };
  return undefined;
}

/** The nearest enclosing function of `node` (not the program). */
export function nearestFunction(node: TSESTree.Node): FunctionNode | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (isFunctionNode(current)) return current;
    current = current.parent;
  }
  return undefined;
}
