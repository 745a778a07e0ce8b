import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { resolveCall } from '../../src/analysis/resolve';
import {
  applyDefaults,
  emptyEvaluation,
  evaluateOptions,
  formatMs,
  isOffValue,
  locateOptions,
  timeoutTargetOf,
} from '../../src/analysis/timeout-options';
import { valueUses } from '../../src/analysis/value-uses';
import { canAddNestedOption, nestedOptionText, optionPropertyText, optionsObjectText } from '../../src/fixes/add-nested-option';
import type { Host } from '../helpers/probe';
import { probeNodes, UNTYPED_HOSTS } from '../helpers/probe';

/** `callee: bound (via)` for every call the timeout model knows, as the rules evaluate it. */
function bounds(code: string, host: Host): string[] {
  return probeNodes(code, host, ['CallExpression', 'NewExpression'], (context, node) => {
    const call = node as TSESTree.CallExpression | TSESTree.NewExpression;
    const resolved = resolveCall(context, call);
    const target = resolved === undefined ? undefined : timeoutTargetOf(resolved);
    if (resolved === undefined || target === undefined) return undefined;
    const callee = context.sourceCode.getText(call.callee);
    const located = locateOptions(context, resolved, target);
    if (located.kind === 'unknown') return `${callee}: unknown`;
    const evaluation = evaluateOptions(context, located.objects, target.keys, emptyEvaluation());
    applyDefaults(context, located.objects, target, evaluation);
    const flags = [evaluation.unknown ? 'unknown' : '', evaluation.disabled ? 'disabled' : ''].filter(Boolean).join(' ');
    return `${callee}: ${evaluation.bound}${evaluation.via.length > 0 ? ` via ${evaluation.via.join(' and ')}` : ''}${flags === '' ? '' : ` [${flags}]`}`;
  });
}

describe('formatMs', () => {
  it('writes numbers the way the fixes do', () => {
    expect([30_000, 5000, 1500, 999, 1_234_567, 2.5].map(formatMs)).toEqual(['30_000', '5_000', '1_500', '999', '1_234_567', '2.5']);
  });
});

describe('isOffValue', () => {
  it('knows which values switch a timer off, per library', () => {
    expect(isOffValue(0, ['zero'])).toBe(true);
    expect(isOffValue(0, ['infinite'])).toBe(false);
    expect(isOffValue(false, ['false'])).toBe(true);
    expect(isOffValue(null, ['zero', 'infinite'])).toBe(false);
    expect(isOffValue(Infinity, ['infinite'])).toBe(true);
    // Node's timers cannot wait longer than 2^31 - 1 ms.
    expect(isOffValue(2 ** 31 - 1, ['infinite'])).toBe(true);
    expect(isOffValue(2 ** 31 - 2, ['infinite'])).toBe(false);
    expect(isOffValue(5000, ['zero', 'false', 'null', 'infinite'])).toBe(false);
  });
});

describe.each(UNTYPED_HOSTS)('the timeout model (%s)', (host) => {
  it('reads fetch inits: a signal is a deadline, an unknown init says nothing', () => {
    const code = `
      fetch(u);
      fetch(u, { signal: s });
      fetch(u, init);
      fetch(u, { ...base });
    `;
    expect(bounds(code, host)).toEqual(['fetch: none', 'fetch: deadline via `signal`', 'fetch: unknown', 'fetch: unknown']);
  });

  it('finds axios configs by method and reads 0 as "off"', () => {
    const code = `
      import axios from 'axios';
      axios.get(u, { timeout: 1000 });
      axios.post(u, body, { signal: s, timeout: 5 });
      axios(u, { timeout: 0 });
      axios({ url: u });
    `;
    expect(bounds(code, host)).toEqual([
      'axios.get: idle via `timeout`',
      'axios.post: deadline via `signal`',
      'axios: none [disabled]',
      'axios: none',
    ]);
  });

  it("models got's per-phase timeouts and ky's and undici's defaults", () => {
    const code = `
      import got from 'got';
      import ky from 'ky';
      import { request } from 'undici';
      got(u, { timeout: { connect: 1, response: 2 } });
      got(u, { timeout: { request: 1 } });
      ky.get(u);
      ky.get(u, { timeout: false });
      request(u);
      request(u, { headersTimeout: 0 });
    `;
    expect(bounds(code, host)).toEqual([
      'got: response via `timeout`',
      'got: deadline via `timeout`',
      "ky.get: deadline via ky's default 10 s timeout",
      'ky.get: none [disabled]',
      "request: idle via undici's default `headersTimeout` and `bodyTimeout` (300 s each)",
      "request: idle via undici's default `headersTimeout` and `bodyTimeout` (300 s each) [disabled]",
    ]);
  });

  it('tells URLs from options objects, and stays silent when it cannot', () => {
    const code = `
      import http from 'node:http';
      import Redis from 'ioredis';
      http.get('http://a', (res) => res.resume());
      http.get(\`http://\${host}/\`, { timeout: 1 }, cb);
      http.get('http://a', maybeOptions);
      http.get(target, cb);
      http.request({ host, timeout: 5 }, onResponse);
      new Redis(6379, 'cache', { commandTimeout: 1 });
      new Redis(process.env.REDIS_URL);
      new Redis(options);
    `;
    expect(bounds(code, host)).toEqual([
      'http.get: none',
      'http.get: idle via `timeout`',
      'http.get: unknown',
      'http.get: unknown',
      'http.request: idle via `timeout`',
      'Redis: deadline via `commandTimeout`',
      'Redis: none',
      'Redis: unknown',
    ]);
  });
});

describe.each(UNTYPED_HOSTS)('valueUses (%s)', (host) => {
  function uses(code: string): string[] {
    return probeNodes(code, host, ['CallExpression'], (context, node) => {
      const call = node as TSESTree.CallExpression;
      if (resolveCall(context, call)?.api?.id !== 'net.connect') return undefined;
      const result = valueUses(context, call, { chainable: (method) => method === 'on' || method === 'setTimeout' });
      return `${result.calls.map((use) => use.method).join(',')}${result.escapes ? ' (escapes)' : ''}`;
    });
  }

  it('follows chains and the variable that holds the value', () => {
    expect(uses(`import net from 'node:net'; const s = net.connect(1); s.setTimeout(5); s.on('x', f).setNoDelay(); s.remoteAddress;`)).toEqual([
      'setTimeout,on,setNoDelay',
    ]);
    expect(uses(`import net from 'node:net'; net.connect(1).on('error', f).setTimeout(5).end();`)).toEqual(['on,setTimeout,end']);
    expect(uses(`import net from 'node:net'; let s; s = net.connect(1); s.setTimeout(5);`)).toEqual(['setTimeout']);
  });

  it('treats handing the value on as an escape, but not to observers like events.once', () => {
    expect(
      uses(`
        import net from 'node:net';
        import { once } from 'node:events';
        function a() { return net.connect(1); }
        wrap(net.connect(2));
        this.socket = net.connect(3);
        export const s = net.connect(4);
        let t = net.connect(5); t = other;
        const u = net.connect(6); await once(u, 'connect');
      `),
    ).toEqual([' (escapes)', ' (escapes)', ' (escapes)', ' (escapes)', ' (escapes)', '']);
  });
});

describe.each(UNTYPED_HOSTS)('nested option fixes (%s)', (host) => {
  function texts(code: string, path: readonly string[]): string[] {
    return probeNodes(code, host, ['ObjectExpression'], (_context, node) => {
      const object = node as TSESTree.ObjectExpression;
      if (object.parent.type !== 'CallExpression') return undefined;
      return canAddNestedOption(object, path) ? (nestedOptionText(object, path, '30_000') ?? '?') : 'no fix';
    });
  }

  it('adds at the right depth and never duplicates a key', () => {
    expect(texts(`f({}); f({ retry: 2 }); f({ timeout: { connect: 1 } }); f({ timeout: { request: 1 } }); f({ timeout: t }); f({ ...o });`, ['timeout', 'request'])).toEqual([
      'timeout: { request: 30_000 }',
      'timeout: { request: 30_000 }',
      'request: 30_000',
      'no fix',
      'no fix',
      'no fix',
    ]);
    expect(optionsObjectText(['timeout', 'request'], '5_000')).toBe('{ timeout: { request: 5_000 } }');
    expect(optionPropertyText(['signal'], 'AbortSignal.timeout(5_000)')).toBe('signal: AbortSignal.timeout(5_000)');
  });
});
