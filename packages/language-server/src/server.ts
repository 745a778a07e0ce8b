import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Connection } from 'vscode-languageserver';
import { TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

import { toDiagnostic } from './diagnostics';
import type { PresetName } from './linter';
import { DocumentLinter } from './linter';

const LINTED_EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.jsx', '.ts', '.cts', '.mts', '.tsx']);

/** Wires the document store and the linter to a connection: push diagnostics on open and change. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const linter = new DocumentLinter();
  let preset: PresetName = 'recommended';

  connection.onInitialize((params) => {
    const requested = (params.initializationOptions as { config?: unknown } | undefined)?.config;
    if (requested === 'strict' || requested === 'all' || requested === 'recommended') preset = requested;
    return { capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental }, serverInfo: { name: 'wirelint' } };
  });

  const validate = (document: TextDocument): void => {
    const filePath = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : path.resolve(document.uri.replace(/^\w+:/, ''));
    if (!LINTED_EXTENSIONS.has(path.extname(filePath))) return;
    try {
      const diagnostics = linter.lint(document.getText(), filePath, preset).map(toDiagnostic);
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    } catch (error) {
      connection.console.error(`wirelint: linting ${document.uri} failed: ${String(error)}`);
    }
  };

  // TextDocuments reports an opened document as a content change too.
  documents.onDidChangeContent((event) => {
    validate(event.document);
  });
  documents.onDidClose((event) => {
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
}
