import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterEach, describe, expect, it } from 'vitest';

import { start, stopAll } from './client';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'lsp-typed');
const folder = { uri: pathToFileURL(FIXTURE).href, name: 'lsp-typed' };
const uriOf = (relative: string) => pathToFileURL(path.join(FIXTURE, relative)).href;
const textOf = (relative: string) => readFileSync(path.join(FIXTURE, relative), 'utf8');

afterEach(stopAll);

describe('typeAware', () => {
  it('finds a response whose type comes from another file of the project, which untyped linting misses', async () => {
    const untyped = await start({ workspaceFolders: [folder] });
    const typed = await start({ workspaceFolders: [folder], initializationOptions: { typeAware: true } });
    expect((await untyped.open(uriOf('src/me.ts'), textOf('src/me.ts'), 'typescript')).diagnostics).toEqual([]);
    const { diagnostics } = await typed.open(uriOf('src/me.ts'), textOf('src/me.ts'), 'typescript');
    expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['wirelint/no-unconsumed-body', 5]]);

    // Kept warm: an edit is linted with types again (the new line shifts the report down).
    await typed.change(uriOf('src/me.ts'), 2, `// edited\n${textOf('src/me.ts')}`);
    expect((await typed.diagnosticsFor(uriOf('src/me.ts'), 2)).diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['wirelint/no-unconsumed-body', 6]]);
  });

  it('lints a file outside every tsconfig without types, and without a project-service error', async () => {
    const typed = await start({ workspaceFolders: [folder], initializationOptions: { typeAware: true } });
    const { diagnostics } = await typed.open(uriOf('scripts/outside.js'), textOf('scripts/outside.js'));
    expect(diagnostics.map((d) => d.code)).toEqual(['wirelint/no-small-listen-backlog']);
    const unsaved = await typed.open('untitled:Untitled-1', textOf('scripts/outside.js'), 'typescript');
    expect(unsaved.diagnostics.map((d) => d.code)).toEqual(['wirelint/no-small-listen-backlog']);
  });
});
