import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageId, Options } from '../../src/rules/require-client-timeout';
import rule from '../../src/rules/require-client-timeout';
import { createEspreeRuleTester, createRuleTester, createTypedRuleTester } from '../rule-tester';

/** The rule's options with the defaults filled in (as ESLint merges them). */
function withOptions(partial: Partial<Options[0]>): Options {
  return [{ defaultTimeoutMs: 30_000, ignore: [], ...partial }];
}

// What a missing timeout means, per kind of client.
const INSTANCE = 'every request made with this instance waits forever on a server that stalls';
const AGENT = 'a request on a connection that stalls waits forever, and idle pooled sockets are never closed';
const SOCKET_TIMEOUT = 'a `timeout` option or a later `socket.setTimeout()`';
const SOCKET = 'a peer that never answers or goes silent keeps the socket open forever';
const PG = 'when the database is unreachable or every client is checked out, `connect()` and `query()` wait forever';
const REDIS = 'a command sent to a server that stalls never settles (ioredis has no command timeout by default)';

// Plain JavaScript: run under espree, typescript-eslint without types, and with types.
const valid: (ValidTestCase<Options> | string)[] = [
  // axios: a timeout (or a signal) at creation, in axios.defaults, or on the instance's defaults.
  `import axios from 'axios'; const api = axios.create({ baseURL, timeout: 5000 });`,
  `import axios from 'axios'; const api = axios.create({ signal: controller.signal });`,
  `const axios = require('axios'); axios.defaults.timeout = 10_000; const api = axios.create({ baseURL });`,
  `import axios from 'axios'; const api = axios.create(); api.defaults.timeout = 5000;`,
  `import axios from 'axios'; const TIMEOUT = 5000; const config = { timeout: TIMEOUT }; const api = axios.create(config);`,
  // Options the file does not spell out may carry a timeout.
  `import axios from 'axios'; export const make = (config) => axios.create(config);`,
  `import axios from 'axios'; const api = axios.create({ ...shared, baseURL });`,
  // Explicitly disabled: no-disabled-timeout reports the value.
  `import axios from 'axios'; const api = axios.create({ timeout: 0 });`,
  // got: a timeout at creation, inherited from the instance extended, or unknown.
  `import got from 'got'; const api = got.extend({ timeout: { request: 5000 } });`,
  `import got from 'got'; const base = got.extend({ timeout: { request: 5000 } }); const api = base.extend({ prefixUrl });`,
  `import got from 'got'; const api = got.extend(defaults, { prefixUrl });`,
  `export function scoped(client) { return client.extend({ prefixUrl }); }`,
  // ky and undici come with timeouts; agentkeepalive has an 8 s socket timeout.
  `import ky from 'ky'; const api = ky.create({ prefixUrl });`,
  `import { Agent, Pool, setGlobalDispatcher } from 'undici'; setGlobalDispatcher(new Agent()); new Pool(origin);`,
  `import Agent from 'agentkeepalive'; const agent = new Agent({ maxSockets: 10 });`,
  `import { createClient } from 'redis'; const client = createClient({ url });`,
  // node:http agents with a timeout.
  `import http from 'node:http'; const agent = new http.Agent({ keepAlive: true, timeout: 60_000 });`,
  `const { Agent } = require('https'); new Agent({ timeout: 5000 });`,
  // net/tls: a timeout option, a signal, or a later setTimeout; a socket handed on is someone else's.
  `import net from 'node:net'; const socket = net.connect({ port: 6379, timeout: 5000 });`,
  `import net from 'node:net'; const socket = net.createConnection({ port, signal: AbortSignal.timeout(5000) });`,
  `import net from 'node:net'; const socket = net.connect(6379, 'localhost'); socket.setTimeout(30_000, () => socket.destroy());`,
  `import net from 'node:net'; net.connect(6379, 'localhost').on('error', onError).setTimeout(5000);`,
  `import tls from 'node:tls'; export function open() { return tls.connect({ host, port: 443 }); }`,
  `import net from 'node:net'; class Conn { constructor() { this.socket = net.connect(6379); } }`,
  `import net from 'node:net'; export function open(options) { return new Protocol(net.connect(options)); }`,
  `import net from 'node:net'; let socket = net.connect(6379); socket = other;`,
  // pg: connectionTimeoutMillis.
  `import pg from 'pg'; const pool = new pg.Pool({ max: 10, connectionTimeoutMillis: 5000 });`,
  `import { Client } from 'pg'; const client = new Client({ connectionString, connectionTimeoutMillis: 5000, query_timeout: 10_000 });`,
  `import { Pool } from 'pg'; export const pool = new Pool(config);`,
  // ioredis: commandTimeout.
  `import Redis from 'ioredis'; const redis = new Redis({ host, commandTimeout: 2000 });`,
  `import Redis from 'ioredis'; const redis = new Redis(6379, 'cache', { commandTimeout: 2000 });`,
  `import Redis from 'ioredis'; export const connect = (options) => new Redis(options);`,
  `import { Cluster } from 'ioredis'; const cluster = new Cluster(nodes);`,
  // ignore
  { code: `import pg from 'pg'; new pg.Pool();`, options: withOptions({ ignore: ['pg'] }) },
  { code: `import axios from 'axios'; import got from 'got'; axios.create(); got.extend({});`, options: withOptions({ ignore: ['axios', 'got'] }) },
  // Not the libraries: a local `axios`, a `Pool` from elsewhere, a shadowed `net`.
  `const axios = { create() {} }; axios.create();`,
  `import { Pool } from 'generic-pool'; new Pool();`,
  `function open(net) { return net.connect(1); }`,
  // Odd but valid syntax.
  `import axios from 'axios'; const api = axios?.create?.({ timeout: 1000 });`,
  `import axios from 'axios'; axios[method]();`,
  `import pg from 'pg'; new pg.Pool(...args);`,
  `import pg from 'pg'; new pg['Pool']({ [key]: 1 });`,
];

const invalid: InvalidTestCase<MessageId, Options>[] = [
  // clearlydefined/crawler#760: every axios instance lacked a timeout; a hung upstream blocked a worker forever.
  {
    code: `import axios from 'axios';
export const api = axios.create({ baseURL: 'https://api.example.com' });`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'axios.create()', missing: '`timeout`', consequence: INSTANCE },
        line: 2,
        column: 20,
        endLine: 2,
        endColumn: 32,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: 30_000' },
            output: `import axios from 'axios';
export const api = axios.create({ baseURL: 'https://api.example.com', timeout: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import axios from 'axios';
const api = axios.create();
export const load = () => api.get('/users');`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'axios.create()', missing: '`timeout`', consequence: INSTANCE },
        line: 2,
        column: 13,
        endLine: 2,
        endColumn: 25,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: 30_000' },
            output: `import axios from 'axios';
const api = axios.create({ timeout: 30_000 });
export const load = () => api.get('/users');`,
          },
        ],
      },
    ],
  },
  {
    code: `const axios = require('axios');
const api = axios.create({
  baseURL,
  headers,
});`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'axios.create()', missing: '`timeout`', consequence: INSTANCE },
        line: 2,
        column: 13,
        endLine: 2,
        endColumn: 25,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: 30_000' },
            output: `const axios = require('axios');
const api = axios.create({
  baseURL,
  headers,
  timeout: 30_000,
});`,
          },
        ],
      },
    ],
  },
  // One instance's defaults do not configure another.
  {
    code: `import axios from 'axios';
const a = axios.create();
a.defaults.timeout = 5000;
const b = axios.create();`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'axios.create()', missing: '`timeout`', consequence: INSTANCE },
        line: 4,
        column: 11,
        endLine: 4,
        endColumn: 23,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: 30_000' },
            output: `import axios from 'axios';
const a = axios.create();
a.defaults.timeout = 5000;
const b = axios.create({ timeout: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import axios from 'axios';
class Client {
  http = axios.create({ baseURL });
}`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'axios.create()', missing: '`timeout`', consequence: INSTANCE },
        line: 3,
        column: 10,
        endLine: 3,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: 30_000' },
            output: `import axios from 'axios';
class Client {
  http = axios.create({ baseURL, timeout: 30_000 });
}`,
          },
        ],
      },
    ],
  },
  {
    code: `import got from 'got';
const api = got.extend({ prefixUrl: 'https://api.example.com' });`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'got.extend()', missing: '`timeout`', consequence: INSTANCE },
        line: 2,
        column: 13,
        endLine: 2,
        endColumn: 23,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: { request: 30_000 }' },
            output: `import got from 'got';
const api = got.extend({ prefixUrl: 'https://api.example.com', timeout: { request: 30_000 } });`,
          },
        ],
      },
    ],
  },
  // Both instances lack a timeout: one report per construction site.
  {
    code: `import got from 'got';
const base = got.extend({ headers });
const api = base.extend({ prefixUrl });`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'got.extend()', missing: '`timeout`', consequence: INSTANCE },
        line: 2,
        column: 14,
        endLine: 2,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: { request: 30_000 }' },
            output: `import got from 'got';
const base = got.extend({ headers, timeout: { request: 30_000 } });
const api = base.extend({ prefixUrl });`,
          },
        ],
      },
      {
        messageId: 'missingClientTimeout',
        data: { call: 'base.extend()', missing: '`timeout`', consequence: INSTANCE },
        line: 3,
        column: 13,
        endLine: 3,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: { request: 30_000 }' },
            output: `import got from 'got';
const base = got.extend({ headers });
const api = base.extend({ prefixUrl, timeout: { request: 30_000 } });`,
          },
        ],
      },
    ],
  },
  {
    code: `import http from 'node:http';
export const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'new http.Agent()', missing: '`timeout`', consequence: AGENT },
        line: 2,
        column: 22,
        endLine: 2,
        endColumn: 36,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: 30_000' },
            output: `import http from 'node:http';
export const agent = new http.Agent({ keepAlive: true, maxSockets: 50, timeout: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import https from 'node:https';
const agent = new https.Agent();`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'new https.Agent()', missing: '`timeout`', consequence: AGENT },
        line: 2,
        column: 15,
        endLine: 2,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: 30_000' },
            output: `import https from 'node:https';
const agent = new https.Agent({ timeout: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import net from 'node:net';
const socket = net.connect(6379, 'localhost');
socket.on('data', onData);`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'net.connect()', missing: SOCKET_TIMEOUT, consequence: SOCKET },
        line: 2,
        column: 16,
        endLine: 2,
        endColumn: 27,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: `socket.setTimeout(30_000, () => socket.destroy(new Error('socket timed out')));` },
            output: `import net from 'node:net';
const socket = net.connect(6379, 'localhost');
socket.setTimeout(30_000, () => socket.destroy(new Error('socket timed out')));
socket.on('data', onData);`,
          },
        ],
      },
    ],
  },
  {
    code: `import tls from 'node:tls';
function open() {
  const socket = tls.connect({ host, port: 443 });
  socket.write(hello);
}`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'tls.connect()', missing: SOCKET_TIMEOUT, consequence: SOCKET },
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 29,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: `socket.setTimeout(30_000, () => socket.destroy(new Error('socket timed out')));` },
            output: `import tls from 'node:tls';
function open() {
  const socket = tls.connect({ host, port: 443 });
  socket.setTimeout(30_000, () => socket.destroy(new Error('socket timed out')));
  socket.write(hello);
}`,
          },
        ],
      },
    ],
  },
  // No variable to hang a setTimeout on: no suggestion.
  {
    code: `import net from 'node:net';
net.createConnection({ port }).on('data', onData);`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'net.createConnection()', missing: SOCKET_TIMEOUT, consequence: SOCKET },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 21,
        suggestions: [],
      },
    ],
  },
  // `setTimeout(0)` is no timeout.
  {
    code: `import net from 'node:net';
const socket = net.connect(6379);
socket.setTimeout(0);`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'net.connect()', missing: SOCKET_TIMEOUT, consequence: SOCKET },
        line: 2,
        column: 16,
        endLine: 2,
        endColumn: 27,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: `socket.setTimeout(30_000, () => socket.destroy(new Error('socket timed out')));` },
            output: `import net from 'node:net';
const socket = net.connect(6379);
socket.setTimeout(30_000, () => socket.destroy(new Error('socket timed out')));
socket.setTimeout(0);`,
          },
        ],
      },
    ],
  },
  // brianc/node-postgres#2704: pool.connect() hung forever with the database unreachable.
  {
    code: `import pg from 'pg';
export const pool = new pg.Pool({ max: 20 });`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'new pg.Pool()', missing: '`connectionTimeoutMillis`', consequence: PG },
        line: 2,
        column: 21,
        endLine: 2,
        endColumn: 32,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'connectionTimeoutMillis: 30_000' },
            output: `import pg from 'pg';
export const pool = new pg.Pool({ max: 20, connectionTimeoutMillis: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import { Client } from 'pg';
const client = new Client();`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'new Client()', missing: '`connectionTimeoutMillis`', consequence: PG },
        line: 2,
        column: 16,
        endLine: 2,
        endColumn: 26,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'connectionTimeoutMillis: 30_000' },
            output: `import { Client } from 'pg';
const client = new Client({ connectionTimeoutMillis: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `const { Pool } = require('pg');
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
});`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'new Pool()', missing: '`connectionTimeoutMillis`', consequence: PG },
        line: 2,
        column: 14,
        endLine: 2,
        endColumn: 22,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'connectionTimeoutMillis: 30_000' },
            output: `const { Pool } = require('pg');
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  connectionTimeoutMillis: 30_000,
});`,
          },
        ],
      },
    ],
  },
  // redis/ioredis#285: commands to a dead server never settled.
  {
    code: `import Redis from 'ioredis';
const redis = new Redis();`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'new Redis()', missing: '`commandTimeout`', consequence: REDIS },
        line: 2,
        column: 15,
        endLine: 2,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'commandTimeout: 30_000' },
            output: `import Redis from 'ioredis';
const redis = new Redis({ commandTimeout: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import Redis from 'ioredis';
const redis = new Redis(process.env.REDIS_URL);`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'new Redis()', missing: '`commandTimeout`', consequence: REDIS },
        line: 2,
        column: 15,
        endLine: 2,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'commandTimeout: 30_000' },
            output: `import Redis from 'ioredis';
const redis = new Redis(process.env.REDIS_URL, { commandTimeout: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import { Redis } from 'ioredis';
const redis = new Redis({ host: 'cache', maxRetriesPerRequest: 3 });`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'new Redis()', missing: '`commandTimeout`', consequence: REDIS },
        line: 2,
        column: 15,
        endLine: 2,
        endColumn: 24,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'commandTimeout: 30_000' },
            output: `import { Redis } from 'ioredis';
const redis = new Redis({ host: 'cache', maxRetriesPerRequest: 3, commandTimeout: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import pg from 'pg';
new pg.Pool();`,
    options: withOptions({ defaultTimeoutMs: 2500 }),
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'new pg.Pool()', missing: '`connectionTimeoutMillis`', consequence: PG },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'connectionTimeoutMillis: 2_500' },
            output: `import pg from 'pg';
new pg.Pool({ connectionTimeoutMillis: 2_500 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import pg from 'pg';
import axios from 'axios';
new pg.Pool();
axios.create();`,
    options: withOptions({ ignore: ['axios'] }),
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'new pg.Pool()', missing: '`connectionTimeoutMillis`', consequence: PG },
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'connectionTimeoutMillis: 30_000' },
            output: `import pg from 'pg';
import axios from 'axios';
new pg.Pool({ connectionTimeoutMillis: 30_000 });
axios.create();`,
          },
        ],
      },
    ],
  },
];

// TypeScript syntax: typescript-eslint without and with types.
const tsValid: string[] = [
  // An instance typed `Got` may have a timeout already; its `extend` inherits it.
  `import type { Got } from 'got'; export function scoped(client: Got) { return client.extend({ prefixUrl }); }`,
  `import axios from 'axios'; const api = axios.create({ timeout: 5000 } satisfies Record<string, unknown>);`,
  `import pg from 'pg'; const pool = new pg.Pool({ connectionTimeoutMillis: 5000 } as pg.PoolConfig);`,
  `import net from 'node:net'; const socket = net.connect(6379)!; socket.setTimeout(5000);`,
];

const tsInvalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `import axios, { type AxiosInstance } from 'axios';
export const api: AxiosInstance = axios.create({ baseURL: '/api' } as const);`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'axios.create()', missing: '`timeout`', consequence: INSTANCE },
        line: 2,
        column: 35,
        endLine: 2,
        endColumn: 47,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: 30_000' },
            output: `import axios, { type AxiosInstance } from 'axios';
export const api: AxiosInstance = axios.create({ baseURL: '/api', timeout: 30_000 } as const);`,
          },
        ],
      },
    ],
  },
];

// Without types `port` might be an options object (with a timeout); typed `number`, it is a port.
const typedOnlyInvalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `import net from 'node:net';
export function open(port: number, host: string) {
  const socket = net.connect(port, host);
  socket.on('data', onData);
}`,
    errors: [
      {
        messageId: 'missingClientTimeout',
        data: { call: 'net.connect()', missing: SOCKET_TIMEOUT, consequence: SOCKET },
        line: 3,
        column: 18,
        endLine: 3,
        endColumn: 29,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: `socket.setTimeout(30_000, () => socket.destroy(new Error('socket timed out')));` },
            output: `import net from 'node:net';
export function open(port: number, host: string) {
  const socket = net.connect(port, host);
  socket.setTimeout(30_000, () => socket.destroy(new Error('socket timed out')));
  socket.on('data', onData);
}`,
          },
        ],
      },
    ],
  },
];

createRuleTester().run('require-client-timeout', rule, {
  valid: [...valid, ...tsValid, ...typedOnlyInvalid.map(({ code }) => code)],
  invalid: [...invalid, ...tsInvalid],
});
createEspreeRuleTester().run('require-client-timeout (espree)', rule, { valid, invalid });
createTypedRuleTester().run('require-client-timeout (typed)', rule, {
  valid: [...valid, ...tsValid],
  invalid: [...invalid, ...tsInvalid, ...typedOnlyInvalid],
});
