import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageId, Options } from '../../src/rules/consistent-keepalive-pool';
import rule from '../../src/rules/consistent-keepalive-pool';
import { createEspreeRuleTester, createRuleTester, createTypedRuleTester } from '../rule-tester';

// Cases in plain JavaScript: they run under espree, typescript-eslint without types, and with types.
const valid: (ValidTestCase<Options> | string)[] = [
  // Idle limit equal to or above the socket limit.
  `import http from 'node:http'; new http.Agent({ keepAlive: true, maxSockets: 50, maxFreeSockets: 50 });`,
  `import https from 'node:https'; new https.Agent({ keepAlive: true, maxSockets: 10, maxFreeSockets: 256 });`,
  // Only one of the two given: the default idle limit (256) is not judged.
  `import http from 'node:http'; new http.Agent({ keepAlive: true, maxSockets: 1000 });`,
  `import Agent from 'agentkeepalive'; new Agent({ maxSockets: 1000, timeout: 60_000 });`,
  // No keep-alive and no keep-alive options: maxSockets alone still bounds concurrency.
  `import https from 'node:https'; new https.Agent({ maxSockets: 10, rejectUnauthorized: true });`,
  `import http from 'node:http'; new http.Agent({ keepAlive: false, maxSockets: 10, timeout: 5000 });`,
  // An unlimited socket count has no idle limit to match.
  `import http from 'node:http'; new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 10 });`,
  // maxTotalSockets is the real ceiling.
  `import http from 'node:http'; new http.Agent({ keepAlive: true, maxSockets: 100, maxTotalSockets: 10, maxFreeSockets: 10 });`,
  // What the file does not spell out is not judged.
  `import http from 'node:http'; new http.Agent({ keepAlive: process.env.KEEP_ALIVE === '1', maxSockets: 10, maxFreeSockets: 2 });`,
  `import http from 'node:http'; new http.Agent({ keepAlive: true, maxSockets: 10, maxFreeSockets: idle });`,
  `import http from 'node:http'; new http.Agent({ keepAlive: true, maxSockets: 10, maxTotalSockets: total, maxFreeSockets: 2 });`,
  `import http from 'node:http'; new http.Agent(config);`,
  `import http from 'node:http'; new http.Agent({ ...config, maxFreeSockets: 1 });`,
  `import http from 'node:http'; new http.Agent({ [key]: true, maxSockets: 10, maxFreeSockets: 1 });`,
  `import http from 'node:http'; new http.Agent(...args);`,
  // Not an agent: a local class, pg's Pool.
  `class Agent {} new Agent({ keepAlive: true, maxSockets: 10, maxFreeSockets: 1 });`,
  `import { Pool } from 'pg'; new Pool({ pipelining: 0, keepAliveTimeout: 1000 });`,
  // undici: pipelining 0 with a connection limit only (a pool size still bounds concurrency).
  `import { Pool } from 'undici'; new Pool('http://api.internal', { pipelining: 0, connections: 10 });`,
  `import { Pool } from 'undici'; new Pool('http://api.internal', { pipelining: 1, keepAliveTimeout: 30_000 });`,
  `import { Agent } from 'undici'; new Agent({ keepAliveTimeout: 10_000 });`,
  // agentkeepalive turned off without keep-alive-only options.
  `const Agent = require('agentkeepalive'); new Agent({ keepAlive: false, timeout: 30_000 });`,
];

const invalid: InvalidTestCase<MessageId, Options>[] = [
  {
    // restic: an idle-connection limit of 2 below a connection limit of 40.
    code: `import http from 'node:http'; new http.Agent({ keepAlive: true, maxSockets: 40, maxFreeSockets: 2 });`,
    errors: [
      {
        messageId: 'idleBelowMax',
        data: { free: '2', max: '40' },
        line: 1,
        column: 97,
        endColumn: 98,
        suggestions: [
          {
            messageId: 'raiseMaxFree',
            data: { max: '40' },
            output: `import http from 'node:http'; new http.Agent({ keepAlive: true, maxSockets: 40, maxFreeSockets: 40 });`,
          },
        ],
      },
    ],
  },
  {
    // agentkeepalive keeps alive by default; its own README example has 100 vs. 10.
    code: `
const Agent = require('agentkeepalive');
const keepaliveAgent = new Agent({
  maxSockets: 100,
  maxFreeSockets: 10,
  timeout: 60000,
  freeSocketTimeout: 30000,
});
`,
    errors: [
      {
        messageId: 'idleBelowMax',
        data: { free: '10', max: '100' },
        line: 5,
        column: 19,
        endColumn: 21,
        suggestions: [
          {
            messageId: 'raiseMaxFree',
            data: { max: '100' },
            output: `
const Agent = require('agentkeepalive');
const keepaliveAgent = new Agent({
  maxSockets: 100,
  maxFreeSockets: 100,
  timeout: 60000,
  freeSocketTimeout: 30000,
});
`,
          },
        ],
      },
    ],
  },
  {
    code: `import { HttpsAgent } from 'agentkeepalive'; export const agent = new HttpsAgent({ maxSockets: 20, maxFreeSockets: 4 });`,
    errors: [
      {
        messageId: 'idleBelowMax',
        data: { free: '4', max: '20' },
        suggestions: [
          {
            messageId: 'raiseMaxFree',
            output: `import { HttpsAgent } from 'agentkeepalive'; export const agent = new HttpsAgent({ maxSockets: 20, maxFreeSockets: 20 });`,
          },
        ],
      },
    ],
  },
  {
    // Constants and arithmetic are still literals.
    code: `import http from 'node:http'; const MAX = 64; new http.Agent({ keepAlive: true, maxSockets: MAX, maxFreeSockets: MAX / 8 });`,
    errors: [
      {
        messageId: 'idleBelowMax',
        data: { free: '8', max: '64' },
        column: 114,
        endColumn: 121,
        suggestions: [
          {
            messageId: 'raiseMaxFree',
            output: `import http from 'node:http'; const MAX = 64; new http.Agent({ keepAlive: true, maxSockets: MAX, maxFreeSockets: 64 });`,
          },
        ],
      },
    ],
  },
  {
    // maxTotalSockets below maxSockets: compare with the smaller ceiling.
    code: `import http from 'node:http'; new http.Agent({ keepAlive: true, maxSockets: 100, maxTotalSockets: 20, maxFreeSockets: 5 });`,
    errors: [
      {
        messageId: 'idleBelowMax',
        data: { free: '5', max: '20' },
        suggestions: [
          {
            messageId: 'raiseMaxFree',
            data: { max: '20' },
            output: `import http from 'node:http'; new http.Agent({ keepAlive: true, maxSockets: 100, maxTotalSockets: 20, maxFreeSockets: 20 });`,
          },
        ],
      },
    ],
  },
  {
    // Options held in a const: reported at the argument; no suggestion (the object may be shared).
    code: `
const https = require('node:https');
const poolOptions = { keepAlive: true, maxSockets: 10, maxFreeSockets: 1 };
const agent = new https.Agent(poolOptions);
`,
    errors: [{ messageId: 'idleBelowMax', data: { free: '1', max: '10' }, line: 4, column: 31, endColumn: 42, suggestions: [] }],
  },
  {
    // Pool sizing with keep-alive off: the idle limit is ignored and every request reconnects.
    code: `import http from 'node:http'; new http.Agent({ maxSockets: 20, maxFreeSockets: 20 });`,
    errors: [
      {
        messageId: 'keepAliveOff',
        data: { option: 'maxFreeSockets', reason: 'this agent has `keepAlive` off' },
        column: 64,
        endColumn: 78,
        suggestions: [
          {
            messageId: 'enableKeepAlive',
            output: `import http from 'node:http'; new http.Agent({ maxSockets: 20, maxFreeSockets: 20, keepAlive: true });`,
          },
        ],
      },
    ],
  },
  {
    code: `
import * as https from 'https';
const agent = new https.Agent({
  keepAlive: false,
  keepAliveMsecs: 10_000,
});
`,
    errors: [
      {
        messageId: 'keepAliveOff',
        data: { option: 'keepAliveMsecs', reason: 'this agent has `keepAlive` off' },
        line: 5,
        column: 3,
        suggestions: [
          {
            messageId: 'enableKeepAlive',
            output: `
import * as https from 'https';
const agent = new https.Agent({
  keepAlive: true,
  keepAliveMsecs: 10_000,
});
`,
          },
        ],
      },
    ],
  },
  {
    code: `
import http from 'node:http';
const agent = new http.Agent({
  maxSockets: 8,
  scheduling: 'fifo',
});
`,
    errors: [
      {
        messageId: 'keepAliveOff',
        data: { option: 'scheduling', reason: 'this agent has `keepAlive` off' },
        line: 5,
        suggestions: [
          {
            messageId: 'enableKeepAlive',
            output: `
import http from 'node:http';
const agent = new http.Agent({
  maxSockets: 8,
  scheduling: 'fifo',
  keepAlive: true,
});
`,
          },
        ],
      },
    ],
  },
  {
    code: `const Agent = require('agentkeepalive'); new Agent({ keepAlive: false, freeSocketTimeout: 4000 });`,
    errors: [
      {
        messageId: 'keepAliveOff',
        data: { option: 'freeSocketTimeout', reason: 'this agent has `keepAlive` off' },
        suggestions: [{ messageId: 'enableKeepAlive', output: `const Agent = require('agentkeepalive'); new Agent({ keepAlive: true, freeSocketTimeout: 4000 });` }],
      },
    ],
  },
  {
    // undici: pipelining 0 closes every connection after its request.
    code: `import { Pool } from 'undici'; new Pool('http://api.internal', { connections: 10, pipelining: 0, keepAliveTimeout: 30_000 });`,
    errors: [
      {
        messageId: 'keepAliveOff',
        data: { option: 'keepAliveTimeout', reason: '`pipelining: 0` turns keep-alive off' },
        column: 98,
        endColumn: 114,
        suggestions: [
          {
            messageId: 'enablePipelining',
            output: `import { Pool } from 'undici'; new Pool('http://api.internal', { connections: 10, pipelining: 1, keepAliveTimeout: 30_000 });`,
          },
        ],
      },
    ],
  },
  {
    code: `const undici = require('undici'); const dispatcher = new undici.Agent({ pipelining: 0, keepAliveMaxTimeout: 600e3 });`,
    errors: [
      {
        messageId: 'keepAliveOff',
        data: { option: 'keepAliveMaxTimeout', reason: '`pipelining: 0` turns keep-alive off' },
        suggestions: [
          {
            messageId: 'enablePipelining',
            output: `const undici = require('undici'); const dispatcher = new undici.Agent({ pipelining: 1, keepAliveMaxTimeout: 600e3 });`,
          },
        ],
      },
    ],
  },
];

createRuleTester().run('consistent-keepalive-pool', rule, { valid, invalid });
createEspreeRuleTester().run('consistent-keepalive-pool (espree)', rule, { valid, invalid });

// TypeScript-only syntax around the values.
const tsValid: (ValidTestCase<Options> | string)[] = [
  `import http from 'node:http'; new http.Agent({ keepAlive: true, maxSockets: 10 as number, maxFreeSockets: 10 satisfies number });`,
  `import http from 'node:http'; new http.Agent<unknown>({ keepAlive: true, maxSockets: 10, maxFreeSockets: 10 } as unknown as http.AgentOptions);`,
];
const tsInvalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `import http from 'node:http'; new http.Agent({ keepAlive: true, maxSockets: 10, maxFreeSockets: 1 } as http.AgentOptions);`,
    errors: [
      {
        messageId: 'idleBelowMax',
        data: { free: '1', max: '10' },
        column: 97,
        suggestions: [
          {
            messageId: 'raiseMaxFree',
            output: `import http from 'node:http'; new http.Agent({ keepAlive: true, maxSockets: 10, maxFreeSockets: 10 } as http.AgentOptions);`,
          },
        ],
      },
    ],
  },
  {
    code: `import http from 'node:http'; new http.Agent({ keepAlive: true as const, maxSockets: 40 as number, maxFreeSockets: 2 satisfies number });`,
    errors: [
      {
        messageId: 'idleBelowMax',
        data: { free: '2', max: '40' },
        suggestions: [
          {
            messageId: 'raiseMaxFree',
            output: `import http from 'node:http'; new http.Agent({ keepAlive: true as const, maxSockets: 40 as number, maxFreeSockets: 40 });`,
          },
        ],
      },
    ],
  },
];
createRuleTester().run('consistent-keepalive-pool (TypeScript syntax)', rule, { valid: tsValid, invalid: tsInvalid });

// The rule reads constructor options, which need no types; with a program it behaves the same.
createTypedRuleTester().run('consistent-keepalive-pool (typed)', rule, {
  valid: [...valid, ...tsValid],
  invalid: [...invalid, ...tsInvalid],
});
