// The edge proxy from ../tcp-proxy.js with its connection lifecycle fixed: end() instead of
// write()+destroy(), Node's default accept queue, an idle pool as large as the socket pool,
// one shared agent, and an idle timeout on every raw TCP connection.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

const BACKENDS = [
  { host: '10.0.0.11', port: 5432 },
  { host: '10.0.0.12', port: 5432 },
];
const UPSTREAM = 'https://api.internal.example.com';
const IDLE_TIMEOUT_MS = 120_000;

let next = 0;
function pickBackend() {
  next = (next + 1) % BACKENDS.length;
  return BACKENDS[next];
}

// ---- TCP front door ---------------------------------------------------------------------

const tcpServer = net.createServer((client) => {
  // A client that vanishes without a FIN would otherwise pin both sockets forever.
  client.setTimeout(IDLE_TIMEOUT_MS, () => client.destroy());

  const backend = pickBackend();
  const upstream = net.connect({ port: backend.port, host: backend.host, timeout: 5_000 });
  upstream.on('timeout', () => upstream.destroy(new Error('backend idle')));

  upstream.on('connect', () => {
    client.pipe(upstream);
    upstream.pipe(client);
  });

  upstream.on('error', (err) => {
    // end() flushes the message and then closes; the idle timeout bounds the wait for the peer.
    client.end(`-ERR backend ${backend.host} unavailable: ${err.code}\r\n`);
  });

  client.on('error', () => upstream.destroy());
  client.on('close', () => upstream.destroy());
});

// Node's default backlog (511), capped by net.core.somaxconn.
tcpServer.listen(6432, '0.0.0.0');

// ---- HTTP forwarding --------------------------------------------------------------------

// One agent for the whole process; idle sockets kept up to the socket limit.
const upstreamAgent = new https.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 64, timeout: 30_000 });

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
  // A deadline for the whole probe, not just an idle timer.
  const probe = https.get(`${UPSTREAM}/healthz`, { agent: upstreamAgent, signal: AbortSignal.timeout(2_000) }, (probeRes) => {
    probeRes.resume();
    res.writeHead(probeRes.statusCode === 200 ? 200 : 503);
    res.end();
  });
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
