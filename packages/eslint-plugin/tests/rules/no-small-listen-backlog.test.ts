import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageId, Options } from '../../src/rules/no-small-listen-backlog';
import rule from '../../src/rules/no-small-listen-backlog';
import { createEspreeRuleTester, createRuleTester, createTypedRuleTester } from '../rule-tester';

// Cases in plain JavaScript: they run under espree, typescript-eslint without types, and with types.
const valid: (ValidTestCase<Options> | string)[] = [
  // No backlog: Node uses 511.
  `import http from 'node:http'; http.createServer().listen(3000);`,
  `import http from 'node:http'; http.createServer().listen(3000, '0.0.0.0', () => {});`,
  // At or above the default.
  `import net from 'node:net'; net.createServer().listen(3000, '0.0.0.0', 511);`,
  `import net from 'node:net'; net.createServer().listen(3000, '0.0.0.0', 4096);`,
  `import net from 'node:net'; net.createServer().listen({ port: 3000, backlog: 1024 });`,
  // 0 and negative numbers mean "use the default" to Node.
  `import net from 'node:net'; net.createServer().listen(3000, 'localhost', 0);`,
  // The third argument is a callback, not a backlog.
  `import http from 'node:http'; const s = http.createServer(); s.listen(3000, 'localhost', onListen);`,
  // Not a backlog we can read.
  `import http from 'node:http'; const s = http.createServer(); s.listen(3000, 'localhost', backlog);`,
  `import http from 'node:http'; const s = http.createServer(); s.listen(...args, 5);`,
  // Not a Node server: express apps, unknown objects, a local `http`.
  `const app = express(); app.listen(3000, 'localhost', 5);`,
  `server.listen(3000, 'localhost', 5);`,
  `const http = { createServer() { return { listen() {} }; } }; http.createServer().listen(3000, 'localhost', 5);`,
  // A larger minimum can be lowered by option.
  {
    code: `import net from 'node:net'; net.createServer().listen(3000, 'localhost', 128);`,
    options: [{ minBacklog: 128 }],
  },
];

const invalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `import http from 'node:http'; http.createServer().listen(3000, '0.0.0.0', 5);`,
    errors: [
      {
        messageId: 'smallBacklog',
        data: { value: '5', min: '511' },
        line: 1,
        column: 75,
        endColumn: 76,
        suggestions: [
          {
            messageId: 'raiseBacklog',
            data: { min: '511' },
            output: `import http from 'node:http'; http.createServer().listen(3000, '0.0.0.0', 511);`,
          },
        ],
      },
    ],
  },
  {
    // listen(port, backlog, cb): Node takes a numeric second argument as the backlog.
    code: `const net = require('net'); const server = net.createServer(onSocket); server.listen(8080, 16, () => {});`,
    errors: [
      {
        messageId: 'smallBacklog',
        data: { value: '16', min: '511' },
        line: 1,
        column: 92,
        suggestions: [
          {
            messageId: 'raiseBacklog',
            data: { min: '511' },
            output: `const net = require('net'); const server = net.createServer(onSocket); server.listen(8080, 511, () => {});`,
          },
        ],
      },
    ],
  },
  {
    code: `import { createServer } from 'node:https'; createServer(opts, app).listen({ port: 443, backlog: 64 });`,
    errors: [
      {
        messageId: 'smallBacklog',
        data: { value: '64', min: '511' },
        column: 97,
        suggestions: [
          {
            messageId: 'raiseBacklog',
            data: { min: '511' },
            output: `import { createServer } from 'node:https'; createServer(opts, app).listen({ port: 443, backlog: 511 });`,
          },
        ],
      },
    ],
  },
  {
    // A named constant is still a literal backlog.
    code: `
const tls = require('node:tls');
const BACKLOG = 100;
const server = tls.createServer(options);
server.listen(8443, '::', BACKLOG);
`,
    errors: [
      {
        messageId: 'smallBacklog',
        data: { value: '100', min: '511' },
        line: 5,
        column: 27,
        endColumn: 34,
        suggestions: [
          {
            messageId: 'raiseBacklog',
            data: { min: '511' },
            output: `
const tls = require('node:tls');
const BACKLOG = 100;
const server = tls.createServer(options);
server.listen(8443, '::', 511);
`,
          },
        ],
      },
    ],
  },
  {
    // A server made by `new http.Server()` and listened to from another function.
    code: `
import * as http from 'http';
const server = new http.Server(handler);
export function start() {
  server.listen(80, undefined, 10);
}
`,
    errors: [{ messageId: 'smallBacklog', line: 5, column: 32, suggestions: [{ messageId: 'raiseBacklog', output: `
import * as http from 'http';
const server = new http.Server(handler);
export function start() {
  server.listen(80, undefined, 511);
}
` }] }],
  },
  {
    code: `import net from 'node:net'; net.createServer().listen(3000, 'localhost', 1000);`,
    options: [{ minBacklog: 2048 }],
    errors: [
      {
        messageId: 'smallBacklog',
        data: { value: '1000', min: '2048' },
        suggestions: [
          {
            messageId: 'raiseBacklog',
            data: { min: '2048' },
            output: `import net from 'node:net'; net.createServer().listen(3000, 'localhost', 2048);`,
          },
        ],
      },
    ],
  },
];

createRuleTester().run('no-small-listen-backlog', rule, { valid, invalid });
createEspreeRuleTester().run('no-small-listen-backlog (espree)', rule, { valid, invalid });

// With types, a server that arrives as a typed parameter is recognised too; without, it is not.
const typedOnlyCode = `
import type { Server } from 'node:http';
export function start(server: Server): void {
  server.listen(80, '0.0.0.0', 8);
}
`;
createRuleTester().run('no-small-listen-backlog (untyped: parameters are unknown)', rule, {
  valid: [typedOnlyCode],
  invalid: [],
});
createTypedRuleTester().run('no-small-listen-backlog (typed)', rule, {
  valid: [
    ...valid.filter((test) => typeof test !== 'string'),
    `import type { Server } from 'node:http'; export function start(server: Server): void { server.listen(80); }`,
    // A type that merely has a `listen` method is not a Node server.
    `interface Listener { listen(port: number, host: string, backlog: number): void } export function f(l: Listener) { l.listen(1, 'h', 2); }`,
  ],
  invalid: [
    ...invalid,
    {
      code: typedOnlyCode,
      errors: [
        {
          messageId: 'smallBacklog',
          line: 4,
          column: 32,
          suggestions: [
            {
              messageId: 'raiseBacklog',
              output: `
import type { Server } from 'node:http';
export function start(server: Server): void {
  server.listen(80, '0.0.0.0', 511);
}
`,
            },
          ],
        },
      ],
    },
  ],
});
