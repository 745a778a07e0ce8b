// `npm run bench`: what the wirelint rules add to ESLint's own cost, as ratios measured in one
// run (medians of several rounds, interleaved so machine noise hits every configuration alike).
// Corpus: examples/ plus a fixed set of JavaScript files from this repository's node_modules.
// Options: --rounds N (default 5), --per-rule (also time each rule alone), --files N (cap).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const plugin = createRequire(import.meta.url)(path.join(root, 'packages/eslint-plugin/dist/index.js'));
const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '5' }, 'per-rule': { type: 'boolean', default: false }, files: { type: 'string', default: '1500' } },
});
const rounds = Number(values.rounds);

const CORPUS_PACKAGES = ['eslint/lib', 'vite/dist/node', 'vitest/dist', 'vscode-jsonrpc/lib', 'vscode-languageserver/lib', 'esbuild/lib', 'espree', 'ajv/lib'];
const EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.ts']);

function collect(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') collect(full, out);
    else if (entry.isFile() && EXTENSIONS.has(path.extname(entry.name)) && !entry.name.endsWith('.d.ts') && statSync(full).size < 500_000) out.push(full);
  }
}

const files = [];
collect(path.join(root, 'examples'), files);
for (const name of CORPUS_PACKAGES) collect(path.join(root, 'node_modules', name), files);
const corpus = files.slice(0, Number(values.files)).map((file) => ({
  // ESLint ignores node_modules: lint under stand-in names.
  filename: path.join(root, 'bench', path.relative(root, file).replaceAll('node_modules', 'nm')),
  code: readFileSync(file, 'utf8'),
}));
const lines = corpus.reduce((sum, { code }) => sum + code.split('\n').length, 0);

const linter = new Linter({ configType: 'flat', cwd: root });
const base = {
  files: ['**/*'],
  languageOptions: { parser: tsParser },
  linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
  plugins: { wirelint: plugin },
};
const allRules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`wirelint/${name}`, 'error']));
// A rule that listens to nothing: what ESLint's traversal costs once any rule is on, so that
// per-rule figures can be read against it rather than against no traversal at all.
base.plugins = { ...base.plugins, bench: { rules: { noop: { meta: { type: 'problem', schema: [] }, create: () => ({ Program() {} }) } } } };
const configurations = { 'parse only (no rules)': {}, 'one no-op rule': { 'bench/noop': 'error' }, 'all wirelint rules': allRules };
if (values['per-rule']) for (const name of Object.keys(plugin.rules)) configurations[name] = { [`wirelint/${name}`]: 'error' };

function lintAll(rules) {
  const config = [{ ...base, rules }];
  let findings = 0;
  const start = performance.now();
  for (const { filename, code } of corpus) findings += linter.verify(code, config, { filename }).filter((m) => m.ruleId !== null).length;
  return { ms: performance.now() - start, findings };
}

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

console.log(`corpus: ${corpus.length} files, ${lines.toLocaleString('en')} lines · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · Node ${process.version}`);
console.log(`rounds: ${rounds} (plus one warm-up), configurations interleaved\n`);
for (const rules of Object.values(configurations)) lintAll(rules); // warm-up: JIT, caches, file reads

const times = Object.fromEntries(Object.keys(configurations).map((name) => [name, []]));
const findings = {};
for (let round = 0; round < rounds; round += 1) {
  for (const [name, rules] of Object.entries(configurations)) {
    const result = lintAll(rules);
    times[name].push(result.ms);
    findings[name] = result.findings;
  }
}

const baseline = median(times['parse only (no rules)']);
console.log('| configuration | median ms | ratio to parse only | findings |');
console.log('| --- | ---: | ---: | ---: |');
for (const name of Object.keys(configurations)) {
  const ms = median(times[name]);
  console.log(`| ${name} | ${ms.toFixed(0)} | ${(ms / baseline).toFixed(3)} | ${findings[name]} |`);
}
