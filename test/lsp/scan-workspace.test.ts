import { afterEach, describe, expect, it } from 'vitest';
import { ExecuteCommandRequest, WorkDoneProgress, WorkDoneProgressCancelNotification } from 'vscode-languageserver-protocol/node';

import type { ProgressValue } from './client';
import { start, stopAll, until } from './client';
import { createWorkspace, removeWorkspaces } from './workspace';

const BUGGY = "const net = require('node:net');\nnet.createServer((s) => s.end()).listen(8080, '0.0.0.0', 5);\n";
const CLEAN = "export const answer = 42;\n";
const PROGRESS = { window: { workDoneProgress: true } };

afterEach(async () => {
  await stopAll();
  removeWorkspaces();
});

describe('wirelint.scanWorkspace', () => {
  it('publishes diagnostics for unopened files, honouring .gitignore files and the default ignores, with progress', async () => {
    const ws = createWorkspace({
      '.gitignore': 'generated/\n',
      'src/a.js': BUGGY,
      'src/open.js': BUGGY,
      'src/clean.ts': CLEAN,
      'src/notes.md': BUGGY,
      'lib/.gitignore': 'local.js\n',
      'lib/local.js': BUGGY,
      'lib/keep.mjs': BUGGY,
      'generated/x.js': BUGGY,
      'dist/bundle.js': BUGGY,
      'coverage/lcov.js': BUGGY,
      'build/out.js': BUGGY,
    });
    const session = await start({ workspaceFolders: [ws.folder], capabilities: PROGRESS });
    // An open document keeps its live diagnostics: the scan does not publish for it.
    await session.open(ws.uri('src/open.js'), CLEAN);
    const result: unknown = await session.connection.sendRequest(ExecuteCommandRequest.type, { command: 'wirelint.scanWorkspace', arguments: [] });
    expect(result).toEqual({ files: 3, problems: 2, cancelled: false });
    const scanned = session.published.filter((params) => params.uri !== ws.uri('src/open.js'));
    expect(scanned.map((params) => [params.uri, params.version, params.diagnostics.map((d) => d.code)])).toEqual([
      [ws.uri('lib/keep.mjs'), undefined, ['wirelint/no-small-listen-backlog']],
      [ws.uri('src/a.js'), undefined, ['wirelint/no-small-listen-backlog']],
    ]);
    expect(session.published.filter((params) => params.uri === ws.uri('src/open.js'))).toHaveLength(1);

    const [created, begin, ...rest] = session.progress;
    expect(created?.value).toBe('create');
    expect(begin?.value).toEqual({ kind: 'begin', title: 'wirelint: scanning the workspace', percentage: 0, message: 'Finding files', cancellable: true });
    expect(rest.at(-1)?.value).toEqual({ kind: 'end' });
    const reports = rest.slice(0, -1).map(({ value }) => value);
    expect(reports).toEqual([
      { kind: 'report', percentage: 33, message: '1/3 files: lib/keep.mjs' },
      { kind: 'report', percentage: 66, message: '2/3 files: src/a.js' },
      { kind: 'report', percentage: 100, message: '3/3 files: src/clean.ts' },
    ]);
    expect(new Set(session.progress.map(({ token }) => token)).size).toBe(1);

    // Fixed on disk: the next scan clears what the last one published.
    ws.write('src/a.js', CLEAN);
    await session.connection.sendRequest(ExecuteCommandRequest.type, { command: 'wirelint.scanWorkspace', arguments: [] });
    expect(session.published.at(-1)).toEqual({ uri: ws.uri('src/a.js'), diagnostics: [] });
  });

  it('reports progress on the client’s workDoneToken when it sends one', async () => {
    const ws = createWorkspace({ 'a.js': BUGGY });
    const session = await start({ workspaceFolders: [ws.folder] });
    const values: ProgressValue[] = [];
    session.connection.onProgress(WorkDoneProgress.type, 'client-token', (value) => {
      values.push(value);
    });
    await session.connection.sendRequest(ExecuteCommandRequest.type, { command: 'wirelint.scanWorkspace', arguments: [], workDoneToken: 'client-token' });
    await until(() => values.at(-1)?.kind === 'end');
    expect(values.map((value) => value.kind)).toEqual(['begin', 'report', 'end']);
    expect(session.published.map((params) => params.uri)).toEqual([ws.uri('a.js')]);
  });

  it('stops when the progress is cancelled', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 40; index++) files[`src/file-${String(index).padStart(2, '0')}.js`] = BUGGY;
    const ws = createWorkspace(files);
    const session = await start({ workspaceFolders: [ws.folder], capabilities: PROGRESS });
    const scan = session.connection.sendRequest(ExecuteCommandRequest.type, { command: 'wirelint.scanWorkspace', arguments: [] });
    await until(() => session.progress.some(({ value }) => value !== 'create' && value.kind === 'report'));
    const token = session.progress[0]?.token ?? '';
    await session.connection.sendNotification(WorkDoneProgressCancelNotification.type, { token });
    const result = (await scan) as { files: number; cancelled: boolean };
    expect(result.cancelled).toBe(true);
    expect(result.files).toBeLessThan(40);
    expect(session.published.length).toBe(result.files);
    expect(session.progress.at(-1)?.value).toEqual({ kind: 'end' });
  });
});
