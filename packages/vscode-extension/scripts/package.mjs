// Builds wirelint-<version>.vsix in this folder: a production bundle, a check of exactly which
// files go in, then @vscode/vsce. The repository's CHANGELOG.md is the extension's changelog:
// vsce only takes files inside the extension, so it is copied in for the packaging and removed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import { createVSIX, listFiles, PackageManager } from '@vscode/vsce';

import { bundle } from './bundle.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const packagePath = path.join(root, `wirelint-${version}.vsix`);

/** Everything the .vsix holds besides vsce's own manifest files and the changelog. */
const EXPECTED_FILES = ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/ThirdPartyNotices.txt', 'dist/extension.js', 'dist/server.js', 'images/icon.png', 'package.json'];

const changelog = path.join(root, 'CHANGELOG.md');

/** Fails unless exactly EXPECTED_FILES would be packaged (no sources, maps or node_modules). */
async function checkFiles() {
  const files = (await listFiles({ cwd: root, packageManager: PackageManager.None })).map((file) => file.split(path.sep).join('/'));
  const unexpected = files.filter((file) => !EXPECTED_FILES.includes(file));
  const missing = EXPECTED_FILES.filter((file) => !files.includes(file));
  if (unexpected.length > 0 || missing.length > 0) {
    const lines = [...unexpected.map((file) => `unexpected: ${file}`), ...missing.map((file) => `missing: ${file}`)];
    throw new Error(`the .vsix would not hold the expected files (see .vscodeignore):\n  ${lines.join('\n  ')}`);
  }
}

await bundle({ production: true });
fs.copyFileSync(path.join(root, '../../CHANGELOG.md'), changelog);
try {
  await checkFiles();
  // `dependencies: false` is `vsce package --no-dependencies`: the bundles need no node_modules.
  await createVSIX({ cwd: root, packagePath, dependencies: false });
} finally {
  fs.rmSync(changelog, { force: true });
}
