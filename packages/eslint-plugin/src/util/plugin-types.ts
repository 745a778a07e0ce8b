import type { PresetConfig, PresetName } from '../configs/index';
import type { WirelintRuleModule } from './create-rule';

/** The shape of the default export of `@wirelint/eslint-plugin`. */
export interface WirelintPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Readonly<Record<string, WirelintRuleModule>>;
  configs: Record<PresetName, PresetConfig[]>;
}
