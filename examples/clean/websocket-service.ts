// The notifications service from ../websocket-service.ts with a heartbeat: every connection is
// pinged on an interval and terminated when it misses a pong, which also fires 'close' and so
// drops its subscriptions (the recipe from the ws README).
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const HEARTBEAT_INTERVAL_MS = 30_000;

interface ClientMessage {
  type: 'subscribe' | 'unsubscribe';
  topic: string;
}

const subscribers = new Map<string, Set<WebSocket>>();
const alive = new WeakMap<WebSocket, boolean>();

function subscribe(ws: WebSocket, topic: string): void {
  let set = subscribers.get(topic);
  if (set === undefined) {
    set = new Set();
    subscribers.set(topic, set);
  }
  set.add(ws);
}

function unsubscribeAll(ws: WebSocket): void {
  for (const set of subscribers.values()) set.delete(ws);
}

export function publish(topic: string, event: unknown): void {
  const payload = JSON.stringify({ topic, event });
  for (const ws of subscribers.get(topic) ?? []) {
    if (ws.readyState === ws.OPEN) ws.send(payload);
  }
}

const server = http.createServer((req, res) => {
  res.writeHead(req.url === '/healthz' ? 200 : 404);
  res.end();
});

const wss = new WebSocketServer({ server, maxPayload: 64 * 1024 });

wss.on('connection', (ws: WebSocket) => {
  alive.set(ws, true);
  ws.on('pong', () => alive.set(ws, true));
  ws.on('message', (data) => {
    let message: ClientMessage;
    try {
      message = JSON.parse(String(data)) as ClientMessage;
    } catch {
      ws.close(1003, 'invalid JSON');
      return;
    }
    if (message.type === 'subscribe') subscribe(ws, message.topic);
    else subscribers.get(message.topic)?.delete(ws);
  });
  ws.on('close', () => unsubscribeAll(ws));
});

// A peer that missed the last ping is gone: terminate() it ('close' then cleans up).
const heartbeat = setInterval(() => {
  for (const ws of wss.clients) {
    if (alive.get(ws) !== true) {
      ws.terminate();
      continue;
    }
    alive.set(ws, false);
    ws.ping();
  }
}, HEARTBEAT_INTERVAL_MS);

wss.on('close', () => clearInterval(heartbeat));

server.listen(8081);
