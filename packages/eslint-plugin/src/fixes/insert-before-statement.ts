import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer, SourceCode } from '@typescript-eslint/utils/ts-eslint';

/** Parents whose child statements sit in a list, so a new statement can go beside them. */
const STATEMENT_LISTS: ReadonlySet<string> = new Set(['BlockStatement', 'Program', 'SwitchCase', 'StaticBlock', 'TSModuleBlock']);

/**
 * True when a statement can be inserted before `statement` without changing what the code
 * around it means. A labeled statement's body cannot be wrapped (the label would then name
 * the block, and `continue label` stops parsing); everything else can.
 */
export function canInsertBeforeStatement(statement: TSESTree.Node): boolean {
  const parent = statement.parent;
  return parent !== undefined && parent.type !== 'LabeledStatement';
}

/**
 * Inserts `text` (one complete statement such as `await res.body?.cancel();`) right before
 * `statement`, in the style of the code around it:
 * - in a block, a program, a `case` or a static block, on its own line with the statement's
 *   indentation when the statement starts its line, otherwise on the same line;
 * - as the single-statement body of `if`/`else`/a loop (`if (!res.ok) throw e;`), the body
 *   is wrapped in braces: `if (!res.ok) { text throw e; }`.
 * Call `canInsertBeforeStatement` first: the body of a labeled statement is not handled.
 */
export function insertBeforeStatement(fixer: RuleFixer, sourceCode: Readonly<SourceCode>, statement: TSESTree.Node, text: string): RuleFix {
  if (!STATEMENT_LISTS.has(statement.parent?.type ?? '')) {
    return fixer.replaceText(statement, `{ ${text} ${sourceCode.getText(statement)} }`);
  }
  const line = sourceCode.lines[statement.loc.start.line - 1] ?? '';
  const before = line.slice(0, statement.loc.start.column);
  if (before.trim() !== '') return fixer.insertTextBefore(statement, `${text} `);
  return fixer.insertTextBefore(statement, `${text}\n${before}`);
}

/**
 * Inserts `text` (one complete statement) on a new line right after `statement`, with the
 * indentation of the line `statement` starts on. For statements in a statement list only.
 */
export function insertAfterStatement(fixer: RuleFixer, sourceCode: Readonly<SourceCode>, statement: TSESTree.Node, text: string): RuleFix {
  const indent = /^\s*/.exec(sourceCode.lines[statement.loc.start.line - 1] ?? '')?.[0] ?? '';
  return fixer.insertTextAfter(statement, `\n${indent}${text}`);
}

/** True when `statement` sits directly in a statement list (block, program, `case`, static block). */
export function isInStatementList(statement: TSESTree.Node): boolean {
  return STATEMENT_LISTS.has(statement.parent?.type ?? '');
}
