import { describe, expect, it } from 'vitest';

import { handOff, isCapturedReference } from '../../src/analysis/ownership';
import { findVariable, isFunctionNode } from '../../src/analysis/syntax';
import type { Host } from '../helpers/probe';
import { probeNodes, UNTYPED_HOSTS } from '../helpers/probe';

/** `handOff` for every read of the variable `v`, in source order (`-` for "stays here"). */
function fates(host: Host, code: string, consumers: readonly string[] = []): string[] {
  return probeNodes(code, host, ['Identifier'], (context, node) => {
    if (node.type !== 'Identifier' || node.name !== 'v') return undefined;
    const { parent } = node;
    // Declarations and object keys are not reads of the value.
    if ((parent.type === 'VariableDeclarator' && parent.id === node) || (isFunctionNode(parent) && parent.params.includes(node))) return undefined;
    if (parent.type === 'Property' && parent.key === node && parent.value !== node) return undefined;
    return handOff(context, node, { consumers: new Set(consumers) }) ?? '-';
  });
}

describe.each(UNTYPED_HOSTS)('handOff (%s)', (host) => {
  it('hands the value on when it is returned, yielded, thrown or passed', () => {
    expect(fates(host, `function* f(v) { yield v; } async function g(v) { return await v; } const h = (v) => v; function k(v) { throw v; }`)).toEqual([
      'yielded',
      'returned',
      'returned',
      'thrown',
    ]);
    expect(fates(host, `function f(v) { handle(v); new Wrapper(v); resolve(v); cache.set('k', v); tag\`\${v}\`; }`)).toEqual([
      'argument',
      'argument',
      'argument',
      'argument',
      'argument',
    ]);
  });

  it('hands the value on when it is stored, collected or aliased', () => {
    expect(fates(host, `let last; function f(v) { this.x = v; last = v; const other = v; const list = [v]; const o = { v }; const p = { key: v, ...v }; }`)).toEqual([
      'stored',
      'aliased',
      'aliased',
      'collected',
      'collected',
      'collected',
      'collected',
    ]);
    expect(fates(host, `function f(v) { for (const x of v) {} return ok ? v : null; }`)).toEqual(['iterated', 'returned']);
  });

  it('keeps the value here when it is only looked at', () => {
    expect(fates(host, `function f(v) { v; v.status; if (v) {} if (!v) {} v === null; typeof v; \`\${v}\`; void v; }`)).toEqual(['-', '-', '-', '-', '-', '-', '-', '-']);
  });

  it('knows library functions that only look at a value', () => {
    const code = `
      import assert from 'node:assert';
      function f(v) { console.log(v); JSON.stringify(v); String(v); Object.keys(v); Array.isArray(v); assert(v); assert.ok(v); expect(v).toBe(1); }
    `;
    expect(fates(host, code)).toEqual(['-', '-', '-', '-', '-', '-', '-', '-']);
  });

  it('does not trust a shadowed name', () => {
    expect(fates(host, `function f(v, console, String) { console.log(v); String(v); }`)).toEqual(['argument', 'argument']);
    expect(fates(host, `import assert from './my-assert.js'; export function f(v) { assert(v); }`)).toEqual(['argument']);
  });

  it('treats a plain call used as a condition as a predicate, an awaited one as a hand-off', () => {
    expect(fates(host, `async function f(v) { if (isOk(v)) {} if (!isOk(v) && x) {} if (await isOk(v)) {} const ok = isOk(v); }`)).toEqual(['-', '-', 'argument', 'argument']);
  });

  it('counts calls of configured consumers, by name or last member', () => {
    expect(fates(host, `function f(v) { if (!assertOk(v)) {} this.http.assertOk(v); other(v); }`, ['assertOk'])).toEqual(['consumer', 'consumer', 'argument']);
  });
});

describe.each(UNTYPED_HOSTS)('isCapturedReference (%s)', (host) => {
  it('tells references inside nested functions', () => {
    const code = `function f() { const v = 1; use(v); setTimeout(() => use(v)); } const w = 2; use(w);`;
    const found = probeNodes(code, host, ['Identifier'], (context, node) => {
      if (node.type !== 'Identifier' || (node.name !== 'v' && node.name !== 'w') || node.parent.type === 'VariableDeclarator') return undefined;
      const variable = findVariable(context.sourceCode.getScope(node), node);
      return variable === undefined ? undefined : `${node.name}: ${String(isCapturedReference(variable, node))}`;
    });
    expect(found).toEqual(['v: false', 'v: true', 'w: false']);
  });
});
