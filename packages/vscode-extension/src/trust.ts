import type { Disposable, LogOutputChannel } from 'vscode';
import { workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { State } from 'vscode-languageclient/node';

import { DidChangeWorkspaceTrustNotification } from './protocol';

/**
 * Tells the server when the user trusts the workspace, so it may load the project's ESLint
 * config and re-lint. Trust is never revoked within a window (VS Code reloads it instead), and
 * the initial value travels in `initializationOptions.workspaceTrusted`. A notification sent
 * while the client starts is queued until the server is up; a stopped client will read
 * `workspace.isTrusted` again when it starts.
 */
export function forwardWorkspaceTrust(client: LanguageClient, outputChannel: LogOutputChannel): Disposable {
  return workspace.onDidGrantWorkspaceTrust(() => {
    if (client.state === State.Stopped) return;
    outputChannel.info('The workspace is now trusted: telling the server.');
    client.sendNotification(DidChangeWorkspaceTrustNotification, { trusted: true }).catch((error: unknown) => {
      outputChannel.error(`Sending the workspace trust to the server failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
}
