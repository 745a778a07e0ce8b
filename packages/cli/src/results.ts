import type { ESLint, Linter } from 'eslint';

import { isWirelintMessage } from './config';

/** ESLint's prefixes for a file it could not parse (the message has no rule id). */
const PARSE_FAILURE_PREFIXES = ['Parsing error:', 'Preprocessing error:'];

/**
 * Keeps what a wirelint preset run is about: wirelint's findings, files that could not be
 * parsed, and ESLint's notes on ignored files. It drops what a project's own ESLint comments
 * cause when its config is not loaded: rules turned on by `/* eslint rule: … *\/` comments,
 * "Definition for rule … was not found", and `/* eslint-env *\/` comments, which ESLint 10
 * reports as fatal although the file is still linted. Counts are recomputed.
 */
export function keepWirelintResults(results: readonly ESLint.LintResult[]): ESLint.LintResult[] {
  return results.map((result) => {
    const messages = result.messages.filter(isKept);
    const suppressedMessages = result.suppressedMessages.filter(isKept);
    if (messages.length === result.messages.length && suppressedMessages.length === result.suppressedMessages.length) return result;
    return { ...result, messages, suppressedMessages, ...countMessages(messages) };
  });
}

function isKept(message: Linter.LintMessage): boolean {
  if (message.ruleId !== null) return isWirelintMessage(message);
  if (message.fatal !== true) return true;
  return isParseFailure(message);
}

/** A fatal message that means the file was not linted at all. */
export function isParseFailure(message: Linter.LintMessage): boolean {
  return message.fatal === true && PARSE_FAILURE_PREFIXES.some((prefix) => message.message.startsWith(prefix));
}

type Counts = Pick<ESLint.LintResult, 'errorCount' | 'fatalErrorCount' | 'warningCount' | 'fixableErrorCount' | 'fixableWarningCount'>;

function countMessages(messages: readonly Linter.LintMessage[]): Counts {
  const counts: Counts = { errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  for (const message of messages) {
    if (message.severity === 2) {
      counts.errorCount++;
      if (message.fatal === true) counts.fatalErrorCount++;
      if (message.fix !== undefined) counts.fixableErrorCount++;
    } else {
      counts.warningCount++;
      if (message.fix !== undefined) counts.fixableWarningCount++;
    }
  }
  return counts;
}

/** Totals over all results. */
export function totalCounts(results: readonly ESLint.LintResult[]): Counts {
  const total: Counts = { errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  for (const result of results) {
    total.errorCount += result.errorCount;
    total.fatalErrorCount += result.fatalErrorCount;
    total.warningCount += result.warningCount;
    total.fixableErrorCount += result.fixableErrorCount;
    total.fixableWarningCount += result.fixableWarningCount;
  }
  return total;
}
