import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageId, Options } from '../../src/rules/no-agent-per-request';
import rule from '../../src/rules/no-agent-per-request';
import { createEspreeRuleTester, createRuleTester, createTypedRuleTester } from '../rule-tester';

const ON_CALL = 'on every call of this function';
const ON_ITERATION = 'on every iteration of this loop';

// Cases in plain JavaScript: they run under espree, typescript-eslint without types, and with types.
const valid: (ValidTestCase<Options> | string)[] = [
  // Module-level agents, the fix.
  `import https from 'node:https'; const agent = new https.Agent({ keepAlive: true }); export function get(u) { return https.get(u, { agent }); }`,
  `import { Agent } from 'undici'; await fetch(url, { dispatcher: new Agent() });`,
  `import https from 'node:https'; const agent = new https.Agent(); for (const u of urls) https.get(u, { agent });`,
  // Immediately-invoked functions and static blocks at module level run once.
  `import { Agent } from 'undici'; (async () => { await fetch(url, { dispatcher: new Agent() }); })();`,
  `import { Agent } from 'undici'; class C { static { fetch(url, { dispatcher: new Agent() }); } }`,
  // Cached agents.
  `import { Agent } from 'undici'; const agents = new Map(); export function agentFor(host) { let a = agents.get(host); if (!a) { a = new Agent(); agents.set(host, a); } return a; }`,
  `import https from 'node:https'; const cache = {}; export function get(host, u) { cache[host] ??= new https.Agent(); return https.get(u, { agent: cache[host] }); }`,
  `import https from 'node:https'; class Client { constructor() { this.agent = new https.Agent({ keepAlive: true }); } }`,
  // Factories: the agent (or a client holding it) is returned to the caller, who may keep it.
  `import https from 'node:https'; export function makeAgent() { return new https.Agent({ keepAlive: true }); }`,
  `import axios from 'axios'; import https from 'node:https'; export function makeClient() { return axios.create({ httpsAgent: new https.Agent({ keepAlive: true }) }); }`,
  // One agent serving many requests of the same call.
  `import { Agent } from 'undici'; export async function crawl(urls) { const dispatcher = new Agent(); for (const u of urls) await fetch(u, { dispatcher }); await dispatcher.close(); }`,
  `import https from 'node:https'; export function all(urls) { const agent = new https.Agent(); return urls.map((u) => https.get(u, { agent })); }`,
  // The agent is handed to other code as well, or re-assigned.
  `import { Agent } from 'undici'; export function f(u) { const agent = new Agent(); register(agent); return fetch(u, { dispatcher: agent }); }`,
  `import { Agent } from 'undici'; export function f(u) { let agent = new Agent(); agent = shared; return fetch(u, { dispatcher: agent }); }`,
  `import https from 'node:https'; export function f() { const options = { agent: new https.Agent() }; return options; }`,
  // Not a request we know, not an agent option, not an agent.
  `import https from 'node:https'; export function f(u) { return myRequest(u, { agent: new https.Agent() }); }`,
  `import https from 'node:https'; export function f(u) { return https.get(u, { headers: new https.Agent() }); }`,
  `export function f(u) { class Agent {} return fetch(u, { dispatcher: new Agent() }); }`,
  // agent: false is an explicit choice (a one-time agent) and is not reported.
  `import http from 'node:http'; export function f(u) { return http.get(u, { agent: false }); }`,
  // Computed and spread options are not followed.
  `import https from 'node:https'; export function f(u, key) { return https.get(u, { [key]: new https.Agent() }); }`,
];

const invalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `
import https from 'node:https';
export function getJson(url) {
  return https.get(url, { agent: new https.Agent({ keepAlive: true }) });
}
`,
    errors: [{ messageId: 'agentPerRequest', data: { name: 'https.Agent', where: ON_CALL }, line: 4, column: 34, endColumn: 70 }],
  },
  {
    // A dispatcher made for one fetch, through a local variable.
    code: `
import { Agent } from 'undici';
export async function call(url) {
  const dispatcher = new Agent({ connect: { rejectUnauthorized: false } });
  const res = await fetch(url, { dispatcher });
  return res.json();
}
`,
    errors: [{ messageId: 'agentPerRequest', data: { name: 'Agent', where: ON_CALL }, line: 4, column: 22, endColumn: 75 }],
  },
  {
    code: `import { request, ProxyAgent } from 'undici'; export const get = (u) => request(u, { dispatcher: new ProxyAgent(proxyUrl) });`,
    errors: [{ messageId: 'agentPerRequest', data: { name: 'ProxyAgent', where: ON_CALL }, line: 1, column: 98, endColumn: 122 }],
  },
  {
    // A pool made, used for one request and closed: still a connection per call.
    code: `
const { Pool } = require('undici');
async function fetchUser(id) {
  const pool = new Pool('http://users.internal');
  try {
    const { body } = await pool.request({ path: '/users/' + id, method: 'GET' });
    return await body.json();
  } finally {
    await pool.close();
  }
}
`,
    errors: [{ messageId: 'agentPerRequest', data: { name: 'Pool', where: ON_CALL }, line: 4, column: 16 }],
  },
  {
    code: `import { Client } from 'undici'; export const ping = () => new Client(origin).request({ path: '/health', method: 'GET' });`,
    errors: [{ messageId: 'agentPerRequest', data: { name: 'Client', where: ON_CALL }, column: 60, endColumn: 78 }],
  },
  {
    code: `import axios from 'axios'; import https from 'node:https'; export async function load(url) { const { data } = await axios.get(url, { httpsAgent: new https.Agent({ keepAlive: true }) }); return data; }`,
    errors: [{ messageId: 'agentPerRequest', data: { name: 'https.Agent', where: ON_CALL } }],
  },
  {
    // got's agent option is an object per protocol.
    code: `import got from 'got'; import https from 'node:https'; export const load = (url) => got(url, { agent: { https: new https.Agent({ keepAlive: true }) } }).json();`,
    errors: [{ messageId: 'agentPerRequest', data: { name: 'https.Agent', where: ON_CALL }, column: 112 }],
  },
  {
    code: `import fetch from 'node-fetch'; import https from 'node:https'; export function get(u) { return fetch(u, { agent: new https.Agent() }); }`,
    errors: [{ messageId: 'agentPerRequest', data: { name: 'https.Agent', where: ON_CALL } }],
  },
  {
    // Options built in a const first.
    code: `
import http from 'node:http';
export function post(url, body) {
  const options = { method: 'POST', agent: new http.Agent({ keepAlive: true }), timeout: 5000 };
  const req = http.request(url, options);
  req.end(body);
  return req;
}
`,
    errors: [{ messageId: 'agentPerRequest', data: { name: 'http.Agent', where: ON_CALL }, line: 4, column: 44 }],
  },
  {
    // A loop at module level.
    code: `
import { Agent } from 'undici';
for (const url of urls) {
  await fetch(url, { dispatcher: new Agent() });
}
`,
    errors: [{ messageId: 'agentPerRequest', data: { name: 'Agent', where: ON_ITERATION }, line: 4, column: 34, endColumn: 45 }],
  },
  {
    code: `
import https from 'node:https';
export async function checkAll(hosts) {
  for (const host of hosts) {
    const agent = new https.Agent({ keepAlive: true });
    https.get({ host, agent });
  }
}
`,
    errors: [{ messageId: 'agentPerRequest', data: { name: 'https.Agent', where: ON_ITERATION }, line: 5, column: 19 }],
  },
  {
    code: `import http from 'node:http'; import Agent from 'agentkeepalive'; export function get(u) { return http.get(u, { agent: new Agent() }); }`,
    errors: [{ messageId: 'agentPerRequest', data: { name: 'Agent', where: ON_CALL } }],
  },
  {
    code: `
import { Agent } from 'undici';
class Api {
  async get(path) {
    return fetch(this.base + path, { dispatcher: new Agent({ keepAliveTimeout: 10_000 }) });
  }
}
`,
    errors: [{ messageId: 'agentPerRequest', data: { name: 'Agent', where: ON_CALL }, line: 5, column: 50 }],
  },
  {
    // Optional chaining on the request and a renamed import.
    code: `import { Agent as UndiciAgent } from 'undici'; export const f = (u) => globalThis.fetch?.(u, { dispatcher: new UndiciAgent() });`,
    errors: [{ messageId: 'agentPerRequest', data: { name: 'UndiciAgent', where: ON_CALL } }],
  },
];

createRuleTester().run('no-agent-per-request', rule, { valid, invalid });
createEspreeRuleTester().run('no-agent-per-request (espree)', rule, { valid, invalid });

// TypeScript-only syntax.
const tsValid: (ValidTestCase<Options> | string)[] = [
  `import https from 'node:https'; const agent: https.Agent = new https.Agent(); export function get(u: string) { return https.get(u, { agent: agent as https.Agent }); }`,
  `import { Agent } from 'undici'; export abstract class Base { protected readonly dispatcher = new Agent(); abstract get(u: string): Promise<Response>; }`,
];
const tsInvalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `import https from 'node:https'; export function get(u: string) { return https.get(u, { agent: new https.Agent() as https.Agent }); }`,
    errors: [{ messageId: 'agentPerRequest', data: { name: 'https.Agent', where: ON_CALL }, column: 95 }],
  },
  {
    code: `import { Agent } from 'undici'; export async function get(u: string) { const dispatcher = new Agent()!; return fetch(u, { dispatcher } satisfies RequestInit); }`,
    errors: [{ messageId: 'agentPerRequest', data: { name: 'Agent', where: ON_CALL } }],
  },
];
createRuleTester().run('no-agent-per-request (TypeScript syntax)', rule, { valid: tsValid, invalid: tsInvalid });

// With types, a request made through a client that arrives as a parameter is recognised too.
const typedOnlyCode = `
import type { AxiosInstance } from 'axios';
import https from 'node:https';
export function load(client: AxiosInstance, url: string) {
  return client.get(url, { httpsAgent: new https.Agent({ keepAlive: true }) } as object);
}
`;
createRuleTester().run('no-agent-per-request (untyped: parameters are unknown)', rule, { valid: [typedOnlyCode], invalid: [] });
createTypedRuleTester().run('no-agent-per-request (typed)', rule, {
  valid: [...valid, ...tsValid],
  invalid: [
    ...invalid,
    ...tsInvalid,
    { code: typedOnlyCode, errors: [{ messageId: 'agentPerRequest', data: { name: 'https.Agent', where: ON_CALL }, line: 5, column: 40, endColumn: 76 }] },
  ],
});
