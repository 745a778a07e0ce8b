import { afterEach, describe, expect, it } from 'vitest';
import type { FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import {
  DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentDiagnosticRequest,
} from 'vscode-languageserver-protocol/node';

import { delay, start, stopAll, until } from './client';

const URI = 'file:///virtual/run.js';
const BUGGY = "const net = require('node:net');\nnet.createServer((s) => s.end()).listen(8080, '0.0.0.0', 5);\n";
const CLEAN = BUGGY.replace(", '0.0.0.0', 5", '');
const WITH_CONFIGURATION = { workspace: { configuration: true } };

afterEach(stopAll);

describe('enable and run', () => {
  it('advertises save notifications (for run: onSave) and, without textDocument.diagnostic, no pull diagnostics', async () => {
    const session = await start();
    const { capabilities } = session.initializeResult;
    expect(capabilities.textDocumentSync).toEqual({ openClose: true, change: 2, save: { includeText: false } });
    expect(capabilities.diagnosticProvider).toBeUndefined();
  });

  it('enable: false clears the diagnostics and lints nothing until enabled again', async () => {
    const session = await start({ capabilities: WITH_CONFIGURATION });
    session.configuration = { enable: false };
    expect(await session.open(URI, BUGGY)).toEqual({ uri: URI, diagnostics: [] });
    session.configuration = { enable: true };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    expect((await session.nextDiagnostics(URI)).diagnostics.map((d) => d.code)).toEqual(['wirelint/no-small-listen-backlog']);
    session.configuration = { enable: false };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    expect(await session.nextDiagnostics(URI)).toEqual({ uri: URI, diagnostics: [] });
    await session.change(URI, 2, BUGGY.replace('5)', '6)'));
    expect(await session.nextDiagnostics(URI)).toEqual({ uri: URI, diagnostics: [] });
  });

  it('run: onSave lints on open and on save, and keeps the saved state’s diagnostics while typing', async () => {
    const session = await start({ initializationOptions: { run: 'onSave' } });
    expect((await session.open(URI, BUGGY)).diagnostics).toHaveLength(1);
    await session.change(URI, 2, CLEAN);
    await delay(500);
    expect(session.published).toHaveLength(1);
    await session.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: URI } });
    expect(await session.nextDiagnostics(URI)).toEqual({ uri: URI, version: 2, diagnostics: [] });
  });

  it('run: onType (the default) lints on change and not again on save', async () => {
    const session = await start();
    await session.open(URI, BUGGY);
    await session.change(URI, 2, CLEAN);
    expect((await session.nextDiagnostics(URI)).version).toBe(2);
    await session.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: URI } });
    await delay(400);
    expect(session.published).toHaveLength(2);
  });

  it('run: onType lints a version saved within the change debounce (found with eglot, which saves right after each change)', async () => {
    const session = await start();
    await session.open(URI, BUGGY);
    await session.change(URI, 2, CLEAN);
    await session.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: URI } });
    expect(await session.diagnosticsFor(URI, 2)).toEqual({ uri: URI, version: 2, diagnostics: [] });
  });

  it('warns about invalid values of the new settings', async () => {
    const session = await start({ initializationOptions: { enable: 'yes', run: 'onIdle', typeAware: 1, useProjectEslintConfig: 'true' } });
    expect(session.logs.filter((line) => line.startsWith('wirelint.'))).toEqual([
      'wirelint.enable: expected true or false, got "yes" (ignored)',
      'wirelint.typeAware: expected true or false, got 1 (ignored)',
      'wirelint.useProjectEslintConfig: expected true or false, got "true" (ignored)',
      'wirelint.run: expected onType or onSave, got "onIdle" (ignored)',
    ]);
    expect((await session.open(URI, BUGGY)).diagnostics).toHaveLength(1);
  });
});

describe('pull diagnostics', () => {
  const PULL = { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true }, configuration: true } };

  async function pull(session: Awaited<ReturnType<typeof start>>): Promise<FullDocumentDiagnosticReport> {
    return (await session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: URI } })) as FullDocumentDiagnosticReport;
  }

  it('answers textDocument/diagnostic instead of pushing when the client advertises it', async () => {
    const session = await start({ capabilities: PULL });
    const { capabilities } = session.initializeResult;
    expect(capabilities.diagnosticProvider).toEqual({ identifier: 'wirelint', interFileDependencies: false, workspaceDiagnostics: false });
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'javascript', version: 1, text: BUGGY } });
    const report = await pull(session);
    expect(report.kind).toBe('full');
    expect(report.items.map((d): unknown[] => [d.code, d.data])).toEqual([['wirelint/no-small-listen-backlog', { ruleId: 'wirelint/no-small-listen-backlog', problemId: 0, version: 1 }]]);
    await session.change(URI, 2, CLEAN);
    expect((await pull(session)).items).toEqual([]);
    await delay(300);
    expect(session.published).toEqual([]);
  });

  it('asks the client to pull again when the settings change', async () => {
    const session = await start({ capabilities: PULL });
    session.configuration = { rules: { 'no-small-listen-backlog': 'error' } };
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'javascript', version: 1, text: BUGGY } });
    expect((await pull(session)).items.map((d) => d.severity)).toEqual([1]);
    session.configuration = { rules: { 'no-small-listen-backlog': 'warn' } };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await until(() => session.diagnosticRefreshes === 1);
    expect((await pull(session)).items.map((d) => d.severity)).toEqual([2]);
  });
});
