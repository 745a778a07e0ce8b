import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageId, Options } from '../../src/rules/prefer-end-over-destroy';
import rule from '../../src/rules/prefer-end-over-destroy';
import { createEspreeRuleTester, createRuleTester, createTypedRuleTester } from '../rule-tester';

// Cases in plain JavaScript: they run under espree, typescript-eslint without types, and with types.
const valid: (ValidTestCase<Options> | string)[] = [
  // The fix itself: end() flushes, then closes.
  `import net from 'node:net'; const s = net.connect(80); s.end('QUIT');`,
  `import net from 'node:net'; const s = net.connect(80); s.write('a'); s.end();`,
  // An end() between them: stop looking (the rule does not judge end-then-destroy).
  `import net from 'node:net'; const s = net.connect(80); s.write('a'); s.end(); s.destroy();`,
  // destroy(err) is how errors close a connection.
  `import net from 'node:net'; const s = net.connect(80); s.write('a'); s.destroy(new Error('protocol error'));`,
  `import net from 'node:net'; const s = net.connect(80); s.write('a'); s.destroy(...reasons);`,
  // Destroyed once the write has been flushed.
  `import net from 'node:net'; const s = net.connect(80); s.write('a', () => s.destroy());`,
  // A branch in between could skip the destroy; the rule only follows straight-line code.
  `import net from 'node:net'; export function f(s = net.connect(80), done) { const c = net.connect(80); c.write('a'); if (done) return; c.destroy(); }`,
  `import net from 'node:net'; const s = net.connect(80); s.write('a'); for (const x of xs) log(x); s.destroy();`,
  // The destroy is not on the write's straight-line path.
  `import net from 'node:net'; const s = net.connect(80); s.write('a'); if (closing) s.destroy();`,
  `import net from 'node:net'; const s = net.connect(80); { s.write('a'); } s.destroy();`,
  `import net from 'node:net'; const s = net.connect(80); s.write('a'); s.on('drain', () => { s.destroy(); });`,
  // Something else happens to the socket in between (a drain wait, a re-assignment).
  `import net from 'node:net'; import { once } from 'node:events'; const s = net.connect(80); s.write('a'); await once(s, 'drain'); s.destroy();`,
  `import net from 'node:net'; let s = net.connect(80); s.write('a'); s = net.connect(81); s.destroy();`,
  // Different connections.
  `import net from 'node:net'; const a = net.connect(80); const b = net.connect(81); a.write('x'); b.destroy();`,
  // A client request: destroy() aborts it, which is what it means.
  `import http from 'node:http'; const req = http.request('http://example.com'); req.write(body); req.destroy();`,
  // Not a connection: unknown values, a local object with the same method names.
  `stream.write('x'); stream.destroy();`,
  `const conn = { write() {}, destroy() {} }; conn.write('x'); conn.destroy();`,
  `function f(socket) { socket.write('x'); socket.destroy(); }`,
  // Dynamic member names.
  `import net from 'node:net'; const s = net.connect(80); s[method]('a'); s.destroy();`,
  // The request of an upgrade is not the socket.
  `import http from 'node:http'; http.createServer().on('upgrade', (req, socket) => { req.write?.('x'); req.destroy(); });`,
  // A response finished with end().
  `import http from 'node:http'; http.createServer((req, res) => { res.write('a'); res.end('b'); });`,
];

const invalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `
import net from 'node:net';
const socket = net.connect(6379, 'cache.internal');
socket.write('QUIT');
socket.destroy();
`,
    errors: [
      {
        messageId: 'destroyAfterWrite',
        data: { name: 'socket' },
        line: 5,
        column: 1,
        endColumn: 17,
        suggestions: [
          {
            messageId: 'endWithData',
            data: { name: 'socket' },
            output: `
import net from 'node:net';
const socket = net.connect(6379, 'cache.internal');
socket.end('QUIT');
`,
          },
        ],
      },
    ],
  },
  {
    // An HTTP response written and then torn down: the client may see a reset instead of the body.
    code: `
const http = require('node:http');
http.createServer((req, res) => {
  res.write(page);
  res.destroy();
});
`,
    errors: [
      {
        messageId: 'destroyAfterWrite',
        data: { name: 'res' },
        line: 5,
        column: 3,
        endColumn: 16,
        suggestions: [
          {
            messageId: 'endWithData',
            data: { name: 'res' },
            output: `
const http = require('node:http');
http.createServer((req, res) => {
  res.end(page);
});
`,
          },
        ],
      },
    ],
  },
  {
    // A net server's socket, with straight-line code in between: the suggestion only swaps destroy for end.
    code: `
import { createServer } from 'node:net';
createServer((conn) => {
  conn.write(banner);
  const closedAt = Date.now();
  log(closedAt);
  conn.destroy();
});
`,
    errors: [
      {
        messageId: 'destroyAfterWrite',
        data: { name: 'conn' },
        line: 7,
        column: 3,
        suggestions: [
          {
            messageId: 'replaceWithEnd',
            data: { name: 'conn' },
            output: `
import { createServer } from 'node:net';
createServer((conn) => {
  conn.write(banner);
  const closedAt = Date.now();
  log(closedAt);
  conn.end();
});
`,
          },
        ],
      },
    ],
  },
  {
    // Several writes: the last one becomes end().
    code: `import net from 'node:net'; const s = net.connect(80); s.write(head); s.write(tail); s.destroy();`,
    errors: [
      {
        messageId: 'destroyAfterWrite',
        line: 1,
        column: 86,
        endColumn: 97,
        suggestions: [
          { messageId: 'endWithData', output: `import net from 'node:net'; const s = net.connect(80); s.write(head); s.end(tail);` },
        ],
      },
    ],
  },
  {
    // write(x, cb): the callback means "flushed", end's means "finished"; keep the write.
    code: `import net from 'node:net'; const s = net.connect(80); s.write(x, onFlushed); s.destroy();`,
    errors: [
      {
        messageId: 'destroyAfterWrite',
        column: 79,
        suggestions: [
          { messageId: 'replaceWithEnd', output: `import net from 'node:net'; const s = net.connect(80); s.write(x, onFlushed); s.end();` },
        ],
      },
    ],
  },
  {
    code: `import net from 'node:net'; const s = net.connect(80); s.write(text, 'latin1'); s.destroy();`,
    errors: [
      {
        messageId: 'destroyAfterWrite',
        suggestions: [{ messageId: 'endWithData', output: `import net from 'node:net'; const s = net.connect(80); s.end(text, 'latin1');` }],
      },
    ],
  },
  {
    // Optional chaining and computed names are the same calls.
    code: `import net from 'node:net'; const s = net.connect(80); s?.write(x); s?.destroy();`,
    errors: [
      {
        messageId: 'destroyAfterWrite',
        column: 69,
        endColumn: 81,
        suggestions: [{ messageId: 'endWithData', output: `import net from 'node:net'; const s = net.connect(80); s?.end(x);` }],
      },
    ],
  },
  {
    code: `import net from 'node:net'; const s = net.connect(80); s['write'](x); s['destroy']();`,
    errors: [
      {
        messageId: 'destroyAfterWrite',
        suggestions: [{ messageId: 'endWithData', output: `import net from 'node:net'; const s = net.connect(80); s['end'](x);` }],
      },
    ],
  },
  {
    // A class field holding the socket.
    code: `
import net from 'node:net';
class Connection {
  socket = net.connect(80);
  quit(message) {
    this.socket.write(message);
    this.socket.destroy();
  }
}
`,
    errors: [
      {
        messageId: 'destroyAfterWrite',
        data: { name: 'this.socket' },
        line: 7,
        column: 5,
        suggestions: [
          {
            messageId: 'endWithData',
            data: { name: 'this.socket' },
            output: `
import net from 'node:net';
class Connection {
  socket = net.connect(80);
  quit(message) {
    this.socket.end(message);
  }
}
`,
          },
        ],
      },
    ],
  },
  {
    // Inside a switch case.
    code: `
import tls from 'node:tls';
const s = tls.connect(443, 'example.com');
switch (command) {
  case 'quit':
    s.write('BYE');
    s.destroy();
    break;
}
`,
    errors: [
      {
        messageId: 'destroyAfterWrite',
        line: 7,
        column: 5,
        suggestions: [
          {
            messageId: 'endWithData',
            output: `
import tls from 'node:tls';
const s = tls.connect(443, 'example.com');
switch (command) {
  case 'quit':
    s.end('BYE');
    break;
}
`,
          },
        ],
      },
    ],
  },
  {
    // A comment between the two would be lost by merging them: only swap the method.
    code: `
import net from 'node:net';
const s = net.connect(80);
s.write(x);
// and hang up
s.destroy();
`,
    errors: [
      {
        messageId: 'destroyAfterWrite',
        line: 6,
        suggestions: [
          {
            messageId: 'replaceWithEnd',
            output: `
import net from 'node:net';
const s = net.connect(80);
s.write(x);
// and hang up
s.end();
`,
          },
        ],
      },
    ],
  },
  {
    // A duplex stream from node:stream.
    code: `import { PassThrough } from 'node:stream'; const d = new PassThrough(); d.write(chunk); d.destroy();`,
    errors: [
      {
        messageId: 'destroyAfterWrite',
        data: { name: 'd' },
        suggestions: [{ messageId: 'endWithData', output: `import { PassThrough } from 'node:stream'; const d = new PassThrough(); d.end(chunk);` }],
      },
    ],
  },
  {
    // The connection handed to a net server's 'connection' listener.
    code: `
const net = require('net');
const server = net.createServer();
server.on('connection', (socket) => {
  socket.write(greeting);
  socket.destroy();
});
`,
    errors: [
      {
        messageId: 'destroyAfterWrite',
        line: 6,
        column: 3,
        suggestions: [
          {
            messageId: 'endWithData',
            output: `
const net = require('net');
const server = net.createServer();
server.on('connection', (socket) => {
  socket.end(greeting);
});
`,
          },
        ],
      },
    ],
  },
  {
    // Rejecting an HTTP upgrade (the ws README's authentication example does this); ws's own
    // abortHandshake uses end() and destroys on 'finish'.
    code: `
import { createServer } from 'node:http';
const server = createServer();
server.on('upgrade', (request, socket, head) => {
  if (!authenticate(request)) {
    socket.write('HTTP/1.1 401 Unauthorized' + CRLF + CRLF);
    socket.destroy();
    return;
  }
  accept(request, socket, head);
});
`,
    errors: [
      {
        messageId: 'destroyAfterWrite',
        data: { name: 'socket' },
        line: 7,
        column: 5,
        suggestions: [
          {
            messageId: 'endWithData',
            output: `
import { createServer } from 'node:http';
const server = createServer();
server.on('upgrade', (request, socket, head) => {
  if (!authenticate(request)) {
    socket.end('HTTP/1.1 401 Unauthorized' + CRLF + CRLF);
    return;
  }
  accept(request, socket, head);
});
`,
          },
        ],
      },
    ],
  },
];

createRuleTester().run('prefer-end-over-destroy', rule, { valid, invalid });
createEspreeRuleTester().run('prefer-end-over-destroy (espree)', rule, { valid, invalid });

// TypeScript-only syntax: wrappers around the receiver are the same socket.
const tsValid: (ValidTestCase<Options> | string)[] = [
  `import net from 'node:net'; const s = net.connect(80); (s as net.Socket).write('a'); s!.end();`,
  `import net from 'node:net'; const s = net.connect(80); s.write('a'); (s satisfies net.Socket).destroy(err as Error);`,
  `declare const conn: { write(x: string): void; destroy(): void }; conn.write('a'); conn.destroy();`,
];
const tsInvalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `import net from 'node:net'; const s = net.connect(80); (s as net.Socket).write('a'); s!.destroy();`,
    errors: [
      {
        messageId: 'destroyAfterWrite',
        data: { name: 's!' },
        column: 86,
        suggestions: [{ messageId: 'endWithData', data: { name: 's!' }, output: `import net from 'node:net'; const s = net.connect(80); (s as net.Socket).end('a');` }],
      },
    ],
  },
];
createRuleTester().run('prefer-end-over-destroy (TypeScript syntax)', rule, { valid: tsValid, invalid: tsInvalid });

// With types, a socket or response that arrives as a typed parameter is recognised too.
const typedOnlyCode = `
import type { Socket } from 'node:net';
export function reject(socket: Socket, reason: string): void {
  socket.write(reason);
  socket.destroy();
}
`;
const typedOnlyResponse = `
import type { ServerResponse } from 'node:http';
export function abort(res: ServerResponse): void {
  res.write('partial');
  res.destroy();
}
`;
createRuleTester().run('prefer-end-over-destroy (untyped: parameters are unknown)', rule, {
  valid: [typedOnlyCode, typedOnlyResponse],
  invalid: [],
});
createTypedRuleTester().run('prefer-end-over-destroy (typed)', rule, {
  valid: [
    ...valid,
    ...tsValid,
    // A type that merely has write/destroy methods is not a connection.
    `interface Sink { write(x: string): void; destroy(): void } export function f(sink: Sink) { sink.write('x'); sink.destroy(); }`,
    `import type { ClientRequest } from 'node:http'; export function f(req: ClientRequest) { req.write('x'); req.destroy(); }`,
  ],
  invalid: [
    ...invalid,
    ...tsInvalid,
    {
      code: typedOnlyCode,
      errors: [
        {
          messageId: 'destroyAfterWrite',
          data: { name: 'socket' },
          line: 5,
          column: 3,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'endWithData',
              output: `
import type { Socket } from 'node:net';
export function reject(socket: Socket, reason: string): void {
  socket.end(reason);
}
`,
            },
          ],
        },
      ],
    },
    {
      code: typedOnlyResponse,
      errors: [
        {
          messageId: 'destroyAfterWrite',
          data: { name: 'res' },
          line: 5,
          suggestions: [
            {
              messageId: 'endWithData',
              output: `
import type { ServerResponse } from 'node:http';
export function abort(res: ServerResponse): void {
  res.end('partial');
}
`,
            },
          ],
        },
      ],
    },
  ],
});
