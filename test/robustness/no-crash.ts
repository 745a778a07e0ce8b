import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import plugin from '../../packages/eslint-plugin/src/index';

export const ROOT = path.join(__dirname, '..', '..');
const EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx']);
/** Generated bundles past this size (typescript.js is 9 MB) say nothing new and cost minutes. */
export const MAX_FILE_BYTES = 1_000_000;
/** The robustness test runs as this many vitest files, two at a time (vitest.config.ts: maxForks 2). */
export const SHARDS = 4;

export interface SourceFile {
  file: string;
  bytes: number;
}

/**
 * Every JS/TS source file under the repository's own node_modules (declaration files included:
 * they are TypeScript the parser accepts), in a stable order, and how many were left out for size.
 * Symbolic links (the workspace's own packages) are not followed.
 */
export function nodeModulesFiles(): { files: SourceFile[]; tooLarge: number } {
  const files: SourceFile[] = [];
  let tooLarge = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.isFile() && EXTENSIONS.has(path.extname(entry.name))) {
        const bytes = statSync(full).size;
        if (bytes <= MAX_FILE_BYTES) files.push({ file: full, bytes });
        else tooLarge += 1;
      }
    }
  };
  walk(path.join(ROOT, 'node_modules'));
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, tooLarge };
}

/**
 * Deterministic shards of about equal size in bytes (what linting time follows): the largest
 * files first, each to the lightest shard so far; ties go to the lower shard. Every file lands in
 * exactly one shard.
 */
export function shardOf(files: readonly SourceFile[], shard: number, shards: number): string[] {
  const bins = Array.from({ length: shards }, () => ({ bytes: 0, files: [] as string[] }));
  const bySize = [...files].sort((a, b) => b.bytes - a.bytes || (a.file < b.file ? -1 : 1));
  for (const { file, bytes } of bySize) {
    // reduce keeps the first of equal loads: ties go to the lower shard.
    const lightest = bins.reduce((best, bin) => (bin.bytes < best.bytes ? bin : best));
    lightest.bytes += bytes;
    lightest.files.push(file);
  }
  return (bins[shard]?.files ?? []).sort();
}

export interface SweepResult {
  files: number;
  /** Files at least one parser accepted. */
  parsed: number;
  /** Lint runs that completed (a JavaScript file runs under two parsers). */
  runs: number;
  findings: number;
  crashes: string[];
}

/**
 * Lints files with every wirelint rule on, untyped, under typescript-eslint's parser (and
 * ESLint's default parser for JavaScript): files that do not parse are skipped, and any
 * exception thrown by a rule is recorded as a crash.
 */
export async function sweep(files: readonly string[]): Promise<SweepResult> {
  const linter = new Linter({ configType: 'flat', cwd: ROOT });
  const rules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`wirelint/${name}`, 'error' as const]));
  const result: SweepResult = { files: files.length, parsed: 0, runs: 0, findings: 0, crashes: [] };
  for (const [index, file] of files.entries()) {
    // Yield now and then: a worker that blocks for minutes misses the test runner's RPC deadlines.
    if (index % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    const code = readFileSync(file, 'utf8');
    // ESLint ignores node_modules by default: lint each file under a stand-in name.
    const filename = path.join(ROOT, 'sweep', path.relative(ROOT, file).replaceAll('node_modules', 'nm'));
    const isTs = /\.[cm]?tsx?$/.test(file);
    const hosts: Linter.Config[] = [
      { languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: file.endsWith('x') } } } },
      ...(isTs ? [] : [{ languageOptions: { ecmaVersion: 'latest' as const, sourceType: /\.cjs$/.test(file) ? ('commonjs' as const) : ('module' as const) } }]),
    ];
    let parsed = false;
    for (const host of hosts) {
      let messages: Linter.LintMessage[];
      try {
        messages = linter.verify(
          code,
          [
            {
              files: ['**/*'],
              plugins: { wirelint: plugin as never },
              rules,
              // Inline comments in third-party code name rules this run does not load.
              linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
              ...host,
            },
          ],
          { filename },
        );
      } catch (error) {
        result.crashes.push(`${path.relative(ROOT, file)}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      if (messages.some((message) => message.fatal === true)) continue;
      parsed = true;
      result.runs += 1;
      result.findings += messages.filter((message) => message.ruleId?.startsWith('wirelint/') === true).length;
    }
    if (parsed) result.parsed += 1;
  }
  return result;
}
