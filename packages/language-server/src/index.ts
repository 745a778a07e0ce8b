export { startServer } from './server';
export { toDiagnostic } from './diagnostics';
export { DocumentLinter } from './linter';
export type { PresetName } from './linter';
