import type { CancellationToken, Connection, ExecuteCommandParams } from 'vscode-languageserver';
import { MessageType, ShowMessageNotification, WorkDoneProgressReporter } from 'vscode-languageserver';

import { fixAllEdit } from './code-actions';
import type { DocumentLinter } from './documents';
import type { ApplyAllFixesResult, ScanResult } from './protocol';
import { COMMANDS } from './protocol';
import type { WorkspaceScanner } from './workspace-scan';

export interface CommandContext {
  connection: Connection;
  linter: DocumentLinter;
  scanner: WorkspaceScanner;
  supportsShowDocument: boolean;
  supportsDocumentChanges: boolean;
}

/**
 * Runs a command; an unknown command or bad arguments are logged and answer `null`.
 * `clientProgress` reports on the request's `workDoneToken` (a null reporter without one).
 */
export async function executeCommand(
  context: CommandContext,
  params: ExecuteCommandParams,
  token: CancellationToken,
  clientProgress: WorkDoneProgressReporter,
): Promise<ScanResult | ApplyAllFixesResult | null> {
  const argument: unknown = params.arguments?.[0];
  switch (params.command) {
    case COMMANDS.showDocumentation:
      await showDocumentation(context, argument);
      return null;
    case COMMANDS.scanWorkspace:
      return scanWorkspace(context, token, clientProgress);
    case COMMANDS.applyAllFixes:
      if (typeof argument === 'string') return applyAllFixes(context, argument);
      context.connection.console.warn(`wirelint: ${COMMANDS.applyAllFixes} needs a document URI, got ${JSON.stringify(argument)}`);
      return null;
    default:
      context.connection.console.warn(`wirelint: unknown command ${params.command}`);
      return null;
  }
}

/** Asks the client to open the link externally (`window/showDocument`), or shows it in a message when it cannot. */
async function showDocumentation({ connection, supportsShowDocument }: CommandContext, url: unknown): Promise<void> {
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
    connection.console.warn(`wirelint: ${COMMANDS.showDocumentation} needs a documentation link, got ${JSON.stringify(url)}`);
    return;
  }
  if (supportsShowDocument) await connection.window.showDocument({ uri: url, external: true });
  else void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `wirelint documentation: ${url}` });
}

/** Progress on the client's token when it sent one, else on one the server creates (if the client can show it). */
async function scanWorkspace({ connection, scanner }: CommandContext, token: CancellationToken, clientProgress: WorkDoneProgressReporter): Promise<ScanResult> {
  if (!WorkDoneProgressReporter.isNullInstance(clientProgress)) return scanner.scan({ token, progress: clientProgress, progressToken: undefined });
  const progress = await connection.window.createWorkDoneProgress();
  return scanner.scan({ token, progress, progressToken: progress.token });
}

/** Applies the current version's autofixes in one `workspace/applyEdit` (versioned when the client takes it). */
async function applyAllFixes({ connection, linter, supportsDocumentChanges }: CommandContext, uri: string): Promise<ApplyAllFixesResult> {
  const snapshot = await linter.currentSnapshot(uri);
  const fixAll = snapshot === undefined ? undefined : fixAllEdit(snapshot, supportsDocumentChanges);
  if (fixAll === undefined) return { fixes: 0, applied: false };
  const response = await connection.workspace.applyEdit({ label: 'wirelint: fix all auto-fixable problems', edit: fixAll.edit });
  if (!response.applied) connection.console.warn(`wirelint: the client did not apply the fixes to ${uri}${response.failureReason === undefined ? '' : `: ${response.failureReason}`}`);
  return { fixes: fixAll.fixes, applied: response.applied };
}
