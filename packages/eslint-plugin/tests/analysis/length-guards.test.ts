import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { isBoundingLengthRead, variableHasLengthBound } from '../../src/analysis/length-guards';
import { findVariable } from '../../src/analysis/syntax';
import type { Host } from '../helpers/probe';
import { probeNodes } from '../helpers/probe';

const HOSTS: readonly Host[] = ['espree', 'typescript-eslint'];

/** The text of every expression statement and whether the `.length` read in it is a bound. */
function bounds(code: string, host: Host): string[] {
  return probeNodes(code, host, ['MemberExpression'], (context, node) => {
    const member = node as TSESTree.MemberExpression;
    if (member.property.type !== 'Identifier' || member.property.name !== 'length') return undefined;
    let statement: TSESTree.Node = member;
    while (statement.parent !== undefined && statement.type !== 'ExpressionStatement') statement = statement.parent;
    return `${context.sourceCode.getText(statement)} → ${String(isBoundingLengthRead(context, member))}`;
  });
}

describe.each(HOSTS)('isBoundingLengthRead (%s)', (host) => {
  it('accepts comparisons against a limit, on either side, and trimming by a limit', () => {
    const code = `
      const MAX = 100;
      q.length >= MAX;
      LIMIT < q.length;
      q.length === max;
      q.length > 2;
      q.length - MAX;
    `;
    expect(bounds(code, host).map((line) => line.endsWith('true'))).toEqual([true, true, true, true, true]);
  });

  it('rejects emptiness checks and other reads', () => {
    const code = `
      const ONE = 1;
      q.length > 0;
      q.length === 0;
      0 < q.length;
      q.length >= ONE;
      !q.length;
      q[q.length - 1];
      MAX - q.length;
      f(q.length);
      q.length + 5;
    `;
    expect(bounds(code, host).map((line) => line.endsWith('false'))).toEqual([true, true, true, true, true, true, true, true, true]);
  });
});

describe.each(HOSTS)('variableHasLengthBound (%s)', (host) => {
  function hasBound(code: string): string[] {
    return probeNodes(code, host, ['CallExpression'], (context, node) => {
      const call = node as TSESTree.CallExpression;
      if (call.callee.type !== 'Identifier' || call.callee.name !== 'probe' || call.arguments[0]?.type !== 'Identifier') return undefined;
      const variable = findVariable(context.sourceCode.getScope(call), call.arguments[0]);
      return variable === undefined ? 'unknown' : String(variableHasLengthBound(context, variable));
    });
  }

  it('finds a bound anywhere the variable is used, and only on that variable', () => {
    expect(hasBound(`const q = []; function add(x) { if (q.length >= 10) return; q.push(x); } probe(q);`)).toEqual(['true']);
    expect(hasBound(`const q = []; const r = []; function add(x) { if (r.length >= 10) return; q.push(x); } probe(q);`)).toEqual(['false']);
    expect(hasBound(`const q = []; function add(x) { if (q.length === 0) kick(); q.push(x); } probe(q);`)).toEqual(['false']);
  });
});
