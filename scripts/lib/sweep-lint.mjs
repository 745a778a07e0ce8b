// Lints the corpus with every wirelint rule through ESLint's Node API, untyped or type-aware, and
// sorts what comes back into findings, parse errors and crashes (a rule that threw).
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import ts from 'typescript';

import { sourceTypeOf } from './corpus.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const plugin = createRequire(import.meta.url)(path.join(repoRoot, 'packages/eslint-plugin/dist/index.js'));
/** The `all` preset: every rule, with its strict options. */
export const ALL_RULES = plugin.configs.all[0].rules;
export const SOURCE_GLOB = '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}';

/**
 * Evidence that type-aware runs really have types, JavaScript included: per file, whether a
 * program exists and how many call expressions have a callee whose type is not `any` (a JS
 * file outside the program, or a program that failed to load, scores zero).
 */
const typeProbe = {
  meta: { type: 'suggestion', schema: [] },
  create(context) {
    const services = context.sourceCode.parserServices;
    const program = services?.program;
    if (program == null) return {};
    const checker = program.getTypeChecker();
    const stats = { calls: 0, typedCalls: 0 };
    probeResults.set(context.physicalFilename, stats);
    return {
      CallExpression(node) {
        stats.calls += 1;
        const tsNode = services.esTreeNodeToTSNodeMap.get(node.callee);
        const type = checker.getTypeAtLocation(tsNode);
        if ((type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) === 0) stats.typedCalls += 1;
      },
    };
  },
};
/** Filled by the probe rule as files are linted (same thread: the sweep lints without workers). */
const probeResults = new Map();

/** The flat config the sweep (and its fix round trip) lints with. */
export function sweepConfig({ corpus, typed }) {
  const commonjsFiles = corpus.packages.flatMap((pkg) =>
    pkg.files.filter((file) => sourceTypeOf(file, pkg.dir) === 'commonjs').map((file) => path.relative(corpus.root, file)),
  );
  return [
    {
      files: [SOURCE_GLOB],
      languageOptions: {
        parser: tsParser,
        ecmaVersion: 'latest',
        sourceType: 'module',
        parserOptions: typed ? { projectService: true, tsconfigRootDir: corpus.root } : {},
      },
      plugins: { wirelint: plugin, sweep: { rules: { 'type-probe': typeProbe } } },
      rules: { ...ALL_RULES, ...(typed ? { 'sweep/type-probe': 'warn' } : {}) },
      // Third-party code carries directives for rules this run does not load.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    },
    // ESLint refuses an empty `files` list (an all-ESM selection of packages).
    ...(commonjsFiles.length === 0 ? [] : [{ files: commonjsFiles, languageOptions: { sourceType: 'commonjs' } }]),
  ];
}

/**
 * @typedef {{ package: string, version: string, file: string, line: number, column: number,
 *   endLine?: number, endColumn?: number, rule: string, message: string,
 *   fix?: { range: [number, number], text: string },
 *   suggestions: { desc: string, fix: { range: [number, number], text: string } }[] }} Finding
 */

/**
 * Lints every corpus file, one `lintFiles` call per file so that a crash in one file is recorded
 * and the sweep goes on (a rule exception aborts the whole call).
 * @param {{ corpus: Awaited<ReturnType<typeof import('./corpus.mjs').ensureCorpus>>, typed: boolean, log?: (message: string) => void }} options
 */
export async function lintCorpus({ corpus, typed, log = () => {} }) {
  probeResults.clear();
  const eslint = new ESLint({ cwd: corpus.root, overrideConfigFile: true, overrideConfig: sweepConfig({ corpus, typed }) });
  /** @type {Finding[]} */
  const findings = [];
  const parseErrors = [];
  const crashes = [];
  const types = { filesWithProgram: 0, jsFilesWithProgram: 0, calls: 0, typedCalls: 0, jsCalls: 0, jsTypedCalls: 0 };
  const started = performance.now();
  for (const pkg of corpus.packages) {
    const packageStarted = performance.now();
    for (const file of pkg.files) {
      const relative = path.relative(pkg.dir, file).split(path.sep).join('/');
      let result;
      try {
        [result] = await eslint.lintFiles([file]);
      } catch (error) {
        const ruleId = error?.ruleId ?? /Rule: "([^"]+)"/.exec(String(error?.message))?.[1] ?? null;
        crashes.push({ package: pkg.name, version: pkg.version, file: relative, rule: ruleId, message: String(error?.message ?? error).split('\n')[0] });
        continue;
      }
      for (const message of result.messages) {
        if (message.fatal === true) {
          parseErrors.push({ package: pkg.name, file: relative, line: message.line, message: message.message });
        } else if (message.ruleId?.startsWith('wirelint/') === true) {
          findings.push({
            package: pkg.name,
            version: pkg.version,
            file: relative,
            line: message.line,
            column: message.column,
            endLine: message.endLine,
            endColumn: message.endColumn,
            rule: message.ruleId.slice('wirelint/'.length),
            message: message.message,
            fix: message.fix,
            suggestions: (message.suggestions ?? []).map(({ desc, fix }) => ({ desc, fix })),
          });
        }
      }
      const probe = probeResults.get(file);
      if (probe !== undefined) {
        const isJs = /\.[cm]?jsx?$/.test(file);
        types.filesWithProgram += 1;
        types.calls += probe.calls;
        types.typedCalls += probe.typedCalls;
        if (isJs) {
          types.jsFilesWithProgram += 1;
          types.jsCalls += probe.calls;
          types.jsTypedCalls += probe.typedCalls;
        }
      }
    }
    log(`  ${typed ? 'typed  ' : 'untyped'} ${pkg.name}@${pkg.version}: ${pkg.files.length} files in ${((performance.now() - packageStarted) / 1000).toFixed(1)} s`);
  }
  return { findings, parseErrors, crashes, types, seconds: (performance.now() - started) / 1000 };
}
