import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { forEachDescendant, mentionsName, someDescendant } from '../../src/analysis/descendants';
import type { Host } from '../helpers/probe';
import { probeNodes } from '../helpers/probe';

const HOSTS: readonly Host[] = ['espree', 'typescript-eslint'];

describe.each(HOSTS)('descendants (%s)', (host) => {
  it('walks in source order with the parser visitor keys, and can skip or stop', () => {
    const found = probeNodes(`function f(a) { g(a, () => h(b)); i(c); }`, host, ['FunctionDeclaration'], (context, node) => {
      const names: string[] = [];
      forEachDescendant(context.sourceCode, node, (inner) => {
        if (inner.type === 'ArrowFunctionExpression') return 'skip';
        if (inner.type === 'Identifier') names.push(inner.name);
        return inner.type === 'Identifier' && inner.name === 'i' ? 'stop' : undefined;
      });
      return names.join(' ');
    });
    expect(found).toEqual(['f a g a i']);
  });

  it('looks below the root only, entering nested functions on request', () => {
    const found = probeNodes(`function f() { return () => await1(); }`, host, ['FunctionDeclaration'], (context, node) => {
      const isCall = (inner: TSESTree.Node): boolean => inner.type === 'CallExpression';
      const self = someDescendant(context.sourceCode, node, (inner) => inner === node, { enterFunctions: true });
      return [self, someDescendant(context.sourceCode, node, isCall, { enterFunctions: false }), someDescendant(context.sourceCode, node, isCall, { enterFunctions: true })].join(' ');
    });
    expect(found).toEqual(['false false true']);
  });
});

/** Runs `probe` on every top-level statement of `code` and returns what it says. */
function perStatement(code: string, host: Host, probe: (statement: TSESTree.Node, sourceCode: Parameters<typeof mentionsName>[0]) => string): string[] {
  return probeNodes(code, host, ['Program'], (context, node) =>
    (node as TSESTree.Program).body.map((statement) => probe(statement, context.sourceCode)).join(' | '),
  );
}

describe.each(HOSTS)('mentionsName (%s)', (host) => {
  it('sees variables, not property names or keys', () => {
    const code = [
      `x.y = 1;`, // x: yes; y is a property name
      `o.x = 1;`, // x: no
      `o[x] = 1;`, // x: yes (computed)
      `({ x: 1 });`, // x: no (a key)
      `({ x });`, // x: yes (shorthand reads x)
      `f(x);`, // x: yes
      `class C { x = 1; x() {} }`, // x: no (member names)
    ].join('\n');
    const [result] = perStatement(code, host, (statement, sourceCode) => String(mentionsName(sourceCode, statement, 'x')));
    expect(result).toBe('true | false | true | false | true | true | false');
  });
});

describe('mentionsName (TypeScript)', () => {
  it('skips type annotations and sees through TS expressions', () => {
    const check = (code: string): string | undefined =>
      perStatement(code, 'typescript-eslint', (statement, sourceCode) => String(mentionsName(sourceCode, statement, 'x')))[0];
    expect(check(`let v: x = (x as T)!;`)).toBe('true');
    expect(check(`let v: x = 1;`)).toBe('false');
    expect(check(`let v = y as x;`)).toBe('false');
  });
});
