// In-process tests of the pieces the real plugin cannot exercise today: a rule that throws and
// rules with autofixes (no wirelint rule has one yet), through the same modules the server uses.
import * as tsParser from '@typescript-eslint/parser';
import type { Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';

import { buildCodeActions, FIX_ALL_KIND } from '../../packages/language-server/src/code-actions';
import { toDiagnostic } from '../../packages/language-server/src/diagnostics';
import { LintRunner } from '../../packages/language-server/src/lint-runner';
import type { LintPlugin } from '../../packages/language-server/src/rule-docs';
import { ruleDocs } from '../../packages/language-server/src/rule-docs';
import { DEFAULT_SETTINGS } from '../../packages/language-server/src/settings';
import { jsxChildrenQuery } from '../../packages/language-server/src/jsx-context';
import { disableForFileEdit, disableForLineEdit, firstCodeOffset, nonOverlappingFixEdits } from '../../packages/language-server/src/text-edits';
import { applyAction } from './client';

const crashOnThrow: Rule.RuleModule = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    return {
      ThrowStatement() {
        throw new Error('boom');
      },
      Program(node) {
        if (node.body.length === 0) context.report({ node, message: 'empty' });
      },
    };
  },
};

const preferLet: Rule.RuleModule = {
  meta: { type: 'problem', fixable: 'code', schema: [], messages: { useLet: 'Use `let`.' } },
  create(context) {
    return {
      VariableDeclaration(node) {
        if (node.kind !== 'var' || node.range === undefined) return;
        const start = node.range[0];
        context.report({ node, messageId: 'useLet', fix: (fixer) => fixer.replaceTextRange([start, start + 3], 'let') });
      },
    };
  },
};

const plugin: LintPlugin = {
  rules: { 'crash-on-throw': crashOnThrow, 'prefer-let': preferLet },
  configs: { recommended: [{ rules: { 'wirelint/crash-on-throw': 'error', 'wirelint/prefer-let': 'warn' } }] },
};

function runner(crashes: string[]): LintRunner {
  return new LintRunner({ plugin, parser: tsParser, onRuleCrash: (ruleId) => crashes.push(ruleId) });
}

describe('LintRunner', () => {
  it('keeps the other rules’ results when a rule throws, and reports the crash once', () => {
    const crashes: string[] = [];
    const lint = runner(crashes);
    const text = 'var a = 1;\nthrow a;\n';
    const first = lint.lint({ text, filePath: '/virtual/a.js', workspaceFolder: undefined }, DEFAULT_SETTINGS);
    const second = lint.lint({ text, filePath: '/virtual/b.js', workspaceFolder: undefined }, DEFAULT_SETTINGS);
    expect(first.map((message) => [message.ruleId, message.line])).toEqual([['wirelint/prefer-let', 1]]);
    expect(second).toEqual(first);
    expect(crashes).toEqual(['wirelint/crash-on-throw']);
    // The crashing rule still runs on input where it does not throw.
    expect(lint.lint({ text: '', filePath: '/virtual/c.js', workspaceFolder: undefined }, DEFAULT_SETTINGS).map((message) => message.ruleId)).toEqual(['wirelint/crash-on-throw']);
  });

  it('applies severity overrides and drops rules turned off', () => {
    const lint = runner([]);
    const messages = lint.lint({ text: 'var a;', filePath: '/virtual/a.js', workspaceFolder: undefined }, { ...DEFAULT_SETTINGS, rules: { 'prefer-let': 'error', 'crash-on-throw': 'off' } });
    expect(messages.map((message) => [message.ruleId, message.severity])).toEqual([['wirelint/prefer-let', 2]]);
  });
});

describe('source.fixAll.wirelint', () => {
  it('applies every autofix in one pass, and each problem offers its fix as the preferred quick fix', () => {
    const uri = 'file:///virtual/a.js';
    const text = 'var a = 1;\nfunction f() {\n  var b = a;\n  return b;\n}\n';
    const document = TextDocument.create(uri, 'javascript', 3, text);
    const problems = runner([]).lint({ text, filePath: '/virtual/a.js', workspaceFolder: undefined }, DEFAULT_SETTINGS);
    const diagnostics = problems.map((problem, problemId) => toDiagnostic(problem, problemId, 3, (ruleId) => ruleDocs(plugin, ruleId)));
    const request = { snapshot: { document, filePath: '/virtual/a.js', problems, diagnostics }, useDocumentChanges: false, docs: (ruleId: string) => ruleDocs(plugin, ruleId) };
    const [fixAll, ...others] = buildCodeActions({ ...request, diagnostics: [], only: [FIX_ALL_KIND] });
    expect(others).toEqual([]);
    expect(fixAll?.title).toBe('Fix all auto-fixable wirelint problems');
    expect(applyAction(text, uri, fixAll)).toBe(text.replace(/var/g, 'let'));
    const quickFixes = buildCodeActions({ ...request, diagnostics: diagnostics.slice(1), only: ['quickfix'] });
    expect(quickFixes[0]).toMatchObject({ title: 'Fix this wirelint/prefer-let problem', isPreferred: true });
    expect(applyAction(text, uri, quickFixes[0])).toBe(text.replace('  var b', '  let b'));
  });

  it('leaves overlapping and touching fixes for the next pass, like eslint --fix', () => {
    const document = TextDocument.create('file:///a.js', 'javascript', 1, 'abcdef');
    const edits = nonOverlappingFixEdits(document, [
      { range: [2, 4], text: 'X' },
      { range: [0, 2], text: 'Y' },
      { range: [3, 5], text: 'Z' },
      { range: [4, 4], text: 'W' },
    ]);
    expect(TextDocument.applyEdits(document, edits)).toBe('YcZf');
  });
});

describe('disable comments', () => {
  it('puts the file comment after a shebang and keeps CRLF line endings', () => {
    const document = TextDocument.create('file:///a.js', 'javascript', 1, '#!/usr/bin/env node\r\nrun();\r\n');
    expect(TextDocument.applyEdits(document, [disableForFileEdit(document, 'wirelint/x')])).toBe('#!/usr/bin/env node\r\n/* eslint-disable wirelint/x */\r\nrun();\r\n');
  });

  it('indents the line comment with tabs like the line, and does not extend an empty directive', () => {
    const document = TextDocument.create('file:///a.js', 'javascript', 1, 'if (a) {\n\t// eslint-disable-next-line\n\trun();\n}\n');
    expect(TextDocument.applyEdits(document, [disableForLineEdit(document, 2, 'wirelint/x')])).toBe(
      'if (a) {\n\t// eslint-disable-next-line\n\t// eslint-disable-next-line wirelint/x\n\trun();\n}\n',
    );
  });
});

describe('disable comments among JSX children', () => {
  const text = 'const a = (\n  <ul>\n    text\n    <li>{value}</li>\n    {items.map((item) => (\n      <li key={item} />\n    ))}\n  </ul>\n);\n';
  const inChildren = jsxChildrenQuery(tsParser, text, '/virtual/a.jsx');
  const document = TextDocument.create('file:///virtual/a.jsx', 'javascriptreact', 1, text);
  const at = (line: number) => inChildren(firstCodeOffset(document, line));

  it('tells JSX children from code, attributes and expression containers', () => {
    // `const`, `<ul>`, JSX text, a child element, a child expression, an element inside it, `</ul>`.
    expect([0, 1, 2, 3, 4, 5, 7].map(at)).toEqual([false, false, true, true, true, false, false]);
    expect(jsxChildrenQuery(tsParser, 'const = ;', '/virtual/b.jsx')(0)).toBe(false);
  });

  it('merges into an existing {/* eslint-disable-next-line */} comment', () => {
    const withComment = TextDocument.create('file:///a.jsx', 'javascriptreact', 1, '<ul>\n  {/* eslint-disable-next-line a -- why */}\n  <li />\n</ul>;\n');
    expect(TextDocument.applyEdits(withComment, [disableForLineEdit(withComment, 2, 'wirelint/x', 'jsx-children')])).toBe(
      '<ul>\n  {/* eslint-disable-next-line a, wirelint/x -- why */}\n  <li />\n</ul>;\n',
    );
  });
});
