// The ids the extension shares with the server and with package.json. No imports: the manifest
// test reads this module without a VS Code to load.

/**
 * Commands the server executes (`workspace/executeCommand`). vscode-languageclient registers
 * each command the server announces as a VS Code command of the same id while it runs, so
 * `wirelint.scanWorkspace` needs no client-side handler.
 */
export const ServerCommands = {
  /** No arguments; publishes diagnostics for the workspace's files that are not open. */
  scanWorkspace: 'wirelint.scanWorkspace',
  /** Arguments: `[uri]`; applies the document's safe autofixes through `workspace/applyEdit`. */
  applyAllFixes: 'wirelint.applyAllFixes',
} as const;

/** Server -> client: the server's state changed (`{ state, message? }`). */
export const STATUS_NOTIFICATION = 'wirelint/status';

/** Client -> server: the workspace's trust changed (`{ trusted }`). */
export const WORKSPACE_TRUST_NOTIFICATION = 'wirelint/didChangeWorkspaceTrust';

/** Commands the extension itself implements. */
export const ClientCommands = {
  fixAll: 'wirelint.fixAll',
  restartServer: 'wirelint.restartServer',
  showOutput: 'wirelint.showOutput',
} as const;

/** The settings section, and the client id (which makes vscode-languageclient read `wirelint.trace.server`). */
export const SECTION = 'wirelint';

/** The keys of the `wirelint` section the server reads. */
export const SERVER_SETTING_KEYS = ['enable', 'config', 'rules', 'typeAware', 'useProjectEslintConfig', 'defaultTimeoutMs', 'maxFileSizeKb', 'run'] as const;

/** The languages the server lints, in VS Code's language ids. */
export const LINTED_LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'] as const;

/** Files on disk and unsaved editors in those languages: what the client syncs to the server. */
export const DOCUMENT_SELECTOR = LINTED_LANGUAGES.flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);
