// The two hosts of the cross-host test: ESLint's `Linter` with typescript-eslint's parser and
// no program (what the CLI and an untyped ESLint config do), and the oxlint pinned in the
// root package.json with the plugin as a JS plugin. Both report `Finding`s, compared as strings.
import * as path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import plugin from '@wirelint/eslint-plugin';
import { type ESLint, Linter } from 'eslint';
import { findOxlint, LINTED_FILES, oxlintResults, parseOxlintReport } from 'wirelint';

import type { ProcessRun } from '../helpers/run-node';
import { runNode } from '../helpers/run-node';

export const ROOT = path.resolve(__dirname, '../..');

/** One problem as a host reports it; `file` is relative to the linted tree, with `/`. */
export interface Finding {
  file: string;
  ruleId: string | null;
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
  message: string;
}

/** `file:line:column rule: message (to endLine:endColumn)`, the unit of comparison. */
export function describeFinding(finding: Finding): string {
  const end = finding.endLine === undefined ? '' : ` (to ${finding.endLine}:${String(finding.endColumn)})`;
  return `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId ?? '(no rule)'}: ${finding.message}${end}`;
}

export type RuleSettings = Linter.RulesRecord;

/** An ESLint flat config like a user's: the plugin's rules, typescript-eslint's parser without a program. */
export function eslintConfig(rules: RuleSettings, globals: Linter.Globals = {}): Linter.Config[] {
  return [{ files: [LINTED_FILES], languageOptions: { parser: tsParser, globals }, plugins: { wirelint: plugin as never }, rules }];
}

const linters = new Map<string, Linter>();

/** ESLint's messages for one file (`file` relative to `root`, where config `files` patterns start). */
export function lintWithEslint(root: string, file: string, code: string, config: Linter.Config[]): Linter.LintMessage[] {
  let linter = linters.get(root);
  if (linter === undefined) {
    linter = new Linter({ configType: 'flat', cwd: root });
    linters.set(root, linter);
  }
  return linter.verify(code, config, { filename: path.join(root, file) });
}

export function eslintFindings(file: string, messages: readonly Linter.LintMessage[]): Finding[] {
  return messages.map((message) => ({
    file,
    ruleId: message.ruleId,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
    message: message.message,
  }));
}

/**
 * What `oxlint --fix-suggestions` does to a file, done with ESLint's messages: each message's
 * autofix or else its first suggestion, in one pass (oxlint does not re-lint as ESLint's
 * `--fix` does), skipping a fix that overlaps one already applied.
 */
export function applyFixesAndFirstSuggestions(code: string, messages: readonly Linter.LintMessage[]): string {
  const fixes = messages
    .flatMap((message) => {
      const fix = message.fix ?? message.suggestions?.[0]?.fix;
      return fix === undefined ? [] : [fix];
    })
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let position = 0;
  for (const fix of fixes) {
    if (fix.range[0] < position) continue;
    output += code.slice(position, fix.range[0]) + fix.text;
    position = fix.range[1];
  }
  return output + code.slice(position);
}

/** Runs the repository's oxlint (the pinned devDependency) in `cwd`. */
export function runOxlint(cwd: string, args: readonly string[]): Promise<ProcessRun> {
  const { bin } = findOxlint(ROOT);
  return runNode(bin, args, cwd);
}

/**
 * oxlint's JSON report as findings, through the CLI's own mapping (byte offsets to ESLint's
 * lines and UTF-16 columns), so that the comparison checks that mapping too.
 */
export function oxlintFindings(run: ProcessRun, cwd: string, sources: ReadonlyMap<string, string>): Finding[] {
  let diagnostics;
  try {
    diagnostics = parseOxlintReport(run.stdout);
  } catch {
    throw new Error(`oxlint failed (exit code ${String(run.code)}):\n${run.stderr}${run.stdout}`);
  }
  const results: ESLint.LintResult[] = oxlintResults([], diagnostics, cwd, (file) => {
    const source = sources.get(relativeFile(cwd, file));
    if (source === undefined) throw new Error(`oxlint reported on an unexpected file: ${file}`);
    return source;
  });
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      file: relativeFile(cwd, result.filePath),
      ruleId: message.ruleId,
      line: message.line,
      column: message.column,
      endLine: message.endLine,
      endColumn: message.endColumn,
      message: message.message,
    })),
  );
}

export function relativeFile(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
