import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';

import { isFunctionNode } from './syntax';

/**
 * What `forEachDescendant` does after visiting a node: `skip` its children, `stop` the whole
 * walk, or (`undefined`) go on.
 */
export type WalkControl = 'skip' | 'stop' | undefined;

/**
 * Visits `root` and its descendants depth-first in source order, using the parser's own
 * visitor keys (so espree, typescript-eslint and oxlint walk the same children). Returns true
 * when a visitor stopped the walk.
 */
export function forEachDescendant(
  sourceCode: Readonly<SourceCode>,
  root: TSESTree.Node,
  visit: (node: TSESTree.Node) => WalkControl,
): boolean {
  const keys = sourceCode.visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    const control = visit(node);
    if (control === 'stop') return true;
    if (control === 'skip') continue;
    const children: TSESTree.Node[] = [];
    for (const key of keys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) children.push(child);
      } else if (isNode(value)) {
        children.push(value);
      }
    }
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child !== undefined) stack.push(child);
    }
  }
  return false;
}

/** True when some node below `root` (not `root` itself) satisfies `test`, optionally not entering nested functions. */
export function someDescendant(
  sourceCode: Readonly<SourceCode>,
  root: TSESTree.Node,
  test: (node: TSESTree.Node) => boolean,
  options: { enterFunctions: boolean },
): boolean {
  return forEachDescendant(sourceCode, root, (node) => {
    if (node === root) return undefined;
    if (test(node)) return 'stop';
    if (!options.enterFunctions && isFunctionNode(node)) return 'skip';
    return undefined;
  });
}

/** Type-level subtrees: a name in a type annotation is not a use of the variable. */
const TYPE_ONLY = new Set(['TSTypeAnnotation', 'TSTypeReference', 'TSTypeParameterInstantiation', 'TSTypeParameterDeclaration']);

/**
 * True when an identifier named `name` is read or written inside `root` as a variable (not as
 * a non-computed member property, an object key or in a type). A conservative, name-level
 * check for "does this code touch x at all": shadowing makes it say yes more often, never less.
 */
export function mentionsName(sourceCode: Readonly<SourceCode>, root: TSESTree.Node, name: string): boolean {
  return forEachDescendant(sourceCode, root, (node) => {
    if (TYPE_ONLY.has(node.type)) return 'skip';
    return node.type === 'Identifier' && node.name === name && !isPropertyName(node) ? 'stop' : undefined;
  });
}

function isPropertyName(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  switch (parent.type) {
    case 'MemberExpression':
      return parent.property === node && !parent.computed;
    case 'Property':
      // `{ key: value }` names a key; the shorthand `{ x }` also reads the variable x.
      return parent.key === node && !parent.computed && !parent.shorthand;
    case 'PropertyDefinition':
    case 'MethodDefinition':
    case 'TSPropertySignature':
      return parent.key === node && !parent.computed;
    default:
      return false;
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
