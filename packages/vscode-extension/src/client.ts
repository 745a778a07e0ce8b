import type { ExtensionContext, LogOutputChannel } from 'vscode';
import { Uri } from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, RevealOutputChannelOn, TransportKind } from 'vscode-languageclient/node';

import { DOCUMENT_SELECTOR, SECTION } from './contract';
import { initializationOptions } from './settings';

/** The port the "Attach to Server" launch configuration (.vscode/launch.json) attaches to. */
const DEBUG_PORT = 6019;

/**
 * The language client for the server bundled at dist/server.js, over Node IPC.
 *
 * Settings are pulled: the server asks for the `wirelint` section per document with
 * `workspace/configuration` and registers for `workspace/didChangeConfiguration` itself (which
 * vscode-languageclient turns into a listener), so `synchronize.configurationSection` is left
 * unset: setting it too would send every change twice. The client id `wirelint` makes
 * vscode-languageclient read `wirelint.trace.server`.
 */
export function createLanguageClient(context: ExtensionContext, outputChannel: LogOutputChannel): LanguageClient {
  const serverModule = Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', `--inspect=${String(DEBUG_PORT)}`] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    diagnosticCollectionName: SECTION,
    outputChannel,
    // The status-bar item says when something is wrong; the output never jumps into view.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // A function, so that a restart sends the trust and settings of that moment.
    initializationOptions,
  };
  return new LanguageClient(SECTION, 'wirelint', serverOptions, clientOptions);
}
