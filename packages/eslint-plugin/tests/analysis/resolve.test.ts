import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { resolveCall, resolveInstance, resolveRef } from '../../src/analysis/resolve';
import type { Host } from '../helpers/probe';
import { probeNodes, UNTYPED_HOSTS } from '../helpers/probe';

/** `callee → api.id` for every call or `new` the analysis layer recognises. */
function calls(code: string, host: Host): string[] {
  return probeNodes(code, host, ['CallExpression', 'NewExpression'], (context, node) => {
    const call = node as TSESTree.CallExpression | TSESTree.NewExpression;
    const resolved = resolveCall(context, call);
    if (resolved?.api === undefined) return undefined;
    const callee = context.sourceCode.getText(call.callee);
    const receiver = resolved.receiver?.origin === undefined ? '' : ` on ${context.sourceCode.getText(resolved.receiver.origin)}`;
    return `${callee} → ${resolved.api.id} (${resolved.root ?? '?'})${receiver}`;
  });
}

/** `identifier: kind` for every identifier marked by being passed to `probe(...)`. */
function kinds(code: string, host: Host): string[] {
  return probeNodes(code, host, ['CallExpression'], (context, node) => {
    const call = node as TSESTree.CallExpression;
    if (call.callee.type !== 'Identifier' || call.callee.name !== 'probe') return undefined;
    const [argument] = call.arguments;
    if (argument === undefined) return undefined;
    const ref = resolveInstance(context, argument);
    return `${context.sourceCode.getText(argument)}: ${ref === undefined ? 'unknown' : `${ref.instance}${ref.promise ? ' (promise)' : ''}`}`;
  });
}

describe.each(UNTYPED_HOSTS)('resolveCall without types (%s)', (host) => {
  it('finds global fetch whether or not it is declared, and through globalThis', () => {
    expect(calls(`fetch('/a'); globalThis.fetch('/b'); window.fetch('/c');`, host)).toEqual([
      `fetch → fetch (global)`,
      `globalThis.fetch → fetch (global)`,
      `window.fetch → fetch (global)`,
    ]);
  });

  it('does not take a local function, parameter or class member called fetch for fetch', () => {
    const code = `
      function fetch(u) { return u; }
      fetch('/a');
      function g(fetch) { fetch('/b'); }
      const api = { fetch() {} }; api.fetch('/c');
      class C { fetch() {} run() { this.fetch('/d'); } }
    `;
    expect(calls(code, host)).toEqual([]);
  });

  it('follows ESM imports: named, renamed, default and namespace', () => {
    const code = `
      import { fetch as undiciFetch, request, Agent } from 'undici';
      import * as http from 'node:http';
      import https from 'https';
      import axios from 'axios';
      undiciFetch('/a');
      request('/b');
      new Agent({});
      http.get('/c');
      https.request('/d');
      axios.get('/e');
    `;
    expect(calls(code, host)).toEqual([
      `undiciFetch → fetch (undici)`,
      `request → undici.request (undici)`,
      `Agent → undici.Agent (undici)`,
      `http.get → http.get (http)`,
      `https.request → http.request (https)`,
      `axios.get → axios.get (axios)`,
    ]);
  });

  it('follows require with destructuring, renames and the node: prefix', () => {
    const code = `
      const { request: r } = require('undici');
      const http = require('node:http');
      const { get } = require('https');
      const fetch2 = require('node-fetch');
      const { Pool } = require('pg');
      r('/a'); http.request('/b'); get('/c'); fetch2('/d'); new Pool();
      require('net').connect(80);
    `;
    expect(calls(code, host)).toEqual([
      `r → undici.request (undici)`,
      `http.request → http.request (http)`,
      `get → http.get (https)`,
      `fetch2 → fetch (node-fetch)`,
      `Pool → pg.Pool (pg)`,
      `require('net').connect → net.connect (net)`,
    ]);
  });

  it('knows the database, cache, WebSocket, queue and stream entry points', () => {
    const code = `
      import pg from 'pg';
      import Redis from 'ioredis';
      import { createClient } from 'redis';
      import { WebSocketServer } from 'ws';
      import PQueue from 'p-queue';
      import fastq from 'fastq';
      import * as async from 'async';
      import { pipeline, Writable } from 'node:stream';
      import { MongoClient } from 'mongodb';
      import { once } from 'node:events';
      new pg.Pool({}); new Redis(); createClient(); new WebSocketServer({ port: 1 });
      new PQueue(); fastq(worker, 1); fastq.promise(worker, 1); async.queue(worker);
      pipeline(a, b, cb); new Writable(); new MongoClient(uri); once(out, 'drain');
    `;
    expect(calls(code, host)).toEqual([
      `pg.Pool → pg.Pool (pg)`,
      `Redis → ioredis.Redis (ioredis)`,
      `createClient → redis.createClient (redis)`,
      `WebSocketServer → ws.WebSocketServer (ws)`,
      `PQueue → p-queue.PQueue (p-queue)`,
      `fastq → fastq (fastq)`,
      `fastq.promise → fastq.promise (fastq)`,
      `async.queue → async.queue (async)`,
      `pipeline → stream.pipeline (stream)`,
      `Writable → stream.Writable (stream)`,
      `MongoClient → mongodb.MongoClient (mongodb)`,
      `once → events.once (events)`,
    ]);
  });

  it('follows got, ky and superagent defaults and their instances', () => {
    const code = `
      const got = require('got');
      import ky from 'ky';
      import request from 'superagent';
      got.stream('/a'); got.stream.get('/b'); got.get('/c');
      const api = ky.create({ prefixUrl: '/x' }); api.get('/d');
      request.get('/e');
    `;
    expect(calls(code, host)).toEqual([
      `got.stream → got.stream (got)`,
      `got.stream.get → got.stream.get (got)`,
      `got.get → got.get (got)`,
      `ky.create → ky.create (ky)`,
      `api.get → ky.get (ky) on ky.create({ prefixUrl: '/x' })`,
      `request.get → superagent.request (superagent)`,
    ]);
  });

  it('gives kinds to sockets, WebSocket connections and process streams', () => {
    const code = `
      import net from 'node:net';
      import { WebSocketServer } from 'ws';
      const server = net.createServer((socket) => probe(socket));
      const wss = new WebSocketServer({ server });
      wss.on('connection', (ws, req) => { probe(ws); probe(req); });
      probe(process.stdout);
      const conn = net.connect(80); probe(conn);
    `;
    expect(kinds(code, host)).toEqual(['socket: socket', 'ws: websocket', 'req: incoming-message', 'process.stdout: writable', 'conn: socket']);
  });

  it('ignores a shadowed require and unknown modules', () => {
    const code = `
      function f(require) { require('undici').request('/a'); }
      const x = require('left-pad'); x.request('/b');
      import { request } from './local-http'; request('/c');
    `;
    expect(calls(code, host)).toEqual([]);
  });

  it('follows simple re-assignment and rejects disagreeing writes', () => {
    const code = `
      import { request } from 'undici';
      const r1 = request;
      let r2 = request;
      r2 = request;
      let r3 = request;
      if (Math.random()) r3 = (u) => u;
      r1('/a'); r2('/b'); r3('/c');
    `;
    expect(calls(code, host)).toEqual([`r1 → undici.request (undici)`, `r2 → undici.request (undici)`]);
  });

  it('follows instances made by factories to the call that made them', () => {
    const code = `
      import axios from 'axios';
      import got from 'got';
      import { Pool } from 'undici';
      const api = axios.create({ baseURL: '/x' });
      const client = got.extend({ prefixUrl: '/y' });
      const pool = new Pool('http://z');
      api.get('/a');
      api('/b');
      client('/c');
      pool.request({ path: '/d' });
    `;
    expect(calls(code, host)).toEqual([
      `axios.create → axios.create (axios)`,
      `got.extend → got.extend (got)`,
      `Pool → undici.Pool (undici)`,
      `api.get → axios.get (axios) on axios.create({ baseURL: '/x' })`,
      `api → axios.request (axios) on axios.create({ baseURL: '/x' })`,
      `client → got (got) on got.extend({ prefixUrl: '/y' })`,
      `pool.request → undici.request (undici) on new Pool('http://z')`,
    ]);
  });

  it('follows instances stored in class fields and assigned in the constructor', () => {
    const code = `
      const axios = require('axios');
      class Api {
        http = axios.create({ timeout: 1 });
        constructor() { this.other = axios.create(); }
        load() { return this.http.get('/a'); }
        save() { const go = () => this.other.post('/b'); return go(); }
      }
    `;
    expect(calls(code, host)).toEqual([
      `axios.create → axios.create (axios)`,
      `axios.create → axios.create (axios)`,
      `this.http.get → axios.get (axios) on axios.create({ timeout: 1 })`,
      `this.other.post → axios.post (axios) on axios.create()`,
    ]);
  });

  it('handles optional chaining, computed string members and dynamic import', () => {
    const code = `
      import * as undici from 'undici';
      undici?.request('/a');
      undici['fetch']('/b');
      const mod = await import('node:http');
      mod.get('/c');
      const key = 'fetch'; undici[key]('/d');
    `;
    expect(calls(code, host)).toEqual([
      `undici?.request → undici.request (undici)`,
      `undici['fetch'] → fetch (undici)`,
      `mod.get → http.get (http)`,
    ]);
  });

  it('gives kinds to awaited results, then-callbacks and callback parameters', () => {
    const code = `
      import http from 'node:http';
      import { request } from 'undici';
      async function main() {
        const pending = fetch('/a');
        const res = await fetch('/a');
        const { body } = await request('/b');
        probe(pending); probe(res);
        fetch('/c').then((r) => probe(r));
        http.get('/d', (incoming) => probe(incoming));
        const req = http.request('/e');
        req.on('response', (m) => probe(m));
        http.createServer((q, s) => { probe(q); probe(s); });
        probe(body);
      }
    `;
    expect(kinds(code, host)).toEqual([
      'pending: fetch-response (promise)',
      'res: fetch-response',
      'r: fetch-response',
      'incoming: incoming-message',
      'm: incoming-message',
      'q: incoming-message',
      's: server-response',
      'body: unknown',
    ]);
  });

  it('answers "cannot tell" for `this` outside any class (Program.parent is null)', () => {
    const code = `this.out.write('a'); const f = () => this.sink.write('b');`;
    const found = probeNodes(code, host, ['CallExpression'], (context, node) => {
      const call = node as TSESTree.CallExpression;
      if (call.callee.type !== 'MemberExpression') return undefined;
      return [resolveRef(context, call.callee), resolveInstance(context, call.callee.object), resolveCall(context, call)].map(String).join(' ');
    });
    expect(found).toEqual(['undefined undefined undefined', 'undefined undefined undefined']);
  });

  it('never throws on odd but valid syntax', () => {
    const code = `
      const { [Symbol.iterator]: it, ...rest } = require('undici');
      const [a] = require('http');
      ({ x: globalThis.y } = {});
      new (class {})();
      (0, eval)('1');
      a?.b?.(c)?.[d]?.();
      label: for (const q of []) { continue label; }
      tag\`x\`;
      it(); rest.fetch(); a.get();
      this.out.write('top-level this');
      const arrow = () => this.client.get('/x');
    `;
    expect(() => calls(code, host)).not.toThrow();
  });
});

describe('TypeScript-only syntax', () => {
  it('follows import-equals declarations', () => {
    const code = `
      import net = require('node:net');
      import type { Agent } from 'node:http';
      import local = Namespace.member;
      net.connect(80);
      local.connect(80);
    `;
    expect(calls(code, 'typescript-eslint')).toEqual([`net.connect → net.connect (net)`]);
  });
});

describe('resolveCall and resolveInstance with types', () => {
  it('recognises values by declared type where syntax cannot', () => {
    const code = `
      import type { AxiosInstance } from 'axios';
      import type { IncomingMessage } from 'node:http';
      declare function makeClient(): AxiosInstance;
      declare function getResponse(): Promise<Response>;
      export async function run(param: Response, message: IncomingMessage, client = makeClient()) {
        client.get('/a');
        const res = await getResponse();
        probe(res); probe(param); probe(message);
      }
      declare function probe(x: unknown): void;
    `;
    expect(calls(code, 'typed')).toEqual([`client.get → axios.get (?)`]);
    expect(kinds(code, 'typed')).toEqual(['res: fetch-response', 'param: fetch-response', 'message: incoming-message']);
  });

  it('agrees with syntax on what syntax already knows', () => {
    const code = `
      import { request } from 'undici';
      export async function run() { const r = await request('http://x'); return r; }
    `;
    expect(calls(code, 'typed')).toEqual([`request → undici.request (undici)`]);
  });
});
