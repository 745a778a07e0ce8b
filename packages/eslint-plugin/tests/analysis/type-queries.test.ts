import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { resolveCall } from '../../src/analysis/resolve';
import { probeNodes } from '../helpers/probe';

/**
 * For every call in a typed program: what `resolveCall` made of it (catalog entry, or the kind of
 * its receiver) and whether resolving it asked the type checker for a type (the costly part).
 */
function typedCalls(code: string): string[] {
  let queries = 0;
  let restore: (() => void) | undefined;
  return probeNodes(code, 'typed', ['Program', 'CallExpression', 'Program:exit'], (context, node) => {
    if (node.type === 'Program') {
      // Entered once and left once: count the checker's queries in between only, as it is
      // shared with later tests.
      if (restore === undefined) restore = countTypeQueries(context.sourceCode.parserServices?.program, () => (queries += 1));
      else restore();
      return undefined;
    }
    const call = node as TSESTree.CallExpression;
    const before = queries;
    const resolved = resolveCall(context, call);
    const asked = queries > before ? 'asked the checker' : 'no type query';
    const what = resolved?.api?.id ?? (resolved?.receiver ? `${resolved.receiver.instance} receiver` : 'nothing');
    return `${context.sourceCode.getText(call.callee)} → ${what}, ${asked}`;
  });
}

/** Calls `count` on every `getTypeAtLocation` of the program's checker; returns the undo. */
function countTypeQueries(program: ts.Program | null | undefined, count: () => void): () => void {
  if (!program) throw new Error('the typed host has no program');
  const checker = program.getTypeChecker();
  const original = checker.getTypeAtLocation.bind(checker);
  checker.getTypeAtLocation = (location) => {
    count();
    return original(location);
  };
  return () => {
    checker.getTypeAtLocation = original;
  };
}

describe('type queries in typed mode', () => {
  it('asks the checker only for calls whose answer a rule can use', () => {
    const code = `
      import type { Server } from 'node:http';
      import type { Socket } from 'node:net';
      declare function makeList(): number[];
      declare function connect(): Socket;
      declare const server: Server;
      export function run(list: number[], res: Response, helper: { format(x: number): string }) {
        list.push(1);
        makeList().sort();
        helper.format(list.length);
        new Map<string, number>().get('a');
        server.listen(8080);
        connect().setTimeout(0);
        server.on('connection', () => undefined);
        res.clone();
      }
    `;
    expect(typedCalls(code)).toEqual([
      'list.push → nothing, no type query',
      'makeList().sort → nothing, no type query',
      'makeList → nothing, no type query',
      'helper.format → nothing, no type query',
      'new Map<string, number>().get → nothing, no type query',
      'server.listen → http-server receiver, asked the checker',
      'connect().setTimeout → socket receiver, asked the checker',
      'connect → nothing, no type query',
      'server.on → http-server receiver, asked the checker',
      'res.clone → response.clone, asked the checker',
    ]);
  });

  it('still types callees where the program declares a library with callable kinds', () => {
    const code = `
      import got from 'got';
      import type { Got } from 'got';
      declare const api: { http: Got; format(x: number): string };
      export function run() {
        api.http('https://example.com');
        api.http.get('https://example.com');
        api.format(1);
        return got;
      }
    `;
    expect(typedCalls(code)).toEqual([
      'api.http → got, asked the checker',
      'api.http.get → got.get, asked the checker',
      'api.format → nothing, asked the checker',
    ]);
  });
});
