// The quick-fix step: `no-small-listen-backlog` (recommended) offers "Raise the backlog to 511."
// The untrusted step: eslint.config.mjs turns this rule off, which must not count until trusted.
import http from 'node:http';

const server = http.createServer((req, res) => {
  res.end('ok');
});

server.listen(8080, '127.0.0.1', 5);
