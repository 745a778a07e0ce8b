export { startServer } from './server';
export { toDiagnostic } from './diagnostics';
export type { DiagnosticData } from './diagnostics';
export { LintRunner } from './lint-runner';
export type { LintPlugin } from './rule-docs';
export { DEFAULT_SETTINGS, parseSettings } from './settings';
export type { PresetName, RuleSeverity, WirelintSettings } from './settings';
export { COMMANDS } from './commands';
export { FIX_ALL_KIND } from './code-actions';
