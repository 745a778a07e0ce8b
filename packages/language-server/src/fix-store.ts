import type { Linter } from 'eslint';
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** What one lint of one document version produced: the exact text linted, its problems, their diagnostics. */
export interface LintSnapshot {
  /** A frozen copy of the document as linted: fixes' offsets refer to this text. */
  document: TextDocument;
  /** The path the text was linted as. */
  filePath: string;
  /** Indexed by the diagnostics' `data.problemId`. */
  problems: readonly Linter.LintMessage[];
  diagnostics: readonly Diagnostic[];
}

/** The last lint result per URI; a new result replaces the old one, closing a document drops it. */
export class FixStore {
  private readonly snapshots = new Map<string, LintSnapshot>();

  set(snapshot: LintSnapshot): void {
    this.snapshots.set(snapshot.document.uri, snapshot);
  }

  /** The snapshot for `uri`, only if it was computed for `version`. */
  get(uri: string, version: number): LintSnapshot | undefined {
    const snapshot = this.snapshots.get(uri);
    return snapshot?.document.version === version ? snapshot : undefined;
  }

  /** The last snapshot for `uri`, whatever its version. */
  latest(uri: string): LintSnapshot | undefined {
    return this.snapshots.get(uri);
  }

  delete(uri: string): void {
    this.snapshots.delete(uri);
  }
}
