import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext } from '@typescript-eslint/utils/ts-eslint';

import { findVariable, staticKeyName, unwrapExpression } from './syntax';

type AnyContext = Readonly<RuleContext<string, readonly unknown[]>>;

/**
 * What a file says about an options argument (`fetch(url, init)`, `axios.create(config)`).
 * - `absent`: no argument at all;
 * - `object`: an object literal (written inline or held by a `const` in the file) whose keys
 *   are all static: `properties` is complete;
 * - `opaque`: anything the file does not spell out (a parameter, a call result, a spread of an
 *   unknown value, a computed key). Rules stay silent about opaque options.
 */
export type OptionsObject =
  | { kind: 'absent' }
  | { kind: 'object'; node: TSESTree.ObjectExpression; properties: ReadonlyMap<string, TSESTree.Property>; inline: boolean }
  | { kind: 'opaque'; node: TSESTree.Node };

export function readOptionsObject(context: AnyContext, argument: TSESTree.Node | undefined): OptionsObject {
  if (argument === undefined) return { kind: 'absent' };
  const object = objectLiteralOf(context, argument);
  if (object === undefined) return { kind: 'opaque', node: argument };
  const properties = new Map<string, TSESTree.Property>();
  for (const property of object.node.properties) {
    if (property.type === 'SpreadElement') {
      // `{ ...defaults, timeout }`: known only if the spread is itself a known literal.
      const spread = readOptionsObject(context, property.argument);
      if (spread.kind !== 'object') return { kind: 'opaque', node: argument };
      for (const [key, value] of spread.properties) properties.set(key, value);
      continue;
    }
    const key = staticKeyName(property);
    if (key === undefined) return { kind: 'opaque', node: argument };
    properties.set(key, property);
  }
  return { kind: 'object', node: object.node, properties, inline: object.inline };
}

/** The value node of a property, unwrapped; undefined when the key is missing or is a method. */
export function propertyValue(options: OptionsObject, key: string): TSESTree.Node | undefined {
  if (options.kind !== 'object') return undefined;
  const property = options.properties.get(key);
  if (property === undefined || property.kind !== 'init') return undefined;
  return unwrapExpression(property.value);
}

function objectLiteralOf(context: AnyContext, node: TSESTree.Node): { node: TSESTree.ObjectExpression; inline: boolean } | undefined {
  const value = unwrapExpression(node);
  if (value.type === 'ObjectExpression') return { node: value, inline: true };
  if (value.type !== 'Identifier') return undefined;
  const variable = findVariable(context.sourceCode.getScope(value), value);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id.type !== 'Identifier' || def.node.init === null) return undefined;
  // A const object mutated later (`init.signal = s`) is not what its literal says.
  const mutated = variable?.references.some((reference) => isMemberWrite(reference.identifier));
  if (mutated === true) return undefined;
  const init = unwrapExpression(def.node.init);
  return init.type === 'ObjectExpression' ? { node: init, inline: false } : undefined;
}

function isMemberWrite(identifier: TSESTree.Node): boolean {
  const member = identifier.parent;
  if (member?.type !== 'MemberExpression' || member.object !== identifier) return false;
  const parent = member.parent;
  return (
    (parent.type === 'AssignmentExpression' && parent.left === member) ||
    (parent.type === 'UpdateExpression' && parent.argument === member) ||
    (parent.type === 'UnaryExpression' && parent.operator === 'delete')
  );
}
