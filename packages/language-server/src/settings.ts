import type { Connection } from 'vscode-languageserver';

export type PresetName = 'recommended' | 'strict' | 'all';
export type RuleSeverity = 'off' | 'warn' | 'error';
/** When open documents are linted: as they change, or only when opened and saved. */
export type RunMode = 'onType' | 'onSave';

/** The `wirelint` settings section, after validation and defaults. */
export interface WirelintSettings {
  /** `false`: no linting, and the document's diagnostics are cleared. */
  enable: boolean;
  /** `onType` lints after each change (debounced); `onSave` on open and save only. */
  run: RunMode;
  /** Parse with typescript-eslint's project service, so rules see types where a tsconfig covers the file. */
  typeAware: boolean;
  /** Lint with the workspace's own `eslint.config.*` instead of the preset (trusted workspaces only). */
  useProjectEslintConfig: boolean;
  /** The plugin preset the rules come from. */
  config: PresetName;
  /** Severity overrides by rule name, with or without the `wirelint/` prefix. */
  rules: Readonly<Record<string, RuleSeverity>>;
  /** Fed to the `defaultTimeoutMs` option of every rule that has one; `undefined` keeps the rules' own default. */
  defaultTimeoutMs: number | undefined;
  /** Files larger than this are not linted. */
  maxFileSizeKb: number;
}

export const DEFAULT_SETTINGS: WirelintSettings = {
  enable: true,
  run: 'onType',
  typeAware: false,
  useProjectEslintConfig: false,
  config: 'recommended',
  rules: {},
  defaultTimeoutMs: undefined,
  maxFileSizeKb: 1024,
};

const PRESETS = new Set<unknown>(['recommended', 'strict', 'all']);
const RUN_MODES = new Set<unknown>(['onType', 'onSave']);
const BOOLEAN_KEYS = ['enable', 'typeAware', 'useProjectEslintConfig'] as const;
const SEVERITIES: Readonly<Record<string, RuleSeverity>> = { off: 'off', warn: 'warn', error: 'error', 0: 'off', 1: 'warn', 2: 'error' };

export interface ParsedSettings {
  settings: WirelintSettings;
  /** One line per ignored value, for the log. */
  problems: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/**
 * Validates a raw `wirelint` section over `base`: a missing (`undefined`/`null`) value keeps the
 * base value, an invalid one keeps it too and is listed in `problems`.
 */
export function parseSettings(raw: unknown, base: WirelintSettings = DEFAULT_SETTINGS): ParsedSettings {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings: base, problems };
  if (!isRecord(raw)) return { settings: base, problems: ['wirelint: settings must be an object'] };
  const settings = { ...base, rules: { ...base.rules } };
  const { run, config, rules, defaultTimeoutMs, maxFileSizeKb } = raw;
  for (const key of BOOLEAN_KEYS) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'boolean') settings[key] = value;
    else problems.push(`wirelint.${key}: expected true or false, got ${JSON.stringify(value)}`);
  }
  if (run !== undefined && run !== null) {
    if (RUN_MODES.has(run)) settings.run = run as RunMode;
    else problems.push(`wirelint.run: expected onType or onSave, got ${JSON.stringify(run)}`);
  }
  if (config !== undefined && config !== null) {
    if (PRESETS.has(config)) settings.config = config as PresetName;
    else problems.push(`wirelint.config: expected recommended, strict or all, got ${JSON.stringify(config)}`);
  }
  if (rules !== undefined && rules !== null) {
    if (isRecord(rules)) {
      for (const [name, value] of Object.entries(rules)) {
        const severity = typeof value === 'string' || typeof value === 'number' ? SEVERITIES[String(value)] : undefined;
        if (severity === undefined) problems.push(`wirelint.rules.${name}: expected off, warn or error, got ${JSON.stringify(value)}`);
        else settings.rules[name.replace(/^wirelint\//, '')] = severity;
      }
    } else {
      problems.push('wirelint.rules: expected an object of rule severities');
    }
  }
  if (defaultTimeoutMs !== undefined && defaultTimeoutMs !== null) {
    if (isPositiveNumber(defaultTimeoutMs) && Number.isInteger(defaultTimeoutMs)) settings.defaultTimeoutMs = defaultTimeoutMs;
    else problems.push(`wirelint.defaultTimeoutMs: expected a positive integer, got ${JSON.stringify(defaultTimeoutMs)}`);
  }
  if (maxFileSizeKb !== undefined && maxFileSizeKb !== null) {
    if (isPositiveNumber(maxFileSizeKb)) settings.maxFileSizeKb = maxFileSizeKb;
    else problems.push(`wirelint.maxFileSizeKb: expected a positive number, got ${JSON.stringify(maxFileSizeKb)}`);
  }
  return { settings, problems };
}

/**
 * Per-document settings: read with `workspace/configuration` (scoped to the document) when the
 * client supports it, cached until the next `didChangeConfiguration`. Without the capability,
 * the settings are the initialization options, then whatever `didChangeConfiguration` pushes.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<WirelintSettings>>();
  private pushed: WirelintSettings;

  constructor(
    private readonly connection: Connection,
    private readonly supportsConfiguration: boolean,
    private readonly base: WirelintSettings,
  ) {
    this.pushed = base;
  }

  get(uri: string): Promise<WirelintSettings> {
    if (!this.supportsConfiguration) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (settings === undefined) {
      settings = this.fetch(uri);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** Forgets cached settings; `pushedSection` is the `wirelint` section of a pushed `didChangeConfiguration`. */
  invalidate(pushedSection: unknown): void {
    this.cache.clear();
    if (!this.supportsConfiguration && pushedSection !== undefined) this.pushed = this.parse(pushedSection);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async fetch(uri: string): Promise<WirelintSettings> {
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'wirelint' });
      return this.parse(raw);
    } catch (error) {
      this.connection.console.warn(`wirelint: reading settings failed, using defaults: ${String(error)}`);
      return this.base;
    }
  }

  private parse(raw: unknown): WirelintSettings {
    const { settings, problems } = parseSettings(raw, this.base);
    for (const problem of problems) this.connection.console.warn(`${problem} (ignored)`);
    return settings;
  }
}
