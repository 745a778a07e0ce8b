import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageId, Options } from '../../src/rules/require-request-timeout';
import rule from '../../src/rules/require-request-timeout';
import { createEspreeRuleTester, createRuleTester, createTypedRuleTester } from '../rule-tester';

/** The rule's options with the defaults filled in (as ESLint merges them). */
function withOptions(partial: Partial<Options[0]>): Options {
  return [{ defaultTimeoutMs: 30_000, ignore: [], requireDeadline: false, ...partial }];
}

// The remedies named in messages, per library.
const SIGNAL = '`signal: AbortSignal.timeout(ms)`';
const AXIOS = '`timeout` (and a `signal` for a hard deadline)';
const GOT = '`timeout: { request: ms }`';
const HTTP = "`signal: AbortSignal.timeout(ms)` (a `timeout` option only emits `'timeout'`)";
const SUPERAGENT = '`.timeout(ms)` (a deadline for the whole request)';
const GRPC = '`{ deadline: Date.now() + ms }` in the call options';

// Plain JavaScript: run under espree, typescript-eslint without types, and with types.
const valid: (ValidTestCase<Options> | string)[] = [
  // fetch with any signal: a deadline, a parameter, a controller's, a combination.
  `fetch('https://api.example.com', { signal: AbortSignal.timeout(5000) });`,
  `export async function get(url, signal) { return fetch(url, { signal }); }`,
  `const controller = new AbortController(); fetch(url, { signal: controller.signal });`,
  `fetch(url, { method: 'POST', signal: AbortSignal.any([userSignal, AbortSignal.timeout(10_000)]) });`,
  `const init = { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(1000) }; fetch(url, init);`,
  `fetch(new Request(url, { signal: AbortSignal.timeout(1000) }));`,
  // An init the file does not spell out may carry a signal.
  `export function call(url, init) { return fetch(url, init); }`,
  `fetch(url, { ...defaults, method: 'GET' });`,
  `fetch(url, options[key]);`,
  // Not fetch: a local function, a method, a shadowed global.
  `function fetch(u) { return u; } fetch('https://a');`,
  `const api = { fetch() {} }; api.fetch('https://a');`,
  `function run(fetch) { return fetch('https://a'); }`,
  // node-fetch v2's own timeout option.
  `import fetch from 'node-fetch'; fetch(url, { timeout: 5000 });`,
  // axios: per-call config, defaults anywhere in the file, instances made with a timeout.
  `import axios from 'axios'; axios.get(url, { timeout: 5000 });`,
  `import axios from 'axios'; axios.post(url, body, { signal: AbortSignal.timeout(5000) });`,
  `import axios from 'axios'; axios({ url, method: 'put', timeout: 1000 });`,
  `import axios from 'axios'; axios['get'](url, { timeout: 1000 });`,
  `import axios from 'axios'; export const load = () => axios.get('/a'); axios.defaults.timeout = 10_000;`,
  `const axios = require('axios'); const api = axios.create({ timeout: 5000 }); api.get('/users');`,
  `import axios from 'axios'; class Client { http = axios.create({ timeout: 2000 }); load() { return this.http.get('/a'); } }`,
  // An instance made without a timeout is require-client-timeout's report, at the create.
  `import axios from 'axios'; const api = axios.create({ baseURL }); api.get('/users');`,
  `import axios from 'axios'; const api = axios.create(config); api.get('/users');`,
  `import axios from 'axios'; const api = axios.create(); api.defaults.timeout = 5000; api.get('/users');`,
  // An explicitly disabled timeout is no-disabled-timeout's report.
  `import axios from 'axios'; axios.get(url, { timeout: 0 });`,
  `import ky from 'ky'; ky.get(url, { timeout: false });`,
  // got: a timeout (any phase but connect-only), instances from got.extend.
  `import got from 'got'; got('https://a', { timeout: { request: 10_000 } });`,
  `import got from 'got'; got.post({ url, timeout: { response: 5000 } });`,
  `import got from 'got'; const client = got.extend({ timeout: { request: 5000 } }); export const get = (path) => client.get(path);`,
  `import got from 'got'; const base = got.extend({ timeout: { request: 5000 } }); const api = base.extend({ prefixUrl }); api('users');`,
  `import got from 'got'; const api = got.extend({ prefixUrl }); api('users');`,
  `import got from 'got'; got(options);`,
  // ky has a 10 s default.
  `import ky from 'ky'; ky.get('https://a').json();`,
  `import ky from 'ky'; const api = ky.create({ prefixUrl }); api.get('users');`,
  // superagent with a timeout on the chain or on the variable; a request handed on.
  `import superagent from 'superagent'; await superagent.get(url).set('accept', 'json').timeout(5000);`,
  `import request from 'superagent'; const req = request.post(url).send(body); req.timeout({ deadline: 10_000 }); await req;`,
  `import superagent from 'superagent'; export function get(url) { return superagent.get(url); }`,
  `import superagent from 'superagent'; const agent = superagent.agent(); agent.timeout(5000); agent.get(url).then(use);`,
  // undici's request: 300 s header and body timeouts by default.
  `import { request } from 'undici'; const { body } = await request(url); await body.text();`,
  `import { Pool } from 'undici'; const pool = new Pool(origin); pool.request({ path: '/', method: 'GET' });`,
  // node:http with a timeout, a signal, an agent, req.setTimeout, or options not spelled out.
  `import http from 'node:http'; http.get('http://a', { timeout: 5000 }, onResponse);`,
  `import https from 'node:https'; https.request({ host, path, signal: AbortSignal.timeout(5000) }, onResponse).end();`,
  `import http from 'node:http'; http.get({ host, agent: keepAliveAgent }, onResponse);`,
  `import http from 'node:http'; const req = http.request('http://a'); req.setTimeout(5000, () => req.destroy()); req.end();`,
  `const http = require('http'); http.get('http://a', onResponse).setTimeout(5000);`,
  `import http from 'node:http'; export function get(options, cb) { return http.get(options, cb); }`,
  `import http from 'node:http'; export function start(url) { return http.request(url); }`,
  // gRPC: a deadline, or call options/metadata not spelled out.
  `import * as grpc from '@grpc/grpc-js'; const proto = grpc.loadPackageDefinition(def); const client = new proto.pkg.Greeter(addr, creds); client.sayHello({ name }, { deadline: Date.now() + 5000 }, cb);`,
  `import * as grpc from '@grpc/grpc-js'; const proto = grpc.loadPackageDefinition(def); const client = new proto.pkg.Greeter(addr, creds); client.sayHello(request, metadata, cb);`,
  `import * as grpc from '@grpc/grpc-js'; const proto = grpc.loadPackageDefinition(def); const client = new proto.pkg.Greeter(addr, creds); client.close(); client.waitForReady(deadline, cb);`,
  `import * as grpc from '@grpc/grpc-js'; const proto = grpc.loadPackageDefinition(def); const client = new proto.pkg.Greeter(addr, creds, { interceptors }); client.sayHello({ name }, cb);`,
  // MongoDB is only checked with requireDeadline; then timeoutMS (or one in the URI) is enough.
  `import { MongoClient } from 'mongodb'; new MongoClient('mongodb://db/app');`,
  { code: `import { MongoClient } from 'mongodb'; new MongoClient('mongodb://db/app', { timeoutMS: 5000 });`, options: withOptions({ requireDeadline: true }) },
  { code: `import { MongoClient } from 'mongodb'; new MongoClient('mongodb://db/app?timeoutMS=5000');`, options: withOptions({ requireDeadline: true }) },
  { code: `import { MongoClient } from 'mongodb'; new MongoClient(process.env.MONGO_URL);`, options: withOptions({ requireDeadline: true }) },
  // requireDeadline: whole-exchange bounds pass.
  { code: `import got from 'got'; got('https://a', { timeout: { request: 5000 } });`, options: withOptions({ requireDeadline: true }) },
  { code: `import axios from 'axios'; axios.get(url, { timeout: 1000, signal: AbortSignal.timeout(5000) });`, options: withOptions({ requireDeadline: true }) },
  { code: `import superagent from 'superagent'; superagent.get(url).timeout({ response: 1000, deadline: 5000 }).then(use);`, options: withOptions({ requireDeadline: true }) },
  { code: `import ky from 'ky'; ky.get('https://a');`, options: withOptions({ requireDeadline: true }) },
  // ignore
  { code: `fetch('https://a');`, options: withOptions({ ignore: ['fetch'] }) },
  { code: `import axios from 'axios'; axios.get(url);`, options: withOptions({ ignore: ['axios', 'got'] }) },
  // Odd but valid syntax.
  `globalThis.fetch?.(url, { signal });`,
  `const { get } = require('axios'); get(url, { timeout: 1000 });`,
  `fetch(...args);`,
  `import axios from 'axios'; axios[method](url);`,
  `new fetch();`,
  // ---- false alarms found by the sweep (npm run sweep, test/corpus/triage.json) ----
  // openai 7.57.0 src/internal/auth/x509-transport-capability.ts: a Request built from options the file does not see may carry a signal.
  `import { Request, fetch } from 'undici'; export async function send(target, options, dispatcher) { const request = new Request(target, options); return fetch(request, { dispatcher, redirect: 'manual' }); }`,
  `export async function send(target, options) { const request = new Request(target, options); return fetch(request, { redirect: 'manual' }); }`,
  // The same file probes fetch with about:blank, which never reaches the network; so do data: and blob: URLs.
  `void Promise.allSettled([fetch('about:blank', { get dispatcher() { return undefined; } })]);`,
  `fetch('data:text/plain,hello');`,
  // openai 7.57.0 src/internal/auth/x509-transport-capability.ts (found by the sweep): a capability probe through a ProxyAgent whose factory throws before any socket opens.
  `import { ProxyAgent, fetch } from 'undici';
export function assertConnectProxySupport() {
  let routedOrigin;
  const probe = new ProxyAgent({
    uri: 'http://127.0.0.1:1',
    factory(origin) {
      routedOrigin = String(origin);
      throw new Error('capability probe');
    },
  });
  const request = fetch('https://127.0.0.1:65535', { dispatcher: probe });
  void Promise.allSettled([request, probe.close()]);
  return routedOrigin;
}`,
  // The same for an Agent or a Pool whose factory always throws, and for a request made on it.
  `import { Agent } from 'undici'; fetch('https://a', { dispatcher: new Agent({ factory: () => { throw new Error('offline'); } }) });`,
  {
    code: `import { Pool } from 'undici'; const pool = new Pool('https://a', { factory() { throw new Error('offline'); } }); pool.request({ path: '/', method: 'GET' });`,
    options: [{ defaultTimeoutMs: 30_000, ignore: [], requireDeadline: true }],
  },
  // parse-server 9.10.0 lib/Adapters/Auth/qq.js (found by the sweep): a GET with a body rejects with a TypeError before it connects.
  `async function token(authData) { return fetch('https://graph.qq.com/oauth2.0/token', { method: 'GET', body: new URLSearchParams({ code: authData.code }).toString() }); }`,
  // parse-server 9.10.0 lib/Adapters/Auth/twitter.js (found by the sweep): no method is a GET too; the body is a JSON string.
  `async function me(authData) { const oauth = { auth_token: authData.oauth_token }; const url = new URL('https://api.twitter.com/2/users/me'); return fetch(url, { headers: { Authorization: 'Bearer ' + oauth.auth_token }, body: JSON.stringify(oauth) }); }`,
  `fetch('https://a', { method: 'head', body: \`x=\${x}\` });`,
];

const invalid: InvalidTestCase<MessageId, Options>[] = [
  {
    // A dispatcher whose factory throws only for some origins still sends the others.
    code: `import { Agent, Pool, fetch } from 'undici';
const agent = new Agent({ factory(origin, opts) { if (!allowed(origin)) throw new Error('blocked'); return new Pool(origin, opts); } });
fetch('https://a', { dispatcher: agent });`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 3,
        column: 1,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `import { Agent, Pool, fetch } from 'undici';
const agent = new Agent({ factory(origin, opts) { if (!allowed(origin)) throw new Error('blocked'); return new Pool(origin, opts); } });
fetch('https://a', { dispatcher: agent, signal: AbortSignal.timeout(30_000) });`,
          },
        ],
      },
    ],
  },
  {
    // A SOCKS ProxyAgent connects through its own pool and never calls `factory`.
    code: `import { ProxyAgent, fetch } from 'undici';
const probe = new ProxyAgent({ uri: 'socks5://127.0.0.1:1080', factory() { throw new Error('probe'); } });
fetch('https://a', { dispatcher: probe });`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 3,
        column: 1,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `import { ProxyAgent, fetch } from 'undici';
const probe = new ProxyAgent({ uri: 'socks5://127.0.0.1:1080', factory() { throw new Error('probe'); } });
fetch('https://a', { dispatcher: probe, signal: AbortSignal.timeout(30_000) });`,
          },
        ],
      },
    ],
  },
  // friggframework/frigg#579: fetch with no abort stalled a whole sync run.
  {
    code: `fetch('https://api.example.com/items');`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `fetch('https://api.example.com/items', { signal: AbortSignal.timeout(30_000) });`,
          },
        ],
      },
    ],
  },
  {
    code: `export async function save(url, body) {
  const res = await fetch(url, { method: 'POST', body });
  return res.json();
}`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 2,
        column: 21,
        endLine: 2,
        endColumn: 26,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `export async function save(url, body) {
  const res = await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(30_000) });
  return res.json();
}`,
          },
        ],
      },
    ],
  },
  {
    code: `await fetch(url, {
  method: 'POST',
  headers,
});`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 1,
        column: 7,
        endLine: 1,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `await fetch(url, {
  method: 'POST',
  headers,
  signal: AbortSignal.timeout(30_000),
});`,
          },
        ],
      },
    ],
  },
  {
    code: `globalThis.fetch('https://a');`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'globalThis.fetch()', remedy: SIGNAL },
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `globalThis.fetch('https://a', { signal: AbortSignal.timeout(30_000) });`,
          },
        ],
      },
    ],
  },
  {
    code: `import { fetch as undiciFetch } from 'undici';
undiciFetch('https://a');`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'undiciFetch()', remedy: SIGNAL },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `import { fetch as undiciFetch } from 'undici';
undiciFetch('https://a', { signal: AbortSignal.timeout(30_000) });`,
          },
        ],
      },
    ],
  },
  {
    code: `const fetch = require('node-fetch');
fetch('https://a');`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `const fetch = require('node-fetch');
fetch('https://a', { signal: AbortSignal.timeout(30_000) });`,
          },
        ],
      },
    ],
  },
  // A signal key without a signal: no suggestion, which would duplicate the key.
  {
    code: 'fetch(url, { signal: undefined });',
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 6,
        suggestions: [],
      },
    ],
  },
  {
    // A Request kept in a const is read like one written in place.
    code: `const request = new Request('https://a', { method: 'POST' }); fetch(request);`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 1,
        column: 63,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `const request = new Request('https://a', { method: 'POST' }); fetch(request, { signal: AbortSignal.timeout(30_000) });`,
          },
        ],
      },
    ],
  },
  {
    code: `fetch(new Request('https://a'));`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `fetch(new Request('https://a'), { signal: AbortSignal.timeout(30_000) });`,
          },
        ],
      },
    ],
  },
  // clearlydefined/crawler#760: axios calls without a timeout hung a worker forever.
  {
    code: `import axios from 'axios';
axios.get('/users');`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'axios.get()', remedy: AXIOS },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 10,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: 30_000' },
            output: `import axios from 'axios';
axios.get('/users', { timeout: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import axios from 'axios';
axios.post('/users', user);`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'axios.post()', remedy: AXIOS },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: 30_000' },
            output: `import axios from 'axios';
axios.post('/users', user, { timeout: 30_000 });`,
          },
        ],
      },
    ],
  },
  // No config slot to append to without inventing a body.
  {
    code: `import axios from 'axios';
axios.post('/users');`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'axios.post()', remedy: AXIOS },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 11,
        suggestions: [],
      },
    ],
  },
  {
    code: `import axios from 'axios';
axios({ url: '/users', method: 'get' });`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'axios()', remedy: AXIOS },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: 30_000' },
            output: `import axios from 'axios';
axios({ url: '/users', method: 'get', timeout: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `const { get } = require('axios');
get('/users');`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'get()', remedy: AXIOS },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 4,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: 30_000' },
            output: `const { get } = require('axios');
get('/users', { timeout: 30_000 });`,
          },
        ],
      },
    ],
  },
  // One instance's defaults do not bound the default instance.
  {
    code: `import axios from 'axios';
const api = axios.create();
api.defaults.timeout = 5000;
axios.get('/users');`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'axios.get()', remedy: AXIOS },
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 10,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: 30_000' },
            output: `import axios from 'axios';
const api = axios.create();
api.defaults.timeout = 5000;
axios.get('/users', { timeout: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `import got from 'got';
await got('https://a').json();`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'got()', remedy: GOT },
        line: 2,
        column: 7,
        endLine: 2,
        endColumn: 10,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: { request: 30_000 }' },
            output: `import got from 'got';
await got('https://a', { timeout: { request: 30_000 } }).json();`,
          },
        ],
      },
    ],
  },
  {
    code: `import got from 'got';
got.post('https://a', { json: payload });`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'got.post()', remedy: GOT },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 9,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: { request: 30_000 }' },
            output: `import got from 'got';
got.post('https://a', { json: payload, timeout: { request: 30_000 } });`,
          },
        ],
      },
    ],
  },
  // A connect timeout alone leaves a stalled response unbounded.
  {
    code: `import got from 'got';
got('https://a', { timeout: { connect: 1000 } });`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'got()', remedy: GOT },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 4,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'request: 30_000' },
            output: `import got from 'got';
got('https://a', { timeout: { connect: 1000, request: 30_000 } });`,
          },
        ],
      },
    ],
  },
  {
    code: `import superagent from 'superagent';
const res = await superagent.get('https://a').set('accept', 'json');`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'superagent.get()', remedy: SUPERAGENT },
        line: 2,
        column: 19,
        endLine: 2,
        endColumn: 33,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: '.timeout(30_000)' },
            output: `import superagent from 'superagent';
const res = await superagent.get('https://a').timeout(30_000).set('accept', 'json');`,
          },
        ],
      },
    ],
  },
  {
    code: `import request from 'superagent';
const req = request.post(url);
req.send(body);
await req;`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'request.post()', remedy: SUPERAGENT },
        line: 2,
        column: 13,
        endLine: 2,
        endColumn: 25,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: '.timeout(30_000)' },
            output: `import request from 'superagent';
const req = request.post(url).timeout(30_000);
req.send(body);
await req;`,
          },
        ],
      },
    ],
  },
  {
    code: `import http from 'node:http';
http.get('http://a', (res) => res.resume());`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'http.get()', remedy: HTTP },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 9,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `import http from 'node:http';
http.get('http://a', { signal: AbortSignal.timeout(30_000) }, (res) => res.resume());`,
          },
        ],
      },
    ],
  },
  {
    code: `import https from 'node:https';
https.request({ host: 'a', path: '/' }, onResponse).end();`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'https.request()', remedy: HTTP },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `import https from 'node:https';
https.request({ host: 'a', path: '/', signal: AbortSignal.timeout(30_000) }, onResponse).end();`,
          },
        ],
      },
    ],
  },
  // `agent: false` is a one-off agent without a timeout, not a configured one.
  {
    code: `import http from 'node:http';
http.get({ host: 'a', agent: false }, onResponse);`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'http.get()', remedy: HTTP },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 9,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `import http from 'node:http';
http.get({ host: 'a', agent: false, signal: AbortSignal.timeout(30_000) }, onResponse);`,
          },
        ],
      },
    ],
  },
  {
    code: `import http from 'node:http';
const req = http.request('http://a');
req.on('error', onError);
req.end();`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'http.request()', remedy: HTTP },
        line: 2,
        column: 13,
        endLine: 2,
        endColumn: 25,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `import http from 'node:http';
const req = http.request('http://a', { signal: AbortSignal.timeout(30_000) });
req.on('error', onError);
req.end();`,
          },
        ],
      },
    ],
  },
  // grpc/grpc-node#1543: no deadline means the call can wait forever.
  {
    code: `import * as grpc from '@grpc/grpc-js';
const proto = grpc.loadPackageDefinition(definition);
const client = new proto.pkg.Greeter(address, credentials);
export function greet(name, cb) {
  client.sayHello({ name }, (err, reply) => cb(err, reply));
}`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'client.sayHello()', remedy: GRPC },
        line: 5,
        column: 3,
        endLine: 5,
        endColumn: 18,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'deadline: Date.now() + 30_000' },
            output: `import * as grpc from '@grpc/grpc-js';
const proto = grpc.loadPackageDefinition(definition);
const client = new proto.pkg.Greeter(address, credentials);
export function greet(name, cb) {
  client.sayHello({ name }, { deadline: Date.now() + 30_000 }, (err, reply) => cb(err, reply));
}`,
          },
        ],
      },
    ],
  },
  {
    code: `fetch('https://a');`,
    options: withOptions({ defaultTimeoutMs: 5000 }),
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(5_000)' },
            output: `fetch('https://a', { signal: AbortSignal.timeout(5_000) });`,
          },
        ],
      },
    ],
  },
  // louislam/uptime-kuma#3961: the axios timeout did not fire on a stuck connection.
  {
    code: `import axios from 'axios';
axios.get(url, { timeout: 5000 });`,
    options: withOptions({ requireDeadline: true }),
    errors: [
      {
        messageId: 'missingDeadline',
        data: { call: 'axios.get()', via: '`timeout`', remedy: SIGNAL },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 10,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `import axios from 'axios';
axios.get(url, { timeout: 5000, signal: AbortSignal.timeout(30_000) });`,
          },
        ],
      },
    ],
  },
  {
    code: `import axios from 'axios';
const api = axios.create({ timeout: 5000 });
export const load = () => api.get('/a');`,
    options: withOptions({ requireDeadline: true }),
    errors: [
      {
        messageId: 'missingDeadline',
        data: { call: 'api.get()', via: '`timeout`', remedy: SIGNAL },
        line: 3,
        column: 27,
        endLine: 3,
        endColumn: 34,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `import axios from 'axios';
const api = axios.create({ timeout: 5000 });
export const load = () => api.get('/a', { signal: AbortSignal.timeout(30_000) });`,
          },
        ],
      },
    ],
  },
  {
    code: `import got from 'got';
got('https://a', { timeout: { response: 5000 } });`,
    options: withOptions({ requireDeadline: true }),
    errors: [
      {
        messageId: 'missingDeadline',
        data: { call: 'got()', via: '`timeout`', remedy: GOT },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 4,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'request: 30_000' },
            output: `import got from 'got';
got('https://a', { timeout: { response: 5000, request: 30_000 } });`,
          },
        ],
      },
    ],
  },
  {
    code: `import superagent from 'superagent';
superagent.get(url).timeout({ response: 5000 }).then(use);`,
    options: withOptions({ requireDeadline: true }),
    errors: [
      {
        messageId: 'missingDeadline',
        data: { call: 'superagent.get()', via: '`.timeout({ response })`', remedy: '`.timeout({ deadline: ms })`' },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'deadline: 30_000' },
            output: `import superagent from 'superagent';
superagent.get(url).timeout({ response: 5000, deadline: 30_000 }).then(use);`,
          },
        ],
      },
    ],
  },
  {
    code: `import { request } from 'undici';
await request('https://a');`,
    options: withOptions({ requireDeadline: true }),
    errors: [
      {
        messageId: 'missingDeadline',
        data: { call: 'request()', via: "undici's default `headersTimeout` and `bodyTimeout` (300 s each)", remedy: SIGNAL },
        line: 2,
        column: 7,
        endLine: 2,
        endColumn: 14,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `import { request } from 'undici';
await request('https://a', { signal: AbortSignal.timeout(30_000) });`,
          },
        ],
      },
    ],
  },
  {
    code: `import http from 'node:http';
http.get('http://a', { timeout: 5000 }, onResponse);`,
    options: withOptions({ requireDeadline: true }),
    errors: [
      {
        messageId: 'missingDeadline',
        data: { call: 'http.get()', via: '`timeout`', remedy: HTTP },
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 9,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `import http from 'node:http';
http.get('http://a', { timeout: 5000, signal: AbortSignal.timeout(30_000) }, onResponse);`,
          },
        ],
      },
    ],
  },
  {
    code: `import { MongoClient } from 'mongodb';
const client = new MongoClient('mongodb://db/app', { maxPoolSize: 20 });`,
    options: withOptions({ requireDeadline: true }),
    errors: [
      {
        messageId: 'missingDeadline',
        data: { call: 'new MongoClient()', via: "the driver's default `serverSelectionTimeoutMS` (30 s)", remedy: '`timeoutMS`' },
        line: 2,
        column: 16,
        endLine: 2,
        endColumn: 31,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeoutMS: 30_000' },
            output: `import { MongoClient } from 'mongodb';
const client = new MongoClient('mongodb://db/app', { maxPoolSize: 20, timeoutMS: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `fetch('https://a');`,
    options: withOptions({ ignore: ['axios'] }),
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `fetch('https://a', { signal: AbortSignal.timeout(30_000) });`,
          },
        ],
      },
    ],
  },
  // The GET-with-body exemption needs a body that is never nullish, a GET or HEAD, and a URL input:
  // a body that may be undefined, an unknown method, or a Request input (its own method) is a request.
  {
    code: `export function load(body) { return fetch('https://a', { body }); }`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 1,
        column: 37,
        endLine: 1,
        endColumn: 42,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `export function load(body) { return fetch('https://a', { body, signal: AbortSignal.timeout(30_000) }); }`,
          },
        ],
      },
    ],
  },
  {
    code: `export function load(payload) { return fetch('https://a', { body: JSON.stringify(payload) }); }`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 1,
        column: 40,
        endLine: 1,
        endColumn: 45,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `export function load(payload) { return fetch('https://a', { body: JSON.stringify(payload), signal: AbortSignal.timeout(30_000) }); }`,
          },
        ],
      },
    ],
  },
  {
    code: `fetch('https://a', { method: 'GET', body: undefined });`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `fetch('https://a', { method: 'GET', body: undefined, signal: AbortSignal.timeout(30_000) });`,
          },
        ],
      },
    ],
  },
  {
    code: `export function send(method) { return fetch('https://a', { method, body: 'x' }); }`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 1,
        column: 39,
        endLine: 1,
        endColumn: 44,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `export function send(method) { return fetch('https://a', { method, body: 'x', signal: AbortSignal.timeout(30_000) }); }`,
          },
        ],
      },
    ],
  },
  {
    code: `fetch('https://a', { method: 'PUT', body: JSON.stringify({ a: 1 }) });`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `fetch('https://a', { method: 'PUT', body: JSON.stringify({ a: 1 }), signal: AbortSignal.timeout(30_000) });`,
          },
        ],
      },
    ],
  },
  {
    code: `export function send(input) { return fetch(input, { body: 'x' }); }`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 1,
        column: 38,
        endLine: 1,
        endColumn: 43,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `export function send(input) { return fetch(input, { body: 'x', signal: AbortSignal.timeout(30_000) }); }`,
          },
        ],
      },
    ],
  },
];

// TypeScript syntax: typescript-eslint without and with types.
const tsValid: string[] = [
  `fetch(url as string, { signal: signal! } satisfies RequestInit);`,
  `const init = { signal: AbortSignal.timeout(1000) } as const; fetch(url, init);`,
  `import type { AxiosInstance } from 'axios'; export function load(api: AxiosInstance) { return api.get('/a'); }`,
  `import axios from 'axios'; const api = axios.create({ timeout: 1000 }) as ReturnType<typeof axios.create>; api.get<string>('/a');`,
  `import got from 'got'; export async function get<T>(url: string): Promise<T> { return got(url, { timeout: { request: 5000 } }).json<T>(); }`,
];

const tsInvalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `fetch(url!, { method: 'GET' } satisfies RequestInit);`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 6,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `fetch(url!, { method: 'GET', signal: AbortSignal.timeout(30_000) } satisfies RequestInit);`,
          },
        ],
      },
    ],
  },
  {
    code: `import axios from 'axios';
export const get = async <T,>(path: string) => (await axios.get<T>(path)).data;`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'axios.get()', remedy: AXIOS },
        line: 2,
        column: 55,
        endLine: 2,
        endColumn: 64,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: 30_000' },
            output: `import axios from 'axios';
export const get = async <T,>(path: string) => (await axios.get<T>(path, { timeout: 30_000 })).data;`,
          },
        ],
      },
    ],
  },
];

// A parameter typed `string` or `URL` is known to be a URL only with types.
const typedOnlyInvalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `import http from 'node:http';
export function ping(url: string) {
  http.get(url, (res) => res.resume());
}`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'http.get()', remedy: HTTP },
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 11,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `import http from 'node:http';
export function ping(url: string) {
  http.get(url, { signal: AbortSignal.timeout(30_000) }, (res) => res.resume());
}`,
          },
        ],
      },
    ],
  },
  {
    code: `import got from 'got';
export function get(url: URL) {
  return got(url);
}`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'got()', remedy: GOT },
        line: 3,
        column: 10,
        endLine: 3,
        endColumn: 13,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'timeout: { request: 30_000 }' },
            output: `import got from 'got';
export function get(url: URL) {
  return got(url, { timeout: { request: 30_000 } });
}`,
          },
        ],
      },
    ],
  },
];

// Without types an unknown `fetch` input is taken for a URL; typed as `Request`, it may carry its own signal.
const untypedOnlyInvalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `export function send(request: Request) {
  return fetch(request);
}`,
    errors: [
      {
        messageId: 'missingTimeout',
        data: { call: 'fetch()', remedy: SIGNAL },
        line: 2,
        column: 10,
        endLine: 2,
        endColumn: 15,
        suggestions: [
          {
            messageId: 'addTimeout',
            data: { text: 'signal: AbortSignal.timeout(30_000)' },
            output: `export function send(request: Request) {
  return fetch(request, { signal: AbortSignal.timeout(30_000) });
}`,
          },
        ],
      },
    ],
  },
];

createRuleTester().run('require-request-timeout', rule, {
  valid: [...valid, ...tsValid, ...typedOnlyInvalid.map(({ code }) => code)],
  invalid: [...invalid, ...tsInvalid, ...untypedOnlyInvalid],
});
createEspreeRuleTester().run('require-request-timeout (espree)', rule, { valid, invalid });
createTypedRuleTester().run('require-request-timeout (typed)', rule, {
  valid: [...valid, ...tsValid, ...untypedOnlyInvalid.map(({ code }) => code)],
  invalid: [...invalid, ...tsInvalid, ...typedOnlyInvalid],
});
