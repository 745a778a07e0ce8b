import { NotificationType } from 'vscode-languageserver';

/** The server's state, as `wirelint/status` reports it. */
export type ServerState = 'ready' | 'linting' | 'error';

export interface StatusParams {
  state: ServerState;
  /** Why the state is `error`, or what is being linted. */
  message?: string;
}

/** Server → client, whenever the state or its message changes. */
export const StatusNotification = new NotificationType<StatusParams>('wirelint/status');

export interface WorkspaceTrustParams {
  trusted: boolean;
}

/** Client → server: the workspace was trusted (or trust was withdrawn); the server re-lints. */
export const DidChangeWorkspaceTrustNotification = new NotificationType<WorkspaceTrustParams>('wirelint/didChangeWorkspaceTrust');

/** The commands the server executes (`workspace/executeCommand`). */
export const COMMANDS = {
  /** Arguments: `[url]`, a rule's documentation link. */
  showDocumentation: 'wirelint.showDocumentation',
  /** No arguments. Answers a `ScanResult`. */
  scanWorkspace: 'wirelint.scanWorkspace',
  /** Arguments: `[uri]` of an open document. Answers an `ApplyAllFixesResult`. */
  applyAllFixes: 'wirelint.applyAllFixes',
} as const;

/** What `wirelint.scanWorkspace` answers. */
export interface ScanResult {
  /** Files linted (open documents and ignored files are not counted). */
  files: number;
  /** Problems published, over all scanned files. */
  problems: number;
  /** Whether the scan was cancelled before it finished. */
  cancelled: boolean;
}

/** What `wirelint.applyAllFixes` answers. */
export interface ApplyAllFixesResult {
  /** Autofixes sent to the client in one `workspace/applyEdit`. */
  fixes: number;
  /** Whether the client applied them (false when there was nothing to apply). */
  applied: boolean;
}
