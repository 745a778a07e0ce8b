import * as fs from 'node:fs';
import * as path from 'node:path';

import plugin from '@wirelint/eslint-plugin';
import { COMMANDS, DEFAULT_SETTINGS, DidChangeWorkspaceTrustNotification, FIX_ALL_KIND, StatusNotification } from '@wirelint/language-server';
import { describe, expect, it } from 'vitest';

import { ClientCommands, LINTED_LANGUAGES, SECTION, SERVER_SETTING_KEYS, ServerCommands, STATUS_NOTIFICATION, WORKSPACE_TRUST_NOTIFICATION } from '../src/contract';

// package.json is the extension's public surface (settings, commands, activation, trust): these
// tests hold it to the server's contract and to the plugin it runs.

interface SettingSchema {
  type?: string;
  default?: unknown;
  scope?: string;
  enum?: unknown[];
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, SettingSchema>;
}

interface Manifest {
  main: string;
  icon: string;
  categories: string[];
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; restrictedConfigurations?: string[]; description?: string } };
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    configuration: { properties: Record<string, SettingSchema> };
    codeActions: { languages: string[]; actions: { kind: string; title: string }[] }[];
  };
}

const root = path.join(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const { properties } = manifest.contributes.configuration;
const settingKeys = [...SERVER_SETTING_KEYS, 'trace.server'];

interface PluginShape {
  rules: Record<string, { meta: { docs: { url: string } } }>;
  configs: Record<string, unknown>;
}
const lintPlugin = plugin as unknown as PluginShape;

describe('package.json', () => {
  it('activates only on the linted languages', () => {
    expect(manifest.activationEvents).toEqual(LINTED_LANGUAGES.map((language) => `onLanguage:${language}`));
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.categories).toContain('Linters');
  });

  it('contributes exactly the settings the server reads, plus the trace', () => {
    expect(Object.keys(properties).sort()).toEqual(settingKeys.map((key) => `${SECTION}.${key}`).sort());
  });

  it.each(settingKeys)('gives wirelint.%s a description, a default and a scope', (key) => {
    const schema = properties[`${SECTION}.${key}`];
    expect(schema?.description ?? schema?.markdownDescription).toMatch(/\S{3}/);
    expect(schema).toHaveProperty('default');
    expect(['resource', 'window', 'machine-overridable']).toContain(schema?.scope);
  });

  it("uses the server's defaults", () => {
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      // undefined: the server leaves the value to the rules (defaultTimeoutMs), checked below.
      if (value !== undefined) expect(properties[`${SECTION}.${key}`]?.default, key).toEqual(value);
    }
  });

  it("defaults defaultTimeoutMs to the rules' own default", () => {
    const defaults = Object.values(lintPlugin.rules).flatMap((rule) => {
      const options = (rule.meta as { defaultOptions?: unknown[] }).defaultOptions?.[0];
      return typeof options === 'object' && options !== null && 'defaultTimeoutMs' in options ? [options.defaultTimeoutMs] : [];
    });
    expect(defaults.length).toBeGreaterThan(0);
    expect(new Set(defaults)).toEqual(new Set([properties[`${SECTION}.defaultTimeoutMs`]?.default]));
  });

  it("offers the plugin's presets (without the -type-checked variants, which wirelint.typeAware selects)", () => {
    const presets = Object.keys(lintPlugin.configs).filter((name) => !name.endsWith('-type-checked'));
    expect(properties[`${SECTION}.config`]?.enum).toEqual(presets);
  });

  it("lists every rule of the plugin under wirelint.rules, each linking to the rule's page", () => {
    const rules = properties[`${SECTION}.rules`]?.properties ?? {};
    expect(Object.keys(rules).sort()).toEqual(Object.keys(lintPlugin.rules).sort());
    for (const [name, rule] of Object.entries(lintPlugin.rules)) {
      expect(rules[name]?.enum, name).toEqual(['off', 'warn', 'error']);
      expect(rules[name]?.markdownDescription, name).toContain(rule.meta.docs.url);
    }
  });

  it('supports untrusted workspaces in a limited way, restricting the setting that runs workspace code', () => {
    const { untrustedWorkspaces } = manifest.capabilities;
    expect(untrustedWorkspaces.supported).toBe('limited');
    expect(untrustedWorkspaces.restrictedConfigurations).toContain(`${SECTION}.useProjectEslintConfig`);
    for (const key of untrustedWorkspaces.restrictedConfigurations ?? []) expect(properties).toHaveProperty([key]);
    expect(untrustedWorkspaces.description).toMatch(/\S{3}/);
  });

  it('contributes the client and server commands, titled "wirelint: ..."', () => {
    const { commands } = manifest.contributes;
    expect(commands.map(({ command }) => command).sort()).toEqual([ServerCommands.scanWorkspace, ...Object.values(ClientCommands)].sort());
    for (const command of commands) expect(`${command.category ?? ''}: ${command.title}`).toMatch(/^wirelint: \S/);
  });

  it('declares the fix-all code action kind for editor.codeActionsOnSave', () => {
    const kinds = manifest.contributes.codeActions.flatMap((entry) => entry.actions.map((action) => action.kind));
    expect(kinds).toEqual([FIX_ALL_KIND]);
    expect(manifest.contributes.codeActions[0]?.languages).toEqual([...LINTED_LANGUAGES]);
  });

  it('has a 128x128 PNG icon', () => {
    const png = fs.readFileSync(path.join(root, manifest.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The IHDR chunk's width and height, big-endian.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
  });
});

describe("the client's side of the server contract", () => {
  it("uses the server's command ids", () => {
    expect(ServerCommands.scanWorkspace).toBe(COMMANDS.scanWorkspace);
    expect(ServerCommands.applyAllFixes).toBe(COMMANDS.applyAllFixes);
  });

  it("uses the server's notification methods", () => {
    expect(STATUS_NOTIFICATION).toBe(StatusNotification.method);
    expect(WORKSPACE_TRUST_NOTIFICATION).toBe(DidChangeWorkspaceTrustNotification.method);
  });
});
