import { describe, expect, it } from 'vitest';

import type { FileGate } from '../../src/analysis/file-gate';
import { mayReach } from '../../src/analysis/file-gate';
import { canonicalModule, moduleSpecifiers } from '../../src/analysis/modules';
import type { Host } from '../helpers/probe';
import { probeNodes, UNTYPED_HOSTS } from '../helpers/probe';

const RESPONSES: FileGate = { modules: ['https', 'undici', 'node-fetch'], globals: ['fetch'] };
const SERVERS: FileGate = { modules: ['ws'], globals: [] };
const NOTHING: FileGate = { modules: [], globals: [] };

function opens(code: string, host: Host, gate: FileGate): boolean {
  const [answer] = probeNodes(code, host, ['Program'], (context) => String(mayReach(context, gate)));
  return answer === 'true';
}

describe.each(UNTYPED_HOSTS)('mayReach without types (%s)', (host) => {
  it('opens for an import, a require or an import() of one of the modules, in any of their spellings', () => {
    expect(opens(`import * as https from 'node:https';`, host, RESPONSES)).toBe(true);
    expect(opens(`const { request } = require("undici");`, host, RESPONSES)).toBe(true);
    expect(opens('async function f() { const fetch = (await import(`cross-fetch`)).default; }', host, RESPONSES)).toBe(true);
    expect(opens(`function later() { return require('ws'); }`, host, SERVERS)).toBe(true);
  });

  it('opens for a global named in the code', () => {
    expect(opens(`export const get = (url) => fetch(url);`, host, RESPONSES)).toBe(true);
    expect(opens(`export const get = (url) => globalThis['fetch'](url);`, host, RESPONSES)).toBe(true);
  });

  it('stays shut when the file names none of them', () => {
    expect(opens(`import { fetcher } from './fetcher'; export const x = fetcher.prefetch();`, host, RESPONSES)).toBe(false);
    expect(opens(`import agent from 'https-proxy-agent'; import { Server } from 'ws';`, host, RESPONSES)).toBe(false);
    expect(opens(`import http from 'node:http'; const server = http.createServer();`, host, SERVERS)).toBe(false);
    expect(opens(`const anything = require('ws');`, host, NOTHING)).toBe(false);
  });

  it('errs towards looking: a name in a comment or string opens it', () => {
    expect(opens(`// call fetch() here one day\nexport {};`, host, RESPONSES)).toBe(true);
  });
});

describe('mayReach with types', () => {
  it('always opens: a value can arrive typed from another file', () => {
    expect(opens(`export function read(res: Response) { return res.ok; }`, 'typed', NOTHING)).toBe(true);
  });
});

describe('moduleSpecifiers', () => {
  it('lists every specifier of a module, node: forms and look-alike packages included', () => {
    expect(moduleSpecifiers(['http']).sort()).toEqual(['http', 'node:http']);
    expect(moduleSpecifiers(['node-fetch']).sort()).toEqual(['cross-fetch', 'isomorphic-fetch', 'node-fetch']);
    expect(moduleSpecifiers(['stream'])).toContain('node:stream/promises');
  });

  it('gives only specifiers that canonicalModule maps back to one of the modules', () => {
    const modules = ['http', 'https', 'undici', 'node-fetch', 'axios', 'got', 'ky', 'ws', 'net', 'tls', 'async', 'redis'] as const;
    for (const specifier of moduleSpecifiers(modules)) {
      expect(modules).toContain(canonicalModule(specifier)?.module);
    }
  });
});
