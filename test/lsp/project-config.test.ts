import { existsSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest, DidChangeWatchedFilesNotification, ExecuteCommandRequest, FileChangeType, NotificationType } from 'vscode-languageserver-protocol/node';

import { applyAction, start, stopAll, until } from './client';
import { createWorkspace, removeWorkspaces } from './workspace';

const TrustNotification = new NotificationType<{ trusted: boolean }>('wirelint/didChangeWorkspaceTrust');

// 600 is above Node's default backlog (the preset is silent) but below the project's minimum.
const SERVER = "import net from 'node:net';\nnet.createServer((socket) => socket.end()).listen(8080, '0.0.0.0', 600);\n";
const TINY_BACKLOG = "import net from 'node:net';\nnet.createServer((socket) => socket.end()).listen(8080, '0.0.0.0', 5);\n";
const PROJECT_CONFIG = `import { writeFileSync } from 'node:fs';
import wirelint from '@wirelint/eslint-plugin';

// Proves that the server ran this file, which it must not do in an untrusted workspace.
writeFileSync(new URL('./config-loaded.marker', import.meta.url), 'loaded');

export default [
  ...wirelint.configs.recommended,
  { rules: { 'wirelint/no-small-listen-backlog': ['error', { minBacklog: 1024 }] } },
];
`;

afterEach(async () => {
  await stopAll();
  removeWorkspaces();
});

describe('useProjectEslintConfig and workspace trust', () => {
  it('ignores the project config while untrusted (without running it), and uses it once trusted', async () => {
    const ws = createWorkspace({ 'eslint.config.mjs': PROJECT_CONFIG, 'server.js': SERVER, 'other.js': SERVER });
    const session = await start({ workspaceFolders: [ws.folder], initializationOptions: { useProjectEslintConfig: true } });
    expect((await session.open(ws.uri('server.js'), SERVER)).diagnostics).toEqual([]);
    expect((await session.open(ws.uri('other.js'), SERVER)).diagnostics).toEqual([]);
    expect(existsSync(ws.path('config-loaded.marker'))).toBe(false);
    expect(session.logs.filter((line) => line.includes('not trusted'))).toEqual([
      'wirelint: wirelint.useProjectEslintConfig is ignored because the workspace is not trusted (loading eslint.config.* would run its code); linting with the recommended preset.',
    ]);

    await session.connection.sendNotification(TrustNotification, { trusted: true });
    const relinted = await session.nextDiagnostics(ws.uri('server.js'));
    expect(relinted.diagnostics.map((d) => [d.code, d.severity])).toEqual([['wirelint/no-small-listen-backlog', 1]]);
    expect(existsSync(ws.path('config-loaded.marker'))).toBe(true);

    await session.connection.sendNotification(TrustNotification, { trusted: false });
    expect((await session.nextDiagnostics(ws.uri('server.js'))).diagnostics).toEqual([]);
  });

  it('uses the project config at once when initializationOptions.workspaceTrusted is true', async () => {
    const ws = createWorkspace({ 'eslint.config.mjs': PROJECT_CONFIG, 'src/server.js': SERVER });
    const session = await start({ workspaceFolders: [ws.folder], initializationOptions: { useProjectEslintConfig: true, workspaceTrusted: true } });
    // Found upward from the file, like ESLint does.
    expect((await session.open(ws.uri('src/server.js'), SERVER)).diagnostics.map((d) => [d.code, d.severity])).toEqual([['wirelint/no-small-listen-backlog', 1]]);
  });

  it('falls back to the preset without a flat config in the workspace', async () => {
    const ws = createWorkspace({ 'server.js': TINY_BACKLOG });
    const session = await start({ workspaceFolders: [ws.folder], initializationOptions: { useProjectEslintConfig: true, workspaceTrusted: true } });
    expect((await session.open(ws.uri('server.js'), TINY_BACKLOG)).diagnostics.map((d) => [d.code, d.severity])).toEqual([['wirelint/no-small-listen-backlog', 2]]);
    expect(session.logs.filter((line) => line.includes('no eslint.config.*'))).toHaveLength(1);
  });

  it('falls back to the preset with one warning while the config is broken, until the file changes', async () => {
    const ws = createWorkspace({ 'eslint.config.mjs': "throw new Error('config exploded');\n", 'server.js': TINY_BACKLOG });
    const session = await start({ workspaceFolders: [ws.folder], initializationOptions: { useProjectEslintConfig: true, workspaceTrusted: true } });
    const uri = ws.uri('server.js');
    // The preset's finding: a warning, where the project would make it an error.
    expect((await session.open(uri, TINY_BACKLOG)).diagnostics.map((d) => [d.code, d.severity])).toEqual([['wirelint/no-small-listen-backlog', 2]]);
    await session.change(uri, 2, `${TINY_BACKLOG}\n`);
    expect((await session.diagnosticsFor(uri, 2)).diagnostics).toHaveLength(1);
    expect(session.messages).toEqual([
      { type: 2, message: expect.stringMatching(/^wirelint: .*eslint\.config\.mjs could not be loaded \(config exploded\); linting with the wirelint\.config preset until the file changes\.$/) as unknown },
    ]);
    expect(session.logs.filter((line) => line.includes('could not be loaded'))).toHaveLength(1);
    expect(session.statuses.at(-1)).toEqual({ state: 'error', message: 'eslint.config.mjs could not be loaded; linting with the recommended preset.' });

    // A syntax error is broken too, and a new version of the file is worth a new warning.
    ws.write('eslint.config.mjs', 'export default [\n');
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: ws.uri('eslint.config.mjs'), type: FileChangeType.Changed }] });
    expect((await session.nextDiagnostics(uri)).diagnostics.map((d) => d.severity)).toEqual([2]);
    expect(session.messages).toHaveLength(2);

    ws.write('eslint.config.mjs', PROJECT_CONFIG);
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: ws.uri('eslint.config.mjs'), type: FileChangeType.Changed }] });
    expect((await session.nextDiagnostics(uri)).diagnostics.map((d) => [d.code, d.severity])).toEqual([['wirelint/no-small-listen-backlog', 1]]);
    await until(() => session.statuses.at(-1)?.state === 'ready');
    expect(session.messages).toHaveLength(2);
  });

  it('publishes only wirelint rules, and applies their autofixes (fix-all action and wirelint.applyAllFixes)', async () => {
    // A project that adds a fixable rule of its own to the wirelint namespace, and turns on a core rule.
    const config = `import wirelint from '@wirelint/eslint-plugin';
const preferLet = {
  meta: { type: 'suggestion', fixable: 'code', schema: [], messages: { useLet: 'Use let.' } },
  create: (context) => ({
    VariableDeclaration(node) {
      if (node.kind === 'var') context.report({ node, messageId: 'useLet', fix: (fixer) => fixer.replaceTextRange([node.range[0], node.range[0] + 3], 'let') });
    },
  }),
};
export default [
  { plugins: { wirelint: { ...wirelint, rules: { ...wirelint.rules, 'prefer-let': preferLet } } }, rules: { 'wirelint/prefer-let': 'warn', 'no-var': 'error' } },
];
`;
    const text = 'var a = 1;\nvar b = a;\nexport { b };\n';
    const ws = createWorkspace({ 'eslint.config.mjs': config, 'a.js': text });
    const session = await start({
      workspaceFolders: [ws.folder],
      initializationOptions: { useProjectEslintConfig: true, workspaceTrusted: true },
      capabilities: { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true } } },
    });
    const uri = ws.uri('a.js');
    const { diagnostics } = await session.open(uri, text);
    expect(diagnostics.map((d) => d.code)).toEqual(['wirelint/prefer-let', 'wirelint/prefer-let']);

    const [fixAll] = (await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.wirelint'] },
    })) as CodeAction[];
    expect(applyAction(text, uri, fixAll)).toBe('let a = 1;\nlet b = a;\nexport { b };\n');

    const result: unknown = await session.connection.sendRequest(ExecuteCommandRequest.type, { command: 'wirelint.applyAllFixes', arguments: [uri] });
    expect(result).toEqual({ fixes: 2, applied: true });
    expect(session.appliedEdits).toHaveLength(1);
    expect(session.appliedEdits[0]?.edit).toEqual(fixAll?.edit);
  });
});
