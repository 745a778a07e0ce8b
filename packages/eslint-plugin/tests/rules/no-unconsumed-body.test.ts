import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageId, Options } from '../../src/rules/no-unconsumed-body';
import rule from '../../src/rules/no-unconsumed-body';
import { createEspreeRuleTester, createRuleTester, createTypedRuleTester } from '../rule-tester';

const CANCEL = 'await res.body?.cancel()';
const DEFAULTS: Options[0] = { checkDiscarded: true, checkNodeHttp: true, consumers: [], ignoreParameters: true, checkImplicitThrows: false };
/** The options tuple with some fields changed from the defaults. */
function options(changes: Partial<Options[0]>): Options {
  return [{ ...DEFAULTS, ...changes }];
}

// Plain JavaScript: these run under espree, typescript-eslint without types, and with types.
const valid: (ValidTestCase<Options> | string)[] = [
  // Read on every path.
  `async function f(url) { const res = await fetch(url); return res.json(); }`,
  `async function f(url) { const res = await fetch(url); if (!res.ok) { throw new Error(await res.text()); } return res.json(); }`,
  // Released before the throw (the fix proconnect-gouv/proconnect-identite#1904 applied).
  `async function f(url) { const res = await fetch(url); if (!res.ok) { await res.body?.cancel(); throw new Error(String(res.status)); } return res.arrayBuffer(); }`,
  // Released in finally: covers every exit.
  `async function f(url) { const res = await fetch(url); try { if (!res.ok) throw new Error('x'); return await res.json(); } finally { await res.body?.cancel(); } }`,
  // A thrown error that is caught and the body released there.
  `async function f(url) { const res = await fetch(url); try { if (!res.ok) throw new Error('x'); return await res.json(); } catch (e) { await res.body?.cancel(); throw e; } }`,
  // Streamed instead of read: pipeTo, a reader, for await, Readable.fromWeb, a new Response.
  `async function f(url, sink) { const res = await fetch(url); await res.body.pipeTo(sink); }`,
  `async function f(url) { const res = await fetch(url); const reader = res.body.getReader(); return reader; }`,
  `async function f(url) { const res = await fetch(url); for await (const chunk of res.body) console.log(chunk); }`,
  `import { Readable } from 'node:stream'; export async function f(url) { const res = await fetch(url); return Readable.fromWeb(res.body); }`,
  `async function f(url) { const res = await fetch(url); return new Response(res.body, { status: res.status }); }`,
  // Ownership transfer: returned, passed, stored, yielded, aliased, captured.
  `async function f(url) { const res = await fetch(url); return res; }`,
  `async function f(url) { const res = await fetch(url); if (!res.ok) return handleError(res); return res.json(); }`,
  `async function f(url, out) { const res = await fetch(url); out.push(res); }`,
  `class C { async load(url) { const res = await fetch(url); this.last = res; } }`,
  `async function* f(urls) { for (const u of urls) { const res = await fetch(u); yield res; } }`,
  `async function f(url) { const res = await fetch(url); const other = res; return other.json(); }`,
  `async function f(url) { const res = await fetch(url); setTimeout(() => res.body.cancel(), 10); }`,
  `function f(url) { return fetch(url); }`,
  `async function f(url) { return await fetch(url); }`,
  `async function f(url) { return fetch(url).then((res) => res.json()); }`,
  `async function f(url, cb) { cb(await fetch(url)); }`,
  // Null bodies: HEAD and CONNECT requests, null-body statuses, a null body check (fetch only).
  `async function f(url) { const res = await fetch(url, { method: 'HEAD' }); return res.ok; }`,
  `const HEAD = { method: 'head' }; export async function f(url) { const res = await fetch(url, HEAD); return res.status; }`,
  `async function f(url) { const res = await fetch(url); if (res.status === 204) return null; return res.json(); }`,
  `async function f(url) { let data; const res = await fetch(url); if (res.status !== 304) { data = await res.json(); } return data; }`,
  `async function f(url) { const res = await fetch(url); if (!res.body) return null; return res.text(); }`,
  `async function f(url) { const res = await fetch(url); if (res.body === null) { return; } await res.body.cancel(); }`,
  // An exception that the code does not throw itself is not a path we follow.
  `async function f(url) { let res; try { res = await fetch(url); } catch (e) { return null; } return res.json(); }`,
  `async function f(url) { const res = await fetch(url); try { return await res.json(); } catch { return null; } }`,
  // Only network responses carry connections.
  `async function f() { const res = new Response('x'); return res.status; }`,
  `async function f() { const res = Response.json({ ok: true }); return res.ok; }`,
  // Not fetch: a local function, an unknown object, a shadowed name.
  `async function fetch(url) { return { ok: true }; } export async function f(url) { const res = await fetch(url); return res.ok; }`,
  `async function f(api, url) { const res = await api.fetch(url); return res.ok; }`,
  `async function f(fetch, url) { const res = await fetch(url); return res.ok; }`,
  // Buffered clients have nothing to consume.
  `import axios from 'axios'; export async function f(url) { const res = await axios.get(url); return res.status; }`,
  `import got from 'got'; export async function f(url) { const res = await got(url); return res.statusCode; }`,
  // undici.request: read, dumped, destroyed, piped.
  `import { request } from 'undici'; export async function f(url) { const { statusCode, body } = await request(url); if (statusCode !== 200) { await body.dump(); return null; } return body.json(); }`,
  `import { request } from 'undici'; export async function f(url) { const { body } = await request(url); body.destroy(); }`,
  `import { pipeline } from 'node:stream/promises'; import { request } from 'undici'; export async function f(url, dest) { const { body } = await request(url); await pipeline(body, dest); }`,
  `import undici from 'undici'; export async function f(url) { const data = await undici.request(url); return data.body.text(); }`,
  `import { Pool } from 'undici'; const pool = new Pool('http://localhost'); export async function f() { const { body } = await pool.request({ path: '/', method: 'GET' }); return body.json(); }`,
  // node:http: resumed, read, piped, handed off; no callback at all (Node dumps the response).
  `import http from 'node:http'; http.get('http://x', (res) => { if (res.statusCode !== 200) { res.resume(); return; } res.pipe(process.stdout); });`,
  `const https = require('https'); https.get('https://x', (res) => { let data = ''; res.on('data', (c) => { data += c; }); res.on('end', () => console.log(data)); });`,
  `import http from 'node:http'; const req = http.request('http://x'); req.on('response', (res) => resolve(res)); req.end();`,
  `import http from 'node:http'; http.get('http://x');`,
  // The server side: an IncomingMessage request is not a response we must read.
  `import http from 'node:http'; http.createServer((req, res) => { res.end('ok'); }).listen(8080);`,
  // A response callback passed by reference is somebody else's function.
  `import http from 'node:http'; http.get('http://x', onResponse);`,
  // Reassigned variables are not followed (bodyclose#29: retry loops).
  `async function f(url) { let res = await fetch(url); if (!res.ok) res = await fetch(url); return res.json(); }`,
  // Clones read on their own.
  `async function f(url) { const res = await fetch(url); const copy = res.clone(); const [a, b] = await Promise.all([res.json(), copy.text()]); return [a, b]; }`,
  `async function f(url) { try { const res = await fetch(url); return await res.json(); } finally { done(); } }`,
  `const f = async (url) => (await fetch(url)).json();`,
  `class A { static { fetch('x').then((r) => r.text()); } }`,
  `async function f(url) { const res = await fetch(url); return res.ok ? res.json() : res.text(); }`,
  // Odd but valid syntax must not crash.
  `async function f(url) { const res = await fetch?.(url); return res?.json(); }`,
  `async function f(url, key) { const res = await fetch(url); return res[key](); }`,
  `async function f(urls) { const all = await Promise.all(urls.map((u) => fetch(u))); return all; }`,
  `async function f(url, rest) { const { body, ...meta } = await fetch(url); return [body, meta]; }`,
  `async function f(...args) { const res = await fetch(...args); return res.json(); }`,
  `label: for (;;) { break label; }`,
  {
    code: `async function f(url) { await fetch(url); }`,
    options: options({ checkDiscarded: false }),
  },
  {
    code: `import http from 'node:http'; http.get('http://x', (res) => { console.log(res.statusCode); });`,
    options: options({ checkNodeHttp: false }),
  },

  // ---- real fixes ----
  // nodejs/undici#1108: every response in the loop is read (`.json()`, `.text()`).
  `async function f(urls, arr) { for (const u of urls) { await (await fetch(u)).json(); arr.push((await fetch(u)).text()); } return Promise.all(arr); }`,
  // nodejs/node#51162 (the fix the reporter found): read the body of every request in the loop.
  `async function repro(url) { for (let i = 0; i < 1000; i++) { await fetch(url).then((r) => r.text()); } }`,
  // node-fetch/node-fetch#83: node-fetch's body is a Node stream; draining it releases the socket.
  `import fetch from 'node-fetch'; export async function ping(url) { const res = await fetch(url); res.body.resume(); return res.status; }`,
  // node-fetch/node-fetch#1673: an existence check with HEAD has no body to read.
  `import fetch from 'node-fetch'; export async function exists(url) { const res = await fetch(url, { method: 'HEAD' }); return res.ok; }`,
  // vercel/next.js#43493: read (or cancel) the body even when only the headers matter.
  `export function headers(url) { return fetch(url).then(async (res) => { await res.body?.cancel(); return res.headers; }); }`,
  // pilcrowonpaper/arctic#237: cancel the body on success, behind a null check.
  `
async function revoke(request) {
  let response;
  try {
    response = await fetch(request);
  } catch (e) {
    throw new FetchError(e);
  }
  if (response.status === 200) {
    if (response.body !== null) {
      await response.body.cancel();
    }
    return;
  }
  if (response.body !== null) {
    await response.body.cancel();
  }
  throw new UnexpectedResponseError(response.status);
}
`,
  // Azure/azure-sdk-for-js#32493: consume the body of a fetch whose result is only checked.
  `export async function upload(url, payload) { const res = await fetch(url, { method: 'PUT', body: payload }); await res.text(); return res.status; }`,
  // milankinen/livereactload#11: consume the data so the agent's sockets are released.
  `import http from 'node:http'; export function notify(url) { http.get(url, (res) => { res.on('data', () => {}); }); }`,
  // ---- null bodies known from the status: switch cases and || ----
  `async function f(url) { const res = await fetch(url); switch (res.status) { case 204: return null; case 304: case 205: return undefined; default: return res.json(); } }`,
  `async function f(url) { const res = await fetch(url); if (res.status === 204 || res.status === 304) return null; return res.json(); }`,
  // ---- what counts as handing on ----
  // An unknown project function takes the response over (ownership transfer).
  `async function f(url) { const res = await fetch(url); assertOk(res); return res.status; }`,
  // A configured consumer, even where a plain call would only be a test.
  { code: `async function f(url) { const res = await fetch(url); if (!assertOk(res)) return null; return res.status; }`, options: options({ consumers: ['assertOk'] }) },
  { code: `class C { async f(url) { const res = await fetch(url); if (!this.http.assertOk(res)) return null; return res.status; } }`, options: options({ consumers: ['assertOk'] }) },
  // Awaited helpers may read the body: an awaited call in a test still hands the response on.
  `async function f(url) { const res = await fetch(url); if (await isBroken(res)) return null; return res.json(); }`,
  // Logging, then reading.
  `async function f(url) { const res = await fetch(url); console.log(res); return res.json(); }`,
  `async function f(url, cache) { const res = await fetch(url); cache.set(url, res); }`,
  `async function f(url) { const res = await fetch(url); return new Promise((resolve) => resolve(res)); }`,
  `async function f(url) { const res = await fetch(url); return { res }; }`,
  `async function f(url) { const res = await fetch(url); return [res.status, res]; }`,
  // ---- got.stream and axios streams ----
  `import got from 'got'; import { pipeline } from 'node:stream/promises'; export async function f(url, dest) { await pipeline(got.stream(url), dest); }`,
  `import got from 'got'; export function f(url, dest) { got.stream(url).on('error', console.error).pipe(dest); }`,
  `import got from 'got'; export function f(url) { const s = got.stream(url); s.on('data', (c) => console.log(c)); }`,
  `import got from 'got'; export async function f(url) { const chunks = []; for await (const c of got.stream(url)) chunks.push(c); return chunks; }`,
  `import axios from 'axios'; export async function f(url, dest) { const res = await axios.get(url, { responseType: 'stream' }); res.data.pipe(dest); }`,
  `import axios from 'axios'; export async function f(url) { const { data, status } = await axios({ url, responseType: 'stream' }); if (status !== 200) { data.destroy(); return null; } return data; }`,
  `import axios from 'axios'; export async function f(url) { const res = await axios.get(url, { responseType: 'json' }); return res.status; }`,
  // A literal method after the spreads decides; a spread after it could override it.
  `async function f(url, init) { const res = await fetch(url, { ...init, method: 'HEAD' }); return res.ok; }`,
  // Odd but valid syntax must not crash.
  `async function f(url) { const res = await fetch(url); switch (res?.status) { case 204: return null; } return res.json(); }`,
  `async function f(url, k) { const res = await fetch(url); if (res[k] === 204) return null; return res.json(); }`,
  `import got from 'got'; export function f(url, m) { return got.stream[m](url); }`,
  `import got from 'got'; export function f(url) { return got?.stream?.(url); }`,
  `async function f(url) { const { body: { getReader } = {} } = await fetch(url); return getReader; }`,
  `async function f(url) { const res = await fetch(url); label: { if (!res.ok) break label; } return res.text(); }`,
  // ---- exceptions the code does not throw itself ----
  `async function f(u) { const res = await fetch(u); try { await audit(u); } catch (e) { return null; } return res.json(); }`,
  // ---- false alarms found by the sweep (npm run sweep, test/corpus/triage.json) ----
  // openai 7.57.0 src/internal/auth/x509-token-exchange.ts: a return in a try hands the response
  // on in its own argument (the path to catch forks off at the call, before the return leaves).
  `async function f(u) { const res = await fetch(u); if (res.ok) { try { return String(await read(res)); } catch (e) { throw e; } } return res.text(); }`,
  // node-fetch 3.3.2 src/index.js: aborting the request dumps its response (Node ClientRequest#destroy), here through a local function.
  `const http = require('node:http');
function send(url, reject, resolve) {
  const request_ = http.request(url);
  const finalize = () => { request_.abort(); };
  request_.on('response', (response_) => {
    if (response_.statusCode === 301) { reject(new Error('redirect')); finalize(); return; }
    resolve(response_);
  });
}`,
  // nodemailer 10.6.0 dist/esm/fetch/index.js: `return fail(err)`, where fail() aborts the request.
  `import http from 'node:http';
export function nmfetch(url, fetchRes) {
  let req;
  req = http.request(url);
  const fail = (err) => { fetchRes.emit('error', err); req.abort(); };
  req.on('response', (res) => {
    if (res.statusCode >= 300) return fail(new Error('Invalid status code ' + res.statusCode));
    res.pipe(fetchRes);
  });
}`,
  // ws 8.23.0 lib/websocket.js: the request is handed to a function that aborts it; emit() hands the response to listeners.
  `import http from 'node:http';
function abortHandshake(websocket, stream) { stream.abort(); }
export function initAsClient(websocket, url) {
  const req = http.request(url);
  req.on('response', (res) => {
    if (res.statusCode === 301) { abortHandshake(websocket, req, 'Maximum redirects exceeded'); return; }
    if (!websocket.emit('unexpected-response', req, res)) abortHandshake(websocket, req, 'Unexpected server response');
  });
}`,
  `import http from 'node:http'; export function f(u) { const req = http.get(u, (res) => { if (res.statusCode !== 200) { req.destroy(); return; } res.resume(); }); }`,
  // http-proxy 1.18.1 lib/http-proxy/passes/ws-incoming.js: `res.upgrade` is never true in a 'response' listener.
  `import http from 'node:http';
export function stream(socket, options) {
  const proxyReq = http.request(options);
  proxyReq.on('response', function (res) {
    if (!res.upgrade) { socket.write('HTTP/1.1 ' + res.statusCode); res.pipe(socket); }
  });
}`,
  // pm2 7.0.4 lib/API/Modules/TAR.js (found by the sweep): the success path ends the process
  // with `process.exit(0)`, which no connection outlives; the failure path reads the body.
  `function publish(uri, formData, Common) {
  fetch(uri, { method: 'POST', body: formData })
    .then(function (res) {
      if (!res.ok) {
        return res.json().then(function (body) { Common.errMod(body.msg); process.exit(1); });
      }
      Common.logMod('published');
      process.exit(0);
    })
    .catch(function (err) { Common.errMod(err); process.exit(1); });
}`,
  `async function f(url) { const res = await fetch(url); if (!res.ok) { console.error(res.status); process.abort(); return null; } return res.json(); }`,
  // Node's process however the file reaches it: imported from `node:process`, or through `globalThis`.
  `import process from 'node:process';
async function f(url) { const res = await fetch(url); if (!res.ok) { process.exit(1); return null; } return res.json(); }`,
  `import { exit } from 'node:process';
async function f(url) { const res = await fetch(url); if (!res.ok) { exit(1); return null; } return res.json(); }`,
  `async function f(url) { const res = await fetch(url); if (!res.ok) { globalThis.process.exit(1); return null; } return res.json(); }`,
  // parse-server 9.10.0 lib/Adapters/Auth/twitter.js and Auth/qq.js (found by the sweep): a GET
  // (written, or the default for a URL) with a body rejects with a TypeError before any request
  // is made (`new Request` refuses it), so there is no response whose body could be left unread.
  `async function request(authData) {
  const oauth = { auth_token: authData.oauth_token };
  const url = new URL('https://api.twitter.com/2/users/me');
  const response = await fetch(url, { headers: { Authorization: 'Bearer ' + oauth.auth_token }, body: JSON.stringify(oauth) });
  if (!response.ok) {
    throw new Error('Failed to fetch user data.');
  }
  return response;
}`,
  `async function getAccessTokenFromCode(authData) {
  const response = await fetch('https://graph.qq.com/oauth2.0/token', {
    method: 'GET',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: authData.code }).toString(),
  });
  if (!response.ok) {
    throw new Error('qq API request failed.');
  }
  return response.text();
}`,
];

const invalid: InvalidTestCase<MessageId, Options>[] = [
  {
    // proconnect-gouv/proconnect-identite#1904: non-2xx thrown without reading the body.
    code: `
async function load(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
  return res.json();
}
`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'when `!res.ok`', exit: 'throw', remedy: CANCEL },
        line: 4,
        column: 16,
        endColumn: 54,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'throw' },
            output: `
async function load(url) {
  const res = await fetch(url);
  if (!res.ok) { await res.body?.cancel(); throw new Error(\`HTTP \${res.status}\`); }
  return res.json();
}
`,
          },
        ],
      },
    ],
  },
  {
    // An early return in a block: the release goes on its own line.
    code: `
async function load(url) {
  const res = await fetch(url);
  if (res.status === 404) {
    return null;
  }
  return res.json();
}
`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'when `res.status === 404`', exit: 'return', remedy: CANCEL },
        line: 5,
        column: 5,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'return' },
            output: `
async function load(url) {
  const res = await fetch(url);
  if (res.status === 404) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}
`,
          },
        ],
      },
    ],
  },
  {
    // node-fetch/node-fetch#1673: an existence check that never touches the body.
    code: `
import fetch from 'node-fetch';
export async function exists(url) {
  const res = await fetch(url);
  return res.ok;
}
`,
    errors: [
      {
        messageId: 'neverConsumed',
        data: { name: 'res', remedy: CANCEL },
        line: 4,
        column: 9,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'releaseAfterBinding',
            output: `
import fetch from 'node-fetch';
export async function exists(url) {
  const res = await fetch(url);
  await res.body?.cancel();
  return res.ok;
}
`,
          },
        ],
      },
    ],
  },
  {
    // vercel/next.js#43493: only the headers are used.
    code: `
export async function getServerSideProps() {
  const res = await fetch('https://api.example.com/me');
  return { props: { etag: res.headers.get('etag') } };
}
`,
    errors: [
      {
        messageId: 'neverConsumed',
        data: { name: 'res', remedy: CANCEL },
        line: 3,
        column: 9,
        suggestions: [
          {
            messageId: 'releaseAfterBinding',
            output: `
export async function getServerSideProps() {
  const res = await fetch('https://api.example.com/me');
  await res.body?.cancel();
  return { props: { etag: res.headers.get('etag') } };
}
`,
          },
        ],
      },
    ],
  },
  {
    // A skipped item in a loop leaks one connection per iteration.
    code: `
async function all(urls) {
  for (const u of urls) {
    const res = await fetch(u);
    if (!res.ok) continue;
    console.log(await res.json());
  }
}
`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'when `!res.ok`', exit: 'continue', remedy: CANCEL },
        line: 5,
        column: 18,
        endColumn: 27,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'continue' },
            output: `
async function all(urls) {
  for (const u of urls) {
    const res = await fetch(u);
    if (!res.ok) { await res.body?.cancel(); continue; }
    console.log(await res.json());
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    // A retry loop drops every failed response.
    code: `
async function retry(url) {
  while (true) {
    const res = await fetch(url);
    if (res.ok) return res.json();
  }
}
`,
    errors: [{ messageId: 'notConsumedOnEveryPath', data: { name: 'res', remedy: CANCEL }, line: 4, column: 11, endColumn: 14, suggestions: [] }],
  },
  {
    // Read on the success branch only: the implicit else leaks.
    code: `
async function f(url) {
  const res = await fetch(url);
  if (res.ok) {
    console.log(await res.json());
  }
}
`,
    errors: [{ messageId: 'notConsumedOnEveryPath', data: { name: 'res', remedy: CANCEL }, line: 3, column: 9 }],
  },
  {
    // A throw caught locally is still a path: the catch returns without releasing.
    code: `
async function f(url) {
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error('bad status');
    return await res.json();
  } catch (e) {
    return null;
  }
}
`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'when `!res.ok`', exit: 'throw', remedy: CANCEL },
        line: 5,
        column: 18,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'throw' },
            output: `
async function f(url) {
  try {
    const res = await fetch(url);
    if (!res.ok) { await res.body?.cancel(); throw new Error('bad status'); }
    return await res.json();
  } catch (e) {
    return null;
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    // A return that runs a finally block which does not release.
    code: `
async function f(url, lock) {
  const res = await fetch(url);
  try {
    if (!res.ok) return null;
    return await res.json();
  } finally {
    lock.release();
  }
}
`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'when `!res.ok`', exit: 'return', remedy: CANCEL },
        line: 5,
        column: 18,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'return' },
            output: `
async function f(url, lock) {
  const res = await fetch(url);
  try {
    if (!res.ok) { await res.body?.cancel(); return null; }
    return await res.json();
  } finally {
    lock.release();
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    // Leaving a loop with break, then never reading it.
    code: `
async function f(urls) {
  for (const u of urls) {
    const res = await fetch(u);
    if (res.status === 429) break;
    await res.text();
  }
}
`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'when `res.status === 429`', exit: 'break', remedy: CANCEL },
        line: 5,
        column: 29,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'break' },
            output: `
async function f(urls) {
  for (const u of urls) {
    const res = await fetch(u);
    if (res.status === 429) { await res.body?.cancel(); break; }
    await res.text();
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    // Several exits, each reported once.
    code: `
async function f(url) {
  const res = await fetch(url);
  if (res.status === 401) throw new Error('auth');
  if (res.status === 404) return undefined;
  return res.json();
}
`,
    errors: [
      { messageId: 'unconsumedWhen' as const, data: { name: 'res', when: 'when `res.status === 401`', exit: 'throw', remedy: CANCEL }, line: 4, column: 27 },
      { messageId: 'unconsumedWhen' as const, data: { name: 'res', when: 'when `res.status === 404`', exit: 'return', remedy: CANCEL }, line: 5, column: 27 },
    ].map((error) => ({
      ...error,
      suggestions: [
        {
          messageId: 'releaseBeforeExit' as const,
          data: { exit: error.data.exit },
          output:
            error.line === 4
              ? `
async function f(url) {
  const res = await fetch(url);
  if (res.status === 401) { await res.body?.cancel(); throw new Error('auth'); }
  if (res.status === 404) return undefined;
  return res.json();
}
`
              : `
async function f(url) {
  const res = await fetch(url);
  if (res.status === 401) throw new Error('auth');
  if (res.status === 404) { await res.body?.cancel(); return undefined; }
  return res.json();
}
`,
        },
      ],
    })),
  },
  {
    // A status outside the null-body list still has a body.
    code: `async function f(url) { const res = await fetch(url); if (res.status === 200) return res.json(); }`,
    errors: [{ messageId: 'notConsumedOnEveryPath', line: 1, column: 31 }],
  },
  {
    // A .then callback that throws before reading: not async, so the release is not awaited.
    code: `
function f(url) {
  return fetch(url).then((res) => {
    if (!res.ok) throw new Error('x');
    return res.json();
  });
}
`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'when `!res.ok`', exit: 'throw', remedy: 'void res.body?.cancel()' },
        line: 4,
        column: 18,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'throw' },
            output: `
function f(url) {
  return fetch(url).then((res) => {
    if (!res.ok) { void res.body?.cancel(); throw new Error('x'); }
    return res.json();
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    code: `fetch('/ping').then((res) => res.ok);`,
    errors: [{ messageId: 'neverConsumed', data: { name: 'res', remedy: 'void res.body?.cancel()' }, line: 1, column: 22, endColumn: 25, suggestions: [] }],
  },
  {
    // A .then callback that ignores its response.
    code: `fetch('/ping').then(() => console.log('sent'));`,
    errors: [{ messageId: 'discarded', data: { remedy: 'body.cancel()' }, line: 1, column: 1, endColumn: 15 }],
  },
  {
    // The response of an awaited call is thrown away (node-fetch/node-fetch#83).
    code: `async function ping(url) { await fetch(url, { method: 'POST' }); }`,
    errors: [
      {
        messageId: 'discarded',
        data: { remedy: 'body.cancel()' },
        line: 1,
        column: 34,
        endColumn: 64,
        suggestions: [
          {
            messageId: 'releaseDiscarded',
            output: `async function ping(url) { await (await fetch(url, { method: 'POST' })).body?.cancel(); }`,
          },
        ],
      },
    ],
  },
  {
    // Only metadata is kept.
    code: `async function f(url) { const { status, headers } = await fetch(url); return [status, headers]; }`,
    errors: [{ messageId: 'discarded', data: { remedy: 'body.cancel()' }, line: 1, column: 59, suggestions: [] }],
  },
  {
    code: `async function f(url) { if ((await fetch(url)).ok) return true; return false; }`,
    errors: [{ messageId: 'discarded', line: 1, column: 36 }],
  },
  {
    // Destructured body: the stream itself is tracked.
    code: `async function f(url) { const { ok, body } = await fetch(url); if (!ok) return null; return body.getReader(); }`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'body', when: 'when `!ok`', exit: 'return', remedy: 'await body?.cancel()' },
        line: 1,
        column: 73,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'return' },
            output: `async function f(url) { const { ok, body } = await fetch(url); if (!ok) { await body?.cancel(); return null; } return body.getReader(); }`,
          },
        ],
      },
    ],
  },
  {
    // Promise.all: the unread element.
    code: `
async function f(a, b) {
  const [first, second] = await Promise.all([fetch(a), fetch(b)]);
  return first.json();
}
`,
    errors: [
      {
        messageId: 'neverConsumed',
        data: { name: 'second', remedy: 'await second.body?.cancel()' },
        line: 3,
        column: 17,
        suggestions: [
          {
            messageId: 'releaseAfterBinding',
            output: `
async function f(a, b) {
  const [first, second] = await Promise.all([fetch(a), fetch(b)]);
  await second.body?.cancel();
  return first.json();
}
`,
          },
        ],
      },
    ],
  },
  {
    code: `async function f(a, b) { const [first] = await Promise.all([fetch(a), fetch(b)]); return first.json(); }`,
    errors: [{ messageId: 'discarded', line: 1, column: 71, endColumn: 79 }],
  },
  {
    // Each clone is its own body (undici#3445): an unread clone buffers the whole response.
    code: `
async function f(url) {
  const res = await fetch(url);
  const copy = res.clone();
  return res.json();
}
`,
    errors: [
      {
        messageId: 'neverConsumed',
        data: { name: 'copy', remedy: 'await copy.body?.cancel()' },
        line: 4,
        column: 9,
        suggestions: [
          {
            messageId: 'releaseAfterBinding',
            output: `
async function f(url) {
  const res = await fetch(url);
  const copy = res.clone();
  await copy.body?.cancel();
  return res.json();
}
`,
          },
        ],
      },
    ],
  },
  {
    // Checking that a body exists is not reading it.
    code: `async function f(url) { const res = await fetch(url); return res.body !== null && res.bodyUsed === false; }`,
    errors: [{ messageId: 'neverConsumed', line: 1, column: 31, suggestions: [{ messageId: 'releaseAfterBinding', output: `async function f(url) { const res = await fetch(url);
await res.body?.cancel(); return res.body !== null && res.bodyUsed === false; }` }] }],
  },
  {
    // Top-level await in a module; a 'GET' is not a HEAD.
    code: `const res = await fetch('https://example.com', { method: 'GET' }); console.log(res.status);`,
    errors: [
      {
        messageId: 'neverConsumed',
        line: 1,
        column: 7,
        suggestions: [
          {
            messageId: 'releaseAfterBinding',
            output: `const res = await fetch('https://example.com', { method: 'GET' });
await res.body?.cancel(); console.log(res.status);`,
          },
        ],
      },
    ],
  },
  {
    // globalThis.fetch, undici's fetch, ky.
    code: `async function f(url) { const res = await globalThis.fetch(url); return res.status; }`,
    errors: [{ messageId: 'neverConsumed', line: 1, column: 31, suggestions: [{ messageId: 'releaseAfterBinding', output: `async function f(url) { const res = await globalThis.fetch(url);
await res.body?.cancel(); return res.status; }` }] }],
  },
  {
    code: `import { fetch as undiciFetch } from 'undici'; export async function f(url) { const res = await undiciFetch(url); return res.status; }`,
    errors: [{ messageId: 'neverConsumed', line: 1, column: 85, suggestions: [{ messageId: 'releaseAfterBinding', output: `import { fetch as undiciFetch } from 'undici'; export async function f(url) { const res = await undiciFetch(url);
await res.body?.cancel(); return res.status; }` }] }],
  },
  {
    code: `import ky from 'ky'; export async function f(url) { const res = await ky.get(url); return res.headers.get('etag'); }`,
    errors: [{ messageId: 'neverConsumed', line: 1, column: 59, suggestions: [{ messageId: 'releaseAfterBinding', output: `import ky from 'ky'; export async function f(url) { const res = await ky.get(url);
await res.body?.cancel(); return res.headers.get('etag'); }` }] }],
  },
  {
    // A let assigned once, then dropped on an early return.
    code: `
async function f(url) {
  let res;
  res = await fetch(url);
  if (!res.ok) return;
  return res.json();
}
`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        line: 5,
        column: 16,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            output: `
async function f(url) {
  let res;
  res = await fetch(url);
  if (!res.ok) { await res.body?.cancel(); return; }
  return res.json();
}
`,
          },
        ],
      },
    ],
  },
  {
    // One branch of the return reads, the other drops: reported, but no suggestion (it would break the read).
    code: `async function f(url) { const res = await fetch(url); return res.ok ? res.json() : null; }`,
    errors: [{ messageId: 'unconsumedWhen', data: { name: 'res', when: 'when `!res.ok`', exit: 'return', remedy: CANCEL }, line: 1, column: 55, endColumn: 89, suggestions: [] }],
  },
  {
    code: `async function f(url) { const res = await fetch(url); switch (res.status) { case 200: return res.json(); default: throw new Error('x'); } }`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'in the `default` case', exit: 'throw', remedy: CANCEL },
        line: 1,
        column: 115,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'throw' },
            output: `async function f(url) { const res = await fetch(url); switch (res.status) { case 200: return res.json(); default: await res.body?.cancel(); throw new Error('x'); } }`,
          },
        ],
      },
    ],
  },
  {
    // A closure that only reads metadata does not take the body.
    code: `async function f(url) { const res = await fetch(url); const g = () => res.status; return g(); }`,
    errors: [{ messageId: 'neverConsumed', line: 1, column: 31, suggestions: [{ messageId: 'releaseAfterBinding', output: `async function f(url) { const res = await fetch(url);\nawait res.body?.cancel(); const g = () => res.status; return g(); }` }] }],
  },
  {
    // Class field initialisers are code paths of their own.
    code: `class A { x = fetch('/y').then((r) => r.status); }`,
    errors: [{ messageId: 'neverConsumed', data: { name: 'r', remedy: 'void r.body?.cancel()' }, line: 1, column: 33, suggestions: [] }],
  },
  // ---- undici.request: consumption is mandatory (no GC safety net) ----
  {
    code: `
import { request } from 'undici';
export async function get(url) {
  const { statusCode, body } = await request(url);
  if (statusCode !== 200) {
    return null;
  }
  return body.json();
}
`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'body', when: 'when `statusCode !== 200`', exit: 'return', remedy: 'await body.dump()' },
        line: 6,
        column: 5,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'return' },
            output: `
import { request } from 'undici';
export async function get(url) {
  const { statusCode, body } = await request(url);
  if (statusCode !== 200) {
    await body.dump();
    return null;
  }
  return body.json();
}
`,
          },
        ],
      },
    ],
  },
  {
    // The status alone: the body is unreachable.
    code: `const { request } = require('undici'); async function up(url) { const { statusCode } = await request(url); return statusCode === 200; }`,
    errors: [{ messageId: 'discarded', data: { remedy: 'body.dump()' }, line: 1, column: 94 }],
  },
  {
    code: `import * as undici from 'undici'; export async function f(url) { const data = await undici.request(url); return data.statusCode; }`,
    errors: [
      {
        messageId: 'neverConsumed',
        data: { name: 'data', remedy: 'await data.body.dump()' },
        line: 1,
        column: 72,
        suggestions: [
          {
            messageId: 'releaseAfterBinding',
            output: `import * as undici from 'undici'; export async function f(url) { const data = await undici.request(url);
await data.body.dump(); return data.statusCode; }`,
          },
        ],
      },
    ],
  },
  {
    // An unread body from a pool, with only an 'end' listener (which never fires).
    code: `import { Pool } from 'undici'; const pool = new Pool('http://localhost'); export async function f() { const { body } = await pool.request({ path: '/', method: 'GET' }); body.on('end', () => {}); }`,
    errors: [{ messageId: 'neverConsumed', data: { name: 'body', remedy: 'await body.dump()' }, line: 1, column: 111, suggestions: [{ messageId: 'releaseAfterBinding', output: `import { Pool } from 'undici'; const pool = new Pool('http://localhost'); export async function f() { const { body } = await pool.request({ path: '/', method: 'GET' });
await body.dump(); body.on('end', () => {}); }` }] }],
  },
  {
    code: `import { request } from 'undici'; export async function f(url) { await request(url); }`,
    errors: [
      {
        messageId: 'discarded',
        data: { remedy: 'body.dump()' },
        line: 1,
        column: 72,
        suggestions: [
          {
            messageId: 'releaseDiscarded',
            output: `import { request } from 'undici'; export async function f(url) { await (await request(url)).body.dump(); }`,
          },
        ],
      },
    ],
  },
  // ---- the limits of the sweep's fixes (see the valid cases from openai, node-fetch, ws, http-proxy) ----
  {
    // A local function that uses the request without aborting it does not release the response.
    code: `
import http from 'node:http';
export function f(url) {
  const req = http.request(url);
  const log = () => { console.log(req.path); };
  req.on('response', (res) => {
    if (res.statusCode !== 200) { log(); return; }
    res.resume();
  });
}
`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        line: 7,
        column: 42,
        suggestions: [{ messageId: 'releaseBeforeExit', output: `
import http from 'node:http';
export function f(url) {
  const req = http.request(url);
  const log = () => { console.log(req.path); };
  req.on('response', (res) => {
    if (res.statusCode !== 200) { log(); res.resume(); return; }
    res.resume();
  });
}
` }],
      },
    ],
  },
  {
    // Only the `upgrade` branch is exempt: the response the code does get is still unread.
    code: `
import http from 'node:http';
export function f(url) {
  http.get(url, (res) => {
    if (res.upgrade) return;
    console.log(res.statusCode);
  });
}
`,
    errors: [
      {
        messageId: 'neverConsumed',
        line: 4,
        column: 18,
        suggestions: [{ messageId: 'releaseAfterBinding', output: `
import http from 'node:http';
export function f(url) {
  http.get(url, (res) => {
    res.resume();
    if (res.upgrade) return;
    console.log(res.statusCode);
  });
}
` }],
      },
    ],
  },
  {
    // A return inside a try that does not hand the response on still leaves it unread.
    code: `
export async function f(u) {
  const res = await fetch(u, { signal: AbortSignal.timeout(5000) });
  try {
    return String(await audit(u));
  } catch (e) {
    return res.text();
  }
}
`,
    errors: [
      {
        messageId: 'unconsumedAtExit',
        line: 5,
        column: 5,
        suggestions: [{ messageId: 'releaseBeforeExit', output: `
export async function f(u) {
  const res = await fetch(u, { signal: AbortSignal.timeout(5000) });
  try {
    await res.body?.cancel();
    return String(await audit(u));
  } catch (e) {
    return res.text();
  }
}
` }],
      },
    ],
  },
  {
    // `process.exit()` in a callback ends that callback's path, not the one that made the response.
    code: `async function f(url, server) { const res = await fetch(url); server.on('close', () => process.exit(0)); if (!res.ok) return null; return res.json(); }`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        line: 1,
        column: 119,
        suggestions: [{ messageId: 'releaseBeforeExit', output: `async function f(url, server) { const res = await fetch(url); server.on('close', () => process.exit(0)); if (!res.ok) { await res.body?.cancel(); return null; } return res.json(); }` }],
      },
    ],
  },
  {
    // A `process` of the file's own is not Node's.
    code: `async function f(url, process) { const res = await fetch(url); if (!res.ok) { process.exit(1); return null; } return res.json(); }`,
    errors: [{ messageId: 'unconsumedWhen', line: 1, column: 96, suggestions: [{ messageId: 'releaseBeforeExit', output: `async function f(url, process) { const res = await fetch(url); if (!res.ok) { process.exit(1); await res.body?.cancel(); return null; } return res.json(); }` }] }],
  },
  {
    // A body on a POST is sent: the response is real.
    code: `async function f(url, data) { const res = await fetch(url, { method: 'POST', body: JSON.stringify(data) }); if (!res.ok) throw new Error('x'); return res.json(); }`,
    errors: [{ messageId: 'unconsumedWhen', line: 1, column: 122, suggestions: [{ messageId: 'releaseBeforeExit', output: `async function f(url, data) { const res = await fetch(url, { method: 'POST', body: JSON.stringify(data) }); if (!res.ok) { await res.body?.cancel(); throw new Error('x'); } return res.json(); }` }] }],
  },
  {
    // A left-out method on something that may be a `Request` keeps its method; a spread may set one.
    code: `async function f(input, extra) { const res = await fetch(input, { body: 'x' }); const other = await fetch('https://x', { ...extra, body: 'x' }); if (!res.ok || !other.ok) throw new Error('x'); return [await res.json(), await other.json()]; }`,
    errors: [
      { messageId: 'unconsumedWhen', line: 1, column: 172, suggestions: [{ messageId: 'releaseBeforeExit', output: `async function f(input, extra) { const res = await fetch(input, { body: 'x' }); const other = await fetch('https://x', { ...extra, body: 'x' }); if (!res.ok || !other.ok) { await res.body?.cancel(); throw new Error('x'); } return [await res.json(), await other.json()]; }` }] },
      { messageId: 'unconsumedWhen', line: 1, column: 172, suggestions: [{ messageId: 'releaseBeforeExit', output: `async function f(input, extra) { const res = await fetch(input, { body: 'x' }); const other = await fetch('https://x', { ...extra, body: 'x' }); if (!res.ok || !other.ok) { await other.body?.cancel(); throw new Error('x'); } return [await res.json(), await other.json()]; }` }] },
    ],
  },
  {
    // A body that may be undefined (`JSON.stringify(undefined)`, a parameter) leaves a GET valid.
    code: `async function f(url, data) { const res = await fetch(url + '/x', { body: JSON.stringify(data) }); if (!res.ok) throw new Error('x'); return res.json(); }`,
    errors: [{ messageId: 'unconsumedWhen', line: 1, column: 113, suggestions: [{ messageId: 'releaseBeforeExit', output: `async function f(url, data) { const res = await fetch(url + '/x', { body: JSON.stringify(data) }); if (!res.ok) { await res.body?.cancel(); throw new Error('x'); } return res.json(); }` }] }],
  },
  // ---- node:http: HEAD and 204 block too (measured) ----
  {
    // zanchin/node-http-perf#4: a response callback that never reads hangs after maxSockets requests.
    code: `
import http from 'node:http';
http.get('http://localhost/health', (res) => {
  console.log(res.statusCode);
});
`,
    errors: [
      {
        messageId: 'neverConsumed',
        data: { name: 'res', remedy: 'res.resume()' },
        line: 3,
        column: 38,
        endColumn: 41,
        suggestions: [
          {
            messageId: 'releaseAfterBinding',
            output: `
import http from 'node:http';
http.get('http://localhost/health', (res) => {
  res.resume();
  console.log(res.statusCode);
});
`,
          },
        ],
      },
    ],
  },
  {
    code: `
const https = require('node:https');
function get(url, cb) {
  https.get(url, (res) => {
    if (res.statusCode !== 200) {
      cb(new Error('status ' + res.statusCode));
      return;
    }
    res.pipe(process.stdout);
  });
}
`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'when `res.statusCode !== 200`', exit: 'return', remedy: 'res.resume()' },
        line: 7,
        column: 7,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'return' },
            output: `
const https = require('node:https');
function get(url, cb) {
  https.get(url, (res) => {
    if (res.statusCode !== 200) {
      cb(new Error('status ' + res.statusCode));
      res.resume();
      return;
    }
    res.pipe(process.stdout);
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    // An 'end' listener alone never fires: nothing makes the stream flow.
    code: `import { request } from 'node:http'; const req = request('http://x', (res) => { res.on('end', done); }); req.end();`,
    errors: [{ messageId: 'neverConsumed', data: { name: 'res', remedy: 'res.resume()' }, line: 1, column: 71, suggestions: [{ messageId: 'releaseAfterBinding', output: `import { request } from 'node:http'; const req = request('http://x', (res) => { res.resume(); res.on('end', done); }); req.end();` }] }],
  },
  {
    code: `import http from 'node:http'; const req = http.request({ host: 'x', method: 'HEAD' }); req.on('response', (res) => { resolve(res.statusCode); }); req.end();`,
    errors: [{ messageId: 'neverConsumed', data: { name: 'res', remedy: 'res.resume()' }, line: 1, column: 108, suggestions: [{ messageId: 'releaseAfterBinding', output: `import http from 'node:http'; const req = http.request({ host: 'x', method: 'HEAD' }); req.on('response', (res) => { res.resume(); resolve(res.statusCode); }); req.end();` }] }],
  },
  {
    code: `import http from 'node:http'; http.get('http://x', ({ statusCode }) => console.log(statusCode));`,
    errors: [{ messageId: 'discarded', data: { remedy: 'res.resume()' }, line: 1, column: 31 }],
  },

  // ---- the shapes of real bugs ----
  {
    // nodejs/node#51162: 1000 fetches whose bodies are never read.
    code: `async function repro(url) { for (let i = 0; i < 1000; i++) { await fetch(url); } }`,
    errors: [
      {
        messageId: 'discarded',
        data: { remedy: 'body.cancel()' },
        line: 1,
        column: 68,
        endColumn: 78,
        suggestions: [{ messageId: 'releaseDiscarded', output: `async function repro(url) { for (let i = 0; i < 1000; i++) { await (await fetch(url)).body?.cancel(); } }` }],
      },
    ],
  },
  {
    // vercel/next.js#43493: a .then callback that returns only the headers.
    code: `export function headers(url) { return fetch(url).then(async (res) => { return res.headers; }); }`,
    errors: [
      {
        messageId: 'neverConsumed',
        data: { name: 'res', remedy: CANCEL },
        line: 1,
        column: 62,
        endColumn: 65,
        suggestions: [
          { messageId: 'releaseAfterBinding', output: `export function headers(url) { return fetch(url).then(async (res) => { await res.body?.cancel(); return res.headers; }); }` },
        ],
      },
    ],
  },
  {
    // nodejs/undici#1108 (the reporter's loop, with the status kept instead of the text).
    code: `async function f(urls, out) { for (const u of urls) { const res = await fetch(u); out.push(res.status); } }`,
    errors: [
      {
        messageId: 'neverConsumed',
        data: { name: 'res', remedy: CANCEL },
        line: 1,
        column: 61,
        suggestions: [
          { messageId: 'releaseAfterBinding', output: `async function f(urls, out) { for (const u of urls) { const res = await fetch(u);\nawait res.body?.cancel(); out.push(res.status); } }` },
        ],
      },
    ],
  },
  {
    // node-fetch/node-fetch#83: the response object is kept, its body never touched.
    code: `import fetch from 'node-fetch'; export function ping(url) { return fetch(url).then((res) => res.status); }`,
    errors: [{ messageId: 'neverConsumed', data: { name: 'res', remedy: 'void res.body?.cancel()' }, line: 1, column: 85, endColumn: 88, suggestions: [] }],
  },
  {
    // pilcrowonpaper/arctic#237: a successful token revocation returned without cancelling the body.
    code: `
async function revoke(request) {
  let response;
  try {
    response = await fetch(request);
  } catch (e) {
    throw new FetchError(e);
  }
  if (response.status === 200) {
    return;
  }
  await response.body?.cancel();
  throw new UnexpectedResponseError(response.status);
}
`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'response', when: 'when `response.status === 200`', exit: 'return', remedy: 'await response.body?.cancel()' },
        line: 10,
        column: 5,
        endColumn: 12,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'return' },
            output: `
async function revoke(request) {
  let response;
  try {
    response = await fetch(request);
  } catch (e) {
    throw new FetchError(e);
  }
  if (response.status === 200) {
    await response.body?.cancel();
    return;
  }
  await response.body?.cancel();
  throw new UnexpectedResponseError(response.status);
}
`,
          },
        ],
      },
    ],
  },
  {
    // Azure/azure-sdk-for-js#32493: only the status is logged; fetch() may then hang on Node <= 20.
    code: `export async function upload(url, payload) { const res = await fetch(url, { method: 'PUT', body: payload }); console.log(res.status); }`,
    errors: [
      {
        messageId: 'neverConsumed',
        data: { name: 'res', remedy: CANCEL },
        line: 1,
        column: 52,
        suggestions: [
          {
            messageId: 'releaseAfterBinding',
            output: `export async function upload(url, payload) { const res = await fetch(url, { method: 'PUT', body: payload });\nawait res.body?.cancel(); console.log(res.status); }`,
          },
        ],
      },
    ],
  },
  {
    // milankinen/livereactload#11: the reload client hung after five reloads (maxSockets).
    code: `
import http from 'node:http';
export function notify(url) {
  http.get(url, (res) => {
    if (res.statusCode === 200) reload();
  });
}
`,
    errors: [
      {
        messageId: 'neverConsumed',
        data: { name: 'res', remedy: 'res.resume()' },
        line: 4,
        column: 18,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'releaseAfterBinding',
            output: `
import http from 'node:http';
export function notify(url) {
  http.get(url, (res) => {
    res.resume();
    if (res.statusCode === 200) reload();
  });
}
`,
          },
        ],
      },
    ],
  },
  {
    // Found by the node_modules sweep (esbuild's install.js): a redirect and an error status
    // leave an https response unread; the next request through the agent may wait for its socket.
    code: `
import https from 'node:https';
export function download(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      if ((res.statusCode === 301 || res.statusCode === 302) && res.headers.location)
        return download(res.headers.location).then(resolve, reject);
      if (res.statusCode !== 200)
        return reject(new Error('bad status'));
      res.pipe(process.stdout);
    });
  });
}
`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'when `(res.statusCode === 301 || res.statusCode === 302) && res.headers.location`', exit: 'return', remedy: 'res.resume()' },
        line: 7,
        column: 9,
        endColumn: 69,
        suggestions: [{ messageId: 'releaseBeforeExit', data: { exit: 'return' }, output: `
import https from 'node:https';
export function download(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      if ((res.statusCode === 301 || res.statusCode === 302) && res.headers.location)
        { res.resume(); return download(res.headers.location).then(resolve, reject); }
      if (res.statusCode !== 200)
        return reject(new Error('bad status'));
      res.pipe(process.stdout);
    });
  });
}
` }],
      },
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'when `res.statusCode !== 200`', exit: 'return', remedy: 'res.resume()' },
        line: 9,
        column: 9,
        endColumn: 48,
        suggestions: [{ messageId: 'releaseBeforeExit', data: { exit: 'return' }, output: `
import https from 'node:https';
export function download(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      if ((res.statusCode === 301 || res.statusCode === 302) && res.headers.location)
        return download(res.headers.location).then(resolve, reject);
      if (res.statusCode !== 200)
        { res.resume(); return reject(new Error('bad status')); }
      res.pipe(process.stdout);
    });
  });
}
` }],
      },
    ],
  },
  // ---- conditions named in the message ----
  {
    // The else branch: the negated test.
    code: `async function f(url) { const res = await fetch(url); if (res.ok) { return res.json(); } else { throw new Error('x'); } }`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'when `!res.ok`', exit: 'throw', remedy: CANCEL },
        line: 1,
        column: 97,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'throw' },
            output: `async function f(url) { const res = await fetch(url); if (res.ok) { return res.json(); } else { await res.body?.cancel(); throw new Error('x'); } }`,
          },
        ],
      },
    ],
  },
  {
    // Nested conditions, innermost two; a comparison is negated by its operator.
    code: `async function f(url, retry) { const res = await fetch(url); if (res.status >= 500) { if (retry) return null; } return res.json(); }`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'when `res.status >= 500 && retry`', exit: 'return', remedy: CANCEL },
        line: 1,
        column: 98,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'return' },
            output: `async function f(url, retry) { const res = await fetch(url); if (res.status >= 500) { if (retry) { await res.body?.cancel(); return null; } } return res.json(); }`,
          },
        ],
      },
    ],
  },
  {
    code: `async function f(url) { const res = await fetch(url); if (res.status < 400) return res.json(); throw new Error('x'); }`,
    errors: [
      {
        // The throw follows an `if` whose branch always returns: it runs when that test is false.
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'when `res.status >= 400`', exit: 'throw', remedy: CANCEL },
        line: 1,
        column: 96,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'throw' },
            output: `async function f(url) { const res = await fetch(url); if (res.status < 400) return res.json(); await res.body?.cancel(); throw new Error('x'); }`,
          },
        ],
      },
    ],
  },
  {
    // No condition leads to the exit (the earlier branch does not leave): the message names the exit.
    code: `async function f(url, a) { const res = await fetch(url); if (a) { await res.text(); } return null; }`,
    errors: [
      {
        messageId: 'unconsumedAtExit',
        data: { name: 'res', exit: 'return', remedy: CANCEL },
        line: 1,
        column: 87,
        endColumn: 99,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'return' },
            output: `async function f(url, a) { const res = await fetch(url); if (a) { await res.text(); } await res.body?.cancel(); return null; }`,
          },
        ],
      },
    ],
  },
  {
    // `&&`: the right side is skipped when the left is false. No suggestion: it would break the read.
    code: `async function f(url) { const res = await fetch(url); return res.ok && res.json(); }`,
    errors: [{ messageId: 'unconsumedWhen', data: { name: 'res', when: 'when `!res.ok`', exit: 'return', remedy: CANCEL }, line: 1, column: 55, suggestions: [] }],
  },
  {
    // A switch: 204 has a null body, 404 does not.
    code: `async function f(url) { const res = await fetch(url); switch (res.status) { case 204: return null; case 404: throw new Error('gone'); default: return res.json(); } }`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'when `res.status === 404`', exit: 'throw', remedy: CANCEL },
        line: 1,
        column: 110,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'throw' },
            output: `async function f(url) { const res = await fetch(url); switch (res.status) { case 204: return null; case 404: await res.body?.cancel(); throw new Error('gone'); default: return res.json(); } }`,
          },
        ],
      },
    ],
  },
  {
    // A fall-through into a null-body case carries an unknown status.
    code: `async function f(url) { const res = await fetch(url); switch (res.status) { case 200: log(); case 204: return null; default: return res.json(); } }`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'when `res.status === 204`', exit: 'return', remedy: CANCEL },
        line: 1,
        column: 104,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'return' },
            output: `async function f(url) { const res = await fetch(url); switch (res.status) { case 200: log(); case 204: await res.body?.cancel(); return null; default: return res.json(); } }`,
          },
        ],
      },
    ],
  },
  {
    // node:http has no null-body exemption: a 204 still holds the socket.
    code: `import http from 'node:http'; http.get('http://x', (res) => { if (res.statusCode === 204) return; res.pipe(process.stdout); });`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'when `res.statusCode === 204`', exit: 'return', remedy: 'res.resume()' },
        line: 1,
        column: 91,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'return' },
            output: `import http from 'node:http'; http.get('http://x', (res) => { if (res.statusCode === 204) { res.resume(); return; } res.pipe(process.stdout); });`,
          },
        ],
      },
    ],
  },
  {
    // An exception the code does not throw itself is followed when asked for.
    code: `async function f(u) { const res = await fetch(u); try { await audit(u); } catch (e) { return null; } return res.json(); }`,
    options: options({ checkImplicitThrows: true }),
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'in `catch (e)`', exit: 'return', remedy: CANCEL },
        line: 1,
        column: 87,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'return' },
            output: `async function f(u) { const res = await fetch(u); try { await audit(u); } catch (e) { await res.body?.cancel(); return null; } return res.json(); }`,
          },
        ],
      },
    ],
  },
  {
    // A spread after the literal method may replace it: the request is not known to be a HEAD.
    code: `async function f(url, init) { const res = await fetch(url, { method: 'HEAD', ...init }); return res.ok; }`,
    errors: [
      {
        messageId: 'neverConsumed',
        data: { name: 'res', remedy: CANCEL },
        line: 1,
        column: 37,
        suggestions: [
          {
            messageId: 'releaseAfterBinding',
            output: `async function f(url, init) { const res = await fetch(url, { method: 'HEAD', ...init });\nawait res.body?.cancel(); return res.ok; }`,
          },
        ],
      },
    ],
  },
  // ---- known non-consuming calls and predicates are not hand-offs ----
  {
    code: `async function f(url) { const res = await fetch(url); console.log(res); return JSON.stringify(res.headers); }`,
    errors: [
      {
        messageId: 'neverConsumed',
        data: { name: 'res', remedy: CANCEL },
        line: 1,
        column: 31,
        suggestions: [
          {
            messageId: 'releaseAfterBinding',
            output: `async function f(url) { const res = await fetch(url);\nawait res.body?.cancel(); console.log(res); return JSON.stringify(res.headers); }`,
          },
        ],
      },
    ],
  },
  {
    code: `import assert from 'node:assert'; export async function f(url) { const res = await fetch(url); assert.ok(res); assert(res.ok); return res.status; }`,
    errors: [
      {
        messageId: 'neverConsumed',
        data: { name: 'res', remedy: CANCEL },
        line: 1,
        column: 72,
        suggestions: [
          {
            messageId: 'releaseAfterBinding',
            output: `import assert from 'node:assert'; export async function f(url) { const res = await fetch(url);\nawait res.body?.cancel(); assert.ok(res); assert(res.ok); return res.status; }`,
          },
        ],
      },
    ],
  },
  {
    code: `async function f(url) { const res = await fetch(url); if (isRetryable(res)) return null; return res.json(); }`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'when `isRetryable(res)`', exit: 'return', remedy: CANCEL },
        line: 1,
        column: 77,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'return' },
            output: `async function f(url) { const res = await fetch(url); if (isRetryable(res)) { await res.body?.cancel(); return null; } return res.json(); }`,
          },
        ],
      },
    ],
  },
  // ---- undici.request: HEAD does not exempt it (the body is always a Readable) ----
  {
    code: `import { request } from 'undici'; export async function f(url) { const { statusCode } = await request(url, { method: 'HEAD' }); return statusCode; }`,
    errors: [{ messageId: 'discarded', data: { remedy: 'body.dump()' }, line: 1, column: 95, endColumn: 127 }],
  },
  {
    // A .then callback that only listens for 'end' (which never fires without a reader).
    code: `import { request } from 'undici'; export function f(url) { return request(url).then(({ body }) => { body.on('end', () => {}); }); }`,
    errors: [
      {
        messageId: 'neverConsumed',
        data: { name: 'body', remedy: 'body.destroy()' },
        line: 1,
        column: 88,
        endColumn: 92,
        suggestions: [
          {
            messageId: 'releaseAfterBinding',
            output: `import { request } from 'undici'; export function f(url) { return request(url).then(({ body }) => { body.destroy(); body.on('end', () => {}); }); }`,
          },
        ],
      },
    ],
  },
  // ---- got.stream and axios with responseType 'stream' ----
  {
    code: `import got from 'got'; export function f(url) { const s = got.stream(url); s.on('response', (r) => console.log(r.statusCode)); }`,
    errors: [
      {
        messageId: 'neverConsumed',
        data: { name: 's', remedy: 's.destroy()' },
        line: 1,
        column: 55,
        endColumn: 56,
        suggestions: [
          {
            messageId: 'releaseAfterBinding',
            output: `import got from 'got'; export function f(url) { const s = got.stream(url);\ns.destroy(); s.on('response', (r) => console.log(r.statusCode)); }`,
          },
        ],
      },
    ],
  },
  {
    code: `import got from 'got'; export function f(url) { got.stream.get(url); }`,
    errors: [{ messageId: 'discarded', data: { remedy: 'stream.destroy()' }, line: 1, column: 49, endColumn: 68, suggestions: [] }],
  },
  {
    code: `import got from 'got'; const client = got.extend({ prefixUrl: 'https://x' }); export function f(dest) { const s = client.stream('a'); if (!dest) return; s.pipe(dest); }`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 's', when: 'when `!dest`', exit: 'return', remedy: 's.destroy()' },
        line: 1,
        column: 146,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'return' },
            output: `import got from 'got'; const client = got.extend({ prefixUrl: 'https://x' }); export function f(dest) { const s = client.stream('a'); if (!dest) { s.destroy(); return; } s.pipe(dest); }`,
          },
        ],
      },
    ],
  },
  {
    code: `
import axios from 'axios';
export async function download(url, dest) {
  const res = await axios.get(url, { responseType: 'stream' });
  if (res.status !== 200) return null;
  return res.data.pipe(dest);
}
`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'res', when: 'when `res.status !== 200`', exit: 'return', remedy: 'res.data.destroy()' },
        line: 5,
        column: 27,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'return' },
            output: `
import axios from 'axios';
export async function download(url, dest) {
  const res = await axios.get(url, { responseType: 'stream' });
  if (res.status !== 200) { res.data.destroy(); return null; }
  return res.data.pipe(dest);
}
`,
          },
        ],
      },
    ],
  },
  {
    code: `import axios from 'axios'; export async function f(url) { const { data, status } = await axios({ url, responseType: 'stream' }); if (status === 404) throw new Error('x'); data.resume(); }`,
    errors: [
      {
        messageId: 'unconsumedWhen',
        data: { name: 'data', when: 'when `status === 404`', exit: 'throw', remedy: 'data.destroy()' },
        line: 1,
        column: 150,
        suggestions: [
          {
            messageId: 'releaseBeforeExit',
            data: { exit: 'throw' },
            output: `import axios from 'axios'; export async function f(url) { const { data, status } = await axios({ url, responseType: 'stream' }); if (status === 404) { data.destroy(); throw new Error('x'); } data.resume(); }`,
          },
        ],
      },
    ],
  },
  {
    code: `import axios from 'axios'; export async function f(url) { await axios.get(url, { responseType: 'stream' }); }`,
    errors: [
      {
        messageId: 'discarded',
        data: { remedy: 'data.destroy()' },
        line: 1,
        column: 65,
        suggestions: [{ messageId: 'releaseDiscarded', output: `import axios from 'axios'; export async function f(url) { (await axios.get(url, { responseType: 'stream' })).data.destroy(); }` }],
      },
    ],
  },
  {
    code: `import axios from 'axios'; export async function f(url) { const { status } = await axios.get(url, { responseType: 'stream' }); return status; }`,
    errors: [{ messageId: 'discarded', data: { remedy: 'data.destroy()' }, line: 1, column: 84, suggestions: [] }],
  },
];

createRuleTester().run('no-unconsumed-body', rule, { valid, invalid });
createEspreeRuleTester().run('no-unconsumed-body (espree)', rule, { valid, invalid });

// TypeScript-only syntax (typescript-eslint parser without types).
createRuleTester().run('no-unconsumed-body (TypeScript syntax)', rule, {
  valid: [
    `async function f(url: string): Promise<unknown> { const res = (await fetch(url)) as Response; return res!.json(); }`,
    `async function f(url: string) { const res: Response = await fetch(url); return (res satisfies Response).text(); }`,
    `async function f(url: string) { const res = await fetch(url); return <Promise<string>>res.text(); }`,
    `enum E { A } declare const x: E; async function f<T>(url: string): Promise<T> { const res = await fetch(url); return res.json() as Promise<T>; }`,
    `class C { constructor(private readonly base: string) {} async get(path: string) { const res = await fetch(this.base + path); return res.json(); } }`,
  ],
  invalid: [
    {
      code: `async function f(url: string): Promise<boolean> { const res = (await fetch(url)) as Response; return res!.ok; }`,
      errors: [{ messageId: 'neverConsumed', line: 1, column: 57, suggestions: [{ messageId: 'releaseAfterBinding', output: `async function f(url: string): Promise<boolean> { const res = (await fetch(url)) as Response;\nawait res.body?.cancel(); return res!.ok; }` }] }],
    },
    {
      code: `async function f(url: string) { const res: Response = await fetch(url); if (!res.ok) throw new Error(res.statusText); return res.json(); }`,
      errors: [{ messageId: 'unconsumedWhen', data: { name: 'res', when: 'when `!res.ok`', exit: 'throw', remedy: CANCEL }, line: 1, column: 86, suggestions: [{ messageId: 'releaseBeforeExit', data: { exit: 'throw' }, output: `async function f(url: string) { const res: Response = await fetch(url); if (!res.ok) { await res.body?.cancel(); throw new Error(res.statusText); } return res.json(); }` }] }],
    },
  ],
});

// With types, a dispatcher that arrives as a parameter is recognised; without, it is not.
const typedOnlyCode = `
import type { Dispatcher } from 'undici';
export async function ping(dispatcher: Dispatcher): Promise<number> {
  const { statusCode, body } = await dispatcher.request({ path: '/health', method: 'GET' });
  if (statusCode >= 500) throw new Error('down');
  await body.dump();
  return statusCode;
}
`;
// A project helper typed `Promise<Response>`: its result is ours to consume.
const typedHelperCode = `
declare function api(path: string): Promise<Response>;
export async function me(): Promise<unknown> {
  const res = await api('/me');
  if (!res.ok) throw new Error(res.statusText);
  return res.json();
}
`;
const typedUndiciHelperCode = `
import type { Dispatcher } from 'undici';
declare function get(path: string): Promise<Dispatcher.ResponseData>;
export async function f(): Promise<unknown> {
  const { statusCode, body } = await get('/x');
  if (statusCode !== 200) return null;
  return body.json();
}
`;
// A parameter typed `Response` belongs to the caller, unless ignoreParameters is false.
const parameterCode = `export async function read(res: Response): Promise<unknown> { if (!res.ok) throw new Error('x'); return res.json(); }`;
createRuleTester().run('no-unconsumed-body (untyped: parameters and helpers are unknown)', rule, {
  valid: [typedOnlyCode, typedHelperCode, typedUndiciHelperCode, { code: parameterCode, options: options({ ignoreParameters: false }) }],
  invalid: [],
});
createTypedRuleTester().run('no-unconsumed-body (typed)', rule, {
  valid: [
    ...valid,
    `import type { Dispatcher } from 'undici'; export async function f(d: Dispatcher) { const { body } = await d.request({ path: '/', method: 'GET' }); return body.text(); }`,
    // A user type that happens to have a request method is not a dispatcher.
    `interface Api { request(o: object): Promise<{ body: { ok: boolean } }> } export async function f(api: Api) { const { body } = await api.request({}); return body.ok; }`,
    parameterCode,
    // A helper given a response returns that response, not a new one.
    `declare function assertOk(res: Response): Promise<Response>; export async function f(url: string) { const res = await fetch(url); await assertOk(res); return res.json(); }`,
    `declare function assertOk(res: Response): Promise<Response>; export async function f(url: string) { const res = await fetch(url); const ok = await assertOk(res); return ok.json(); }`,
    // A helper's response that is read; a response made synchronously is not a network response.
    `declare function api(path: string): Promise<Response>; export async function f() { const res = await api('/me'); return res.json(); }`,
    `declare function make(): Response; export function f() { const res = make(); return res.status; }`,
    // The Cache API holds no connection.
    `export async function f(req: Request) { const hit = await caches.match(req); return hit?.status; }`,
    // An IncomingMessage parameter is as often a server's request: not followed.
    { code: `import type { IncomingMessage } from 'node:http'; export function f(req: IncomingMessage) { return req.headers; }`, options: options({ ignoreParameters: false }) },
  ],
  invalid: [
    ...invalid,
    {
      code: typedOnlyCode,
      errors: [
        {
          messageId: 'unconsumedWhen',
          data: { name: 'body', when: 'when `statusCode >= 500`', exit: 'throw', remedy: 'await body.dump()' },
          line: 5,
          column: 26,
          suggestions: [
            {
              messageId: 'releaseBeforeExit',
              data: { exit: 'throw' },
              output: `
import type { Dispatcher } from 'undici';
export async function ping(dispatcher: Dispatcher): Promise<number> {
  const { statusCode, body } = await dispatcher.request({ path: '/health', method: 'GET' });
  if (statusCode >= 500) { await body.dump(); throw new Error('down'); }
  await body.dump();
  return statusCode;
}
`,
            },
          ],
        },
      ],
    },
    {
      code: typedHelperCode,
      errors: [
        {
          messageId: 'unconsumedWhen',
          data: { name: 'res', when: 'when `!res.ok`', exit: 'throw', remedy: CANCEL },
          line: 5,
          column: 16,
          suggestions: [
            {
              messageId: 'releaseBeforeExit',
              data: { exit: 'throw' },
              output: `
declare function api(path: string): Promise<Response>;
export async function me(): Promise<unknown> {
  const res = await api('/me');
  if (!res.ok) { await res.body?.cancel(); throw new Error(res.statusText); }
  return res.json();
}
`,
            },
          ],
        },
      ],
    },
    {
      code: typedUndiciHelperCode,
      errors: [
        {
          messageId: 'unconsumedWhen',
          data: { name: 'body', when: 'when `statusCode !== 200`', exit: 'return', remedy: 'await body.dump()' },
          line: 6,
          column: 27,
          suggestions: [
            {
              messageId: 'releaseBeforeExit',
              data: { exit: 'return' },
              output: typedUndiciHelperCode.replace('if (statusCode !== 200) return null;', 'if (statusCode !== 200) { await body.dump(); return null; }'),
            },
          ],
        },
      ],
    },
    {
      code: `declare function api(path: string): Promise<Response>; export async function f() { const res = await api('/me'); return res.headers.get('etag'); }`,
      errors: [
        {
          messageId: 'neverConsumed',
          data: { name: 'res', remedy: CANCEL },
          line: 1,
          column: 90,
          suggestions: [
            {
              messageId: 'releaseAfterBinding',
              output: `declare function api(path: string): Promise<Response>; export async function f() { const res = await api('/me');\nawait res.body?.cancel(); return res.headers.get('etag'); }`,
            },
          ],
        },
      ],
    },
    {
      code: parameterCode,
      options: options({ ignoreParameters: false }),
      errors: [
        {
          messageId: 'unconsumedWhen',
          data: { name: 'res', when: 'when `!res.ok`', exit: 'throw', remedy: CANCEL },
          line: 1,
          column: 76,
          suggestions: [
            {
              messageId: 'releaseBeforeExit',
              data: { exit: 'throw' },
              output: `export async function read(res: Response): Promise<unknown> { if (!res.ok) { await res.body?.cancel(); throw new Error('x'); } return res.json(); }`,
            },
          ],
        },
      ],
    },
    {
      code: `export function status(res: Response): number { return res.status; }`,
      options: options({ ignoreParameters: false }),
      errors: [
        {
          messageId: 'neverConsumed',
          data: { name: 'res', remedy: 'void res.body?.cancel()' },
          line: 1,
          column: 24,
          suggestions: [{ messageId: 'releaseAfterBinding', output: `export function status(res: Response): number { void res.body?.cancel(); return res.status; }` }],
        },
      ],
    },
  ],
});
