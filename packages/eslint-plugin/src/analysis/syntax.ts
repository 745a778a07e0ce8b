import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope, SourceCode } from '@typescript-eslint/utils/ts-eslint';

/**
 * Small, parser-neutral AST helpers. They use only ESTree properties, so they behave the same
 * under espree, typescript-eslint and oxlint.
 */

/** Strips wrappers that do not change the value: `x!`, `x as T`, `<T>x`, `x satisfies T`, `a?.b` chains. */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case 'TSNonNullExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
      case 'ChainExpression':
        current = current.expression;
        break;
      case 'TSInstantiationExpression':
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** `a.b`, `a['b']`, `` a[`b`] `` → `'b'`; computed members with dynamic keys → undefined. */
export function staticPropertyName(node: TSESTree.MemberExpression): string | undefined {
  const { property } = node;
  if (!node.computed) return property.type === 'Identifier' ? property.name : undefined;
  if (property.type === 'Literal' && (typeof property.value === 'string' || typeof property.value === 'number')) {
    return String(property.value);
  }
  if (property.type === 'TemplateLiteral' && property.expressions.length === 0) return property.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** The static key of an object property or pattern property, if it has one. */
export function staticKeyName(node: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | undefined {
  const { key } = node;
  if (!node.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * The member path from the root of a binding pattern to one identifier in it:
 * `{ a: { b: x } }` and `x` → `['a', 'b']`; a plain identifier → `[]`. Array patterns,
 * rest elements and computed keys give undefined (the path is not static).
 */
export function patternPath(pattern: TSESTree.Node, target: TSESTree.Identifier): readonly string[] | undefined {
  switch (pattern.type) {
    case 'Identifier':
      return pattern === target || (pattern.range[0] === target.range[0] && pattern.name === target.name) ? [] : undefined;
    case 'AssignmentPattern':
      return patternPath(pattern.left, target);
    case 'ObjectPattern':
      for (const property of pattern.properties) {
        if (!within(property, target)) continue;
        if (property.type === 'RestElement') return undefined;
        const key = staticKeyName(property);
        if (key === undefined) return undefined;
        const rest = patternPath(property.value, target);
        return rest === undefined ? undefined : [key, ...rest];
      }
      return undefined;
    case 'TSParameterProperty':
      return patternPath(pattern.parameter, target);
    default:
      return undefined;
  }
}

function within(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** Finds the variable an identifier refers to, searching outward from `scope`; undefined if unresolved. */
export function findVariable(initialScope: Scope.Scope, identifier: TSESTree.Identifier): Scope.Variable | undefined {
  // Prefer the scope manager's own resolution of this very reference.
  for (const reference of initialScope.references) {
    if (reference.identifier === identifier) return reference.resolved ?? lookupByName(initialScope, identifier.name);
  }
  return lookupByName(initialScope, identifier.name);
}

function lookupByName(initialScope: Scope.Scope, name: string): Scope.Variable | undefined {
  let scope: Scope.Scope | null = initialScope;
  while (scope !== null) {
    const variable = scope.set.get(name);
    if (variable !== undefined) return variable;
    scope = scope.upper;
  }
  return undefined;
}

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration';
}

/**
 * The initializer of the `const` an identifier reads, when the identifier is the whole binding
 * (`const x = …`, not `const { x } = …`): the one value it can hold. Undefined otherwise.
 */
export function constInitializer(sourceCode: Readonly<SourceCode>, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  const variable = findVariable(sourceCode.getScope(identifier), identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id !== def.name || def.node.init === null) return undefined;
  return def.node.init;
}

/**
 * The function an expression names in this file: itself when it is a function, or the
 * function a declaration or a `const` binding gives the identifier. Undefined otherwise.
 */
export function localFunction(sourceCode: Readonly<SourceCode>, node: TSESTree.Node): FunctionNode | undefined {
  const value = unwrapExpression(node);
  if (isFunctionNode(value)) return value;
  if (value.type !== 'Identifier') return undefined;
  const variable = findVariable(sourceCode.getScope(value), value);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'FunctionName' && isFunctionNode(def.node)) return def.node;
  if (def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init !== null) {
    const init = unwrapExpression(def.node.init);
    if (isFunctionNode(init)) return init;
  }
  return undefined;
}

/** The nearest enclosing function, or the program at top level (undefined only for detached nodes). */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | TSESTree.Program | undefined {
  // ESLint sets `Program.parent` to null, not undefined: test for both.
  let current: TSESTree.Node | null | undefined = node.parent;
  while (current != null) {
    if (isFunctionNode(current) || current.type === 'Program') return current;
    current = current.parent;
  }
  return undefined;
}

/** Walks up through value-preserving wrappers (`(x as T)`, `x!`, `a?.b`) to the node that uses the value. */
export function skipWrappersUpward(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent != null &&
    (current.parent.type === 'TSNonNullExpression' ||
      current.parent.type === 'TSAsExpression' ||
      current.parent.type === 'TSSatisfiesExpression' ||
      current.parent.type === 'TSTypeAssertion' ||
      current.parent.type === 'ChainExpression')
  ) {
    current = current.parent;
  }
  return current;
}
