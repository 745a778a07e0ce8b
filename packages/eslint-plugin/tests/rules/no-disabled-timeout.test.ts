import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageId, Options } from '../../src/rules/no-disabled-timeout';
import rule from '../../src/rules/no-disabled-timeout';
import { createEspreeRuleTester, createRuleTester, createTypedRuleTester } from '../rule-tester';

/** The rule's options with the defaults filled in (as ESLint merges them). */
function withOptions(partial: Partial<Options[0]>): Options {
  return [{ defaultTimeoutMs: 30_000, ignore: [], ...partial }];
}

const AXIOS = "axios's timeout";
const HANGS = 'a server that accepts the connection and then stalls keeps the request waiting forever';

// Plain JavaScript: run under espree, typescript-eslint without types, and with types.
const valid: (ValidTestCase<Options> | string)[] = [
  // Finite timeouts.
  `import axios from 'axios'; axios.create({ timeout: 5000 }); axios.get(url, { timeout: 30_000 });`,
  `import { Agent } from 'undici'; new Agent({ headersTimeout: 60_000, bodyTimeout: 60_000, connect: { timeout: 5000 } });`,
  `import ky from 'ky'; ky.get(url, { timeout: 20_000 });`,
  `import got from 'got'; got(url, { timeout: { request: 10_000 } });`,
  `import pg from 'pg'; new pg.Pool({ connectionTimeoutMillis: 5000, query_timeout: 10_000 });`,
  // Values the file does not spell out.
  `import axios from 'axios'; axios.create({ timeout: config.timeout });`,
  `import axios from 'axios'; export const make = (timeout) => axios.create({ timeout });`,
  `import axios from 'axios'; axios.get(url, options);`,
  // 0 means something else here: ky aborts at once, got ≤ 11 reads 0 as a number of ms, node-redis v6 defaults.
  `import ky from 'ky'; ky.get(url, { timeout: 0 });`,
  `import got from 'got'; got(url, { timeout: { request: 0 } });`,
  // Not a timeout of a known library: unrelated objects, local functions, other keys.
  `const config = { timeout: 0 };`,
  `function request(url, options) {} request(url, { timeout: 0 });`,
  `import axios from 'axios'; axios.get(url, { maxRedirects: 0, retries: 0 });`,
  `setTimeout(run, 0);`,
  `import { setTimeout } from 'node:timers/promises'; await setTimeout(0);`,
  `const timer = { setTimeout() {} }; timer.setTimeout(0);`,
  // socket.setTimeout(0) with no timeout set before, or once connected (ending a connect timeout).
  `import net from 'node:net'; const socket = net.connect(6379); socket.setTimeout(0);`,
  `import net from 'node:net'; const socket = net.connect({ port, timeout: 5000 }); socket.on('connect', () => socket.setTimeout(0));`,
  `import net from 'node:net'; const socket = net.connect({ port, timeout: 5000 }, () => { socket.setTimeout(0); });`,
  `import tls from 'node:tls'; const socket = tls.connect(opts); socket.setTimeout(5000); socket.once('secureConnect', function () { socket.setTimeout(0); });`,
  `import http from 'node:http'; const req = http.request(url, { timeout: 5000 }); req.on('response', () => req.setTimeout(0));`,
  // smtp-server 3.21.6 dist/esm/smtp-server.js (found by the sweep): a TLS handshake timeout, ended once the wrapped socket emits 'secure'.
  `import tls from 'node:tls';
export function upgrade(socket, options, callback) {
  const secureSocket = new tls.TLSSocket(socket, options);
  const onHandshakeTimeout = () => secureSocket.destroy(new Error('TLS handshake timeout'));
  secureSocket.setTimeout(30_000, onHandshakeTimeout);
  secureSocket.on('secure', () => {
    secureSocket.setTimeout(0, onHandshakeTimeout);
    callback(null, secureSocket);
  });
}`,
  // Server settings that keep their timeouts.
  `import http from 'node:http'; const server = http.createServer(handler); server.requestTimeout = 120_000; server.headersTimeout = 30_000;`,
  `import http from 'node:http'; http.createServer({ requestTimeout: 60_000 }, handler);`,
  `const server = makeServer(); server.requestTimeout = 0;`,
  // axios.defaults of something that is not axios.
  `const axios = { defaults: {} }; axios.defaults.timeout = 0;`,
  // ignore
  { code: `import axios from 'axios'; axios.create({ timeout: 0 });`, options: withOptions({ ignore: ['axios'] }) },
  { code: `import http from 'node:http'; const server = http.createServer(); server.requestTimeout = 0;`, options: withOptions({ ignore: ['http'] }) },
  // Odd but valid syntax.
  `import axios from 'axios'; axios.create({ [key]: 0 });`,
  `import axios from 'axios'; axios.create({ ...{ timeout: 5000 } });`,
  `import axios from 'axios'; axios.create({ timeout() { return 0; } });`,
  `import http from 'node:http'; const server = http.createServer(); server[prop] = 0; server.setTimeout(...args);`,
];

const invalid: InvalidTestCase<MessageId, Options>[] = [
  // ecency/vision-next#65: an axios instance timeout changed from 5 s to Infinity.
  {
    code: `import axios from 'axios';
const api = axios.create({ baseURL, timeout: Infinity });`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'timeout: Infinity', what: AXIOS, consequence: HANGS },
        line: 2,
        column: 46,
        endLine: 2,
        endColumn: 54,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import axios from 'axios';
const api = axios.create({ baseURL, timeout: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import axios from 'axios';
axios.get(url, { timeout: 0 });`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'timeout: 0', what: AXIOS, consequence: HANGS },
        line: 2,
        column: 27,
        endLine: 2,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import axios from 'axios';
axios.get(url, { timeout: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import axios from 'axios';
axios.defaults.timeout = 0;`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'axios.defaults.timeout = 0', what: AXIOS, consequence: HANGS },
        line: 2,
        column: 26,
        endLine: 2,
        endColumn: 27,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import axios from 'axios';
axios.defaults.timeout = 30_000;`,
          },
        ],
      },
    ],
  },
  {
    code: `import axios from 'axios';
const api = axios.create({ timeout: 5000 });
api.defaults.timeout = Number.MAX_SAFE_INTEGER;`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'api.defaults.timeout = Number.MAX_SAFE_INTEGER', what: AXIOS, consequence: HANGS },
        line: 3,
        column: 24,
        endLine: 3,
        endColumn: 47,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import axios from 'axios';
const api = axios.create({ timeout: 5000 });
api.defaults.timeout = 30_000;`,
          },
        ],
      },
    ],
  },
  // A shared options object is reported once, at its literal.
  {
    code: `import axios from 'axios';
const NO_TIMEOUT = 0;
const options = { timeout: NO_TIMEOUT };
axios.get(a, options);
axios.get(b, options);`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'timeout: NO_TIMEOUT', what: AXIOS, consequence: HANGS },
        line: 3,
        column: 28,
        endLine: 3,
        endColumn: 38,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import axios from 'axios';
const NO_TIMEOUT = 0;
const options = { timeout: 30_000 };
axios.get(a, options);
axios.get(b, options);`,
          },
        ],
      },
    ],
  },
  {
    code: `import { Agent, setGlobalDispatcher } from 'undici';
setGlobalDispatcher(new Agent({ headersTimeout: 0, bodyTimeout: 0 }));`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'headersTimeout: 0', what: `undici's headers timeout`, consequence: 'a server that never sends the response headers holds the request and its connection forever' },
        line: 2,
        column: 49,
        endLine: 2,
        endColumn: 50,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import { Agent, setGlobalDispatcher } from 'undici';
setGlobalDispatcher(new Agent({ headersTimeout: 30_000, bodyTimeout: 0 }));`,
          },
        ],
      },
      {
        messageId: 'disabled',
        data: { code: 'bodyTimeout: 0', what: `undici's body timeout`, consequence: 'a server that stops sending the body holds the request and its connection forever' },
        line: 2,
        column: 65,
        endLine: 2,
        endColumn: 66,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import { Agent, setGlobalDispatcher } from 'undici';
setGlobalDispatcher(new Agent({ headersTimeout: 0, bodyTimeout: 30_000 }));`,
          },
        ],
      },
    ],
  },
  {
    code: `import { Pool } from 'undici';
const pool = new Pool(origin, { connect: { timeout: 0 } });`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'timeout: 0', what: `undici's connect timeout`, consequence: 'a host that never answers the TCP or TLS handshake holds a connection slot forever' },
        line: 2,
        column: 53,
        endLine: 2,
        endColumn: 54,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import { Pool } from 'undici';
const pool = new Pool(origin, { connect: { timeout: 30_000 } });`,
          },
        ],
      },
    ],
  },
  {
    code: `import { request } from 'undici';
const { body } = await request(url, { bodyTimeout: 0 });`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'bodyTimeout: 0', what: `undici's body timeout`, consequence: 'a server that stops sending the body holds the request and its connection forever' },
        line: 2,
        column: 52,
        endLine: 2,
        endColumn: 53,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import { request } from 'undici';
const { body } = await request(url, { bodyTimeout: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import ky from 'ky';
const api = ky.create({ prefixUrl, timeout: false });`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'timeout: false', what: `ky's per-attempt timeout (10 s by default)`, consequence: HANGS },
        line: 2,
        column: 45,
        endLine: 2,
        endColumn: 50,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '10_000' },
            output: `import ky from 'ky';
const api = ky.create({ prefixUrl, timeout: 10_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import got from 'got';
got(url, { timeout: { request: Infinity } });`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'request: Infinity', what: `got's whole-request timeout`, consequence: HANGS },
        line: 2,
        column: 32,
        endLine: 2,
        endColumn: 40,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import got from 'got';
got(url, { timeout: { request: 30_000 } });`,
          },
        ],
      },
    ],
  },
  {
    code: `import superagent from 'superagent';
superagent.get(url).timeout(0).then(use);`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'superagent.get(url).timeout(0)', what: `superagent's deadline`, consequence: HANGS },
        line: 2,
        column: 29,
        endLine: 2,
        endColumn: 30,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import superagent from 'superagent';
superagent.get(url).timeout(30_000).then(use);`,
          },
        ],
      },
    ],
  },
  {
    code: `import superagent from 'superagent';
superagent.get(url).timeout({ response: 0, deadline: 60_000 }).then(use);`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'response: 0', what: `superagent's response timeout`, consequence: HANGS },
        line: 2,
        column: 41,
        endLine: 2,
        endColumn: 42,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import superagent from 'superagent';
superagent.get(url).timeout({ response: 30_000, deadline: 60_000 }).then(use);`,
          },
        ],
      },
    ],
  },
  {
    code: `import http from 'node:http';
http.get(url, { timeout: 0 }, onResponse);`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'timeout: 0', what: 'the request socket idle timeout', consequence: HANGS },
        line: 2,
        column: 26,
        endLine: 2,
        endColumn: 27,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import http from 'node:http';
http.get(url, { timeout: 30_000 }, onResponse);`,
          },
        ],
      },
    ],
  },
  {
    code: `import net from 'node:net';
net.connect({ port, timeout: 0 });`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'timeout: 0', what: 'the socket idle timeout', consequence: 'a peer that goes silent keeps the socket open forever' },
        line: 2,
        column: 30,
        endLine: 2,
        endColumn: 31,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import net from 'node:net';
net.connect({ port, timeout: 30_000 });`,
          },
        ],
      },
    ],
  },
  // brianc/node-postgres#2704: with no connection timeout, connect() waits forever.
  {
    code: `import pg from 'pg';
const pool = new pg.Pool({ connectionTimeoutMillis: 0 });`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'connectionTimeoutMillis: 0', what: 'the connection timeout', consequence: 'when the database is unreachable or the pool is exhausted, `connect()` and `query()` wait forever' },
        line: 2,
        column: 53,
        endLine: 2,
        endColumn: 54,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import pg from 'pg';
const pool = new pg.Pool({ connectionTimeoutMillis: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import Redis from 'ioredis';
const redis = new Redis({ commandTimeout: 0 });`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'commandTimeout: 0', what: 'the command timeout', consequence: 'a command sent to a stalled server never settles' },
        line: 2,
        column: 43,
        endLine: 2,
        endColumn: 44,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import Redis from 'ioredis';
const redis = new Redis({ commandTimeout: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import { createClient } from 'redis';
const client = createClient({ socket: { connectTimeout: 0 } });`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'connectTimeout: 0', what: 'the connect timeout', consequence: 'a host that never answers blocks the client forever' },
        line: 2,
        column: 57,
        endLine: 2,
        endColumn: 58,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import { createClient } from 'redis';
const client = createClient({ socket: { connectTimeout: 30_000 } });`,
          },
        ],
      },
    ],
  },
  {
    code: `import { MongoClient } from 'mongodb';
const client = new MongoClient(uri, { timeoutMS: 0 });`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'timeoutMS: 0', what: `the driver's operation timeout`, consequence: 'an operation on a stalled server waits forever' },
        line: 2,
        column: 50,
        endLine: 2,
        endColumn: 51,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import { MongoClient } from 'mongodb';
const client = new MongoClient(uri, { timeoutMS: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import * as grpc from '@grpc/grpc-js';
const proto = grpc.loadPackageDefinition(definition);
const client = new proto.pkg.Greeter(address, credentials);
client.sayHello({ name }, { deadline: Infinity }, onReply);`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'deadline: Infinity', what: 'the call deadline', consequence: 'a call to a server that stalls never completes' },
        line: 4,
        column: 39,
        endLine: 4,
        endColumn: 47,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: 'Date.now() + 30_000' },
            output: `import * as grpc from '@grpc/grpc-js';
const proto = grpc.loadPackageDefinition(definition);
const client = new proto.pkg.Greeter(address, credentials);
client.sayHello({ name }, { deadline: Date.now() + 30_000 }, onReply);`,
          },
        ],
      },
    ],
  },
  // Slowloris: Node says requestTimeout must be non-zero without a reverse proxy.
  {
    code: `import http from 'node:http';
const server = http.createServer(app);
server.requestTimeout = 0;`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'server.requestTimeout = 0', what: `the server's request timeout (300 s by default)`, consequence: 'a client that sends its request a byte at a time (slowloris) holds a socket forever' },
        line: 3,
        column: 25,
        endLine: 3,
        endColumn: 26,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '300_000' },
            output: `import http from 'node:http';
const server = http.createServer(app);
server.requestTimeout = 300_000;`,
          },
        ],
      },
    ],
  },
  {
    code: `import http from 'node:http';
const server = http.createServer(app);
server.headersTimeout = 0;`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'server.headersTimeout = 0', what: `the server's headers timeout (60 s by default)`, consequence: 'a client that never finishes its headers (slowloris) holds a socket forever' },
        line: 3,
        column: 25,
        endLine: 3,
        endColumn: 26,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '60_000' },
            output: `import http from 'node:http';
const server = http.createServer(app);
server.headersTimeout = 60_000;`,
          },
        ],
      },
    ],
  },
  {
    code: `import http from 'node:http';
http.createServer({ requestTimeout: 0, headersTimeout: 0 }, app).listen(8080);`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'requestTimeout: 0', what: `the server's request timeout (300 s by default)`, consequence: 'a client that sends its request a byte at a time (slowloris) holds a socket forever' },
        line: 2,
        column: 37,
        endLine: 2,
        endColumn: 38,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '300_000' },
            output: `import http from 'node:http';
http.createServer({ requestTimeout: 300_000, headersTimeout: 0 }, app).listen(8080);`,
          },
        ],
      },
      {
        messageId: 'disabled',
        data: { code: 'headersTimeout: 0', what: `the server's headers timeout (60 s by default)`, consequence: 'a client that never finishes its headers (slowloris) holds a socket forever' },
        line: 2,
        column: 56,
        endLine: 2,
        endColumn: 57,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '60_000' },
            output: `import http from 'node:http';
http.createServer({ requestTimeout: 0, headersTimeout: 60_000 }, app).listen(8080);`,
          },
        ],
      },
    ],
  },
  {
    code: `import https from 'node:https';
const server = https.createServer(tls, app);
server.setTimeout(0);`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'server.setTimeout(0)', what: `the server's socket idle timeout`, consequence: 'connections whose client went silent are never closed' },
        line: 3,
        column: 19,
        endLine: 3,
        endColumn: 20,
        suggestions: [],
      },
    ],
  },
  {
    code: `import net from 'node:net';
const socket = net.connect({ port, timeout: 5000 });
socket.setTimeout(0);`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'socket.setTimeout(0)', what: 'the idle timeout set earlier on this socket', consequence: 'a peer that goes silent keeps the socket open forever' },
        line: 3,
        column: 19,
        endLine: 3,
        endColumn: 20,
        suggestions: [],
      },
    ],
  },
  {
    code: `import net from 'node:net';
net.createServer((socket) => {
  socket.setTimeout(10_000);
  socket.on('data', () => socket.setTimeout(0));
});`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'socket.setTimeout(0)', what: 'the idle timeout set earlier on this socket', consequence: 'a peer that goes silent keeps the socket open forever' },
        line: 4,
        column: 45,
        endLine: 4,
        endColumn: 46,
        suggestions: [],
      },
    ],
  },
  {
    // A TLS socket's idle timeout turned off on data, not once its handshake is done ('secure').
    code: `import tls from 'node:tls';
export function upgrade(socket, options) {
  const secureSocket = new tls.TLSSocket(socket, options);
  secureSocket.setTimeout(30_000);
  secureSocket.on('data', () => secureSocket.setTimeout(0));
}`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'secureSocket.setTimeout(0)', what: 'the idle timeout set earlier on this socket', consequence: 'a peer that goes silent keeps the socket open forever' },
        line: 5,
        column: 57,
        endLine: 5,
        endColumn: 58,
        suggestions: [],
      },
    ],
  },
  {
    code: `import http from 'node:http';
const req = http.request(url);
req.setTimeout(5000);
req.setTimeout(0);`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'req.setTimeout(0)', what: 'the idle timeout set earlier on this request', consequence: HANGS },
        line: 4,
        column: 16,
        endLine: 4,
        endColumn: 17,
        suggestions: [],
      },
    ],
  },
  {
    code: `import axios from 'axios';
axios.create({ timeout: 0 });`,
    options: withOptions({ defaultTimeoutMs: 10000 }),
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'timeout: 0', what: AXIOS, consequence: HANGS },
        line: 2,
        column: 25,
        endLine: 2,
        endColumn: 26,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '10_000' },
            output: `import axios from 'axios';
axios.create({ timeout: 10_000 });`,
          },
        ],
      },
    ],
  },
];

// TypeScript syntax: typescript-eslint without and with types.
const tsValid: string[] = [
  `import axios from 'axios'; axios.create({ timeout: 5000 } satisfies object);`,
  `import type { Socket } from 'node:net'; export function idle(socket: Socket) { socket.setTimeout(0); }`,
];

const tsInvalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `import axios from 'axios';
axios.create({ timeout: 0 as number });`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'timeout: 0 as number', what: AXIOS, consequence: HANGS },
        line: 2,
        column: 25,
        endLine: 2,
        endColumn: 26,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '30_000' },
            output: `import axios from 'axios';
axios.create({ timeout: 30_000 as number });`,
          },
        ],
      },
    ],
  },
];

// A server or socket known only by its declared type.
const typedOnlyInvalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `import type { Server } from 'node:http';
export function configure(server: Server): void {
  server.requestTimeout = 0;
}`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'server.requestTimeout = 0', what: `the server's request timeout (300 s by default)`, consequence: 'a client that sends its request a byte at a time (slowloris) holds a socket forever' },
        line: 3,
        column: 27,
        endLine: 3,
        endColumn: 28,
        suggestions: [
          {
            messageId: 'useFiniteTimeout',
            data: { replacement: '300_000' },
            output: `import type { Server } from 'node:http';
export function configure(server: Server): void {
  server.requestTimeout = 300_000;
}`,
          },
        ],
      },
    ],
  },
  {
    code: `import type { Socket } from 'node:net';
export function idle(socket: Socket): void {
  socket.setTimeout(5000);
  socket.setTimeout(0);
}`,
    errors: [
      {
        messageId: 'disabled',
        data: { code: 'socket.setTimeout(0)', what: 'the idle timeout set earlier on this socket', consequence: 'a peer that goes silent keeps the socket open forever' },
        line: 4,
        column: 21,
        endLine: 4,
        endColumn: 22,
        suggestions: [],
      },
    ],
  },
];

createRuleTester().run('no-disabled-timeout', rule, {
  valid: [...valid, ...tsValid, ...typedOnlyInvalid.map(({ code }) => code)],
  invalid: [...invalid, ...tsInvalid],
});
createEspreeRuleTester().run('no-disabled-timeout (espree)', rule, { valid, invalid });
createTypedRuleTester().run('no-disabled-timeout (typed)', rule, {
  valid: [...valid, ...tsValid],
  invalid: [...invalid, ...tsInvalid, ...typedOnlyInvalid],
});
