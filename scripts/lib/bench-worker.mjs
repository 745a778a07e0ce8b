// One benchmark run of one configuration (or one paired run, see bench-paired.mjs), in a fresh
// process so that every run starts cold alike and its peak RSS is its own. Started by
// scripts/bench.mjs:
//   node bench-worker.mjs <job.json> <configuration or pair id> <result.json>
// It writes { lintMs, lintCpuMs, processCpuMs, maxRssKb, findings, parseErrors, ruleMs? } to
// <result.json>; an oxlint run only writes processCpuMs and maxRssKb (oxlint prints its JSON report
// to stdout, which the parent reads). CPU times count every thread of the process (V8's GC
// helpers, oxlint's linter threads): on a shared machine they are steadier than wall times.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

import { CONFIGURATIONS } from './bench-configurations.mjs';
import { PAIRS, runPaired } from './bench-paired.mjs';

const [jobFile, configurationId, resultFile] = process.argv.slice(2);
if (jobFile === undefined || configurationId === undefined || resultFile === undefined) {
  throw new Error('usage: node bench-worker.mjs <job.json> <configuration id> <result.json>');
}
/** @type {import('./bench-workspace.mjs').BenchJob} */
const job = JSON.parse(readFileSync(jobFile, 'utf8'));
const pair = PAIRS.find(({ id }) => id === configurationId);
const configuration = CONFIGURATIONS.find(({ id }) => id === configurationId);
if (configuration === undefined && pair === undefined) throw new Error(`unknown configuration "${configurationId}"`);

const maxRssKb = () => process.resourceUsage().maxRSS;
const cpuMs = (usage = process.cpuUsage()) => (usage.user + usage.system) / 1000;

if (pair !== undefined) {
  writeFileSync(resultFile, JSON.stringify({ ...(await runPaired(job, pair)), maxRssKb: maxRssKb(), findings: [] }));
} else if (configuration.host === 'oxlint') {
  // oxlint's CLI is a Node program around a native addon that calls back into JS for JS
  // plugins, so running it in this process measures all of it, JS rules included.
  process.on('exit', () => writeFileSync(resultFile, JSON.stringify({ processCpuMs: cpuMs(), maxRssKb: maxRssKb() })));
  const oxlintCli = createRequire(job.repoRoot + '/').resolve('oxlint/package.json').replace(/package\.json$/, 'dist/cli.js');
  process.chdir(job.treeRoot);
  process.argv = [process.argv[0], 'oxlint', '--config', job.oxlintConfigFile, '--format', 'json', ...job.files];
  await import(oxlintCli);
} else {
  const { ESLint } = await import('eslint');
  const eslint = new ESLint({
    cwd: job.treeRoot,
    overrideConfigFile: true,
    overrideConfig: await configuration.eslintConfig(job),
    stats: configuration.stats === true,
    // The corpus is third-party code: its own `eslint-disable` comments name rules that are
    // not loaded here, and a parse error must be counted, not abort the run.
    warnIgnored: false,
  });
  const start = performance.now();
  const startCpu = process.cpuUsage();
  const results = await eslint.lintFiles(job.files);
  const lintCpuMs = cpuMs(process.cpuUsage(startCpu));
  const lintMs = performance.now() - start;

  const findings = [];
  let parseErrors = 0;
  /** @type {Record<string, number>} */
  const ruleMs = {};
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal === true) parseErrors += 1;
      else if (message.ruleId !== null) findings.push(findingKey(job, result.filePath, message.line, message.column, message.ruleId, message.message));
    }
    for (const pass of result.stats?.times.passes ?? []) {
      for (const [ruleId, { total }] of Object.entries(pass.rules ?? {})) ruleMs[ruleId] = (ruleMs[ruleId] ?? 0) + total;
    }
  }
  findings.sort();
  const result = { lintMs, lintCpuMs, processCpuMs: cpuMs(), maxRssKb: maxRssKb(), findings, parseErrors };
  if (configuration.stats === true) Object.assign(result, { ruleMs });
  writeFileSync(resultFile, JSON.stringify(result));
}

/** A finding as one comparable line: `file:line:column rule message`, the file relative to the tree. */
function findingKey(benchJob, filePath, line, column, ruleId, message) {
  return `${filePath.slice(benchJob.treeRoot.length + 1)}:${line}:${column} ${ruleId} ${message}`;
}
