import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext, Scope } from '@typescript-eslint/utils/ts-eslint';

import { resolveCall } from './resolve';
import { skipWrappersUpward, staticPropertyName } from './syntax';

type AnyContext = Readonly<RuleContext<string, readonly unknown[]>>;

/** A method called on the value: `sock.setTimeout(5000)`, `req.timeout(1000)`. */
export interface MethodUse {
  method: string;
  call: TSESTree.CallExpression;
}

/**
 * What the file does with a value after making it (`const sock = net.connect(…)`):
 * - `calls`: methods called on it, chained (`net.connect(…).setTimeout(…)`) or through the
 *   `const`/`let` that holds it, in source order;
 * - `escapes`: the value leaves what one file can follow (returned, stored in a field or a
 *   collection, passed to an unknown function, exported, re-assigned): someone else may
 *   configure it, so rules stay silent.
 */
export interface ValueUses {
  calls: readonly MethodUse[];
  escapes: boolean;
}

export interface ValueUsesOptions {
  /** Methods that return the receiver itself, so a chain goes on (`sock.on(…).setTimeout(…)`). */
  chainable: (method: string) => boolean;
}

// Library functions that take the value as an argument but never configure its timeouts.
const OBSERVING_APIS = new Set(['events.once', 'events.on', 'stream.pipeline', 'stream.finished']);

/**
 * Follows a freshly made value through chained calls and the variable it is stored in.
 * Never throws; anything it does not understand counts as an escape.
 */
export function valueUses(context: AnyContext, node: TSESTree.Node, options: ValueUsesOptions): ValueUses {
  const calls: MethodUse[] = [];
  const state = { escapes: false };
  followExpression(context, node, options, calls, state, true);
  calls.sort((a, b) => a.call.range[0] - b.call.range[0]);
  return { calls, escapes: state.escapes };
}

function followExpression(
  context: AnyContext,
  node: TSESTree.Node,
  options: ValueUsesOptions,
  calls: MethodUse[],
  state: { escapes: boolean },
  fresh: boolean,
): void {
  const current = skipWrappersUpward(node);
  const parent = current.parent;
  if (parent === undefined) return;
  switch (parent.type) {
    case 'MemberExpression': {
      if (parent.object !== current) break;
      const method = staticPropertyName(parent);
      if (method === undefined) {
        state.escapes = true;
        return;
      }
      const member = skipWrappersUpward(parent);
      const call = member.parent;
      if (call?.type === 'CallExpression' && call.callee === member) {
        calls.push({ method, call });
        if (options.chainable(method)) followExpression(context, call, options, calls, state, true);
        return;
      }
      // A plain read or write of a property (`sock.remoteAddress`, `req.method = …`).
      return;
    }
    case 'ExpressionStatement':
    case 'AwaitExpression':
      return;
    case 'UnaryExpression':
      if (parent.operator === 'void') return;
      break;
    case 'VariableDeclarator':
      if (fresh && parent.init === current && parent.id.type === 'Identifier') {
        followVariable(context, parent, context.sourceCode.getDeclaredVariables(parent)[0], options, calls, state);
        return;
      }
      break;
    case 'AssignmentExpression':
      if (fresh && parent.operator === '=' && parent.right === current && parent.left.type === 'Identifier') {
        const variable = findDeclaredVariable(context, parent.left);
        followVariable(context, parent, variable, options, calls, state);
        return;
      }
      break;
    case 'CallExpression':
    case 'NewExpression':
      if (parent.arguments.includes(current as TSESTree.CallExpressionArgument) && isObservingCall(context, parent)) return;
      break;
    default:
      break;
  }
  state.escapes = true;
}

function followVariable(
  context: AnyContext,
  definition: TSESTree.Node,
  variable: Scope.Variable | undefined,
  options: ValueUsesOptions,
  calls: MethodUse[],
  state: { escapes: boolean },
): void {
  if (variable === undefined || isExported(definition)) {
    state.escapes = true;
    return;
  }
  for (const reference of variable.references) {
    if (reference.init === true) continue;
    const identifier = reference.identifier;
    if (reference.isWrite()) {
      // The assignment that stored this very value is fine; any other write replaces it.
      if (identifier.parent === definition) continue;
      state.escapes = true;
      return;
    }
    followExpression(context, identifier, options, calls, state, false);
    if (state.escapes) return;
  }
}

function findDeclaredVariable(context: AnyContext, identifier: TSESTree.Identifier): Scope.Variable | undefined {
  let scope: Scope.Scope | null = context.sourceCode.getScope(identifier);
  while (scope !== null) {
    const reference = scope.references.find((candidate) => candidate.identifier === identifier);
    if (reference !== undefined) return reference.resolved ?? undefined;
    scope = scope.upper;
  }
  return undefined;
}

function isExported(definition: TSESTree.Node): boolean {
  const declaration = definition.parent;
  return declaration?.type === 'VariableDeclaration' && declaration.parent.type === 'ExportNamedDeclaration';
}

function isObservingCall(context: AnyContext, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const id = resolveCall(context, call)?.api?.id;
  return id !== undefined && OBSERVING_APIS.has(id);
}
