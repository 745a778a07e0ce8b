// The hand triage of `npm run sweep` findings: the file must stay well-formed for the sweep's
// precision figure to mean anything.
import * as path from 'node:path';

import { describe, expect, it } from 'vitest';

import { precision, readTriage, triageKey, VERDICTS } from '../../scripts/lib/triage.mjs';

const verdicts = readTriage(path.join(__dirname, 'triage.json'));

describe('test/corpus/triage.json', () => {
  it('has one verdict per finding, each with a reason', () => {
    expect(verdicts.length).toBeGreaterThan(0);
    expect(new Set(verdicts.map(triageKey)).size).toBe(verdicts.length);
    for (const verdict of verdicts) {
      expect(VERDICTS).toContain(verdict.verdict);
      expect(verdict.why.length, triageKey(verdict)).toBeGreaterThan(20);
      expect(verdict.line).toBeGreaterThan(0);
    }
  });

  it('computes precision over current findings only', () => {
    const [first, second] = verdicts;
    if (first === undefined || second === undefined) throw new Error('the triage needs at least two verdicts');
    const stranger = { package: 'x', version: '1.0.0', file: 'a.js', line: 1, rule: 'no-unconsumed-body' };
    const result = precision(verdicts, [first, stranger]);
    expect(result.untriaged).toEqual([triageKey(stranger)]);
    expect(result.resolved.map(triageKey)).toContain(triageKey(second));
    const counted = result.counts.true + result.counts['false alarm'] + result.counts.debatable;
    expect(counted).toBe(1);
  });
});
