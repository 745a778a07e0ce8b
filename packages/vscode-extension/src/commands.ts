import type { Disposable, LogOutputChannel } from 'vscode';
import { commands, languages, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExecuteCommandRequest, State } from 'vscode-languageclient/node';

import { ClientCommands, DOCUMENT_SELECTOR, ServerCommands } from './contract';
import type { ApplyAllFixesResult } from './protocol';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isApplyAllFixesResult(value: unknown): value is ApplyAllFixesResult {
  return typeof value === 'object' && value !== null && 'fixes' in value && typeof value.fixes === 'number' && 'applied' in value && typeof value.applied === 'boolean';
}

/** Asks the server to apply the active document's safe autofixes (it edits through `workspace/applyEdit`), and says what happened. */
async function fixAll(client: LanguageClient): Promise<void> {
  const document = window.activeTextEditor?.document;
  if (document === undefined || languages.match(DOCUMENT_SELECTOR, document) === 0) {
    void window.showInformationMessage('wirelint: open a JavaScript or TypeScript file to fix its problems.');
    return;
  }
  if (client.state !== State.Running) await client.start();
  const uri = client.code2ProtocolConverter.asUri(document.uri);
  const result: unknown = await client.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.applyAllFixes, arguments: [uri] });
  if (!isApplyAllFixesResult(result)) throw new Error(`the server answered ${JSON.stringify(result)} to ${ServerCommands.applyAllFixes}`);
  const name = workspace.asRelativePath(document.uri);
  if (result.fixes === 0) void window.showInformationMessage(`wirelint: no auto-fixable problems in ${name}.`);
  // Not applied: the document changed while the fixes were computed; running the command again uses the new text.
  else if (!result.applied) void window.showWarningMessage(`wirelint: ${name} changed before its fixes could be applied; run the command again.`);
}

async function restart(client: LanguageClient, outputChannel: LogOutputChannel): Promise<void> {
  outputChannel.info('Restarting the wirelint server (wirelint: Restart Server).');
  if (client.state === State.Stopped) await client.start();
  else await client.restart();
}

/**
 * The client-side commands. `wirelint.scanWorkspace` is not here: it is the server's command,
 * which vscode-languageclient registers under the same id while the server runs.
 */
export function registerCommands(client: LanguageClient, outputChannel: LogOutputChannel): Disposable[] {
  const report = (action: string) => (error: unknown) => {
    outputChannel.error(`${action} failed: ${describe(error)}`);
    void window.showErrorMessage(`wirelint: ${action} failed: ${describe(error)}`, 'Show Output').then((choice) => {
      if (choice !== undefined) outputChannel.show();
    });
  };
  return [
    commands.registerCommand(ClientCommands.fixAll, () => fixAll(client).catch(report('fixing all problems'))),
    commands.registerCommand(ClientCommands.restartServer, () => restart(client, outputChannel).catch(report('restarting the server'))),
    commands.registerCommand(ClientCommands.showOutput, () => {
      outputChannel.show();
    }),
  ];
}
