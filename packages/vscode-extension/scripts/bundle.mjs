// Bundles the client and the language server into dist/, so the .vsix ships no node_modules.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await build({ ...common, entryPoints: [path.join(root, 'src/extension.ts')], outfile: path.join(root, 'dist/extension.js'), external: ['vscode'] });
await build({
  ...common,
  entryPoints: [path.join(root, '../language-server/src/main.ts')],
  outfile: path.join(root, 'dist/server.js'),
  // typescript is only needed for type-aware linting (the bundled server lints syntactically);
  // jiti only for TypeScript config files, which the server does not load.
  external: ['typescript', 'jiti', 'jiti/package.json'],
});
