import type { Linter } from 'eslint';

import type { LintPlugin } from './rule-docs';
import type { RuleSeverity, WirelintSettings } from './settings';

export const RULE_PREFIX = 'wirelint/';
export const LINTED_EXTENSIONS: ReadonlySet<string> = new Set(['.js', '.cjs', '.mjs', '.jsx', '.ts', '.cts', '.mts', '.tsx']);
const LINTED_FILES = [`**/*.{${[...LINTED_EXTENSIONS].map((extension) => extension.slice(1)).join(',')}}`];

export type RuleEntry = RuleSeverity | [RuleSeverity, ...unknown[]];

/** The rule entries of a preset (its config objects' `rules`, merged in order). */
function presetRules(plugin: LintPlugin, preset: string): Record<string, RuleEntry> {
  const configs = plugin.configs[preset];
  const rules: Record<string, RuleEntry> = {};
  if (!Array.isArray(configs)) return rules;
  for (const config of configs as unknown[]) {
    if (typeof config === 'object' && config !== null && 'rules' in config) Object.assign(rules, config.rules);
  }
  return rules;
}

/** Whether a rule's first option object declares `defaultTimeoutMs`. */
function hasTimeoutOption(plugin: LintPlugin, ruleName: string): boolean {
  const schema = plugin.rules[ruleName]?.meta?.schema;
  const first: unknown = Array.isArray(schema) ? schema[0] : undefined;
  if (typeof first !== 'object' || first === null || !('properties' in first)) return false;
  const { properties } = first;
  return typeof properties === 'object' && properties !== null && 'defaultTimeoutMs' in properties;
}

/**
 * The enabled rules for `settings`: the preset's entries, then the severity overrides (a rule the
 * preset leaves out can be turned on), then `defaultTimeoutMs` merged into the options of every
 * rule that takes it (the rules merge partial options over their defaults).
 */
export function resolveRules(plugin: LintPlugin, settings: WirelintSettings): Record<string, RuleEntry> {
  const rules = presetRules(plugin, settings.config);
  for (const [name, severity] of Object.entries(settings.rules)) {
    if (plugin.rules[name] === undefined) continue;
    const id = RULE_PREFIX + name;
    const current = rules[id];
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- rule ids are the record's keys
    if (severity === 'off') delete rules[id];
    else rules[id] = Array.isArray(current) ? [severity, ...current.slice(1)] : severity;
  }
  if (settings.defaultTimeoutMs !== undefined) {
    for (const [id, entry] of Object.entries(rules)) {
      if (!hasTimeoutOption(plugin, id.slice(RULE_PREFIX.length))) continue;
      const [severity, options, ...rest] = Array.isArray(entry) ? entry : [entry];
      const base = typeof options === 'object' && options !== null ? options : {};
      rules[id] = [severity, { ...base, defaultTimeoutMs: settings.defaultTimeoutMs }, ...rest];
    }
  }
  return rules;
}

/** How a file is parsed: with types (the project service, rooted at a workspace folder) or without. */
export interface ParsingOptions {
  parser: Linter.Parser;
  /** Set for type-aware parsing: typescript-eslint's `tsconfigRootDir`. */
  tsconfigRootDir: string | undefined;
}

/**
 * The flat config for one file: typescript-eslint's parser (JSX on for `.jsx`/`.tsx`), the given
 * rules, and no reports about disable comments (a project's comments for other plugins' rules, or
 * for a rule left out of this run, are not wirelint's business).
 */
export function buildLintConfig(plugin: LintPlugin, parsing: ParsingOptions, rules: Readonly<Record<string, RuleEntry>>, filePath: string): Linter.Config[] {
  const jsx = /\.[jt]sx$/.test(filePath);
  const parserOptions: Linter.ParserOptions =
    parsing.tsconfigRootDir === undefined ? { ecmaFeatures: { jsx } } : { ecmaFeatures: { jsx }, projectService: true, tsconfigRootDir: parsing.tsconfigRootDir };
  return [
    {
      files: LINTED_FILES,
      plugins: { wirelint: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      languageOptions: { parser: parsing.parser, parserOptions },
      linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
      rules,
    },
  ];
}
