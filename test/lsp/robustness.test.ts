import { afterEach, describe, expect, it } from 'vitest';

import { delay, start, stopAll } from './client';

const URI = 'file:///virtual/storm.js';
const BUGGY = "const net = require('node:net');\nnet.createServer((s) => s.end()).listen(8080, '0.0.0.0', 5);\n";

afterEach(stopAll);

describe('robustness', () => {
  it('skips a file over maxFileSizeKb with one information diagnostic', async () => {
    const session = await start({ initializationOptions: { maxFileSizeKb: 1 } });
    const big = `${BUGGY}${'// padding\n'.repeat(200)}`;
    expect((await session.open(URI, big)).diagnostics).toEqual([
      {
        source: 'wirelint',
        severity: 3,
        message: 'wirelint skipped this file: it is 3 KiB, over the wirelint.maxFileSizeKb limit of 1 KiB.',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      },
    ]);
    await session.change(URI, 2, BUGGY);
    expect((await session.nextDiagnostics(URI)).diagnostics.map((d) => d.code)).toEqual(['wirelint/no-small-listen-backlog']);
  });

  it('survives an edit storm and ends with diagnostics for the latest version only', async () => {
    const session = await start();
    await session.open(URI, BUGGY);
    const changes = 400;
    for (let version = 2; version <= changes; version++) {
      // Even versions are clean, odd ones buggy: the last (400) is clean.
      void session.change(URI, version, version % 2 === 0 ? BUGGY.replace(", '0.0.0.0', 5", '') : BUGGY);
    }
    expect(await session.diagnosticsFor(URI, changes)).toEqual({ uri: URI, version: changes, diagnostics: [] });
    await delay(500);
    const versions = session.published.filter((params) => params.uri === URI).map((params) => params.version);
    // Debounced (normally one lint for the whole storm), never out of order, and the latest version last.
    expect(versions.length).toBeLessThan(10);
    expect(versions).toEqual([...versions].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(versions.at(-1)).toBe(changes);
  });
});
