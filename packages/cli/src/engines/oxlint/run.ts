import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import type { ESLint } from 'eslint';

import type { CliPreset, Concurrency } from '../../args';
import { LINTED_EXTENSIONS } from '../../config';
import { DEFAULT_IGNORE_PATTERNS } from '../../ignores';
import { buildOxlintConfig } from './config';
import { findOxlint, type OxlintInstallation } from './installation';
import { oxlintResults, parseOxlintReport } from './report';

export interface OxlintRunOptions {
  cwd: string;
  /** Absolute paths of existing files and directories. */
  targets: readonly string[];
  preset: CliPreset;
  fix: boolean;
  /** `false` with `--no-ignore`. */
  ignore: boolean;
  concurrency: Concurrency;
}

/**
 * What ESLint skips even with `--no-ignore`. oxlint itself only skips what `.gitignore` files
 * say (it reads them at every level, whatever its flags).
 */
const ALWAYS_IGNORED = ['**/node_modules/', '**/.git/'];

/** Files oxlint lints but wirelint does not (ESLint would need another parser for them). */
const FOREIGN_FILE_PATTERNS = ['**/*.vue', '**/*.svelte', '**/*.astro'];

/**
 * Lints `targets` with wirelint's rules inside the user's oxlint and returns ESLint results.
 * Rules that need type information do not run (there is no TypeScript program under oxlint).
 * Fixes are applied in one pass (oxlint does not re-lint fixed files as ESLint does).
 */
export async function lintWithOxlint(options: OxlintRunOptions): Promise<ESLint.LintResult[]> {
  if (options.targets.length === 0) return [];
  const oxlint = findOxlint(options.cwd);
  const workDir = await mkdtemp(path.join(tmpdir(), 'wirelint-oxlint-'));
  try {
    const configFile = path.join(workDir, 'oxlintrc.json');
    const config = buildOxlintConfig(options.preset, require.resolve('@wirelint/eslint-plugin'));
    await writeFile(configFile, JSON.stringify(config));
    // An empty ignore file keeps oxlint from reading the project's `.eslintignore`, which
    // ESLint 10 no longer reads either.
    const emptyIgnoreFile = path.join(workDir, 'ignore');
    await writeFile(emptyIgnoreFile, '');
    const shared = [
      `--config=${configFile}`,
      '--disable-nested-config',
      `--ignore-path=${emptyIgnoreFile}`,
      '--no-error-on-unmatched-pattern',
      // Not oxlint's `--no-ignore`, which would drop these patterns but not `.gitignore`.
      ...[...FOREIGN_FILE_PATTERNS, ...ALWAYS_IGNORED, ...(options.ignore ? DEFAULT_IGNORE_PATTERNS : [])].map((pattern) => `--ignore-pattern=${pattern}`),
      ...(typeof options.concurrency === 'number' ? [`--threads=${options.concurrency}`] : []),
    ];
    // oxlint's JSON lists findings only; the file list gives clean files their (empty) result.
    const [listing, report] = await Promise.all([
      runOxlint(oxlint, [...shared, '--debug=files', ...options.targets], options.cwd),
      runOxlint(oxlint, [...shared, '--format=json', ...(options.fix ? ['--fix'] : []), ...options.targets], options.cwd),
    ]);
    if (listing.code !== 0) {
      throw new Error(`oxlint ${oxlint.version} could not list the files to lint (exit code ${String(listing.code)}): ${firstLines(listing.stderr || listing.stdout)}`);
    }
    const files = listing.stdout
      .split(/\r?\n/)
      .filter((line) => line !== '')
      .map((line) => path.resolve(options.cwd, line))
      .filter((file) => LINTED_EXTENSIONS.includes(path.extname(file)));
    let diagnostics;
    try {
      diagnostics = parseOxlintReport(report.stdout);
    } catch {
      throw new Error(`oxlint ${oxlint.version} failed (exit code ${String(report.code)}): ${firstLines(report.stderr || report.stdout)}`);
    }
    const sources = new Map<string, string>();
    for (const diagnostic of diagnostics) {
      const file = path.resolve(options.cwd, diagnostic.filename);
      if (!sources.has(file)) sources.set(file, await readFile(file, 'utf8'));
    }
    const results = oxlintResults(files, diagnostics, options.cwd, (file) => sources.get(file) ?? '');
    return results.filter((result) => LINTED_EXTENSIONS.includes(path.extname(result.filePath)));
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

interface ProcessOutput {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runOxlint(oxlint: OxlintInstallation, args: readonly string[], cwd: string): Promise<ProcessOutput> {
  return new Promise((resolve, reject) => {
    // oxlint's bin is a Node script: run it with this Node, whatever PATH holds.
    const child = spawn(process.execPath, [oxlint.bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

function firstLines(text: string): string {
  return text.trim().split('\n').slice(0, 5).join(' ');
}
