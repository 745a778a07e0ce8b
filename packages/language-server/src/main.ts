import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

import { startServer } from './server';

// stdout belongs to the protocol: failures go to stderr, which editors show in their logs.
function report(what: string, error: unknown): void {
  process.stderr.write(`wirelint-language-server: ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
}

// A failed request to the client (say, one it does not implement) must not take the server down
// with Node's default of exiting on an unhandled rejection.
process.on('unhandledRejection', (error) => {
  report('unhandled rejection', error);
});

// `--stdio`, `--node-ipc` and `--socket=N` are read by createConnection itself.
try {
  startServer(createConnection(ProposedFeatures.all));
} catch (error) {
  report('failed to start', error);
  process.exitCode = 1;
}
