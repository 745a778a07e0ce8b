import type { Connection } from 'vscode-languageserver';
import { CodeActionKind, DidChangeConfigurationNotification, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

import * as tsParser from '@typescript-eslint/parser';
import plugin from '@wirelint/eslint-plugin';

import { buildCodeActions, FIX_ALL_KIND } from './code-actions';
import { COMMANDS, executeCommand } from './commands';
import { CHANGE_DEBOUNCE_MS, DocumentLinter } from './documents';
import { FixStore } from './fix-store';
import { buildHover } from './hover';
import { LintRunner } from './lint-runner';
import type { LintPlugin } from './rule-docs';
import { ruleDocs } from './rule-docs';
import { DEFAULT_SETTINGS, parseSettings, SettingsStore } from './settings';

interface ClientSupport {
  configuration: boolean;
  dynamicConfigurationRegistration: boolean;
  documentChanges: boolean;
  showDocument: boolean;
}

/** Wires documents, settings, linting, fixes, code actions and hover to a connection. No logic of its own. */
export function startServer(connection: Connection): void {
  const lintPlugin = plugin as unknown as LintPlugin;
  const docs = (ruleId: string) => ruleDocs(lintPlugin, ruleId);
  const documents = new TextDocuments(TextDocument);
  const fixStore = new FixStore();
  const runner = new LintRunner({
    plugin: lintPlugin,
    parser: tsParser,
    onRuleCrash: (ruleId, error) => {
      connection.console.error(`wirelint: rule ${ruleId} crashed and was skipped; the other rules' results are shown. ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    },
  });
  let support: ClientSupport = { configuration: false, dynamicConfigurationRegistration: false, documentChanges: false, showDocument: false };
  let settings: SettingsStore | undefined;
  let linter: DocumentLinter | undefined;

  connection.onInitialize((params) => {
    const { capabilities } = params;
    support = {
      configuration: capabilities.workspace?.configuration === true,
      dynamicConfigurationRegistration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
      showDocument: capabilities.window?.showDocument?.support === true,
    };
    // `initializationOptions` are the settings until the client's configuration says otherwise.
    const initial = parseSettings(params.initializationOptions, DEFAULT_SETTINGS);
    for (const problem of initial.problems) connection.console.warn(`${problem} (ignored)`);
    settings = new SettingsStore(connection, support.configuration, initial.settings);
    linter = new DocumentLinter({ connection, documents, settings, runner, fixStore, docs });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: Object.values(COMMANDS) },
      },
      serverInfo: { name: 'wirelint' },
    };
  });

  connection.onInitialized(() => {
    if (support.configuration && support.dynamicConfigurationRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'wirelint' });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    const pushed: unknown = (params.settings as { wirelint?: unknown } | null | undefined)?.wirelint;
    settings?.invalidate(pushed);
    linter?.scheduleAll();
  });

  // TextDocuments fires a content change right after each open: lint an opened document at
  // once, and a changed one after the debounce.
  const justOpened = new Set<string>();
  documents.onDidOpen((event) => justOpened.add(event.document.uri));
  documents.onDidChangeContent((event) => {
    const { uri } = event.document;
    linter?.schedule(uri, justOpened.delete(uri) ? 0 : CHANGE_DEBOUNCE_MS);
  });
  documents.onDidClose((event) => linter?.close(event.document.uri));

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    const snapshot = document === undefined ? undefined : fixStore.get(document.uri, document.version);
    // No snapshot for the current version: the diagnostics are stale, and so would the edits be.
    if (snapshot === undefined) return [];
    return buildCodeActions({ snapshot, diagnostics: params.context.diagnostics, only: params.context.only, useDocumentChanges: support.documentChanges, docs });
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    const snapshot = document === undefined ? undefined : fixStore.get(document.uri, document.version);
    return snapshot === undefined ? null : buildHover(snapshot, params.position, docs);
  });

  connection.onExecuteCommand((params) => executeCommand(connection, params, support.showDocument));

  documents.listen(connection);
  connection.listen();
}
