// `npm run bench`: what wirelint costs on real network-client code (the pinned corpus of
// scripts/lib/corpus.mjs), as ratios to ESLint's own parsing measured in the same run.
// Every run of every configuration is a fresh child process (scripts/lib/bench-worker.mjs):
// cold alike, and its peak RSS is its own. Rounds are interleaved, in a rotating order, so that
// noise from a shared machine hits every configuration alike; figures are medians.
//
// Then each wirelint configuration and its baseline lint every file side by side in one process
// (scripts/lib/bench-paired.mjs): the steadiest ratio on a shared machine.
//
//   node scripts/bench.mjs [--rounds N] [--quick] [--only id,id] [--skip-lsp] [--skip-paired]
//
// --rounds N     runs per configuration and per pair (default 5)
// --quick        smoke run: one round over a sample of the corpus, no language-server bench
// --only         configuration ids (see scripts/lib/bench-configurations.mjs)
// --skip-lsp     leave out the language-server latencies
// --skip-paired  leave out the paired per-file runs
// Writes <cache>/bench/report-<time>.json, latest.json and findings/<configuration>.txt.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { CONFIGURATIONS } from './lib/bench-configurations.mjs';
import { PAIRS } from './lib/bench-paired.mjs';
import {
  formatMb,
  formatMs,
  formatPercent,
  formatRatio,
  machine,
  markdownTable,
  median,
  oxlintFindings,
  TARGETS,
  verdict,
} from './lib/bench-report.mjs';
import { clearResults, prepareWorkspace } from './lib/bench-workspace.mjs';
import { cacheRoot, ensureCorpus } from './lib/corpus.mjs';

const repoRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const workerFile = path.join(repoRoot, 'scripts', 'lib', 'bench-worker.mjs');

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'skip-lsp': { type: 'boolean', default: false },
    'skip-paired': { type: 'boolean', default: false },
  },
});
const rounds = values.quick ? 1 : Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got "${values.rounds}"`);
const onlyIds = values.only?.split(',').map((id) => id.trim());
for (const id of onlyIds ?? []) {
  if (!CONFIGURATIONS.some((configuration) => configuration.id === id)) {
    throw new Error(`unknown configuration "${id}"; known: ${CONFIGURATIONS.map((configuration) => configuration.id).join(', ')}`);
  }
}
const configurations = CONFIGURATIONS.filter(({ id }) => onlyIds === undefined || onlyIds.includes(id));

const log = (message) => console.error(`bench: ${message}`);
const corpus = await ensureCorpus({ log });
// --quick: every 8th file of every package, so the sample still spans all of them.
const packages = values.quick ? corpus.packages.map((pkg) => ({ ...pkg, files: pkg.files.filter((_, index) => index % 8 === 0) })) : corpus.packages;
const workDir = path.join(cacheRoot(), 'bench');
const { job, jobFile } = prepareWorkspace({ workDir, repoRoot, packages });
const resultsDir = path.join(workDir, 'results');
clearResults(resultsDir);
const lines = job.files.reduce((sum, file) => sum + readFileSync(file, 'utf8').split('\n').length, 0);
const host = machine();

console.log(`corpus: ${packages.length} packages, ${job.files.length.toLocaleString('en')} files, ${lines.toLocaleString('en')} lines (${corpus.root})`);
console.log(`machine: ${host.cpu}, ${host.cores} cores, ${host.memoryGb} GB, Node ${host.node}, ${host.platform}, load average ${host.loadAverage.toFixed(1)} at start`);
console.log(`rounds: ${rounds}, each configuration in a fresh process per run, interleaved in rotating order\n`);

/** Runs one configuration once in a child process. */
function runOnce(configuration, round) {
  const resultFile = path.join(resultsDir, `${configuration.id}-${round}.json`);
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [workerFile, jobFile, configuration.id, resultFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      // oxlint exits 1 when it reports errors; an ESLint worker exits 0 unless it crashed.
      const expected = configuration.host === 'oxlint' ? code === 0 || code === 1 : code === 0;
      if (!expected || !existsSync(resultFile)) {
        reject(new Error(`${configuration.id} (round ${round}) exited with ${code}:\n${Buffer.concat(stderr).toString()}`));
        return;
      }
      const result = JSON.parse(readFileSync(resultFile, 'utf8'));
      if (configuration.host === 'oxlint') result.findings = oxlintFindings(Buffer.concat(stdout).toString(), job.treeRoot);
      resolve({ ...result, wallMs });
    });
  });
}

if (!values.quick) {
  log('warm-up run (file cache), not measured');
  await runOnce(CONFIGURATIONS[0], 'warm-up');
}
/** @type {Record<string, { wallMs: number, lintMs?: number, maxRssKb: number, findings: string[], parseErrors?: number, ruleMs?: Record<string, number> }[]>} */
const runs = Object.fromEntries(configurations.map(({ id }) => [id, []]));
for (let round = 0; round < rounds; round += 1) {
  const order = configurations.map((_, index) => configurations[(index + round) % configurations.length]);
  for (const configuration of order) {
    const result = await runOnce(configuration, round);
    runs[configuration.id].push(result);
    log(`round ${round + 1}/${rounds} ${configuration.id}: ${formatMs(result.lintMs ?? result.wallMs)} ms, ${result.findings.length} findings`);
  }
}

// Paired per-file runs: the steadier ratio (see bench-paired.mjs), for each pair whose two
// configurations are both selected.
const pairs = values['skip-paired'] ? [] : PAIRS.filter(({ baseline, candidate }) => [baseline, candidate].every((id) => configurations.some((configuration) => configuration.id === id)));
/** @type {Record<string, { ratio: number, sharedMs: number, baselineMs: number, candidateMs: number }[]>} */
const pairedRuns = Object.fromEntries(pairs.map(({ id }) => [id, []]));
for (let round = 0; round < rounds; round += 1) {
  for (const pair of pairs.map((_, index) => pairs[(index + round) % pairs.length])) {
    const result = await runOnce(pair, `${round}`);
    pairedRuns[pair.id].push(result);
    log(`round ${round + 1}/${rounds} ${pair.id}: ${pair.candidate} / ${pair.baseline} = ${formatRatio(result.ratio)}`);
  }
}

// ---- figures -------------------------------------------------------------------------------
const medianOf = (list, key) => median(list.map((run) => run[key] ?? Number.NaN));
const figures = Object.fromEntries(
  Object.entries(runs).map(([id, list]) => [
    id,
    {
      lintMs: medianOf(list, 'lintMs'),
      lintCpuMs: medianOf(list, 'lintCpuMs'),
      wallMs: medianOf(list, 'wallMs'),
      processCpuMs: medianOf(list, 'processCpuMs'),
      maxRssKb: medianOf(list, 'maxRssKb'),
      findings: list[0].findings,
      parseErrors: list[0].parseErrors,
      // Findings are deterministic: a run that differs from the first means a rule depends on
      // state it must not keep.
      stable: list.every((run) => run.findings.join('\n') === list[0].findings.join('\n')),
    },
  ]),
);
const figure = (id, key) => figures[id]?.[key] ?? Number.NaN;
/** ESLint configurations compare their lintFiles() calls; oxlint, a whole process, compares whole processes. */
/**
 * The median over rounds of each round's own ratio: the two runs of a round ran minutes apart
 * at most, so a load change on the shared machine between rounds cancels out.
 */
function pairedRatio(id, baseline, key, baselineKey = key) {
  const pairs = (runs[id] ?? []).map((run, round) => (run[key] ?? Number.NaN) / (runs[baseline]?.[round]?.[baselineKey] ?? Number.NaN));
  return median(pairs);
}
/** ESLint configurations compare their lintFiles() calls; oxlint, a whole process, compares whole processes. */
const ratio = (id, baseline) => ({ cpu: pairedRatio(id, baseline, 'lintCpuMs'), wall: pairedRatio(id, baseline, 'lintMs') });
const ratios = {
  untyped: ratio('untyped-wirelint', 'untyped-parse'),
  typedParse: ratio('typed-parse', 'untyped-parse'),
  typed: ratio('typed-wirelint', 'typed-parse'),
  oxlint: { cpu: pairedRatio('oxlint-wirelint', 'untyped-parse', 'processCpuMs'), wall: pairedRatio('oxlint-wirelint', 'untyped-parse', 'wallMs') },
  typedRss: pairedRatio('typed-wirelint', 'typed-parse', 'maxRssKb'),
};

const paired = Object.fromEntries(
  pairs.map(({ id, baseline, candidate }) => [id, { baseline, candidate, ratio: median(pairedRuns[id].map((run) => run.ratio)), runs: pairedRuns[id] }]),
);

const ruleIds = Object.keys(runs['untyped-wirelint-stats']?.[0]?.ruleMs ?? {}).sort();
const perRule = ruleIds.map((ruleId) => {
  const ms = median(runs['untyped-wirelint-stats'].map((run) => run.ruleMs?.[ruleId] ?? 0));
  const shares = runs['untyped-wirelint-stats'].map((run, round) => (run.ruleMs?.[ruleId] ?? 0) / (runs['untyped-parse']?.[round]?.lintMs ?? Number.NaN));
  return { ruleId, ms, share: median(shares) };
});

// ---- tables --------------------------------------------------------------------------------
// Targets are judged on CPU time: the bench machine is shared, and a configuration's own CPU
// time is what it costs; wall-time ratios are printed beside them. oxlint is judged on wall
// time, as issue 11 states its target (it uses every core; its CPU ratio is shown too).
const mainRows = [
  ['untyped-parse', undefined, undefined, 'cpu'],
  ['untyped-wirelint', ratios.untyped, TARGETS.untypedRatio, 'cpu'],
  ['typed-parse', ratios.typedParse, undefined, 'cpu'],
  ['typed-wirelint', ratios.typed, TARGETS.typedRatio, 'cpu'],
  ['oxlint-wirelint', ratios.oxlint, TARGETS.oxlintToEslintParse, 'wall'],
]
  .filter(([id]) => figures[id] !== undefined)
  .map(([id, pair, target, judgedOn]) => {
    const { label } = CONFIGURATIONS.find((candidate) => candidate.id === id);
    return [
      label,
      formatMs(figure(id, 'lintMs')),
      formatMs(figure(id, 'lintCpuMs')),
      formatMs(figure(id, 'wallMs')),
      formatMs(figure(id, 'processCpuMs')),
      pair === undefined ? 'baseline' : formatRatio(pair.cpu),
      pair === undefined ? '' : formatRatio(pair.wall),
      target === undefined ? '' : `≤ ${target}x (${judgedOn})`,
      target === undefined ? '' : verdict(pair[judgedOn], target),
      formatMb(figure(id, 'maxRssKb')),
      String(figures[id].findings.length),
    ];
  });
console.log(
  markdownTable(
    ['configuration', 'lint wall ms', 'lint CPU ms', 'process wall ms', 'process CPU ms', 'ratio (CPU)', 'ratio (wall)', 'target', 'result', 'peak RSS MB', 'findings'],
    mainRows,
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l', 'r', 'r'],
  ),
);
console.log(
  [
    '',
    'lint: the lintFiles() call; process: child process start to exit. Ratios: ESLint + wirelint to the same',
    'parse-only mode; typed parse only to untyped parse only; oxlint (whole process) to the ESLint parse-only process.',
  ].join('\n'),
);
if (figures['typed-wirelint'] !== undefined && figures['typed-parse'] !== undefined) {
  console.log(`peak RSS typed + wirelint vs typed parse only: ${formatRatio(ratios.typedRss)} (target ≤ ${TARGETS.typedRssRatio}x: ${verdict(ratios.typedRss, TARGETS.typedRssRatio)})`);
}

const PAIR_TARGETS = { 'paired-untyped': TARGETS.untypedRatio, 'paired-typed': TARGETS.typedRatio };
if (pairs.length > 0) {
  console.log(`\nPaired per-file ratios (both configurations lint each file in one process, in alternating order; median of ${rounds}):\n`);
  console.log(
    markdownTable(
      ['pair', 'ratio', 'runs', 'target', 'result'],
      pairs.map(({ id, baseline, candidate }) => [
        `${candidate} / ${baseline}`,
        formatRatio(paired[id].ratio),
        paired[id].runs.map((run) => formatRatio(run.ratio)).join(' '),
        `≤ ${PAIR_TARGETS[id]}x`,
        verdict(paired[id].ratio, PAIR_TARGETS[id]),
      ]),
      ['l', 'r', 'l', 'l', 'l'],
    ),
  );
}

const checks = [];
const sameFindings = (a, b) => figures[a] !== undefined && figures[b] !== undefined ? figures[a].findings.join('\n') === figures[b].findings.join('\n') : undefined;
const hostsAgree = sameFindings('untyped-wirelint', 'oxlint-wirelint');
if (hostsAgree !== undefined) checks.push(`oxlint and ESLint (untyped) findings identical: ${hostsAgree ? 'yes' : 'NO'}`);
for (const [id, figure] of Object.entries(figures)) {
  if (!figure.stable) checks.push(`${id}: findings differ between runs (rule state leaks across runs)`);
  if (figure.parseErrors !== undefined && figure.parseErrors > 0) checks.push(`${id}: ${figure.parseErrors} files did not parse`);
}
if (checks.length > 0) console.log(checks.join('\n'));

if (perRule.length > 0) {
  console.log(`\nPer-rule cost (ESLint stats: listener time per rule, median of ${rounds}), as a share of untyped parse-only lint time:\n`);
  console.log(
    markdownTable(
      ['rule', 'ms', 'share', `target ≤ ${TARGETS.ruleShare * 100} %`],
      perRule.map(({ ruleId, ms, share }) => [ruleId, ms.toFixed(1), formatPercent(share), verdict(share, TARGETS.ruleShare)]),
      ['l', 'r', 'r', 'l'],
    ),
  );
  const total = perRule.reduce((sum, { ms }) => sum + ms, 0);
  console.log(`\nall rules' listeners together: ${total.toFixed(0)} ms (${formatPercent(perRule.reduce((sum, { share }) => sum + share, 0))})`);
}

// ---- language server -------------------------------------------------------------------------
let lsp;
const lspBench = path.join(repoRoot, 'scripts', 'bench-lsp.mjs');
if (values.quick || values['skip-lsp']) {
  console.log('\nlanguage server: skipped (--quick or --skip-lsp)');
} else if (!existsSync(lspBench)) {
  console.log('\nlanguage server: scripts/bench-lsp.mjs is absent, no latency figures');
} else {
  const lspModule = await import(pathToFileURL(lspBench).href);
  if (typeof lspModule.runLspBench !== 'function') {
    console.log('\nlanguage server: scripts/bench-lsp.mjs does not export runLspBench, no latency figures');
  } else {
    console.log('\nlanguage server (scripts/bench-lsp.mjs):\n');
    lsp = await lspModule.runLspBench({ log });
    printLspFigures(lsp);
  }
}

// ---- report files --------------------------------------------------------------------------
const findingsDir = path.join(workDir, 'findings');
mkdirSync(findingsDir, { recursive: true });
for (const [id, figure] of Object.entries(figures)) writeFileSync(path.join(findingsDir, `${id}.txt`), figure.findings.map((line) => `${line}\n`).join(''));
const report = {
  date: new Date().toISOString(),
  machine: host,
  command: `node scripts/bench.mjs ${process.argv.slice(2).join(' ')}`.trim(),
  corpus: { root: corpus.root, packages: packages.map(({ name, version, files }) => ({ name, version, files: files.length })), files: job.files.length, lines },
  rounds,
  targets: TARGETS,
  configurations: Object.fromEntries(
    Object.entries(figures).map(([id, { findings, ...figure }]) => [id, { ...figure, findings: findings.length, runs: runs[id].map(({ wallMs, lintMs, lintCpuMs, processCpuMs, maxRssKb }) => ({ wallMs, lintMs, lintCpuMs, processCpuMs, maxRssKb })) }]),
  ),
  ratios,
  paired,
  perRule,
  hostsAgree,
  lsp,
};
const reportFile = path.join(workDir, `report-${report.date.replaceAll(':', '-')}.json`);
writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(path.join(workDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nload average at the end: ${os.loadavg()[0].toFixed(1)}`);
console.log(`\nreport: ${reportFile}\nfindings: ${findingsDir}/<configuration>.txt`);

/** Prints what runLspBench returned: a table of its numeric fields, whatever their nesting. */
function printLspFigures(figuresFromLsp) {
  const rows = [];
  const visit = (value, key) => {
    if (typeof value === 'number') rows.push([key, Number.isInteger(value) ? String(value) : value.toFixed(1)]);
    else if (typeof value === 'string' || typeof value === 'boolean') rows.push([key, String(value)]);
    else if (value !== null && typeof value === 'object') for (const [child, inner] of Object.entries(value)) visit(inner, key === '' ? child : `${key}.${child}`);
  };
  visit(figuresFromLsp, '');
  console.log(markdownTable(['measure', 'value'], rows, ['l', 'r']));
}
