import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Connection, InitializeParams, ServerCapabilities } from 'vscode-languageserver';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

import * as tsParser from '@typescript-eslint/parser';
import plugin from '@wirelint/eslint-plugin';

import { buildCodeActions, FIX_ALL_KIND } from './code-actions';
import { executeCommand } from './commands';
import { DocumentLinter } from './documents';
import { FixStore } from './fix-store';
import type { LintSnapshot } from './fix-store';
import { buildHover } from './hover';
import { jsxChildrenQuery } from './jsx-context';
import { LintEngine } from './lint-engine';
import { LintRunner } from './lint-runner';
import { FLAT_CONFIG_FILE_NAMES, ProjectConfigs } from './project-config';
import { COMMANDS, DidChangeWorkspaceTrustNotification, StatusNotification } from './protocol';
import type { LintPlugin } from './rule-docs';
import { ruleDocs } from './rule-docs';
import { DEFAULT_SETTINGS, parseSettings, SettingsStore } from './settings';
import { StatusReporter } from './status';
import type { CommentContext } from './text-edits';
import { firstCodeOffset } from './text-edits';
import { WorkspaceFolders } from './workspace-folders';
import { WorkspaceScanner } from './workspace-scan';

interface ClientSupport {
  configuration: boolean;
  dynamicConfigurationRegistration: boolean;
  documentChanges: boolean;
  showDocument: boolean;
  /** `textDocument.diagnostic`: the client pulls diagnostics. */
  pullDiagnostics: boolean;
  /** `workspace/diagnostic/refresh`. */
  diagnosticRefresh: boolean;
  dynamicWatchedFiles: boolean;
  workspaceFolderChanges: boolean;
}

function clientSupport({ capabilities }: InitializeParams): ClientSupport {
  const { workspace, window, textDocument } = capabilities;
  return {
    configuration: workspace?.configuration === true,
    dynamicConfigurationRegistration: workspace?.didChangeConfiguration?.dynamicRegistration === true,
    documentChanges: workspace?.workspaceEdit?.documentChanges === true,
    showDocument: window?.showDocument?.support === true,
    pullDiagnostics: textDocument?.diagnostic !== undefined,
    diagnosticRefresh: workspace?.diagnostics?.refreshSupport === true,
    dynamicWatchedFiles: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workspaceFolderChanges: workspace?.workspaceFolders === true,
  };
}

function serverCapabilities(support: ClientSupport): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    hoverProvider: true,
    executeCommandProvider: { commands: Object.values(COMMANDS) },
    ...(support.pullDiagnostics ? { diagnosticProvider: { identifier: 'wirelint', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    ...(support.workspaceFolderChanges ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
  };
}

/** The workspace folders of `initialize`: `workspaceFolders`, else the deprecated `rootUri`. */
function initialFolders(params: InitializeParams): { uri: string; name: string }[] {
  if (params.workspaceFolders) return params.workspaceFolders;
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- older clients (eglot, Neovim 0.7) send only rootUri
  const { rootUri } = params;
  return rootUri === null ? [] : [{ uri: rootUri, name: path.basename(rootUri) }];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
}

/** Which disable comment fits each line of a snapshot: `{/* … *\/}` among JSX children, `//` elsewhere. */
function commentContexts(snapshot: LintSnapshot): ((line: number) => CommentContext) | undefined {
  if (!/\.[jt]sx$/.test(snapshot.filePath)) return undefined;
  // Parsed on the first question only: most code action requests offer no disable comment.
  let inJsxChildren: ((offset: number) => boolean) | undefined;
  return (line) => {
    inJsxChildren ??= jsxChildrenQuery(tsParser, snapshot.document.getText(), snapshot.filePath);
    return inJsxChildren(firstCodeOffset(snapshot.document, line)) ? 'jsx-children' : 'code';
  };
}

/** Wires documents, settings, linting, fixes, code actions, hover, commands and status to a connection. */
export function startServer(connection: Connection): void {
  const lintPlugin = plugin as unknown as LintPlugin;
  const docs = (ruleId: string) => ruleDocs(lintPlugin, ruleId);
  const documents = new TextDocuments(TextDocument);
  const fixStore = new FixStore();
  const folders = new WorkspaceFolders();
  const status = new StatusReporter((params) => void connection.sendNotification(StatusNotification, params));
  const runner = new LintRunner({
    plugin: lintPlugin,
    parser: tsParser,
    onRuleCrash: (ruleId, error) => {
      connection.console.error(`wirelint: rule ${ruleId} crashed and was skipped; the other rules' results are shown. ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    },
  });
  const projectConfigs = new ProjectConfigs({
    onBroken: (configFile, error) => {
      const message = `wirelint: ${configFile} could not be loaded (${describe(error)}); linting with the wirelint.config preset until the file changes.`;
      connection.console.warn(`${message}\n${error instanceof Error ? (error.stack ?? '') : ''}`.trimEnd());
      // The notification, not `showWarningMessage` (a request): there is nothing to answer, and every client takes it.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    },
    onLoaded: (configFile) => {
      status.clearError(`config:${configFile}`);
    },
    onRuleCrash: (ruleId, error) => {
      connection.console.error(`wirelint: rule ${ruleId} crashed under the project's config and was skipped. ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    },
  });
  let support = clientSupport({ capabilities: {} } as InitializeParams);
  let settings: SettingsStore | undefined;
  let linter: DocumentLinter | undefined;
  let scanner: WorkspaceScanner | undefined;
  let engine: LintEngine | undefined;

  connection.onInitialize((params) => {
    support = clientSupport(params);
    folders.set(initialFolders(params));
    const options: unknown = params.initializationOptions;
    // `initializationOptions` are the settings until the client's configuration says otherwise.
    const initial = parseSettings(options, DEFAULT_SETTINGS);
    for (const problem of initial.problems) connection.console.warn(`${problem} (ignored)`);
    const trusted = typeof options === 'object' && options !== null && (options as { workspaceTrusted?: unknown }).workspaceTrusted === true;
    settings = new SettingsStore(connection, support.configuration, initial.settings);
    engine = new LintEngine(
      runner,
      projectConfigs,
      {
        log: (message) => {
          connection.console.info(message);
        },
        brokenConfigUsed: (configFile, preset) => {
          status.setError(`config:${configFile}`, `${path.basename(configFile)} could not be loaded; linting with the ${preset} preset.`);
        },
      },
      trusted,
    );
    const deps = { connection, documents, settings, engine, status, folders, docs };
    linter = new DocumentLinter({
      ...deps,
      fixStore,
      mode: support.pullDiagnostics ? 'pull' : 'push',
      refreshPull: () => {
        if (support.diagnosticRefresh) void connection.languages.diagnostics.refresh();
      },
    });
    scanner = new WorkspaceScanner(deps);
    return { capabilities: serverCapabilities(support), serverInfo: { name: 'wirelint' } };
  });

  connection.onInitialized(() => {
    if (support.configuration && support.dynamicConfigurationRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'wirelint' });
    }
    if (support.dynamicWatchedFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/{${FLAT_CONFIG_FILE_NAMES.join(',')}}` }, { globPattern: '**/{tsconfig,jsconfig}*.json' }],
      });
    }
    if (support.workspaceFolderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folders.change(event.added, event.removed);
      });
    }
    status.update();
  });

  /** Something every lint depends on changed: drop what was derived from the old state, lint again. */
  const relintAll = (): void => {
    status.clearErrors('config:');
    linter?.refreshAll();
  };

  connection.onDidChangeConfiguration((params) => {
    const pushed: unknown = (params.settings as { wirelint?: unknown } | null | undefined)?.wirelint;
    settings?.invalidate(pushed);
    relintAll();
  });

  connection.onNotification(DidChangeWorkspaceTrustNotification, (params) => {
    if (typeof params.trusted !== 'boolean' || engine === undefined || params.trusted === engine.workspaceTrusted) return;
    engine.setTrusted(params.trusted);
    connection.console.info(`wirelint: the workspace is now ${params.trusted ? 'trusted' : 'untrusted'}; re-linting open documents.`);
    relintAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const names = params.changes.map((change) => path.basename(fileURLToPath(change.uri)));
    if (names.some((name) => FLAT_CONFIG_FILE_NAMES.includes(name))) projectConfigs.forgetLookups();
    if (names.some((name) => /^(?:ts|js)config.*\.json$/.test(name))) runner.forgetProjects();
    relintAll();
  });

  // TextDocuments fires a content change right after each open: lint an opened document at
  // once, and a changed one after the debounce.
  const justOpened = new Set<string>();
  documents.onDidOpen((event) => {
    const { uri } = event.document;
    justOpened.add(uri);
    // Pull mode: the client pulls this document's diagnostics now; the scan's pushed ones would show twice.
    if (support.pullDiagnostics && scanner?.release(uri) === true) void connection.sendDiagnostics({ uri, diagnostics: [] });
    else scanner?.release(uri);
  });
  documents.onDidChangeContent((event) => {
    const { uri } = event.document;
    linter?.schedule(uri, justOpened.delete(uri) ? 'open' : 'change');
  });
  documents.onDidSave((event) => linter?.schedule(event.document.uri, 'save'));
  documents.onDidClose((event) => linter?.close(event.document.uri));

  connection.languages.diagnostics.on(async (params) => ({ kind: DocumentDiagnosticReportKind.Full, items: (await linter?.pull(params.textDocument.uri)) ?? [] }));

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    const snapshot = document === undefined ? undefined : fixStore.get(document.uri, document.version);
    // No snapshot for the current version: the diagnostics are stale, and so would the edits be.
    if (snapshot === undefined) return [];
    return buildCodeActions({
      snapshot,
      diagnostics: params.context.diagnostics,
      only: params.context.only,
      useDocumentChanges: support.documentChanges,
      docs,
      commentContext: commentContexts(snapshot),
    });
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    const snapshot = document === undefined ? undefined : fixStore.get(document.uri, document.version);
    return snapshot === undefined ? null : buildHover(snapshot, params.position, docs);
  });

  connection.onExecuteCommand(async (params, token, clientProgress) => {
    if (linter === undefined || scanner === undefined) return null;
    const context = { connection, linter, scanner, supportsShowDocument: support.showDocument, supportsDocumentChanges: support.documentChanges };
    return executeCommand(context, params, token, clientProgress);
  });

  documents.listen(connection);
  connection.listen();
}
