// Bundles the client and the language server into dist/, so the .vsix ships no node_modules.
//   node scripts/bundle.mjs                development: source maps, for the launch configurations
//   node scripts/bundle.mjs --production   what the .vsix ships: whitespace and syntax minified,
//                                          identifiers kept (readable stack traces in bug reports),
//                                          no source maps
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * TypeScript is bundled into the server, not resolved from the workspace: typescript-eslint's
 * parser requires it even for syntactic linting, type-aware linting needs it, and loading the
 * workspace's copy would run workspace code (not allowed in Restricted Mode) and tie the
 * extension to whatever version a project happens to have. The copy bundled is the one this
 * repository builds and tests with.
 *
 * jiti stays external: ESLint only loads it for eslint.config.ts files, and reports clearly that
 * it is missing; bundling it would drag in a Babel build for one optional config format.
 */
const SERVER_EXTERNALS = ['jiti', 'jiti/package.json'];

/** @param {{ production: boolean }} options */
export async function bundle({ production }) {
  const outdir = path.join(root, 'dist');
  // A production bundle must not ship maps left over from a development build.
  fs.rmSync(outdir, { recursive: true, force: true });
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minifyWhitespace: production,
    minifySyntax: production,
    // The licences travel in dist/ThirdPartyNotices.txt instead of scattered comments.
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  };
  const results = await Promise.all([
    build({ ...common, entryPoints: [path.join(root, 'src/extension.ts')], outfile: path.join(outdir, 'extension.js'), external: ['vscode'] }),
    build({ ...common, entryPoints: [path.join(root, '../language-server/src/main.ts')], outfile: path.join(outdir, 'server.js'), external: SERVER_EXTERNALS }),
  ]);
  const inputs = results.flatMap((result) => Object.keys(result.metafile.inputs));
  fs.writeFileSync(path.join(outdir, 'ThirdPartyNotices.txt'), thirdPartyNotices(inputs));
}

/** The npm package folder an esbuild input path comes from, e.g. `node_modules/@scope/name`; undefined for our own sources. */
function packageFolder(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match?.[1];
}

/** Every bundled package's name, version and licence text: MIT and Apache-2.0 both ask for it to ship with copies. */
function thirdPartyNotices(inputs) {
  const folders = [...new Set(inputs.map(packageFolder).filter((folder) => folder !== undefined))];
  const sections = folders.map((folder) => {
    const absolute = path.resolve(process.cwd(), folder);
    const manifest = JSON.parse(fs.readFileSync(path.join(absolute, 'package.json'), 'utf8'));
    const licenseFile = fs.readdirSync(absolute).find((name) => /^(licen[sc]e|copying)([.-]|$)/i.test(name));
    // Should a package publish only its licence's name, say so rather than fail the build.
    const text =
      licenseFile === undefined ? `No licence text is published with this package; its package.json declares ${String(manifest.license)}.` : fs.readFileSync(path.join(absolute, licenseFile), 'utf8').trim();
    return `${manifest.name}@${manifest.version} (${manifest.license})\n\n${text}`;
  });
  // Nested copies of one version are one entry.
  const unique = [...new Set(sections)].sort();
  const rule = `\n\n${'-'.repeat(72)}\n\n`;
  return `The wirelint extension bundles the following packages.${rule}${unique.join(rule)}\n`;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundle({ production: process.argv.includes('--production') });
}
