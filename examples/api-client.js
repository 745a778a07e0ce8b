// A small client for a GitHub-like REST API, and a status checker for the services behind it.
// Every test passes. In production each marked path keeps a pooled connection busy until the
// pool stalls (wirelint/no-unconsumed-body); examples/clean/api-client.js is the fixed version.
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

/** GET /repos/:owner/:repo. BUG: a 404 or 500 is thrown with its body unread. */
export async function getRepo(token, owner, repo) {
  const res = await fetch(`${API}/repos/${owner}/${repo}`, options(token));
  if (!res.ok) throw new Error(`GET ${owner}/${repo} answered ${res.status}`);
  return res.json();
}

/** PUT /user/starred/:owner/:repo answers 204 No Content. BUG: any other answer is dropped unread. */
export async function star(token, owner, repo) {
  const res = await fetch(`${API}/user/starred/${owner}/${repo}`, options(token, { method: 'PUT' }));
  if (res.status === 204) return true;
  return false;
}

/** Every open issue, page by page. BUG: a rate-limited page is retried without releasing it. */
export async function listIssues(token, owner, repo, maxPages = 10) {
  const issues = [];
  let url = `${API}/repos/${owner}/${repo}/issues?state=open&per_page=100`;
  for (let page = 0; page < maxPages && url !== undefined; page += 1) {
    const res = await fetch(url, options(token));
    if (res.status === 403 || res.status === 429) {
      await sleep(1_000);
      continue;
    }
    issues.push(...(await res.json()));
    url = nextPage(res.headers.get('link'));
  }
  return issues;
}

/** Whether a release asset exists. BUG: a GET whose body is never read, only its status. */
export async function assetExists(token, url) {
  const res = await fetch(url, options(token));
  return res.ok;
}

/** The health of one backing service (undici). BUG: an unhealthy answer is never read. */
export async function serviceStatus(baseUrl) {
  const { statusCode, body } = await request(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (statusCode !== 200) {
    return { up: false, statusCode };
  }
  const report = await body.json();
  return { up: report.status === 'pass', statusCode };
}

/** A plain HTTPS probe for endpoints outside the API. BUG: the response is never read. */
export function probe(url, callback) {
  https
    .get(url, { signal: AbortSignal.timeout(TIMEOUT_MS) }, (res) => {
      callback(null, res.statusCode < 500);
    })
    .on('error', callback);
}
