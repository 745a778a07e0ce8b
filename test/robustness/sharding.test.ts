import { readdirSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { SHARDS, shardOf } from './no-crash';

describe('shardOf', () => {
  const files = Array.from({ length: 23 }, (_, index) => ({ file: `f${String(index).padStart(2, '0')}.js`, bytes: (index * 7919) % 1000 }));

  it('puts every file in exactly one shard', () => {
    const shards = [0, 1, 2, 3].map((shard) => shardOf(files, shard, 4));
    expect(shards.flat().sort()).toEqual(files.map(({ file }) => file));
  });

  it('balances the shards by size and gives the same answer every time', () => {
    const sizes = [0, 1, 2, 3].map((shard) => shardOf(files, shard, 4).reduce((sum, file) => sum + (files.find((f) => f.file === file)?.bytes ?? 0), 0));
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(Math.max(...files.map(({ bytes }) => bytes)));
    expect(shardOf([...files].reverse(), 2, 4)).toEqual(shardOf(files, 2, 4));
  });

  it('has one test file per shard, so no shard is left out', () => {
    const shardFiles = readdirSync(__dirname).filter((name) => /^shard-\d+\.test\.ts$/.test(name));
    expect(shardFiles.sort()).toEqual(Array.from({ length: SHARDS }, (_, shard) => `shard-${String(shard)}.test.ts`));
  });
});
