import * as path from 'node:path';

import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

export const FIXTURES = path.join(__dirname, 'fixtures');

/**
 * typescript-eslint's parser without a program: the "untyped TypeScript" host. Rules must give
 * the same results here as under espree for plain JavaScript.
 */
export function createRuleTester(): RuleTester {
  return new RuleTester();
}

/**
 * ESLint's default parser (a plain-JS `eslint.config.js`): no TS syntax, no parser services.
 * Run a rule's plain-JS cases here too; a rule that crashes under espree crashes for every
 * JavaScript user.
 */
export function createEspreeRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: { parser: espree as never, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    defaultFilenames: { ts: 'file.js', tsx: 'react.jsx' },
  });
}

/**
 * typescript-eslint's project service over `tests/fixtures` (lib.dom, @types/node and the
 * stub packages in `fixtures/node_modules`): the type-aware host.
 */
export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    defaultFilenames: { ts: path.join(FIXTURES, 'file.ts'), tsx: path.join(FIXTURES, 'react.tsx') },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: FIXTURES } },
  });
}
