import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { expect } from 'vitest';

import type { ReportedDiagnostic, Scenario } from './scenarios';

const REPO = path.join(__dirname, '..', '..');
const SERVER_BIN = path.join(REPO, 'packages', 'language-server', 'bin', 'wirelint-language-server.js');
const SERVER_MAIN = path.join(REPO, 'packages', 'language-server', 'dist', 'main.js');
const FIXTURES = path.join(__dirname, 'fixtures');
const INSTALL_SCRIPT = 'scripts/install-editors.sh';
/** Set to a fresh id for each run; the editor and the server inherit it. */
const RUN_MARKER = 'WIRELINT_E2E_RUN';

/** Each wait inside an editor script (server start, diagnostics, actions, re-lint, exit). */
const STEP_TIMEOUT_MS = 10_000;
/** A hang guard for the whole editor run (past it the process group is killed); a run takes 2–9 s. */
const RUN_TIMEOUT_MS = 25_000;
/** A server may take a moment to go after its editor quits (Neovim waits for it, eglot kills it). */
const EXIT_GRACE_MS = 2_000;

/** What an editor script writes to its report file (see nvim-e2e.lua and emacs-e2e.el). */
export interface EditorReport {
  editor: string;
  serverPid?: number;
  diagnostics: ReportedDiagnostic[];
  codeActions: string[];
  appliedFix?: string;
  diagnosticsAfterFix: ReportedDiagnostic[];
  /** How the server process ended, when the editor tells (Neovim's `on_exit`). */
  serverExit?: { code: number; signal: number };
  error?: string;
  /** On failure: the end of the editor's LSP log (Neovim) or JSON-RPC transcript (Emacs). */
  lspLog?: string;
  protocolLog?: string;
}

export interface EditorRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  report: EditorReport | undefined;
  /** The opened file's content after the editor quit. */
  written: string;
  /** The editor's stdout and stderr, for failure messages. */
  output: string;
  /** Processes (`pid command`) still running from this run once the editor quit. */
  leftovers: string[];
}

export interface EditorCommand {
  command: string;
  args: string[];
  /** Extra environment on top of the isolated HOME/XDG/TMPDIR. */
  env?: Record<string, string>;
}

export interface Editor {
  /** For test names: says why the tests are skipped when the binary is missing. */
  label: string;
  /** Skip when the binary is missing, unless WIRELINT_REQUIRE_EDITORS=1 makes that a failure. */
  skip: boolean;
  /** The binary's path; throws the install hint when it is missing (only reached when required). */
  binary: () => string;
}

function findOnPath(name: string): string | undefined {
  for (const directory of (process.env.PATH ?? '').split(path.delimiter)) {
    if (directory === '') continue;
    const candidate = path.join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

export function locateEditor(name: string, binaryName: string): Editor {
  const found = findOnPath(binaryName);
  const required = process.env.WIRELINT_REQUIRE_EDITORS === '1';
  const missing = `${binaryName} is not on PATH: run ${INSTALL_SCRIPT}`;
  return {
    label: found !== undefined || required ? name : `${name} (skipped: ${missing}; WIRELINT_REQUIRE_EDITORS=1 makes this a failure)`,
    skip: found === undefined && !required,
    binary: () => {
      if (found === undefined) throw new Error(`WIRELINT_REQUIRE_EDITORS=1 but ${missing}`);
      return found;
    },
  };
}

/** Fails with the build hint when the server has not been built. */
export function assertServerBuilt(): void {
  if (!existsSync(SERVER_MAIN)) throw new Error(`${path.relative(REPO, SERVER_MAIN)} is missing: build the server first with \`npx tsc -b\``);
}

function hasMarker(pid: string, marker: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(marker);
  } catch {
    return false; // gone meanwhile, or not ours to read
  }
}

function commandLine(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** Live processes whose environment carries `marker`: the editor's whole process tree, even re-parented. */
function processesWith(marker: string): { pid: number; command: string }[] {
  if (!existsSync('/proc/self/environ')) throw new Error('finding leftover processes needs Linux /proc');
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && hasMarker(entry, marker))
    .map((pid) => ({ pid: Number(pid), command: commandLine(pid) }));
}

async function leftoversAfterGrace(marker: string): Promise<{ pid: number; command: string }[]> {
  const deadline = Date.now() + EXIT_GRACE_MS;
  for (;;) {
    const alive = processesWith(marker);
    if (alive.length === 0 || Date.now() > deadline) return alive;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

function readReport(file: string): EditorReport | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as EditorReport) : undefined;
}

/**
 * Runs one editor session on a copy of the scenario's fixture in a fresh temporary directory,
 * with HOME and the XDG directories inside it (editors write logs and state there), and a
 * random marker in the environment that every process of the run inherits, to find leftovers.
 */
export async function runEditor({ command, args, env }: EditorCommand, scenario: Scenario): Promise<EditorRun> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'wirelint-editors-'));
  const workspace = path.join(root, 'workspace');
  const home = path.join(root, 'home');
  mkdirSync(workspace);
  mkdirSync(home);
  const file = path.join(workspace, scenario.fileName);
  copyFileSync(path.join(FIXTURES, scenario.fixture), file);
  const reportFile = path.join(root, 'report.json');
  const specFile = path.join(root, 'spec.json');
  writeFileSync(
    specFile,
    JSON.stringify({ server: [process.execPath, SERVER_BIN, '--stdio'], file, settings: scenario.settings, fixTitle: scenario.fixTitle, report: reportFile, timeoutMs: STEP_TIMEOUT_MS }),
  );
  const runId = randomUUID();
  try {
    const child = spawn(command, args, {
      cwd: workspace,
      // The editor's own process group, so a timeout can take the whole tree down.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, '.config'),
        XDG_DATA_HOME: path.join(home, '.local', 'share'),
        XDG_STATE_HOME: path.join(home, '.local', 'state'),
        XDG_CACHE_HOME: path.join(home, '.cache'),
        TMPDIR: root,
        WIRELINT_E2E_SPEC: specFile,
        [RUN_MARKER]: runId,
        ...env,
      },
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) killQuietly(-child.pid, 'SIGKILL');
    }, RUN_TIMEOUT_MS);
    const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, closeSignal) => {
        resolve([code, closeSignal]);
      });
    });
    clearTimeout(timer);
    const leftovers = await leftoversAfterGrace(`${RUN_MARKER}=${runId}`);
    // Whatever the verdict, this run's processes must not outlive it.
    for (const { pid } of leftovers) killQuietly(pid, 'SIGKILL');
    return {
      exitCode,
      signal,
      timedOut,
      report: readReport(reportFile),
      written: readFileSync(file, 'utf8'),
      output,
      leftovers: leftovers.map(({ pid, command: line }) => `${String(pid)} ${line}`),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The checks every editor passes; `serverExit` only where the editor reports how the server ended. */
export function expectScenarioOutcome(run: EditorRun, scenario: Scenario): void {
  const context = `editor output:\n${run.output}\nreport: ${JSON.stringify(run.report, null, 2)}`;
  expect(run.timedOut, `the editor ran over ${String(RUN_TIMEOUT_MS)} ms\n${context}`).toBe(false);
  expect(run.report?.error, context).toBeUndefined();
  expect(run.exitCode, context).toBe(0);
  const report = run.report as EditorReport;
  expect(report.diagnostics).toEqual(scenario.diagnostics);
  expect(report.codeActions).toEqual(scenario.codeActions);
  expect(report.appliedFix).toBe(scenario.fixTitle);
  expect(run.written).toBe(readFileSync(path.join(FIXTURES, 'expected', scenario.expected), 'utf8'));
  expect(report.diagnosticsAfterFix).toEqual(scenario.diagnosticsAfterFix);
  expect(report.serverPid, 'the editor script names the server process').toEqual(expect.any(Number));
  expect(run.leftovers, 'processes left running after the editor quit').toEqual([]);
}
