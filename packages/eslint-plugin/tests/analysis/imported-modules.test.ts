import { describe, expect, it } from 'vitest';

import { importedModules } from '../../src/analysis/imported-modules';
import type { Host } from '../helpers/probe';
import { probeNodes } from '../helpers/probe';

const HOSTS: readonly Host[] = ['espree', 'typescript-eslint'];

function modules(code: string, host: Host): string[] {
  return probeNodes(code, host, ['Program'], (context) => [...importedModules(context.sourceCode.ast)].sort().join(' '));
}

describe.each(HOSTS)('importedModules (%s)', (host) => {
  it('collects top-level imports, re-exports and requires under their canonical ids', () => {
    const code = `
      import PQueue from 'p-queue';
      import * as http from 'node:http';
      export { request } from 'undici';
      const fastq = require('fastq');
      const { queue } = require('async');
      const Client = require('pg').native.Client;
      export const got = require('got').extend({});
      const local = require('./local');
      import 'left-pad';
    `;
    expect(modules(code, host)).toEqual(['async fastq got http p-queue pg undici']);
  });

  it('does not see requires inside functions', () => {
    expect(modules(`function f() { const q = require('fastq'); return q; } const x = y(require('axios'));`, host)).toEqual(['']);
  });
});
