// The client and status checker from ../api-client.js with every response body read, released
// or handed on, on every path.
import https from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';

const API = 'https://api.example.com';
const TIMEOUT_MS = 10_000;

function options(token, init = {}) {
  return {
    ...init,
    headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.example+json' },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  };
}

/** The URL of the next page from a `Link` header, if any. */
function nextPage(link) {
  const match = /<([^>]+)>;\s*rel="next"/.exec(link ?? '');
  return match === null ? undefined : match[1];
}

/** GET /repos/:owner/:repo; the error body goes into the error message. */
export async function getRepo(token, owner, repo) {
  const res = await fetch(`${API}/repos/${owner}/${repo}`, options(token));
  if (!res.ok) throw new Error(`GET ${owner}/${repo} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** PUT /user/starred/:owner/:repo answers 204 No Content, which has no body. */
export async function star(token, owner, repo) {
  const res = await fetch(`${API}/user/starred/${owner}/${repo}`, options(token, { method: 'PUT' }));
  if (res.status === 204) return true;
  await res.body?.cancel();
  return false;
}

/** Every open issue, page by page; a rate-limited page is released before the retry. */
export async function listIssues(token, owner, repo, maxPages = 10) {
  const issues = [];
  let url = `${API}/repos/${owner}/${repo}/issues?state=open&per_page=100`;
  for (let page = 0; page < maxPages && url !== undefined; page += 1) {
    const res = await fetch(url, options(token));
    if (res.status === 403 || res.status === 429) {
      await res.body?.cancel();
      await sleep(1_000);
      continue;
    }
    issues.push(...(await res.json()));
    url = nextPage(res.headers.get('link'));
  }
  return issues;
}

/** Whether a release asset exists: a HEAD request has no body to read. */
export async function assetExists(token, url) {
  const res = await fetch(url, { ...options(token), method: 'HEAD' });
  return res.ok;
}

/** The health of one backing service (undici); an unhealthy answer is dumped. */
export async function serviceStatus(baseUrl) {
  const { statusCode, body } = await request(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (statusCode !== 200) {
    await body.dump();
    return { up: false, statusCode };
  }
  const report = await body.json();
  return { up: report.status === 'pass', statusCode };
}

/** A plain HTTPS probe for endpoints outside the API; the response is drained. */
export function probe(url, callback) {
  https
    .get(url, { signal: AbortSignal.timeout(TIMEOUT_MS) }, (res) => {
      res.resume();
      callback(null, res.statusCode < 500);
    })
    .on('error', callback);
}
