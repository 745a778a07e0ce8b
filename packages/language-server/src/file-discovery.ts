import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';

import type { Linter } from 'eslint';
import { ESLint } from 'eslint';

import { LINTED_EXTENSIONS } from './lint-config';

/**
 * Directories never walked: ESLint's own default ignores (`node_modules`, `.git`) and the
 * `wirelint` CLI's (build output and coverage reports: generated code, not code people write).
 */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', 'build', 'coverage']);

export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/**
 * Translates the lines of a `.gitignore` into flat-config ignore patterns, following
 * gitignore(5): `#` comments and blank lines are skipped, `!` re-includes, a pattern with a
 * slash before its end is anchored to the file's directory, one without matches at any depth,
 * a trailing slash matches directories only, and a pattern without it matches a file or a whole
 * directory. (The `wirelint` CLI reads `.gitignore` the same way; the server does not depend on
 * the CLI package, so this is its own copy.)
 */
export function gitignorePatterns(text: string): string[] {
  const patterns: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    // `\#` and `\!` escape a leading `#` or `!`.
    if (line.startsWith('\\#') || line.startsWith('\\!')) line = line.slice(1);
    const directoryOnly = line.endsWith('/');
    const body = directoryOnly ? line.slice(0, -1) : line;
    if (body === '' || body === '/') continue;
    const anchored = body.includes('/');
    const relative = body.startsWith('/') ? body.slice(1) : body;
    const glob = anchored || relative.startsWith('**/') ? relative : `**/${relative}`;
    patterns.push(`${negated ? '!' : ''}${glob}${directoryOnly ? '/' : '{,/**}'}`);
  }
  return patterns;
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
