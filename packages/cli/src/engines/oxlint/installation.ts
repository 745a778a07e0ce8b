import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The oldest oxlint that runs wirelint's rules with the same findings as ESLint (checked by
 * `test/oxlint`). JS plugins are not under semver in oxlint, so older releases are refused.
 */
export const MIN_OXLINT_VERSION = '1.94.0';

/** An oxlint package found on disk. */
export interface OxlintInstallation {
  /** The `oxlint` bin script (a Node ES module that loads the native binding). */
  bin: string;
  version: string;
}

/** oxlint is missing or too old: a setup problem of the project, reported as one line. */
export class OxlintUnavailableError extends Error {
  override name = 'OxlintUnavailableError';
}

/**
 * Finds the oxlint the user installed: the one `cwd` resolves first (the project's own), then
 * the one beside the wirelint CLI (a global or `npx` install). oxlint is an optional peer
 * dependency of the CLI, never installed by it.
 */
export function findOxlint(cwd: string): OxlintInstallation {
  for (const from of [cwd, __dirname]) {
    const manifestPath = resolveFrom(from, 'oxlint/package.json');
    if (manifestPath === undefined) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version?: unknown; bin?: unknown };
    const version = typeof manifest.version === 'string' ? manifest.version : '0.0.0';
    if (compareVersions(version, MIN_OXLINT_VERSION) < 0) {
      throw new OxlintUnavailableError(
        `--engine oxlint needs oxlint ${MIN_OXLINT_VERSION} or later, but ${path.dirname(manifestPath)} has ${version}; upgrade it with 'npm install --save-dev oxlint@latest'`,
      );
    }
    return { bin: path.join(path.dirname(manifestPath), binPath(manifest.bin)), version };
  }
  throw new OxlintUnavailableError(
    "--engine oxlint needs oxlint, which is not installed in this project or beside wirelint; install it with 'npm install --save-dev oxlint', or leave out --engine to lint with ESLint",
  );
}

function resolveFrom(directory: string, request: string): string | undefined {
  try {
    return require.resolve(request, { paths: [directory] });
  } catch {
    return undefined;
  }
}

function binPath(bin: unknown): string {
  if (typeof bin === 'string') return bin;
  const named = (bin as Record<string, unknown> | undefined)?.oxlint;
  return typeof named === 'string' ? named : 'bin/oxlint';
}

/** Compares `major.minor.patch` (a pre-release suffix is ignored). */
export function compareVersions(a: string, b: string): number {
  const parse = (version: string): number[] => version.split(/[.+-]/, 3).map((part) => Number.parseInt(part, 10) || 0);
  const [left, right] = [parse(a), parse(b)];
  for (let index = 0; index < 3; index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
