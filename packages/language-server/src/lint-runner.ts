import * as path from 'node:path';

import type { Linter as LinterNamespace } from 'eslint';
import { Linter } from 'eslint';
import type { TypescriptEslintParser } from 'wirelint/parsing';
import { createTypeAwareParser, createUntypedParser, ProjectMembership } from 'wirelint/parsing';

import type { ParsingOptions, RuleEntry } from './lint-config';
import { buildLintConfig, resolveRules, RULE_PREFIX } from './lint-config';
import type { LintPlugin } from './rule-docs';
import type { WirelintSettings } from './settings';

export interface LintRunnerOptions {
  plugin: LintPlugin;
  parser: TypescriptEslintParser;
  /** Called once per rule that throws during this server's lifetime. */
  onRuleCrash: (ruleId: string, error: unknown) => void;
}

export interface LintTarget {
  text: string;
  /** Absolute path the text is linted as (a made-up one for unsaved documents). */
  filePath: string;
  /** The workspace folder holding the file: the project service's `tsconfigRootDir` in type-aware mode. */
  workspaceFolder: string | undefined;
}

function crashedRuleId(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('ruleId' in error)) return undefined;
  return typeof error.ruleId === 'string' ? error.ruleId : undefined;
}

/**
 * Lints one document's text in process with typescript-eslint's parser and the preset rules the
 * settings select, with types when `typeAware` is on. A syntax error comes back as one fatal
 * message. A rule that throws is left out of a second run (ESLint names it in the error), so
 * the other rules' results survive; it is reported once and stays skipped only for that run,
 * since it may work on other input.
 *
 * Everything that is costly to build lives as long as the runner: the linters, the parsers and
 * the cache of which files a tsconfig covers; typescript-estree keeps one project service per
 * process, so the typed program stays warm across edits.
 */
export class LintRunner {
  // Flat-config `files` patterns only match below the linter's cwd: one linter per file-system root.
  private readonly linters = new Map<string, Linter>();
  private readonly reportedCrashes = new Set<string>();
  private readonly membership = new ProjectMembership();
  private readonly untyped: LinterNamespace.Parser;
  private readonly typed: LinterNamespace.Parser;

  constructor(private readonly options: LintRunnerOptions) {
    this.untyped = createUntypedParser(options.parser);
    this.typed = createTypeAwareParser({ parser: options.parser, membership: this.membership });
  }

  lint(target: LintTarget, settings: WirelintSettings): LinterNamespace.LintMessage[] {
    const { text, filePath } = target;
    const linter = this.linterFor(filePath);
    const rules = resolveRules(this.options.plugin, settings);
    const parsing: ParsingOptions = settings.typeAware
      ? { parser: this.typed, tsconfigRootDir: target.workspaceFolder ?? path.dirname(filePath) }
      : { parser: this.untyped, tsconfigRootDir: undefined };
    // Each retry drops one more rule, so this ends after at most one run per rule.
    for (;;) {
      try {
        return linter
          .verify(text, buildLintConfig(this.options.plugin, parsing, rules, filePath), { filename: filePath })
          .filter((message) => message.fatal === true || message.ruleId?.startsWith(RULE_PREFIX) === true);
      } catch (error) {
        const ruleId = crashedRuleId(error);
        if (ruleId === undefined || !(ruleId in rules)) throw error;
        this.reportCrash(ruleId, error);
        dropRule(rules, ruleId);
      }
    }
  }

  /** A tsconfig or jsconfig changed: which files it covers must be read again. */
  forgetProjects(): void {
    this.membership.clear();
  }

  private reportCrash(ruleId: string, error: unknown): void {
    if (this.reportedCrashes.has(ruleId)) return;
    this.reportedCrashes.add(ruleId);
    this.options.onRuleCrash(ruleId, error);
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

function dropRule(rules: Record<string, RuleEntry>, ruleId: string): void {
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- rule ids are the record's keys
  delete rules[ruleId];
}
