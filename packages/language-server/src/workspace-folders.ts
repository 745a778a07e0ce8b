import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { WorkspaceFolder } from 'vscode-languageserver';

export interface FolderEntry {
  uri: string;
  /** The folder's path on disk. */
  path: string;
}

/** The client's workspace folders that are on disk (`file:`), kept up to date with its changes. */
export class WorkspaceFolders {
  private folders: FolderEntry[] = [];

  set(folders: readonly WorkspaceFolder[] | null | undefined): void {
    this.folders = [];
    this.change(folders ?? [], []);
  }

  change(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((folder) => folder.uri));
    this.folders = this.folders.filter((folder) => !gone.has(folder.uri));
    for (const folder of added) {
      if (!folder.uri.startsWith('file:') || this.folders.some((known) => known.uri === folder.uri)) continue;
      this.folders.push({ uri: folder.uri, path: fileURLToPath(folder.uri) });
    }
  }

  all(): readonly FolderEntry[] {
    return this.folders;
  }

  /** The innermost folder holding `filePath`. */
  folderOf(filePath: string): FolderEntry | undefined {
    let best: FolderEntry | undefined;
    for (const folder of this.folders) {
      const relative = path.relative(folder.path, filePath);
      const inside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
      if (inside && (best === undefined || folder.path.length > best.path.length)) best = folder;
    }
    return best;
  }
}
