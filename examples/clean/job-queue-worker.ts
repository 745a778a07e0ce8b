// The job-queue worker of ../job-queue-worker.ts, with every buffer bounded:
//   - the intake counts the bytes it receives and answers 413 above a limit,
//   - the job queue has a maximum length and answers 503 (with Retry-After) when it is full,
//   - each job checks its URLs a few at a time,
//   - results are written with backpressure, and the writer stops when the client leaves.
import { once } from 'node:events';
import http from 'node:http';

interface Job {
  id: string;
  urls: string[];
}

interface Result {
  id: string;
  statuses: number[];
}

const REQUEST_TIMEOUT_MS = 10_000;
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_QUEUED_JOBS = 1000;
const FETCH_CONCURRENCY = 8;
const MAX_KEPT_RESULTS = 1000;

const jobs: Job[] = [];
const results: Result[] = [];
let draining = false;

async function fetchStatus(url: string): Promise<number> {
  const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  await response.body?.cancel();
  return response.status;
}

async function runJob(job: Job): Promise<Result> {
  const statuses: number[] = [];
  for (let start = 0; start < job.urls.length; start += FETCH_CONCURRENCY) {
    const batch = job.urls.slice(start, start + FETCH_CONCURRENCY);
    statuses.push(...(await Promise.all(batch.map((url) => fetchStatus(url)))));
  }
  return { id: job.id, statuses };
}

async function drain(): Promise<void> {
  if (draining) return;
  draining = true;
  try {
    for (let job = jobs.shift(); job !== undefined; job = jobs.shift()) {
      results.push(await runJob(job));
      if (results.length > MAX_KEPT_RESULTS) results.shift();
    }
  } finally {
    draining = false;
  }
}

function isJob(value: unknown): value is Job {
  const job = value as Partial<Job> | null;
  return typeof job?.id === 'string' && Array.isArray(job.urls) && job.urls.every((url) => typeof url === 'string');
}

const server = http.createServer(async (req, res) => {
  if (req.method === 'POST' && req.url === '/jobs') {
    const chunks: Buffer[] = [];
    let received = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      received += chunk.length;
      if (received > MAX_BODY_BYTES) {
        // Count real bytes: a chunked body has no Content-Length to check up front.
        tooLarge = true;
        res.writeHead(413, { connection: 'close' }).end();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) return;
      let job: unknown;
      try {
        job = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400).end();
        return;
      }
      if (!isJob(job)) {
        res.writeHead(422).end();
        return;
      }
      if (jobs.length >= MAX_QUEUED_JOBS) {
        res.writeHead(503, { 'retry-after': '5' }).end();
        return;
      }
      jobs.push(job);
      void drain();
      res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ queued: jobs.length }));
    });
    return;
  }

  if (req.method === 'GET' && req.url === '/results') {
    // A client that hangs up never emits 'drain': stop waiting when the response closes.
    const closed = new AbortController();
    res.once('close', () => closed.abort());
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    try {
      for (const result of results.slice()) {
        if (!res.write(`${JSON.stringify(result)}\n`)) await once(res, 'drain', { signal: closed.signal });
      }
      res.end();
    } catch {
      // The client left (or the response failed): the response is already closed.
    }
    return;
  }

  res.writeHead(404).end();
});

server.listen(8080);
