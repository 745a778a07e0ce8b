import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageId, Options } from '../../src/rules/no-unbounded-concurrency';
import rule from '../../src/rules/no-unbounded-concurrency';
import { createEspreeRuleTester, createRuleTester, createTypedRuleTester } from '../rule-tester';

// Plain JavaScript: run under espree, typescript-eslint without types, and with types.
const valid: (ValidTestCase<Options> | string)[] = [
  // A pool bounds the fan-out: the request starts inside the limiter's callback.
  `import pLimit from 'p-limit'; const limit = pLimit(5); export const loadAll = (urls) => Promise.all(urls.map((u) => limit(() => fetch(u))));`,
  `import PQueue from 'p-queue'; const queue = new PQueue({ concurrency: 4 }); export const loadAll = (urls) => Promise.all(urls.map((u) => queue.add(() => fetch(u))));`,
  `import pMap from 'p-map'; export const loadAll = (urls) => pMap(urls, (u) => fetch(u), { concurrency: 8 });`,
  // Inputs whose size the file states.
  `export const both = () => Promise.all(['/a', '/b'].map((u) => fetch(u)));`,
  `const MIRRORS = ['https://a.example', 'https://b.example']; export const probe = () => Promise.all(MIRRORS.map((m) => fetch(m)));`,
  `export function warm() { for (let i = 0; i < 3; i++) fetch('/warm').catch(() => {}); }`,
  `export function warm() { for (const path of ['/a', '/b']) fetch(path).catch(() => {}); }`,
  // Batches: one awaited Promise.all per iteration.
  `export async function loadAll(batches) { for (const batch of batches) { await Promise.all(batch.map((u) => fetch(u))); } }`,
  `export async function loadAll(urls) { for (let i = 0; i < urls.length; i += 10) { await Promise.all(urls.slice(i, i + 10).map((u) => fetch(u))); } }`,
  `export const firstTen = (urls) => Promise.all(urls.slice(0, 10).map((u) => fetch(u)));`,
  // Sequential: each request awaited, returned, or paced by an await in the loop.
  `export async function loadAll(urls) { const out = []; for (const u of urls) out.push(await (await fetch(u)).json()); return out; }`,
  `export async function first(urls) { for (const u of urls) { if (u.startsWith('https:')) return fetch(u); } }`,
  `export async function poll(url) { while (running) { fetch(url).catch(report); await sleep(1000); } }`,
  `export async function relay(source) { for await (const item of source) fetch(item.url).catch(report); }`,
  `export async function* stream(urls) { for (const u of urls) yield fetch(u); }`,
  // Calls that are not requests: factories, thunks, other work, a local function named fetch.
  `import axios from 'axios'; export const clients = (hosts) => hosts.map((h) => axios.create({ baseURL: h, timeout: 5000 }));`,
  `export const tasks = (urls) => urls.map((u) => () => fetch(u));`,
  `import { readFile } from 'node:fs/promises'; export const readAll = (files) => Promise.all(files.map((f) => readFile(f)));`,
  `function fetch(u) { return u; } export const same = (urls) => Promise.all(urls.map((u) => fetch(u)));`,
  `export const names = (users) => users.map((u) => u.name);`,
  // Local functions are followed one level deep only.
  `async function get(u) { return fetch(u); } const twice = (u) => get(u); export const all = (urls) => Promise.all(urls.map((u) => twice(u)));`,
  // Node streams' map runs one at a time by default.
  `import { Readable } from 'node:stream'; export const bodies = (urls) => Readable.from(urls).map((u) => fetch(u));`,
  // Odd but valid syntax must not throw.
  `export const f = (xs, method, fns) => { xs.map(); xs.map(...fns); xs[method](fetch); xs?.forEach?.((x) => x); };`,
  `for (const { url, ...rest } of items) { const [a = fetch] = rest; a; }`,
];

const invalid: InvalidTestCase<MessageId, Options>[] = [
  {
    // parcel-bundler/parcel#3344: Promise.all over every asset at once.
    code: `
export async function loadAll(urls) {
  return Promise.all(urls.map(async (url) => (await fetch(url)).json()));
}
`,
    errors: [{ messageId: 'unboundedFanOut', data: { method: 'map' }, line: 3, column: 22, endLine: 3, endColumn: 72 }],
  },
  {
    code: `export const loadAll = (urls) => Promise.all(urls.map(fetch));`,
    errors: [{ messageId: 'unboundedFanOut', data: { method: 'map' }, line: 1, column: 46, endColumn: 61 }],
  },
  {
    code: `
import axios from 'axios';
export async function users(ids) {
  const responses = await Promise.all(ids.map((id) => axios.get(\`/users/\${id}\`)));
  return responses.map((r) => r.data);
}
`,
    errors: [{ messageId: 'unboundedFanOut', data: { method: 'map' }, line: 4, column: 39, endColumn: 81 }],
  },
  {
    // forEach does not wait for an async callback: every request starts at once.
    code: `
export function pingAll(hosts) {
  hosts.forEach(async (host) => {
    await fetch(host, { method: 'HEAD' });
  });
}
`,
    errors: [{ messageId: 'unboundedFanOut', data: { method: 'forEach' }, line: 3, column: 3, endLine: 5, endColumn: 5 }],
  },
  {
    // webtorrent/webtorrent.io#119's shape: promises collected in a loop, awaited together.
    code: `
export async function loadAll(urls) {
  const pending = [];
  for (const url of urls) {
    pending.push(fetch(url));
  }
  return Promise.all(pending);
}
`,
    errors: [{ messageId: 'unboundedLoop', line: 5, column: 18, endColumn: 28 }],
  },
  {
    // A function of this file that makes the request.
    code: `
async function getJson(url) {
  const res = await fetch(url);
  return res.json();
}
export const loadAll = (urls) => Promise.all(urls.map(getJson));
`,
    errors: [{ messageId: 'unboundedFanOut', data: { method: 'map' }, line: 6, column: 46, endColumn: 63 }],
  },
  {
    // An inline callback calling a function of this file that makes the request.
    code: `
async function check(url) {
  const res = await fetch(url, { method: 'HEAD' });
  return res.status;
}
export const statuses = (urls) => Promise.all(urls.map((u) => check(u)));
`,
    errors: [{ messageId: 'unboundedFanOut', data: { method: 'map' }, line: 6, column: 47, endColumn: 72 }],
  },
  {
    code: `
import http from 'node:http';
export function hitAll(urls) {
  for (const url of urls) http.get(url, (res) => res.resume());
}
`,
    errors: [{ messageId: 'unboundedLoop', line: 4, column: 27, endColumn: 63 }],
  },
  {
    code: `import { request } from 'undici'; export const loadAll = (urls) => Promise.all(urls.map((u) => request(u)));`,
    errors: [{ messageId: 'unboundedFanOut', data: { method: 'map' }, line: 1, column: 80, endColumn: 107 }],
  },
  {
    code: `import got from 'got'; export const pairs = (ids) => Promise.all(ids.flatMap((id) => [got(\`/a/\${id}\`), got(\`/b/\${id}\`)]));`,
    errors: [{ messageId: 'unboundedFanOut', data: { method: 'flatMap' }, line: 1, column: 66, endColumn: 121 }],
  },
  {
    // A stated bound, but not a small one.
    code: `export function warm() { for (let i = 0; i < 1000; i++) fetch(\`/warm/\${i}\`).catch(() => {}); }`,
    errors: [{ messageId: 'unboundedLoop', line: 1, column: 57, endColumn: 76 }],
  },
  {
    // Draining a queue by firing every job at once.
    code: `
export function flush(queue) {
  while (queue.length > 0) {
    const job = queue.shift();
    fetch(job.url, { method: 'POST', body: job.body }).catch(console.error);
  }
}
`,
    errors: [{ messageId: 'unboundedLoop', line: 5, column: 5, endColumn: 55 }],
  },
  {
    // An axios instance made two lines earlier, and Promise.allSettled.
    code: `
import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com', timeout: 5000 });
export const loadAll = (ids) => Promise.allSettled(ids.map((id) => api.get(\`/items/\${id}\`)));
`,
    errors: [{ messageId: 'unboundedFanOut', data: { method: 'map' }, line: 4, column: 52, endColumn: 92 }],
  },
  {
    // A literal with spreads has no known size.
    code: `export const loadAll = (urls, extra) => Promise.all([...urls, ...extra].map((u) => fetch(u).then((r) => r.json())));`,
    errors: [{ messageId: 'unboundedFanOut', data: { method: 'map' }, line: 1, column: 53, endColumn: 115 }],
  },
  {
    code: `const https = require('https'); module.exports = (hosts) => { for (const h of hosts) { const req = https.request(h); req.end(); } };`,
    errors: [{ messageId: 'unboundedLoop', line: 1, column: 100, endColumn: 116 }],
  },
];

// TypeScript-only syntax.
const tsValid: (ValidTestCase<Options> | string)[] = [
  `export const both = () => Promise.all((['/a', '/b'] as const).map((u) => fetch(u)));`,
];
const tsInvalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `export const loadAll = (urls: readonly string[]) => Promise.all(urls.map((u: string) => fetch(u as string)));`,
    errors: [{ messageId: 'unboundedFanOut', data: { method: 'map' }, line: 1, column: 65, endColumn: 108 }],
  },
];

createRuleTester().run('no-unbounded-concurrency', rule, { valid: [...valid, ...tsValid], invalid: [...invalid, ...tsInvalid] });
createEspreeRuleTester().run('no-unbounded-concurrency (espree)', rule, { valid, invalid });

// A tuple's size is known only from its type.
const tupleCode = `export async function loadPair(pair: [string, string]) { return Promise.all(pair.map((u) => fetch(u))); }`;
createRuleTester().run('no-unbounded-concurrency (untyped: tuples are unknown)', rule, {
  valid: [],
  invalid: [{ code: tupleCode, errors: [{ messageId: 'unboundedFanOut', data: { method: 'map' }, line: 1, column: 77, endColumn: 102 }] }],
});
createTypedRuleTester().run('no-unbounded-concurrency (typed)', rule, {
  valid: [...valid, ...tsValid, tupleCode],
  invalid: [...invalid, ...tsInvalid],
});
