import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageId, Options } from '../../src/rules/require-heartbeat';
import rule from '../../src/rules/require-heartbeat';
import { createEspreeRuleTester, createRuleTester, createTypedRuleTester } from '../rule-tester';

// Cases in plain JavaScript: they run under espree, typescript-eslint without types, and with types.
const valid: (ValidTestCase<Options> | string)[] = [
  // The ws README's recipe: ping on an interval, terminate the ones that did not answer.
  `
import { WebSocketServer } from 'ws';
const wss = new WebSocketServer({ port: 8080 });
function heartbeat() { this.isAlive = true; }
wss.on('connection', function connection(ws) {
  ws.isAlive = true;
  ws.on('pong', heartbeat);
});
const interval = setInterval(function ping() {
  wss.clients.forEach(function each(ws) {
    if (ws.isAlive === false) return ws.terminate();
    ws.isAlive = false;
    ws.ping();
  });
}, 30000);
wss.on('close', function close() { clearInterval(interval); });
`,
  // An application-level deadline renewed by the peer's messages.
  `
import { WebSocketServer } from 'ws';
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => {
  let deadline;
  ws.on('message', () => {
    clearTimeout(deadline);
    deadline = setTimeout(() => ws.terminate(), 60_000);
  });
});
`,
  // An idle timeout on the underlying socket.
  `import { WebSocketServer } from 'ws'; const wss = new WebSocketServer({ port: 1 }); wss.on('connection', (ws, req) => { req.socket.setTimeout(60_000); });`,
  // The server or the connection is handed to other code, which may keep the heartbeat.
  `import { WebSocketServer } from 'ws'; export const wss = new WebSocketServer({ noServer: true }); wss.on('connection', (ws) => { ws.send('hi'); });`,
  `import { WebSocketServer } from 'ws'; import { keepAlive } from './heartbeat.js'; const wss = new WebSocketServer({ port: 1 }); keepAlive(wss); wss.on('connection', (ws) => { ws.send('hi'); });`,
  `import { WebSocketServer } from 'ws'; import { Session } from './session.js'; const wss = new WebSocketServer({ port: 1 }); wss.on('connection', (ws) => { sessions.push(new Session(ws)); });`,
  `import { WebSocketServer } from 'ws'; const wss = new WebSocketServer({ port: 1 }); wss.on('connection', onConnection);`,
  `import { WebSocketServer } from 'ws'; const wss = new WebSocketServer({ port: 1 }); wss.on('connection', ({ protocol }) => log(protocol));`,
  // Servers that arrive from elsewhere, clients, and other emitters are not judged.
  `export function attach(wss) { wss.on('connection', (ws) => { ws.send('hi'); }); }`,
  `import WebSocket from 'ws'; const ws = new WebSocket('wss://example.com'); ws.on('open', () => ws.send('hi'));`,
  `emitter.on('connection', (socket) => { socket.write('hi'); });`,
  `import http from 'node:http'; http.createServer(handler).on('connection', (socket) => { sockets.add(socket); });`,
  `import { WebSocketServer } from 'ws'; new WebSocketServer({ port: 1 });`,
  // Raw net servers: an idle timeout, TCP keep-alive, or a socket served and closed at once.
  `import net from 'node:net'; net.createServer((socket) => { socket.setTimeout(30_000, () => socket.destroy()); socket.pipe(socket); });`,
  `import net from 'node:net'; net.createServer({ keepAlive: true, keepAliveInitialDelay: 10_000 }, (socket) => { socket.pipe(upstream); });`,
  `import net from 'node:net'; net.createServer((socket) => { socket.setKeepAlive(true, 60_000); socket.pipe(socket); });`,
  `import net from 'node:net'; net.createServer((socket) => { socket.end('hello\\n'); });`,
  // Another 'connection' listener of the same server sets the timeout.
  `
import net from 'node:net';
function echo(socket) { socket.pipe(socket); }
const server = net.createServer(echo);
server.on('connection', (socket) => socket.setTimeout(10_000));
`,
  // A helper in the same file sets the timeout; a recursive helper is followed a few levels only.
  `import net from 'node:net'; function arm(socket, ms) { socket.setTimeout(ms, () => socket.destroy()); } net.createServer((socket) => { arm(socket, 5000); socket.pipe(socket); });`,
  `import net from 'node:net'; function loop(s) { loop(s); } net.createServer((socket) => { loop(socket); });`,
  // Handed to code elsewhere, or not followed.
  `import net from 'node:net'; import { handleSocket } from './protocol.js'; net.createServer((socket) => handleSocket(socket));`,
  `import net from 'node:net'; import { handler } from './protocol.js'; net.createServer(handler);`,
  `import net from 'node:net'; net.createServer(({ remoteAddress }) => log(remoteAddress));`,
  // The server leaves the file: whoever gets it may add the timeouts.
  `import net from 'node:net'; export const server = net.createServer((socket) => { socket.pipe(socket); });`,
  `const net = require('node:net'); module.exports = net.createServer((socket) => { socket.pipe(socket); });`,
  `import net from 'node:net'; export default net.createServer((socket) => { socket.pipe(socket); });`,
  // Raw servers can be left out.
  {
    code: `import net from 'node:net'; net.createServer((socket) => { socket.pipe(upstream); });`,
    options: [{ checkNetServers: false, defaultTimeoutMs: 30_000 }],
  },
];

const invalid: InvalidTestCase<MessageId, Options>[] = [
  {
    // fosrl/pangolin#3697: clients kept in a set until 'close', which never comes for a dead peer.
    code: `
import { WebSocketServer } from 'ws';
const clients = new Set();
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => {
  clients.add(ws);
  ws.on('close', () => clients.delete(ws));
});
`,
    errors: [{ messageId: 'missingHeartbeat', line: 5, column: 23, endColumn: 25 }],
  },
  {
    code: `
const WebSocket = require('ws');
const wss = new WebSocket.Server({ server });
wss.on('connection', function (socket, req) {
  socket.send('welcome ' + req.url);
});
`,
    errors: [{ messageId: 'missingHeartbeat', line: 4, column: 32, endColumn: 38 }],
  },
  {
    code: `import { WebSocketServer } from 'ws'; new WebSocketServer({ port: 1 }).on('connection', (ws) => { ws.send('x'); });`,
    errors: [{ messageId: 'missingHeartbeat', column: 90 }],
  },
  {
    // A handler without a parameter: reported on the function.
    code: `import { WebSocketServer } from 'ws'; const wss = new WebSocketServer({ port: 1 }); let open = 0; wss.once('connection', () => { open++; });`,
    errors: [{ messageId: 'missingHeartbeat', column: 122 }],
  },
  {
    // A class field server; storing the socket in a collection does not hand it on.
    code: `
import { WebSocketServer } from 'ws';
class Hub {
  wss = new WebSocketServer({ port: 1 });
  clients = new Set();
  start() {
    this.wss.on('connection', (ws) => this.clients.add(ws));
  }
}
`,
    errors: [{ messageId: 'missingHeartbeat', line: 7, column: 32 }],
  },
  {
    // Local helpers are followed: registering the socket in a map is no heartbeat.
    code: `
import { WebSocketServer } from 'ws';
const rooms = new Map();
function join(room, ws) { rooms.set(room, ws); }
const wss = new WebSocketServer({ port: 1 });
wss.on('connection', (ws, req) => { join(req.url, ws); });
`,
    errors: [{ messageId: 'missingHeartbeat', line: 6, column: 23 }],
  },
  {
    code: `import net from 'node:net'; function track(socket) { open.add(socket); } net.createServer((socket) => { track(socket); });`,
    errors: [
      {
        messageId: 'missingSocketTimeout',
        data: { name: 'socket' },
        column: 92,
        suggestions: [
          {
            messageId: 'addSocketTimeout',
            output: `import net from 'node:net'; function track(socket) { open.add(socket); } net.createServer((socket) => { socket.setTimeout(30_000, () => socket.destroy()); track(socket); });`,
          },
        ],
      },
    ],
  },
  {
    // A TCP proxy: a client that vanishes pins both sockets forever.
    code: `
import net from 'node:net';
net.createServer((client) => {
  const upstream = net.connect(5432, 'db.internal');
  client.pipe(upstream);
  upstream.pipe(client);
}).listen(6432);
`,
    errors: [
      {
        messageId: 'missingSocketTimeout',
        data: { name: 'client' },
        line: 3,
        column: 19,
        endColumn: 25,
        suggestions: [
          {
            messageId: 'addSocketTimeout',
            data: { name: 'client', ms: '30000' },
            output: `
import net from 'node:net';
net.createServer((client) => {
  client.setTimeout(30_000, () => client.destroy());
  const upstream = net.connect(5432, 'db.internal');
  client.pipe(upstream);
  upstream.pipe(client);
}).listen(6432);
`,
          },
        ],
      },
    ],
  },
  {
    code: `
const tls = require('node:tls');
const server = tls.createServer(options);
server.on('secureConnection', (socket) => {
  socket.on('data', (chunk) => socket.write(chunk));
});
`,
    errors: [
      {
        messageId: 'missingSocketTimeout',
        data: { name: 'socket' },
        line: 4,
        column: 32,
        suggestions: [
          {
            messageId: 'addSocketTimeout',
            output: `
const tls = require('node:tls');
const server = tls.createServer(options);
server.on('secureConnection', (socket) => {
  socket.setTimeout(30_000, () => socket.destroy());
  socket.on('data', (chunk) => socket.write(chunk));
});
`,
          },
        ],
      },
    ],
  },
  {
    // setTimeout(0) turns the timeout off; setKeepAlive(false) turns keep-alive off.
    code: `import net from 'node:net'; net.createServer((s) => { s.setTimeout(0); s.setKeepAlive(false); s.pipe(s); });`,
    errors: [
      {
        messageId: 'missingSocketTimeout',
        data: { name: 's' },
        column: 47,
        suggestions: [
          {
            messageId: 'addSocketTimeout',
            output: `import net from 'node:net'; net.createServer((s) => { s.setTimeout(30_000, () => s.destroy()); s.setTimeout(0); s.setKeepAlive(false); s.pipe(s); });`,
          },
        ],
      },
    ],
  },
  {
    // A named handler function in the same file; end() only in a later callback does not count.
    code: `
import net from 'node:net';
function onSocket(socket) {
  socket.on('data', () => socket.end());
}
net.createServer(onSocket);
`,
    errors: [
      {
        messageId: 'missingSocketTimeout',
        line: 3,
        column: 19,
        suggestions: [
          {
            messageId: 'addSocketTimeout',
            output: `
import net from 'node:net';
function onSocket(socket) {
  socket.setTimeout(30_000, () => socket.destroy());
  socket.on('data', () => socket.end());
}
net.createServer(onSocket);
`,
          },
        ],
      },
    ],
  },
  {
    // An expression body has no place for a statement: no suggestion.
    code: `import net from 'node:net'; net.createServer((s) => s.pipe(s));`,
    errors: [{ messageId: 'missingSocketTimeout', data: { name: 's' }, column: 47, suggestions: [] }],
  },
  {
    code: `
import net from 'node:net';
const server = new net.Server((socket) => {});
`,
    options: [{ checkNetServers: true, defaultTimeoutMs: 120_000 }],
    errors: [
      {
        messageId: 'missingSocketTimeout',
        line: 3,
        column: 32,
        suggestions: [
          {
            messageId: 'addSocketTimeout',
            data: { name: 'socket', ms: '120000' },
            output: `
import net from 'node:net';
const server = new net.Server((socket) => {
  socket.setTimeout(120_000, () => socket.destroy());
});
`,
          },
        ],
      },
    ],
  },
];

createRuleTester().run('require-heartbeat', rule, { valid, invalid });
createEspreeRuleTester().run('require-heartbeat (espree)', rule, { valid, invalid });

// TypeScript-only syntax.
const tsValid: (ValidTestCase<Options> | string)[] = [
  `import { WebSocketServer, type WebSocket } from 'ws'; const wss = new WebSocketServer({ port: 1 }); wss.on('connection', (ws: WebSocket) => { ws.on('pong', () => {}); });`,
  `import net from 'node:net'; net.createServer((socket: net.Socket): void => { socket!.setTimeout(5000); });`,
];
const tsInvalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `import { WebSocketServer } from 'ws'; const wss = new WebSocketServer({ port: 1 }) as WebSocketServer; wss.on('connection', (ws: unknown) => { console.log(typeof ws); });`,
    errors: [{ messageId: 'missingHeartbeat', column: 126 }],
  },
];
createRuleTester().run('require-heartbeat (TypeScript syntax)', rule, { valid: tsValid, invalid: tsInvalid });

// With types, a server made by a local factory is recognised; one that arrives as a parameter is still not judged.
const typedOnlyCode = `
import { WebSocketServer } from 'ws';
function createServer(port: number): WebSocketServer {
  return new WebSocketServer({ port });
}
const wss = createServer(8080);
wss.on('connection', (ws) => {
  ws.send('hello');
});
`;
createRuleTester().run('require-heartbeat (untyped: factories are unknown)', rule, { valid: [typedOnlyCode], invalid: [] });
createTypedRuleTester().run('require-heartbeat (typed)', rule, {
  valid: [
    ...valid,
    ...tsValid,
    `import type { WebSocketServer } from 'ws'; export function attach(wss: WebSocketServer) { wss.on('connection', (ws) => { ws.send('hi'); }); }`,
    `import type { Server } from 'node:net'; export function attach(server: Server) { server.on('connection', (socket) => { socket.pipe(socket); }); }`,
  ],
  invalid: [...invalid, ...tsInvalid, { code: typedOnlyCode, errors: [{ messageId: 'missingHeartbeat', line: 7, column: 23 }] }],
});
