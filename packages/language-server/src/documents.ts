import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

import { oversizeDiagnostic, textSize, toDiagnostic } from './diagnostics';
import type { FixStore, LintSnapshot } from './fix-store';
import { LINTED_EXTENSIONS } from './lint-config';
import type { LintEngine } from './lint-engine';
import type { RuleDocs } from './rule-docs';
import type { SettingsStore } from './settings';
import type { StatusReporter } from './status';
import type { WorkspaceFolders } from './workspace-folders';

/**
 * Wait this long after the last change before linting: typing sends a `didChange` per keystroke,
 * and a lint per keystroke is work thrown away by the next one. Short enough to feel immediate.
 */
export const CHANGE_DEBOUNCE_MS = 150;

const EXTENSION_BY_LANGUAGE: Readonly<Record<string, string>> = { javascript: '.js', javascriptreact: '.jsx', typescript: '.ts', typescriptreact: '.tsx' };

/**
 * Why a document is linted. `change` is skipped with `run: onSave`, `save` with `run: onType`
 * (the change already was); `refresh` (settings, trust or a config changed) and `pull` (the
 * client asks) always lint.
 */
export type LintTrigger = 'open' | 'change' | 'save' | 'refresh' | 'pull';

/**
 * `push`: diagnostics are published as lints finish. `pull`: the client asks for them
 * (`textDocument/diagnostic`), and is asked to ask again when they change without an edit.
 */
export type DiagnosticsMode = 'push' | 'pull';

export interface DocumentLinterDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  engine: LintEngine;
  fixStore: FixStore;
  status: StatusReporter;
  folders: WorkspaceFolders;
  docs: (ruleId: string) => RuleDocs;
  mode: DiagnosticsMode;
  /** Pull mode: asks the client to pull again (`workspace/diagnostic/refresh`), if it can. */
  refreshPull: () => void;
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

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Lints open documents: debounced per URI, and a result is kept only while no later run for
 * the document has started linting (say, after a settings change) and, with `run: onType`, its
 * version is still the document's current one (a newer change schedules its own run), so an
 * edit storm ends with the latest version's diagnostics only. With `run: onSave` the last
 * saved state's diagnostics stay while the user types on.
 */
export class DocumentLinter {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  // The latest run per URI that started linting: an older run must not publish after it.
  private readonly latestRun = new Map<string, number>();
  private runs = 0;

  constructor(private readonly deps: DocumentLinterDeps) {}

  /** Lints `uri` after the debounce (`change`) or at once; pull mode lints only on request, or on save. */
  schedule(uri: string, trigger: LintTrigger): void {
    if (this.deps.mode === 'pull' && trigger !== 'save') return;
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(
        () => {
          this.timers.delete(uri);
          this.validate(uri, trigger)
            .then((committed) => {
              if (committed && this.deps.mode === 'pull') this.deps.refreshPull();
            })
            .catch((error: unknown) => {
              this.deps.connection.console.error(`wirelint: linting ${uri} failed: ${describe(error)}`);
            });
        },
        trigger === 'change' ? CHANGE_DEBOUNCE_MS : 0,
      ),
    );
  }

  /** Re-lints every open document (settings, trust or a config changed). */
  refreshAll(): void {
    if (this.deps.mode === 'pull') {
      // Results computed under the old state must not be handed out again.
      for (const document of this.deps.documents.all()) this.deps.fixStore.delete(document.uri);
      this.deps.refreshPull();
      return;
    }
    for (const document of this.deps.documents.all()) this.schedule(document.uri, 'refresh');
  }

  /** Forgets a closed document: its pending run, its fixes, its diagnostics. */
  close(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.latestRun.delete(uri);
    this.deps.fixStore.delete(uri);
    this.deps.settings.forget(uri);
    if (this.deps.mode === 'push') void this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Pull mode: the diagnostics of the document's current state, linting it first if need be. */
  async pull(uri: string): Promise<Diagnostic[]> {
    const document = this.deps.documents.get(uri);
    if (document === undefined) return [];
    const settings = await this.deps.settings.get(uri);
    if (!settings.enable) return [];
    const latest = this.deps.fixStore.latest(uri);
    // With `run: onSave`, the last saved state's results stand until the next save.
    if (latest !== undefined && (latest.document.version === document.version || settings.run === 'onSave')) return [...latest.diagnostics];
    await this.validate(uri, 'pull');
    return [...(this.deps.fixStore.latest(uri)?.diagnostics ?? [])];
  }

  /** The lint result of the document's current version, linting it now if there is none yet. */
  async currentSnapshot(uri: string): Promise<LintSnapshot | undefined> {
    const document = this.deps.documents.get(uri);
    if (document === undefined) return undefined;
    const snapshot = this.deps.fixStore.get(uri, document.version);
    if (snapshot !== undefined) return snapshot;
    await this.validate(uri, 'refresh');
    return this.deps.fixStore.get(uri, document.version);
  }

  private isCurrent(uri: string, version: number, run: number, requireVersion: boolean): boolean {
    return this.latestRun.get(uri) === run && (!requireVersion || this.deps.documents.get(uri)?.version === version);
  }

  /** Lints the document and keeps (and in push mode publishes) the result; whether it did. */
  private async validate(uri: string, trigger: LintTrigger): Promise<boolean> {
    const { documents, settings: settingsStore, engine, fixStore, status, docs, folders } = this.deps;
    const document = documents.get(uri);
    if (document === undefined) return false;
    const filePath = lintPath(document);
    if (filePath === undefined || !LINTED_EXTENSIONS.has(path.extname(filePath))) return false;
    const { version } = document;
    const run = ++this.runs;
    // A frozen copy: fixes' offsets refer to exactly this text, whatever the editor does next.
    const linted = TextDocument.create(uri, document.languageId, version, document.getText());
    const settings = await settingsStore.get(uri);
    if (!settings.enable) {
      this.clear(uri);
      return false;
    }
    if (trigger === 'change' && settings.run === 'onSave') return false;
    // With `run: onType` a save adds nothing, unless it replaced a change run still in its
    // debounce (eglot sends didChange and didSave back to back): then this version has no result.
    if (trigger === 'save' && settings.run === 'onType' && fixStore.get(uri, version) !== undefined) return false;
    // A later run got its settings first: it has the newer ones.
    if ((this.latestRun.get(uri) ?? 0) > run) return false;
    this.latestRun.set(uri, run);
    const requireVersion = settings.run === 'onType';
    if (!this.isCurrent(uri, version, run, requireVersion)) return false;
    const text = linted.getText();
    const size = textSize(text, settings.maxFileSizeKb);
    if (size.over) {
      this.commit({ document: linted, filePath, problems: [], diagnostics: [oversizeDiagnostic(size.bytes, settings.maxFileSizeKb)] });
      return true;
    }
    const folder = folders.folderOf(filePath);
    const endBusy = status.begin(`Linting ${path.basename(filePath)}`);
    let problems;
    try {
      problems = await engine.lint({ text, filePath, onDisk: uri.startsWith('file:'), workspaceFolder: folder?.path, settings });
    } catch (error) {
      this.deps.connection.console.error(`wirelint: linting ${uri} failed: ${describe(error)}`);
      status.setError(`lint:${uri}`, `Linting ${path.basename(filePath)} failed; see the output for details.`);
      fixStore.delete(uri);
      return false;
    } finally {
      endBusy();
    }
    status.clearError(`lint:${uri}`);
    if (!this.isCurrent(uri, version, run, requireVersion)) return false;
    this.commit({ document: linted, filePath, problems, diagnostics: problems.map((problem, problemId) => toDiagnostic(problem, problemId, version, docs)) });
    return true;
  }

  private commit(snapshot: LintSnapshot): void {
    this.deps.fixStore.set(snapshot);
    const { uri, version } = snapshot.document;
    if (this.deps.mode === 'push') void this.deps.connection.sendDiagnostics({ uri, version, diagnostics: [...snapshot.diagnostics] });
  }

  /** `enable: false`: no fixes, no diagnostics. */
  private clear(uri: string): void {
    this.deps.fixStore.delete(uri);
    this.deps.status.clearError(`lint:${uri}`);
    if (this.deps.mode === 'push') void this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
