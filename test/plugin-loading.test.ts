// The published shape of @wirelint/eslint-plugin: it loads from an ES module and from a
// CommonJS flat config through the package name (the workspace link in node_modules, as after
// `npm install`), every preset works there, and `meta` and the presets are what ESLint expects.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

import { describe, expect, it } from 'vitest';

import { runNode } from './helpers/run-node';

const ROOT = path.resolve(__dirname, '..');
const ESLINT_BIN = path.join(ROOT, 'node_modules/eslint/bin/eslint.js');
const FIXTURES = path.join(ROOT, 'test/fixtures/plugin-loading');
const PRESETS = ['recommended', 'recommended-type-checked', 'strict', 'strict-type-checked', 'all'] as const;
const RULE = 'wirelint/no-small-listen-backlog';

interface PluginShape {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, { meta: { docs?: { preset: string; severity: string } } }>;
  configs: Record<string, { name: string; plugins: Record<string, unknown>; rules: Record<string, unknown>; languageOptions?: unknown }[]>;
}

// `require` through the package name, as a CommonJS config does (not a relative path to dist/).
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));
const plugin = requireFromRoot('@wirelint/eslint-plugin') as PluginShape;
const pluginPackage = JSON.parse(readFileSync(path.join(ROOT, 'packages/eslint-plugin/package.json'), 'utf8')) as { name: string; version: string };

interface LintMessage {
  ruleId: string | null;
  severity: number;
  line: number;
  column: number;
  fatal?: boolean;
}

/** Runs ESLint's own CLI in `cwd` with `WIRELINT_PRESET` set, and returns its JSON results. */
async function eslintJson(cwd: string, preset: string): Promise<{ code: number | null; stderr: string; results: { filePath: string; messages: LintMessage[] }[] }> {
  const { code, stdout, stderr } = await runNode(ESLINT_BIN, ['--format', 'json', '.'], cwd, { WIRELINT_PRESET: preset });
  try {
    return { code, stderr, results: JSON.parse(stdout) as { filePath: string; messages: LintMessage[] }[] };
  } catch {
    throw new Error(`ESLint printed no JSON (exit ${String(code)}): ${stderr}`);
  }
}

describe('the plugin object', () => {
  it('has the package name and version in meta, and the wirelint namespace', () => {
    expect(plugin.meta).toEqual({ name: '@wirelint/eslint-plugin', version: pluginPackage.version, namespace: 'wirelint' });
    expect(plugin.meta.name).toBe(pluginPackage.name);
  });

  it('has exactly the five presets', () => {
    expect(Object.keys(plugin.configs).sort()).toEqual([...PRESETS].sort());
  });

  it.each(PRESETS)('%s registers the plugin itself under `wirelint`, with rules that exist', (preset) => {
    const configs = plugin.configs[preset] ?? [];
    expect(configs.length).toBeGreaterThan(0);
    for (const config of configs) {
      expect(config.name).toBe(`wirelint/${preset}`);
      expect(Object.keys(config.plugins)).toEqual(['wirelint']);
      expect(config.plugins.wirelint).toBe(plugin);
      expect(Object.keys(config.rules).length).toBeGreaterThan(0);
      for (const ruleId of Object.keys(config.rules)) {
        expect(ruleId).toMatch(/^wirelint\//);
        expect(plugin.rules[ruleId.slice('wirelint/'.length)], ruleId).toBeDefined();
      }
    }
    const typeChecked = preset.endsWith('-type-checked');
    expect(configs.some((config) => config.languageOptions !== undefined)).toBe(typeChecked);
  });

  it('all turns on every rule; recommended only the recommended ones; strict the recommended and strict ones', () => {
    const names = Object.keys(plugin.rules).map((name) => `wirelint/${name}`);
    const ruleIds = (preset: string): string[] => (plugin.configs[preset] ?? []).flatMap((config) => Object.keys(config.rules)).sort();
    const recommendedNames = Object.entries(plugin.rules)
      .filter(([, rule]) => rule.meta.docs?.preset === 'recommended')
      .map(([name]) => `wirelint/${name}`);
    expect(ruleIds('all')).toEqual(names.sort());
    expect(ruleIds('strict')).toEqual(names.sort());
    expect(ruleIds('recommended')).toEqual(recommendedNames.sort());
    expect(ruleIds('recommended-type-checked')).toEqual(ruleIds('recommended'));
    expect(ruleIds('strict-type-checked')).toEqual(ruleIds('strict'));
    expect(ruleIds('recommended')).toContain(RULE);
  });
});

describe.concurrent.each([
  ['ESM', 'esm', 'eslint.config.mjs', "import wirelint from '@wirelint/eslint-plugin'"],
  ['CommonJS', 'cjs', 'eslint.config.cjs', "require('@wirelint/eslint-plugin')"],
])('ESLint CLI with a flat config in %s', (_kind, folder, configFile, loadedWith) => {
  const cwd = path.join(FIXTURES, folder);

  it(`loads the plugin with ${loadedWith}`, () => {
    expect(readFileSync(path.join(cwd, configFile), 'utf8')).toContain(loadedWith);
  });

  it.each(PRESETS)('runs the %s preset', async (preset) => {
    const { code, stderr, results } = await eslintJson(cwd, preset);
    expect([code, stderr]).toEqual([0, '']);
    const messages = results.flatMap((result) => result.messages.map((message) => ({ file: path.basename(result.filePath), ...message })));
    expect(messages.filter((message) => message.fatal === true)).toEqual([]);
    expect(messages.every((message) => message.ruleId?.startsWith('wirelint/'))).toBe(true);
    const backlog = messages.filter((message) => message.ruleId === RULE).map(({ file, line, column, severity }) => ({ file, line, column, severity }));
    // The rule is a warning in every preset; start.ts needs types, which only -type-checked presets turn on.
    const expected = [{ file: 'server.js', line: 4, column: 68, severity: 1 }];
    if (preset.endsWith('-type-checked')) expected.push({ file: 'start.ts', line: 5, column: 36, severity: 1 });
    expect(backlog).toEqual(expected);
  });
});
