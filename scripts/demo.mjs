// `npm run demo`: runs the wirelint CLI over examples/ with every rule on (the `all` preset),
// then checks the demo's promise: every rule fires somewhere in examples/, and the corrected
// programs in examples/clean/ have no findings at all.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'packages/cli/bin/wirelint.js');
const plugin = createRequire(import.meta.url)(path.join(root, 'packages/eslint-plugin/dist/index.js'));

const run = (args, stdio) => spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

// 1. What a user sees.
const shown = run(['--config', 'all', 'examples/'], 'inherit');
if (shown.status === 2) process.exit(2);

// 2. The check.
const json = run(['--config', 'all', '--format', 'json', 'examples/'], ['ignore', 'pipe', 'inherit']);
const results = JSON.parse(json.stdout);
const fired = new Set();
const dirty = [];
for (const result of results) {
  const relative = path.relative(root, result.filePath);
  for (const message of result.messages) {
    if (relative.startsWith(`examples${path.sep}clean${path.sep}`)) dirty.push(`${relative}:${message.line}:${message.column} ${message.ruleId ?? 'parse error'}: ${message.message}`);
    else if (message.ruleId) fired.add(message.ruleId.replace(/^wirelint\//, ''));
  }
}
const silent = Object.keys(plugin.rules).filter((name) => !fired.has(name));
console.log(`\ndemo check: ${fired.size} of ${Object.keys(plugin.rules).length} rules fired in examples/; ${dirty.length} finding(s) in examples/clean/`);
if (silent.length > 0) console.log(`  rules that did not fire: ${silent.join(', ')}`);
for (const line of dirty) console.log(`  unexpected in clean code: ${line}`);
process.exit(silent.length === 0 && dirty.length === 0 ? 0 : 1);
