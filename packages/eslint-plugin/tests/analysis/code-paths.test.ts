import * as path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import type { CodePathSegment, RuleListener } from '@typescript-eslint/utils/ts-eslint';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import type { FunctionPaths, PathPoint } from '../../src/analysis/code-paths';
import { CodePathTracker, conditionsLeadingTo, describeConditions, exitKeyword, mergeListeners } from '../../src/analysis/code-paths';
import type { Host } from '../helpers/probe';
import { FIXTURES, probeNodes, UNTYPED_HOSTS } from '../helpers/probe';

interface Harness {
  followImplicitThrows?: boolean;
  /** Deliver the start events of segments that start at the same node in reverse order. */
  reverseSegmentOrder?: boolean;
}

/**
 * Lints `code` with a rule built on `CodePathTracker`: `start()` makes the subject of its
 * function, `read()` passes it, `if (guard)` guards its consequent. Returns the leaking exits
 * of each function as `keyword@line` (`end` for a path without an exit).
 */
function leaks(code: string, harness: Harness = {}): string[] {
  const found: string[] = [];
  const rule = {
    meta: { type: 'problem' as const, schema: [] },
    create(): RuleListener {
      const starts = new Map<FunctionPaths, { subject: object; point: PathPoint }>();
      const tracker = new CodePathTracker({
        onEnd(paths) {
          const start = starts.get(paths);
          if (start === undefined) return;
          const exits = paths.leakingExits(start.subject, start.point, { followImplicitThrows: harness.followImplicitThrows === true });
          for (const exit of exits) found.push(exit === undefined ? 'end' : `${exitKeyword(exit)}@${String(exit.loc.start.line)}`);
        },
      });
      const own: RuleListener = {
        CallExpression(node) {
          const paths = tracker.current();
          if (paths === undefined || node.callee.type !== 'Identifier') return;
          if (node.callee.name === 'start') {
            const subject = starts.get(paths)?.subject ?? {};
            starts.set(paths, { subject, point: paths.mark(subject, 'restart') });
          }
          const subject = starts.get(paths)?.subject;
          if (node.callee.name === 'read' && subject !== undefined) paths.mark(subject, 'pass');
        },
        IfStatement(node) {
          const paths = tracker.current();
          const subject = paths === undefined ? undefined : starts.get(paths)?.subject;
          if (paths !== undefined && subject !== undefined && node.test.type === 'Identifier' && node.test.name === 'guard') {
            paths.guardBranch(subject, node.consequent, true);
          }
        },
      };
      const listeners = mergeListeners(tracker.listeners, own);
      return harness.reverseSegmentOrder === true ? reversingStarts(listeners) : listeners;
    },
  };
  const linter = new Linter({ cwd: FIXTURES });
  const messages = linter.verify(
    code,
    [{ files: ['**/*.js'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' }, plugins: { t: { rules: { r: rule as never } } }, rules: { 't/r': 'error' } }],
    { filename: path.join(FIXTURES, 'file.js') },
  );
  const fatal = messages.find((message) => message.fatal === true || message.ruleId === null);
  if (fatal) throw new Error(fatal.message);
  return found.sort();
}

type Handler = (...args: unknown[]) => void;

/**
 * Buffers `onCodePathSegmentStart` events and replays those of one node in reverse order
 * before anything else happens, as a host that starts a finalizer's copies the other way
 * round would.
 */
function reversingStarts(listeners: RuleListener): RuleListener {
  const table = listeners as Record<string, Handler | undefined>;
  const start = table.onCodePathSegmentStart;
  let buffered: [CodePathSegment, TSESTree.Node][] = [];
  const flush = (): void => {
    const events = buffered.reverse();
    buffered = [];
    for (const event of events) start?.(...event);
  };
  const wrapped: Record<string, Handler> = {};
  for (const [key, handler] of Object.entries(table)) {
    if (handler === undefined) continue;
    wrapped[key] = (...args: unknown[]): void => {
      flush();
      handler(...args);
    };
  }
  wrapped.onCodePathSegmentStart = (segment: unknown, node: unknown): void => {
    const last = buffered.at(-1);
    if (last !== undefined && last[1] !== node) flush();
    buffered.push([segment as CodePathSegment, node as TSESTree.Node]);
  };
  wrapped['*'] = flush;
  wrapped.onCodePathEnd = (codePath: unknown, node: unknown): void => {
    flush();
    table.onCodePathEnd?.(codePath, node);
  };
  return wrapped;
}

describe('FunctionPaths.leakingExits', () => {
  it('finds the exit a path takes before the subject is passed', () => {
    expect(leaks(`function f() { start(); if (a) return; read(); }`)).toEqual(['return@1']);
    expect(leaks(`function f() { start(); if (a) { read(); return; } read(); }`)).toEqual([]);
  });

  it('reports a path that falls off the end as `end`', () => {
    expect(leaks(`function f() { start(); if (a) { read(); } }`)).toEqual(['end']);
  });

  it('follows each exit once, with the first exit of its path', () => {
    expect(leaks(`function f() {\n start();\n if (a) throw e;\n if (b) return;\n read();\n}`)).toEqual(['return@4', 'throw@3']);
  });

  it('runs `finally` blocks: a release there covers every exit', () => {
    expect(leaks(`function f() { start(); try { if (a) return; read(); } finally { cleanup(); } }`)).toEqual(['return@1']);
    expect(leaks(`function f() { start(); try { if (a) return; other(); } finally { read(); } }`)).toEqual([]);
  });

  it('does not follow exceptions the code does not throw itself, unless asked', () => {
    const code = `function f() { start(); try { call(); } catch (e) { return; } read(); }`;
    expect(leaks(code)).toEqual([]);
    expect(leaks(code, { followImplicitThrows: true })).toEqual(['return@1']);
    expect(leaks(`function f() { start(); try { call(); } finally { cleanup(); } read(); }`, { followImplicitThrows: true })).toEqual(['end']);
  });

  it('follows a throw into its catch block', () => {
    expect(leaks(`function f() { start(); try { if (a) throw e; read(); } catch (e) { return; } }`)).toEqual(['throw@1']);
    expect(leaks(`function f() { start(); try { if (a) throw e; read(); } catch (e) { read(); } }`)).toEqual([]);
  });

  it('reports a loop that makes the subject again before passing it', () => {
    expect(leaks(`function f(xs) { for (const x of xs) { start(); if (a) continue; read(); } }`)).toEqual(['continue@1']);
    expect(leaks(`function f() { while (a) { start(); if (b) break; read(); } }`)).toEqual(['break@1']);
  });

  it('skips guarded branches', () => {
    expect(leaks(`function f() { start(); if (guard) return; read(); }`)).toEqual([]);
    expect(leaks(`function f() { start(); if (other) return; read(); }`)).toEqual(['return@1']);
  });

  it('keeps functions apart: a nested function has its own paths', () => {
    expect(leaks(`function f() { start(); const g = () => { if (a) return; }; read(); }`)).toEqual([]);
  });

  it('does not depend on the order in which a finalizer\u2019s copies start', () => {
    const cases = [
      `function f() { start(); try { if (a) return; read(); } finally { cleanup(); } }`,
      `function f() { start(); try { if (a) return; other(); } finally { read(); } }`,
      `function f() { start(); try { call(); } finally { if (b) { cleanup(); } } read(); }`,
      `function f() { start(); try { if (a) throw e; } finally { cleanup(); } read(); }`,
    ];
    for (const code of cases) {
      expect(leaks(code, { reverseSegmentOrder: true }), code).toEqual(leaks(code));
      expect(leaks(code, { reverseSegmentOrder: true, followImplicitThrows: true }), code).toEqual(leaks(code, { followImplicitThrows: true }));
    }
  });
});

describe('mergeListeners', () => {
  it('runs handlers of the same key in order', () => {
    const calls: string[] = [];
    const merged = mergeListeners({ Identifier: () => calls.push('a') }, { Identifier: () => calls.push('b'), Literal: () => calls.push('c') }) as Record<string, () => void>;
    merged.Identifier?.();
    merged.Literal?.();
    expect(calls).toEqual(['a', 'b', 'c']);
  });
});

/** `exit: conditions` for every `return` and `throw`, with conditions counted after the `boundary()` statement. */
function conditions(host: Host, code: string): string[] {
  return probeNodes(code, host, ['ReturnStatement', 'ThrowStatement'], (context, node) => {
    let boundary: TSESTree.Node | undefined;
    for (let parent = node.parent; parent && boundary === undefined; parent = parent.parent) {
      if (parent.type === 'BlockStatement') {
        boundary = parent.body.find((statement) => statement.type === 'ExpressionStatement' && context.sourceCode.getText(statement) === 'boundary();');
      }
    }
    return `${context.sourceCode.getText(node)} ${describeConditions(context.sourceCode, conditionsLeadingTo(node, boundary)) ?? '-'}`;
  });
}

describe.each(UNTYPED_HOSTS)('conditionsLeadingTo and describeConditions (%s)', (host) => {
  it('names the test of an if, negated in the else branch', () => {
    expect(conditions(host, `function f() { if (!res.ok) throw e; if (res.ok) { return 1; } else { return 2; } }`)).toEqual([
      'throw e; when `!res.ok`',
      'return 1; when `res.ok`',
      'return 2; when `!res.ok`',
    ]);
    expect(probeNodes(`function f() { if (a === b) return; }`, host, ['ReturnStatement'], (context, node) => describeConditions(context.sourceCode, conditionsLeadingTo(node)))).toEqual([
      'when `a === b`',
    ]);
  });

  it('negates comparisons by their operator and other tests with `!`', () => {
    expect(conditions(host, `function f() { if (s < 400) { x(); } else { return 1; } if (s !== 204) {} else { return 2; } if (a || b) {} else { return 3; } }`)).toEqual([
      'return 1; when `s >= 400`',
      'return 2; when `s === 204`',
      'return 3; when `!(a || b)`',
    ]);
  });

  it('names switch cases, the default case and catch blocks', () => {
    expect(conditions(host, `function f() { switch (res.status) { case 404: return 1; default: return 2; } }`)).toEqual([
      'return 1; when `res.status === 404`',
      'return 2; in the `default` case',
    ]);
    expect(conditions(host, `function f() { try { g(); } catch (error) { if (retry) return 1; throw error; } }`)).toEqual([
      'return 1; in `catch (error)` when `retry`',
      'throw error; in `catch (error)` when `!retry`',
    ]);
  });

  it('joins the two innermost conditions and skips those around the boundary', () => {
    expect(conditions(host, `function f() { if (outer) { boundary(); if (a) { if (b || c) { if (d) return; } } } }`)).toEqual(['return; when `(b || c) && d`']);
  });

  it('uses an earlier if whose branch always leaves', () => {
    expect(conditions(host, `function f() { boundary(); if (res.ok) return res.json(); throw e; }`)).toEqual(['return res.json(); when `res.ok`', 'throw e; when `!res.ok`']);
    expect(conditions(host, `function f() { if (res.ok) return 1; boundary(); throw e; }`)).toEqual(['return 1; when `res.ok`', 'throw e; -']);
  });

  it('names the left side of && and || for the right side', () => {
    expect(conditions(host, `function f() { return a && (() => { return 1; })(); }`)).toEqual(['return a && (() => { return 1; })(); -', 'return 1; -']);
    expect(conditions(host, `function f() { return ok ? read() : null; }`)).toEqual(['return ok ? read() : null; -']);
  });

  it('gives up on text too long for a message', () => {
    const long = 'a'.repeat(100);
    expect(conditions(host, `function f() { if (${long}) return; }`)).toEqual(['return; -']);
  });
});
