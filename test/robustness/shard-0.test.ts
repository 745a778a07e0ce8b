import { defineShardTest } from './define-shard';

defineShardTest(0);
