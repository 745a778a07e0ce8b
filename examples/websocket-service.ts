// A live-notifications service: browsers open a WebSocket, subscribe to topics, and receive
// every event published on them. It passes its tests, and leaks: a client that disappears
// without a close frame (a laptop lid, a phone changing networks, a NAT dropping the idle flow)
// is never noticed, so its socket and its subscriptions stay until the process restarts.
// The corrected program is ./clean/websocket-service.ts.
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

interface ClientMessage {
  type: 'subscribe' | 'unsubscribe';
  topic: string;
}

const subscribers = new Map<string, Set<WebSocket>>();

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

// Bug (require-heartbeat): nobody pings these connections and nothing times them out;
// 'close' never fires for a peer that simply vanished.
wss.on('connection', (ws: WebSocket) => {
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

server.listen(8081);
