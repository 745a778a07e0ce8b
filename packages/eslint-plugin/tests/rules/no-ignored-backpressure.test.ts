import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageId, Options } from '../../src/rules/no-ignored-backpressure';
import rule from '../../src/rules/no-ignored-backpressure';
import { createEspreeRuleTester, createRuleTester, createTypedRuleTester } from '../rule-tester';

const LOOP = 'in a loop';
const DATA = "in a `'data'` listener";

// Plain JavaScript: run under espree, typescript-eslint without types, and with types.
const valid: (ValidTestCase<Options> | string)[] = [
  // A single write outside any loop.
  `import http from 'node:http'; http.createServer((req, res) => { res.write('hello'); res.end(); });`,
  // Writes that wait for 'drain' when the buffer is full.
  `import { once } from 'node:events'; import fs from 'node:fs';
   export async function save(rows) { const out = fs.createWriteStream('x'); for (const r of rows) { if (!out.write(r)) await once(out, 'drain'); } out.end(); }`,
  `import fs from 'node:fs';
   export async function save(rows) { const out = fs.createWriteStream('x'); for (const r of rows) { if (out.writableNeedDrain) await new Promise((r2) => out.once('drain', r2)); out.write(r); } }`,
  // The result is used: assigned, tested, or the loop's condition.
  `import fs from 'node:fs'; export function save(rows) { const out = fs.createWriteStream('x'); for (const r of rows) { const ok = out.write(r); if (!ok) break; } }`,
  `import fs from 'node:fs'; export function save(rows) { const out = fs.createWriteStream('x'); let i = 0; while (i < rows.length && out.write(rows[i])) i++; }`,
  // A 'data' listener that pauses its source, with 'drain' resuming it.
  `import net from 'node:net';
   net.createServer((socket) => {
     const upstream = net.connect(9000);
     upstream.on('data', (chunk) => { if (!socket.write(chunk)) upstream.pause(); });
     socket.on('drain', () => upstream.resume());
   });`,
  // A 'drain' handler in the function shows the code manages the buffer itself.
  `import fs from 'node:fs'; export function save(rows, resume) { const out = fs.createWriteStream('x'); out.on('drain', resume); for (const r of rows) out.write(r); }`,
  // The process's own stdout and stderr are not checked by default (nor in any preset): to a file or a
  // terminal the writes are synchronous, to a pipe they are what console.log does. Reached any way.
  `for (const line of lines) process.stdout.write(line + '\\n');`,
  `const { stderr } = process; for (const line of lines) stderr.write(line);`,
  `for (const line of lines) globalThis.process.stderr.write(line);`,
  `const out = process.stdout; export async function print(lines) { for await (const line of lines) out.write(line); }`,
  `import process from 'node:process'; for (const line of lines) process.stdout.write(line);`,
  `import { stdout, stderr as err } from 'node:process'; for (const line of lines) { stdout.write(line); err.write(line); }`,
  `const { stderr } = require('process'); for (const line of lines) stderr.write(line);`,
  `const stdout = require('node:process').stdout; export async function print(lines) { for (const line of lines) stdout.write(line); }`,
  // pm2 7.0.4 lib/API/Log.js (found by the sweep): \`pm2 logs\` prints each line of a log packet from the bus.
  `export function stream(bus, raw) {
  bus.on('log:*', function (type, packet) {
    packet.data.split('\\n').forEach(function (line) {
      if (raw) return type === 'err' ? process.stderr.write(line + '\\n') : process.stdout.write(line + '\\n');
      process.stdout.write(packet.process.name + ' | ');
      process.stdout.write(line + '\\n');
    });
  });
}`,
  // pm2 7.0.4 lib/binaries/DevCLI.js (found by the sweep): a post-exec command's output relayed to the CLI's own stdio.
  `const { exec } = require('child_process');
function postExecCmd(command) {
  const child = exec(command);
  child.stdout.on('data', function (data) { process.stdout.write(data); });
  child.stderr.on('data', (data) => process.stderr.write(data));
}`,
  // Objects that are not known writables: a logger, an untyped parameter, a local class.
  `for (const line of lines) logger.write(line);`,
  `export async function send(res, rows) { for (const r of rows) res.write(r); }`,
  `class Writable { write() {} } const w = new Writable(); for (const x of xs) w.write(x);`,
  // A 'once' listener runs a single time; an interval callback is not a loop.
  `import net from 'node:net'; net.createServer((socket) => { upstream.once('data', (chunk) => socket.write(chunk)); });`,
  `import http from 'node:http'; http.createServer((req, res) => { setInterval(() => { res.write(': ping\\n\\n'); }, 15000); });`,
  // A callback made in a loop runs later, once.
  `import http from 'node:http'; http.createServer((req, res) => { for (const r of rows) handlers.push(() => res.write(r)); });`,
  // Each write awaited through its callback is paced by the stream.
  `import fs from 'node:fs'; export async function save(rows) { const out = fs.createWriteStream('x'); for (const r of rows) await new Promise((done) => out.write(r, done)); }`,
  // map collects the results.
  `import fs from 'node:fs'; const out = fs.createWriteStream('x'); export const results = lines.map((line) => out.write(line));`,
  // push() that stops when the buffer is full, push() on arrays, push() in a Transform.
  `import { Readable } from 'node:stream';
   export class Source extends Readable { _read() { let chunk; while ((chunk = this.src.read()) !== null) { if (!this.push(chunk)) break; } } }`,
  // A loop that counts down the _read(size) hint is bounded by it (readdirp, bundled in rollup).
  `import { Readable } from 'node:stream';
   export class Walker extends Readable { async _read(batch) { while (batch > 0 && this.entries.length) { this.push(this.entries.pop()); batch--; } } }`,
  `import { Readable } from 'node:stream';
   export class Walker extends Readable { async _read(batch) { while (batch > 0) { for (const entry of await this.next(batch)) { this.push(entry); batch--; } } } }`,
  `export function collect(xs) { const out = []; for (const x of xs) out.push(x); return out; }`,
  `class Stack { _read() { for (const x of this.xs) this.push(x); } push() {} }`,
  `import { Transform } from 'node:stream';
   export class Split extends Transform { _transform(chunk, enc, cb) { for (const line of String(chunk).split('\\n')) this.push(line); cb(); } }`,
  // Odd but valid syntax must not throw.
  `for (const x of xs) { this.out.write(x); out?.write?.(x); out['write'](x); out[method](x); }`,
  `const write = (s) => s.write('x'); for (const { w, ...rest } of pairs) write(w, rest);`,
  // superagent 10.4.2 lib/node/index.js (found by the sweep): a stream made here and filled from a buffer in memory before anyone reads it.
  `import Stream from 'node:stream';
export function bufferToChunks(buffer) {
  const chunking = new Stream.Readable();
  for (let i = 0; i < buffer.length; i += 16384) chunking.push(buffer.slice(i, i + 16384));
  chunking.push(null);
  return chunking;
}`,
  // telegraf 4.16.3 src/core/network/multipart-stream.ts (found by the sweep): header lines written to a PassThrough made here, before anyone reads it.
  `import * as stream from 'node:stream';
export function addPart(part, add) {
  const partStream = new stream.PassThrough();
  for (const [key, header] of Object.entries(part.headers)) partStream.write(key + ':' + header + '\\r\\n');
  partStream.end(part.body);
  add(partStream);
}`,
  // bullmq 6.7.0 dist/esm/classes/bun-redis-client.js (found by the sweep): the loop scans until it has keys,
  // pushes them once and returns; `push(null)` ends the stream and adds no data.
  `import { Readable } from 'node:stream';
export function scanStream(adapter) {
  let cursor = '0';
  const readable = new Readable({ objectMode: true, read() {} });
  readable._read = async () => {
    while (true) {
      const [next, keys] = await adapter.scan(cursor);
      cursor = next;
      if (keys.length > 0) {
        readable.push(keys);
        if (cursor === '0') readable.push(null);
        return;
      }
      if (cursor === '0') { readable.push(null); return; }
    }
  };
  return readable;
}`,
];

const suggested = (output: string) => [{ messageId: 'awaitDrain' as const, output }];

const invalid: InvalidTestCase<MessageId, Options>[] = [
  {
    // vercel/ai#9475: a streamed response written in a tight loop, ignoring write()'s result.
    code: `
import http from 'node:http';
http.createServer(async (req, res) => {
  for await (const chunk of render(req.url)) {
    res.write(chunk);
  }
  res.end();
});
`,
    errors: [
      {
        messageId: 'ignoredWrite',
        data: { name: 'res', where: LOOP },
        line: 5,
        column: 5,
        endLine: 5,
        endColumn: 21,
        suggestions: suggested(`
import http from 'node:http';
import { once } from 'node:events';
http.createServer(async (req, res) => {
  for await (const chunk of render(req.url)) {
    if (!res.write(chunk)) await once(res, 'drain');
  }
  res.end();
});
`),
      },
    ],
  },
  {
    // CommonJS: the suggestion requires events.once after the last require.
    code: `
const net = require('net');
const socket = net.connect(9000);
async function send(lines) {
  for (const line of lines) socket.write(line + '\\n');
}
`,
    errors: [
      {
        messageId: 'ignoredWrite',
        data: { name: 'socket', where: LOOP },
        line: 5,
        column: 29,
        endColumn: 54,
        suggestions: suggested(`
const net = require('net');
const { once } = require('node:events');
const socket = net.connect(9000);
async function send(lines) {
  for (const line of lines) if (!socket.write(line + '\\n')) await once(socket, 'drain');
}
`),
      },
    ],
  },
  {
    // events.once already imported: used as it is.
    code: `
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
export async function dump(rows) {
  const out = createWriteStream('rows.ndjson');
  for (const row of rows) {
    out.write(JSON.stringify(row));
  }
}
`,
    errors: [
      {
        messageId: 'ignoredWrite',
        data: { name: 'out', where: LOOP },
        line: 7,
        column: 5,
        endColumn: 35,
        suggestions: suggested(`
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
export async function dump(rows) {
  const out = createWriteStream('rows.ndjson');
  for (const row of rows) {
    if (!out.write(JSON.stringify(row))) await once(out, 'drain');
  }
}
`),
      },
    ],
  },
  {
    // The name `once` is taken: the suggestion waits with a promise instead.
    code: `
import { createWriteStream } from 'node:fs';
const once = (fn) => fn;
export async function dump(rows) {
  const out = createWriteStream('rows.ndjson');
  for (const row of rows) {
    out.write(JSON.stringify(row));
  }
}
`,
    errors: [
      {
        messageId: 'ignoredWrite',
        data: { name: 'out', where: LOOP },
        line: 7,
        column: 5,
        suggestions: suggested(`
import { createWriteStream } from 'node:fs';
const once = (fn) => fn;
export async function dump(rows) {
  const out = createWriteStream('rows.ndjson');
  for (const row of rows) {
    if (!out.write(JSON.stringify(row))) await new Promise((resolve) => out.once('drain', resolve));
  }
}
`),
      },
    ],
  },
  {
    // A proxy that copies chunks from a 'data' listener: no suggestion (pause the source or use pipeline()).
    code: `
import net from 'node:net';
net.createServer((socket) => {
  upstream.on('data', (chunk) => socket.write(chunk));
});
`,
    errors: [{ messageId: 'ignoredWrite', data: { name: 'socket', where: DATA }, line: 4, column: 34, endColumn: 53, suggestions: [] }],
  },
  {
    code: `
import net from 'node:net';
net.createServer((socket) => {
  const upstream = net.connect(9000);
  upstream.on('data', (chunk) => {
    socket.write(chunk);
  });
});
`,
    errors: [{ messageId: 'ignoredWrite', data: { name: 'socket', where: DATA }, line: 6, column: 5, endColumn: 24, suggestions: [] }],
  },
  {
    code: `
import { createWriteStream } from 'node:fs';
const out = createWriteStream('out.txt');
lines.forEach((line) => out.write(line));
`,
    errors: [{ messageId: 'ignoredWrite', data: { name: 'out', where: 'for each element of an array' }, line: 4, column: 25, endColumn: 40 }],
  },
  {
    // A synchronous function cannot await 'drain': reported without a suggestion.
    code: `
import fs from 'node:fs';
export function save(rows) {
  const out = fs.createWriteStream('rows.csv');
  for (let i = 0; i < rows.length; i++) out.write(rows[i].join(','));
}
`,
    errors: [{ messageId: 'ignoredWrite', data: { name: 'out', where: LOOP }, line: 5, column: 41, endColumn: 69, suggestions: [] }],
  },
  {
    code: `
import fs from 'node:fs';
export async function save(rows) {
  const out = fs.createWriteStream('rows.csv');
  for (const row of rows) void out.write(row);
}
`,
    errors: [{ messageId: 'ignoredWrite', data: { name: 'out', where: LOOP }, line: 5, column: 32, endColumn: 46, suggestions: [] }],
  },
  {
    // An upload through a ClientRequest.
    code: `
import https from 'node:https';
export async function upload(url, parts) {
  const req = https.request(url, { method: 'PUT' });
  for (const part of parts) {
    req.write(part);
  }
  req.end();
}
`,
    errors: [
      {
        messageId: 'ignoredWrite',
        data: { name: 'req', where: LOOP },
        line: 6,
        column: 5,
        endColumn: 20,
        suggestions: suggested(`
import https from 'node:https';
import { once } from 'node:events';
export async function upload(url, parts) {
  const req = https.request(url, { method: 'PUT' });
  for (const part of parts) {
    if (!req.write(part)) await once(req, 'drain');
  }
  req.end();
}
`),
      },
    ],
  },
  {
    // A field of a class, written from an async method.
    code: `
import fs from 'node:fs';
class Exporter {
  out = fs.createWriteStream('export.ndjson');
  async export(rows) {
    for (const row of rows) {
      this.out.write(JSON.stringify(row) + '\\n');
    }
  }
}
`,
    errors: [
      {
        messageId: 'ignoredWrite',
        data: { name: 'this.out', where: LOOP },
        line: 7,
        column: 7,
        endColumn: 49,
        suggestions: suggested(`
import fs from 'node:fs';
import { once } from 'node:events';
class Exporter {
  out = fs.createWriteStream('export.ndjson');
  async export(rows) {
    for (const row of rows) {
      if (!this.out.write(JSON.stringify(row) + '\\n')) await once(this.out, 'drain');
    }
  }
}
`),
      },
    ],
  },
  {
    // The branch of an `if` with an `else` cannot take an inner `if`: no suggestion.
    code: `
import fs from 'node:fs';
export async function save(rows) {
  const out = fs.createWriteStream('rows.csv');
  for (const row of rows) if (row) out.write(row); else skipped++;
}
`,
    errors: [{ messageId: 'ignoredWrite', data: { name: 'out', where: LOOP }, line: 5, column: 36, endColumn: 50, suggestions: [] }],
  },
  {
    // An optional call may not write at all: no suggestion.
    code: `
import fs from 'node:fs';
export async function save(rows) {
  const out = fs.createWriteStream('rows.csv');
  for (const row of rows) {
    out?.write(row);
  }
}
`,
    errors: [{ messageId: 'ignoredWrite', data: { name: 'out', where: LOOP }, line: 6, column: 5, endColumn: 20, suggestions: [] }],
  },
  {
    // 'use strict' and a require: the suggestion goes after the require.
    code: `
'use strict';
const http = require('node:http');
http.createServer(async (req, res) => {
  let i = 0;
  while (i < 10) {
    res.write(String(i++));
  }
});
`,
    errors: [
      {
        messageId: 'ignoredWrite',
        data: { name: 'res', where: LOOP },
        line: 7,
        column: 5,
        suggestions: suggested(`
'use strict';
const http = require('node:http');
const { once } = require('node:events');
http.createServer(async (req, res) => {
  let i = 0;
  while (i < 10) {
    if (!res.write(String(i++))) await once(res, 'drain');
  }
});
`),
      },
    ],
  },
  {
    options: [{ checkProcessStdio: true }],
    code: `for (const line of lines) process.stdout.write(line + '\\n');`,
    errors: [{ messageId: 'ignoredWrite', data: { name: 'process.stdout', where: LOOP }, line: 1, column: 27, endColumn: 60, suggestions: [] }],
  },
  {
    // The opt-in sees stdio through node:process as well.
    options: [{ checkProcessStdio: true }],
    code: `import { stdout } from 'node:process'; for (const line of lines) stdout.write(line);`,
    errors: [{ messageId: 'ignoredWrite', data: { name: 'stdout', where: LOOP }, line: 1, column: 66, endColumn: 84, suggestions: [] }],
  },
  {
    options: [{ checkProcessStdio: true }],
    code: `const { stderr } = require('node:process'); child.stderr.on('data', (chunk) => stderr.write(chunk));`,
    errors: [{ messageId: 'ignoredWrite', data: { name: 'stderr', where: DATA }, line: 1, column: 80, endColumn: 99, suggestions: [] }],
  },
  {
    // A file stream named \`stdout\` is not the process's stdout.
    code: `
import { createWriteStream } from 'node:fs';
const stdout = createWriteStream('out.log');
export function save(lines) {
  for (const line of lines) stdout.write(line);
}
`,
    errors: [{ messageId: 'ignoredWrite', data: { name: 'stdout', where: LOOP }, line: 5, column: 29, endColumn: 47, suggestions: [] }],
  },
  {
    code: `
import { Readable } from 'node:stream';
export class ListStream extends Readable {
  _read() {
    for (const item of this.items) this.push(item);
    this.push(null);
  }
}
`,
    errors: [{ messageId: 'ignoredPush', data: { where: 'in a loop in `_read()`' }, line: 5, column: 36, endColumn: 51 }],
  },
  {
    code: `
const { Readable } = require('node:stream');
const source = new Readable({
  read() {
    while (hasMore()) this.push(next());
  },
});
`,
    errors: [{ messageId: 'ignoredPush', data: { where: 'in a loop in `_read()`' }, line: 5, column: 23, endColumn: 40 }],
  },
  {
    code: `
import { PassThrough } from 'node:stream';
const relay = new PassThrough();
upstream.on('data', (chunk) => { relay.push(chunk); });
`,
    errors: [{ messageId: 'ignoredPush', data: { where: DATA }, line: 4, column: 34, endColumn: 51 }],
  },
  {
    // A stream made here but fed by an async producer: the pushes wait on I/O, the reader may be slower.
    code: `
import { Readable } from 'node:stream';
export async function relay(source) {
  const out = new Readable({ read() {} });
  for (const url of source) out.push(await download(url));
  return out;
}
`,
    errors: [{ messageId: 'ignoredPush', data: { where: 'in a loop' }, line: 5, column: 29, endColumn: 58 }],
  },
];

// TypeScript-only syntax.
const tsValid: (ValidTestCase<Options> | string)[] = [
  `import fs from 'node:fs'; export function save(rows: string[]): boolean { const out = fs.createWriteStream('x'); let ok = true; for (const r of rows) ok = out.write(r) as boolean; return ok; }`,
];
const tsInvalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `import fs from 'node:fs'; export async function save(rows: string[]): Promise<void> { const out = fs.createWriteStream('x')!; for (const r of rows) (out as fs.WriteStream).write(r); }`,
    errors: [{ messageId: 'ignoredWrite', data: { name: '(out as fs.WriteStream)', where: LOOP }, line: 1, column: 149, endColumn: 181, suggestions: [] }],
  },
];

createRuleTester().run('no-ignored-backpressure', rule, { valid: [...valid, ...tsValid], invalid: [...invalid, ...tsInvalid] });
createEspreeRuleTester().run('no-ignored-backpressure (espree)', rule, { valid, invalid });

// A response that arrives as a typed parameter is known only with types.
const typedOnlyCode = `
import type { ServerResponse } from 'node:http';
export async function send(res: ServerResponse, rows: string[]): Promise<void> {
  for (const row of rows) {
    res.write(row);
  }
  res.end();
}
`;
createRuleTester().run('no-ignored-backpressure (untyped: parameters are unknown)', rule, { valid: [typedOnlyCode], invalid: [] });
createTypedRuleTester().run('no-ignored-backpressure (typed)', rule, {
  valid: [...valid, ...tsValid, `import type { Writable } from 'node:stream'; export async function f(w: Writable, xs: string[]) { for (const x of xs) { if (!w.write(x)) await new Promise((r) => w.once('drain', r)); } }`],
  invalid: [
    ...invalid,
    ...tsInvalid,
    {
      code: typedOnlyCode,
      errors: [
        {
          messageId: 'ignoredWrite',
          data: { name: 'res', where: LOOP },
          line: 5,
          column: 5,
          endColumn: 19,
          suggestions: suggested(`
import type { ServerResponse } from 'node:http';
import { once } from 'node:events';
export async function send(res: ServerResponse, rows: string[]): Promise<void> {
  for (const row of rows) {
    if (!res.write(row)) await once(res, 'drain');
  }
  res.end();
}
`),
        },
      ],
    },
  ],
});
