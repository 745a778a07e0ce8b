import { expect, it } from 'vitest';

import { nodeModulesFiles, SHARDS, shardOf, sweep } from './no-crash';

/**
 * Declares the test of one of SHARDS shards of every JS/TS file in the repository's
 * node_modules, balanced by size. Each shard has its own test file so that vitest runs the
 * shards in parallel forks.
 */
export function defineShardTest(shard: number): void {
  it(`no rule crashes on any file of node_modules (shard ${shard + 1} of ${SHARDS})`, async () => {
    const { files: all, tooLarge } = nodeModulesFiles();
    const files = shardOf(all, shard, SHARDS);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await sweep(files);
    const cpu = process.cpuUsage(cpuBefore);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    // CPU time, not only wall time: on a loaded machine the wall clock says little about CI.
    const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(1);
    console.log(
      `robustness shard ${shard + 1}/${SHARDS}: ${result.files} files (of ${all.length}; ${tooLarge} over 1 MB left out), ${result.parsed} parsed, ${result.runs} lint runs, ${result.findings} findings, ${result.crashes.length} crashes, ${seconds} s (${cpuSeconds} s CPU)`,
    );
    expect(result.crashes).toEqual([]);
    // Nearly everything parses; a drop means the harness, not the rules, went wrong.
    expect(result.parsed).toBeGreaterThan(files.length * 0.8);
  }, 600_000);
}
