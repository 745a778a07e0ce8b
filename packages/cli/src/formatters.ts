import plugin from '@wirelint/eslint-plugin';
import type { ESLint } from 'eslint';

import type { OutputFormat } from './args';
import { RULE_PREFIX } from './config';
import { formatSarif, type SarifRuleInfo } from './sarif';

export const INFORMATION_URI = 'https://github.com/wirelint/wirelint';

export interface FormatContext {
  eslint: ESLint;
  cwd: string;
  toolVersion: string;
  /** Rule ids of the active preset; empty with `--use-eslint-config`. */
  activeRuleIds: readonly string[];
  /** Colors for `stylish`; `undefined` lets the output stream decide. */
  color: boolean | undefined;
}

/** Renders results: `stylish` and `json` are ESLint's own formatters, `sarif` is wirelint's. */
export async function formatResults(format: OutputFormat, results: ESLint.LintResult[], context: FormatContext): Promise<string> {
  if (format === 'sarif') {
    const rulesMeta = rulesMetaFor(context.eslint, results);
    return formatSarif(results, {
      cwd: context.cwd,
      toolName: 'wirelint',
      toolVersion: context.toolVersion,
      informationUri: INFORMATION_URI,
      rules: new Map(context.activeRuleIds.map((id) => [id, wirelintRuleInfo(id) ?? {}])),
      lookupRule: (id) => wirelintRuleInfo(id) ?? ruleInfoFromMeta(rulesMeta[id]),
    });
  }
  const formatter = await context.eslint.loadFormatter(format);
  // ESLint passes the formatter its `cwd` and the rules' meta itself.
  return formatter.format(results, colorMeta(context.color));
}

function colorMeta(color: boolean | undefined): { color?: boolean } {
  return color === undefined ? {} : { color };
}

function wirelintRuleInfo(ruleId: string): SarifRuleInfo | undefined {
  if (!ruleId.startsWith(RULE_PREFIX)) return undefined;
  const docs = plugin.rules[ruleId.slice(RULE_PREFIX.length)]?.meta.docs;
  if (docs === undefined) return undefined;
  return { description: docs.description, url: docs.url, severity: docs.severity, family: docs.family };
}

type RulesMeta = Partial<ReturnType<ESLint['getRulesMetaForResults']>>;

function ruleInfoFromMeta(meta: RulesMeta[string]): SarifRuleInfo | undefined {
  const docs = meta?.docs;
  if (docs === undefined) return undefined;
  return { description: docs.description, url: docs.url };
}

/** Rule meta for the results; ESLint throws for a rule it cannot find (a typo in an inline config). */
function rulesMetaFor(eslint: ESLint, results: ESLint.LintResult[]): RulesMeta {
  try {
    return eslint.getRulesMetaForResults(results);
  } catch {
    return {};
  }
}
