import plugin from '@wirelint/eslint-plugin';

import type { CliPreset } from '../../args';
import { RULE_PREFIX } from '../../config';

/** The plugin alias: oxlint would name the rules after `meta.name`, `@wirelint/...`. */
export const OXLINT_PLUGIN_NAME = RULE_PREFIX.slice(0, -1);

type RuleEntry = string | [string, ...unknown[]];

/** The subset of `.oxlintrc.json` that the CLI writes. */
export interface OxlintConfig {
  plugins: string[];
  categories: Record<string, 'off'>;
  jsPlugins: { name: string; specifier: string }[];
  rules: Record<string, RuleEntry>;
}

/**
 * The `.oxlintrc.json` for a preset: wirelint's rules and nothing else, so that the findings
 * are the ones the ESLint engine gives. Every wirelint rule works without type information
 * (`requiresTypeChecking: false`, checked by the plugin's tests), which oxlint cannot give.
 * `pluginEntry` is the plugin's resolved main file: the config is written outside the project,
 * where the package name would not resolve.
 */
export function buildOxlintConfig(preset: CliPreset, pluginEntry: string): OxlintConfig {
  const rules: Record<string, RuleEntry> = {};
  for (const config of plugin.configs[preset]) Object.assign(rules, config.rules);
  return {
    // None of oxlint's built-in plugins, and its default `correctness` rules off.
    plugins: [],
    categories: { correctness: 'off' },
    jsPlugins: [{ name: OXLINT_PLUGIN_NAME, specifier: pluginEntry }],
    rules,
  };
}
