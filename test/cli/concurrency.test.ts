// wirelint's rules keep no state across files, so ESLint's worker threads (`--concurrency`) and
// its result cache (`--cache`) must not change what is reported. Runs the built CLI (`npm test`
// builds first) over examples/ plus copies of it, enough files for two workers to share.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ProcessRun } from '../helpers/run-node';
import { runNode } from '../helpers/run-node';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'packages/cli/bin/wirelint.js');
const EXAMPLES = path.join(ROOT, 'examples');
const COPIES = 8;

interface LintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: unknown;
  suggestions?: unknown[];
}

interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
}

function run(args: readonly string[], cwd: string): Promise<ProcessRun> {
  return runNode(BIN, args, cwd);
}

/**
 * stderr without ESLint's own advice when worker start-up outweighs the linting (it measures
 * time, so whether it appears depends on the machine's load, not on the rules).
 */
function problems(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.includes('ESLintPoorConcurrencyWarning') && !line.includes('--trace-warnings'));
}

/** ESLint's JSON output reduced to what must not depend on threads or caching, in a stable order. */
function normalized(stdout: string, cwd: string): { file: string; errors: number; warnings: number; messages: LintMessage[] }[] {
  const results = JSON.parse(stdout) as LintResult[];
  return results
    .map((result) => ({
      file: path.relative(cwd, result.filePath),
      errors: result.errorCount,
      warnings: result.warningCount,
      messages: result.messages
        .map(({ ruleId, severity, message, line, column, endLine, endColumn, fix, suggestions }) => ({ ruleId, severity, message, line, column, endLine, endColumn, fix, suggestions }))
        .sort((a, b) => a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId))),
    }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

describe('wirelint --concurrency and --cache', () => {
  let dir = '';
  let singleThreaded: ReturnType<typeof normalized> = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'wirelint-concurrency-'));
    for (let copy = 0; copy < COPIES; copy++) await cp(EXAMPLES, path.join(dir, `copy-${String(copy)}`), { recursive: true });
    const off = await run(['--config', 'all', '--format', 'json', '--concurrency=off', '.'], dir);
    expect(off.stderr).toBe('');
    expect(off.code).toBe(1);
    singleThreaded = normalized(off.stdout, dir);
  }, 300_000);

  afterAll(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('lints enough files with findings for the comparison to mean something', () => {
    expect(singleThreaded.length).toBeGreaterThanOrEqual(COPIES * 10);
    expect(singleThreaded.reduce((sum, result) => sum + result.messages.length, 0)).toBeGreaterThan(COPIES * 10);
  });

  it('reports the same with two worker threads as with none', async () => {
    const threaded = await run(['--config', 'all', '--format', 'json', '--concurrency=2', '.'], dir);
    expect(problems(threaded.stderr)).toEqual([]);
    expect(threaded.code).toBe(1);
    expect(normalized(threaded.stdout, dir)).toEqual(singleThreaded);
  }, 300_000);

  it('reports the same from the cache on a second run', async () => {
    const args = ['--config', 'all', '--format', 'json', '--cache', '--cache-location', path.join(dir, '.cache-for-test'), '.'];
    const first = await run(args, dir);
    const second = await run(args, dir);
    expect(first.code).toBe(1);
    expect(second.code).toBe(1);
    expect(normalized(first.stdout, dir)).toEqual(singleThreaded);
    expect(normalized(second.stdout, dir)).toEqual(singleThreaded);
  }, 300_000);
});
