import type { ModuleId } from './modules';

/**
 * Kinds of runtime objects the rules reason about. A value gets a kind from how it was made
 * (`axios.create()` → `axios-instance`), from the callback it is a parameter of
 * (`http.get(url, res => …)` → `incoming-message`), or from its declared type.
 */
export type InstanceKind =
  | 'fetch-response'
  | 'undici-response-data'
  | 'undici-dispatcher'
  | 'client-request'
  | 'incoming-message'
  | 'server-response'
  | 'http-agent'
  | 'http-server'
  | 'net-server'
  | 'socket'
  | 'axios-instance'
  | 'axios-response'
  | 'got-instance'
  | 'got-stream'
  | 'ky-instance'
  | 'superagent-agent'
  | 'superagent-request'
  | 'pg-pool'
  | 'pg-client'
  | 'redis-client'
  | 'ws-server'
  | 'websocket'
  | 'p-queue'
  | 'limiter'
  | 'async-queue'
  | 'fastq-queue'
  | 'readable'
  | 'writable'
  | 'duplex'
  | 'mongo-client'
  | 'grpc-package'
  | 'grpc-client'
  | 'abort-controller'
  | 'abort-signal'
  /** A WHATWG `Request` received by a server handler (known from its type). */
  | 'fetch-request';

/** What the catalog knows about one library entry point or instance member. */
export interface ApiInfo {
  /**
   * Canonical id shared by every way of reaching the same behaviour: `undici.request`,
   * `pool.request()` and `require('undici').request` are all `undici.request`; global
   * `fetch`, undici's and node-fetch's are all `fetch`.
   */
  id: string;
  /** The kind of object a call or `new` returns. */
  returns?: InstanceKind;
  /** The call returns a promise of `returns` (`fetch`, `undici.request`). */
  async?: boolean;
  /** The kind a plain read of this entry has (`process.stdout`, the `axios` default export). */
  value?: InstanceKind;
  /** Kinds of the parameters of a function passed as a callback to this call. */
  callbackParams?: readonly (InstanceKind | undefined)[];
}

type Table = Readonly<Record<string, Omit<ApiInfo, 'id'> & { id?: string }>>;

const HTTP_METHODS = ['get', 'delete', 'head', 'options', 'post', 'put', 'patch'] as const;

function methods(prefix: string, names: readonly string[], info: Omit<ApiInfo, 'id'> = {}): Table {
  return Object.fromEntries(names.map((name) => [name, { id: `${prefix}.${name}`, ...info }]));
}

const AXIOS_CALL = { returns: 'axios-response', async: true } as const;
const axiosMembers: Table = {
  '': { id: 'axios.request', ...AXIOS_CALL },
  request: { id: 'axios.request', ...AXIOS_CALL },
  ...methods('axios', [...HTTP_METHODS, 'postForm', 'putForm', 'patchForm'], AXIOS_CALL),
  create: { id: 'axios.create', returns: 'axios-instance' },
  defaults: { id: 'axios.defaults' },
};

const GOT_CALL = { async: true } as const;
const gotMembers: Table = {
  '': { id: 'got', ...GOT_CALL },
  ...methods('got', HTTP_METHODS, GOT_CALL),
  stream: { id: 'got.stream', returns: 'got-stream' },
  // got.stream.get(url) …: keyed by the member path below the instance.
  ...Object.fromEntries(HTTP_METHODS.map((name) => [`stream.${name}`, { id: `got.stream.${name}`, returns: 'got-stream' as const }])),
  extend: { id: 'got.extend', returns: 'got-instance' },
  paginate: { id: 'got.paginate' },
};

const kyMembers: Table = {
  '': { id: 'ky', returns: 'fetch-response', async: true },
  ...methods('ky', HTTP_METHODS, { returns: 'fetch-response', async: true }),
  create: { id: 'ky.create', returns: 'ky-instance' },
  extend: { id: 'ky.extend', returns: 'ky-instance' },
};

const superagentMembers: Table = {
  '': { id: 'superagent.request', returns: 'superagent-request' },
  ...Object.fromEntries(
    [...HTTP_METHODS, 'del'].map((name) => [name, { id: 'superagent.request', returns: 'superagent-request' as const }]),
  ),
  agent: { id: 'superagent.agent', returns: 'superagent-agent' },
};

const undiciDispatcherMembers: Table = {
  request: { id: 'undici.request', returns: 'undici-response-data', async: true },
  stream: { id: 'undici.stream', async: true },
  pipeline: { id: 'undici.pipeline', returns: 'duplex' },
  connect: { id: 'undici.connect', async: true },
  upgrade: { id: 'undici.upgrade', async: true },
};

const UNDICI_DISPATCHERS = ['Agent', 'Pool', 'Client', 'ProxyAgent', 'EnvHttpProxyAgent', 'BalancedPool', 'RetryAgent'];

const httpModule: Table = {
  request: { id: 'http.request', returns: 'client-request', callbackParams: ['incoming-message'] },
  get: { id: 'http.get', returns: 'client-request', callbackParams: ['incoming-message'] },
  Agent: { id: 'http.Agent', returns: 'http-agent' },
  globalAgent: { id: 'http.globalAgent', value: 'http-agent' },
  createServer: { id: 'http.createServer', returns: 'http-server', callbackParams: ['incoming-message', 'server-response'] },
  Server: { id: 'http.createServer', returns: 'http-server', callbackParams: ['incoming-message', 'server-response'] },
};

const netModule: Table = {
  connect: { id: 'net.connect', returns: 'socket' },
  createConnection: { id: 'net.connect', returns: 'socket' },
  Socket: { id: 'net.Socket', returns: 'socket' },
  createServer: { id: 'net.createServer', returns: 'net-server', callbackParams: ['socket'] },
  Server: { id: 'net.createServer', returns: 'net-server', callbackParams: ['socket'] },
};

const STREAM_CLASSES: Table = {
  Readable: { id: 'stream.Readable', returns: 'readable' },
  Writable: { id: 'stream.Writable', returns: 'writable' },
  Duplex: { id: 'stream.Duplex', returns: 'duplex' },
  Transform: { id: 'stream.Transform', returns: 'duplex' },
  PassThrough: { id: 'stream.PassThrough', returns: 'duplex' },
};

/** Entries reached from a module import or `require`, by canonical module and member path. */
const MODULES: Readonly<Record<ModuleId, Table>> = {
  http: httpModule,
  https: httpModule,
  net: netModule,
  tls: {
    connect: { id: 'net.connect', returns: 'socket' },
    TLSSocket: { id: 'net.Socket', returns: 'socket' },
    createServer: { id: 'net.createServer', returns: 'net-server', callbackParams: ['socket'] },
    Server: { id: 'net.createServer', returns: 'net-server', callbackParams: ['socket'] },
  },
  stream: {
    pipeline: { id: 'stream.pipeline' },
    finished: { id: 'stream.finished' },
    ...STREAM_CLASSES,
    'Readable.from': { id: 'stream.Readable.from', returns: 'readable' },
    'Readable.fromWeb': { id: 'stream.Readable.fromWeb', returns: 'readable' },
    'Writable.fromWeb': { id: 'stream.Writable.fromWeb', returns: 'writable' },
  },
  events: {
    once: { id: 'events.once', async: true },
    on: { id: 'events.on' },
  },
  fs: {
    createWriteStream: { id: 'fs.createWriteStream', returns: 'writable' },
    createReadStream: { id: 'fs.createReadStream', returns: 'readable' },
  },
  // The same objects as the global `process.stdout`/`process.stderr` (see GLOBALS).
  process: {
    stdout: { id: 'process.stdout', value: 'writable' },
    stderr: { id: 'process.stderr', value: 'writable' },
    exit: { id: 'process.exit' },
    abort: { id: 'process.abort' },
  },
  undici: {
    fetch: { id: 'fetch', returns: 'fetch-response', async: true },
    ...undiciDispatcherMembers,
    ...Object.fromEntries(UNDICI_DISPATCHERS.map((name) => [name, { id: `undici.${name}`, returns: 'undici-dispatcher' as const }])),
    setGlobalDispatcher: { id: 'undici.setGlobalDispatcher' },
    getGlobalDispatcher: { id: 'undici.getGlobalDispatcher', returns: 'undici-dispatcher' },
    Response: { id: 'global.Response' },
  },
  'node-fetch': {
    '': { id: 'fetch', returns: 'fetch-response', async: true },
    fetch: { id: 'fetch', returns: 'fetch-response', async: true },
    Response: { id: 'global.Response' },
  },
  axios: { '': { id: 'axios', value: 'axios-instance' } },
  got: { '': { id: 'got', value: 'got-instance' }, got: { id: 'got', value: 'got-instance' } },
  ky: { '': { id: 'ky', value: 'ky-instance' } },
  superagent: { '': { id: 'superagent', value: 'superagent-agent' } },
  pg: {
    Pool: { id: 'pg.Pool', returns: 'pg-pool' },
    Client: { id: 'pg.Client', returns: 'pg-client' },
    'native.Pool': { id: 'pg.Pool', returns: 'pg-pool' },
    'native.Client': { id: 'pg.Client', returns: 'pg-client' },
  },
  ioredis: {
    '': { id: 'ioredis.Redis', returns: 'redis-client' },
    Redis: { id: 'ioredis.Redis', returns: 'redis-client' },
    Cluster: { id: 'ioredis.Cluster', returns: 'redis-client' },
  },
  redis: {
    createClient: { id: 'redis.createClient', returns: 'redis-client' },
    createCluster: { id: 'redis.createCluster', returns: 'redis-client' },
  },
  ws: {
    '': { id: 'ws.WebSocket', returns: 'websocket' },
    WebSocket: { id: 'ws.WebSocket', returns: 'websocket' },
    WebSocketServer: { id: 'ws.WebSocketServer', returns: 'ws-server' },
    Server: { id: 'ws.WebSocketServer', returns: 'ws-server' },
  },
  'p-queue': {
    '': { id: 'p-queue.PQueue', returns: 'p-queue' },
    PQueue: { id: 'p-queue.PQueue', returns: 'p-queue' },
    // `require('p-queue').default` from CommonJS (p-queue ships only an ESM default export).
    default: { id: 'p-queue.PQueue', returns: 'p-queue' },
  },
  'p-limit': { '': { id: 'p-limit', returns: 'limiter' } },
  async: {
    queue: { id: 'async.queue', returns: 'async-queue' },
    priorityQueue: { id: 'async.priorityQueue', returns: 'async-queue' },
    cargo: { id: 'async.cargo', returns: 'async-queue' },
    cargoQueue: { id: 'async.cargoQueue', returns: 'async-queue' },
  },
  fastq: {
    '': { id: 'fastq', returns: 'fastq-queue' },
    promise: { id: 'fastq.promise', returns: 'fastq-queue' },
  },
  grpc: {
    Client: { id: 'grpc.Client', returns: 'grpc-client' },
    loadPackageDefinition: { id: 'grpc.loadPackageDefinition', returns: 'grpc-package' },
  },
  mongodb: { MongoClient: { id: 'mongodb.MongoClient', returns: 'mongo-client' } },
  agentkeepalive: {
    '': { id: 'http.Agent', returns: 'http-agent' },
    HttpsAgent: { id: 'http.Agent', returns: 'http-agent' },
  },
};

/** Entries reached through globals (declared in the config, or unresolved references). */
const GLOBALS: Table = {
  fetch: { id: 'fetch', returns: 'fetch-response', async: true },
  Response: { id: 'global.Response' },
  'Response.json': { id: 'global.Response.json' },
  WebSocket: { id: 'global.WebSocket', returns: 'websocket' },
  AbortController: { id: 'global.AbortController', returns: 'abort-controller' },
  'AbortSignal.timeout': { id: 'AbortSignal.timeout', returns: 'abort-signal' },
  'AbortSignal.any': { id: 'AbortSignal.any', returns: 'abort-signal' },
  'process.stdout': { id: 'process.stdout', value: 'writable' },
  'process.stderr': { id: 'process.stderr', value: 'writable' },
  // Nothing runs after them: no connection outlives the process.
  'process.exit': { id: 'process.exit' },
  'process.abort': { id: 'process.abort' },
  'Promise.all': { id: 'Promise.all' },
  'Promise.allSettled': { id: 'Promise.allSettled' },
};

/** Members of instances, by kind. `'*'` matches any member path (gRPC packages). */
const INSTANCES: Readonly<Partial<Record<InstanceKind, Table>>> = {
  'axios-instance': axiosMembers,
  'got-instance': gotMembers,
  'ky-instance': kyMembers,
  'superagent-agent': superagentMembers,
  'undici-dispatcher': undiciDispatcherMembers,
  'fetch-response': { clone: { id: 'response.clone', returns: 'fetch-response' } },
  'client-request': { setTimeout: { id: 'request.setTimeout' } },
  'grpc-package': { '*': { id: 'grpc.service', returns: 'grpc-client' } },
  'abort-controller': { signal: { id: 'abort-controller.signal', value: 'abort-signal' } },
};

/**
 * The parameters of listeners registered with `on`/`once`/… for an event, by emitter kind:
 * `req.on('response', res => …)` hands the listener an `incoming-message`.
 */
export const EVENT_PARAMS: Readonly<Partial<Record<InstanceKind, Readonly<Record<string, readonly InstanceKind[]>>>>> = {
  'client-request': { response: ['incoming-message'], socket: ['socket'] },
  'http-server': {
    request: ['incoming-message', 'server-response'],
    connection: ['socket'],
    // (req, socket, head): the raw socket of an HTTP upgrade or CONNECT request.
    upgrade: ['incoming-message', 'socket'],
    connect: ['incoming-message', 'socket'],
  },
  'net-server': { connection: ['socket'], secureConnection: ['socket'] },
  'ws-server': { connection: ['websocket', 'incoming-message'] },
};

export const LISTENER_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

function entry(table: Table | undefined, path: readonly string[]): ApiInfo | undefined {
  if (table === undefined) return undefined;
  const key = path.join('.');
  const found = Object.hasOwn(table, key) ? table[key] : Object.hasOwn(table, '*') && path.length > 0 ? table['*'] : undefined;
  if (found === undefined) return undefined;
  return { ...found, id: found.id ?? key };
}

export function lookupModuleMember(module: ModuleId, path: readonly string[]): ApiInfo | undefined {
  return entry(MODULES[module], path);
}

export function lookupGlobal(path: readonly string[]): ApiInfo | undefined {
  return entry(GLOBALS, path);
}

export function lookupInstanceMember(kind: InstanceKind, path: readonly string[]): ApiInfo | undefined {
  return entry(INSTANCES[kind], path);
}

/** Name → the kinds with a member path through it (`stream` and `get` of got's `stream.get`). */
const KINDS_BY_MEMBER_NAME = new Map<string, Set<InstanceKind>>();
for (const [kind, table] of Object.entries(INSTANCES) as [InstanceKind, Table][]) {
  for (const key of Object.keys(table)) {
    if (key === '' || key === '*') continue;
    for (const name of key.split('.')) {
      const kinds = KINDS_BY_MEMBER_NAME.get(name) ?? new Set();
      kinds.add(kind);
      KINDS_BY_MEMBER_NAME.set(name, kinds);
    }
  }
}
const NO_KINDS: ReadonlySet<InstanceKind> = new Set();

/**
 * The kinds below which a member path through `name` can reach a catalog entry. A path through
 * any other name never reaches one, except below a `'*'` table (gRPC packages).
 */
export function kindsWithMemberName(name: string): ReadonlySet<InstanceKind> {
  return KINDS_BY_MEMBER_NAME.get(name) ?? NO_KINDS;
}
