import type { TSESTree } from '@typescript-eslint/utils';
import type { CodePath, CodePathSegment, RuleListener, SourceCode } from '@typescript-eslint/utils/ts-eslint';

import { isFunctionNode } from './syntax';

/**
 * Path questions over ESLint's code-path analysis: "from here, which exits of this function
 * can run before one of these points is passed?". A rule feeds a `CodePathTracker` the
 * code-path events (spread `tracker.listeners` into its own listener object), marks the
 * points it cares about while the traversal visits them (`paths.mark(subject, 'pass')` for
 * "the value was read here"), and asks `leakingExits` when the function's code path ends.
 *
 * Model and assumptions (ESLint 9/10 and hosts that reproduce its code-path events, such as
 * oxlint's JS plugins):
 * - A point belongs to every segment that is current when it is marked: ESLint fires
 *   `onCodePathSegmentStart` for a node before the node's own listeners, so a mark made in a
 *   node listener lands in the segments that evaluate that node.
 * - Exceptions that code does not throw itself ("any call may throw") are not paths unless
 *   asked for (`followImplicitThrows`). Such edges are recognised as the edges of a segment
 *   with no `throw`/`return`/`break`/`continue` of its own into a `catch` entry, or into the
 *   copy of a `finally` block that only abrupt completions reach.
 * - ESLint traverses a `finally` block once with two parallel segments (the copy for normal
 *   completion and the copy for leaving by `return`/`throw`). Which copy is which is not
 *   read from the order the segments start in: the normal copy is the one that leads, inside
 *   the finalizer, to the segments current when the `try` statement is left
 *   (`TryStatement:exit`, where the leaving copy has already ended). When that cannot be
 *   told (a host that does not fire `TryStatement:exit` after the finalizer), every copy is
 *   taken as abrupt: paths are lost (fewer reports), never invented.
 * - `break`/`continue` out of a `try` with a `finally` follow ESLint's edges (which do not
 *   run the finalizer first).
 */

export type ExitStatement = TSESTree.ReturnStatement | TSESTree.ThrowStatement | TSESTree.BreakStatement | TSESTree.ContinueStatement;

/** A position in a function: the segments current at some point of the traversal, and when. */
export interface PathPoint {
  readonly segments: readonly CodePathSegment[];
  /** Traversal order of the point; marks and exits in the same segments count only after it. */
  readonly seq: number;
}

/**
 * What a mark means for its subject: `pass` ends the question well on that path (the body
 * was read); `restart` means the subject is made again here, so arriving at it means the
 * previous one was dropped (a loop that fetches again before reading).
 */
export type MarkKind = 'pass' | 'restart';

interface Mark {
  seq: number;
  subject: object;
  kind: MarkKind;
}

interface Guard {
  subject: object;
  /** The id of the segment the branch starts with. */
  branch: string;
  /** Block the edge into the branch (true) or every other edge out of the segment (false). */
  blockTaken: boolean;
}

interface PendingGuard {
  subject: object;
  blockTaken: boolean;
  from: readonly CodePathSegment[] | undefined;
}

interface Finalizer {
  /** Segments that start at the finalizer block (its copies). */
  starts: CodePathSegment[];
  /** Every segment that starts inside the finalizer. */
  inside: Set<CodePathSegment>;
  /** Segments current when the `try` statement was left, or undefined before that. */
  continuation: CodePathSegment[] | undefined;
}

const MAX_STEPS = 20_000;

/** The code path of one function, class field initialiser, static block or program. */
export class FunctionPaths {
  /** Segments current at this point of the traversal (reachable and unreachable ones). */
  current: CodePathSegment[] = [];
  private readonly marks = new Map<CodePathSegment, Mark[]>();
  private readonly exits = new Map<CodePathSegment, { seq: number; node: ExitStatement }[]>();
  private readonly guards = new Map<CodePathSegment, Guard[]>();
  private readonly pendingGuards = new Map<TSESTree.Node, PendingGuard[]>();
  private readonly catchEntries = new Set<CodePathSegment>();
  private readonly finalizers = new Map<TSESTree.BlockStatement, Finalizer>();
  private abruptCache: Set<CodePathSegment> | undefined;

  constructor(
    readonly node: TSESTree.Node,
    readonly codePath: CodePath,
    private readonly clock: { seq: number },
  ) {}

  /** The current position. */
  here(): PathPoint {
    return { segments: [...this.current], seq: this.clock.seq };
  }

  /** The function's entry, before any of its code (for parameters). */
  entry(): PathPoint {
    return { segments: [this.codePath.initialSegment], seq: -1 };
  }

  /**
   * Records that `subject` is passed (`pass`) or made again (`restart`) at the current
   * position, and returns the point right after the mark (where a question about a value
   * made here starts: its own `restart` mark is then behind it).
   */
  mark(subject: object, kind: MarkKind): PathPoint {
    const seq = this.tick();
    for (const segment of this.current) push(this.marks, segment, { seq, subject, kind });
    return { segments: [...this.current], seq };
  }

  /**
   * Says that, for `subject`, the branch starting at `branchStart` (the first node the branch
   * evaluates: an `if` consequent, the first statement of a `case`) needs no `pass`:
   * `blockTaken` blocks the edge into the branch, otherwise every other edge out of the
   * deciding segments. `from` are the deciding segments (default: the branch's predecessors).
   * Call it before the traversal reaches `branchStart`.
   */
  guardBranch(subject: object, branchStart: TSESTree.Node, blockTaken: boolean, from?: readonly CodePathSegment[]): void {
    push(this.pendingGuards, branchStart, { subject, blockTaken, from });
  }

  /** @internal Called by the tracker. */
  segmentStarted(segment: CodePathSegment, node: TSESTree.Node): void {
    this.current.push(segment);
    if (node.type === 'CatchClause') this.catchEntries.add(segment);
    const parent = node.parent;
    if (parent?.type === 'TryStatement' && parent.finalizer === node) this.finalizer(parent.finalizer).starts.push(segment);
    for (const [block, finalizer] of this.finalizers) {
      if (block.range[0] <= node.range[0] && node.range[1] <= block.range[1]) finalizer.inside.add(segment);
    }
    const pending = this.pendingGuards.get(node);
    if (pending !== undefined) {
      this.pendingGuards.delete(node);
      for (const guard of pending) {
        for (const from of guard.from ?? segment.prevSegments) {
          push(this.guards, from, { subject: guard.subject, branch: segment.id, blockTaken: guard.blockTaken });
        }
      }
    }
  }

  /** @internal */
  segmentEnded(segment: CodePathSegment): void {
    this.current = this.current.filter((current) => current !== segment);
  }

  /** @internal */
  exitVisited(node: ExitStatement): void {
    const seq = this.tick();
    for (const segment of this.current) push(this.exits, segment, { seq, node });
  }

  /** @internal */
  tryLeft(node: TSESTree.TryStatement): void {
    if (node.finalizer !== null) this.finalizer(node.finalizer).continuation = [...this.current];
  }

  /**
   * The exits reachable from `from` on a path that passes no `pass` mark of `subject` and no
   * guard of it: each path gives its first `return`/`throw`/`break`/`continue` after `from`,
   * or `undefined` when it ends without one (falls off the end of the function, or comes
   * back to a `restart` of the subject, as a loop does).
   */
  leakingExits(subject: object, from: PathPoint, options: { followImplicitThrows: boolean }): Set<ExitStatement | undefined> {
    const leaks = new Set<ExitStatement | undefined>();
    const visited = new Set<string>();
    const stack = from.segments.map((segment) => ({ segment, after: from.seq, exit: undefined as ExitStatement | undefined }));
    for (let steps = 0; stack.length > 0 && steps < MAX_STEPS; steps += 1) {
      const item = stack.pop();
      if (item === undefined) break;
      const { segment, after } = item;
      const first = this.marks.get(segment)?.find((mark) => mark.subject === subject && mark.seq > after);
      if (first?.kind === 'pass') continue;
      const ownExit = this.exits.get(segment)?.find((exit) => exit.seq > after && (first === undefined || exit.seq < first.seq));
      const exit = item.exit ?? ownExit?.node;
      if (first?.kind === 'restart' || segment.nextSegments.length === 0) {
        leaks.add(exit);
        continue;
      }
      for (const next of segment.nextSegments) {
        if (ownExit === undefined && !options.followImplicitThrows && this.isExceptionEntry(next)) continue;
        if (this.isGuarded(subject, segment, next)) continue;
        const key = `${next.id}:${exit === undefined ? '' : String(exit.range[0])}`;
        if (visited.has(key)) continue;
        visited.add(key);
        stack.push({ segment: next, after: -1, exit });
      }
    }
    return leaks;
  }

  private tick(): number {
    this.clock.seq += 1;
    return this.clock.seq;
  }

  private finalizer(block: TSESTree.BlockStatement): Finalizer {
    let finalizer = this.finalizers.get(block);
    if (finalizer === undefined) {
      finalizer = { starts: [], inside: new Set(), continuation: undefined };
      this.finalizers.set(block, finalizer);
    }
    return finalizer;
  }

  private isExceptionEntry(segment: CodePathSegment): boolean {
    return this.catchEntries.has(segment) || this.abruptFinalizerCopies().has(segment);
  }

  private isGuarded(subject: object, from: CodePathSegment, to: CodePathSegment): boolean {
    const guards = this.guards.get(from);
    return guards !== undefined && guards.some((guard) => guard.subject === subject && (to.id === guard.branch) === guard.blockTaken);
  }

  /** The finalizer copies that only abrupt completions reach (see the module comment). */
  private abruptFinalizerCopies(): Set<CodePathSegment> {
    if (this.abruptCache !== undefined) return this.abruptCache;
    const abrupt = new Set<CodePathSegment>();
    for (const finalizer of this.finalizers.values()) {
      if (finalizer.starts.length < 2) continue; // No return or throw leaves through it: one copy, the normal one.
      const continuation = new Set(finalizer.continuation ?? []);
      for (const start of finalizer.starts) {
        if (continuation.size === 0 || !reachesWithin(start, continuation, finalizer.inside)) abrupt.add(start);
      }
    }
    this.abruptCache = abrupt;
    return abrupt;
  }
}

/** True when `targets` can be reached from `start` through segments of `within`. */
function reachesWithin(start: CodePathSegment, targets: ReadonlySet<CodePathSegment>, within: ReadonlySet<CodePathSegment>): boolean {
  const seen = new Set<CodePathSegment>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const segment = stack.pop();
    if (segment === undefined) break;
    if (targets.has(segment)) return true;
    // `allNextSegments` includes unreachable successors (ESLint); hosts without it give the reachable ones.
    const nexts = (segment as CodePathSegment & { allNextSegments?: readonly CodePathSegment[] }).allNextSegments ?? segment.nextSegments;
    for (const next of nexts) {
      if (!seen.has(next) && within.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * Follows ESLint's code-path events for one file. Create one per `create()` call (it holds no
 * state across files), merge `listeners` into the rule's listener object with
 * `mergeListeners`, and read `current()` from node listeners.
 */
export class CodePathTracker {
  private readonly stack: FunctionPaths[] = [];
  private readonly clock = { seq: 0 };

  /**
   * @param onStart called when a function's code path starts, before its body is visited
   * @param onEnd called when a function's code path ends, after its whole body was visited
   */
  constructor(private readonly handlers: { onStart?: (paths: FunctionPaths) => void; onEnd?: (paths: FunctionPaths) => void }) {}

  /** The innermost code path being traversed. */
  current(): FunctionPaths | undefined {
    return this.stack.at(-1);
  }

  /** Listeners to merge into the rule's own (they use code-path events and exit statements). */
  get listeners(): RuleListener {
    const exit = (node: ExitStatement): void => this.current()?.exitVisited(node);
    const listeners = {
      onCodePathStart: (codePath: CodePath, node: TSESTree.Node): void => {
        const paths = new FunctionPaths(node, codePath, this.clock);
        this.stack.push(paths);
        this.handlers.onStart?.(paths);
      },
      onCodePathEnd: (): void => {
        const paths = this.stack.pop();
        if (paths !== undefined) this.handlers.onEnd?.(paths);
      },
      onCodePathSegmentStart: (segment: CodePathSegment, node: TSESTree.Node): void => this.current()?.segmentStarted(segment, node),
      onCodePathSegmentEnd: (segment: CodePathSegment): void => this.current()?.segmentEnded(segment),
      // Unreachable segments are counted too: a finalizer's normal copy is unreachable when the
      // `try` always leaves early, and marks made there still describe the leaving copy's code.
      onUnreachableCodePathSegmentStart: (segment: CodePathSegment, node: TSESTree.Node): void => this.current()?.segmentStarted(segment, node),
      onUnreachableCodePathSegmentEnd: (segment: CodePathSegment): void => this.current()?.segmentEnded(segment),
      // A `return`/`throw` leaves once its argument is evaluated, and that argument may fork the
      // path (`return a ? res.json() : null`; inside a `try`, the first call is where the path
      // to `catch` forks off): at `:exit`, ESLint has moved to the segments that really leave,
      // and has not yet made them unreachable.
      'ReturnStatement:exit': exit,
      'ThrowStatement:exit': exit,
      BreakStatement: exit,
      ContinueStatement: exit,
      'TryStatement:exit': (node: TSESTree.TryStatement): void => this.current()?.tryLeft(node),
    };
    return listeners as unknown as RuleListener;
  }
}

/** Merges listener objects; handlers of the same key run in the order the objects are given. */
export function mergeListeners(...parts: readonly RuleListener[]): RuleListener {
  const merged: Record<string, (...args: never[]) => void> = {};
  for (const part of parts) {
    for (const [key, handler] of Object.entries(part) as [string, ((...args: never[]) => void) | undefined][]) {
      if (handler === undefined) continue;
      const previous = merged[key];
      merged[key] =
        previous === undefined
          ? handler
          : (...args: never[]): void => {
              previous(...args);
              handler(...args);
            };
    }
  }
  return merged;
}

const EXIT_KEYWORDS = {
  ReturnStatement: 'return',
  ThrowStatement: 'throw',
  BreakStatement: 'break',
  ContinueStatement: 'continue',
} as const satisfies Readonly<Record<ExitStatement['type'], string>>;

/** `return`, `throw`, `break` or `continue`. */
export function exitKeyword(exit: ExitStatement): (typeof EXIT_KEYWORDS)[ExitStatement['type']] {
  return EXIT_KEYWORDS[exit.type];
}

// ---- exit classification: the conditions that lead to a node ---------------------------------

/**
 * One condition on the way to a node:
 * - `test`: an `if`/`?:` test or the left side of `&&`/`||`, which `holds` or not;
 * - `case`: a `case` of a `switch`, matched by `discriminant === test`;
 * - `default`: the `default` case of a `switch`;
 * - `catch`: a `catch` block.
 */
export type Condition =
  | { kind: 'test'; test: TSESTree.Expression; holds: boolean }
  | { kind: 'case'; discriminant: TSESTree.Expression; test: TSESTree.Expression }
  | { kind: 'default'; discriminant: TSESTree.Expression }
  | { kind: 'catch'; clause: TSESTree.CatchClause };

/**
 * The conditions under which `node` runs, outermost first, read from the syntax between
 * `node` and the nearest enclosing function: the branches it is in (`if`/`else`, `?:`,
 * `&&`/`||`, `case`, `default`, `catch`), and an earlier `if` without `else` whose branch
 * always leaves (`if (res.ok) return res.json(); throw …` runs the `throw` when `!res.ok`;
 * only the nearest such `if`, and only while no branch condition was found further in). Conditions around `boundary`
 * (typically the statement that made the value) and before it are left out: they hold for
 * the whole question.
 */
export function conditionsLeadingTo(node: TSESTree.Node, boundary?: TSESTree.Node): Condition[] {
  const conditions: Condition[] = [];
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunctionNode(parent) || parent.type === 'Program') {
      const skipped = parent.type === 'Program' && conditions.length === 0 ? earlierLeavingIf(parent.body, child, boundary) : undefined;
      if (skipped !== undefined) conditions.unshift(skipped);
      break;
    }
    // An earlier leaving `if` says less than a branch the node is in: only the innermost block's counts.
    const skipped = conditions.length === 0 ? earlierLeavingIf(statementList(parent), child, boundary) : undefined;
    if (skipped !== undefined) conditions.unshift(skipped);
    if (boundary !== undefined && parent.range[0] <= boundary.range[0] && boundary.range[1] <= parent.range[1]) break;
    const condition = conditionOfChild(parent, child);
    if (condition !== undefined) conditions.unshift(condition);
  }
  return conditions;
}

function statementList(parent: TSESTree.Node): readonly TSESTree.Node[] | undefined {
  switch (parent.type) {
    case 'BlockStatement':
    case 'StaticBlock':
      return parent.body;
    case 'SwitchCase':
      return parent.consequent;
    default:
      return undefined;
  }
}

/** The nearest `if` without `else` before `child` (and after `boundary`) whose branch always leaves: its test is false here. */
function earlierLeavingIf(list: readonly TSESTree.Node[] | undefined, child: TSESTree.Node, boundary: TSESTree.Node | undefined): Condition | undefined {
  if (list === undefined) return undefined;
  for (let index = list.indexOf(child) - 1; index >= 0; index -= 1) {
    const statement = list[index];
    if (statement === undefined || (boundary !== undefined && statement.range[1] <= boundary.range[1])) return undefined;
    if (statement.type === 'IfStatement' && statement.alternate === null && alwaysLeaves(statement.consequent)) {
      return { kind: 'test', test: statement.test, holds: false };
    }
  }
  return undefined;
}

function alwaysLeaves(statement: TSESTree.Node): boolean {
  switch (statement.type) {
    case 'ReturnStatement':
    case 'ThrowStatement':
    case 'ContinueStatement':
    case 'BreakStatement':
      return true;
    case 'BlockStatement': {
      const last = statement.body.at(-1);
      return last !== undefined && alwaysLeaves(last);
    }
    case 'IfStatement':
      return statement.alternate !== null && alwaysLeaves(statement.consequent) && alwaysLeaves(statement.alternate);
    default:
      return false;
  }
}

function conditionOfChild(parent: TSESTree.Node, child: TSESTree.Node): Condition | undefined {
  switch (parent.type) {
    case 'IfStatement':
    case 'ConditionalExpression':
      if (child === parent.consequent) return { kind: 'test', test: parent.test, holds: true };
      if (child === parent.alternate) return { kind: 'test', test: parent.test, holds: false };
      return undefined;
    case 'LogicalExpression':
      if (child !== parent.right || parent.operator === '??') return undefined;
      return { kind: 'test', test: parent.left, holds: parent.operator === '&&' };
    case 'SwitchCase':
      if (child === parent.test) return undefined;
      return parent.test === null
        ? { kind: 'default', discriminant: parent.parent.discriminant }
        : { kind: 'case', discriminant: parent.parent.discriminant, test: parent.test };
    case 'CatchClause':
      return child === parent.body ? { kind: 'catch', clause: parent } : undefined;
    default:
      return undefined;
  }
}

const NEGATED_OPERATORS: Readonly<Record<string, string>> = {
  '===': '!==',
  '!==': '===',
  '==': '!=',
  '!=': '==',
  '<': '>=',
  '>=': '<',
  '>': '<=',
  '<=': '>',
};

/** Source text of a condition that holds: `!res.ok` for the `else` of `if (res.ok)`. */
export function conditionText(sourceCode: Readonly<SourceCode>, condition: Condition): string | undefined {
  switch (condition.kind) {
    case 'test':
      return condition.holds ? compact(sourceCode.getText(condition.test)) : negatedText(sourceCode, condition.test);
    case 'case':
      return `${operand(sourceCode, condition.discriminant)} === ${operand(sourceCode, condition.test)}`;
    default:
      return undefined;
  }
}

/**
 * A short phrase for the conditions, innermost ones kept: ``when `!res.ok` ``,
 * ``when `res.status === 404 && retry` ``, ``in `catch (error)` ``, ``in the `default` case``.
 * Undefined when there are none or the text would be too long to read in a message.
 */
export function describeConditions(sourceCode: Readonly<SourceCode>, conditions: readonly Condition[], maxLength = 100): string | undefined {
  const catchIndex = conditions.findLastIndex((condition) => condition.kind === 'catch');
  const inner = conditions.slice(catchIndex + 1);
  const parts: string[] = [];
  const catchClause = conditions[catchIndex];
  if (catchClause?.kind === 'catch') {
    const param = catchClause.clause.param;
    parts.push(param === null ? 'in the `catch` block' : `in \`catch (${compact(sourceCode.getText(param))})\``);
  }
  if (inner.some((condition) => condition.kind === 'default')) parts.push('in the `default` case');
  const tests = inner
    .map((condition) => ({ condition, text: conditionText(sourceCode, condition) }))
    .filter((entry): entry is { condition: Condition; text: string } => entry.text !== undefined)
    .slice(-2);
  if (tests.length > 0) {
    const joined = tests.map(({ condition, text }) => (tests.length > 1 && needsParentheses(condition) ? `(${text})` : text)).join(' && ');
    parts.push(`when \`${joined}\``);
  }
  const phrase = parts.join(' ');
  return phrase === '' || phrase.length > maxLength ? undefined : phrase;
}

function needsParentheses(condition: Condition): boolean {
  if (condition.kind !== 'test') return false;
  const { test } = condition;
  return (
    (condition.holds && test.type === 'LogicalExpression' && test.operator !== '&&') ||
    test.type === 'ConditionalExpression' ||
    test.type === 'AssignmentExpression' ||
    test.type === 'SequenceExpression'
  );
}

function negatedText(sourceCode: Readonly<SourceCode>, test: TSESTree.Expression): string {
  if (test.type === 'UnaryExpression' && test.operator === '!') return compact(sourceCode.getText(test.argument));
  if (test.type === 'BinaryExpression' && Object.hasOwn(NEGATED_OPERATORS, test.operator) && test.left.type !== 'PrivateIdentifier') {
    return `${compact(sourceCode.getText(test.left))} ${NEGATED_OPERATORS[test.operator] ?? test.operator} ${compact(sourceCode.getText(test.right))}`;
  }
  return `!${operand(sourceCode, test)}`;
}

/** The text of an expression, parenthesised unless it is a simple operand. */
function operand(sourceCode: Readonly<SourceCode>, node: TSESTree.Expression): string {
  const text = compact(sourceCode.getText(node));
  switch (node.type) {
    case 'Identifier':
    case 'MemberExpression':
    case 'CallExpression':
    case 'Literal':
    case 'ThisExpression':
    case 'ChainExpression':
    case 'TemplateLiteral':
      return text;
    default:
      return `(${text})`;
  }
}

function compact(text: string): string {
  return text.replace(/\s+/g, ' ');
}
