import type { ExtensionContext } from 'vscode';
import { window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { State } from 'vscode-languageclient/node';

import { createLanguageClient } from './client';
import { registerCommands } from './commands';
import { DOCUMENT_SELECTOR } from './contract';
import { ServerStatusBar } from './status-bar';
import { forwardWorkspaceTrust } from './trust';

let client: LanguageClient | undefined;

/** Activated by the first JavaScript or TypeScript document (package.json `activationEvents`). */
export async function activate(context: ExtensionContext): Promise<void> {
  // One channel for the extension's whole life: a restarted server keeps writing to it.
  const outputChannel = window.createOutputChannel('wirelint', { log: true });
  const languageClient = createLanguageClient(context, outputChannel);
  client = languageClient;
  context.subscriptions.push(
    outputChannel,
    new ServerStatusBar(languageClient, DOCUMENT_SELECTOR),
    ...registerCommands(languageClient, outputChannel),
    forwardWorkspaceTrust(languageClient, outputChannel),
    languageClient.onDidChangeState((event) => {
      if (event.newState === State.Running) outputChannel.info(`The wirelint server is running (${workspace.isTrusted ? 'trusted workspace' : 'Restricted Mode'}).`);
    }),
  );
  try {
    await languageClient.start();
  } catch (error) {
    // The client has logged the details; the status bar shows the stopped server.
    outputChannel.error(`The wirelint server failed to start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.dispose();
}
