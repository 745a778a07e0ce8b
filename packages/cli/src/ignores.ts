import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Global ignore patterns (flat-config `ignores`, minimatch syntax) and the directory they are
 * relative to. Plain data, so that it crosses to ESLint's worker threads.
 */
export interface IgnoreSpec {
  name: string;
  basePath: string;
  patterns: string[];
}

/**
 * Build output and coverage reports: generated code, not the code people write. ESLint itself
 * already ignores `node_modules/` and `.git/`.
 */
export const DEFAULT_IGNORE_PATTERNS: readonly string[] = ['**/dist/', '**/build/', '**/coverage/'];

/**
 * What the CLI ignores in `cwd`: `DEFAULT_IGNORE_PATTERNS`, then the `.gitignore` files of `cwd`
 * and of its parents up to the root of the Git work tree (the directory holding `.git`), each
 * relative to its own directory. `.gitignore` files below `cwd`, `.git/info/exclude` and the
 * global excludes file are not read.
 */
export function defaultIgnoreSpecs(cwd: string): IgnoreSpec[] {
  const specs: IgnoreSpec[] = [{ name: 'wirelint/default-ignores', basePath: cwd, patterns: [...DEFAULT_IGNORE_PATTERNS] }];
  for (const directory of gitignoreDirectories(cwd)) {
    const file = path.join(directory, '.gitignore');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const patterns = gitignorePatterns(text);
    if (patterns.length > 0) specs.push({ name: `wirelint/gitignore (${file})`, basePath: directory, patterns });
  }
  return specs;
}

/** `cwd` and its parents up to the Git root; only `cwd` when it is not inside a work tree. */
function gitignoreDirectories(cwd: string): string[] {
  const directories: string[] = [];
  let directory = path.resolve(cwd);
  for (;;) {
    directories.push(directory);
    if (existsSync(path.join(directory, '.git'))) return directories.reverse();
    const parent = path.dirname(directory);
    if (parent === directory) return [path.resolve(cwd)];
    directory = parent;
  }
}

/**
 * Translates the lines of a `.gitignore` into flat-config ignore patterns, following
 * gitignore(5): `#` comments and blank lines are skipped, `!` re-includes, a pattern with a
 * slash before its end is anchored to the file's directory, one without matches at any depth,
 * a trailing slash matches directories only, and a pattern without it matches a file or a
 * whole directory.
 */
export function gitignorePatterns(text: string): string[] {
  const patterns: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    let negated = false;
    if (line.startsWith('!')) {
      negated = true;
      line = line.slice(1);
    }
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
