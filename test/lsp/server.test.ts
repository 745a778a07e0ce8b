import { afterEach, describe, expect, it } from 'vitest';
import { DidCloseTextDocumentNotification, ExitNotification, ShutdownRequest } from 'vscode-languageserver-protocol/node';

import { start, stopAll, until } from './client';

const URI = 'file:///virtual/server.js';
const BUGGY = "const net = require('node:net');\nnet.createServer((s) => s.end()).listen(8080, '0.0.0.0', 5);\n";
const HEARTBEAT = "const net = require('node:net');\nnet.createServer((socket) => {\n  socket.on('data', (chunk) => socket.write(chunk));\n}).listen(9000);\n";

afterEach(stopAll);

describe('language server over stdio', () => {
  it('publishes diagnostics for an opened document, with rule id, docs link, range and fix data', async () => {
    const session = await start();
    const published = await session.open(URI, BUGGY);
    expect(published).toEqual({
      uri: URI,
      version: 1,
      diagnostics: [
        {
          source: 'wirelint',
          code: 'wirelint/no-small-listen-backlog',
          severity: 2,
          message: expect.stringContaining('backlog') as unknown,
          range: { start: { line: 1, character: 57 }, end: { line: 1, character: 58 } },
          codeDescription: { href: expect.stringMatching(/docs\/rules\/no-small-listen-backlog\.md$/) as unknown },
          data: { ruleId: 'wirelint/no-small-listen-backlog', problemId: 0, version: 1 },
        },
      ],
    });
  });

  it('re-lints on change and clears diagnostics on close', async () => {
    const session = await start();
    expect((await session.open(URI, BUGGY)).diagnostics).toHaveLength(1);
    await session.change(URI, 2, BUGGY.replace(", '0.0.0.0', 5", ''));
    const changed = await session.nextDiagnostics(URI);
    expect(changed.version).toBe(2);
    expect(changed.diagnostics).toEqual([]);
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: URI } });
    expect(await session.nextDiagnostics(URI)).toEqual({ uri: URI, diagnostics: [] });
  });

  it('turns a syntax error into one error diagnostic at the offending token instead of crashing', async () => {
    const session = await start();
    const published = await session.open('file:///virtual/broken.ts', 'const = ;', 'typescript');
    expect(published.diagnostics).toEqual([
      { source: 'wirelint', severity: 1, message: 'Parsing error: Variable declaration expected.', range: { start: { line: 0, character: 6 }, end: { line: 0, character: 7 } } },
    ]);
  });

  it('lints an unsaved document by its language id', async () => {
    const session = await start();
    const published = await session.open('untitled:Untitled-1', BUGGY, 'typescript');
    expect(published.diagnostics.map((d) => d.code)).toEqual(['wirelint/no-small-listen-backlog']);
  });

  it('takes the preset from initializationOptions.config', async () => {
    const recommended = await start();
    const strict = await start({ initializationOptions: { config: 'strict' } });
    expect((await recommended.open(URI, HEARTBEAT)).diagnostics.map((d) => d.code)).toEqual(['wirelint/no-ignored-backpressure']);
    expect((await strict.open(URI, HEARTBEAT)).diagnostics.map((d) => d.code)).toEqual(['wirelint/require-heartbeat', 'wirelint/no-ignored-backpressure']);
  });

  it('exits on shutdown/exit without leaving the process behind', async () => {
    const session = await start();
    const exited = new Promise<number | null>((resolve) => session.child.once('exit', resolve));
    await session.connection.sendRequest(ShutdownRequest.type);
    await session.connection.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
    // Gone, not a zombie or a detached child: signalling the pid fails.
    const pid = session.child.pid ?? -1;
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });

  it('announces that it is ready with wirelint/status', async () => {
    const session = await start();
    await until(() => session.statuses.length > 0);
    expect(session.statuses).toEqual([{ state: 'ready' }]);
  });
});
