/**
 * The libraries wirelint knows, under one canonical id each. Import specifiers are
 * normalised here once (`node:` prefix, sub-paths, look-alike packages) so that nothing
 * else in the plugin compares module strings.
 */
export type ModuleId =
  | 'http'
  | 'https'
  | 'net'
  | 'tls'
  | 'stream'
  | 'events'
  | 'fs'
  | 'process'
  | 'undici'
  | 'node-fetch'
  | 'axios'
  | 'got'
  | 'ky'
  | 'superagent'
  | 'pg'
  | 'ioredis'
  | 'redis'
  | 'ws'
  | 'p-queue'
  | 'p-limit'
  | 'async'
  | 'fastq'
  | 'grpc'
  | 'mongodb'
  | 'agentkeepalive';

const NODE_BUILTINS: Readonly<Record<string, ModuleId>> = {
  http: 'http',
  https: 'https',
  net: 'net',
  tls: 'tls',
  stream: 'stream',
  'stream/promises': 'stream',
  'stream/web': 'stream',
  events: 'events',
  fs: 'fs',
  'fs/promises': 'fs',
  // `import { stdout } from 'node:process'`: the module's export is the global `process`.
  process: 'process',
};

const PACKAGES: Readonly<Record<string, ModuleId>> = {
  undici: 'undici',
  'node-fetch': 'node-fetch',
  // Both export a fetch with node-fetch's semantics (cross-fetch wraps node-fetch on Node).
  'cross-fetch': 'node-fetch',
  'isomorphic-fetch': 'node-fetch',
  axios: 'axios',
  got: 'got',
  ky: 'ky',
  'ky-universal': 'ky',
  superagent: 'superagent',
  pg: 'pg',
  ioredis: 'ioredis',
  redis: 'redis',
  '@redis/client': 'redis',
  ws: 'ws',
  'p-queue': 'p-queue',
  'p-limit': 'p-limit',
  async: 'async',
  'async/queue': 'async',
  fastq: 'fastq',
  '@grpc/grpc-js': 'grpc',
  mongodb: 'mongodb',
  agentkeepalive: 'agentkeepalive',
};

/**
 * Sub-path modules whose main export is one member of the library
 * (`require('async/queue')` is `async.queue`).
 */
const SUBPATH_MEMBER: Readonly<Record<string, string>> = {
  'async/queue': 'queue',
};

export interface ModuleSpecifier {
  module: ModuleId;
  /** Path of the module's main export inside the canonical library (usually empty). */
  basePath: readonly string[];
}

/** Every specifier `canonicalModule` maps to one of `modules` (`node:` forms included). */
export function moduleSpecifiers(modules: Iterable<ModuleId>): string[] {
  const wanted = new Set(modules);
  const specifiers: string[] = [];
  for (const [specifier, module] of Object.entries(NODE_BUILTINS)) if (wanted.has(module)) specifiers.push(specifier, `node:${specifier}`);
  for (const [specifier, module] of Object.entries(PACKAGES)) if (wanted.has(module)) specifiers.push(specifier);
  return specifiers;
}

/** `'node:https'` → `https`, `'cross-fetch'` → `node-fetch`, `'left-pad'` → undefined. */
export function canonicalModule(specifier: string): ModuleSpecifier | undefined {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  const module = specifier.startsWith('node:') ? NODE_BUILTINS[bare] : (NODE_BUILTINS[bare] ?? PACKAGES[bare]);
  if (module === undefined) return undefined;
  const member = SUBPATH_MEMBER[bare];
  return { module, basePath: member === undefined ? [] : [member] };
}
