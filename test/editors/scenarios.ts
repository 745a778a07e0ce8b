import type { Range } from 'vscode-languageserver-protocol';

/** A diagnostic as the editor scripts report it: what a user sees besides the message. */
export interface ReportedDiagnostic {
  code: string;
  source: string;
  /** LSP severity: 1 error, 2 warning. */
  severity: number;
  /** As published: 0-based lines, UTF-16 characters. */
  range: Range;
}

/** One editor session: open a copy of `fixture`, apply the quick fix `fixTitle` to the first diagnostic. */
export interface Scenario {
  name: string;
  /** Under `fixtures/`, stored as `.mjs` so the repository's own lint covers it without type information. */
  fixture: string;
  /** What the editor opens: `.js`, which Neovim 0.7 and Emacs 28 both map to JavaScript (Emacs 28 leaves `.mjs` in fundamental-mode). */
  fileName: string;
  /** The `wirelint` settings section the editor is configured with; none = a zero-config user. */
  settings?: Record<string, unknown>;
  diagnostics: ReportedDiagnostic[];
  /** Every code action offered at the first diagnostic, in the server's order. */
  codeActions: string[];
  fixTitle: string;
  /** The written file must equal this file under `fixtures/expected/`. */
  expected: string;
  diagnosticsAfterFix: ReportedDiagnostic[];
}

/** What the server offers for every problem after its fixes. */
const PER_RULE_ACTIONS = (ruleId: string) => [`Disable ${ruleId} for this line`, `Disable ${ruleId} for this file`, `Show documentation for ${ruleId}`];

function diagnostic(code: string, severity: number, line: number, start: number, end: number): ReportedDiagnostic {
  return { code, source: 'wirelint', severity, range: { start: { line, character: start }, end: { line, character: end } } };
}

const TIMEOUT_RULE = 'wirelint/require-request-timeout';
const CONCURRENCY_RULE = 'wirelint/no-unbounded-concurrency';
const BODY_RULE = 'wirelint/no-unconsumed-body';

// `fetch` on line 2 of health-check.mjs. Its fix inserts after a 🚦 (two UTF-16 code units, four
// UTF-8 bytes) on the same line, so a client and server that disagree on position encoding
// write the option in the wrong place.
const UNBOUNDED_FETCH = diagnostic(TIMEOUT_RULE, 1, 1, 20, 25);
// `hosts.map(…)` on line 7: only the strict preset has no-unbounded-concurrency.
const UNBOUNDED_FAN_OUT = diagnostic(CONCURRENCY_RULE, 2, 6, 21, 113);

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'zero-config: the recommended preset, require-request-timeout fixed with the 30 s default',
    fixture: 'health-check.mjs',
    fileName: 'health-check.js',
    diagnostics: [UNBOUNDED_FETCH],
    codeActions: ['Add `signal: AbortSignal.timeout(30_000)`.', ...PER_RULE_ACTIONS(TIMEOUT_RULE)],
    fixTitle: 'Add `signal: AbortSignal.timeout(30_000)`.',
    expected: 'health-check.timeout-30s.mjs',
    diagnosticsAfterFix: [],
  },
  {
    name: 'no-unconsumed-body: the body is released before the throw',
    fixture: 'profile.mjs',
    fileName: 'profile.js',
    diagnostics: [diagnostic(BODY_RULE, 1, 2, 15, 68)],
    codeActions: ['Release the body before the `throw`.', ...PER_RULE_ACTIONS(BODY_RULE)],
    fixTitle: 'Release the body before the `throw`.',
    expected: 'profile.release-before-throw.mjs',
    diagnosticsAfterFix: [],
  },
  {
    name: "the client's settings: strict preset and a 5 s default timeout",
    fixture: 'health-check.mjs',
    fileName: 'health-check.js',
    settings: { config: 'strict', defaultTimeoutMs: 5000 },
    diagnostics: [UNBOUNDED_FETCH, UNBOUNDED_FAN_OUT],
    codeActions: ['Add `signal: AbortSignal.timeout(5_000)`.', ...PER_RULE_ACTIONS(TIMEOUT_RULE)],
    fixTitle: 'Add `signal: AbortSignal.timeout(5_000)`.',
    expected: 'health-check.timeout-5s.mjs',
    diagnosticsAfterFix: [UNBOUNDED_FAN_OUT],
  },
];
