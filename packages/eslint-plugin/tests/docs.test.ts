import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import {
  HEADER_BEGIN,
  HEADER_END,
  renderRuleHeader,
  renderRuleTable,
  replaceBetween,
  TABLE_BEGIN,
  TABLE_END,
} from '../../../scripts/rule-docs.mjs';
import plugin from '../src/index';

const DOCS = path.join(__dirname, '..', 'docs', 'rules');
const README = path.join(__dirname, '..', '..', '..', 'README.md');

const REQUIRED_SECTIONS = ['## Why', '## Examples', '## Options', '## When Not To Use It'];

interface CodeBlock {
  kind: 'incorrect' | 'correct';
  language: string;
  code: string;
  line: number;
}

/** Fenced js/ts blocks under `### ❌ Incorrect` and `### ✅ Correct`. */
function examples(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let kind: CodeBlock['kind'] | undefined;
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line.startsWith('#')) kind = line.includes('❌') ? 'incorrect' : line.includes('✅') ? 'correct' : undefined;
    const fence = /^```(js|ts|javascript|typescript|jsx|tsx)\s*$/.exec(line);
    if (fence?.[1] === undefined || kind === undefined) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && lines[end] !== '```') end += 1;
    blocks.push({ kind, language: fence[1], code: lines.slice(start, end).join('\n'), line: start });
    index = end;
  }
  return blocks;
}

function lintExample(ruleName: string, block: CodeBlock): Linter.LintMessage[] {
  const extension = block.language.startsWith('t') ? (block.language === 'tsx' ? 'tsx' : 'ts') : block.language === 'jsx' ? 'jsx' : 'js';
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    block.code,
    [
      {
        files: ['**/*'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: extension.endsWith('x') } } },
        plugins: { wirelint: plugin as never },
        rules: { [`wirelint/${ruleName}`]: 'error' },
      },
    ],
    { filename: `example.${extension}` },
  );
}

describe.each(Object.entries(plugin.rules))('docs/rules/%s.md', (name, rule) => {
  const markdown = readFileSync(path.join(DOCS, `${name}.md`), 'utf8');

  it('has the title, an up-to-date generated header and the required sections', () => {
    expect(markdown.startsWith(`# wirelint/${name}\n`)).toBe(true);
    expect(markdown).toBe(replaceBetween(markdown, HEADER_BEGIN, HEADER_END, renderRuleHeader(rule)));
    let position = 0;
    for (const section of REQUIRED_SECTIONS) {
      const found = markdown.indexOf(`\n${section}\n`, position);
      expect(found, `missing or out of order: ${section}`).toBeGreaterThan(position);
      position = found;
    }
  });

  it('documents every option', () => {
    const schema = rule.meta.schema;
    const properties = Array.isArray(schema) ? Object.keys((schema[0] as { properties?: object } | undefined)?.properties ?? {}) : [];
    for (const option of properties) expect(markdown).toContain(`### \`${option}\``);
  });

  const blocks = examples(markdown);
  it('has incorrect and correct examples', () => {
    expect(blocks.some((block) => block.kind === 'incorrect')).toBe(true);
    expect(blocks.some((block) => block.kind === 'correct')).toBe(true);
  });

  it.each(blocks.map((block) => [`${block.kind} example at line ${block.line}`, block] as const))('%s', (_, block) => {
    const messages = lintExample(name, block);
    const fatal = messages.filter((message) => message.fatal === true);
    expect(fatal, 'the example must parse').toEqual([]);
    const reported = messages.filter((message) => message.ruleId === `wirelint/${name}`);
    if (block.kind === 'incorrect') expect(reported.length, 'an incorrect example must be reported').toBeGreaterThan(0);
    else expect(reported, 'a correct example must not be reported').toEqual([]);
  });
});

describe('README.md', () => {
  it('has an up-to-date rule table (run `npm run docs`)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toBe(replaceBetween(readme, TABLE_BEGIN, TABLE_END, renderRuleTable(plugin.rules)));
  });
});
