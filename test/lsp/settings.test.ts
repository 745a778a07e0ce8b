import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest, DidChangeConfigurationNotification, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';

import { delay, start, stopAll } from './client';

const URI = 'file:///virtual/api.js';
const AXIOS = "import axios from 'axios';\nexport const api = axios.create({ baseURL: 'https://api.example.com' });\n";
const HEARTBEAT = "const net = require('node:net');\nnet.createServer((socket) => {\n  socket.on('data', (chunk) => socket.write(chunk));\n}).listen(9000);\n";
const WITH_CONFIGURATION = { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } };

afterEach(stopAll);

describe('settings', () => {
  it('reads the wirelint section per document with workspace/configuration', async () => {
    const session = await start({ capabilities: WITH_CONFIGURATION });
    session.configuration = { config: 'strict', rules: { 'no-ignored-backpressure': 'off', 'wirelint/require-heartbeat': 'warn' } };
    const { diagnostics } = await session.open(URI, HEARTBEAT);
    expect(session.configurationRequests).toEqual([{ items: [{ scopeUri: URI, section: 'wirelint' }] }]);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['wirelint/require-heartbeat', 2]]);
  });

  it('feeds defaultTimeoutMs to the timeout rules’ suggestions', async () => {
    const session = await start({ capabilities: WITH_CONFIGURATION });
    session.configuration = { defaultTimeoutMs: 5000 };
    const { diagnostics } = await session.open(URI, AXIOS);
    expect(diagnostics.map((d) => d.code)).toEqual(['wirelint/require-client-timeout']);
    const actions = (await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      context: { diagnostics, only: ['quickfix'] },
    })) as CodeAction[];
    expect(actions[0]?.title).toBe('Add `timeout: 5_000`.');
  });

  it('re-reads the settings on didChangeConfiguration and re-lints every open document', async () => {
    const session = await start({ capabilities: WITH_CONFIGURATION });
    session.configuration = { config: 'recommended' };
    const other = 'file:///virtual/other.js';
    expect((await session.open(URI, HEARTBEAT)).diagnostics.map((d) => d.code)).toEqual(['wirelint/no-ignored-backpressure']);
    expect((await session.open(other, AXIOS)).diagnostics.map((d) => d.code)).toEqual(['wirelint/require-client-timeout']);
    session.configuration = { config: 'strict', rules: { 'require-client-timeout': 'off' } };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    expect((await session.nextDiagnostics(URI)).diagnostics.map((d) => d.code)).toEqual(['wirelint/require-heartbeat', 'wirelint/no-ignored-backpressure']);
    expect(await session.nextDiagnostics(other)).toEqual({ uri: other, version: 1, diagnostics: [] });
  });

  it('never publishes a result computed with settings older than a later run’s', async () => {
    let requests = 0;
    const session = await start({
      capabilities: WITH_CONFIGURATION,
      // The first answer is slow and the old settings; the answer after the change is fast.
      configuration: (params) => (++requests === 1 ? [{ config: 'recommended' }] : params.items.map(() => ({ config: 'strict' }))),
      configurationDelayMs: (request) => (request === 1 ? 400 : 0),
    });
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'javascript', version: 1, text: HEARTBEAT } });
    await delay(100);
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    expect((await session.nextDiagnostics(URI)).diagnostics.map((d) => d.code)).toEqual(['wirelint/require-heartbeat', 'wirelint/no-ignored-backpressure']);
    await delay(600);
    expect(session.published).toHaveLength(1);
  });

  it('ignores invalid values with a warning and keeps the defaults for them', async () => {
    const session = await start({ capabilities: WITH_CONFIGURATION });
    session.configuration = { config: 'everything', maxFileSizeKb: -1, rules: { 'no-small-listen-backlog': 'loud' } };
    expect((await session.open(URI, AXIOS)).diagnostics.map((d) => d.code)).toEqual(['wirelint/require-client-timeout']);
    expect(session.logs.filter((line) => line.startsWith('wirelint.'))).toEqual([
      'wirelint.config: expected recommended, strict or all, got "everything" (ignored)',
      'wirelint.rules.no-small-listen-backlog: expected off, warn or error, got "loud" (ignored)',
      'wirelint.maxFileSizeKb: expected a positive number, got -1 (ignored)',
    ]);
  });

  it('without the configuration capability, uses initializationOptions, then pushed settings', async () => {
    const session = await start({ initializationOptions: { rules: { 'require-client-timeout': 'off' } } });
    expect((await session.open(URI, AXIOS)).diagnostics).toEqual([]);
    expect(session.configurationRequests).toEqual([]);
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { wirelint: { rules: { 'require-client-timeout': 'warn' } } } });
    expect((await session.nextDiagnostics(URI)).diagnostics.map((d) => [d.code, d.severity])).toEqual([['wirelint/require-client-timeout', 2]]);
  });
});
