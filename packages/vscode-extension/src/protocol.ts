import { NotificationType } from 'vscode-languageclient/node';

import { STATUS_NOTIFICATION, WORKSPACE_TRUST_NOTIFICATION } from './contract';

/** The server's state, as `wirelint/status` reports it. */
export type ServerState = 'ready' | 'linting' | 'error';

export interface StatusParams {
  state: ServerState;
  /** Why the state is `error`, or what is being linted; shown in the status bar's tooltip. */
  message?: string;
}

/** Sent by the server whenever its state changes. */
export const StatusNotification = new NotificationType<StatusParams>(STATUS_NOTIFICATION);

export interface WorkspaceTrustParams {
  trusted: boolean;
}

/** Sent by the client when the user trusts the workspace: the server may then load workspace code, and re-lints. */
export const DidChangeWorkspaceTrustNotification = new NotificationType<WorkspaceTrustParams>(WORKSPACE_TRUST_NOTIFICATION);

/** What the server's `wirelint.applyAllFixes` answers. */
export interface ApplyAllFixesResult {
  /** Autofixes sent in one `workspace/applyEdit`. */
  fixes: number;
  /** Whether VS Code applied them (false when there was nothing to apply). */
  applied: boolean;
}
