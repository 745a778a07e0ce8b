// Paired per-file timing: one process lints every file with two ESLint configurations, one
// right after the other, in alternating order. Load on a shared machine changes over seconds,
// so it hits both sides of each pair alike and cancels in the ratio, far better than between
// whole runs minutes apart (those drifted by ±20 % on the bench machine).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

import { Linter } from 'eslint';

import { CONFIGURATIONS } from './bench-configurations.mjs';

/** The pairs `npm run bench` times: each wirelint configuration against its parse-only baseline. */
export const PAIRS = Object.freeze([
  { id: 'paired-untyped', baseline: 'untyped-parse', candidate: 'untyped-wirelint' },
  { id: 'paired-typed', baseline: 'typed-parse', candidate: 'typed-wirelint' },
]);

/**
 * Lints every file of the job with the pair's two configurations and returns the time each
 * took. The first file of each package is linted once more beforehand, untimed in the pair:
 * typed, that run builds the package's program, a cost both configurations share, so it is
 * added to both sides (`sharedMs`) and the ratio stays the one between whole runs.
 * @param {import('./bench-workspace.mjs').BenchJob} job
 * @param {(typeof PAIRS)[number]} pair
 */
export async function runPaired(job, pair) {
  const configOf = async (id) => CONFIGURATIONS.find((configuration) => configuration.id === id).eslintConfig(job);
  const baseline = await configOf(pair.baseline);
  const candidate = await configOf(pair.candidate);
  const linter = new Linter({ cwd: job.treeRoot });
  const time = (file, text, config) => {
    const start = performance.now();
    linter.verify(text, config, { filename: file });
    return performance.now() - start;
  };
  let sharedMs = 0;
  let baselineMs = 0;
  let candidateMs = 0;
  const packagesSeen = new Set();
  job.files.forEach((file, index) => {
    const text = readFileSync(file, 'utf8');
    const packageDir = path.relative(job.treeRoot, file).split(path.sep)[0];
    if (!packagesSeen.has(packageDir)) {
      packagesSeen.add(packageDir);
      sharedMs += time(file, text, baseline);
    }
    if (index % 2 === 0) {
      baselineMs += time(file, text, baseline);
      candidateMs += time(file, text, candidate);
    } else {
      candidateMs += time(file, text, candidate);
      baselineMs += time(file, text, baseline);
    }
  });
  return { sharedMs, baselineMs, candidateMs, ratio: (sharedMs + candidateMs) / (sharedMs + baselineMs) };
}
