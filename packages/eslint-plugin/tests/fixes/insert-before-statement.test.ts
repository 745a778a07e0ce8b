import * as path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext, RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { canInsertBeforeStatement, insertAfterStatement, insertBeforeStatement, isInStatementList } from '../../src/fixes/insert-before-statement';
import { FIXTURES } from '../helpers/probe';

/** Applies the fix to every `throw` (before it) or, with `after`, to every `const` (after it), and returns the output. */
function fixed(code: string, mode: 'before' | 'after' = 'before', parser: 'espree' | 'typescript-eslint' = 'espree'): string {
  const rule = {
    meta: { type: 'problem' as const, fixable: 'code' as const, schema: [], messages: { x: 'x' } },
    create(context: Readonly<RuleContext<string, readonly unknown[]>>) {
      const report = (node: TSESTree.Node, text: string): void => {
        context.report({
          node,
          messageId: 'x',
          fix: (fixer: RuleFixer): RuleFix => (mode === 'before' ? insertBeforeStatement(fixer, context.sourceCode, node, text) : insertAfterStatement(fixer, context.sourceCode, node, text)),
        });
      };
      return {
        ThrowStatement(node: TSESTree.ThrowStatement) {
          if (mode === 'before' && canInsertBeforeStatement(node)) report(node, 'release();');
        },
        VariableDeclaration(node: TSESTree.VariableDeclaration) {
          if (mode === 'after' && isInStatementList(node)) report(node, 'release();');
        },
      };
    },
  };
  const linter = new Linter({ cwd: FIXTURES });
  const languageOptions: Linter.LanguageOptions = { ecmaVersion: 'latest', sourceType: 'module' };
  if (parser === 'typescript-eslint') languageOptions.parser = tsParser;
  const messages = linter.verify(
    code,
    [{ files: ['**/*.js', '**/*.ts'], languageOptions, plugins: { t: { rules: { r: rule as never } } }, rules: { 't/r': 'error' } }],
    { filename: path.join(FIXTURES, parser === 'espree' ? 'file.js' : 'file.ts') },
  );
  let output = code;
  for (const message of [...messages].reverse()) {
    if (message.fix === undefined) throw new Error(message.message);
    output = output.slice(0, message.fix.range[0]) + message.fix.text + output.slice(message.fix.range[1]);
  }
  const check = new Linter({ cwd: FIXTURES }).verify(output, [{ files: ['**/*.js', '**/*.ts'], languageOptions }], {
    filename: path.join(FIXTURES, parser === 'espree' ? 'file.js' : 'file.ts'),
  });
  const fatal = check.find((message) => message.fatal === true);
  if (fatal) throw new Error(`the fix does not parse: ${fatal.message}\n${output}`);
  return output;
}

describe('insertBeforeStatement', () => {
  it('puts the statement on its own line, with the indentation of the exit', () => {
    expect(fixed(`function f() {\n  if (a) {\n    throw e;\n  }\n}`)).toBe(`function f() {\n  if (a) {\n    release();\n    throw e;\n  }\n}`);
    expect(fixed(`function f() {\n\tthrow e;\n}`)).toBe(`function f() {\n\trelease();\n\tthrow e;\n}`);
  });

  it('stays on the line when the exit does not start it', () => {
    expect(fixed(`function f() { g(); throw e; }`)).toBe(`function f() { g(); release(); throw e; }`);
    expect(fixed(`switch (x) { case 1: throw e; }`)).toBe(`switch (x) { case 1: release(); throw e; }`);
  });

  it('wraps a single-statement body in braces', () => {
    expect(fixed(`if (!ok) throw e;`)).toBe(`if (!ok) { release(); throw e; }`);
    expect(fixed(`if (a) g(); else throw e;`)).toBe(`if (a) g(); else { release(); throw e; }`);
    expect(fixed(`for (const x of xs) throw x;`)).toBe(`for (const x of xs) { release(); throw x; }`);
    expect(fixed(`if (!ok)\n  throw e;`)).toBe(`if (!ok)\n  { release(); throw e; }`);
  });

  it('works in TypeScript-only places', () => {
    expect(fixed(`class C { static { throw e; } }`, 'before', 'typescript-eslint')).toBe(`class C { static { release(); throw e; } }`);
  });

  it('refuses the body of a labeled statement', () => {
    expect(fixed(`l: throw e;`)).toBe(`l: throw e;`);
  });
});

describe('insertAfterStatement', () => {
  it('adds a line after the statement with its indentation', () => {
    expect(fixed(`function f() {\n  const a = 1;\n  return a;\n}`, 'after')).toBe(`function f() {\n  const a = 1;\n  release();\n  return a;\n}`);
    expect(fixed(`const a = 1; g(a);`, 'after')).toBe(`const a = 1;\nrelease(); g(a);`);
  });

  it('only applies to statements in a list', () => {
    expect(fixed(`for (const a of b) {}`, 'after')).toBe(`for (const a of b) {}`);
  });
});
