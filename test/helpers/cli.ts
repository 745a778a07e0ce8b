import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { afterAll } from 'vitest';
import { runCli } from 'wirelint';

import type { ProcessRun } from './run-node';

/** The built CLI's `runCli` in this process, with its output collected. */
export async function runCliInProcess(args: readonly string[], cwd: string): Promise<ProcessRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/**
 * A maker of fresh directories outside the repository (no Git work tree, no ESLint config
 * above them), holding the given files; they are removed after the calling test file.
 */
export function tempDirMaker(): (prefix: string, files?: Record<string, string>) => Promise<string> {
  const made: string[] = [];
  afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));
  return async (prefix, files = {}) => {
    const dir = await mkdtemp(path.join(tmpdir(), `wirelint-${prefix}-`));
    made.push(dir);
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    return dir;
  };
}
