// Strict only: `no-unbounded-concurrency` starts one request per URL at once.
export async function fetchAll(urls) {
  return Promise.all(urls.map((url) => fetch(url, { signal: AbortSignal.timeout(5000) })));
}

// Recommended: `require-request-timeout`, so the file has a problem under every preset.
export async function status(url) {
  const res = await fetch(url);
  await res.body?.cancel();
  return res.status;
}
