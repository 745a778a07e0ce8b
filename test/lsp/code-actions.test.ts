import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest, ExecuteCommandRequest, HoverRequest } from 'vscode-languageserver-protocol/node';

import type { Session } from './client';
import { applyAction, start, stopAll } from './client';

const URI = 'file:///virtual/app.js';
const BACKLOG = "const net = require('node:net');\nfunction serve() {\n    net.createServer((s) => s.end()).listen(8080, '0.0.0.0', 5);\n}\nserve();\n";
const DOCS = 'https://github.com/wirelint/wirelint/blob/main/packages/eslint-plugin/docs/rules/no-small-listen-backlog.md';

afterEach(stopAll);

async function actionsFor(session: Session, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const result = await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  return (result ?? []) as CodeAction[];
}

describe('code actions', () => {
  it('offers the suggestion, disable comments and docs for a problem, each with the right edit', async () => {
    const session = await start();
    const { diagnostics } = await session.open(URI, BACKLOG);
    const actions = await actionsFor(session, diagnostics);
    expect(actions.map((action) => [action.title, action.kind])).toEqual([
      ['Raise the backlog to 511.', 'quickfix'],
      ['Disable wirelint/no-small-listen-backlog for this line', 'quickfix'],
      ['Disable wirelint/no-small-listen-backlog for this file', 'quickfix'],
      ['Show documentation for wirelint/no-small-listen-backlog', 'quickfix'],
    ]);
    expect(actions[0]?.diagnostics).toEqual(diagnostics);
    expect(applyAction(BACKLOG, URI, actions[0])).toBe(BACKLOG.replace("'0.0.0.0', 5)", "'0.0.0.0', 511)"));
    expect(applyAction(BACKLOG, URI, actions[1])).toBe(BACKLOG.replace('    net.', '    // eslint-disable-next-line wirelint/no-small-listen-backlog\n    net.'));
    expect(applyAction(BACKLOG, URI, actions[2])).toBe(`/* eslint-disable wirelint/no-small-listen-backlog */\n${BACKLOG}`);
    expect(actions[3]?.command).toEqual({ title: 'Show documentation for wirelint/no-small-listen-backlog', command: 'wirelint.showDocumentation', arguments: [DOCS] });
  });

  it('edits that the server computed make the problem go away on re-lint', async () => {
    const session = await start();
    const { diagnostics } = await session.open(URI, BACKLOG);
    const [, disableLine] = await actionsFor(session, diagnostics);
    await session.change(URI, 2, applyAction(BACKLOG, URI, disableLine));
    expect(await session.nextDiagnostics(URI)).toEqual({ uri: URI, version: 2, diagnostics: [] });
  });

  it('adds the rule to an existing eslint-disable-next-line comment', async () => {
    const session = await start();
    const text = BACKLOG.replace('    net.', '    // eslint-disable-next-line no-console -- legacy\n    net.');
    const { diagnostics } = await session.open(URI, text);
    const disableLine = (await actionsFor(session, diagnostics)).find((action) => action.title.endsWith('for this line'));
    expect(applyAction(text, URI, disableLine)).toBe(text.replace('no-console --', 'no-console, wirelint/no-small-listen-backlog --'));
  });

  it('uses versioned documentChanges when the client supports them', async () => {
    const session = await start({ capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } });
    const { diagnostics } = await session.open(URI, BACKLOG);
    const [suggestion] = await actionsFor(session, diagnostics);
    expect(suggestion?.edit).toEqual({
      documentChanges: [{ textDocument: { uri: URI, version: 1 }, edits: [{ range: { start: { line: 2, character: 61 }, end: { line: 2, character: 62 } }, newText: '511' }] }],
    });
  });

  it('gives no edit for a stale request (the document changed since the diagnostics)', async () => {
    const session = await start();
    const { diagnostics } = await session.open(URI, BACKLOG);
    // Version 2 is known to the server but its lint is still waiting for the debounce.
    await session.change(URI, 2, `\n${BACKLOG}`);
    expect(await actionsFor(session, diagnostics)).toEqual([]);
    const relinted = await session.nextDiagnostics(URI);
    expect(relinted.version).toBe(2);
    // Diagnostics of version 1 sent against version 2 match nothing either.
    expect(await actionsFor(session, diagnostics)).toEqual([]);
    expect((await actionsFor(session, relinted.diagnostics)).map((action) => action.title)).toContain('Raise the backlog to 511.');
  });

  it('offers no source.fixAll action when no reported problem has an autofix, and honours context.only', async () => {
    const session = await start();
    const { diagnostics } = await session.open(URI, BACKLOG);
    expect(await actionsFor(session, diagnostics, ['source.fixAll.wirelint'])).toEqual([]);
    expect(await actionsFor(session, diagnostics, ['refactor'])).toEqual([]);
    expect(await actionsFor(session, diagnostics, ['quickfix'])).toHaveLength(4);
  });

  it('asks the client to open the documentation', async () => {
    const session = await start({ capabilities: { window: { showDocument: { support: true } } } });
    await session.connection.sendRequest(ExecuteCommandRequest.type, { command: 'wirelint.showDocumentation', arguments: [DOCS] });
    expect(session.shownDocuments).toEqual([{ uri: DOCS, external: true }]);
  });

  it('shows the rule description and docs link on hover over a diagnostic, and nothing elsewhere', async () => {
    const session = await start();
    const { diagnostics } = await session.open(URI, BACKLOG);
    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 2, character: 61 } });
    expect(hover).toEqual({
      range: diagnostics[0]?.range,
      contents: {
        kind: 'markdown',
        value: `**wirelint/no-small-listen-backlog**: Disallow a \`listen()\` backlog below Node's default of 511, which only shrinks the accept queue\n\n[Documentation](${DOCS})`,
      },
    });
    expect(await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 0, character: 3 } })).toBeNull();
  });

  it('inserts {/* */} disable comments among JSX children, and // ones elsewhere in a .jsx file', async () => {
    const uri = 'file:///virtual/Status.jsx';
    const text = [
      "import net from 'node:net';",
      'export function Status() {',
      "  net.createServer((s) => s.end()).listen(8080, '0.0.0.0', 5);",
      '  return (',
      '    <div>',
      "      {net.createServer((s) => s.end()).listen(8081, '0.0.0.0', 5) && 'up'}",
      '    </div>',
      '  );',
      '}',
      '',
    ].join('\n');
    const session = await start();
    const { diagnostics } = await session.open(uri, text, 'javascriptreact');
    expect(diagnostics.map((d) => d.range.start.line)).toEqual([2, 5]);
    const disableLine = async (index: number) => {
      const diagnostic = diagnostics[index];
      if (diagnostic === undefined) throw new Error('no diagnostic');
      const result = await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      return ((result ?? []) as CodeAction[]).find((action) => action.title.endsWith('for this line'));
    };
    expect(applyAction(text, uri, await disableLine(0))).toBe(text.replace('  net.createServer', '  // eslint-disable-next-line wirelint/no-small-listen-backlog\n  net.createServer'));
    const jsx = applyAction(text, uri, await disableLine(1));
    expect(jsx).toBe(text.replace('      {net.', '      {/* eslint-disable-next-line wirelint/no-small-listen-backlog */}\n      {net.'));
    // The comment works: the re-lint has only the other problem left.
    await session.change(uri, 2, jsx);
    expect((await session.diagnosticsFor(uri, 2)).diagnostics.map((d) => d.range.start.line)).toEqual([2]);
  });
});
