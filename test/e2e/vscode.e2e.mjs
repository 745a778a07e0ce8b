// The wirelint extension in a real VS Code (code-server), asserted through the UI only.
// scripts/test-vscode.mjs (`npm run test:vscode`) installs the packaged .vsix, starts
// code-server on copies of test/e2e/workspace/ and calls the two phases below. Each step saves
// a screenshot to test-results/vscode-e2e/<step>.png.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { STEP_TIMEOUT_MS } from './workbench.mjs';

/** server.js after "Raise the backlog to 511." and a save. */
const FIXED_SERVER_JS = `// The quick-fix step: \`no-small-listen-backlog\` (recommended) offers "Raise the backlog to 511."
// The untrusted step: eslint.config.mjs turns this rule off, which must not count until trusted.
import http from 'node:http';

const server = http.createServer((req, res) => {
  res.end('ok');
});

server.listen(8080, '127.0.0.1', 511);
`;

/**
 * Runs `action`, then saves `<name>.png`; on failure saves `<name>-failed.png` and rethrows.
 * @param {import('./workbench.mjs').Workbench} workbench
 */
async function step(workbench, log, name, action) {
  const started = Date.now();
  try {
    await action();
  } catch (error) {
    await workbench.screenshot(`${name}-failed`).catch(() => undefined);
    throw new Error(`step ${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  await workbench.screenshot(name);
  log(`ok ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/**
 * A trusted workspace (code-server runs with --disable-workspace-trust): diagnostics, the
 * status bar, quick fixes applied and saved, a settings change, and a workspace scan.
 * @param {{ workbench: import('./workbench.mjs').Workbench, workspace: string, log: (line: string) => void }} context
 */
export async function trustedPhase({ workbench, workspace, log }) {
  const backlog = 'wirelint/no-small-listen-backlog';

  await step(workbench, log, '01-diagnostics', async () => {
    await workbench.openFile('server.js');
    await workbench.waitForSquiggle('server.js', 'warning');
    await workbench.waitForProblem(backlog);
    const row = (await workbench.problems()).find((text) => text.includes(backlog));
    assert.ok(row?.includes('A listen backlog of 5 is below 511'), `the Problems entry names the rule but not its message: ${String(row)}`);
    assert.ok(row.includes('[Ln 9, Col 34]'), `the Problems entry is not at line 9, column 34: ${row}`);
  });

  await step(workbench, log, '02-status-bar', async () => {
    const item = workbench.statusItem();
    await item.waitFor({ timeout: STEP_TIMEOUT_MS });
    // `$(check)` is the "ready" state from the server's wirelint/status.
    await item.locator('.codicon-check').waitFor({ timeout: STEP_TIMEOUT_MS });
    await item.click();
    // The item opens the extension's output channel.
    await workbench.page.locator('.panel .monaco-select-box, .panel select').filter({ hasText: 'wirelint' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  });

  await step(workbench, log, '03-quick-fix-menu', async () => {
    await workbench.goTo(9, 35);
    const fixes = await workbench.openQuickFixes();
    log(`   quick fixes: ${JSON.stringify(fixes)}`);
    for (const expected of ['Raise the backlog to 511.', `Disable ${backlog} for this line`, `Disable ${backlog} for this file`]) {
      assert.ok(
        fixes.some((title) => title.includes(expected)),
        `the Quick Fix menu lacks "${expected}": ${JSON.stringify(fixes)}`,
      );
    }
  });

  await step(workbench, log, '04-fix-applied-and-saved', async () => {
    await workbench.chooseQuickFix('Raise the backlog to 511.');
    await workbench.waitForEditorText('server.js', "server.listen(8080, '127.0.0.1', 511);");
    await workbench.waitForSquiggle('server.js', 'warning', false);
    await workbench.waitForProblem(backlog, false);
    await workbench.save();
    const file = path.join(workspace, 'server.js');
    const deadline = Date.now() + 10_000;
    while (fs.readFileSync(file, 'utf8') !== FIXED_SERVER_JS && Date.now() < deadline) await workbench.page.waitForTimeout(100);
    assert.equal(fs.readFileSync(file, 'utf8'), FIXED_SERVER_JS, 'server.js on disk is not the fixed text');
  });

  await step(workbench, log, '05-recommended-preset', async () => {
    await workbench.openFile('fetch-all.js');
    // The file's recommended problem shows that it was linted; the strict one must be absent.
    await workbench.waitForProblem('wirelint/require-request-timeout');
    const problems = await workbench.problems();
    assert.ok(!problems.some((text) => text.includes('no-unbounded-concurrency')), `a strict-only rule reported under "recommended":\n${problems.join('\n')}`);
  });

  await step(workbench, log, '06-strict-setting', async () => {
    fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), `${JSON.stringify({ 'wirelint.config': 'strict' }, null, 2)}\n`);
    await workbench.waitForProblem('wirelint/no-unbounded-concurrency');
    await workbench.waitForProblem('wirelint/require-request-timeout');
  });

  await step(workbench, log, '07-scan-workspace', async () => {
    await workbench.runCommand('wirelint: Scan Workspace');
    // never-opened.js is never opened: only the scan can report it.
    await workbench.waitForProblem('wirelint/prefer-end-over-destroy');
  });

  await step(workbench, log, '08-fix-all-command', async () => {
    // No wirelint rule has an autofix (only suggestions), so the server's answer is "nothing to
    // fix": the message shows that the command went to the server and back.
    await workbench.runCommand('wirelint: Fix All Auto-Fixable Problems');
    await workbench.waitForNotification('wirelint: no auto-fixable problems in fetch-all.js');
  });

  await step(workbench, log, '09-restart-server', async () => {
    await workbench.runCommand('wirelint: Show Output');
    await workbench.waitForPanelText('The wirelint server is running', 1);
    await workbench.runCommand('wirelint: Restart Server');
    await workbench.waitForPanelText('Restarting the wirelint server', 1);
    await workbench.waitForPanelText('The wirelint server is running', 2);
    await workbench.statusItem().locator('.codicon-check').waitFor({ timeout: STEP_TIMEOUT_MS });
    // The new server lints the open files again.
    await workbench.waitForProblem('wirelint/no-unbounded-concurrency');
  });

  await step(workbench, log, '10-disabled', async () => {
    await workbench.openFile('fetch-all.js');
    fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), `${JSON.stringify({ 'wirelint.config': 'strict', 'wirelint.enable': false }, null, 2)}\n`);
    // The server clears the problems it published, and the status bar says "off".
    await workbench.waitForProblem('wirelint/', false);
    await workbench.statusItem().locator('.codicon-circle-slash').waitFor({ timeout: STEP_TIMEOUT_MS });
  });
}

/**
 * An untrusted workspace (code-server without --disable-workspace-trust) whose eslint.config.mjs
 * turns `no-small-listen-backlog` off, with `wirelint.useProjectEslintConfig: true` in the user
 * settings (which Restricted Mode does not hide): the server must ignore the project's config
 * until the workspace is trusted, then use it without a restart.
 * @param {{ workbench: import('./workbench.mjs').Workbench, workspace: string, log: (line: string) => void }} context
 */
export async function untrustedPhase({ workbench, log }) {
  const { page } = workbench;

  await step(workbench, log, '11-restricted-mode', async () => {
    // code-server 4.139 opens an untrusted folder straight in Restricted Mode; VS Code asks first.
    const restricted = page.locator('.statusbar-item', { hasText: 'Restricted Mode' });
    const decline = page.locator('.monaco-dialog-box .monaco-button', { hasText: /No, I don.t trust/ });
    await restricted.or(decline).first().waitFor({ timeout: STEP_TIMEOUT_MS });
    if (await decline.isVisible()) await decline.click();
    await restricted.waitFor({ timeout: STEP_TIMEOUT_MS });
  });

  await step(workbench, log, '12-untrusted-ignores-project-config', async () => {
    await workbench.openFile('server.js');
    await workbench.waitForSquiggle('server.js', 'warning');
    await workbench.waitForProblem('wirelint/no-small-listen-backlog');
  });

  await step(workbench, log, '13-trusted-uses-project-config', async () => {
    await workbench.runCommand('Workspaces: Manage Workspace Trust');
    const trust = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first();
    await trust.waitFor({ timeout: STEP_TIMEOUT_MS });
    await trust.click();
    await page.locator('.workspace-trust-editor', { hasText: 'You trust this folder' }).waitFor({ timeout: STEP_TIMEOUT_MS });
    // The trust editor opens as a modal over the workbench.
    const modal = page.locator('.monaco-modal-editor-block');
    if (await modal.isVisible()) {
      await modal.locator('.action-label.codicon-close, .action-label[aria-label^="Close"]').first().click();
      await modal.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
    }
    // The project's config turns the rule off: once trusted, the server re-lints with it.
    await workbench.waitForProblem('wirelint/no-small-listen-backlog', false);
    await workbench.openFile('fetch-all.js');
    // ...and keeps the rest of `recommended`, which the project's config spreads in.
    await workbench.waitForProblem('wirelint/require-request-timeout');
  });
}
