// Lints the repository itself: typescript-eslint's strict type-checked rules everywhere,
// eslint-plugin-eslint-plugin on rule sources and rule tests.
import eslint from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/*.d.mts',
      '**/out/**',
      'packages/eslint-plugin/tests/fixtures/**',
      'examples/**',
      'test/fixtures/**',
      'test/e2e/workspace/**',
      'coverage/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Template literals with numbers are the clearest way to build messages.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Exhaustive `switch`es over unions are checked by the compiler already.
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
      // ESTree node types are compared as strings on purpose: the enum would be a runtime
      // import of @typescript-eslint/utils, and the plugin has no runtime dependencies.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    files: ['**/*.mjs', 'vitest.config.ts', 'packages/*/bin/*.js'],
    ...tseslint.configs.disableTypeChecked,
    // Keep disableTypeChecked's parser options (no project service) and add Node's globals.
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    files: ['packages/*/bin/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['packages/eslint-plugin/src/rules/*.ts'],
    ignores: ['packages/eslint-plugin/src/rules/index.ts'],
    ...eslintPlugin.configs.rules,
    rules: {
      ...eslintPlugin.configs.rules.rules,
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow)' }],
      // createRule (src/util/create-rule.ts) derives docs.url from the name and moves
      // defaultOptions into meta; tests/setup.test.ts checks both on every rule.
      'eslint-plugin/require-meta-docs-url': 'off',
      'eslint-plugin/require-meta-default-options': 'off',
      // Preset membership is meta.docs.preset + severity (DESIGN.md has warn-level rules).
      'eslint-plugin/require-meta-docs-recommended': 'off',
      // The rules work on JavaScript and TypeScript alike (the default language).
      'eslint-plugin/require-meta-languages': 'off',
    },
  },
  {
    files: ['packages/eslint-plugin/tests/rules/*.ts'],
    ...eslintPlugin.configs.tests,
    rules: {
      ...eslintPlugin.configs.tests.rules,
      'eslint-plugin/no-only-tests': 'error',
    },
  },
);
