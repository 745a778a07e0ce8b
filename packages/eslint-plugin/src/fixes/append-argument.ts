import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer, SourceCode } from '@typescript-eslint/utils/ts-eslint';

/**
 * Appends an argument (source text) to a call or `new`: `fetch(url)` → `fetch(url, init)`,
 * `new Agent()` → `new Agent(init)`, `new Agent` → `new Agent(init)`. A trailing comma in the
 * argument list is kept in place.
 */
export function appendArgument(
  fixer: RuleFixer,
  sourceCode: Readonly<SourceCode>,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  argument: string,
): RuleFix {
  const last = call.arguments.at(-1);
  const closing = sourceCode.getLastToken(call);
  if (closing?.value !== ')') return fixer.insertTextAfter(call, `(${argument})`);
  if (last === undefined) return fixer.insertTextBefore(closing, argument);
  const afterLast = sourceCode.getTokenAfter(last);
  if (afterLast?.value === ',' && afterLast !== closing) return fixer.insertTextAfter(afterLast, ` ${argument},`);
  return fixer.insertTextAfter(last, `, ${argument}`);
}
