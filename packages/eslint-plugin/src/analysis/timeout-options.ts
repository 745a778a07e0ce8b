import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext } from '@typescript-eslint/utils/ts-eslint';

import type { OptionsObject } from './object-options';
import { readOptionsObject } from './object-options';
import type { ResolvedCall } from './resolve';
import { resolveRef } from './resolve';
import { staticValue } from './static-value';
import { findVariable, isFunctionNode, staticPropertyName, unwrapExpression } from './syntax';
import { getTypeServices } from './types';

/**
 * The timeout model shared by `require-request-timeout`, `require-client-timeout` and
 * `no-disabled-timeout`: for every call that makes a request or a client, where its options
 * are, which of them bound what, which values turn them off, and what the library does when
 * nothing is set. Facts and sources: `shared/research/rules.md` §1.3.
 */

type AnyContext = Readonly<RuleContext<string, readonly unknown[]>>;

/** Libraries as users name them in the rules' `ignore` option. */
export const TIMEOUT_LIBRARIES = [
  'fetch',
  'axios',
  'got',
  'ky',
  'superagent',
  'undici',
  'http',
  'net',
  'pg',
  'ioredis',
  'redis',
  'mongodb',
  'grpc',
] as const;
export type TimeoutLibrary = (typeof TIMEOUT_LIBRARIES)[number];

/**
 * What a timer bounds, weakest first:
 * - `connect`: only establishing the connection;
 * - `response`: the wait for the first byte or the headers, not the body;
 * - `idle`: inactivity between chunks (a server that trickles a byte at a time never trips it);
 * - `deadline`: the whole exchange (`signal`, got's `timeout.request`, superagent's deadline).
 */
export type Bound = 'none' | 'connect' | 'response' | 'idle' | 'deadline';
const STRENGTH: Readonly<Record<Bound, number>> = { none: 0, connect: 1, response: 2, idle: 3, deadline: 4 };

export function isAtLeast(bound: Bound, minimum: Bound): boolean {
  return STRENGTH[bound] >= STRENGTH[minimum];
}

/** Values a library reads as "no timeout". */
export type OffValue = 'zero' | 'false' | 'null' | 'infinite';

/** Node's timers cannot wait longer than 2^31 - 1 ms (24.8 days): anything at or above it never fires in practice. */
const TIMER_MAX = 2 ** 31 - 1;

export interface TimeoutKey {
  /** Path inside the options object: `['timeout']`, `['connect', 'timeout']`. */
  path: readonly string[];
  bound: Bound;
  /** Values that switch this timer off. */
  off: readonly OffValue[];
  /** `false` means "not set" rather than "off" (`http.request`'s `agent: false` is a fresh agent without a timeout). */
  falseIsAbsent?: boolean;
  /** The library's default when the key is absent, if it has one (undici's 300 s `bodyTimeout`). */
  defaultMs?: number;
  /** How messages name the key when it is the only bound (default: the path in backticks). */
  label?: string;
  /** For messages: the timer this key sets, as a noun phrase. */
  what: string;
  /** For messages: what happens with the timer off. */
  consequence: string;
  /** Replacement text for a disabled value (`ms` is the configured default); absent: no suggestion. */
  restore?: (ms: string) => string;
  /** got's `timeout` is a number (got ≤ 11) or an object of per-phase limits. */
  nested?: readonly TimeoutKey[];
}

const HANGS = 'a server that accepts the connection and then stalls keeps the request waiting forever';
const restoreDefault = (ms: string): string => ms;

export const SIGNAL_KEY: TimeoutKey = { path: ['signal'], bound: 'deadline', off: [], what: 'the abort signal', consequence: HANGS };

const GOT_TIMEOUT: TimeoutKey = {
  path: ['timeout'],
  bound: 'deadline',
  off: ['infinite'],
  what: "got's request timeout",
  consequence: HANGS,
  nested: [
    { path: ['request'], bound: 'deadline', off: ['infinite'], what: "got's whole-request timeout", consequence: HANGS, restore: restoreDefault },
    { path: ['read'], bound: 'idle', off: ['infinite'], what: "got's read timeout", consequence: HANGS },
    { path: ['socket'], bound: 'idle', off: ['infinite'], what: "got's socket idle timeout", consequence: HANGS },
    { path: ['response'], bound: 'response', off: ['infinite'], what: "got's response timeout", consequence: HANGS },
    { path: ['send'], bound: 'response', off: ['infinite'], what: "got's send timeout", consequence: HANGS },
    { path: ['lookup'], bound: 'connect', off: ['infinite'], what: "got's DNS timeout", consequence: HANGS },
    { path: ['connect'], bound: 'connect', off: ['infinite'], what: "got's connect timeout", consequence: HANGS },
    { path: ['secureConnect'], bound: 'connect', off: ['infinite'], what: "got's TLS timeout", consequence: HANGS },
  ],
};

const AXIOS_KEYS: readonly TimeoutKey[] = [
  {
    path: ['timeout'],
    bound: 'idle',
    off: ['zero', 'false', 'null', 'infinite'],
    what: "axios's timeout",
    consequence: HANGS,
    restore: restoreDefault,
  },
  SIGNAL_KEY,
  { path: ['cancelToken'], bound: 'deadline', off: [], what: 'the cancel token', consequence: HANGS },
];

const UNDICI_REQUEST_KEYS: readonly TimeoutKey[] = [
  SIGNAL_KEY,
  {
    path: ['headersTimeout'],
    bound: 'response',
    off: ['zero', 'infinite'],
    defaultMs: 300_000,
    what: "undici's headers timeout",
    consequence: 'a server that never sends the response headers holds the request and its connection forever',
    restore: restoreDefault,
  },
  {
    path: ['bodyTimeout'],
    bound: 'idle',
    off: ['zero', 'infinite'],
    defaultMs: 300_000,
    what: "undici's body timeout",
    consequence: 'a server that stops sending the body holds the request and its connection forever',
    restore: restoreDefault,
  },
];

const UNDICI_DISPATCHER_KEYS: readonly TimeoutKey[] = [
  ...UNDICI_REQUEST_KEYS.slice(1),
  {
    path: ['connectTimeout'],
    bound: 'connect',
    off: ['zero', 'infinite'],
    defaultMs: 10_000,
    what: "undici's connect timeout",
    consequence: 'a host that never answers the TCP or TLS handshake holds a connection slot forever',
    restore: restoreDefault,
  },
  {
    path: ['connect', 'timeout'],
    bound: 'connect',
    off: ['zero', 'infinite'],
    defaultMs: 10_000,
    what: "undici's connect timeout",
    consequence: 'a host that never answers the TCP or TLS handshake holds a connection slot forever',
    restore: restoreDefault,
  },
];

const SOCKET_IDLE: TimeoutKey = {
  path: ['timeout'],
  bound: 'idle',
  off: ['zero', 'infinite'],
  what: 'the socket idle timeout',
  consequence: 'a peer that goes silent keeps the socket open forever',
  restore: restoreDefault,
};

/** Where a call keeps its options. */
export type OptionsLocator =
  /** A fixed argument (`fetch(input, init)`: 1). */
  | { kind: 'index'; index: number }
  /** got, `http.request`: an options object first, or after a URL. */
  | { kind: 'url-or-options' }
  /** axios: `axios(config)`, `axios(url, config)`, `axios.get(url, config)`, `axios.post(url, data, config)`. */
  | { kind: 'axios' }
  /** undici `request`/`stream`: `(url, options)` at top level, `(options)` on a dispatcher. */
  | { kind: 'dispatcher-method' }
  /** Every argument may be options (`net.connect(port, host)`, `new Redis(port, host, options)`, `got.extend(a, b)`). */
  | { kind: 'objects' };

export type Role = 'request' | 'client' | 'server';

export interface TimeoutTarget {
  library: TimeoutLibrary;
  role: Role;
  options: OptionsLocator;
  keys: readonly TimeoutKey[];
  /** Request targets: what bounds the call when no key is set (ky's 10 s, undici's 300 s timers). */
  defaultBound?: { bound: Bound; describe: string };
  /** Request targets: the property a fix adds to bound the call, by strictness. */
  fix?: { timeout: PropertyFix; deadline: PropertyFix };
  /** Request targets: the remedy named in messages, by strictness. */
  remedy?: { timeout: string; deadline: string };
  /** Client targets: keys at least one of which must be set, named as in messages, and what their absence means. */
  required?: { paths: readonly (readonly string[])[]; describe: string; consequence: string; fix: PropertyFix | undefined };
}

/** A property a fix adds: `path` below the options object (`['timeout', 'request']`) and its value. */
export interface PropertyFix {
  path: readonly string[];
  value: (ms: string) => string;
}

const SIGNAL_FIX: PropertyFix = { path: ['signal'], value: (ms) => `AbortSignal.timeout(${ms})` };
const TIMEOUT_FIX: PropertyFix = { path: ['timeout'], value: (ms) => ms };
const GOT_FIX: PropertyFix = { path: ['timeout', 'request'], value: (ms) => ms };
const SIGNAL_REMEDY = '`signal: AbortSignal.timeout(ms)`';
const BOTH = (remedy: string): { timeout: string; deadline: string } => ({ timeout: remedy, deadline: remedy });

const FETCH: TimeoutTarget = {
  library: 'fetch',
  role: 'request',
  options: { kind: 'index', index: 1 },
  keys: [SIGNAL_KEY],
  fix: { timeout: SIGNAL_FIX, deadline: SIGNAL_FIX },
  remedy: BOTH(SIGNAL_REMEDY),
};

/** node-fetch v2 also honours a `timeout` option (v3 ignores it, so it is only trusted as an idle bound). */
const NODE_FETCH: TimeoutTarget = {
  ...FETCH,
  keys: [SIGNAL_KEY, { path: ['timeout'], bound: 'idle', off: ['zero'], what: "node-fetch's timeout", consequence: HANGS, restore: restoreDefault }],
};

const AXIOS_REQUEST: TimeoutTarget = {
  library: 'axios',
  role: 'request',
  options: { kind: 'axios' },
  keys: AXIOS_KEYS,
  fix: { timeout: TIMEOUT_FIX, deadline: SIGNAL_FIX },
  remedy: { timeout: '`timeout` (and a `signal` for a hard deadline)', deadline: SIGNAL_REMEDY },
};

const GOT_REQUEST: TimeoutTarget = {
  library: 'got',
  role: 'request',
  options: { kind: 'url-or-options' },
  keys: [GOT_TIMEOUT, SIGNAL_KEY],
  fix: { timeout: GOT_FIX, deadline: GOT_FIX },
  remedy: BOTH('`timeout: { request: ms }`'),
};

const KY_KEYS: readonly TimeoutKey[] = [
  {
    path: ['timeout'],
    bound: 'deadline',
    off: ['false'],
    defaultMs: 10_000,
    what: "ky's per-attempt timeout (10 s by default)",
    consequence: HANGS,
    restore: () => '10_000',
  },
  SIGNAL_KEY,
];

const HTTP_REQUEST: TimeoutTarget = {
  library: 'http',
  role: 'request',
  options: { kind: 'url-or-options' },
  keys: [
    SIGNAL_KEY,
    { ...SOCKET_IDLE, what: 'the request socket idle timeout', consequence: HANGS },
    // An agent passed in carries its own socket timeout; one made without is require-client-timeout's report.
    { path: ['agent'], bound: 'idle', off: [], falseIsAbsent: true, what: 'the agent', consequence: HANGS },
  ],
  fix: { timeout: SIGNAL_FIX, deadline: SIGNAL_FIX },
  remedy: BOTH(`${SIGNAL_REMEDY} (a \`timeout\` option only emits \`'timeout'\`)`),
};

const UNDICI_REQUEST: TimeoutTarget = {
  library: 'undici',
  role: 'request',
  options: { kind: 'dispatcher-method' },
  keys: UNDICI_REQUEST_KEYS,
  defaultBound: { bound: 'idle', describe: "undici's default `headersTimeout` and `bodyTimeout` (300 s each)" },
  fix: { timeout: SIGNAL_FIX, deadline: SIGNAL_FIX },
  remedy: BOTH(SIGNAL_REMEDY),
};

const MONGO_CLIENT: TimeoutTarget = {
  library: 'mongodb',
  role: 'request',
  options: { kind: 'index', index: 1 },
  keys: [
    { path: ['timeoutMS'], bound: 'deadline', off: ['zero', 'infinite'], what: "the driver's operation timeout", consequence: 'an operation on a stalled server waits forever', restore: restoreDefault },
    { path: ['socketTimeoutMS'], bound: 'idle', off: ['zero', 'infinite'], what: "the driver's socket timeout", consequence: 'an operation on a stalled server waits forever', restore: restoreDefault },
    { path: ['connectTimeoutMS'], bound: 'connect', off: ['zero', 'infinite'], what: "the driver's connect timeout", consequence: 'a host that never answers holds a pool slot forever', restore: restoreDefault },
  ],
  defaultBound: { bound: 'response', describe: "the driver's default `serverSelectionTimeoutMS` (30 s)" },
  fix: { timeout: { path: ['timeoutMS'], value: (ms) => ms }, deadline: { path: ['timeoutMS'], value: (ms) => ms } },
  remedy: BOTH('`timeoutMS`'),
};

const CLIENT_DEFAULTS: Pick<TimeoutTarget, 'role'> = { role: 'client' };

/**
 * `node:http` server settings (also accepted by `http.createServer(options)`): Node's defaults
 * since v18 bound how long a client may take to send its request; 0 turns that off (slowloris).
 */
export const SERVER_KEYS: readonly TimeoutKey[] = [
  {
    path: ['requestTimeout'],
    bound: 'deadline',
    off: ['zero', 'infinite'],
    what: "the server's request timeout (300 s by default)",
    consequence: 'a client that sends its request a byte at a time (slowloris) holds a socket forever',
    restore: () => '300_000',
  },
  {
    path: ['headersTimeout'],
    bound: 'response',
    off: ['zero', 'infinite'],
    what: "the server's headers timeout (60 s by default)",
    consequence: 'a client that never finishes its headers (slowloris) holds a socket forever',
    restore: () => '60_000',
  },
  {
    path: ['timeout'],
    bound: 'idle',
    off: ['zero', 'infinite'],
    what: "the server's socket idle timeout",
    consequence: 'connections whose client went silent are never closed',
  },
];

/** gRPC call options: `client.method(request, { deadline }, callback)`. */
export const GRPC_DEADLINE: TimeoutKey = {
  path: ['deadline'],
  bound: 'deadline',
  off: ['infinite'],
  what: 'the call deadline',
  consequence: 'a call to a server that stalls never completes',
  restore: (ms) => `Date.now() + ${ms}`,
};

/** superagent: `.timeout(ms)` is a deadline; `.timeout({ deadline, response, upload })` names its parts; 0 turns each off. */
export const SUPERAGENT_TIMEOUT_KEYS: readonly TimeoutKey[] = [
  { path: ['deadline'], bound: 'deadline', off: ['zero'], what: "superagent's deadline", consequence: HANGS, restore: restoreDefault },
  { path: ['response'], label: '`.timeout({ response })`', bound: 'response', off: ['zero'], what: "superagent's response timeout", consequence: HANGS, restore: restoreDefault },
  { path: ['upload'], label: '`.timeout({ upload })`', bound: 'response', off: ['zero'], what: "superagent's upload timeout", consequence: HANGS, restore: restoreDefault },
];
export const SUPERAGENT_NUMBER_TIMEOUT: TimeoutKey = { path: ['timeout'], bound: 'deadline', off: ['zero'], what: "superagent's deadline", consequence: HANGS, restore: restoreDefault };

/** Methods that end a superagent chain; every other method returns the request itself. */
export const SUPERAGENT_TERMINAL_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally', 'end', 'pipe']);
/** Methods of a superagent agent that start a request rather than configure the agent. */
export const SUPERAGENT_REQUEST_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options']);

/** Methods of `@grpc/grpc-js`'s `Client` that are not RPCs. */
export const GRPC_CLIENT_METHODS: ReadonlySet<string> = new Set([
  'close',
  'getChannel',
  'waitForReady',
  'makeUnaryRequest',
  'makeClientStreamRequest',
  'makeServerStreamRequest',
  'makeBidiStreamRequest',
  'constructor',
  'toString',
  'hasOwnProperty',
]);

/** `socket.setTimeout(0)` and friends: the receivers whose idle timer a `setTimeout(0)` switches off. */
export const SET_TIMEOUT_RECEIVERS: Readonly<Partial<Record<string, { what: string; consequence: string; requiresEarlier: boolean }>>> = {
  'http-server': { what: "the server's socket idle timeout", consequence: 'connections whose client went silent are never closed', requiresEarlier: false },
  socket: { what: 'the idle timeout set earlier on this socket', consequence: 'a peer that goes silent keeps the socket open forever', requiresEarlier: true },
  'client-request': { what: 'the idle timeout set earlier on this request', consequence: HANGS, requiresEarlier: true },
};

/**
 * Listeners in which `setTimeout(0)` ends a connect-phase timeout on purpose. `'secure'` is what a
 * `new tls.TLSSocket(socket, …)` (a STARTTLS upgrade, a server-side wrap) emits once its handshake
 * is done (smtp-server `smtp-server.js`: a handshake timeout ended there).
 */
export const CONNECTED_EVENTS: ReadonlySet<string> = new Set(['connect', 'secureConnect', 'secure', 'ready', 'response']);

const PG_CLIENT: TimeoutTarget = {
  library: 'pg',
  ...CLIENT_DEFAULTS,
  options: { kind: 'index', index: 0 },
  keys: [
    {
      path: ['connectionTimeoutMillis'],
      bound: 'connect',
      off: ['zero', 'infinite'],
      what: 'the connection timeout',
      consequence: 'when the database is unreachable or the pool is exhausted, `connect()` and `query()` wait forever',
      restore: restoreDefault,
    },
    { path: ['query_timeout'], bound: 'deadline', off: ['zero', 'infinite'], what: 'the query timeout', consequence: 'a query on a stalled connection waits forever', restore: restoreDefault },
    { path: ['statement_timeout'], bound: 'deadline', off: ['zero', 'infinite'], what: 'the statement timeout', consequence: 'a blocked statement holds its connection forever', restore: restoreDefault },
  ],
  required: {
    paths: [['connectionTimeoutMillis']],
    describe: '`connectionTimeoutMillis`',
    consequence: 'when the database is unreachable or every client is checked out, `connect()` and `query()` wait forever',
    fix: { path: ['connectionTimeoutMillis'], value: (ms) => ms },
  },
};

/** Catalog ids (from `api-catalog.ts`) → the timeout model of that call. */
const TARGETS: Readonly<Record<string, TimeoutTarget>> = {
  fetch: FETCH,
  'axios.request': AXIOS_REQUEST,
  ...Object.fromEntries(
    ['get', 'delete', 'head', 'options', 'post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'].map((method) => [`axios.${method}`, AXIOS_REQUEST]),
  ),
  'axios.create': {
    library: 'axios',
    ...CLIENT_DEFAULTS,
    options: { kind: 'index', index: 0 },
    keys: AXIOS_KEYS,
    required: {
      paths: [['timeout'], ['signal'], ['cancelToken']],
      describe: '`timeout`',
      consequence: 'every request made with this instance waits forever on a server that stalls',
      fix: TIMEOUT_FIX,
    },
  },
  got: GOT_REQUEST,
  ...Object.fromEntries(['get', 'delete', 'head', 'options', 'post', 'put', 'patch'].map((method) => [`got.${method}`, GOT_REQUEST])),
  'got.stream': GOT_REQUEST,
  ...Object.fromEntries(['get', 'delete', 'head', 'options', 'post', 'put', 'patch'].map((method) => [`got.stream.${method}`, GOT_REQUEST])),
  'got.paginate': GOT_REQUEST,
  'got.extend': {
    library: 'got',
    ...CLIENT_DEFAULTS,
    options: { kind: 'objects' },
    keys: [GOT_TIMEOUT, SIGNAL_KEY],
    required: {
      paths: [['timeout'], ['signal']],
      describe: '`timeout`',
      consequence: 'every request made with this instance waits forever on a server that stalls',
      fix: GOT_FIX,
    },
  },
  ky: { library: 'ky', role: 'request', options: { kind: 'index', index: 1 }, keys: KY_KEYS, defaultBound: { bound: 'deadline', describe: "ky's default 10 s timeout" } },
  ...Object.fromEntries(
    ['get', 'delete', 'head', 'options', 'post', 'put', 'patch'].map((method) => [
      `ky.${method}`,
      { library: 'ky', role: 'request', options: { kind: 'index', index: 1 }, keys: KY_KEYS, defaultBound: { bound: 'deadline', describe: "ky's default 10 s timeout" } },
    ]),
  ),
  'ky.create': { library: 'ky', ...CLIENT_DEFAULTS, options: { kind: 'index', index: 0 }, keys: KY_KEYS },
  'ky.extend': { library: 'ky', ...CLIENT_DEFAULTS, options: { kind: 'index', index: 0 }, keys: KY_KEYS },
  'undici.request': UNDICI_REQUEST,
  'undici.stream': UNDICI_REQUEST,
  ...Object.fromEntries(
    [
      ['Agent', 0],
      ['ProxyAgent', 0],
      ['EnvHttpProxyAgent', 0],
      ['Pool', 1],
      ['Client', 1],
      ['BalancedPool', 1],
    ].map(([name, index]) => [
      `undici.${String(name)}`,
      { library: 'undici', ...CLIENT_DEFAULTS, options: { kind: 'index', index: Number(index) }, keys: UNDICI_DISPATCHER_KEYS },
    ]),
  ),
  'http.request': HTTP_REQUEST,
  'http.get': HTTP_REQUEST,
  'http.Agent': {
    library: 'http',
    ...CLIENT_DEFAULTS,
    options: { kind: 'index', index: 0 },
    keys: [{ ...SOCKET_IDLE, what: "the agent's socket timeout", consequence: 'a request on a stalled connection waits forever' }],
    required: {
      paths: [['timeout']],
      describe: '`timeout`',
      consequence: 'a request on a connection that stalls waits forever, and idle pooled sockets are never closed',
      fix: TIMEOUT_FIX,
    },
  },
  'net.connect': {
    library: 'net',
    ...CLIENT_DEFAULTS,
    options: { kind: 'objects' },
    keys: [SOCKET_IDLE, SIGNAL_KEY],
    required: {
      paths: [['timeout'], ['signal']],
      describe: 'a `timeout` option or a later `socket.setTimeout()`',
      consequence: 'a peer that never answers or goes silent keeps the socket open forever',
      // A `timeout` alone only emits 'timeout': the rule's fix adds a `setTimeout` that destroys.
      fix: undefined,
    },
  },
  'pg.Pool': PG_CLIENT,
  'pg.Client': PG_CLIENT,
  'ioredis.Redis': {
    library: 'ioredis',
    ...CLIENT_DEFAULTS,
    options: { kind: 'objects' },
    keys: [
      { path: ['commandTimeout'], bound: 'deadline', off: ['zero', 'infinite'], what: 'the command timeout', consequence: 'a command sent to a stalled server never settles', restore: restoreDefault },
      { path: ['connectTimeout'], bound: 'connect', off: ['zero', 'infinite'], defaultMs: 10_000, what: 'the connect timeout', consequence: 'a host that never answers blocks the client forever', restore: restoreDefault },
    ],
    required: {
      paths: [['commandTimeout']],
      describe: '`commandTimeout`',
      consequence: 'a command sent to a server that stalls never settles (ioredis has no command timeout by default)',
      fix: { path: ['commandTimeout'], value: (ms) => ms },
    },
  },
  'ioredis.Cluster': {
    library: 'ioredis',
    ...CLIENT_DEFAULTS,
    options: { kind: 'index', index: 1 },
    keys: [
      { path: ['redisOptions', 'commandTimeout'], bound: 'deadline', off: ['zero', 'infinite'], what: 'the command timeout', consequence: 'a command sent to a stalled server never settles', restore: restoreDefault },
      { path: ['redisOptions', 'connectTimeout'], bound: 'connect', off: ['zero', 'infinite'], defaultMs: 10_000, what: 'the connect timeout', consequence: 'a host that never answers blocks the client forever', restore: restoreDefault },
    ],
  },
  'redis.createClient': {
    library: 'redis',
    ...CLIENT_DEFAULTS,
    options: { kind: 'index', index: 0 },
    keys: [
      { path: ['socket', 'connectTimeout'], bound: 'connect', off: ['zero', 'infinite'], defaultMs: 5_000, what: 'the connect timeout', consequence: 'a host that never answers blocks the client forever', restore: restoreDefault },
      { path: ['commandOptions', 'timeout'], bound: 'deadline', off: ['zero', 'infinite'], defaultMs: 5_000, what: 'the command timeout', consequence: 'a command sent to a stalled server never settles', restore: restoreDefault },
    ],
  },
  'mongodb.MongoClient': MONGO_CLIENT,
  'http.createServer': { library: 'http', role: 'server', options: { kind: 'index', index: 0 }, keys: SERVER_KEYS },
};


/**
 * The timeout model of a resolved call, if it makes a request, a client or a server. The
 * catalog id decides, refined by the library behind it: node-fetch's `fetch` also honours a
 * `timeout`, agentkeepalive's agents (catalogued as `http.Agent`) have a default timeout.
 */
export function timeoutTargetOf(resolved: ResolvedCall): TimeoutTarget | undefined {
  const id = resolved.api?.id;
  if (id === undefined || !Object.hasOwn(TARGETS, id)) return undefined;
  if (id === 'fetch' && resolved.root === 'node-fetch') return NODE_FETCH;
  // agentkeepalive's agents default to an 8 s active-socket timeout: only their disabled values matter.
  if (id === 'http.Agent' && resolved.root === 'agentkeepalive') {
    const base = TARGETS[id];
    return base === undefined ? undefined : { ...base, required: undefined };
  }
  return TARGETS[id];
}

// ---------------------------------------------------------------------------------------------
// Reading options

/** The options objects of one call, as far as the file spells them out. */
export type LocatedOptions =
  | { kind: 'unknown' }
  | {
      kind: 'known';
      objects: readonly Extract<OptionsObject, { kind: 'object' }>[];
      /** Where a fix adds an options argument when there is none: append, or insert before a callback. */
      insertion: { kind: 'append' } | { kind: 'before'; node: TSESTree.Node } | undefined;
    };

export type Shape = 'options' | 'scalar' | 'function' | 'nothing' | 'unknown';

export function locateOptions(context: AnyContext, resolved: ResolvedCall, target: TimeoutTarget): LocatedOptions {
  const args = resolved.node.arguments;
  if (args.some((argument) => argument.type === 'SpreadElement')) return { kind: 'unknown' };
  const locator = target.options;
  switch (locator.kind) {
    case 'index':
      return atIndex(context, args, locator.index);
    case 'dispatcher-method':
      return atIndex(context, args, resolved.receiver === undefined ? 1 : 0);
    case 'axios':
      return axiosOptions(context, resolved, args);
    case 'url-or-options':
      return urlOrOptions(context, args);
    case 'objects': {
      const objects: Extract<OptionsObject, { kind: 'object' }>[] = [];
      for (const argument of args) {
        const shape = shapeOf(context, argument);
        if (shape === 'unknown' || shape === 'options') {
          const options = readOptionsObject(context, argument);
          if (options.kind !== 'object') return { kind: 'unknown' };
          objects.push(options);
        }
      }
      return { kind: 'known', objects, insertion: objects.length === 0 && args.every((a) => shapeOf(context, a) !== 'function') ? { kind: 'append' } : undefined };
    }
  }
}

function atIndex(context: AnyContext, args: readonly TSESTree.CallExpressionArgument[], index: number): LocatedOptions {
  const argument = args[index];
  if (argument === undefined) return { kind: 'known', objects: [], insertion: args.length === index ? { kind: 'append' } : undefined };
  const shape = shapeOf(context, argument);
  if (shape === 'nothing') return { kind: 'known', objects: [], insertion: undefined };
  const options = readOptionsObject(context, argument);
  return options.kind === 'object' ? { kind: 'known', objects: [options], insertion: undefined } : { kind: 'unknown' };
}

function axiosOptions(context: AnyContext, resolved: ResolvedCall, args: readonly TSESTree.CallExpressionArgument[]): LocatedOptions {
  const id = resolved.api?.id ?? '';
  const callee = unwrapExpression(resolved.node.callee);
  const member = callee.type === 'MemberExpression' ? staticPropertyName(callee) : undefined;
  if (id === 'axios.request') {
    if (member === 'request') return atIndex(context, args, 0);
    // axios(config) or axios(url, config)
    const first = args[0];
    if (first === undefined) return { kind: 'unknown' };
    const shape = shapeOf(context, first);
    if (shape === 'options') return atIndex(context, args, 0);
    if (shape === 'scalar' || args.length > 1) return atIndex(context, args, 1);
    return { kind: 'unknown' };
  }
  const withData = /^axios\.(?:post|put|patch)/.test(id);
  return atIndex(context, args, withData ? 2 : 1);
}

function urlOrOptions(context: AnyContext, args: readonly TSESTree.CallExpressionArgument[]): LocatedOptions {
  const [first, second] = args;
  if (first === undefined) return { kind: 'unknown' };
  const firstShape = shapeOf(context, first);
  const secondShape = second === undefined ? 'nothing' : shapeOf(context, second);
  if (firstShape === 'options') {
    const options = readOptionsObject(context, first);
    if (options.kind !== 'object') return { kind: 'unknown' };
    // With options first, a second argument can only be the callback.
    if (secondShape === 'options') return { kind: 'unknown' };
    return { kind: 'known', objects: [options], insertion: undefined };
  }
  if (firstShape !== 'scalar' && !(firstShape === 'unknown' && secondShape === 'options')) return { kind: 'unknown' };
  if (second === undefined) return { kind: 'known', objects: [], insertion: { kind: 'append' } };
  if (secondShape === 'function') return { kind: 'known', objects: [], insertion: { kind: 'before', node: second } };
  if (secondShape === 'nothing') return { kind: 'known', objects: [], insertion: undefined };
  const options = readOptionsObject(context, second);
  return options.kind === 'object' ? { kind: 'known', objects: [options], insertion: undefined } : { kind: 'unknown' };
}

/**
 * What an argument looks like: an options object the file spells out, a scalar (a URL, port
 * or host: strings, numbers, template literals, `new URL()`, `process.env.X`, or typed as
 * such), a function, `undefined`/`null`, or unknown.
 */
export function shapeOf(context: AnyContext, raw: TSESTree.Node, depth = 0): Shape {
  const node = unwrapExpression(raw);
  if (isFunctionNode(node)) return 'function';
  if (readOptionsObject(context, node).kind === 'object') return 'options';
  const value = staticValue(context, node);
  if (value !== undefined) {
    if (value.value === undefined || value.value === null) return 'nothing';
    return typeof value.value === 'string' || typeof value.value === 'number' ? 'scalar' : 'unknown';
  }
  switch (node.type) {
    case 'TemplateLiteral':
      return 'scalar';
    case 'BinaryExpression':
      return node.operator === '+' ? 'scalar' : 'unknown';
    case 'NewExpression': {
      const ref = resolveRef(context, node.callee);
      if (ref?.kind === 'path' && ref.root === 'global' && ref.path.join('.') === 'URL') return 'scalar';
      break;
    }
    case 'MemberExpression': {
      // process.env.X
      const object = unwrapExpression(node.object);
      if (object.type === 'MemberExpression' && staticPropertyName(object) === 'env') {
        const base = resolveRef(context, object.object);
        if (base?.kind === 'path' && base.root === 'global' && base.path.join('.') === 'process') return 'scalar';
      }
      break;
    }
    case 'Identifier': {
      if (depth > 4) break;
      const variable = findVariable(context.sourceCode.getScope(node), node);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type === 'FunctionName') return 'function';
      if (def?.type === 'Variable' && def.parent.kind === 'const' && def.node.id === def.name && def.node.init !== null) {
        const shape = shapeOf(context, def.node.init, depth + 1);
        if (shape !== 'unknown') return shape;
      }
      break;
    }
    default:
      break;
  }
  return shapeFromType(context, node);
}

function shapeFromType(context: AnyContext, node: TSESTree.Node): Shape {
  const services = getTypeServices(context);
  if (services === undefined) return 'unknown';
  const tsNode = services.toTsNode(node);
  if (tsNode === undefined) return 'unknown';
  try {
    const { checker } = services;
    const type = checker.getNonNullableType(checker.getTypeAtLocation(tsNode));
    if (type.getCallSignatures().length > 0) return 'function';
    // `any`, `unknown` and wide unions take strings and numbers alike: they say nothing.
    if (checker.isTypeAssignableTo(checker.getStringType(), type) && checker.isTypeAssignableTo(checker.getNumberType(), type)) return 'unknown';
    if (checker.isTypeAssignableTo(type, checker.getStringType()) || checker.isTypeAssignableTo(type, checker.getNumberType())) return 'scalar';
    if (type.getSymbol()?.getName() === 'URL') return 'scalar';
  } catch {
    return 'unknown';
  }
  return 'unknown';
}

// ---------------------------------------------------------------------------------------------
// Reading values

/** What one key of an options object says. */
export type KeyState =
  | { kind: 'absent' }
  | { kind: 'unknown' }
  /** Set to something that bounds (`bound` may be weaker than the key's for got's nested form). */
  | { kind: 'set'; bound: Bound; node: TSESTree.Node }
  | { kind: 'disabled'; node: TSESTree.Node; key: TimeoutKey };

/** The property at `path` in an options object; `unknown` when an object on the way is not spelled out. */
export function propertyAt(
  context: AnyContext,
  options: Extract<OptionsObject, { kind: 'object' }>,
  path: readonly string[],
): { kind: 'absent' } | { kind: 'unknown' } | { kind: 'found'; property: TSESTree.Property; value: TSESTree.Node } {
  let current = options;
  for (let index = 0; index < path.length; index += 1) {
    const property = current.properties.get(path[index] ?? '');
    if (property === undefined) return { kind: 'absent' };
    if (property.kind !== 'init' || property.value.type === 'AssignmentPattern') return { kind: 'unknown' };
    const value = unwrapExpression(property.value);
    if (index === path.length - 1) return { kind: 'found', property, value };
    const inner = readOptionsObject(context, value);
    if (inner.kind === 'absent') return { kind: 'absent' };
    if (inner.kind !== 'object') {
      const known = staticValue(context, value);
      return known !== undefined && (known.value === undefined || known.value === null) ? { kind: 'absent' } : { kind: 'unknown' };
    }
    current = inner;
  }
  return { kind: 'absent' };
}

/** Whether a static value turns a timer off, given the values its library reads as "off". */
export function isOffValue(value: unknown, off: readonly OffValue[]): boolean {
  if (value === 0 && off.includes('zero')) return true;
  if (value === false && off.includes('false')) return true;
  if (value === null && off.includes('null')) return true;
  return typeof value === 'number' && value >= TIMER_MAX && off.includes('infinite');
}

export function keyState(context: AnyContext, options: Extract<OptionsObject, { kind: 'object' }>, key: TimeoutKey): KeyState {
  const found = propertyAt(context, options, key.path);
  if (found.kind !== 'found') return found;
  const value = found.value;
  const known = staticValue(context, value);
  if (known !== undefined) {
    if (isOffValue(known.value, key.off)) return { kind: 'disabled', node: value, key };
    if (known.value === undefined || known.value === null || (known.value === false && key.falseIsAbsent === true)) return { kind: 'absent' };
    return { kind: 'set', bound: key.bound, node: value };
  }
  if (key.nested !== undefined) {
    const inner = readOptionsObject(context, value);
    if (inner.kind === 'object') {
      let best: KeyState = { kind: 'absent' };
      for (const nestedKey of key.nested) {
        const state = keyState(context, inner, nestedKey);
        best = strongerState(best, state);
      }
      return best;
    }
  }
  return { kind: 'set', bound: key.bound, node: value };
}

function rank(state: KeyState): number {
  switch (state.kind) {
    case 'absent':
      return 0;
    case 'disabled':
      return 1;
    case 'set':
      return 2 + STRENGTH[state.bound];
    case 'unknown':
      return 100;
  }
}

function strongerState(a: KeyState, b: KeyState): KeyState {
  return rank(b) > rank(a) ? b : a;
}

/** Every disabled key of an options object, nested ones included, for `no-disabled-timeout`. */
export function disabledKeys(context: AnyContext, options: Extract<OptionsObject, { kind: 'object' }>, keys: readonly TimeoutKey[]): Extract<KeyState, { kind: 'disabled' }>[] {
  const found: Extract<KeyState, { kind: 'disabled' }>[] = [];
  for (const key of keys) {
    const state = keyState(context, options, key);
    if (state.kind === 'disabled') found.push(state);
    if (key.nested === undefined) continue;
    const property = propertyAt(context, options, key.path);
    if (property.kind !== 'found') continue;
    const inner = readOptionsObject(context, property.value);
    if (inner.kind === 'object') found.push(...disabledKeys(context, inner, key.nested));
  }
  return found;
}

/** How well a set of options objects bounds a call. */
export interface Evaluation {
  /** The strongest bound found (or the library default). */
  bound: Bound;
  /** `unknown`: some option is not spelled out, so nothing can be said. */
  unknown: boolean;
  /** An explicit disabling value was seen (`no-disabled-timeout` reports it). */
  disabled: boolean;
  /** Keys that were set, for messages (`\`timeout\``). */
  via: string[];
}

export function emptyEvaluation(): Evaluation {
  return { bound: 'none', unknown: false, disabled: false, via: [] };
}

/** Folds options objects into an evaluation, key by key. */
export function evaluateOptions(
  context: AnyContext,
  objects: readonly Extract<OptionsObject, { kind: 'object' }>[],
  keys: readonly TimeoutKey[],
  into: Evaluation = emptyEvaluation(),
): Evaluation {
  for (const options of objects) {
    for (const key of keys) {
      const state = keyState(context, options, key);
      addState(into, state, key);
    }
  }
  return into;
}

export function addState(into: Evaluation, state: KeyState, key: TimeoutKey): void {
  switch (state.kind) {
    case 'unknown':
      into.unknown = true;
      return;
    case 'disabled':
      into.disabled = true;
      return;
    case 'set':
      addBound(into, state.bound, key.label ?? `\`${key.path.join('.')}\``);
      return;
    case 'absent':
      return;
  }
}

export function addBound(into: Evaluation, bound: Bound, via: string): void {
  if (STRENGTH[bound] > STRENGTH[into.bound]) {
    into.bound = bound;
    into.via = [via];
  } else if (STRENGTH[bound] === STRENGTH[into.bound] && bound !== 'none' && !into.via.includes(via)) {
    into.via.push(via);
  }
}

/**
 * Library defaults that stay in force for keys nobody set (ky's 10 s, undici's 300 s timers):
 * each key with a default bounds the call unless some options object sets or disables it.
 * `defaultBound` alone (MongoDB's server selection) applies when no key carries the default.
 */
export function applyDefaults(
  context: AnyContext,
  objects: readonly Extract<OptionsObject, { kind: 'object' }>[],
  target: TimeoutTarget,
  into: Evaluation,
): void {
  const defaultBound = target.defaultBound;
  if (defaultBound === undefined) return;
  const keyed = target.keys.filter((key) => key.defaultMs !== undefined);
  if (keyed.length === 0) {
    addBound(into, defaultBound.bound, defaultBound.describe);
    return;
  }
  for (const key of keyed) {
    if (objects.every((options) => keyState(context, options, key).kind === 'absent')) addBound(into, key.bound, defaultBound.describe);
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** `30000` → `30_000`, the way the fixes write numbers. */
export function formatMs(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 1_000) return String(ms);
  return String(ms).replace(/\B(?=(\d{3})+(?!\d))/g, '_');
}

// ---------------------------------------------------------------------------------------------
// Configuration outside the call

/**
 * `axios.defaults.timeout = 5000` (or `api.defaults.timeout`, `.signal`): which axios instance
 * it configures (`'default'` for the `axios` export, else the `axios.create()` call) and what it
 * sets. Undefined for any other assignment.
 */
export function axiosDefaultsWrite(
  context: AnyContext,
  assignment: TSESTree.AssignmentExpression,
): { owner: TSESTree.Node | 'default'; state: KeyState; key: TimeoutKey } | undefined {
  if (assignment.operator !== '=') return undefined;
  const left = assignment.left;
  if (left.type !== 'MemberExpression') return undefined;
  const name = staticPropertyName(left);
  const key = AXIOS_KEYS.find((candidate) => candidate.path[0] === name);
  if (key === undefined) return undefined;
  const defaults = unwrapExpression(left.object);
  if (defaults.type !== 'MemberExpression' || staticPropertyName(defaults) !== 'defaults') return undefined;
  const ref = resolveRef(context, defaults);
  if (ref?.kind !== 'instance' || ref.instance !== 'axios-instance' || ref.path.join('.') !== 'defaults') return undefined;
  if (ref.via === 'type' && ref.origin === undefined) return undefined;
  const owner = ref.origin ?? (ref.library === 'axios' ? 'default' : undefined);
  if (owner === undefined) return undefined;
  const value = unwrapExpression(assignment.right);
  const known = staticValue(context, value);
  let state: KeyState;
  if (known === undefined) state = { kind: 'set', bound: key.bound, node: value };
  else if (isOffValue(known.value, key.off)) state = { kind: 'disabled', node: value, key };
  else if (known.value === undefined || known.value === null) state = { kind: 'absent' };
  else state = { kind: 'set', bound: key.bound, node: value };
  return { owner, state, key };
}

/** MongoDB connection strings carry options too: `?timeoutMS=5000`. Unknown unless the string is static. */
export function connectionStringTimeout(context: AnyContext, uri: TSESTree.Node | undefined): 'deadline' | 'none' | 'unknown' {
  if (uri === undefined) return 'unknown';
  const known = staticValue(context, uri);
  if (typeof known?.value !== 'string') return 'unknown';
  const match = /[?&]timeoutMS=(\d+)/i.exec(known.value);
  return match !== null && Number(match[1]) > 0 ? 'deadline' : 'none';
}

// ---------------------------------------------------------------------------------------------
// Reporting

/** `fetch()`, `api.get()`, `new pg.Pool()`: how messages name a call (the API id when the source is long). */
export function callLabel(sourceCode: Readonly<{ getText(node: TSESTree.Node): string }>, resolved: ResolvedCall | undefined, node: TSESTree.CallExpression | TSESTree.NewExpression): string {
  const text = sourceCode.getText(node.callee).replace(/\s+/g, '');
  const name = text.length > 40 ? (resolved?.api?.id ?? 'call') : text;
  return node.type === 'NewExpression' ? `new ${name}()` : `${name}()`;
}

/** Reports go on the callee (`new` included), not on the whole, possibly multi-line, call. */
export function callSiteLoc(node: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.SourceLocation {
  return { start: node.loc.start, end: node.callee.loc.end };
}

// ---------------------------------------------------------------------------------------------
// Cheap file-level gate

/**
 * The module specifiers (quoted, as in `import`/`require`) of every library the timeout model
 * covers, and the global `fetch`. A file that mentions none of them cannot make a call the
 * timeout rules check, unless a type says so (`server: http.Server` from a re-export).
 */
const TIMEOUT_SOURCES =
  /\bfetch\b|['"`](?:node:)?(?:https?|net|tls|undici|node-fetch|cross-fetch|isomorphic-fetch|axios|got|ky|ky-universal|superagent|pg|ioredis|redis|@redis\/client|mongodb|@grpc\/grpc-js|agentkeepalive)['"`]/;

const gateCache = new WeakMap<object, boolean>();

/**
 * Whether the timeout rules need to look at this file at all: always with type information
 * (instances may arrive typed), otherwise only when the source names a covered library or
 * `fetch`. Listeners stay cheap on the many files that make no network calls.
 */
export function mayUseTimeoutLibraries(context: AnyContext): boolean {
  const key = context.sourceCode.ast;
  const cached = gateCache.get(key);
  if (cached !== undefined) return cached;
  const result = getTypeServices(context) !== undefined || TIMEOUT_SOURCES.test(context.sourceCode.text);
  gateCache.set(key, result);
  return result;
}
