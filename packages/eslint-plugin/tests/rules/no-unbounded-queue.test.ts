import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageId, Options } from '../../src/rules/no-unbounded-queue';
import rule from '../../src/rules/no-unbounded-queue';
import { createEspreeRuleTester, createRuleTester, createTypedRuleTester } from '../rule-tester';

const STRICT: Options = [{ checkPQueueProducers: true }];

// Plain JavaScript: run under espree, typescript-eslint without types, and with types.
const valid: (ValidTestCase<Options> | string)[] = [
  // Local arrays built and returned in one function are not queues.
  `export function double(xs) { const out = []; for (const x of xs) out.push(x * 2); return out; }`,
  // A BFS work list: pushed in a forEach callback, shifted in the function that owns it.
  `export function walk(root) { const q = [root]; while (q.length > 0) { const n = q.shift(); n.children.forEach((c) => q.push(c)); } }`,
  `export function levels(root) { const todo = [root]; const seen = []; while (todo.length) { const n = todo.shift(); seen.push(n); for (const c of n.kids) todo.push(c); } return seen; }`,
  // Arrays local to an iteration callback (vite's postcss-import builds its at-rules this way).
  `export function wrap(bundle) { bundle.forEach((stmt) => { const atRules = []; for (const c of stmt.conditions) atRules.push(make(c)); const outer = atRules.shift(); use(outer, atRules); }); }`,
  // A queue class that tells its callers how long it is (tinypool's task queue): they can bound it.
  `class TaskQueue { tasks = []; get size() { return this.tasks.length; } push(task) { this.tasks.push(task); } shift() { return this.tasks.shift(); } }`,
  `const jobs = []; export const pending = () => jobs.length; export function add(j) { jobs.push(j); } export function take() { return jobs.shift(); }`,
  // A stack (push and pop at the same end), the shape of every AST visitor.
  `const stack = []; export function enter(node) { stack.push(node); } export function leave() { stack.pop(); }`,
  // A queue whose producer checks the length first (reject, or drop the oldest).
  `const queue = []; const MAX = 1000;
   export function enqueue(job) { if (queue.length >= MAX) throw new Error('queue full'); queue.push(job); }
   export function next() { return queue.shift(); }`,
  `const buffer = []; export function log(e) { buffer.push(e); if (buffer.length > 5000) buffer.shift(); }`,
  // braintrust-sdk-javascript#727's fix: a cap checked in a helper method of the class.
  `class Logger {
     queue = [];
     max = 5000;
     isFull() { return this.queue.length >= this.max; }
     log(e) { if (this.isFull()) return false; this.queue.push(e); return true; }
     flush() { return this.queue.shift(); }
   }`,
  `class Window { items = []; add(x) { this.items.push(x); this.items.splice(0, this.items.length - 100); } take() { return this.items.shift(); } }`,
  // An LRU's key list: the oldest key is evicted when the store is full (hashery).
  `class Lru { keys = []; store = new Map(); set(k, v) { if (this.store.size >= this.max) { const old = this.keys.shift(); this.store.delete(old); } this.keys.push(k); this.store.set(k, v); } }`,
  // Arrays that leave the file's sight (returned, exported, passed on): someone else may bound them.
  `const queue = []; export function add(x) { queue.push(x); } export function take() { return queue.shift(); } export function all() { return queue; }`,
  `export const queue = []; export function add(x) { queue.push(x); } export function take() { return queue.shift(); }`,
  `class Batch { items = []; add(x) { this.items.push(x); } take() { return this.items.shift(); } snapshot() { return this.items; } }`,
  // Push-only registries and batch flushes that empty the whole array are not consumer queues.
  `const handlers = []; export function on(handler) { handlers.push(handler); }`,
  `const buffer = []; export function log(e) { buffer.push(e); } setInterval(() => send(buffer.splice(0)), 1000);`,
  // splice(0, Infinity) empties the array too (a batch flush, not a consumer).
  `const buffer = []; export function log(e) { buffer.push(e); } setInterval(() => send(buffer.splice(0, Infinity)), 1000);`,
  `let buffer = []; export function log(e) { buffer.push(e); } export function flush() { const batch = buffer; buffer = []; return batch; }`,
  // A list of in-flight items, removed from the middle when done, is not a queue.
  `const inFlight = []; export function start(x) { inFlight.push(x); } export function done(x) { inFlight.splice(inFlight.indexOf(x), 1); }`,
  // unshift + shift is a stack too.
  `const undo = []; export function record(op) { undo.unshift(op); } export function back() { return undo.shift(); }`,
  // Items added only while constructing: bounded by the constructor's input.
  `class Plan { steps = []; constructor(xs) { for (const x of xs) this.steps.push(x); } next() { return this.steps.shift(); } }`,
  // Dynamic member names and static fields are not followed.
  `const queue = []; export function add(m, x) { queue[m](x); } export function take() { return queue.shift(); }`,
  `class Pool { static waiting = []; static add(x) { Pool.waiting.push(x); } static take() { return Pool.waiting.shift(); } }`,
  // p-queue with a concurrency limit, or options the file does not spell out.
  `import PQueue from 'p-queue'; export const queue = new PQueue({ concurrency: 4 });`,
  `import PQueue from 'p-queue'; export const queue = new PQueue(options);`,
  `import PQueue from 'p-queue'; export const queue = new PQueue({ ...defaults, timeout: 1000 });`,
  // Producers that watch the backlog (the p-queue README's own recipe), with the strict option on.
  {
    code: `import PQueue from 'p-queue';
      const queue = new PQueue({ concurrency: 2 });
      export async function onMessage(m) { await queue.onSizeLessThan(100); queue.add(() => handle(m)); }`,
    options: STRICT,
  },
  // Unchecked p-queue producers are reported only by the strict option.
  `import PQueue from 'p-queue'; const queue = new PQueue({ concurrency: 2 }); export function onMessage(m) { queue.add(() => handle(m)); }`,
  // Work added where the queue is made, from known input, is bounded by that input.
  {
    code: `import PQueue from 'p-queue'; const queue = new PQueue({ concurrency: 2 }); for (const f of files) queue.add(() => load(f)); await queue.onIdle();`,
    options: STRICT,
  },
  `import fastq from 'fastq'; const queue = fastq(worker, 4); export function onLink(link) { if (queue.length() > 1000) return false; queue.push(link); return true; }`,
  `const async = require('async'); const q = async.queue(worker, 2); for (const t of tasks) q.push(t);`,
  // Finite high-water marks, and options that are not a stream's.
  `import { Writable } from 'node:stream'; export const w = new Writable({ highWaterMark: 64 * 1024, write(c, e, cb) { cb(); } });`,
  `import { Writable } from 'node:stream'; export const w = new Writable(options);`,
  `export const thing = makeThing({ highWaterMark: Infinity });`,
  `class Writable { constructor(o) { this.o = o; } } export const w = new Writable({ highWaterMark: Infinity });`,
  `class PQueue {} export const q = new PQueue();`,
  // ---- false alarms found by the sweep (npm run sweep, test/corpus/triage.json) ----
  // openai 7.57.0 src/lib/live/transcript-grouper.ts: the producer drains the queue itself before it returns.
  `class Grouper {
  updates = [];
  dispatching = false;
  dispatch(updates) {
    this.updates.push(...updates);
    if (this.dispatching) return;
    this.dispatching = true;
    try { while (this.updates.length) this.emit(this.updates.shift()); } finally { this.dispatching = false; }
  }
}`,
  // @grpc/grpc-js 1.14.7 src/server-interceptors.ts: the producer pauses its source (HTTP/2 flow control bounds the rest).
  `class ServerCall {
  readQueue = [];
  handleDataFrame(messages) {
    for (const message of messages) { this.stream.pause(); this.readQueue.push({ type: 'COMPRESSED', message }); }
  }
  handleEndEvent() { this.readQueue.push({ type: 'HALF_CLOSE' }); }
  maybePushNextMessage() { const next = this.readQueue.shift(); this.push(next); this.stream.resume(); }
}`,
  // mqtt 5.16.0 build/lib/BufferedDuplex.js: `_write` keeps its callback, so Node sends one write at a time.
  `import { Duplex } from 'node:stream';
export class BufferedDuplex extends Duplex {
  writeQueue = [];
  _write(chunk, encoding, cb) { if (!this.isSocketOpen) this.writeQueue.push({ chunk, encoding, cb }); else this.proxy.write(chunk, encoding, cb); }
  processWriteQueue() { while (this.writeQueue.length) { const { chunk, encoding, cb } = this.writeQueue.shift(); this.proxy.write(chunk, encoding, cb); } }
}`,
  // nodemailer 10.6.0 dist/esm/smtp-connection/index.js: a reply handler queued with each command written (requests in flight).
  `class SMTPConnection {
  _responseActions = [];
  quit() { this._sendCommand('QUIT'); this._responseActions.push(this.close); }
  auth(cmd) { this._responseActions.push((str) => this.done(str)); setImmediate(() => this._sendCommand(cmd)); }
  _sendCommand(str) { this._socket.write(str + '\\r\\n'); }
  _processResponse(str) { const action = this._responseActions.shift(); action(str); }
}`,
  // engine.io 6.6.12 build/socket.js (found by the sweep): a callback slot queued in a branch beside the write it waits for.
  `class Socket {
  constructor() { this.sentCallbackFn = []; this.packetsFn = []; this.writeBuffer = []; }
  flush() {
    if (!this.transport.writable || !this.writeBuffer.length) return;
    const wbuf = this.writeBuffer;
    this.writeBuffer = [];
    if (this.packetsFn.length) {
      this.sentCallbackFn.push(this.packetsFn);
      this.packetsFn = [];
    } else this.sentCallbackFn.push(null);
    this.transport.send(wbuf);
  }
  onDrain() { const fns = this.sentCallbackFn.shift(); if (fns) for (const fn of fns) fn(); }
}`,
  // kafkajs 2.2.4 src/consumer/workerQueue.js (found by the sweep): the producer awaits the promise each entry resolves.
  `export function createWorkerQueue(workers) {
  const queue = [];
  const push = async (...batches) => {
    const promises = batches.map((batch) => new Promise((resolve, reject) => queue.push({ batch, resolve, reject })));
    workers.forEach((worker) => worker.run({ next: () => queue.shift() }));
    await Promise.allSettled(promises);
  };
  return { push };
}`,
  // ssh2 1.17.0 lib/protocol/Protocol.js (found by the sweep): an auth method queued with the request packet sent by a helper from another module.
  `import { sendPacket } from './utils.js';
export class Protocol {
  constructor() { this._authsQueue = []; }
  authPassword(packet) { this._authsQueue.push('password'); sendPacket(this, packet); }
  onAuthFailure() { this._authsQueue.shift(); }
}`,
  // nats 2.29.3 lib/nats-base-client/queued_iterator.js (found by the sweep): TypeScript's emitted async-generator helper queues pending next() calls, as a native async generator does.
  `var __asyncGenerator = (this && this.__asyncGenerator) || function (thisArg, _arguments, generator) {
  var g = generator.apply(thisArg, _arguments || []), i, q = [];
  return i = {}, verb("next"), verb("throw"), i;
  function verb(n) { if (g[n]) { i[n] = function (v) { return new Promise(function (a, b) { q.push([n, v, a, b]) > 1 || resume(n, v); }); }; } }
  function resume(n, v) { try { step(g[n](v)); } catch (e) { settle(q[0][3], e); } }
  function step(r) { settle(q[0][2], r); }
  function settle(f, v) { if (f(v), q.shift(), q.length) resume(q[0][0], q[0][1]); }
};`,
  // minio 8.0.7 src/internal/client.ts (found by the sweep): a listing's `_read` fetches the next page only once its buffer is empty.
  `import { Readable } from 'node:stream';
export function listUploads(fetchPage) {
  const uploads = [];
  let ended = false;
  const stream = new Readable({ objectMode: true });
  stream._read = () => {
    if (uploads.length) {
      return stream.push(uploads.shift());
    }
    if (ended) return stream.push(null);
    fetchPage().then((page) => {
      page.items.forEach((item) => uploads.push(item));
      ended = !page.isTruncated;
      stream._read();
    });
  };
  return stream;
}`,
  // rascal 21.0.1 lib/amqp/Broker.js (found by the sweep): a registry of sessions emptied as a whole, one shift() per element of a copy.
  `import async from 'async';
export function Broker() {
  let sessions = [];
  this.subscribe = (subscription, next) => subscription.subscribe((err, session) => { sessions.push(session); next(null, session); });
  this.unsubscribeAll = (next) => {
    async.each(sessions.slice(), (session, cb) => { sessions.shift(); session.cancel(cb); }, next);
  };
}`,
  `class Registry { sessions = []; add(s) { this.sessions.push(s); } closeAll() { for (const s of this.sessions.slice()) { this.sessions.shift(); s.close(); } } }`,
  `class Registry { sessions = []; add(s) { this.sessions.push(s); } closeAll() { for (const s of Array.from(this.sessions)) { this.sessions.shift(); s.close(); } } }`,
  // engine.io 6.6.12 build/socket.js (found by the sweep): clean-up callbacks, one per transport, all run by a loop over the count taken before it.
  `class Socket {
  constructor(transport) { this.cleanupFn = []; this.setTransport(transport); }
  setTransport(transport) {
    const onPacket = this.onPacket.bind(this);
    this.transport = transport;
    this.transport.on('packet', onPacket);
    this.cleanupFn.push(function () { transport.removeListener('packet', onPacket); });
  }
  clearTransport() {
    let cleanup;
    const toCleanUp = this.cleanupFn.length;
    for (let i = 0; i < toCleanUp; i++) {
      cleanup = this.cleanupFn.shift();
      cleanup();
    }
    this.transport.close();
  }
}`,
  // The count may also be taken in the loop's own declaration, and the take bound to a const.
  `const pending = []; export function add(fn) { pending.push(fn); } export function runAll() { for (let i = 0, n = pending.length; i < n; ++i) { const fn = pending.shift(); fn(); } }`,
  // Odd but valid syntax must not throw.
  `this.queue.push(1); this.queue.shift();`,
  `const queue = []; export const f = (x) => { queue?.push(x); }; export const g = () => { const { shift } = queue; return shift; };`,
];

const invalid: InvalidTestCase<MessageId, Options>[] = [
  {
    // A helper-like name without the compiler's emission shape is the program's own queue.
    code: `
var __pending = function () {
  var q = [];
  return { add: function (x) { q.push(x); }, next: function () { return q.shift(); } };
};
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'q', take: 'shift' }, line: 4 }],
  },
  {
    // A consumer that fetches more on every take, full or not, is refilled faster than it empties.
    code: `
export function source(fetchPage) {
  const items = [];
  return {
    next() {
      const item = items.shift();
      fetchPage().then((page) => { for (const x of page) items.push(x); });
      return item;
    },
  };
}
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'items', take: 'shift' }, line: 7 }],
  },
  {
    // A loop over a copy that may stop early takes what it can: a consumer, not a clear.
    code: `
const queue = [];
export function enqueue(job) { queue.push(job); }
export function work() {
  for (const job of queue.slice()) {
    if (!ready()) break;
    queue.shift();
    run(job);
  }
}
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'queue', take: 'shift' }, line: 3 }],
  },
  {
    // A counted loop that awaits between takes paces itself against a slow sink: a consumer, not a clear.
    code: `
class Logger {
  constructor() { this.events = []; }
  log(event) { this.events.push(event); }
  async flush() {
    const n = this.events.length;
    for (let i = 0; i < n; i++) await send(this.events.shift());
  }
}
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'this.events', take: 'shift' }, line: 4, column: 16 }],
  },
  {
    // A loop counted to a batch size, or to a count read earlier, takes part of the array: a consumer.
    code: `
const queue = [];
export function enqueue(job) { queue.push(job); }
export function work() { for (let i = 0; i < BATCH; i++) { const job = queue.shift(); run(job); } }
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'queue', take: 'shift' }, line: 3, column: 32 }],
  },
  {
    code: `
const queue = [];
export function enqueue(job) { queue.push(job); }
export function work() {
  let n = queue.length;
  n = Math.min(n, 10);
  for (let i = 0; i < n; i++) { run(queue.shift()); }
}
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'queue', take: 'shift' }, line: 3, column: 32 }],
  },
  {
    // A counted loop whose take is conditional, or that may stop early, does not take every element.
    code: `
const queue = [];
export function enqueue(job) { queue.push(job); }
export function work() {
  const n = queue.length;
  for (let i = 0; i < n; i++) { if (!ready()) break; const job = queue.shift(); run(job); }
}
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'queue', take: 'shift' }, line: 3, column: 32 }],
  },
  {
    // A plain function whose name does not say it sends: not taken for a request in flight.
    code: `
import { handle } from './handle.js';
export class Worker {
  constructor() { this.jobs = []; }
  add(job) { this.jobs.push(job); handle(this); }
  next() { return this.jobs.shift(); }
}
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'this.jobs', take: 'shift' }, line: 5 }],
  },
  {
    // The entry carries a resolve, but nobody awaits the promise: the producer does not wait.
    code: `
const queue = [];
export function enqueue(job) {
  const done = new Promise((resolve) => queue.push({ job, resolve }));
  done.then(() => {});
}
export const next = () => queue.shift();
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'queue', take: 'shift' }, line: 4 }],
  },
  {
    // Entries added in a loop are not one per write: a send beside the loop does not bound them.
    code: `
class Client {
  constructor() { this.pending = []; }
  onMessage(msg) {
    if (msg.items) { for (const item of msg.items) { this.pending.push(item); } }
    this.socket.write('ack');
  }
  next() { return this.pending.shift(); }
}
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'this.pending', take: 'shift' }, line: 5 }],
  },
  {
    // The Tarsnap shape: a module-level queue fed by one function and drained by another.
    code: `
const queue = [];
export function enqueue(job) {
  queue.push(job);
}
export function next() {
  return queue.shift();
}
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'queue', take: 'shift' }, line: 4, column: 3, endLine: 4, endColumn: 18 }],
  },
  {
    // An outer-scope array in a closure-based queue.
    code: `
export function createQueue() {
  const items = [];
  return {
    add(item) { items.push(item); },
    next() { return items.shift(); },
  };
}
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'items', take: 'shift' }, line: 5, column: 17, endColumn: 33 }],
  },
  {
    // braintrust-sdk-javascript#727: the SDK's log queue could grow without a bound.
    code: `
class Logger {
  queue = [];
  log(event) { this.queue.push(event); }
  async flush() { while (this.queue.length > 0) await send(this.queue.shift()); }
}
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'this.queue', take: 'shift' }, line: 4, column: 16, endColumn: 38 }],
  },
  {
    // A private field assigned in the constructor.
    code: `
class Jobs {
  #jobs;
  constructor() { this.#jobs = []; }
  add(job) { this.#jobs.push(job); }
  take() { return this.#jobs.shift(); }
}
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'this.#jobs', take: 'shift' }, line: 5, column: 14, endColumn: 34 }],
  },
  {
    // unshift at the front, pop at the back.
    code: `
const pending = [];
export const submit = (task) => { pending.unshift(task); };
export const work = () => pending.pop();
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'pending', take: 'pop' }, line: 3, column: 35, endColumn: 56 }],
  },
  {
    // A consumer that takes batches from the front with splice(0, n).
    code: `
const events = [];
export function track(event) { events.push(event); }
export function drain() { return events.splice(0, 100); }
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'events', take: 'shift' }, line: 3, column: 32, endColumn: 50 }],
  },
  {
    // An emptiness check is not a bound.
    code: `
const queue = [];
export function enqueue(job) {
  if (queue.length === 0) setImmediate(run);
  queue.push(job);
}
function run() { queue.shift(); }
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'queue', take: 'shift' }, line: 5, column: 3, endColumn: 18 }],
  },
  {
    // A queue fed next to a call that writes nothing is still a queue.
    code: `
class Jobs {
  pending = [];
  add(job) { this.pending.push(job); this.log(job); }
  log(job) { console.log(job); }
  next() { return this.pending.shift(); }
}
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'this.pending', take: 'shift' }, line: 4, column: 14, endColumn: 36 }],
  },
  {
    // A producer that drains only in another function, and a _write that calls back at once, still count.
    code: `
class Sink {
  items = [];
  _write(chunk, encoding, cb) { this.items.push(chunk); cb(); }
  flush() { while (this.items.length) send(this.items.shift()); }
}
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'this.items', take: 'shift' }, line: 4, column: 33, endColumn: 55 }],
  },
  {
    // One report per queue, at its first unguarded producer: one bound fixes every producer
    // (the sweep found 26 producers of one reply queue in nodemailer's smtp-connection).
    code: `
const queue = [];
export function a(x) { queue.push(x); }
export function b(x) { queue.push(x, x); }
export function c() { return queue.shift(); }
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'queue', take: 'shift' }, line: 3, column: 24, endColumn: 37 }],
  },
  {
    // A listener registered in the constructor runs for every message.
    code: `
class Inbox {
  messages = [];
  constructor(socket) { socket.on('message', (m) => this.messages.push(m)); }
  next() { return this.messages.shift(); }
}
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'this.messages', take: 'shift' }, line: 4, column: 53, endColumn: 74 }],
  },
  {
    code: `import PQueue from 'p-queue'; export const queue = new PQueue();`,
    errors: [{ messageId: 'unboundedConcurrency', line: 1, column: 52, endColumn: 64 }],
  },
  {
    code: `import PQueue from 'p-queue'; const queue = new PQueue({ concurrency: Infinity });`,
    errors: [{ messageId: 'unboundedConcurrency', line: 1, column: 45 }],
  },
  {
    // Options without `concurrency`, and p-queue reached through CommonJS.
    code: `const PQueue = require('p-queue').default; const queue = new PQueue({ timeout: 1000 });`,
    errors: [{ messageId: 'unboundedConcurrency', line: 1, column: 58 }],
  },
  {
    // csfloat/inspect#129: a request queue reached 100k+ entries before a maximum size was added.
    code: `
import fastq from 'fastq';
const queue = fastq(inspect, 4);
export function onRequest(link) {
  queue.push(link);
}
`,
    errors: [{ messageId: 'uncheckedProducer', data: { library: 'fastq', check: 'queue.length()' }, line: 5, column: 3, endColumn: 19 }],
  },
  {
    // caolan/async#1022: "there are no limits on the queue length".
    code: `import async from 'async'; const q = async.queue(worker, 2); export function handle(task) { q.push(task); }`,
    errors: [{ messageId: 'uncheckedProducer', data: { library: 'async.queue', check: 'queue.length()' }, line: 1, column: 93 }],
  },
  {
    code: `const fastq = require('fastq'); const queue = fastq.promise(worker, 2); exports.handle = async (task) => queue.push(task);`,
    errors: [{ messageId: 'uncheckedProducer', data: { library: 'fastq', check: 'queue.length()' }, line: 1, column: 106, endColumn: 122 }],
  },
  {
    // Reported once per queue, at its first producer.
    code: `
import PQueue from 'p-queue';
const queue = new PQueue({ concurrency: 2 });
export function onMessage(message) {
  queue.add(() => handle(message));
}
export function onBatch(batch) {
  queue.addAll(batch.map((m) => () => handle(m)));
}
`,
    options: STRICT,
    errors: [{ messageId: 'uncheckedProducer', data: { library: 'p-queue', check: 'await queue.onSizeLessThan(limit)' }, line: 5, column: 3, endColumn: 35 }],
  },
  {
    code: `import { Writable } from 'node:stream'; const sink = new Writable({ highWaterMark: Infinity, write(chunk, encoding, callback) { callback(); } });`,
    errors: [{ messageId: 'unboundedHighWaterMark', data: { key: 'highWaterMark', value: 'Infinity' }, line: 1, column: 84, endColumn: 92 }],
  },
  {
    code: `import fs from 'node:fs'; const out = fs.createWriteStream('out.log', { flags: 'a', highWaterMark: Number.MAX_SAFE_INTEGER });`,
    errors: [{ messageId: 'unboundedHighWaterMark', data: { key: 'highWaterMark', value: 'Number.MAX_SAFE_INTEGER' }, line: 1, column: 100, endColumn: 123 }],
  },
  {
    // A subclass passing the option to its Readable base.
    code: `
const { Readable } = require('stream');
class Source extends Readable {
  constructor() { super({ readableHighWaterMark: Infinity }); }
}
`,
    errors: [{ messageId: 'unboundedHighWaterMark', data: { key: 'readableHighWaterMark', value: 'Infinity' }, line: 4, column: 50, endColumn: 58 }],
  },
  {
    // Options held in a const object.
    code: `
import * as stream from 'stream';
const options = { writableHighWaterMark: Infinity };
const t = new stream.Transform(options);
`,
    errors: [{ messageId: 'unboundedHighWaterMark', data: { key: 'writableHighWaterMark', value: 'Infinity' }, line: 3, column: 42, endColumn: 50 }],
  },
];

// TypeScript-only syntax: typescript-eslint's parser, with and without types.
const tsValid: (ValidTestCase<Options> | string)[] = [
  `class Outbox<T> {
     private readonly items: T[] = [];
     constructor(private readonly limit: number) {}
     send(item: T): boolean { if (this.items.length >= this.limit) return false; this.items.push(item); return true; }
     next(): T | undefined { return this.items.shift(); }
   }`,
  `const queue: string[] = []; export function add(x: string) { (queue as string[]).push(x); } export function all(): readonly string[] { return queue!; }`,
];

const tsInvalid: InvalidTestCase<MessageId, Options>[] = [
  {
    code: `
class Outbox<T> {
  private readonly items: T[] = [];
  send(item: T): void { this.items.push(item); }
  next(): T | undefined { return this.items.shift(); }
}
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'this.items', take: 'shift' }, line: 4, column: 25, endColumn: 46 }],
  },
  {
    code: `
const queue = [] as Array<{ id: string }>;
export function add(job: { id: string }): void { (queue as typeof queue).push(job); }
export function take() { return queue!.shift(); }
`,
    errors: [{ messageId: 'unboundedArrayQueue', data: { name: 'queue', take: 'shift' }, line: 3, column: 50, endColumn: 83 }],
  },
];

createRuleTester().run('no-unbounded-queue', rule, { valid: [...valid, ...tsValid], invalid: [...invalid, ...tsInvalid] });
createEspreeRuleTester().run('no-unbounded-queue (espree)', rule, { valid, invalid });

// A Writable subclass is known to be a stream only from its type.
const typedOnlyCode = `
import { Writable } from 'node:stream';
class Sink extends Writable {}
export const sink = new Sink({ highWaterMark: Infinity });
`;
createRuleTester().run('no-unbounded-queue (untyped: subclasses are unknown)', rule, { valid: [typedOnlyCode], invalid: [] });
createTypedRuleTester().run('no-unbounded-queue (typed)', rule, {
  valid: [...valid, ...tsValid],
  invalid: [
    ...invalid,
    ...tsInvalid,
    {
      code: typedOnlyCode,
      errors: [{ messageId: 'unboundedHighWaterMark', data: { key: 'highWaterMark', value: 'Infinity' }, line: 4, column: 47, endColumn: 55 }],
    },
  ],
});
