import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

import { startServer } from './server';

// `--stdio`, `--node-ipc` and `--socket=N` are read by createConnection itself.
startServer(createConnection(ProposedFeatures.all));
