import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer, SourceCode } from '@typescript-eslint/utils/ts-eslint';

/**
 * Adds `property` (source text such as `timeout: 30_000`) to an object literal, in the
 * literal's own style: `{}` → `{ timeout: 30_000 }`; one-line objects get `, timeout: …`;
 * multi-line objects get a new line with the last property's indentation and a trailing
 * comma when the object already uses one.
 */
export function addObjectProperty(
  fixer: RuleFixer,
  sourceCode: Readonly<SourceCode>,
  object: TSESTree.ObjectExpression,
  property: string,
): RuleFix {
  const last = object.properties.at(-1);
  if (last === undefined) {
    const inner = sourceCode.text.slice(object.range[0] + 1, object.range[1] - 1);
    return fixer.replaceTextRange([object.range[0] + 1, object.range[1] - 1], inner.trim() === '' ? ` ${property} ` : `${inner} ${property} `);
  }
  const afterLast = sourceCode.getTokenAfter(last);
  const hasTrailingComma = afterLast?.value === ',' && afterLast.range[1] <= object.range[1] - 1;
  const multiline = last.loc.start.line !== object.loc.start.line;
  if (multiline) {
    const indent = sourceCode.lines[last.loc.start.line - 1]?.match(/^\s*/)?.[0] ?? '';
    if (hasTrailingComma) return fixer.insertTextAfter(afterLast, `\n${indent}${property},`);
    return fixer.insertTextAfter(last, `,\n${indent}${property}`);
  }
  if (hasTrailingComma) return fixer.insertTextAfter(afterLast, ` ${property},`);
  return fixer.insertTextAfter(last, `, ${property}`);
}
