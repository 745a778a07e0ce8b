// Drives a VS Code workbench (code-server in Chromium) through its UI only, with the selectors
// that work on VS Code 1.139 (see /work/shared/research/editor.md). Each helper waits for what
// it needs and fails with a message that says what was missing.
import * as path from 'node:path';

/* global document -- the functions passed to page.waitForFunction run in the browser */

// Generous: a busy 2-core CI machine can be ten times slower than an idle one.
export const STEP_TIMEOUT_MS = Number(process.env.WIRELINT_E2E_STEP_TIMEOUT_MS ?? 90_000);

/** Editor and panel text uses non-breaking spaces. */
const normalize = (text) => text.replace(/\u00a0/g, ' ');

export class Workbench {
  /**
   * @param {import('playwright-core').Page} page
   * @param {string} screenshotDir
   */
  constructor(page, screenshotDir) {
    this.page = page;
    this.screenshotDir = screenshotDir;
  }

  async screenshot(name) {
    const file = path.join(this.screenshotDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Opens code-server on a folder and waits for the workbench and its Explorer. */
  async open(baseUrl, folder) {
    await this.page.goto(`${baseUrl}/?folder=${encodeURIComponent(folder)}`);
    await this.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  }

  /** Opens a file from the Explorer (Enter in Quick Open was unreliable) and waits for its editor. */
  async openFile(name) {
    const row = this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`).first();
    await row.waitFor({ timeout: STEP_TIMEOUT_MS });
    await row.dblclick();
    await this.page.waitForSelector(`${this.editorSelector(name)} .view-lines`, { timeout: STEP_TIMEOUT_MS });
  }

  editorSelector(name) {
    return `.monaco-editor[data-uri$="/${name}"]`;
  }

  /** The visible text of a file's editor. */
  async editorText(name) {
    return normalize(await this.page.locator(`${this.editorSelector(name)} .view-lines`).innerText());
  }

  async waitForEditorText(name, expected) {
    await this.page.waitForFunction(
      ([selector, text]) => document.querySelector(selector)?.textContent?.replace(/\u00a0/g, ' ').includes(text) === true,
      [`${this.editorSelector(name)} .view-lines`, expected],
      { timeout: STEP_TIMEOUT_MS },
    );
  }

  /** Waits until a file's editor shows (or stops showing) a squiggle of the given severity. */
  async waitForSquiggle(name, severity, present = true) {
    const selector = `${this.editorSelector(name)} .squiggly-${severity}`;
    await this.page.waitForFunction(([s, want]) => (document.querySelector(s) !== null) === want, [selector, present], { timeout: STEP_TIMEOUT_MS });
  }

  /** Runs a command by its Command Palette label, clicking the exact entry (Enter could pick a recent one). */
  async runCommand(label) {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await input.fill(`>${label}`);
    // A row's accessible name starts with the command's label (then its category or keybinding).
    const entry = this.page.locator(`.quick-input-list .monaco-list-row[aria-label^="${label.replace(/"/g, '\\"')}"]`).first();
    await entry.waitFor({ timeout: STEP_TIMEOUT_MS }).catch(() => {
      throw new Error(`the Command Palette has no command "${label}"`);
    });
    await entry.click();
  }

  /** Puts the caret at a 1-based line and column through Quick Open's `:line:column`. */
  async goTo(line, column) {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await input.fill(`:${String(line)}:${String(column)}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
  }

  /** Opens the Quick Fix menu at the caret (Ctrl+. does not reach the page in headless Chromium) and lists it. */
  async openQuickFixes() {
    await this.runCommand('Quick Fix...');
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    await rows.first().waitFor({ timeout: STEP_TIMEOUT_MS });
    return (await rows.allInnerTexts()).map((text) => normalize(text).trim());
  }

  async chooseQuickFix(title) {
    await this.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first().click();
  }

  async showProblems() {
    if (await this.page.locator('.markers-panel').isVisible()) return;
    await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await this.page.waitForSelector('.markers-panel', { timeout: STEP_TIMEOUT_MS });
  }

  /** The Problems panel's rows (file rows and problem rows), as text. */
  async problems() {
    await this.showProblems();
    return (await this.page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((text) => normalize(text).replace(/\s+/g, ' ').trim());
  }

  /** Waits until some Problems row contains `text` (or, with present=false, none does). */
  async waitForProblem(text, present = true) {
    await this.showProblems();
    try {
      await this.page.waitForFunction(
        ([needle, want]) => [...document.querySelectorAll('.markers-panel .monaco-list-row')].some((row) => row.textContent?.includes(needle)) === want,
        [text, present],
        { timeout: STEP_TIMEOUT_MS },
      );
    } catch {
      throw new Error(`the Problems panel ${present ? 'never showed' : 'still shows'} "${text}"; it shows:\n  ${(await this.problems()).join('\n  ')}`);
    }
  }

  /** The status-bar item the extension contributes (its accessible name is its text without icons). */
  statusItem() {
    return this.page.locator('.statusbar-item', { has: this.page.locator('a[aria-label*="wirelint"], .statusbar-item-label:has-text("wirelint")') }).first();
  }

  /** Waits for a notification toast whose message contains `text`. */
  async waitForNotification(text) {
    await this.page.locator('.notifications-toasts .notification-list-item-message', { hasText: text }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  }

  /** Waits until the panel's editor (the Output view) shows `text` at least `count` times. */
  async waitForPanelText(text, count) {
    try {
      await this.page.waitForFunction(
        ([needle, times]) => {
          const shown = [...document.querySelectorAll('.part.panel .monaco-editor .view-lines')].map((lines) => lines.textContent?.replace(/\u00a0/g, ' ') ?? '').join('\n');
          return shown.split(needle).length - 1 >= times;
        },
        [text, count],
        { timeout: STEP_TIMEOUT_MS },
      );
    } catch {
      throw new Error(`the panel never showed "${text}" ${String(count)} time(s)`);
    }
  }

  async save() {
    await this.page.keyboard.press('Control+S');
  }
}
