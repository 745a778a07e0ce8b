import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

import { toDiagnostic } from './diagnostics';
import type { FixStore } from './fix-store';
import { LINTED_EXTENSIONS } from './lint-config';
import type { LintRunner } from './lint-runner';
import type { RuleDocs } from './rule-docs';
import type { SettingsStore } from './settings';

/**
 * Wait this long after the last change before linting: typing sends a `didChange` per keystroke,
 * and a lint per keystroke is work thrown away by the next one. Short enough to feel immediate.
 */
export const CHANGE_DEBOUNCE_MS = 150;

const EXTENSION_BY_LANGUAGE: Readonly<Record<string, string>> = { javascript: '.js', javascriptreact: '.jsx', typescript: '.ts', typescriptreact: '.tsx' };

export interface DocumentLinterDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  runner: LintRunner;
  fixStore: FixStore;
  docs: (ruleId: string) => RuleDocs;
}

/**
 * The file name to lint a document as: its path for `file:` URIs; otherwise (an unsaved editor)
 * a made-up path with the extension of its language, so the right parser options apply.
 */
function lintPath(document: TextDocument): string | undefined {
  if (document.uri.startsWith('file:')) return fileURLToPath(document.uri);
  const pseudo = path.resolve('/', document.uri.replace(/^[\w+.-]+:/, '').replace(/[?#].*$/, ''));
  if (LINTED_EXTENSIONS.has(path.extname(pseudo))) return pseudo;
  const extension = EXTENSION_BY_LANGUAGE[document.languageId];
  return extension === undefined ? undefined : `${pseudo}${extension}`;
}

/**
 * Lints open documents and publishes their diagnostics: debounced per URI, and a result is
 * published only while its version is still the document's current one (a newer change
 * schedules its own run) and no later run for the document has started (say, after a settings
 * change), so an edit storm ends with the latest version's diagnostics only.
 */
export class DocumentLinter {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  // The latest run per URI: an older run still waiting for its settings must not publish after it.
  private readonly latestRun = new Map<string, number>();
  private runs = 0;

  constructor(private readonly deps: DocumentLinterDeps) {}

  schedule(uri: string, delayMs: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.validate(uri).catch((error: unknown) => {
          this.deps.connection.console.error(`wirelint: linting ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        });
      }, delayMs),
    );
  }

  /** Re-lints every open document (after a settings change). */
  scheduleAll(): void {
    for (const document of this.deps.documents.all()) this.schedule(document.uri, 0);
  }

  /** Forgets a closed document: its pending run, its fixes, its diagnostics. */
  close(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.latestRun.delete(uri);
    this.deps.fixStore.delete(uri);
    this.deps.settings.forget(uri);
    void this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private isCurrent(uri: string, version: number, run: number): boolean {
    return this.latestRun.get(uri) === run && this.deps.documents.get(uri)?.version === version;
  }

  private async validate(uri: string): Promise<void> {
    const { connection, documents, settings: settingsStore, runner, fixStore, docs } = this.deps;
    const document = documents.get(uri);
    if (document === undefined) return;
    const filePath = lintPath(document);
    if (filePath === undefined || !LINTED_EXTENSIONS.has(path.extname(filePath))) return;
    const { version } = document;
    const run = ++this.runs;
    this.latestRun.set(uri, run);
    const text = document.getText();
    const settings = await settingsStore.get(uri);
    if (!this.isCurrent(uri, version, run)) return;
    // A frozen copy: fixes' offsets refer to exactly this text, whatever the editor does next.
    const linted = TextDocument.create(uri, document.languageId, version, text);
    const sizeKb = Buffer.byteLength(text) / 1024;
    if (sizeKb > settings.maxFileSizeKb) {
      const skipped: Diagnostic = {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: 'wirelint',
        message: `wirelint skipped this file: it is ${String(Math.ceil(sizeKb))} KiB, over the wirelint.maxFileSizeKb limit of ${String(settings.maxFileSizeKb)} KiB.`,
      };
      fixStore.set({ document: linted, problems: [], diagnostics: [skipped] });
      void connection.sendDiagnostics({ uri, version, diagnostics: [skipped] });
      return;
    }
    let problems;
    try {
      problems = runner.lint(text, filePath, settings);
    } catch (error) {
      connection.console.error(`wirelint: linting ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      fixStore.delete(uri);
      return;
    }
    if (!this.isCurrent(uri, version, run)) return;
    const diagnostics = problems.map((problem, problemId) => toDiagnostic(problem, problemId, version, docs));
    fixStore.set({ document: linted, problems, diagnostics });
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }
}
