import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { forEachDescendant, someDescendant } from '../../src/analysis/descendants';
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
