import { parseArgs } from 'node:util';

import { UsageError } from './exit-codes';

export const CLI_PRESETS = ['recommended', 'strict', 'all'] as const;
export type CliPreset = (typeof CLI_PRESETS)[number];

export const OUTPUT_FORMATS = ['stylish', 'json', 'sarif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** What runs the rules: ESLint (the CLI's own) or the oxlint the user installed. */
export const ENGINES = ['eslint', 'oxlint'] as const;
export type Engine = (typeof ENGINES)[number];

/** ESLint's `concurrency` option: worker threads, chosen by ESLint, or none. */
export type Concurrency = number | 'auto' | 'off';

/** The command line after validation. */
export interface CliOptions {
  /** Files and directories to lint, as given (relative to the working directory). */
  paths: string[];
  /** Lint with the project's own ESLint config instead of a wirelint preset. */
  useEslintConfig: boolean;
  engine: Engine;
  preset: CliPreset;
  typeAware: boolean;
  format: OutputFormat;
  fix: boolean;
  /** `-1` means no limit. */
  maxWarnings: number;
  outputFile: string | undefined;
  cache: boolean;
  cacheLocation: string | undefined;
  concurrency: Concurrency;
  /** `false` with `--no-ignore`: ESLint's `ignore: false`, no ignore pattern applies. */
  ignore: boolean;
  /** `undefined` lets the terminal decide (`NO_COLOR`, `FORCE_COLOR`, a TTY). */
  color: boolean | undefined;
  debug: boolean;
}

export type ParsedCommandLine = { kind: 'help' } | { kind: 'version' } | { kind: 'lint'; options: CliOptions };

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  'use-eslint-config': { type: 'boolean' },
  engine: { type: 'string' },
  'type-aware': { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  fix: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  'output-file': { type: 'string', short: 'o' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  concurrency: { type: 'string' },
  ignore: { type: 'boolean' },
  color: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Options whose value may be a negative number, which `parseArgs` would take for a flag. */
const NUMERIC_OPTIONS = new Set(['--max-warnings']);

export const HELP_TEXT = `Usage: wirelint [options] [paths...]

Finds network bugs (unread response bodies, missing timeouts, unbounded queues, ignored
backpressure, connection-lifecycle mistakes) in JavaScript and TypeScript files
(.js .cjs .mjs .jsx .ts .cts .mts .tsx). Paths default to the current directory.
No ESLint set-up is needed: wirelint brings its own parser and rules.

Rules:
  -c, --config <name>        Preset: recommended (default), strict or all
      --type-aware           Use type information from the nearest tsconfig.json (slower,
                             more precise); files no tsconfig includes are linted without it
      --use-eslint-config    Lint with the project's eslint.config.* instead of a preset
      --engine <name>        eslint (default) or oxlint: run the preset's rules inside the
                             oxlint installed in the project (faster; no --type-aware)

Output:
  -f, --format <name>        stylish (default), json (ESLint's JSON) or sarif (SARIF 2.1.0)
  -o, --output-file <file>   Write the report to a file instead of stdout
      --max-warnings <n>     Exit with 1 when there are more than n warnings (-1: no limit,
                             the default)
      --color, --no-color    Force or disable colors in the stylish format

Fixing and speed:
      --fix                  Apply wirelint's automatic fixes to the files
      --cache                Only re-lint changed files (cache in .wirelintcache)
      --cache-location <p>   Where to keep the cache file
      --concurrency <n>      Worker threads: a number, auto or off (the default)
      --no-ignore            Also lint ignored files (dist/, build/, coverage/, .gitignore,
                             node_modules/)

Other:
      --debug                Print stack traces of internal errors
  -h, --help                 Show this help
  -v, --version              Show the version

Exit codes: 0 no problems (or only warnings within --max-warnings), 1 problems found,
2 usage error, missing path, path with nothing to lint, or internal error.
`;

/** Parses and validates `argv` (without the node and script paths). Throws `UsageError`. */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeNumbers(argv), options: OPTIONS, allowPositionals: true, allowNegative: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };

  const useEslintConfig = values['use-eslint-config'] === true;
  if (useEslintConfig && values.config !== undefined) {
    throw new UsageError('--config cannot be combined with --use-eslint-config (the project config decides the rules)');
  }
  if (useEslintConfig && values['type-aware'] !== undefined) {
    throw new UsageError('--type-aware cannot be combined with --use-eslint-config (the project config decides the parser)');
  }
  const engine = oneOf('--engine', values.engine ?? 'eslint', ENGINES);
  if (engine === 'oxlint') rejectWithOxlint(values);
  const outputFile = values['output-file'];
  if (outputFile?.trim() === '') throw new UsageError('--output-file needs a file name');
  const cacheLocation = values['cache-location'];
  if (cacheLocation?.trim() === '') throw new UsageError('--cache-location needs a path');

  return {
    kind: 'lint',
    options: {
      paths: positionals.length > 0 ? positionals : ['.'],
      useEslintConfig,
      engine,
      preset: oneOf('--config', values.config ?? 'recommended', CLI_PRESETS),
      typeAware: values['type-aware'] === true,
      format: oneOf('--format', values.format ?? 'stylish', OUTPUT_FORMATS),
      fix: values.fix === true,
      maxWarnings: parseMaxWarnings(values['max-warnings']),
      outputFile,
      cache: values.cache === true,
      cacheLocation,
      concurrency: parseConcurrency(values.concurrency),
      ignore: values.ignore !== false,
      color: values.color,
      debug: values.debug === true,
    },
  };
}

/** Options that need ESLint. */
function rejectWithOxlint(values: { 'type-aware'?: boolean; 'use-eslint-config'?: boolean; cache?: boolean; 'cache-location'?: string }): void {
  if (values['type-aware'] === true) {
    throw new UsageError(
      "--type-aware cannot be combined with --engine oxlint: oxlint gives JS plugins no TypeScript program, so wirelint's rules run without types there (use the default engine for --type-aware)",
    );
  }
  if (values['use-eslint-config'] === true) {
    throw new UsageError('--use-eslint-config cannot be combined with --engine oxlint (oxlint does not load eslint.config.*; it runs a wirelint preset)');
  }
  if (values.cache === true || values['cache-location'] !== undefined) {
    throw new UsageError('--cache cannot be combined with --engine oxlint (oxlint keeps no cache of results)');
  }
}

/** `--max-warnings -1` → `--max-warnings=-1`, which `parseArgs` accepts. */
function joinNegativeNumbers(argv: readonly string[]): string[] {
  const result: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    const next = argv[index + 1];
    if (NUMERIC_OPTIONS.has(arg) && next !== undefined && /^-\d+$/.test(next)) {
      result.push(`${arg}=${next}`);
      index++;
    } else {
      result.push(arg);
    }
  }
  return result;
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted !== undefined) return `unknown option '${quoted}'`;
  // `Option '-o, --output-file <value>' argument missing`, `Option '--fix' does not take an argument`
  const option = /--[\w-]+/.exec(quoted ?? '')?.[0];
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
    return OPTION_TAKES_VALUE.has(option) ? `${option} needs a value` : `${option} does not take a value`;
  }
  return message.split('\n')[0] ?? message;
}

const OPTION_TAKES_VALUE = new Set(Object.entries(OPTIONS).flatMap(([name, spec]) => (spec.type === 'string' ? [`--${name}`] : [])));

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid value for ${option}: '${value}' (expected ${listOf(allowed)})`);
}

function listOf(values: readonly string[]): string {
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1) ?? ''}`;
}

function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return -1;
  const number = /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < -1) {
    throw new UsageError(`invalid value for --max-warnings: '${value}' (expected a number of warnings, or -1 for no limit)`);
  }
  return number;
}

function parseConcurrency(value: string | undefined): Concurrency {
  if (value === undefined || value === 'off') return 'off';
  if (value === 'auto') return 'auto';
  const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new UsageError(`invalid value for --concurrency: '${value}' (expected a positive number, auto or off)`);
  }
  return number;
}
