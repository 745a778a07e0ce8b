import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext, Scope } from '@typescript-eslint/utils/ts-eslint';

import { staticNumber } from './static-value';
import { skipWrappersUpward, staticPropertyName } from './syntax';

type AnyContext = Readonly<RuleContext<string, readonly unknown[]>>;

const COMPARISONS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=', '===', '==', '!==', '!=']);

/**
 * Whether a read of a length or size (`q.length`, `q.length()`, `q.size`) is compared against a
 * bound: `q.length >= MAX`, `LIMIT < q.length`, `q.length === max`, or trimmed with
 * `q.length - MAX`. Emptiness checks are not bounds: `q.length > 0`, `q.length === 1`,
 * `!q.length`, `q[q.length - 1]`.
 */
export function isBoundingLengthRead(context: AnyContext, lengthRead: TSESTree.Node): boolean {
  const outer = skipWrappersUpward(lengthRead);
  const parent = outer.parent;
  if (parent?.type !== 'BinaryExpression') return false;
  const other = parent.left === outer ? parent.right : parent.left;
  if (other.type === 'PrivateIdentifier') return false;
  const bound = staticNumber(context, other);
  if (bound !== undefined && bound <= 1) return false;
  return COMPARISONS.has(parent.operator) || (parent.operator === '-' && parent.left === outer);
}

/**
 * Whether any reference to `variable` reads its `.length` against a bound (see
 * `isBoundingLengthRead`), anywhere the variable is visible: `if (queue.length >= MAX) return;`.
 */
export function variableHasLengthBound(context: AnyContext, variable: Scope.Variable): boolean {
  return variable.references.some((reference) => {
    const member = skipWrappersUpward(reference.identifier).parent;
    return (
      member?.type === 'MemberExpression' &&
      member.object === skipWrappersUpward(reference.identifier) &&
      staticPropertyName(member) === 'length' &&
      isBoundingLengthRead(context, member)
    );
  });
}
