import { defineShardTest } from './define-shard';

defineShardTest(2);
