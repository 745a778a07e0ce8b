// `npm run docs`: rewrites the generated header of every rule doc and the README rule table
// from the built plugin's metadata. tests/docs.test.ts fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import { HEADER_BEGIN, HEADER_END, renderRuleHeader, renderRuleTable, replaceBetween, TABLE_BEGIN, TABLE_END } from './rule-docs.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const plugin = createRequire(import.meta.url)(path.join(root, 'packages/eslint-plugin/dist/index.js'));

let changed = 0;
function update(file, next) {
  const current = readFileSync(file, 'utf8');
  if (current !== next) {
    writeFileSync(file, next);
    changed += 1;
    console.log(`updated ${path.relative(root, file)}`);
  }
}

for (const [name, rule] of Object.entries(plugin.rules)) {
  const file = path.join(root, 'packages/eslint-plugin/docs/rules', `${name}.md`);
  update(file, replaceBetween(readFileSync(file, 'utf8'), HEADER_BEGIN, HEADER_END, renderRuleHeader(rule)));
}
const readme = path.join(root, 'README.md');
update(readme, replaceBetween(readFileSync(readme, 'utf8'), TABLE_BEGIN, TABLE_END, renderRuleTable(plugin.rules)));
console.log(changed === 0 ? 'docs are up to date' : `${changed} file(s) updated`);
