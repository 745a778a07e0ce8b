// Stands in for @typescript-eslint/rule-tester's `RuleTester` while the rule test modules are
// imported: `run()` records the cases instead of running them, with the tester's config, so
// that the cross-host test can run the same cases through ESLint and oxlint.
import type { RuleTesterConfig } from '@typescript-eslint/rule-tester';

/** What a rule test case may carry that changes how it is linted. */
export interface CapturedCase {
  code: string;
  options: readonly unknown[];
  /** Set on invalid cases: RuleTester checks each one reports. */
  invalid: boolean;
  filename?: string;
  languageOptions?: unknown;
  settings?: unknown;
  only?: boolean;
}

/** One `ruleTester.run(name, rule, tests)` call. */
export interface CapturedRun {
  /** The run's title, e.g. `no-small-listen-backlog (typed)`. */
  name: string;
  config: RuleTesterConfig | undefined;
  cases: CapturedCase[];
}

export const capturedRuns: CapturedRun[] = [];

type TestCase = string | { code: string; options?: readonly unknown[]; filename?: string; languageOptions?: unknown; settings?: unknown; only?: boolean };

export class CapturingRuleTester {
  // The rule test setup assigns the test framework's hooks here; nothing runs, so they go unused.
  static afterAll: unknown;
  static describe: unknown;
  static it: unknown;
  static itOnly: unknown;

  readonly #config: RuleTesterConfig | undefined;

  constructor(config?: RuleTesterConfig) {
    this.#config = config;
  }

  run(name: string, _rule: unknown, tests: { valid: readonly TestCase[]; invalid: readonly TestCase[] }): void {
    capturedRuns.push({
      name,
      config: this.#config,
      cases: [...tests.valid.map((test) => toCase(test, false)), ...tests.invalid.map((test) => toCase(test, true))],
    });
  }
}

function toCase(test: TestCase, invalid: boolean): CapturedCase {
  if (typeof test === 'string') return { code: test, options: [], invalid };
  const { code, options = [], filename, languageOptions, settings, only } = test;
  return { code, options, invalid, filename, languageOptions, settings, only };
}
