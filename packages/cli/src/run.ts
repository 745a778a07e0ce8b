import { mkdir, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

import plugin from '@wirelint/eslint-plugin';
import { ESLint } from 'eslint';

import { type CliOptions, HELP_TEXT, parseCommandLine } from './args';
import { createEslint, DEFAULT_CACHE_LOCATION, type LintSettings } from './eslint-options';
import { lintWithOxlint } from './engines/oxlint/run';
import { ExitCode, UsageError } from './exit-codes';
import { formatResults } from './formatters';
import { defaultIgnoreSpecs } from './ignores';
import { keepWirelintResults, totalCounts } from './results';

// Read at run time so that package.json stays the single source of the version.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version: CLI_VERSION } = require('../package.json') as { version: string };

export { CLI_VERSION };

/** Where `runCli` writes; `process.stdout`/`process.stderr` fit. */
export interface TextSink {
  write(text: string): unknown;
}

export interface CliIo {
  /** The directory paths are relative to; `process.cwd()` by default. */
  cwd?: string;
  stdout: TextSink;
  stderr: TextSink;
}

/**
 * Runs the `wirelint` command line and resolves to its exit code (see `ExitCode`). It never
 * rejects: usage and internal errors are written to `io.stderr` as one line (with the stack
 * after `--debug`).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const cwd = path.resolve(io.cwd ?? process.cwd());
  let debug = argv.includes('--debug');
  try {
    const command = parseCommandLine(argv);
    if (command.kind === 'help') {
      io.stdout.write(HELP_TEXT);
      return ExitCode.Clean;
    }
    if (command.kind === 'version') {
      io.stdout.write(`wirelint ${CLI_VERSION}\n`);
      return ExitCode.Clean;
    }
    debug = command.options.debug;
    return await lint(command.options, cwd, io);
  } catch (error) {
    io.stderr.write(`wirelint: ${describeError(error)}\n`);
    if (error instanceof UsageError) {
      io.stderr.write("Run 'wirelint --help' for the options.\n");
    } else if (debug && error instanceof Error && error.stack !== undefined) {
      io.stderr.write(`${error.stack}\n`);
    }
    return ExitCode.Failure;
  }
}

async function lint(options: CliOptions, cwd: string, io: CliIo): Promise<number> {
  let pathsFailed = false;
  const targets: string[] = [];
  for (const given of new Set(options.paths)) {
    const absolute = path.resolve(cwd, given);
    if (await exists(absolute)) {
      targets.push(absolute);
    } else {
      io.stderr.write(`wirelint: no such file or directory: '${given}'\n`);
      pathsFailed = true;
    }
  }

  const settings: LintSettings = {
    cwd,
    config: options.useEslintConfig
      ? { kind: 'eslint-config' }
      : { kind: 'preset', preset: options.preset, typeAware: options.typeAware, ignores: defaultIgnoreSpecs(cwd) },
    fix: options.fix,
    cache: options.cache,
    cacheLocation: path.resolve(cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION),
    concurrency: options.concurrency,
    ignore: options.ignore,
  };
  const withOxlint = options.engine === 'oxlint';
  // With oxlint, ESLint only formats: it needs no worker threads.
  const eslint = await createEslint(withOxlint ? { ...settings, concurrency: 'off' } : settings);
  if (options.useEslintConfig) await requireEslintConfig(eslint, targets, cwd);

  let results: ESLint.LintResult[];
  if (withOxlint) {
    const { preset, fix, ignore, concurrency } = options;
    results = await lintWithOxlint({ cwd, targets, preset, fix, ignore, concurrency });
  } else {
    results = targets.length > 0 ? await eslint.lintFiles(targets) : [];
    if (options.fix) await ESLint.outputFixes(results);
  }
  if (!options.useEslintConfig) results = keepWirelintResults(results);

  for (const target of targets) {
    if (!results.some((result) => isInside(result.filePath, target))) {
      io.stderr.write(`wirelint: nothing to lint in '${path.relative(cwd, target) || '.'}' (no JavaScript or TypeScript files, or all of them are ignored; see --no-ignore)\n`);
      pathsFailed = true;
    }
  }

  const report = await formatResults(options.format, results, {
    eslint,
    cwd,
    toolVersion: CLI_VERSION,
    activeRuleIds: options.useEslintConfig ? [] : presetRuleIds(options.preset),
    color: options.outputFile === undefined ? options.color : false,
  });
  if (options.outputFile === undefined) {
    io.stdout.write(report);
  } else {
    const file = path.resolve(cwd, options.outputFile);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, report);
  }

  const counts = totalCounts(results);
  const tooManyWarnings = options.maxWarnings >= 0 && counts.warningCount > options.maxWarnings;
  if (tooManyWarnings) {
    io.stderr.write(`wirelint: ${counts.warningCount} warnings, more than --max-warnings ${options.maxWarnings}\n`);
  }
  if (pathsFailed) return ExitCode.Failure;
  return counts.errorCount > 0 || tooManyWarnings ? ExitCode.ProblemsFound : ExitCode.Clean;
}

/** With `--use-eslint-config`, every path must be covered by an `eslint.config.*`. */
async function requireEslintConfig(eslint: ESLint, targets: readonly string[], cwd: string): Promise<void> {
  for (const target of targets.length > 0 ? targets : [cwd]) {
    const probe = (await isDirectory(target)) ? path.join(target, '__probe__.js') : target;
    if ((await eslint.findConfigFile(probe)) === undefined) {
      throw new UsageError(
        `--use-eslint-config: no eslint.config.* found for '${path.relative(cwd, target) || '.'}' or its parent directories`,
      );
    }
  }
}

function presetRuleIds(preset: CliOptions['preset']): string[] {
  return plugin.configs[preset].flatMap((config) => Object.keys(config.rules));
}

function isInside(file: string, target: string): boolean {
  const relative = path.relative(target, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

/** One line: ESLint's errors span several lines (the file and rule of a crash come last). */
function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}
