import type { Linter } from 'eslint';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';

import plugin from '@wirelint/eslint-plugin';

/** ESLint's 1-based, end-exclusive positions → LSP's 0-based ranges, clamped to sane values. */
export function toDiagnostic(message: Linter.LintMessage): Diagnostic {
  const startLine = Math.max(message.line - 1, 0);
  const startCharacter = Math.max(message.column - 1, 0);
  const endLine = message.endLine === undefined ? startLine : Math.max(message.endLine - 1, 0);
  const endCharacter = message.endColumn === undefined ? startCharacter + 1 : Math.max(message.endColumn - 1, 0);
  const ruleId = message.ruleId ?? undefined;
  const ruleName = ruleId?.replace(/^wirelint\//, '');
  const url = ruleName === undefined ? undefined : plugin.rules[ruleName]?.meta.docs?.url;
  return {
    range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } },
    severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'wirelint',
    message: message.message,
    ...(ruleId === undefined ? {} : { code: ruleId }),
    ...(url === undefined ? {} : { codeDescription: { href: url } }),
  };
}
