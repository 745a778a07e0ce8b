import type { Connection, ExecuteCommandParams } from 'vscode-languageserver';

/** The commands the server executes (`workspace/executeCommand`). */
export const COMMANDS = {
  /** Arguments: `[url]`, a rule's documentation link. */
  showDocumentation: 'wirelint.showDocumentation',
} as const;

/**
 * Runs a command. `showDocumentation` asks the client to open the link externally
 * (`window/showDocument`), or shows the link in a message when the client cannot.
 */
export async function executeCommand(connection: Connection, params: ExecuteCommandParams, supportsShowDocument: boolean): Promise<void> {
  if (params.command !== COMMANDS.showDocumentation) return;
  const url: unknown = params.arguments?.[0];
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
    connection.console.warn(`wirelint: ${COMMANDS.showDocumentation} needs a documentation link, got ${JSON.stringify(url)}`);
    return;
  }
  if (supportsShowDocument) await connection.window.showDocument({ uri: url, external: true });
  else connection.window.showInformationMessage(`wirelint documentation: ${url}`);
}
