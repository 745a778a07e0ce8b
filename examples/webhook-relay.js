// A webhook relay: partners POST events to a node:http server; each event is recorded in
// Postgres, de-duplicated in Redis and forwarded to the subscribers' own endpoints, to Slack
// and to an audit service. Every client here can wait forever on a peer that stalls.
import http from 'node:http';

import axios from 'axios';
import got from 'got';
import Redis from 'ioredis';
import pg from 'pg';

const MAX_BODY_BYTES = 1024 * 1024;

// require-client-timeout: `connect()` and `query()` wait forever when the database is
// unreachable or all ten clients are checked out.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

// require-client-timeout: a command to a Redis that stalls never settles.
const redis = new Redis(process.env.REDIS_URL);

// require-client-timeout: every Slack call through this instance can hang.
const slack = axios.create({ baseURL: 'https://hooks.slack.com' });

// no-disabled-timeout: someone made one slow audit call pass, for all calls.
const audit = got.extend({ prefixUrl: process.env.AUDIT_URL, timeout: { request: Infinity } });

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
  // require-request-timeout: one subscriber that accepts the connection and never answers
  // holds this delivery, and the partner's webhook, forever.
  const res = await fetch(subscriber.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-relay-signature': subscriber.signature },
    body: payload,
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
  await slack.post(process.env.SLACK_WEBHOOK_PATH, { text: `relayed ${event.type} to ${subscribers.length} subscribers` });
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

// no-disabled-timeout: "partners upload slowly" — and so can a slowloris client, forever.
server.requestTimeout = 0;
server.listen(8080);
