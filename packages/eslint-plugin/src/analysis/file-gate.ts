import type { RuleContext } from '@typescript-eslint/utils/ts-eslint';

import type { ModuleId } from './modules';
import { moduleSpecifiers } from './modules';
import { getTypeServices } from './types';

type AnyContext = Readonly<RuleContext<string, readonly unknown[]>>;

/**
 * The libraries and globals a rule's subjects can come from. Without types, `resolve.ts` knows
 * a value only through an `import`, `require` or `import()` of a known module (a quoted
 * specifier in the text) or through a global (its name in the text), so a file whose text
 * names none of them cannot hold a subject: the rule can skip it whole, listeners and all.
 * Define a gate once, at module level (it is the cache key).
 */
export interface FileGate {
  readonly modules: readonly ModuleId[];
  readonly globals: readonly string[];
}

const patterns = new WeakMap<FileGate, RegExp>();
const answers = new WeakMap<object, Map<FileGate, boolean>>();

function patternOf(gate: FileGate): RegExp {
  let pattern = patterns.get(gate);
  if (pattern === undefined) {
    const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const specifiers = moduleSpecifiers(gate.modules).map(escape);
    const alternatives = gate.globals.map((name) => `\\b${escape(name)}\\b`);
    if (specifiers.length > 0) alternatives.push(`['"\`](?:${specifiers.join('|')})['"\`]`);
    // A gate with nothing to look for never matches.
    pattern = new RegExp(alternatives.length > 0 ? alternatives.join('|') : '(?!)');
    patterns.set(gate, pattern);
  }
  return pattern;
}

/**
 * Whether the rule must look at this file: always with type information (a value can arrive
 * typed from anywhere), otherwise only when its text names one of the gate's modules or
 * globals. A text search is far cheaper than the listeners it saves on the many files that
 * make no network calls; it errs only towards looking (a name in a comment opens the gate).
 */
export function mayReach(context: AnyContext, gate: FileGate): boolean {
  return getTypeServices(context) !== undefined || mentions(context, gate);
}

/** Whether the file's text names one of the gate's modules (quoted) or globals, types aside. */
export function mentions(context: AnyContext, gate: FileGate): boolean {
  const program = context.sourceCode.ast;
  let byGate = answers.get(program);
  if (byGate === undefined) {
    byGate = new Map();
    answers.set(program, byGate);
  }
  let answer = byGate.get(gate);
  if (answer === undefined) {
    answer = patternOf(gate).test(context.sourceCode.text);
    byGate.set(gate, answer);
  }
  return answer;
}
