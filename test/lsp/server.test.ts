import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import * as path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';
import type { ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const SERVER = path.join(__dirname, '..', '..', 'packages', 'language-server', 'bin', 'wirelint-language-server.js');
const URI = 'file:///virtual/server.js';
const BUGGY = "const net = require('node:net');\nnet.createServer((s) => s.end()).listen(8080, '0.0.0.0', 5);\n";

interface Session {
  child: ChildProcess;
  connection: ProtocolConnection;
  nextDiagnostics: () => Promise<PublishDiagnosticsParams>;
}

const sessions: Session[] = [];

/** Starts the built server as a real child process speaking LSP over stdio. */
async function start(initializationOptions?: object): Promise<Session> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const queue: PublishDiagnosticsParams[] = [];
  const waiters: ((params: PublishDiagnosticsParams) => void)[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const waiter = waiters.shift();
    if (waiter) waiter(params);
    else queue.push(params);
  });
  connection.listen();
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- still a required member of InitializeParams
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, workspaceFolders: null, rootUri: null, capabilities: {}, initializationOptions });
  await connection.sendNotification(InitializedNotification.type, {});
  const session: Session = {
    child,
    connection,
    nextDiagnostics: () => {
      const queued = queue.shift();
      return queued ? Promise.resolve(queued) : new Promise((resolve) => waiters.push(resolve));
    },
  };
  sessions.push(session);
  return session;
}

afterEach(async () => {
  for (const { child, connection } of sessions.splice(0)) {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    await new Promise((resolve) => child.once('exit', resolve));
    connection.dispose();
  }
});

describe('language server over stdio', () => {
  it('publishes diagnostics for an opened document, with rule id, docs link and range', async () => {
    const { connection, nextDiagnostics } = await start();
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: URI, languageId: 'javascript', version: 1, text: BUGGY },
    });
    const published = await nextDiagnostics();
    expect(published.uri).toBe(URI);
    expect(published.version).toBe(1);
    expect(published.diagnostics).toHaveLength(1);
    expect(published.diagnostics[0]).toMatchObject({
      source: 'wirelint',
      code: 'wirelint/no-small-listen-backlog',
      severity: 2,
      range: { start: { line: 1, character: 57 }, end: { line: 1, character: 58 } },
      codeDescription: { href: expect.stringMatching(/docs\/rules\/no-small-listen-backlog\.md$/) as unknown },
    });
  });

  it('re-lints on change and clears diagnostics on close', async () => {
    const { connection, nextDiagnostics } = await start();
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: URI, languageId: 'javascript', version: 1, text: BUGGY },
    });
    expect((await nextDiagnostics()).diagnostics).toHaveLength(1);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ text: BUGGY.replace(", '0.0.0.0', 5", '') }],
    });
    const changed = await nextDiagnostics();
    expect(changed.version).toBe(2);
    expect(changed.diagnostics).toEqual([]);
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: URI } });
    expect((await nextDiagnostics()).diagnostics).toEqual([]);
  });

  it('turns a syntax error into one diagnostic instead of crashing', async () => {
    const { connection, nextDiagnostics } = await start();
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: 'file:///virtual/broken.ts', languageId: 'typescript', version: 1, text: 'const = ;' },
    });
    const published = await nextDiagnostics();
    expect(published.diagnostics).toHaveLength(1);
    expect(published.diagnostics[0]?.severity).toBe(1);
  });
});
