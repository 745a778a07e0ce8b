import type { Linter } from 'eslint';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';

import { isDiagnosticData } from './diagnostics';
import type { LintSnapshot } from './fix-store';
import { COMMANDS } from './protocol';
import type { RuleDocs } from './rule-docs';
import type { CommentContext } from './text-edits';
import { disableForFileEdit, disableForLineEdit, fixToTextEdit, nonOverlappingFixEdits } from './text-edits';

/** vscode-eslint's kind, so `editor.codeActionsOnSave: { "source.fixAll.wirelint": "explicit" }` works. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.wirelint`;

export interface CodeActionRequest {
  /** The lint result for the document's current version (the caller checks the version). */
  snapshot: LintSnapshot;
  /** The diagnostics the client sent in the request's context. */
  diagnostics: readonly Diagnostic[];
  /** `context.only`: the kinds the client asks for; all kinds when undefined. */
  only: readonly string[] | undefined;
  /** Whether the client takes versioned `documentChanges` (then it rejects the edit if the document moved on). */
  useDocumentChanges: boolean;
  docs: (ruleId: string) => RuleDocs;
  /** Which kind of disable comment fits a line of the snapshot (`code` when omitted). */
  commentContext?: (line: number) => CommentContext;
}

interface Problem {
  diagnostic: Diagnostic;
  ruleId: string;
  message: Linter.LintMessage;
}

function wants(kind: string, only: readonly string[] | undefined): boolean {
  return only === undefined || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/** Edits to the snapshot's document; versioned when the client takes it (then it rejects them if the document moved on). */
function versionedEdit(snapshot: LintSnapshot, edits: TextEdit[], useDocumentChanges: boolean): WorkspaceEdit {
  const { uri, version } = snapshot.document;
  return useDocumentChanges ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };
}

function workspaceEdit(request: CodeActionRequest, edits: TextEdit[]): WorkspaceEdit {
  return versionedEdit(request.snapshot, edits, request.useDocumentChanges);
}

/** The request's diagnostics that are this snapshot's problems (right version, right rule). */
function problemsOf(request: CodeActionRequest): Problem[] {
  const problems: Problem[] = [];
  for (const diagnostic of request.diagnostics) {
    const data: unknown = diagnostic.data;
    if (!isDiagnosticData(data) || data.version !== request.snapshot.document.version) continue;
    const message = request.snapshot.problems[data.problemId];
    if (message?.ruleId !== data.ruleId) continue;
    problems.push({ diagnostic, ruleId: data.ruleId, message });
  }
  return problems;
}

function fixActions(request: CodeActionRequest, { diagnostic, ruleId, message }: Problem): CodeAction[] {
  const { document } = request.snapshot;
  const actions: CodeAction[] = [];
  if (message.fix !== undefined) {
    actions.push({
      title: `Fix this ${ruleId} problem`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: workspaceEdit(request, [fixToTextEdit(document, message.fix)]),
    });
  }
  for (const suggestion of message.suggestions ?? []) {
    actions.push({
      title: suggestion.desc,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: workspaceEdit(request, [fixToTextEdit(document, suggestion.fix)]),
    });
  }
  return actions;
}

function disableForLineAction(request: CodeActionRequest, { diagnostic, ruleId }: Problem): CodeAction {
  const { line } = diagnostic.range.start;
  return {
    title: `Disable ${ruleId} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit(request, [disableForLineEdit(request.snapshot.document, line, ruleId, request.commentContext?.(line))]),
  };
}

function disableForFileAction(request: CodeActionRequest, { diagnostic, ruleId }: Problem): CodeAction {
  return {
    title: `Disable ${ruleId} for this file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit(request, [disableForFileEdit(request.snapshot.document, ruleId)]),
  };
}

function showDocumentationAction(ruleId: string, url: string): CodeAction {
  const title = `Show documentation for ${ruleId}`;
  return { title, kind: CodeActionKind.QuickFix, command: { title, command: COMMANDS.showDocumentation, arguments: [url] } };
}

/** The edit applying every autofix of a snapshot in one pass, and how many; none when nothing is fixable. */
export function fixAllEdit(snapshot: LintSnapshot, useDocumentChanges: boolean): { edit: WorkspaceEdit; fixes: number } | undefined {
  const fixes = snapshot.problems.flatMap((problem) => (problem.fix === undefined ? [] : [problem.fix]));
  if (fixes.length === 0) return undefined;
  const edits = nonOverlappingFixEdits(snapshot.document, fixes);
  return { edit: versionedEdit(snapshot, edits, useDocumentChanges), fixes: edits.length };
}

/** One source action applying every autofix of the snapshot in one pass; none when nothing is fixable. */
function fixAllAction(request: CodeActionRequest): CodeAction | undefined {
  const fixAll = fixAllEdit(request.snapshot, request.useDocumentChanges);
  return fixAll === undefined ? undefined : { title: 'Fix all auto-fixable wirelint problems', kind: FIX_ALL_KIND, edit: fixAll.edit };
}

/**
 * The code actions for a request: each problem's autofix (preferred) and suggestions, then
 * "disable for this line" (once per rule and line), "disable for this file" and "show
 * documentation" (once per rule), then `source.fixAll.wirelint`, filtered by `only`.
 */
export function buildCodeActions(request: CodeActionRequest): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix, request.only)) {
    const problems = problemsOf(request);
    actions.push(...problems.flatMap((problem) => fixActions(request, problem)));
    const lines = new Set<string>();
    const rules = new Map<string, Problem>();
    for (const problem of problems) {
      const key = `${problem.ruleId}:${String(problem.diagnostic.range.start.line)}`;
      if (!lines.has(key)) {
        lines.add(key);
        actions.push(disableForLineAction(request, problem));
      }
      if (!rules.has(problem.ruleId)) rules.set(problem.ruleId, problem);
    }
    for (const problem of rules.values()) actions.push(disableForFileAction(request, problem));
    for (const ruleId of rules.keys()) {
      const { url } = request.docs(ruleId);
      if (url !== undefined) actions.push(showDocumentationAction(ruleId, url));
    }
  }
  if (wants(FIX_ALL_KIND, request.only)) {
    const fixAll = fixAllAction(request);
    if (fixAll !== undefined) actions.push(fixAll);
  }
  return actions;
}
