import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext } from '@typescript-eslint/utils/ts-eslint';

import { findVariable, staticPropertyName, unwrapExpression } from './syntax';

type AnyContext = Readonly<RuleContext<string, readonly unknown[]>>;

export type StaticValue = { value: number | string | boolean | null | undefined };

const MAX_DEPTH = 8;

/**
 * The value an expression is known to have when the file spells it out: literals,
 * `Infinity`, `Number.MAX_SAFE_INTEGER`, `-x`, arithmetic on known numbers, and `const`
 * bindings to any of these (`const TIMEOUT = 30 * 1000`). Undefined when not static.
 */
export function staticValue(context: AnyContext, node: TSESTree.Node, depth = 0): StaticValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const value = unwrapExpression(node);
  switch (value.type) {
    case 'Literal':
      if (value.value === null || ['number', 'string', 'boolean'].includes(typeof value.value)) {
        return { value: value.value as number | string | boolean | null };
      }
      return undefined;
    case 'TemplateLiteral':
      return value.expressions.length === 0 ? { value: value.quasis[0]?.value.cooked ?? '' } : undefined;
    case 'Identifier':
      return identifierValue(context, value, depth);
    case 'MemberExpression':
      return numberConstant(context, value);
    case 'UnaryExpression': {
      if (value.operator === 'void') return { value: undefined };
      const argument = staticValue(context, value.argument, depth + 1);
      if (argument === undefined) return undefined;
      if (value.operator === '-' && typeof argument.value === 'number') return { value: -argument.value };
      if (value.operator === '+' && typeof argument.value === 'number') return argument;
      if (value.operator === '!') return { value: !argument.value };
      return undefined;
    }
    case 'BinaryExpression': {
      if (value.left.type === 'PrivateIdentifier') return undefined;
      const left = staticValue(context, value.left, depth + 1);
      const right = staticValue(context, value.right, depth + 1);
      if (typeof left?.value !== 'number' || typeof right?.value !== 'number') return undefined;
      return arithmetic(value.operator, left.value, right.value);
    }
    default:
      return undefined;
  }
}

/** Convenience: the number an expression is known to be, else undefined. */
export function staticNumber(context: AnyContext, node: TSESTree.Node): number | undefined {
  const result = staticValue(context, node);
  return typeof result?.value === 'number' ? result.value : undefined;
}

function identifierValue(context: AnyContext, node: TSESTree.Identifier, depth: number): StaticValue | undefined {
  const variable = findVariable(context.sourceCode.getScope(node), node);
  if (variable === undefined || variable.defs.length === 0) {
    if (node.name === 'Infinity') return { value: Infinity };
    if (node.name === 'NaN') return { value: NaN };
    if (node.name === 'undefined') return { value: undefined };
    return undefined;
  }
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id !== def.name || def.node.init === null) return undefined;
  return staticValue(context, def.node.init, depth + 1);
}

const NUMBER_CONSTANTS: Readonly<Record<string, number>> = {
  POSITIVE_INFINITY: Infinity,
  MAX_SAFE_INTEGER: Number.MAX_SAFE_INTEGER,
  MAX_VALUE: Number.MAX_VALUE,
};

function numberConstant(context: AnyContext, node: TSESTree.MemberExpression): StaticValue | undefined {
  const name = staticPropertyName(node);
  if (name === undefined || !(name in NUMBER_CONSTANTS) || node.object.type !== 'Identifier' || node.object.name !== 'Number') return undefined;
  const variable = findVariable(context.sourceCode.getScope(node.object), node.object);
  if (variable !== undefined && variable.defs.length > 0) return undefined;
  return { value: NUMBER_CONSTANTS[name] };
}

function arithmetic(operator: string, left: number, right: number): StaticValue | undefined {
  switch (operator) {
    case '+':
      return { value: left + right };
    case '-':
      return { value: left - right };
    case '*':
      return { value: left * right };
    case '/':
      return { value: left / right };
    case '**':
      return { value: left ** right };
    default:
      return undefined;
  }
}
