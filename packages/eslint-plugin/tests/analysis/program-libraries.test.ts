import { describe, expect, it } from 'vitest';

import { programHasLibrary } from '../../src/analysis/types';
import { probeNodes, UNTYPED_HOSTS } from '../helpers/probe';

function has(code: string, host: 'espree' | 'typescript-eslint' | 'typed', library: string): boolean {
  const [answer] = probeNodes(code, host, ['Program'], (context) => String(programHasLibrary(context, library)));
  return answer === 'true';
}

describe('programHasLibrary', () => {
  it('sees the declarations a typed program loaded, by library', () => {
    const code = `import got from 'got'; export const client = got;`;
    expect(has(code, 'typed', 'got')).toBe(true);
    expect(has(code, 'typed', 'node:http')).toBe(true);
    expect(has(code, 'typed', 'ky')).toBe(false);
  });

  it.each(UNTYPED_HOSTS)('is false without a program (%s)', (host) => {
    expect(has(`import got from 'got'; export const client = got;`, host, 'got')).toBe(false);
  });
});
