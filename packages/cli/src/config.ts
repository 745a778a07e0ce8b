import plugin from '@wirelint/eslint-plugin';
import type { Linter } from 'eslint';

import type { CliPreset } from './args';
import type { IgnoreSpec } from './ignores';
import { createTypeAwareParser, untypedParser } from './parser';

/** The extensions wirelint lints, all with typescript-eslint's parser. */
export const LINTED_EXTENSIONS: readonly string[] = ['.js', '.cjs', '.mjs', '.jsx', '.ts', '.cts', '.mts', '.tsx'];

/** Flat-config `files` pattern for `LINTED_EXTENSIONS`. */
export const LINTED_FILES = `**/*.{${LINTED_EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}`;

/** The prefix of every wirelint rule id in the presets. */
export const RULE_PREFIX = 'wirelint/';

export interface WirelintConfigOptions {
  /** The rule set: `recommended` (the default), `strict` or `all`. */
  preset?: CliPreset;
  /**
   * Parse with typescript-eslint's project service (each file's nearest `tsconfig.json`), so
   * rules that use types see them. Files that no tsconfig includes are parsed without types.
   * Each call reads tsconfig files afresh (the parser caches their file lists).
   */
  typeAware?: boolean;
  /** Root for the project service; defaults to `process.cwd()`. */
  tsconfigRootDir?: string;
  /** Global ignores to put first (see `defaultIgnoreSpecs`). */
  ignores?: readonly IgnoreSpec[];
}

/**
 * The flat config the `wirelint` command lints with, for `ESLint` (`overrideConfigFile: true`)
 * or `Linter`: one parser for every JS and TS flavour, the preset's rules, and linter options
 * that keep a project's own ESLint comments quiet (an `eslint-disable` for a rule wirelint
 * does not run is not "unused" here). `eslint-disable` comments for wirelint rules still work.
 */
export function buildWirelintConfig(options: WirelintConfigOptions = {}): Linter.Config[] {
  const preset = options.preset ?? 'recommended';
  const typeAware = options.typeAware ?? false;
  const ignores: Linter.Config[] = (options.ignores ?? []).map((spec) => ({
    name: spec.name,
    basePath: spec.basePath,
    ignores: [...spec.patterns],
  }));
  const parsing: Linter.Config = {
    name: 'wirelint/cli/parsing',
    files: [LINTED_FILES],
    languageOptions: {
      parser: typeAware ? createTypeAwareParser() : untypedParser,
      parserOptions: typeAware ? { projectService: true, tsconfigRootDir: options.tsconfigRootDir ?? process.cwd() } : {},
    },
    linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
  };
  // The `-type-checked` presets differ from the others only by turning the project service on,
  // which `parsing` already does (with a fallback for files outside every tsconfig).
  const rules = plugin.configs[preset] as unknown as Linter.Config[];
  return [...ignores, parsing, ...rules];
}

/** Whether a message comes from a wirelint rule. */
export function isWirelintMessage(message: Pick<Linter.LintMessage, 'ruleId'>): boolean {
  return message.ruleId?.startsWith(RULE_PREFIX) === true;
}
