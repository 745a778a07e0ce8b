import * as path from 'node:path';

import type { ESLint, Linter } from 'eslint';

/** A span in oxlint's JSON: `offset` and `length` count UTF-8 bytes, and so does `column`. */
interface OxlintSpan {
  offset: number;
  length: number;
  line: number;
  column: number;
}

/** One entry of `diagnostics` in `oxlint --format json`. */
export interface OxlintDiagnostic {
  message: string;
  /** `plugin(rule)`; absent for a file oxlint could not parse. */
  code?: string;
  severity: string;
  /** Relative to oxlint's working directory. */
  filename: string;
  labels?: { span: OxlintSpan }[];
}

/** Reads `oxlint --format json` output; throws when it is not that. */
export function parseOxlintReport(stdout: string): OxlintDiagnostic[] {
  const report = JSON.parse(stdout) as { diagnostics?: unknown };
  if (!Array.isArray(report.diagnostics)) throw new Error('oxlint printed JSON without a diagnostics list');
  return report.diagnostics as OxlintDiagnostic[];
}

/** `wirelint(no-unconsumed-body)` → `wirelint/no-unconsumed-body`. */
export function ruleIdOf(code: string | undefined): string | null {
  if (code === undefined) return null;
  const match = /^(.+)\((.+)\)$/.exec(code);
  return match === null ? code : `${match[1] ?? ''}/${match[2] ?? ''}`;
}

/**
 * ESLint results for the files oxlint linted, in the order given, so that the CLI's formatters,
 * counts and exit codes work unchanged. Positions are recomputed from the source text as ESLint
 * gives them (1-based columns in UTF-16 code units, ESLint's line breaks); a file oxlint could
 * not parse gets one fatal "Parsing error:" message, as with ESLint.
 */
export function oxlintResults(
  files: readonly string[],
  diagnostics: readonly OxlintDiagnostic[],
  cwd: string,
  readText: (file: string) => string,
): ESLint.LintResult[] {
  const byFile = new Map<string, OxlintDiagnostic[]>(files.map((file) => [file, []]));
  for (const diagnostic of diagnostics) {
    const file = path.resolve(cwd, diagnostic.filename);
    const list = byFile.get(file);
    if (list === undefined) byFile.set(file, [diagnostic]);
    else list.push(diagnostic);
  }
  return [...byFile].map(([file, fileDiagnostics]) => {
    const locator = fileDiagnostics.length > 0 ? new SourceLocator(readText(file)) : undefined;
    const messages = fileDiagnostics.map((diagnostic) => toMessage(diagnostic, locator)).sort(byPosition);
    return lintResult(file, messages);
  });
}

function toMessage(diagnostic: OxlintDiagnostic, locator: SourceLocator | undefined): Linter.LintMessage {
  const span = diagnostic.labels?.[0]?.span;
  const start = span === undefined || locator === undefined ? { line: 1, column: 1 } : locator.position(span.offset);
  const ruleId = ruleIdOf(diagnostic.code);
  const message: Linter.LintMessage = {
    ruleId,
    severity: diagnostic.severity === 'error' ? 2 : 1,
    message: ruleId === null ? `Parsing error: ${diagnostic.message}` : diagnostic.message,
    line: start.line,
    column: start.column,
  };
  if (ruleId === null) {
    message.fatal = true;
  } else if (span !== undefined && locator !== undefined) {
    const end = locator.position(span.offset + span.length);
    message.endLine = end.line;
    message.endColumn = end.column;
  }
  return message;
}

function byPosition(a: Linter.LintMessage, b: Linter.LintMessage): number {
  return a.line - b.line || a.column - b.column;
}

function lintResult(filePath: string, messages: Linter.LintMessage[]): ESLint.LintResult {
  const errors = messages.filter((message) => message.severity === 2);
  return {
    filePath,
    messages,
    suppressedMessages: [],
    errorCount: errors.length,
    fatalErrorCount: errors.filter((message) => message.fatal === true).length,
    warningCount: messages.length - errors.length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

const UTF8_BOM = '\uFEFF';
const BOM_BYTES = 3;

/** Turns oxlint's UTF-8 byte offsets into ESLint's lines and UTF-16 columns. */
export class SourceLocator {
  private readonly bytes: Buffer;
  /** Bytes before the text ESLint reports on: a byte-order mark, which ESLint drops. */
  private readonly skipped: number;
  private readonly lineStarts: number[] = [0];

  constructor(source: string) {
    const text = source.startsWith(UTF8_BOM) ? source.slice(1) : source;
    this.bytes = Buffer.from(text, 'utf8');
    this.skipped = text === source ? 0 : BOM_BYTES;
    for (const match of text.matchAll(/\r\n|[\r\n\u2028\u2029]/g)) this.lineStarts.push(match.index + match[0].length);
  }

  /** 1-based line and column of a byte offset into the file as stored. */
  position(byteOffset: number): { line: number; column: number } {
    const index = this.bytes.subarray(0, Math.max(0, byteOffset - this.skipped)).toString('utf8').length;
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= index) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: index - (this.lineStarts[low] ?? 0) + 1 };
  }
}
