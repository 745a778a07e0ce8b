import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageId, Options } from '../../src/rules/no-unbounded-body-accumulation';
import rule from '../../src/rules/no-unbounded-body-accumulation';
import { createEspreeRuleTester, createRuleTester, createTypedRuleTester } from '../rule-tester';

const STRICT: Options = [{ maxBodyBytes: 1024 * 1024, checkBodyReadMethods: true }];
const limit = (output: string, max = '1048576') => [{ messageId: 'limitBody' as const, data: { max }, output }];

// Plain JavaScript: run under espree, typescript-eslint without types, and with types.
const valid: (ValidTestCase<Options> | string)[] = [
  // A byte counter checked on every chunk.
  `import http from 'node:http';
   http.createServer((req, res) => {
     let size = 0; const chunks = [];
     req.on('data', (chunk) => { size += chunk.length; if (size > 1e6) { res.statusCode = 413; res.end(); req.destroy(); return; } chunks.push(chunk); });
   });`,
  // The classic answer: check the accumulated length and drop the connection.
  `const http = require('http');
   http.createServer((req, res) => { let body = ''; req.on('data', (data) => { body += data; if (body.length > 1e6) req.socket.destroy(); }); });`,
  `import http from 'node:http';
   http.createServer((req) => { let size = 0; const parts = []; req.on('data', (c) => { size += Buffer.byteLength(c); if (size >= MAX_BODY) throw new Error('too large'); parts.push(c); }); });`,
  `import { createServer } from 'node:http';
   createServer(async (req, res) => { const chunks = []; let n = 0; for await (const chunk of req) { n += chunk.length; if (n > LIMIT) throw new Error('413'); chunks.push(chunk); } });`,
  // Counting without keeping, and handing each chunk on.
  `import http from 'node:http'; http.createServer((req) => { let n = 0; req.on('data', (c) => { n += c.length; }); });`,
  `import http from 'node:http'; import crypto from 'node:crypto'; http.createServer((req) => { const hash = crypto.createHash('sha256'); req.on('data', (c) => hash.update(c)); });`,
  `import http from 'node:http'; import fs from 'node:fs'; http.createServer((req) => { req.pipe(fs.createWriteStream('/tmp/upload')); });`,
  `import http from 'node:http'; import { pipeline } from 'node:stream/promises'; http.createServer(async (req) => { await pipeline(req, sink()); });`,
  `import { createServer } from 'node:http'; createServer(async (req) => { for await (const chunk of req) await store.append(chunk); });`,
  // A collection that lives inside one chunk's handler.
  `import http from 'node:http'; http.createServer((req) => { req.on('data', (c) => { const lines = []; lines.push(c); handle(lines); }); });`,
  `import http from 'node:http'; http.createServer((req) => { req.on('data', (c) => { last = c; }); });`,
  // Framework parsers with a default limit are bounded (body-parser: 100 kB).
  `import express from 'express'; const app = express(); app.use(express.json()); app.post('/x', (req, res) => res.json(req.body));`,
  `const bodyParser = require('body-parser'); app.use(bodyParser.json({ limit: '1mb' }));`,
  // Not a request or a response: an unknown stream, a file stream, an untyped parameter.
  `export function collect(stream) { const chunks = []; stream.on('data', (c) => chunks.push(c)); }`,
  `import fs from 'node:fs'; const chunks = []; fs.createReadStream('a.txt').on('data', (c) => chunks.push(c));`,
  `export function handler(req, res) { let body = ''; req.on('data', (c) => { body += c; }); }`,
  // A 'once' listener, a dynamic event name, a listener the file does not define.
  `import http from 'node:http'; http.createServer((req) => { const chunks = []; req.once('data', (c) => chunks.push(c)); });`,
  `import http from 'node:http'; http.createServer((req) => { const chunks = []; req.on(event, (c) => chunks.push(c)); });`,
  `import http from 'node:http'; http.createServer((req) => { req.on('data', onData); });`,
  // Web request bodies are only checked by the strict option (and need types).
  `export async function POST(request) { const body = await request.json(); return Response.json(body); }`,
  // Odd but valid syntax must not throw.
  `import http from 'node:http'; http.createServer((req) => { const sizes = []; req.on('data', ({ length }) => sizes.push(length)); });`,
  `import http from 'node:http'; http.createServer((req) => { let total = 0; req?.on?.('data', (c) => { total += c.length; }); req['on']('end', () => {}); });`,
  `import http from 'node:http'; http.createServer(async (req) => { for await (const [k, v] of req) map[k] = v; for await (x of req) y += x; });`,
];

const invalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `
import http from 'node:http';
http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => {
    chunks.push(chunk);
  });
  req.on('end', () => res.end(Buffer.concat(chunks)));
});
`,
    errors: [
      {
        messageId: 'unboundedAccumulation',
        data: { target: 'chunks', emitter: 'req' },
        line: 6,
        column: 5,
        endLine: 6,
        endColumn: 23,
        suggestions: limit(`
import http from 'node:http';
http.createServer((req, res) => {
  const chunks = [];
  let receivedBytes = 0;
  req.on('data', (chunk) => {
    receivedBytes += chunk.length;
    if (receivedBytes > 1048576) {
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => res.end(Buffer.concat(chunks)));
});
`),
      },
    ],
  },
  {
    // String concatenation in an expression-bodied listener; the limit comes from the option.
    code: `
const http = require('node:http');
http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => body += c);
  req.on('end', () => res.end(body));
});
`,
    options: [{ maxBodyBytes: 65536, checkBodyReadMethods: false }],
    errors: [
      {
        messageId: 'unboundedAccumulation',
        data: { target: 'body', emitter: 'req' },
        line: 5,
        column: 25,
        endColumn: 34,
        suggestions: limit(
          `
const http = require('node:http');
http.createServer((req, res) => {
  let body = '';
  let receivedBytes = 0;
  req.on('data', (c) => { receivedBytes += c.length; if (receivedBytes > 65536) { req.destroy(); return; } body += c; });
  req.on('end', () => res.end(body));
});
`,
          '65536',
        ),
      },
    ],
  },
  {
    // paulbreuler/limps#151: a Content-Length check alone is bypassed by chunked bodies.
    code: `
import http from 'node:http';
http.createServer((req, res) => {
  if (Number(req.headers['content-length']) > 1e6) return res.end();
  const chunks = [];
  req.on('data', (chunk) => { chunks.push(chunk); });
});
`,
    errors: [
      {
        messageId: 'unboundedAccumulation',
        data: { target: 'chunks', emitter: 'req' },
        line: 6,
        column: 31,
        endColumn: 49,
        suggestions: limit(`
import http from 'node:http';
http.createServer((req, res) => {
  if (Number(req.headers['content-length']) > 1e6) return res.end();
  const chunks = [];
  let receivedBytes = 0;
  req.on('data', (chunk) => { receivedBytes += chunk.length; if (receivedBytes > 1048576) { req.destroy(); return; } chunks.push(chunk); });
});
`),
      },
    ],
  },
  {
    // for await over the request.
    code: `
import { createServer } from 'node:http';
createServer(async (req, res) => {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
  }
  res.end(body);
});
`,
    errors: [
      {
        messageId: 'unboundedAccumulation',
        data: { target: 'body', emitter: 'req' },
        line: 6,
        column: 5,
        endColumn: 18,
        suggestions: limit(`
import { createServer } from 'node:http';
createServer(async (req, res) => {
  let body = '';
  let receivedBytes = 0;
  for await (const chunk of req) {
    receivedBytes += chunk.length;
    if (receivedBytes > 1048576) {
      throw new Error('Request body too large');
    }
    body += chunk;
  }
  res.end(body);
});
`),
      },
    ],
  },
  {
    code: `
import http from 'node:http';
http.createServer(async (req) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
});
`,
    errors: [
      {
        messageId: 'unboundedAccumulation',
        data: { target: 'chunks', emitter: 'req' },
        line: 5,
        column: 34,
        endColumn: 52,
        suggestions: limit(`
import http from 'node:http';
http.createServer(async (req) => {
  const chunks = [];
  let receivedBytes = 0;
  for await (const chunk of req) { receivedBytes += chunk.length; if (receivedBytes > 1048576) { throw new Error('Request body too large'); } chunks.push(chunk); }
});
`),
      },
    ],
  },
  {
    // A response body from a remote server, collected the same way.
    code: `
import https from 'node:https';
https.get('https://example.com', (res) => {
  let data = '';
  res.on('data', (d) => {
    data += d;
  });
});
`,
    errors: [
      {
        messageId: 'unboundedAccumulation',
        data: { target: 'data', emitter: 'res' },
        line: 6,
        column: 5,
        endColumn: 14,
        suggestions: limit(`
import https from 'node:https';
https.get('https://example.com', (res) => {
  let data = '';
  let receivedBytes = 0;
  res.on('data', (d) => {
    receivedBytes += d.length;
    if (receivedBytes > 1048576) {
      res.destroy();
      return;
    }
    data += d;
  });
});
`),
      },
    ],
  },
  {
    code: `
import http from 'node:http';
http.createServer((req) => {
  let buffer = Buffer.alloc(0);
  req.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
  });
});
`,
    errors: [{ messageId: 'unboundedAccumulation', data: { target: 'buffer', emitter: 'req' }, line: 6, column: 5, endColumn: 44, suggestions: limit(`
import http from 'node:http';
http.createServer((req) => {
  let buffer = Buffer.alloc(0);
  let receivedBytes = 0;
  req.on('data', (chunk) => {
    receivedBytes += chunk.length;
    if (receivedBytes > 1048576) {
      req.destroy();
      return;
    }
    buffer = Buffer.concat([buffer, chunk]);
  });
});
`) }],
  },
  {
    code: `
import http from 'node:http';
http.createServer((req) => {
  let body = '';
  req.on('data', (chunk) => {
    body = body + chunk.toString();
  });
});
`,
    errors: [
      {
        messageId: 'unboundedAccumulation',
        data: { target: 'body', emitter: 'req' },
        line: 6,
        column: 5,
        endColumn: 35,
        suggestions: limit(`
import http from 'node:http';
http.createServer((req) => {
  let body = '';
  let receivedBytes = 0;
  req.on('data', (chunk) => {
    receivedBytes += chunk.length;
    if (receivedBytes > 1048576) {
      req.destroy();
      return;
    }
    body = body + chunk.toString();
  });
});
`),
      },
    ],
  },
  {
    // A listener declared elsewhere in the file: reported where it collects, no suggestion.
    code: `
import http from 'node:http';
const chunks = [];
function onData(chunk) { chunks.push(chunk); }
http.createServer((req) => { req.on('data', onData); });
`,
    errors: [{ messageId: 'unboundedAccumulation', data: { target: 'chunks', emitter: 'req' }, line: 4, column: 26, endColumn: 44, suggestions: [] }],
  },
  {
    // A request handed to a 'request' listener, collected with addListener into an object's field.
    code: `
import http from 'node:http';
const server = http.createServer();
server.on('request', (req, res) => {
  const state = { parts: [] };
  req.addListener('data', (part) => {
    state.parts.push(part);
  });
});
`,
    errors: [
      {
        messageId: 'unboundedAccumulation',
        data: { target: 'state.parts', emitter: 'req' },
        line: 7,
        column: 5,
        endColumn: 27,
        suggestions: limit(`
import http from 'node:http';
const server = http.createServer();
server.on('request', (req, res) => {
  const state = { parts: [] };
  let receivedBytes = 0;
  req.addListener('data', (part) => {
    receivedBytes += part.length;
    if (receivedBytes > 1048576) {
      req.destroy();
      return;
    }
    state.parts.push(part);
  });
});
`),
      },
    ],
  },
  {
    // The counter's name is taken: no suggestion.
    code: `
import http from 'node:http';
http.createServer((req) => {
  let receivedBytes = 0;
  const chunks = [];
  req.on('data', (chunk) => { chunks.push(chunk); });
});
`,
    errors: [{ messageId: 'unboundedAccumulation', data: { target: 'chunks', emitter: 'req' }, line: 6, column: 31, endColumn: 49, suggestions: [] }],
  },
];

// TypeScript-only syntax.
const tsValid: (ValidTestCase<Options> | string)[] = [
  `import http from 'node:http'; http.createServer((req) => { let size = 0; const parts: Buffer[] = []; req.on('data', (c: Buffer) => { size += c.length; if (size > (LIMIT as number)) req.destroy(); parts.push(c); }); });`,
];
const tsInvalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `import http from 'node:http'; http.createServer((req) => { const parts: Buffer[] = []; (req as http.IncomingMessage).on('data', (c: Buffer) => { parts!.push(c); }); });`,
    errors: [{ messageId: 'unboundedAccumulation', data: { target: 'parts!', emitter: '(req as http.IncomingMessage)' }, line: 1, column: 146, endColumn: 160, suggestions: [] }],
  },
];

createRuleTester().run('no-unbounded-body-accumulation', rule, { valid: [...valid, ...tsValid], invalid: [...invalid, ...tsInvalid] });
createEspreeRuleTester().run('no-unbounded-body-accumulation (espree)', rule, { valid, invalid });

// Requests known only from their types: a typed parameter, a framework's request type that
// extends IncomingMessage (as Express's does), and a WHATWG Request read whole (strict).
const typedParameter = `
import type { IncomingMessage } from 'node:http';
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
  });
}
`;
const frameworkRequest = `
import type { IncomingMessage } from 'node:http';
interface RouteRequest extends IncomingMessage { params: Record<string, string> }
export function handler(req: RouteRequest): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => { chunks.push(chunk); });
}
`;
const expressHandler = `
import express from 'express';
const app = express();
app.post('/upload', (req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => { chunks.push(chunk); });
  req.on('end', () => res.json({ size: Buffer.concat(chunks).length }));
});
`;
const webRequest = `
export async function POST(request: Request): Promise<Response> {
  const body = await request.json();
  return Response.json(body);
}
`;
createRuleTester().run('no-unbounded-body-accumulation (untyped: parameters are unknown)', rule, {
  valid: [typedParameter, frameworkRequest, expressHandler, { code: webRequest, options: STRICT }],
  invalid: [],
});
createTypedRuleTester().run('no-unbounded-body-accumulation (typed)', rule, {
  valid: [
    ...valid,
    ...tsValid,
    // Without the strict option, whole-body reads are not reported.
    webRequest,
    // A Response's json() is a client reading a server's answer, not a request body.
    { code: `export async function load(url: string) { const res = await fetch(url); return res.json(); }`, options: STRICT },
    // wretch 3.0.9 dist/addons/progress.js (found by the sweep): a Request built here, read to measure the program's own upload body.
    {
      code: `export const uploadTotal = async (url: string, opts: RequestInit) => (await new Request(url, opts).blob()).size;`,
      options: STRICT,
    },
    { code: `export async function size(url: string, body: Blob) { const request = new Request(url, { method: 'PUT', body }); return (await request.arrayBuffer()).byteLength; }`, options: STRICT },
  ],
  invalid: [
    ...invalid,
    ...tsInvalid,
    {
      code: typedParameter,
      errors: [
        {
          messageId: 'unboundedAccumulation',
          data: { target: 'body', emitter: 'req' },
          line: 7,
          column: 7,
          endColumn: 20,
          suggestions: limit(`
import type { IncomingMessage } from 'node:http';
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    let receivedBytes = 0;
    req.on('data', (chunk: Buffer) => {
      receivedBytes += chunk.length;
      if (receivedBytes > 1048576) {
        req.destroy();
        return;
      }
      body += chunk;
    });
    req.on('end', () => resolve(body));
  });
}
`),
        },
      ],
    },
    {
      code: frameworkRequest,
      errors: [
        {
          messageId: 'unboundedAccumulation',
          data: { target: 'chunks', emitter: 'req' },
          line: 6,
          column: 39,
          endColumn: 57,
          suggestions: limit(`
import type { IncomingMessage } from 'node:http';
interface RouteRequest extends IncomingMessage { params: Record<string, string> }
export function handler(req: RouteRequest): void {
  const chunks: Buffer[] = [];
  let receivedBytes = 0;
  req.on('data', (chunk: Buffer) => { receivedBytes += chunk.length; if (receivedBytes > 1048576) { req.destroy(); return; } chunks.push(chunk); });
}
`),
        },
      ],
    },
    {
      // Express's generic Request type, from the callback's contextual type.
      code: expressHandler,
      errors: [
        {
          messageId: 'unboundedAccumulation',
          data: { target: 'chunks', emitter: 'req' },
          line: 6,
          column: 39,
          endColumn: 57,
          suggestions: limit(`
import express from 'express';
const app = express();
app.post('/upload', (req, res) => {
  const chunks: Buffer[] = [];
  let receivedBytes = 0;
  req.on('data', (chunk: Buffer) => { receivedBytes += chunk.length; if (receivedBytes > 1048576) { req.destroy(); return; } chunks.push(chunk); });
  req.on('end', () => res.json({ size: Buffer.concat(chunks).length }));
});
`),
        },
      ],
    },
    {
      code: webRequest,
      options: STRICT,
      errors: [{ messageId: 'unboundedBodyRead', data: { method: 'json' }, line: 3, column: 22, endColumn: 36 }],
    },
    {
      // A copy of the request the handler was given still holds the client's body.
      code: `
export async function POST(request: Request): Promise<Response> {
  const copy = new Request(request);
  const body = await copy.json();
  return Response.json(body);
}
`,
      options: STRICT,
      errors: [{ messageId: 'unboundedBodyRead', data: { method: 'json' }, line: 4, column: 22, endColumn: 33 }],
    },
  ],
});
