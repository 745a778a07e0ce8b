// The configurations `npm run bench` compares. Each ESLint one is a flat config over the bench
// tree; the plugin comes from the built dist/, loaded the way users load it.
import { createRequire } from 'node:module';
import * as path from 'node:path';

/**
 * @typedef {object} Configuration
 * @property {string} id stable key (worker argument, JSON report)
 * @property {string} label row name in the table
 * @property {'eslint' | 'oxlint'} host
 * @property {boolean} [stats] ESLint `stats: true`: per-rule times (its timers slow the run, so
 *   these runs only give the per-rule table, never a ratio)
 * @property {(job: import('./bench-workspace.mjs').BenchJob) => Promise<object[]>} [eslintConfig]
 */

const LINTED_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/** What every ESLint configuration shares: the typescript-eslint parser, and no inline config. */
async function parserConfig(job, { typed }) {
  const tsParser = await import('@typescript-eslint/parser');
  return {
    files: LINTED_FILES,
    languageOptions: {
      parser: tsParser,
      // The project service finds the tree's generated tsconfig.json (allowJs) for every file.
      parserOptions: typed ? { projectService: true, tsconfigRootDir: job.treeRoot } : {},
    },
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
  };
}

/** The plugin's preset, from the built plugin, limited to the corpus files. */
function preset(job, name) {
  const plugin = createRequire(import.meta.url)(job.pluginDir);
  return plugin.configs[name].map((config) => ({ ...config, files: LINTED_FILES }));
}

/** @type {readonly Configuration[]} */
export const CONFIGURATIONS = [
  { id: 'untyped-parse', label: 'ESLint parse only (untyped)', host: 'eslint', eslintConfig: async (job) => [await parserConfig(job, { typed: false })] },
  {
    id: 'untyped-wirelint',
    label: 'ESLint + all wirelint rules (untyped)',
    host: 'eslint',
    eslintConfig: async (job) => [await parserConfig(job, { typed: false }), ...preset(job, 'all')],
  },
  { id: 'typed-parse', label: 'ESLint typed parse only (project service)', host: 'eslint', eslintConfig: async (job) => [await parserConfig(job, { typed: true })] },
  {
    id: 'typed-wirelint',
    label: 'ESLint typed + all wirelint rules (strict-type-checked)',
    host: 'eslint',
    // strict-type-checked is every rule with its strict options, as `all`, plus the project
    // service (flat config merges its parserOptions with parserConfig's tsconfigRootDir).
    eslintConfig: async (job) => [await parserConfig(job, { typed: true }), ...preset(job, 'strict-type-checked')],
  },
  { id: 'oxlint-wirelint', label: 'oxlint + all wirelint rules (JS plugin)', host: 'oxlint' },
  {
    id: 'untyped-wirelint-stats',
    label: 'ESLint + all wirelint rules, per-rule timers (untyped)',
    host: 'eslint',
    stats: true,
    eslintConfig: async (job) => [await parserConfig(job, { typed: false }), ...preset(job, 'all')],
  },
];

/** The oxlint configuration: only the wirelint rules (oxlint's own default rules off), strict options as in `all`. */
export function oxlintConfig(pluginDir) {
  const plugin = createRequire(import.meta.url)(pluginDir);
  const [all] = plugin.configs.all;
  return {
    plugins: [],
    categories: { correctness: 'off' },
    // The alias pins the `wirelint/` prefix whatever name oxlint would derive from the package.
    jsPlugins: [{ name: 'wirelint', specifier: path.resolve(pluginDir) }],
    rules: all.rules,
  };
}
