// The real-world corpus shared by `npm run sweep` and `npm run bench`: a pinned list of popular npm
// packages with heavy network code, fetched with `npm pack` into a cache outside the repository
// (never under a `node_modules` folder: ESLint ignores those paths).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Pinned: findings and figures stay comparable from run to run. Bump deliberately, re-triage. */
export const CORPUS = Object.freeze([
  { name: 'got', version: '16.1.0' },
  { name: 'node-fetch', version: '3.3.2' },
  { name: 'undici', version: '8.12.4' },
  { name: 'ws', version: '8.23.0' },
  { name: 'superagent', version: '10.4.2' },
  { name: 'needle', version: '3.5.0' },
  { name: 'openai', version: '7.57.0' },
  { name: 'stripe', version: '23.1.0' },
  { name: '@slack/web-api', version: '8.2.0' },
  { name: 'nodemailer', version: '10.6.0' },
  { name: 'pg', version: '8.23.1' },
  { name: 'ioredis', version: '6.0.0' },
  { name: 'mqtt', version: '5.16.0' },
  { name: 'amqplib', version: '2.3.1' },
  { name: 'http-proxy', version: '1.18.1' },
  { name: 'axios', version: '1.21.1' },
  { name: '@grpc/grpc-js', version: '1.14.7' },
  { name: 'ky', version: '2.1.0' },
]);

/**
 * Pinned, second set: application-style network code (bots, SDK clients, CLIs, servers, proxies,
 * job queues). Libraries are written by network experts; the bugs the rules look for live mostly
 * in code like this, so precision is measured on both.
 */
export const APPLICATION_CORPUS = Object.freeze([
  { name: 'node-telegram-bot-api', version: '2.1.0' },
  { name: 'telegraf', version: '4.16.3' },
  { name: 'web-push', version: '3.6.7' },
  { name: 'localtunnel', version: '2.0.2' },
  { name: 'request', version: '2.88.2' },
  { name: 'socket.io', version: '4.8.4' },
  { name: 'engine.io', version: '6.6.12' },
  { name: 'kafkajs', version: '2.2.4' },
  { name: 'bullmq', version: '6.7.0' },
  { name: '@octokit/request', version: '10.0.16' },
  { name: 'http-server', version: '14.1.1' },
  { name: 'json-server', version: '0.17.4' },
  { name: 'ssh2', version: '1.17.0' },
  { name: 'basic-ftp', version: '6.2.6' },
  { name: '@sendgrid/client', version: '8.1.6' },
  { name: 'mailgun.js', version: '14.0.1' },
  { name: '@node-red/nodes', version: '5.0.7' },
  { name: '@slack/bolt', version: '5.1.0' },
  { name: 'ftp', version: '0.3.10' },
  { name: 'ssh2-sftp-client', version: '12.1.1' },
]);

/**
 * Pinned, third set: the wider ecosystem — SDKs and API clients (firebase-admin, minio, soap,
 * twitter-api-v2, @line/bot-sdk…), HTTP helpers (make-fetch-happen, gaxios, wretch, bent…),
 * servers, brokers and middlewares (aedes, smtp-server, ftp-srv, peer, sockjs, http-proxy-middleware…),
 * job queues (bee-queue, agenda, rascal), agents and tools (newrelic, @sentry/node, pm2,
 * verdaccio, parse-server, probot, @actions/tool-cache). Added so the hand triage covers a sample
 * of more than 100 findings.
 */
export const ECOSYSTEM_CORPUS = Object.freeze([
  { name: '@distube/ytdl-core', version: '4.16.12' },
  { name: 'twitter-api-v2', version: '1.29.1' },
  { name: 'spotify-web-api-node', version: '5.0.2' },
  { name: 'minio', version: '8.0.7' },
  { name: '@elastic/transport', version: '9.4.0' },
  { name: 'mysql2', version: '3.24.6' },
  { name: '@redis/client', version: '6.3.1' },
  { name: 'nats', version: '2.29.3' },
  { name: 'aedes', version: '1.2.0' },
  { name: 'smtp-server', version: '3.21.6' },
  { name: 'imapflow', version: '2.10.2' },
  { name: 'ldapjs', version: '3.0.7' },
  { name: 'soap', version: '1.13.0' },
  { name: 'restify-clients', version: '5.0.0' },
  { name: '@hapi/wreck', version: '18.1.2' },
  { name: 'make-fetch-happen', version: '16.0.1' },
  { name: 'minipass-fetch', version: '6.0.1' },
  { name: 'http-proxy-middleware', version: '4.2.2' },
  { name: 'express-http-proxy', version: '2.1.2' },
  { name: 'http-mitm-proxy', version: '1.1.0' },
  { name: 'socks', version: '2.8.11' },
  { name: 'simple-get', version: '4.0.1' },
  { name: 'bittorrent-tracker', version: '11.2.3' },
  { name: 'node-downloader-helper', version: '2.1.11' },
  { name: '@sentry/node', version: '11.12.0' },
  { name: 'gaxios', version: '8.3.3' },
  { name: 'teeny-request', version: '11.1.1' },
  { name: '@actions/http-client', version: '4.0.1' },
  { name: '@actions/tool-cache', version: '4.0.0' },
  { name: 'probot', version: '14.3.2' },
  { name: '@semantic-release/github', version: '12.0.10' },
  { name: 'bee-queue', version: '2.0.0' },
  { name: 'agenda', version: '6.2.6' },
  { name: 'amqp-connection-manager', version: '5.0.0' },
  { name: 'rascal', version: '21.0.1' },
  { name: 'websocket', version: '1.0.35' },
  { name: 'faye-websocket', version: '0.11.4' },
  { name: 'sockjs', version: '0.3.24' },
  { name: 'peer', version: '1.0.2' },
  { name: '@line/bot-sdk', version: '11.2.0' },
  { name: '@slack/socket-mode', version: '3.1.0' },
  { name: 'castv2', version: '0.1.10' },
  { name: 'ftp-srv', version: '4.6.3' },
  { name: 'tus-js-client', version: '4.3.1' },
  { name: '@tus/server', version: '2.4.5' },
  { name: 'node-ssh', version: '13.2.1' },
  { name: 'wretch', version: '3.0.9' },
  { name: 'phin', version: '4.0.0' },
  { name: 'centra', version: '2.7.0' },
  { name: 'bent', version: '7.3.12' },
  { name: 'tiny-json-http', version: '7.5.1' },
  { name: '@parse/node-apn', version: '8.1.0' },
  { name: 'firebase-admin', version: '14.5.1' },
  { name: 'google-auth-library', version: '11.3.4' },
  { name: '@azure/core-rest-pipeline', version: '1.25.1' },
  { name: '@smithy/node-http-handler', version: '4.14.2' },
  { name: 'node-pushnotifications', version: '6.0.0' },
  { name: 'proxy-agent', version: '8.0.2' },
  { name: 'pm2', version: '7.0.4' },
  { name: 'verdaccio', version: '6.10.4' },
  { name: 'parse-server', version: '9.10.0' },
  { name: 'newrelic', version: '14.5.1' },
]);

/** The named sets `ensureCorpus({ sets })` accepts. `libraries` is `CORPUS`. */
export const CORPUS_SETS = Object.freeze({ libraries: CORPUS, applications: APPLICATION_CORPUS, ecosystem: ECOSYSTEM_CORPUS });

const SOURCE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx']);
const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.tsx']);
// Not the code the package runs for its users: tests mock the network on purpose, examples and
// scripts are not shipped paths, `types/` holds declarations only.
const SKIPPED_DIRECTORIES = new Set([
  'node_modules', '.github', 'test', 'tests', '__tests__', '__mocks__', 'spec', 'bench', 'benchmark', 'benchmarks',
  'example', 'examples', 'docs', 'scripts', 'types',
]);
// Directories that hold a compiled copy of the package's code.
const BUILD_DIRECTORIES = new Set(['dist', 'build', 'built', 'esm', 'cjs', 'mjs', 'es', 'commonjs', 'module', 'src', 'lib']);
const MAX_FILE_BYTES = 1_000_000;
// Minified or generated (base64 WebAssembly, for instance): not code anyone reads or fixes by hand.
const MAX_LINE_LENGTH = 1_000;

export function cacheRoot() {
  return process.env.WIRELINT_CACHE ?? path.join(os.homedir(), '.cache', 'wirelint');
}

/** `@slack/web-api` → `slack__web-api@8.2.0`: one flat directory per pinned package. */
function directoryName({ name, version }) {
  return `${name.replace(/^@/, '').replace('/', '__')}@${version}`;
}

function fetchPackage(spec, destination, log) {
  const staging = `${destination}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  log(`fetching ${spec.name}@${spec.version}`);
  const packed = JSON.parse(
    execFileSync('npm', ['pack', `${spec.name}@${spec.version}`, '--json', '--pack-destination', staging], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const tarball = path.join(staging, packed[0].filename);
  execFileSync('tar', ['-xzf', tarball, '-C', staging, '--no-same-owner']);
  rmSync(tarball);
  // npm packs into `package/`, but a few tarballs published by other tools use another single
  // top-level folder (ssh2: `mscdex-ssh2-<commit>/`); name it `package/` like the others.
  const [top, ...others] = readdirSync(staging);
  if (top !== 'package' && others.length === 0) renameSync(path.join(staging, top), path.join(staging, 'package'));
  // Extracting into a staging directory and renaming makes an interrupted fetch start over
  // instead of leaving half a package that later runs would take as cached.
  renameSync(staging, destination);
}

function walk(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full, out);
    } else if (entry.isFile() && isSourceFile(entry.name)) {
      out.push(full);
    }
  }
}

// Tests shipped beside the code (`localtunnel.spec.js`, kafkajs `*.test.js`, tus-js-client's type test
// `index.test-d.ts`), skipped like test folders.
function isSourceFile(name) {
  return SOURCE_EXTENSIONS.has(path.extname(name)) && !/\.d\.[cm]?ts$/.test(name) && !/[.-]min\.[cm]?js$/.test(name) && !/\.(spec|test)(-d)?\.[cm]?[jt]sx?$/.test(name);
}

function isReadableSource(file) {
  if (statSync(file).size > MAX_FILE_BYTES) return false;
  // An inline source map is one long comment line in otherwise readable code (superagent).
  return readFileSync(file, 'utf8')
    .split('\n')
    .every((line) => line.length <= MAX_LINE_LENGTH || line.startsWith('//# sourceMappingURL='));
}

/**
 * Module identity across builds: `dist/esm/core/request.js`, `dist/cjs/core/request.js` and
 * `src/core/request.ts` all name `core/request`.
 */
function moduleKey(relative) {
  const segments = relative.split('/');
  while (segments.length > 1 && BUILD_DIRECTORIES.has(segments[0])) segments.shift();
  const last = segments.pop();
  return [...segments, last.slice(0, last.length - path.extname(last).length)].join('/');
}

/** Lower is preferred: the TypeScript source, then plain sources, then ES module builds, then CommonJS builds. */
function buildRank(relative) {
  const extension = path.extname(relative);
  if (TYPESCRIPT_EXTENSIONS.has(extension)) return 0;
  const segments = relative.split('/').slice(0, -1);
  if (!segments.some((segment) => ['dist', 'build', 'built', 'esm', 'cjs', 'mjs', 'es', 'commonjs', 'module'].includes(segment))) return 1;
  if (extension === '.mjs' || segments.includes('esm') || segments.includes('mjs') || segments.includes('es')) return 2;
  return 3;
}

/**
 * The package's own source files, one copy of each module. Packages often ship the same code two
 * or three times (TypeScript source plus compiled `.js` and `.mjs` — openai; `esm/` and `cjs/` —
 * stripe, nodemailer; a single-file `dist/` bundle of `lib/` — axios, superagent, mqtt). Linting
 * every copy would count each finding several times, so we keep one per module: the TypeScript
 * source when shipped (what a maintainer edits, and it carries types), else the plain source,
 * else the ES module build. A top-level `dist/` next to a `lib/`, `src/`, `build/` or `built/`
 * tree is a bundle of that tree and is skipped whole.
 */
export function listSourceFiles(packageDir) {
  const found = [];
  walk(packageDir, found);
  const relativeFiles = found.map((file) => path.relative(packageDir, file).split(path.sep).join('/'));
  const topLevel = new Set(relativeFiles.map((file) => file.split('/')[0]));
  const hasSourceTree = ['lib', 'src', 'build', 'built'].some((dir) => topLevel.has(dir));
  const chosen = new Map();
  for (const relative of relativeFiles) {
    if (hasSourceTree && relative.startsWith('dist/')) continue;
    const key = moduleKey(relative);
    const current = chosen.get(key);
    if (current === undefined || buildRank(relative) < buildRank(current)) chosen.set(key, relative);
  }
  return [...chosen.values()]
    .sort()
    .map((relative) => path.join(packageDir, relative))
    .filter(isReadableSource);
}

/**
 * `module` or `commonjs`, as Node would load the file: by extension, else by the `type` of the
 * nearest package.json inside the package (stripe ships `esm/package.json` with `"type": "module"`).
 */
export function sourceTypeOf(file, packageDir) {
  if (/\.(mjs|mts|ts|tsx)$/.test(file)) return 'module';
  if (/\.(cjs|cts)$/.test(file)) return 'commonjs';
  for (let dir = path.dirname(file); dir.startsWith(packageDir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).type === 'module' ? 'module' : 'commonjs';
  }
  return 'commonjs';
}

const TYPES_DIRECTORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '@types');

/**
 * Writes the package's `tsconfig.json` for type-aware runs: the chosen files with `allowJs`, and
 * Node's types from this repository (the corpus has no node_modules of its own, so imports of
 * other packages resolve to nothing and their values type as `any`). A tsconfig the package ships
 * would claim files first under the project service (openai's `src/tsconfig.json` includes one
 * file), so those are renamed to `*.shipped.json`.
 */
function writeTypedProject(dir, files) {
  const shipped = [];
  const findShipped = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') findShipped(full);
      else if (/^(tsconfig|jsconfig)\.json$/.test(entry.name) && full !== path.join(dir, 'tsconfig.json')) shipped.push(full);
    }
  };
  findShipped(dir);
  for (const file of shipped) renameSync(file, file.replace(/\.json$/, '.shipped.json'));
  const tsconfig = path.join(dir, 'tsconfig.json');
  const config = {
    compilerOptions: {
      allowJs: true,
      checkJs: false,
      noEmit: true,
      strict: true,
      skipLibCheck: true,
      target: 'es2023',
      lib: ['es2023', 'dom', 'dom.iterable'],
      module: 'preserve',
      moduleResolution: 'bundler',
      typeRoots: [TYPES_DIRECTORY],
      types: ['node'],
    },
    files: files.map((file) => path.relative(dir, file).split(path.sep).join('/')),
  };
  const text = `${JSON.stringify(config, null, 2)}\n`;
  if (!existsSync(tsconfig) || readFileSync(tsconfig, 'utf8') !== text) writeFileSync(tsconfig, text);
  return tsconfig;
}

function countLines(file) {
  const text = readFileSync(file, 'utf8');
  let lines = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return text.length > 0 && !text.endsWith('\n') ? lines + 1 : lines;
}

/** @typedef {{ name: string, version: string, set: string, dir: string, files: string[], lines: number, tsconfig: string }} CorpusPackage */

/**
 * Fetches (once) and lists the pinned corpus. Cached under `$WIRELINT_CACHE/corpus` (default
 * `~/.cache/wirelint/corpus`); a package already extracted is not fetched again. Each package
 * gets a generated `tsconfig.json` (see `writeTypedProject`) for the project service.
 * `sets` picks the pinned lists (keys of `CORPUS_SETS`, in order). The default stays the 18
 * libraries alone, so `npm run bench` figures stay comparable; `npm run sweep` asks for
 * `['libraries', 'applications']`.
 * @param {{ log?: (message: string) => void, sets?: string[] }} [options]
 * @returns {Promise<{ root: string, packages: CorpusPackage[], files: string[], lines: number }>}
 */
export async function ensureCorpus({ log = () => {}, sets = ['libraries'] } = {}) {
  const unknown = sets.filter((set) => !Object.hasOwn(CORPUS_SETS, set));
  if (unknown.length > 0) throw new Error(`unknown corpus set ${unknown.join(', ')}; expected ${Object.keys(CORPUS_SETS).join(', ')}`);
  const specs = sets.flatMap((set) => CORPUS_SETS[set].map((spec) => ({ ...spec, set })));
  const root = path.join(cacheRoot(), 'corpus');
  if (root.split(path.sep).includes('node_modules')) {
    throw new Error(`WIRELINT_CACHE must not be inside a node_modules folder (ESLint ignores those files): ${root}`);
  }
  mkdirSync(root, { recursive: true });
  const packages = [];
  for (const spec of specs) {
    const destination = path.join(root, directoryName(spec));
    if (!existsSync(destination)) fetchPackage(spec, destination, log);
    const dir = path.join(destination, 'package');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    if (manifest.name !== spec.name || manifest.version !== spec.version) {
      throw new Error(`${destination} holds ${manifest.name}@${manifest.version}, expected ${spec.name}@${spec.version}; delete it to refetch`);
    }
    const files = listSourceFiles(dir);
    const lines = files.reduce((sum, file) => sum + countLines(file), 0);
    const tsconfig = writeTypedProject(dir, files);
    packages.push({ name: spec.name, version: spec.version, set: spec.set, dir, files, lines, tsconfig });
  }
  writeFileSync(path.join(root, 'README.txt'), 'wirelint sweep/bench corpus (scripts/lib/corpus.mjs). Safe to delete.\n');
  return {
    root,
    packages,
    files: packages.flatMap((pkg) => pkg.files),
    lines: packages.reduce((sum, pkg) => sum + pkg.lines, 0),
  };
}
