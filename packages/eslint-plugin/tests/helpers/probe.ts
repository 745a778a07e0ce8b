import * as path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext } from '@typescript-eslint/utils/ts-eslint';
import { Linter } from 'eslint';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');

/** The parsers the analysis layer must agree across (DESIGN.md: "Runs on every host"). */
export type Host = 'espree' | 'typescript-eslint' | 'typed';
export const UNTYPED_HOSTS: readonly Host[] = ['espree', 'typescript-eslint'];

type Probe = (context: Readonly<RuleContext<string, readonly unknown[]>>, node: TSESTree.Node) => string | undefined;

/**
 * Lints `code` with a throw-away rule that calls `probe` on every node of the given types and
 * collects what it returns, so analysis modules can be tested on real scope managers and
 * real type checkers exactly as rules see them.
 */
export function probeNodes(code: string, host: Host, nodeTypes: readonly string[], probe: Probe): string[] {
  const found: string[] = [];
  const rule = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: Readonly<RuleContext<string, readonly unknown[]>>) {
      const visit = (node: TSESTree.Node): void => {
        const result = probe(context, node);
        if (result !== undefined) found.push(result);
      };
      return Object.fromEntries(nodeTypes.map((type) => [type, visit]));
    },
  };
  const linter = new Linter({ cwd: FIXTURES });
  const isTyped = host === 'typed';
  const filename = path.join(FIXTURES, isTyped ? 'file.ts' : host === 'espree' ? 'file.js' : 'file.ts');
  const languageOptions: Linter.LanguageOptions = { ecmaVersion: 'latest', sourceType: 'module' };
  if (host !== 'espree') {
    languageOptions.parser = tsParser;
    languageOptions.parserOptions = isTyped ? { projectService: true, tsconfigRootDir: FIXTURES } : {};
  }
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js', '**/*.ts'],
        languageOptions,
        plugins: { probe: { rules: { probe: rule as never } } },
        rules: { 'probe/probe': 'error' },
      },
    ],
    { filename },
  );
  const fatal = messages.find((message) => message.fatal === true || message.ruleId === null);
  if (fatal) throw new Error(`${host}: ${fatal.message}`);
  return found;
}
