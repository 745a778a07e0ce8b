import type { WirelintRuleModule } from '../util/create-rule';

export type PresetName = 'recommended' | 'recommended-type-checked' | 'strict' | 'strict-type-checked' | 'all';

type RuleEntry = 'error' | 'warn' | ['error' | 'warn', Record<string, unknown>];

/** A flat-config object (the subset wirelint's presets use). */
export interface PresetConfig {
  name: string;
  plugins: Record<string, unknown>;
  rules: Record<string, RuleEntry>;
  languageOptions?: { parserOptions: { projectService: boolean } };
}

export const PRESET_NAMES: readonly PresetName[] = ['recommended', 'recommended-type-checked', 'strict', 'strict-type-checked', 'all'];

/**
 * The rule settings of a preset, computed from each rule's `meta.docs` (so a new rule only
 * declares where it belongs): `recommended` has the rules whose `preset` is `recommended`;
 * `strict` adds the strict-only rules and passes each rule's `strictOptions`; `all` turns
 * on everything with the strict options. The `-type-checked` variants add typescript-eslint's
 * project service, which the rules use for precision when it is there.
 */
export function presetRules(
  rules: Readonly<Record<string, WirelintRuleModule>>,
  preset: PresetName,
  prefix = 'wirelint',
): Record<string, RuleEntry> {
  const base = preset.replace(/-type-checked$/, '');
  const result: Record<string, RuleEntry> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const { docs } = rule.meta;
    if (docs === undefined) continue;
    if (base === 'recommended' && docs.preset !== 'recommended') continue;
    const strictish = base === 'strict' || base === 'all';
    result[`${prefix}/${name}`] = strictish && docs.strictOptions !== undefined ? [docs.severity, docs.strictOptions] : docs.severity;
  }
  return result;
}

export function buildPresets(
  plugin: unknown,
  rules: Readonly<Record<string, WirelintRuleModule>>,
): Record<PresetName, PresetConfig[]> {
  const presets = {} as Record<PresetName, PresetConfig[]>;
  for (const preset of PRESET_NAMES) {
    const config: PresetConfig = { name: `wirelint/${preset}`, plugins: { wirelint: plugin }, rules: presetRules(rules, preset) };
    if (preset.endsWith('-type-checked')) config.languageOptions = { parserOptions: { projectService: true } };
    presets[preset] = [config];
  }
  return presets;
}
