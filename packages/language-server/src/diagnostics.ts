import type { Linter } from 'eslint';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';

import type { RuleDocs } from './rule-docs';

/** What a wirelint diagnostic carries in `data`, to find its fixes again in the fix store. */
export interface DiagnosticData {
  ruleId: string;
  /** Index of the problem in the snapshot's `problems`. */
  problemId: number;
  /** The document version the problem was computed for. */
  version: number;
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<Record<keyof DiagnosticData, unknown>>;
  return typeof data.ruleId === 'string' && typeof data.problemId === 'number' && typeof data.version === 'number';
}

/**
 * ESLint's 1-based, end-exclusive positions → LSP's 0-based ranges, clamped to sane values. A
 * rule's problem carries `data` (rule id, problem index, version) so that code actions find its
 * fixes; a parse error has no rule and no data.
 */
export function toDiagnostic(message: Linter.LintMessage, problemId: number, version: number, docs: (ruleId: string) => RuleDocs): Diagnostic {
  const startLine = Math.max(message.line - 1, 0);
  const startCharacter = Math.max(message.column - 1, 0);
  const endLine = message.endLine === undefined ? startLine : Math.max(message.endLine - 1, 0);
  const endCharacter = message.endColumn === undefined ? startCharacter + 1 : Math.max(message.endColumn - 1, 0);
  const ruleId = message.ruleId ?? undefined;
  const url = ruleId === undefined ? undefined : docs(ruleId).url;
  const data: DiagnosticData | undefined = ruleId === undefined ? undefined : { ruleId, problemId, version };
  return {
    range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } },
    severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'wirelint',
    message: message.message,
    ...(ruleId === undefined ? {} : { code: ruleId }),
    ...(url === undefined ? {} : { codeDescription: { href: url } }),
    ...(data === undefined ? {} : { data }),
  };
}

/** The one diagnostic of a file that is not linted because it is over `wirelint.maxFileSizeKb`. */
export function oversizeDiagnostic(sizeBytes: number, maxFileSizeKb: number): Diagnostic {
  const sizeKb = sizeBytes / 1024;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'wirelint',
    message: `wirelint skipped this file: it is ${String(Math.ceil(sizeKb))} KiB, over the wirelint.maxFileSizeKb limit of ${String(maxFileSizeKb)} KiB.`,
  };
}

/** Whether a text is over the `wirelint.maxFileSizeKb` limit; its size in bytes either way. */
export function textSize(text: string, maxFileSizeKb: number): { bytes: number; over: boolean } {
  const bytes = Buffer.byteLength(text);
  return { bytes, over: bytes / 1024 > maxFileSizeKb };
}
