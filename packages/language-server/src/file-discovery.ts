import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';

import type { Linter } from 'eslint';
import { ESLint } from 'eslint';
import { gitignorePatterns } from 'wirelint/ignores';

import { LINTED_EXTENSIONS } from './lint-config';

/**
 * Directories never walked: ESLint's own default ignores (`node_modules`, `.git`) and the
 * `wirelint` CLI's (build output and coverage reports: generated code, not code people write).
 */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', 'build', 'coverage']);

export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** The directories above `folder` whose `.gitignore` applies: its parents up to the Git root. */
function gitignoreDirectoriesAbove(folder: string): string[] {
  const directories: string[] = [];
  let directory = path.dirname(folder);
  if (existsSync(path.join(folder, '.git'))) return [];
  for (;;) {
    directories.push(directory);
    if (existsSync(path.join(directory, '.git'))) return directories;
    const parent = path.dirname(directory);
    // Not inside a Git work tree: only the folder's own `.gitignore` files count.
    if (parent === directory) return [];
    directory = parent;
  }
}

async function ignoreConfig(directory: string): Promise<Linter.Config | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(directory, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  const patterns = gitignorePatterns(text);
  return patterns.length === 0 ? undefined : { name: `wirelint/gitignore (${directory})`, basePath: directory, ignores: patterns };
}

/**
 * Every JavaScript and TypeScript file under `folder` that is not ignored: `node_modules`,
 * `.git`, `dist`, `build` and `coverage` directories are skipped, then the `.gitignore` files
 * of the folder, of its subdirectories and of its parents up to the Git root are applied
 * (through ESLint's own matcher, each relative to its directory). Sorted; empty when cancelled.
 */
export async function discoverFiles(folder: string, cancellation: Cancellation): Promise<string[]> {
  const candidates: string[] = [];
  const gitignoreDirectories = gitignoreDirectoriesAbove(folder);
  const pending = [folder];
  for (let directory = pending.pop(); directory !== undefined; directory = pending.pop()) {
    if (cancellation.isCancellationRequested) return [];
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const file = path.join(directory, entry.name);
      // Symbolic links are not followed: they can loop, and what they point to is linted where it lives.
      if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) pending.push(file);
      else if (entry.isFile() && entry.name === '.gitignore') gitignoreDirectories.push(directory);
      else if (entry.isFile() && LINTED_EXTENSIONS.has(path.extname(entry.name))) candidates.push(file);
    }
  }
  const ignores = (await Promise.all(gitignoreDirectories.map(ignoreConfig))).filter((config) => config !== undefined);
  const matcher = new ESLint({
    cwd: folder,
    overrideConfigFile: true,
    overrideConfig: [...ignores, { files: [`**/*{${[...LINTED_EXTENSIONS].join(',')}}`] }],
  });
  const kept: string[] = [];
  for (const file of candidates) {
    if (cancellation.isCancellationRequested) return [];
    if (!(await matcher.isPathIgnored(file))) kept.push(file);
  }
  return kept.sort();
}
