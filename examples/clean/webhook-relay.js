// The webhook relay of examples/webhook-relay.js, with every client bounded in time: the
// pool and Redis fail fast, each delivery has a deadline, and the server keeps Node's
// protection against clients that send their request slowly.
import http from 'node:http';

import axios from 'axios';
import got from 'got';
import Redis from 'ioredis';
import pg from 'pg';

const MAX_BODY_BYTES = 1024 * 1024;
const DELIVERY_TIMEOUT_MS = 10_000;

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  connectionTimeoutMillis: 5_000,
  query_timeout: 10_000,
});

const redis = new Redis(process.env.REDIS_URL, { commandTimeout: 2_000 });

const slack = axios.create({ baseURL: 'https://hooks.slack.com', timeout: 5_000 });

const audit = got.extend({ prefixUrl: process.env.AUDIT_URL, timeout: { request: 10_000 } });

async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('payload too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function deliver(subscriber, payload) {
  const res = await fetch(subscriber.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-relay-signature': subscriber.signature },
    body: payload,
    signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`subscriber ${subscriber.id} answered ${res.status}: ${text.slice(0, 200)}`);
}

async function relay(event, payload) {
  const fresh = await redis.set(`webhook:${event.id}`, '1', 'EX', 86_400, 'NX');
  if (fresh === null) return;
  await pool.query('insert into webhook_events (id, type, payload) values ($1, $2, $3)', [event.id, event.type, payload]);
  const { rows: subscribers } = await pool.query('select id, url, signature from subscribers where event_type = $1', [event.type]);
  for (const subscriber of subscribers) await deliver(subscriber, payload);
  // axios's `timeout` is an idle timer in Node: the signal bounds the whole call.
  await slack.post(
    process.env.SLACK_WEBHOOK_PATH,
    { text: `relayed ${event.type} to ${subscribers.length} subscribers` },
    { signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) },
  );
  await audit.post('events', { json: { id: event.id, type: event.type, subscribers: subscribers.length } });
}

const server = http.createServer(async (req, res) => {
  if (req.method !== 'POST' || req.url !== '/webhooks') {
    res.writeHead(404).end();
    return;
  }
  try {
    const payload = await readBody(req);
    await relay(JSON.parse(payload), payload);
    res.writeHead(202).end();
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
  }
});

// Slow partners get two minutes, not forever.
server.requestTimeout = 120_000;
server.listen(8080);
