import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { enclosingLoop, repeatedContext } from '../../src/analysis/loops';
import type { Host } from '../helpers/probe';
import { probeNodes } from '../helpers/probe';

const HOSTS: readonly Host[] = ['espree', 'typescript-eslint'];

/** `argument: context` for every call of `mark(…)` in the code. */
function contexts(code: string, host: Host): string[] {
  return probeNodes(code, host, ['CallExpression'], (context, node) => {
    const call = node as TSESTree.CallExpression;
    if (call.callee.type !== 'Identifier' || call.callee.name !== 'mark') return undefined;
    const label = context.sourceCode.getText(call.arguments[0]);
    const repeated = repeatedContext(call);
    if (repeated === undefined) return `${label}: once`;
    if (repeated.kind === 'loop') return `${label}: loop ${repeated.loop.type}`;
    if (repeated.kind === 'data-listener') return `${label}: data listener of ${context.sourceCode.getText(repeated.emitter)}`;
    return `${label}: iteration ${context.sourceCode.getText(repeated.call.callee)}`;
  });
}

describe.each(HOSTS)('repeatedContext (%s)', (host) => {
  it('finds loop bodies, tests and updates, but not the parts that run once', () => {
    const code = `
      for (let i = mark(1); mark(2); mark(3)) mark(4);
      for (const x of mark(5)) mark(6);
      for await (const x of src) { mark(7); }
      for (const k in mark(8)) { if (k) { mark(9); } }
      while (mark(10)) mark(11);
      do { mark(12); } while (mark(13));
      mark(14);
    `;
    expect(contexts(code, host)).toEqual([
      '1: once',
      '2: loop ForStatement',
      '3: loop ForStatement',
      '4: loop ForStatement',
      '5: once',
      '6: loop ForOfStatement',
      '7: loop ForOfStatement',
      '8: once',
      '9: loop ForInStatement',
      '10: loop WhileStatement',
      '11: loop WhileStatement',
      '12: loop DoWhileStatement',
      '13: loop DoWhileStatement',
      '14: once',
    ]);
  });

  it('does not cross function boundaries: a callback made in a loop runs when it is called', () => {
    const code = `
      for (const x of xs) { handlers.push(() => mark(1)); setTimeout(function () { mark(2); }); }
      class C { m() { for (;;) { mark(3); } } static { while (a) mark(4); } }
    `;
    expect(contexts(code, host)).toEqual(['1: once', '2: once', '3: loop ForStatement', '4: loop WhileStatement']);
  });

  it("recognises 'data' listeners (not once) and iteration callbacks", () => {
    const code = `
      src.on('data', (chunk) => mark(1));
      src.addListener('data', function (chunk) { mark(2); });
      src.once('data', () => mark(3));
      src.on('end', () => mark(4));
      src.on(event, () => mark(5));
      xs.forEach((x) => mark(6));
      xs.map(function (x) { return mark(7); });
      xs.filter((x) => mark(8));
      xs['forEach']((x) => { mark(9); });
    `;
    expect(contexts(code, host)).toEqual([
      '1: data listener of src',
      '2: data listener of src',
      '3: once',
      '4: once',
      '5: once',
      '6: iteration xs.forEach',
      '7: iteration xs.map',
      '8: once',
      "9: iteration xs['forEach']",
    ]);
  });

  it('prefers the nearest loop over the listener around it', () => {
    const code = `src.on('data', (chunk) => { for (const line of chunk) mark(1); mark(2); });`;
    expect(contexts(code, host)).toEqual(['1: loop ForOfStatement', '2: data listener of src']);
  });
});

describe('enclosingLoop', () => {
  it('is undefined at the top level and in a class field initialiser', () => {
    const found = probeNodes(`mark(1); for (;;) { class A { f = mark(2); } }`, 'typescript-eslint', ['CallExpression'], (_context, node) => {
      const call = node as TSESTree.CallExpression;
      return call.callee.type === 'Identifier' ? String(enclosingLoop(call)?.type) : undefined;
    });
    expect(found).toEqual(['undefined', 'undefined']);
  });
});
