import { readdirSync } from 'node:fs';
import * as path from 'node:path';

import { describe, expect, it } from 'vitest';

import plugin from '../src/index';
import { PRESET_NAMES } from '../src/configs/index';
import { ruleDocsUrl } from '../src/util/create-rule';

const PACKAGE = path.join(__dirname, '..');
const namesIn = (folder: string, suffix: string): string[] =>
  readdirSync(path.join(PACKAGE, folder))
    .filter((file) => file.endsWith(suffix) && file !== `index${suffix}`)
    .map((file) => file.slice(0, -suffix.length))
    .sort();

const ruleNames = Object.keys(plugin.rules);

describe('plugin setup', () => {
  it('registers every rule file, alphabetically', () => {
    expect(ruleNames).toEqual([...ruleNames].sort());
    expect(ruleNames).toEqual(namesIn('src/rules', '.ts'));
  });

  it('has a test file and a docs page for every rule', () => {
    expect(namesIn('tests/rules', '.test.ts')).toEqual(ruleNames);
    expect(namesIn('docs/rules', '.md')).toEqual(ruleNames);
  });

  it.each(ruleNames)('%s: name, docs URL and meta are consistent', (name) => {
    const rule = plugin.rules[name];
    expect(rule?.name).toBe(name);
    expect(rule?.meta.type).toBe('problem');
    expect(rule?.meta.docs?.url).toBe(ruleDocsUrl(name));
    expect(rule?.meta.docs?.requiresTypeChecking).toBe(false);
    expect(rule?.meta.docs?.description).toMatch(/^(Disallow|Require|Enforce) [^.]+[^.]$/);
  });

  it('has meta.name and meta.version from package.json', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const manifest = require('../package.json') as { name: string; version: string };
    expect(plugin.meta).toEqual({ name: manifest.name, version: manifest.version, namespace: 'wirelint' });
  });
});

describe('presets', () => {
  it('has exactly the five presets, each registering the plugin under `wirelint`', () => {
    expect(Object.keys(plugin.configs).sort()).toEqual([...PRESET_NAMES].sort());
    for (const preset of PRESET_NAMES) {
      const [config] = plugin.configs[preset];
      expect(config?.name).toBe(`wirelint/${preset}`);
      expect(config?.plugins.wirelint).toBe(plugin);
    }
  });

  it('computes membership and severity from rule meta', () => {
    const entries = Object.entries(plugin.rules);
    const recommended = entries.filter(([, rule]) => rule.meta.docs?.preset === 'recommended').map(([name]) => `wirelint/${name}`);
    expect(Object.keys(plugin.configs.recommended[0]?.rules ?? {}).sort()).toEqual(recommended.sort());
    expect(Object.keys(plugin.configs.strict[0]?.rules ?? {}).sort()).toEqual(ruleNames.map((name) => `wirelint/${name}`).sort());
    expect(plugin.configs.all[0]?.rules).toEqual(plugin.configs.strict[0]?.rules);
    for (const [name, rule] of entries) {
      const setting = plugin.configs.strict[0]?.rules[`wirelint/${name}`];
      const severity = Array.isArray(setting) ? setting[0] : setting;
      expect(severity).toBe(rule.meta.docs?.severity);
      if (rule.meta.docs?.strictOptions !== undefined) expect(setting).toEqual([rule.meta.docs.severity, rule.meta.docs.strictOptions]);
    }
  });

  it('adds the project service in the type-checked variants only', () => {
    expect(plugin.configs['recommended-type-checked'][0]?.languageOptions).toEqual({ parserOptions: { projectService: true } });
    expect(plugin.configs['strict-type-checked'][0]?.languageOptions).toEqual({ parserOptions: { projectService: true } });
    expect(plugin.configs.recommended[0]?.languageOptions).toBeUndefined();
    expect(plugin.configs['recommended-type-checked'][0]?.rules).toEqual(plugin.configs.recommended[0]?.rules);
  });
});
