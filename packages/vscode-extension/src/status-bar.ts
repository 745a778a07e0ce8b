import type { Disposable, DocumentSelector, StatusBarItem, TextDocument } from 'vscode';
import { languages, StatusBarAlignment, ThemeColor, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { State } from 'vscode-languageclient/node';

import { ClientCommands, SECTION } from './contract';
import type { StatusParams } from './protocol';
import { StatusNotification } from './protocol';
import { isEnabled } from './settings';
import type { StatusInput } from './status-view';
import { describeStatus } from './status-view';

// A lint usually takes a few milliseconds: showing "linting" only when it lasts longer keeps the
// item from flickering on every keystroke.
const LINTING_DISPLAY_DELAY_MS = 300;

function clientState(state: State): StatusInput['client'] {
  if (state === State.Running) return 'running';
  return state === State.Starting ? 'starting' : 'stopped';
}

/**
 * The status-bar item: the server's state from `wirelint/status` and the client's own state,
 * "off" when `wirelint.enable` is false for the file. Clicking it opens the output. Shown
 * while a linted document is visible, and always when the server needs attention.
 */
export class ServerStatusBar implements Disposable {
  private readonly item: StatusBarItem;
  private readonly subscriptions: Disposable[] = [];
  private client: StatusInput['client'] = 'starting';
  private server: StatusParams | undefined;
  private lintingTimer: NodeJS.Timeout | undefined;

  constructor(
    languageClient: LanguageClient,
    private readonly selector: DocumentSelector,
  ) {
    this.item = window.createStatusBarItem('wirelint.status', StatusBarAlignment.Right, 100);
    this.item.name = 'wirelint';
    this.item.command = ClientCommands.showOutput;
    this.subscriptions.push(
      languageClient.onDidChangeState((event) => {
        this.client = clientState(event.newState);
        // A new server process starts from scratch and will send its own status.
        if (event.newState !== State.Running) this.server = undefined;
        this.render();
      }),
      languageClient.onNotification(StatusNotification, (params) => {
        this.onServerStatus(params);
      }),
      window.onDidChangeActiveTextEditor(() => {
        this.render();
      }),
      window.onDidChangeVisibleTextEditors(() => {
        this.render();
      }),
      workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SECTION}.enable`)) this.render();
      }),
      workspace.onDidGrantWorkspaceTrust(() => {
        this.render();
      }),
    );
    this.render();
  }

  dispose(): void {
    clearTimeout(this.lintingTimer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }

  private onServerStatus(params: StatusParams): void {
    clearTimeout(this.lintingTimer);
    this.lintingTimer = undefined;
    if (params.state === 'linting' && this.server !== undefined && this.server.state !== 'linting') {
      // Keep showing the previous state unless the lint is still running after the delay.
      this.lintingTimer = setTimeout(() => {
        this.lintingTimer = undefined;
        this.server = params;
        this.render();
      }, LINTING_DISPLAY_DELAY_MS);
      return;
    }
    this.server = params;
    this.render();
  }

  /**
   * The linted document the item speaks for: the active editor's, else one visible beside it
   * (focus in the Output or another panel makes that the active editor, and the item stays).
   */
  private lintedDocument(): TextDocument | undefined {
    const isLinted = (document: TextDocument) => languages.match(this.selector, document) > 0;
    const active = window.activeTextEditor?.document;
    if (active !== undefined && isLinted(active)) return active;
    return window.visibleTextEditors.map((editor) => editor.document).find(isLinted);
  }

  private render(): void {
    const document = this.lintedDocument();
    const view = describeStatus({
      client: this.client,
      server: this.server?.state,
      message: this.server?.message,
      enabled: isEnabled(document?.uri),
      restricted: !workspace.isTrusted,
    });
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor = view.severity === 'error' ? new ThemeColor('statusBarItem.errorBackground') : undefined;
    if (document !== undefined || view.severity === 'error') this.item.show();
    else this.item.hide();
  }
}
