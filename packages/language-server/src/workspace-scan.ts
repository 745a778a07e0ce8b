import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { CancellationToken, Connection, TextDocuments, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import { oversizeDiagnostic, textSize, toDiagnostic } from './diagnostics';
import type { Cancellation } from './file-discovery';
import { discoverFiles } from './file-discovery';
import type { LintEngine } from './lint-engine';
import type { ScanResult } from './protocol';
import type { RuleDocs } from './rule-docs';
import type { SettingsStore } from './settings';
import type { StatusReporter } from './status';
import type { FolderEntry, WorkspaceFolders } from './workspace-folders';

export interface WorkspaceScanDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  folders: WorkspaceFolders;
  settings: SettingsStore;
  engine: LintEngine;
  status: StatusReporter;
  docs: (ruleId: string) => RuleDocs;
}

export interface ScanRequest {
  /** The request's own cancellation (`$/cancelRequest`). */
  token: CancellationToken;
  /** Progress reporting: the client's `workDoneToken`, or one the server created. */
  progress: WorkDoneProgressReporter;
  /** Cancellation from the progress UI, when the server created the progress. */
  progressToken: CancellationToken | undefined;
}

/** A scan stops when its request or its progress is cancelled, or a newer scan starts. */
class ScanCancellation implements Cancellation {
  superseded = false;
  constructor(private readonly request: ScanRequest) {}
  get isCancellationRequested(): boolean {
    return this.superseded || this.request.token.isCancellationRequested || this.request.progressToken?.isCancellationRequested === true;
  }
}

/**
 * `wirelint.scanWorkspace`: lints every JavaScript and TypeScript file of the workspace
 * folders that is not ignored (see `discoverFiles`) and publishes diagnostics for the files
 * that are not open (an open document's live diagnostics are newer than its file on disk).
 * Reports work-done progress, yields to other messages between files, and stops when
 * cancelled. Files without problems get a publish only to clear an earlier scan's.
 */
export class WorkspaceScanner {
  // Files this scanner published diagnostics for, to clear them when they are fixed.
  private readonly published = new Set<string>();
  private current: ScanCancellation | undefined;

  constructor(private readonly deps: WorkspaceScanDeps) {}

  /** An opened document's diagnostics now come from its live text: forget (and return) whether the scan had published some. */
  release(uri: string): boolean {
    return this.published.delete(uri);
  }

  async scan(request: ScanRequest): Promise<ScanResult> {
    if (this.current !== undefined) this.current.superseded = true;
    const cancellation = new ScanCancellation(request);
    this.current = cancellation;
    const { progress } = request;
    const endBusy = this.deps.status.begin('Scanning the workspace');
    const result: ScanResult = { files: 0, problems: 0, cancelled: false };
    try {
      progress.begin('wirelint: scanning the workspace', 0, 'Finding files', true);
      const targets: { folder: FolderEntry; file: string }[] = [];
      for (const folder of this.deps.folders.all()) {
        if (!(await this.deps.settings.get(folder.uri)).enable) continue;
        for (const file of await discoverFiles(folder.path, cancellation)) if (!this.isOpen(file)) targets.push({ folder, file });
      }
      if (this.deps.folders.all().length === 0) this.deps.connection.console.info('wirelint: scanWorkspace: the client sent no workspace folder on disk, nothing to scan.');
      let reportedPercent = 0;
      for (const [index, { folder, file }] of targets.entries()) {
        if (cancellation.isCancellationRequested) break;
        await this.lintFile(folder, file, result);
        const percent = Math.floor((100 * (index + 1)) / targets.length);
        if (percent > reportedPercent) {
          reportedPercent = percent;
          progress.report(percent, `${String(index + 1)}/${String(targets.length)} files: ${path.relative(folder.path, file)}`);
        }
        // Let edits, requests and cancellation in between files.
        await yieldToEvents();
      }
      result.cancelled = cancellation.isCancellationRequested;
      this.deps.connection.console.info(
        `wirelint: scanWorkspace ${result.cancelled ? 'cancelled after' : 'linted'} ${String(result.files)} files, ${String(result.problems)} problems.`,
      );
      return result;
    } finally {
      progress.done();
      endBusy();
      if (this.current === cancellation) this.current = undefined;
    }
  }

  private async lintFile(folder: FolderEntry, file: string, result: ScanResult): Promise<void> {
    const uri = pathToFileURL(file).href;
    const settings = await this.deps.settings.get(folder.uri);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      // Deleted since it was found.
      return;
    }
    result.files++;
    // Opened since the scan began: counted, but the live diagnostics win.
    if (this.isOpen(file)) return;
    const size = textSize(text, settings.maxFileSizeKb);
    let diagnostics;
    if (size.over) {
      diagnostics = [oversizeDiagnostic(size.bytes, settings.maxFileSizeKb)];
    } else {
      try {
        const messages = await this.deps.engine.lint({ text, filePath: file, onDisk: true, workspaceFolder: folder.path, settings });
        // Version 0: no open document has it, so these diagnostics never match a code action request.
        diagnostics = messages.map((message, problemId) => toDiagnostic(message, problemId, 0, this.deps.docs));
      } catch (error) {
        this.deps.connection.console.error(`wirelint: scanWorkspace: linting ${file} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return;
      }
    }
    result.problems += diagnostics.length;
    // Opened while it was being linted: the live diagnostics win.
    if (this.isOpen(file)) return;
    if (diagnostics.length === 0 && !this.published.has(uri)) return;
    if (diagnostics.length > 0) this.published.add(uri);
    else this.published.delete(uri);
    void this.deps.connection.sendDiagnostics({ uri, diagnostics });
  }

  private isOpen(file: string): boolean {
    return this.deps.documents.all().some((document) => document.uri.startsWith('file:') && fileURLToPath(document.uri) === file);
  }
}
