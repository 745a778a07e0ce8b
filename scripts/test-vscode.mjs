// `npm run test:vscode`: the VS Code extension end to end, in a real VS Code.
//
// Installs what it needs once (scripts/install-vscode-e2e.sh: Chromium, Node 24, code-server),
// installs the packaged .vsix (`npm run package` builds it) into an isolated code-server (own
// HOME and XDG folders, user-data and extensions folders in a temporary directory), then runs
// test/e2e/vscode.e2e.mjs through Chromium with playwright-core in two phases:
//   trusted    code-server with --disable-workspace-trust, on a copy of test/e2e/workspace/
//   untrusted  code-server with workspace trust on, on another copy plus the plugin linked into
//              node_modules/, so the project's eslint.config.mjs can load once it is trusted
// Each code-server runs in its own process group, killed as a whole at the end of its phase, on
// failure and on Ctrl+C. Screenshots, code-server logs and the extension's log go to
// test-results/vscode-e2e/. Exits non-zero on any failure. WIRELINT_E2E_KEEP=1 keeps the
// temporary directory.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { trustedPhase, untrustedPhase } from '../test/e2e/vscode.e2e.mjs';
import { Workbench } from '../test/e2e/workbench.mjs';

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const resultsDir = path.join(repo, 'test-results', 'vscode-e2e');
const extensionDir = path.join(repo, 'packages', 'vscode-extension');
const started = Date.now();

const log = (line) => {
  process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}\n`);
};

/** Settings for a quiet, offline, deterministic workbench (see research/editor.md). */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  // tsserver's type acquisition made a cold run time out in the research.
  'typescript.disableAutomaticTypeAcquisition': true,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
};

/** Runs the install script and reads the `key=value` lines it prints. */
function installTools() {
  const output = execFileSync('bash', [path.join(repo, 'scripts', 'install-vscode-e2e.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const tools = Object.fromEntries(output.trim().split('\n').map((line) => line.split(/=(.*)/s, 2)));
  for (const key of ['node', 'codeServer', 'chromium']) {
    if (!tools[key]) throw new Error(`install-vscode-e2e.sh did not print ${key}=...`);
  }
  return tools;
}

function packagedExtension() {
  const { version } = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
  const vsix = path.join(extensionDir, `wirelint-${version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${path.relative(repo, vsix)} is missing: run \`npm run package\` first (\`npm run test:vscode\` does)`);
  return vsix;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => {
        resolve(port);
      });
    });
  });
}

/** The process groups started here, so that every exit path can kill them. */
const groups = new Set();

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ESRCH') throw error;
  }
}

function killAllGroups() {
  for (const pid of groups) killGroup(pid, 'SIGKILL');
  groups.clear();
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal}: stopping code-server`);
    killAllGroups();
    process.exit(130);
  });
}
process.once('exit', killAllGroups);

/** A code-server process group, started detached (setsid) so that its children die with it. */
class CodeServer {
  static async start({ tools, env, userDataDir, extensionsDir, workspace, trusted, logFile }) {
    const port = await freePort();
    const args = [
      path.join(tools.codeServer, 'out', 'node', 'entry.js'),
      '--config', path.join(path.dirname(userDataDir), 'code-server.yaml'),
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      '--bind-addr', `127.0.0.1:${String(port)}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      // The default keeps each closed browser session's extension host alive for 3 hours.
      '--reconnection-grace-time', '5',
      ...(trusted ? ['--disable-workspace-trust'] : []),
      workspace,
    ];
    fs.writeFileSync(path.join(path.dirname(userDataDir), 'code-server.yaml'), 'auth: none\ncert: false\n');
    const out = fs.openSync(logFile, 'w');
    const child = spawn(tools.node, args, { env, detached: true, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    groups.add(child.pid);
    const server = new CodeServer(child, `http://127.0.0.1:${String(port)}`, logFile);
    await server.waitUntilHealthy();
    return server;
  }

  constructor(child, url, logFile) {
    this.child = child;
    this.url = url;
    this.logFile = logFile;
    this.exited = new Promise((resolve) => child.once('exit', resolve));
  }

  async waitUntilHealthy() {
    let exited = false;
    void this.exited.then(() => (exited = true));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !exited) {
      try {
        if ((await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(1000) })).ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const tail = fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-20).join('\n');
    throw new Error(`code-server ${exited ? 'exited' : 'did not answer /healthz within 60 s'}; the end of its log:\n${tail}`);
  }

  /** SIGTERM to the whole group, SIGKILL to whatever is left (a file watcher outlives its parent otherwise). */
  async stop() {
    const { pid } = this.child;
    killGroup(pid, 'SIGTERM');
    await Promise.race([this.exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    killGroup(pid, 'SIGKILL');
    groups.delete(pid);
  }
}

/** Copies the extension's own log out of a user-data folder (its output channel, with the server's log). */
function collectExtensionLogs(userDataDir, phase) {
  const logsDir = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logsDir)) return;
  for (const entry of fs.readdirSync(logsDir, { recursive: true })) {
    const file = String(entry);
    if (path.basename(file) === 'wirelint.log' || path.basename(file).endsWith('wirelint.log')) {
      fs.copyFileSync(path.join(logsDir, file), path.join(resultsDir, `${phase}-extension.log`));
    }
  }
}

async function runPhase({ name, tools, env, root, extensionsDir, workspace, trusted, userSettings, run }) {
  const userDataDir = path.join(root, `user-data-${name}`);
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(userSettings, null, 2)}\n`);
  log(`${name}: starting code-server on ${workspace}`);
  const server = await CodeServer.start({ tools, env, userDataDir, extensionsDir, workspace, trusted, logFile: path.join(resultsDir, `${name}-code-server.log`) });
  const browser = await chromium.launch({
    executablePath: tools.chromium,
    env,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => {
      log(`${name}: page error: ${error.message}`);
    });
    const workbench = new Workbench(page, resultsDir);
    await workbench.open(server.url, workspace);
    log(`${name}: workbench loaded`);
    await run({ workbench, workspace, log: (line) => { log(`${name}: ${line}`); } });
  } finally {
    await browser.close();
    await server.stop();
    collectExtensionLogs(userDataDir, name);
  }
}

/** A fresh copy of test/e2e/workspace/, so the test's edits never touch the repository. */
function copyWorkspace(root, name) {
  const workspace = path.join(root, name);
  fs.cpSync(path.join(repo, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  return workspace;
}

async function main() {
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });
  const tools = installTools();
  const vsix = packagedExtension();
  log(`tools ready; testing ${path.relative(repo, vsix)}`);

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wirelint-vscode-e2e-'));
  const home = path.join(root, 'home');
  // npm's and Node's own settings for this script must not leak into code-server.
  const inherited = Object.entries(process.env).filter(([key]) => !key.startsWith('npm_') && key !== 'NODE_OPTIONS');
  const env = {
    ...Object.fromEntries(inherited),
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    // code-server and the processes it starts run on Node 24.
    PATH: `${path.dirname(tools.node)}${path.delimiter}${process.env.PATH ?? ''}`,
  };
  fs.mkdirSync(home, { recursive: true });

  try {
    const extensionsDir = path.join(root, 'extensions');
    const installed = execFileSync(tools.node, [path.join(tools.codeServer, 'out', 'node', 'entry.js'), '--user-data-dir', path.join(root, 'user-data-install'), '--extensions-dir', extensionsDir, '--install-extension', vsix], { env, encoding: 'utf8' });
    if (!/successfully installed/i.test(installed)) throw new Error(`installing the .vsix failed:\n${installed}`);
    log('extension installed');

    // Saving goes through `source.fixAll.wirelint`, as users set it up (the fix step saves).
    const trustedSettings = { ...USER_SETTINGS, 'editor.codeActionsOnSave': { 'source.fixAll.wirelint': 'explicit' } };
    await runPhase({ name: 'trusted', tools, env, root, extensionsDir, workspace: copyWorkspace(root, 'trusted'), trusted: true, userSettings: trustedSettings, run: trustedPhase });

    const untrusted = copyWorkspace(root, 'untrusted');
    // The project's eslint.config.mjs imports the plugin, as in a project that installed it.
    fs.mkdirSync(path.join(untrusted, 'node_modules', '@wirelint'), { recursive: true });
    fs.symlinkSync(path.join(repo, 'packages', 'eslint-plugin'), path.join(untrusted, 'node_modules', '@wirelint', 'eslint-plugin'), 'dir');
    await runPhase({
      name: 'untrusted',
      tools,
      env,
      root,
      extensionsDir,
      workspace: untrusted,
      trusted: false,
      userSettings: { ...USER_SETTINGS, 'wirelint.useProjectEslintConfig': true },
      run: untrustedPhase,
    });
  } finally {
    if (process.env.WIRELINT_E2E_KEEP === '1') log(`kept ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
  log(`PASS: the VS Code extension works end to end (screenshots in ${path.relative(repo, resultsDir)}/)`);
}

main().catch((error) => {
  process.stderr.write(`\nFAIL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nScreenshots and logs: ${path.relative(repo, resultsDir)}/\n`);
  killAllGroups();
  process.exitCode = 1;
});
