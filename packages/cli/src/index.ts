// The programmatic API of the `wirelint` command, for the language server and for tests.
export { CLI_PRESETS, type CliOptions, type CliPreset, type Concurrency, type Engine, ENGINES, OUTPUT_FORMATS, type OutputFormat, parseCommandLine } from './args';
export { buildWirelintConfig, isWirelintMessage, LINTED_EXTENSIONS, LINTED_FILES, type WirelintConfigOptions } from './config';
export { createEslint, createEslintOptions, DEFAULT_CACHE_LOCATION, type LintSettings } from './eslint-options';
export { buildOxlintConfig, OXLINT_PLUGIN_NAME, type OxlintConfig } from './engines/oxlint/config';
export { findOxlint, MIN_OXLINT_VERSION, type OxlintInstallation, OxlintUnavailableError } from './engines/oxlint/installation';
export { type OxlintDiagnostic, oxlintResults, parseOxlintReport, SourceLocator } from './engines/oxlint/report';
export { lintWithOxlint, type OxlintRunOptions } from './engines/oxlint/run';
export { ExitCode, UsageError } from './exit-codes';
export { DEFAULT_IGNORE_PATTERNS, defaultIgnoreSpecs, gitignorePatterns, type IgnoreSpec } from './ignores';
export { createTypeAwareParser, createUntypedParser, NEGATIVE_ANSWER_TTL_MS, ProjectMembership, untypedParser, type TypeAwareParserOptions, type TypescriptEslintParser } from './parser';
export { isParseFailure, keepWirelintResults } from './results';
export { CLI_VERSION, type CliIo, runCli, type TextSink } from './run';
export { formatSarif, type SarifContext, type SarifRuleInfo } from './sarif';
