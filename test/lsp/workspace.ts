import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const REPO_NODE_MODULES = path.join(__dirname, '..', '..', 'node_modules');

/** A throw-away workspace folder on disk whose config files can import the repository's packages. */
export interface TempWorkspace {
  root: string;
  /** The folder as the client sends it. */
  folder: { uri: string; name: string };
  path: (relative: string) => string;
  uri: (relative: string) => string;
  /** Writes a file (creating directories), with a modification time in the future of any earlier version. */
  write: (relative: string, text: string) => void;
}

const created: string[] = [];
let writes = 0;

/**
 * Creates a workspace in the system's temporary directory (what the server writes there, such
 * as a config's marker file, never lands in the repository), with `node_modules` linked to the
 * repository's so that `import '@wirelint/eslint-plugin'` resolves.
 */
export function createWorkspace(files: Readonly<Record<string, string>>): TempWorkspace {
  const root = mkdtempSync(path.join(os.tmpdir(), 'wirelint-lsp-'));
  created.push(root);
  symlinkSync(REPO_NODE_MODULES, path.join(root, 'node_modules'), 'dir');
  const workspace: TempWorkspace = {
    root,
    folder: { uri: pathToFileURL(root).href, name: path.basename(root) },
    path: (relative) => path.join(root, relative),
    uri: (relative) => pathToFileURL(path.join(root, relative)).href,
    write: (relative, text) => {
      const file = path.join(root, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      // Distinct modification times, so that a rewrite within the same millisecond still counts as a change.
      const time = new Date(Date.now() + 1000 * ++writes);
      utimesSync(file, time, time);
    },
  };
  for (const [relative, text] of Object.entries(files)) workspace.write(relative, text);
  return workspace;
}

/** Deletes every workspace made by `createWorkspace` (call from `afterEach`, after the servers stopped). */
export function removeWorkspaces(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}
