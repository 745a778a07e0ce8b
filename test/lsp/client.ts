import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import * as path from 'node:path';

import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  ApplyWorkspaceEditParams,
  ClientCapabilities,
  CodeAction,
  ConfigurationParams,
  InitializeResult,
  ProgressToken,
  ProtocolConnection,
  PublishDiagnosticsParams,
  ShowDocumentParams,
  ShowMessageParams,
  TextEdit,
  WorkDoneProgressBegin,
  WorkDoneProgressEnd,
  WorkDoneProgressReport,
  WorkspaceEdit,
  WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  DiagnosticRefreshRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  NotificationType,
  RegistrationRequest,
  ShowDocumentRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';

const SERVER = path.join(__dirname, '..', '..', 'packages', 'language-server', 'bin', 'wirelint-language-server.js');

/** `wirelint/status` params (the server <-> client contract). */
export interface StatusParams {
  state: 'ready' | 'linting' | 'error';
  message?: string;
}
const StatusNotification = new NotificationType<StatusParams>('wirelint/status');

export type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

export interface StartOptions {
  initializationOptions?: object;
  capabilities?: ClientCapabilities;
  workspaceFolders?: WorkspaceFolder[];
  /** Whether the client applies `workspace/applyEdit` requests (they are recorded either way). */
  applyEdits?: boolean;
  /** Answers `workspace/configuration`; the session's `configuration` field otherwise. */
  configuration?: (params: ConfigurationParams) => unknown[];
  /** Extra environment variables for the server process. */
  env?: Record<string, string>;
  /** Delays the answer to the n-th (1-based) `workspace/configuration` request by this many ms. */
  configurationDelayMs?: (request: number) => number;
}

/** One real server process and the test's side of the protocol. */
export interface Session {
  child: ChildProcess;
  connection: ProtocolConnection;
  /** Every `publishDiagnostics`, in arrival order. */
  published: PublishDiagnosticsParams[];
  /** Every `window/logMessage` text. */
  logs: string[];
  /** Every `window/showDocument` request. */
  shownDocuments: ShowDocumentParams[];
  /** Every `workspace/configuration` request. */
  configurationRequests: ConfigurationParams[];
  /** Every `window/showMessage` notification. */
  messages: ShowMessageParams[];
  /** Every `wirelint/status` notification. */
  statuses: StatusParams[];
  /** Every `workspace/applyEdit` request. */
  appliedEdits: ApplyWorkspaceEditParams[];
  /** Every `window/workDoneProgress/create` token, then every `$/progress` value, in order. */
  progress: { token: ProgressToken; value: ProgressValue | 'create' }[];
  /** How many `workspace/diagnostic/refresh` requests arrived. */
  diagnosticRefreshes: number;
  /** The server's answer to `initialize`. */
  initializeResult: InitializeResult;
  /** What `workspace/configuration` answers for the `wirelint` section (mutable). */
  configuration: unknown;
  /** The next publish for `uri` not yet taken. */
  nextDiagnostics: (uri: string) => Promise<PublishDiagnosticsParams>;
  /** Takes publishes for `uri` until one for `version` arrives, and returns it. */
  diagnosticsFor: (uri: string, version: number) => Promise<PublishDiagnosticsParams>;
  open: (uri: string, text: string, languageId?: string) => Promise<PublishDiagnosticsParams>;
  /** Replaces the whole text (a full-content change). */
  change: (uri: string, version: number, text: string) => Promise<void>;
}

const sessions: Session[] = [];

export async function start(options: StartOptions = {}): Promise<Session> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...options.env } });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const taken = new Map<string, number>();
  const waiters: (() => void)[] = [];
  const session: Session = {
    child,
    connection,
    published: [],
    logs: [],
    shownDocuments: [],
    configurationRequests: [],
    messages: [],
    statuses: [],
    appliedEdits: [],
    progress: [],
    diagnosticRefreshes: 0,
    initializeResult: { capabilities: {} },
    configuration: undefined,
    nextDiagnostics: async (uri) => {
      for (;;) {
        const from = taken.get(uri) ?? 0;
        const index = session.published.findIndex((params, i) => i >= from && params.uri === uri);
        if (index !== -1) {
          taken.set(uri, index + 1);
          return session.published[index] as PublishDiagnosticsParams;
        }
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    diagnosticsFor: async (uri, version) => {
      for (;;) {
        const params = await session.nextDiagnostics(uri);
        if (params.version === version) return params;
      }
    },
    open: async (uri, text, languageId = 'javascript') => {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
      return session.nextDiagnostics(uri);
    },
    change: (uri, version, text) => connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] }),
  };
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    session.published.push(params);
    for (const waiter of waiters.splice(0)) waiter();
  });
  connection.onNotification(LogMessageNotification.type, (params) => {
    session.logs.push(params.message);
  });
  connection.onRequest(ConfigurationRequest.type, async (params) => {
    session.configurationRequests.push(params);
    const answer = options.configuration ? options.configuration(params) : params.items.map(() => session.configuration);
    await delay(options.configurationDelayMs?.(session.configurationRequests.length) ?? 0);
    return answer;
  });
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onNotification(ShowMessageNotification.type, (params) => {
    session.messages.push(params);
  });
  connection.onNotification(StatusNotification, (params) => {
    session.statuses.push(params);
  });
  connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
    session.appliedEdits.push(params);
    return { applied: options.applyEdits ?? true };
  });
  connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
    session.progress.push({ token: params.token, value: 'create' });
    connection.onProgress(WorkDoneProgress.type, params.token, (value) => {
      session.progress.push({ token: params.token, value });
    });
  });
  connection.onRequest(DiagnosticRefreshRequest.type, () => {
    session.diagnosticRefreshes++;
  });
  connection.onRequest(ShowDocumentRequest.type, (params) => {
    session.shownDocuments.push(params);
    return { success: true };
  });
  connection.listen();
  sessions.push(session);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- still a required member of InitializeParams
  session.initializeResult = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, workspaceFolders: options.workspaceFolders ?? null, rootUri: null, capabilities: options.capabilities ?? {}, initializationOptions: options.initializationOptions });
  await connection.sendNotification(InitializedNotification.type, {});
  return session;
}

/** Shuts every started server down and waits for its process to exit (call from `afterEach`). */
export async function stopAll(): Promise<void> {
  for (const { child, connection } of sessions.splice(0)) {
    if (child.exitCode !== null) {
      connection.dispose();
      continue;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    await exited;
    connection.dispose();
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The edits a workspace edit makes to `uri`, whichever shape the server chose. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (edit?.changes?.[uri]) return edit.changes[uri];
  const edits: TextEdit[] = [];
  for (const change of edit?.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...change.edits.filter((e): e is TextEdit => !('annotationId' in e)));
  }
  return edits;
}

/** `text` with the action's edits for `uri` applied. */
export function applyAction(text: string, uri: string, action: CodeAction | undefined): string {
  const edits = editsFor(action?.edit, uri);
  if (edits.length === 0) throw new Error(`action "${action?.title ?? '(none)'}" has no edit for ${uri}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'javascript', 0, text), edits);
}

/** Resolves once `predicate` holds, checking every 10 ms; rejects after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${String(timeoutMs)} ms`);
    await delay(10);
  }
}
