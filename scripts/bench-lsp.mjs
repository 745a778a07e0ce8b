// `npm run bench:lsp`: the language server's editor latencies, over a real protocol session
// with the built server (packages/language-server/bin), syntactic and type-aware:
//   - cold start: process spawn to the first publishDiagnostics of an opened document;
//   - keystroke latency: a one-character didChange to the publishDiagnostics of that version,
//     on a ~1,000-line file made of the examples/ network code. It includes the server's
//     150 ms change debounce; "re-lint" is the same minus the debounce, the figure DESIGN.md's
//     editor target is about.
// Each run is a fresh server; figures are medians over runs. For scale, the same edits are
// parsed in this process by typescript-eslint alone, without and with the project service.
//
//   node scripts/bench-lsp.mjs [--runs N] [--edits N]
//
// Also `import { runLspBench } from './bench-lsp.mjs'` (scripts/bench.mjs does): it returns the
// numbers and prints nothing but `log` lines.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import * as tsParser from '@typescript-eslint/parser';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const repoRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const serverBin = path.join(repoRoot, 'packages', 'language-server', 'bin', 'wirelint-language-server.js');
const DEBOUNCE_MS = 150;
const WARMUP_EDITS = 3;
const TARGET_LINES = 1000;
/** DESIGN.md "Targets", Editor. */
export const LSP_TARGETS = { relintP95Ms: 80, typedOverTypedParseP95Ms: 60, coldStartMs: 1500 };

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/**
 * A TypeScript file of about 1,000 lines from the examples (buggy and fixed versions): imports
 * hoisted and de-duplicated, each copy's body in its own block so that names do not clash, and
 * a comment line in the middle where the benchmark types.
 */
function benchSource() {
  const sources = [];
  for (const directory of ['examples', 'examples/clean']) {
    for (const name of readdirSync(path.join(repoRoot, directory)).sort()) {
      if (/\.(?:js|ts)$/.test(name)) sources.push(readFileSync(path.join(repoRoot, directory, name), 'utf8'));
    }
  }
  const imports = new Set();
  const bodies = sources.map((source) => {
    const lines = [];
    for (const line of source.split('\n')) {
      if (line.startsWith('import ')) imports.add(line);
      else lines.push(line.replace(/^export (default )?/, ''));
    }
    return lines.join('\n');
  });
  const blocks = [];
  let lineCount = imports.size;
  for (let copy = 0; lineCount < TARGET_LINES; copy++) {
    const body = bodies[copy % bodies.length];
    blocks.push(`{\n${body}\n}`);
    lineCount += body.split('\n').length + 2;
  }
  const middle = Math.floor(blocks.length / 2);
  blocks.splice(middle, 0, '// keystrokes land here:');
  const text = `${[...imports].join('\n')}\n\n${blocks.join('\n')}\n`;
  const lines = text.split('\n');
  const editLine = lines.indexOf('// keystrokes land here:');
  return { text, lines: lines.length, edit: { line: editLine, character: lines[editLine].length } };
}

/** A workspace in the user's cache (never the repository) with a tsconfig and the repository's node_modules. */
function benchWorkspace(text) {
  const base = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  const root = path.join(base, 'wirelint', 'bench-lsp');
  mkdirSync(path.join(root, 'src'), { recursive: true });
  if (!existsSync(path.join(root, 'node_modules'))) symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  writeFileSync(
    path.join(root, 'tsconfig.json'),
    `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] }, include: ['src'] }, null, 2)}\n`,
  );
  const file = path.join(root, 'src', 'service.ts');
  writeFileSync(file, text);
  return { root, file };
}

/** One fresh server: cold start, then `edits` keystrokes after a warm-up. */
async function session({ workspace, source, typeAware, edits }) {
  const started = performance.now();
  const child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const resolve = waiting.get(params.version);
    if (resolve !== undefined) {
      waiting.delete(params.version);
      resolve({ at: performance.now(), count: params.diagnostics.length });
    }
  });
  connection.listen();
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
  const folder = pathToFileURL(workspace.root).href;
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: 'bench-lsp' }],
    capabilities: {},
    initializationOptions: { typeAware },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const uri = pathToFileURL(workspace.file).href;
  const first = published(1);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'typescript', version: 1, text: source.text } });
  const { at: firstAt, count: problems } = await first;
  const coldStartMs = firstAt - started;
  const latencies = [];
  const { line, character } = source.edit;
  for (let index = 0; index < WARMUP_EDITS + edits; index++) {
    const version = index + 2;
    // Type a character, then delete it: the text alternates between two states.
    const change = index % 2 === 0 ? { range: { start: { line, character }, end: { line, character } }, text: 'x' } : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
    const next = published(version);
    const sent = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    const { at } = await next;
    if (index >= WARMUP_EDITS) latencies.push(at - sent);
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  await exited;
  connection.dispose();
  return { coldStartMs, problems, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95) };
}

/** typescript-eslint's parser alone on the same keystrokes, warm, in this process: the floor the server stands on. */
function parseAlone({ workspace, source, typed, edits }) {
  const lines = source.text.split('\n');
  const options = typed ? { filePath: workspace.file, projectService: true, tsconfigRootDir: workspace.root, range: true, loc: true, tokens: true, comment: true } : { filePath: workspace.file, range: true, loc: true, tokens: true, comment: true };
  const times = [];
  for (let index = 0; index < WARMUP_EDITS + edits; index++) {
    const edited = [...lines];
    if (index % 2 === 0) edited[source.edit.line] += 'x';
    const started = performance.now();
    tsParser.parseForESLint(edited.join('\n'), options);
    if (index >= WARMUP_EDITS) times.push(performance.now() - started);
  }
  return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
}

/**
 * Runs the benchmark and returns its figures (milliseconds): per mode, the medians over `runs`
 * fresh servers of the cold start, the keystroke latency p50/p95 and the re-lint p50/p95
 * (latency minus the debounce); the parser-alone floors; the targets; the file's size.
 */
export async function runLspBench({ runs = 3, edits = 20, log = () => {} } = {}) {
  if (!existsSync(path.join(repoRoot, 'packages', 'language-server', 'dist', 'main.js'))) throw new Error('build the language server first (npm run build)');
  const source = benchSource();
  const workspace = benchWorkspace(source.text);
  log(`language server: ${String(source.lines)}-line file, ${String(runs)} runs x ${String(edits)} keystrokes per mode`);
  const figures = { file: { lines: source.lines }, targets: LSP_TARGETS };
  for (const [mode, typeAware] of [
    ['syntactic', false],
    ['typeAware', true],
  ]) {
    const results = [];
    for (let run = 0; run < runs; run++) {
      results.push(await session({ workspace, source, typeAware, edits }));
      log(`language server: ${mode} run ${String(run + 1)}/${String(runs)}: cold ${results.at(-1).coldStartMs.toFixed(0)} ms, p95 ${results.at(-1).p95Ms.toFixed(0)} ms`);
    }
    const p50Ms = median(results.map((result) => result.p50Ms));
    const p95Ms = median(results.map((result) => result.p95Ms));
    figures[mode] = {
      problems: results[0].problems,
      coldStartMs: median(results.map((result) => result.coldStartMs)),
      keystrokeP50Ms: p50Ms,
      keystrokeP95Ms: p95Ms,
      relintP50Ms: p50Ms - DEBOUNCE_MS,
      relintP95Ms: p95Ms - DEBOUNCE_MS,
    };
  }
  figures.parserAlone = { untyped: parseAlone({ workspace, source, typed: false, edits }), typed: parseAlone({ workspace, source, typed: true, edits }) };
  return figures;
}

function machineLine() {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${String(cpus.length)} cores, ${String(Math.round(os.totalmem() / 2 ** 30))} GB, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}`;
}

function printTable(figures) {
  const ms = (value) => `${value.toFixed(0)} ms`;
  const verdict = (ok) => (ok ? 'ok' : 'MISSED');
  const { syntactic, typeAware, parserAlone, targets } = figures;
  const typedOverParse = typeAware.relintP95Ms - parserAlone.typed.p95Ms;
  const rows = [
    ['cold start to first diagnostics', ms(syntactic.coldStartMs), ms(typeAware.coldStartMs), `< ${String(targets.coldStartMs)} ms syntactic: ${verdict(syntactic.coldStartMs < targets.coldStartMs)}`],
    ['keystroke to diagnostics, p50', ms(syntactic.keystrokeP50Ms), ms(typeAware.keystrokeP50Ms), `includes the ${String(DEBOUNCE_MS)} ms debounce`],
    ['keystroke to diagnostics, p95', ms(syntactic.keystrokeP95Ms), ms(typeAware.keystrokeP95Ms), ''],
    ['re-lint (minus debounce), p50', ms(syntactic.relintP50Ms), ms(typeAware.relintP50Ms), ''],
    [
      're-lint (minus debounce), p95',
      ms(syntactic.relintP95Ms),
      ms(typeAware.relintP95Ms),
      `syntactic <= ${String(targets.relintP95Ms)} ms: ${verdict(syntactic.relintP95Ms <= targets.relintP95Ms)}; typed <= typed parse + ${String(targets.typedOverTypedParseP95Ms)} ms: ${verdict(typedOverParse <= targets.typedOverTypedParseP95Ms)}`,
    ],
    ['parser alone, p50 / p95', `${ms(parserAlone.untyped.p50Ms)} / ${ms(parserAlone.untyped.p95Ms)}`, `${ms(parserAlone.typed.p50Ms)} / ${ms(parserAlone.typed.p95Ms)}`, 'typescript-eslint, same edits, in process'],
  ];
  const header = ['measure', 'syntactic', 'typeAware', 'DESIGN.md target'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log(`\n${String(figures.file.lines)}-line file; ${String(syntactic.problems)} problems syntactic, ${String(typeAware.problems)} typed. Machine: ${machineLine()}.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, edits: { type: 'string', default: '20' } } });
  const runs = Number(values.runs);
  const edits = Number(values.edits);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(edits) || edits < 2) throw new Error('--runs must be >= 1 and --edits >= 2');
  const figures = await runLspBench({ runs, edits, log: (message) => console.error(`bench:lsp: ${message}`) });
  printTable(figures);
}
