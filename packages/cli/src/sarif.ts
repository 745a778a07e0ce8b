import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { ESLint, Linter } from 'eslint';

import { isParseFailure } from './results';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
/** The base id of relative artifact URIs (GitHub's documented convention). */
export const SOURCE_ROOT_ID = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

/** What the SARIF formatter knows about a rule, from its `meta`. */
export interface SarifRuleInfo {
  description?: string;
  url?: string;
  /** The severity the rule has in the run's config, when known. */
  severity?: 'error' | 'warn';
  /** wirelint's rule family (`bodies`, `timeouts`, `queues`, `lifecycle`), used as a tag. */
  family?: string;
}

export interface SarifContext {
  /** Artifact URIs are relative to this directory (normally the repository root). */
  cwd: string;
  toolName: string;
  toolVersion: string;
  informationUri: string;
  /**
   * Rules to describe in `tool.driver.rules` even without results (the active rule set), so
   * that `ruleIndex` values and the rule list stay stable from run to run.
   */
  rules: ReadonlyMap<string, SarifRuleInfo>;
  /** Meta for rules that appear in results but not in `rules` (a project's own ESLint config). */
  lookupRule?: (ruleId: string) => SarifRuleInfo | undefined;
}

/**
 * Formats ESLint results as SARIF 2.1.0 for GitHub code scanning: one run whose driver lists
 * the rules, one result per finding with a `%SRCROOT%`-relative URI and a 1-based region
 * (ESLint's columns are UTF-16 code units, as `columnKind` says). Messages without a rule
 * (files that could not be parsed, ESLint's notes on ignored files) are tool notifications,
 * which GitHub shows on the tool's status page rather than as alerts.
 */
export function formatSarif(results: readonly ESLint.LintResult[], context: SarifContext): string {
  const ruleIds = new Set(context.rules.keys());
  for (const result of results) {
    for (const message of result.messages) if (message.ruleId !== null) ruleIds.add(message.ruleId);
  }
  const sortedIds = [...ruleIds].sort();
  const ruleIndex = new Map(sortedIds.map((id, index) => [id, index]));
  const rules = sortedIds.map((id) => reportingDescriptor(id, context.rules.get(id) ?? context.lookupRule?.(id) ?? {}));

  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  for (const result of results) {
    const artifactLocation = artifactLocationFor(result.filePath, context.cwd);
    for (const message of result.messages) {
      const location = { physicalLocation: { artifactLocation, ...regionOf(message) } };
      if (message.ruleId === null) {
        notifications.push({
          level: message.severity === 2 ? 'error' : 'warning',
          message: { text: message.message },
          locations: [location],
          ...(isParseFailure(message) ? { descriptor: { id: 'parse-error' } } : {}),
        });
        continue;
      }
      sarifResults.push({
        ruleId: message.ruleId,
        ruleIndex: ruleIndex.get(message.ruleId),
        level: levelOf(message.severity),
        message: { text: message.message },
        locations: [location],
      });
    }
  }

  const sourceRoot = pathToFileURL(context.cwd).href.replace(/\/?$/, '/');
  const log = {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: context.toolName,
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            informationUri: context.informationUri,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            workingDirectory: { uri: sourceRoot },
            toolExecutionNotifications: notifications,
          },
        ],
        originalUriBaseIds: { [SOURCE_ROOT_ID]: { uri: sourceRoot } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function reportingDescriptor(id: string, info: SarifRuleInfo): unknown {
  const description = info.description ?? id;
  const level = info.severity === undefined ? 'warning' : levelOf(info.severity === 'error' ? 2 : 1);
  const docs = info.url === undefined ? '' : `\n\nDocumentation: ${info.url}`;
  return {
    id,
    shortDescription: { text: description },
    fullDescription: { text: description },
    ...(info.url === undefined ? {} : { helpUri: info.url }),
    help: {
      text: `${description}${docs}`,
      markdown: `${description}${info.url === undefined ? '' : `\n\n[Documentation](${info.url})`}`,
    },
    defaultConfiguration: { level },
    properties: {
      ...(info.family === undefined ? {} : { tags: [info.family] }),
      'problem.severity': level === 'error' ? 'error' : 'warning',
    },
  };
}

function levelOf(severity: Linter.Severity): SarifLevel {
  if (severity === 2) return 'error';
  if (severity === 1) return 'warning';
  return 'note';
}

/** A `%SRCROOT%`-relative URI for files under `cwd`, an absolute `file:` URI for others. */
function artifactLocationFor(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, filePath);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return { uri: pathToFileURL(filePath).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT_ID };
}

function regionOf(message: Linter.LintMessage): { region?: Record<string, number> } {
  // Messages about a whole file (an ignored file) have line 0 or no line.
  if (!(message.line >= 1)) return {};
  const region: Record<string, number> = { startLine: message.line, startColumn: Math.max(message.column, 1) };
  if (message.endLine !== undefined && message.endLine >= 1) {
    region.endLine = message.endLine;
    if (message.endColumn !== undefined && message.endColumn >= 1) region.endColumn = message.endColumn;
  }
  return { region };
}
