// A job-queue worker: clients POST jobs to an HTTP intake endpoint, a background loop runs them
// one by one (each job checks a list of URLs), and GET /results streams the finished results as
// NDJSON. It passes its tests, which send small bodies, a few jobs and short URL lists. In
// production every one of its buffers grows with the load instead of pushing back:
//   - the intake collects request bodies with no size limit,
//   - jobs wait in an array that nothing bounds,
//   - each job starts a request for every URL at once,
//   - results are written to slow readers without waiting for 'drain'.
// The corrected program is ./clean/job-queue-worker.ts.
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

const jobs: Job[] = [];
const results: Result[] = [];
let draining = false;

async function fetchStatus(url: string): Promise<number> {
  const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  await response.body?.cancel();
  return response.status;
}

async function runJob(job: Job): Promise<Result> {
  // A job with 50 000 URLs opens 50 000 connections at once.
  const statuses = await Promise.all(job.urls.map((url) => fetchStatus(url)));
  return { id: job.id, statuses };
}

async function drain(): Promise<void> {
  if (draining) return;
  draining = true;
  try {
    for (let job = jobs.shift(); job !== undefined; job = jobs.shift()) {
      results.push(await runJob(job));
      if (results.length > 1000) results.shift();
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
    let body = '';
    // A client can send an endless body: it all ends up in `body`.
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      let job: unknown;
      try {
        job = JSON.parse(body);
      } catch {
        res.writeHead(400).end();
        return;
      }
      if (!isJob(job)) {
        res.writeHead(422).end();
        return;
      }
      // When jobs arrive faster than they run, the queue grows until the process dies.
      jobs.push(job);
      void drain();
      res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ queued: jobs.length }));
    });
    return;
  }

  if (req.method === 'GET' && req.url === '/results') {
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    for (const result of results) {
      // A slow reader makes the server buffer every line.
      res.write(`${JSON.stringify(result)}\n`);
    }
    res.end();
    return;
  }

  res.writeHead(404).end();
});

server.listen(8080);
