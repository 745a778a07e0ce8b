// The bench's own copy of the corpus: one tree with a generated tsconfig.json (allowJs) at its
// root, so that typed runs get one TypeScript project over every file, the way a user's
// project service would, without writing into the corpus cache that `npm run sweep` shares.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

import { oxlintConfig } from './bench-configurations.mjs';

/**
 * @typedef {object} BenchJob what every worker needs, written once as JSON
 * @property {string} repoRoot
 * @property {string} pluginDir the built plugin package (`packages/eslint-plugin`)
 * @property {string} treeRoot
 * @property {string[]} files absolute paths of the files to lint, inside treeRoot
 * @property {string} oxlintConfigFile
 */

/**
 * Copies `packages` (from ensureCorpus) into `<workDir>/tree` and writes the tsconfig, the
 * oxlint config and the job file. Returns the job and its path.
 * @param {{ workDir: string, repoRoot: string, packages: { dir: string, files: string[] }[] }} options
 */
export function prepareWorkspace({ workDir, repoRoot, packages }) {
  const treeRoot = path.join(workDir, 'tree');
  rmSync(treeRoot, { recursive: true, force: true });
  mkdirSync(treeRoot, { recursive: true });

  const files = [];
  for (const pkg of packages) {
    // `<cache>/corpus/got@16.1.0/package` → `<tree>/got@16.1.0`
    const target = path.join(treeRoot, path.basename(path.dirname(pkg.dir)));
    // package.json decides whether a `.js` file is an ES module or CommonJS, for TypeScript too.
    if (existsSync(path.join(pkg.dir, 'package.json'))) copyInto(path.join(pkg.dir, 'package.json'), path.join(target, 'package.json'));
    for (const file of pkg.files) {
      const copy = path.join(target, path.relative(pkg.dir, file));
      copyInto(file, copy);
      files.push(copy);
    }
  }

  writeFileSync(path.join(treeRoot, 'tsconfig.json'), `${JSON.stringify(typedProject(repoRoot), null, 2)}\n`);
  const oxlintConfigFile = path.join(workDir, 'oxlintrc.json');
  const pluginDir = path.join(repoRoot, 'packages', 'eslint-plugin');
  writeFileSync(oxlintConfigFile, `${JSON.stringify(oxlintConfig(pluginDir), null, 2)}\n`);

  /** @type {BenchJob} */
  const job = { repoRoot, pluginDir, treeRoot, files, oxlintConfigFile };
  const jobFile = path.join(workDir, 'job.json');
  writeFileSync(jobFile, JSON.stringify(job));
  return { job, jobFile };
}

/**
 * One project over the whole tree, as a JavaScript user with `checkJs` off would have it: Node's
 * and the DOM's types available (so `fetch` returns a `Response`, `http.get` an
 * `IncomingMessage`), the packages' own dependencies absent as they are in the corpus.
 */
function typedProject(repoRoot) {
  return {
    compilerOptions: {
      allowJs: true,
      checkJs: false,
      noEmit: true,
      target: 'es2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      lib: ['es2023', 'dom'],
      typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
      types: ['node'],
      skipLibCheck: true,
      strict: true,
    },
    include: ['**/*'],
  };
}

function copyInto(from, to) {
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to);
}

/** Removes result files of earlier runs (a crashed worker must not leave a stale result behind). */
export function clearResults(resultsDir) {
  mkdirSync(resultsDir, { recursive: true });
  for (const name of readdirSync(resultsDir)) rmSync(path.join(resultsDir, name), { force: true });
}
