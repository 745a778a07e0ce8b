import * as path from 'node:path';

import type { Linter as LinterNamespace } from 'eslint';
import { Linter } from 'eslint';

import { buildLintConfig, resolveRules, RULE_PREFIX } from './lint-config';
import type { LintPlugin } from './rule-docs';
import type { WirelintSettings } from './settings';

export interface LintRunnerOptions {
  plugin: LintPlugin;
  parser: LinterNamespace.Parser;
  /** Called once per rule that throws during this server's lifetime. */
  onRuleCrash: (ruleId: string, error: unknown) => void;
}

function crashedRuleId(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('ruleId' in error)) return undefined;
  return typeof error.ruleId === 'string' ? error.ruleId : undefined;
}

/**
 * Lints one document's text in process with typescript-eslint's parser and the rules the
 * settings select. A syntax error comes back as one fatal message. A rule that throws is left
 * out of a second run (ESLint names it in the error), so the other rules' results survive; it is
 * reported once and stays skipped only for that run, since it may work on other input.
 */
export class LintRunner {
  // Flat-config `files` patterns only match below the linter's cwd: one linter per file-system root.
  private readonly linters = new Map<string, Linter>();
  private readonly reportedCrashes = new Set<string>();

  constructor(private readonly options: LintRunnerOptions) {}

  lint(text: string, filePath: string, settings: WirelintSettings): LinterNamespace.LintMessage[] {
    const linter = this.linterFor(filePath);
    const rules = resolveRules(this.options.plugin, settings);
    // Each retry drops one more rule, so this ends after at most one run per rule.
    for (;;) {
      const config = buildLintConfig(this.options.plugin, this.options.parser, rules, filePath);
      try {
        return linter.verify(text, config, { filename: filePath }).filter((message) => message.fatal === true || message.ruleId?.startsWith(RULE_PREFIX) === true);
      } catch (error) {
        const ruleId = crashedRuleId(error);
        if (ruleId === undefined || !(ruleId in rules)) throw error;
        if (!this.reportedCrashes.has(ruleId)) {
          this.reportedCrashes.add(ruleId);
          this.options.onRuleCrash(ruleId, error);
        }
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- rule ids are the record's keys
        delete rules[ruleId];
      }
    }
  }

  private linterFor(filePath: string): Linter {
    const root = path.parse(filePath).root;
    let linter = this.linters.get(root);
    if (linter === undefined) {
      linter = new Linter({ configType: 'flat', cwd: root });
      this.linters.set(root, linter);
    }
    return linter;
  }
}
