import * as path from 'node:path';

import type { Linter as LinterNamespace } from 'eslint';
import { Linter } from 'eslint';

import * as tsParser from '@typescript-eslint/parser';
import plugin from '@wirelint/eslint-plugin';

export type PresetName = 'recommended' | 'strict' | 'all';

const LINTED_FILES = ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.jsx', '**/*.ts', '**/*.cts', '**/*.mts', '**/*.tsx'];

/**
 * Lints one document's text in process with the plugin's preset, no configuration files and
 * no type information (the fast, syntactic mode).
 */
export class DocumentLinter {
  // Flat-config `files` patterns only match below the linter's cwd: one linter per file-system root.
  private readonly linters = new Map<string, Linter>();

  lint(text: string, filePath: string, preset: PresetName): LinterNamespace.LintMessage[] {
    const root = path.parse(filePath).root;
    let linter = this.linters.get(root);
    if (linter === undefined) {
      linter = new Linter({ configType: 'flat', cwd: root });
      this.linters.set(root, linter);
    }
    const config: LinterNamespace.Config[] = [
      {
        files: LINTED_FILES,
        languageOptions: {
          parser: tsParser,
          parserOptions: { ecmaFeatures: { jsx: /\.[jt]sx$/.test(filePath) } },
        },
      },
      ...(plugin.configs[preset] as LinterNamespace.Config[]).map((entry) => ({ ...entry, files: LINTED_FILES })),
    ];
    return linter.verify(text, config, { filename: filePath });
  }
}
