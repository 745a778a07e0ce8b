import type { Rule } from 'eslint';
import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** An ESLint fix (offsets into the linted text) → an LSP edit on that same text. */
export function fixToTextEdit(document: TextDocument, fix: Rule.Fix): TextEdit {
  return { range: { start: document.positionAt(fix.range[0]), end: document.positionAt(fix.range[1]) }, newText: fix.text };
}

/**
 * The edits of a set of fixes applied in one pass, like one pass of `eslint --fix`: in source
 * order, a fix that overlaps or touches an earlier kept one is left for the next run.
 */
export function nonOverlappingFixEdits(document: TextDocument, fixes: readonly Rule.Fix[]): TextEdit[] {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const edits: TextEdit[] = [];
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const fix of sorted) {
    // ESLint's own rule: a fix starting at or before the previous one's end waits for the next pass.
    if (fix.range[0] <= lastEnd || fix.range[0] > fix.range[1]) continue;
    edits.push(fixToTextEdit(document, fix));
    lastEnd = fix.range[1];
  }
  return edits;
}

function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

function eol(document: TextDocument): string {
  return document.getText().includes('\r\n') ? '\r\n' : '\n';
}

const NEXT_LINE_DIRECTIVE = /^(\s*\/\/\s*eslint-disable-next-line\s+)(.*?)(\s+--.*)?$/;
const JSX_NEXT_LINE_DIRECTIVE = /^(\s*\{\s*\/\*\s*eslint-disable-next-line\s+)(.*?)(\s+--.*?)?(\s*\*\/\s*\})\s*$/;

/** Where a disable comment goes: among JavaScript code, or among a JSX element's children. */
export type CommentContext = 'code' | 'jsx-children';

/**
 * Disables `ruleId` on `line`: adds the rule to an `eslint-disable-next-line` comment just
 * above, or inserts one with the line's indentation. Among JSX children the comment is
 * `{/* … *\/}`: a `//` there would be rendered as text.
 */
export function disableForLineEdit(document: TextDocument, line: number, ruleId: string, context: CommentContext = 'code'): TextEdit {
  if (line > 0) {
    const previous = lineText(document, line - 1);
    const match = (context === 'jsx-children' ? JSX_NEXT_LINE_DIRECTIVE : NEXT_LINE_DIRECTIVE).exec(previous);
    if (match?.[1] !== undefined && match[2] !== undefined && match[2].trim() !== '') {
      const at = { line: line - 1, character: match[1].length + match[2].length };
      return { range: { start: at, end: at }, newText: `, ${ruleId}` };
    }
  }
  const indentation = /^\s*/.exec(lineText(document, line))?.[0] ?? '';
  const at = { line, character: 0 };
  const comment = context === 'jsx-children' ? `{/* eslint-disable-next-line ${ruleId} */}` : `// eslint-disable-next-line ${ruleId}`;
  return { range: { start: at, end: at }, newText: `${indentation}${comment}${eol(document)}` };
}

/** The offset of the first non-blank character of `line` (where a disable comment applies). */
export function firstCodeOffset(document: TextDocument, line: number): number {
  const indentation = /^\s*/.exec(lineText(document, line))?.[0] ?? '';
  return document.offsetAt({ line, character: indentation.length });
}

/** Disables `ruleId` for the whole file with a block comment on the first line (after a shebang). */
export function disableForFileEdit(document: TextDocument, ruleId: string): TextEdit {
  const line = lineText(document, 0).startsWith('#!') ? 1 : 0;
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `/* eslint-disable ${ruleId} */${eol(document)}` };
}
