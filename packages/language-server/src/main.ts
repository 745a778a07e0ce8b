import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

import { startServer } from './server';

// `--stdio`, `--node-ipc` and `--socket=N` are read by createConnection itself.
try {
  startServer(createConnection(ProposedFeatures.all));
} catch (error) {
  // stdout belongs to the protocol: startup failures go to stderr, which editors show in their logs.
  process.stderr.write(`wirelint-language-server failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
