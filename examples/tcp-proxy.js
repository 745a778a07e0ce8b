// An edge proxy with two front doors: raw TCP connections are forwarded to a pool of backends
// (with a one-line error when none is reachable), and HTTP requests are forwarded to an
// upstream API through node:http agents. It works in every test, and carries the
// connection-lifecycle bugs that show up under production load.
// The corrected program is ./clean/tcp-proxy.js.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

const BACKENDS = [
  { host: '10.0.0.11', port: 5432 },
  { host: '10.0.0.12', port: 5432 },
];
const UPSTREAM = 'https://api.internal.example.com';

let next = 0;
function pickBackend() {
  next = (next + 1) % BACKENDS.length;
  return BACKENDS[next];
}

// ---- TCP front door ---------------------------------------------------------------------

const tcpServer = net.createServer((client) => {
  const backend = pickBackend();
  const upstream = net.connect(backend.port, backend.host);

  upstream.on('connect', () => {
    client.pipe(upstream);
    upstream.pipe(client);
  });

  upstream.on('error', (err) => {
    // Bug (prefer-end-over-destroy): destroy() right after write() can drop the message,
    // or reset the connection before the client reads it.
    client.write(`-ERR backend ${backend.host} unavailable: ${err.code}\r\n`);
    client.destroy();
  });

  client.on('error', () => upstream.destroy());
  client.on('close', () => upstream.destroy());
});

// Bug (no-small-listen-backlog): a burst of more than 128 connections overflows the accept queue.
tcpServer.listen(6432, '0.0.0.0', 128);

// ---- HTTP forwarding --------------------------------------------------------------------

// Bug (consistent-keepalive-pool): up to 64 sockets per host, but only 4 kept idle, so every
// burst opens and closes 60 connections (restic: 40 vs. 2).
const upstreamAgent = new https.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 4, timeout: 30_000 });

function forward(req, res, agent) {
  const target = new URL(req.url, UPSTREAM);
  const upstreamReq = https.request(target, { method: req.method, headers: req.headers, agent, timeout: 10_000 }, (upstreamRes) => {
    res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
    upstreamRes.pipe(res);
  });
  upstreamReq.on('timeout', () => upstreamReq.destroy(new Error('upstream timeout')));
  upstreamReq.on('error', () => {
    res.writeHead(502);
    res.end();
  });
  req.pipe(upstreamReq);
}

function healthCheck(res) {
  // Bug (no-agent-per-request): a fresh agent (and so a fresh TLS connection) for every probe.
  const probe = https.get(`${UPSTREAM}/healthz`, { agent: new https.Agent({ keepAlive: true }), timeout: 2_000 }, (probeRes) => {
    probeRes.resume();
    res.writeHead(probeRes.statusCode === 200 ? 200 : 503);
    res.end();
  });
  probe.on('timeout', () => probe.destroy(new Error('health check timeout')));
  probe.on('error', () => {
    res.writeHead(503);
    res.end();
  });
}

const httpServer = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    healthCheck(res);
    return;
  }
  forward(req, res, upstreamAgent);
});

httpServer.listen(8080);
