import type { Hover, Position, Range } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';

import type { LintSnapshot } from './fix-store';
import type { RuleDocs } from './rule-docs';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function contains(range: Range, position: Position): boolean {
  return before(range.start, position) && before(position, range.end);
}

/** On a wirelint diagnostic's range: each reported rule's description and docs link, in Markdown. */
export function buildHover(snapshot: LintSnapshot, position: Position, docs: (ruleId: string) => RuleDocs): Hover | null {
  const sections = new Map<string, string>();
  let range: Range | undefined;
  for (const diagnostic of snapshot.diagnostics) {
    const ruleId = diagnostic.code;
    if (typeof ruleId !== 'string' || sections.has(ruleId) || !contains(diagnostic.range, position)) continue;
    range ??= diagnostic.range;
    const { description, url } = docs(ruleId);
    const lines = [`**${ruleId}**${description === undefined ? '' : `: ${description}`}`];
    if (url !== undefined) lines.push(`[Documentation](${url})`);
    sections.set(ruleId, lines.join('\n\n'));
  }
  if (range === undefined) return null;
  return { contents: { kind: MarkupKind.Markdown, value: [...sections.values()].join('\n\n---\n\n') }, range };
}
