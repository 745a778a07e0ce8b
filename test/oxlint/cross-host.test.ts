// The cross-host test: every rule's RuleTester cases (valid and invalid), and examples/, linted
// by ESLint (typescript-eslint's parser, no program) and by oxlint with the plugin loaded as a
// JS plugin, must give the same findings: rule, line, column, end and message. oxlint runs once
// per tree (per-group rule options are `overrides`), so the whole comparison takes seconds.
// A difference fails with its file, line and rule unless KNOWN_DIFFERENCES lists it with the
// reason; typed runs are skipped by name in TYPED_RUNS with the reason.
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import plugin from '@wirelint/eslint-plugin';
import type { Linter } from 'eslint';
import globals from 'globals';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OXLINT_PLUGIN_NAME } from 'wirelint';

import { type CapturedCase, capturedRuns, type CapturedRun, CapturingRuleTester } from './capturing-rule-tester';
import {
  applyFixesAndFirstSuggestions,
  describeFinding,
  eslintConfig,
  eslintFindings,
  type Finding,
  lintWithEslint,
  oxlintFindings,
  relativeFile,
  ROOT,
  runOxlint,
} from './hosts';

// The factory runs when a rule test module first imports the RuleTester, in `beforeAll`.
vi.mock('@typescript-eslint/rule-tester', () => ({ RuleTester: CapturingRuleTester }));

const RULE_TESTS = path.join(ROOT, 'packages/eslint-plugin/tests/rules');
const EXAMPLES = path.join(ROOT, 'examples');
const PLUGIN_ENTRY = require.resolve('@wirelint/eslint-plugin');

const NEEDS_PROGRAM = 'runs with a TypeScript program (projectService), which oxlint does not give JS plugins; the same code is checked untyped in the rule\'s "(untyped: …)" run';

/** RuleTester runs that need type information, skipped by name. Every typed run must be here. */
const TYPED_RUNS: Readonly<Record<string, string>> = {
  'consistent-keepalive-pool (typed)': NEEDS_PROGRAM,
  'no-agent-per-request (typed)': NEEDS_PROGRAM,
  'no-disabled-timeout (typed)': NEEDS_PROGRAM,
  'no-ignored-backpressure (typed)': NEEDS_PROGRAM,
  'no-small-listen-backlog (typed)': NEEDS_PROGRAM,
  'no-unbounded-body-accumulation (typed)': NEEDS_PROGRAM,
  'no-unbounded-concurrency (typed)': NEEDS_PROGRAM,
  'no-unbounded-queue (typed)': NEEDS_PROGRAM,
  'no-unconsumed-body (typed)': NEEDS_PROGRAM,
  'prefer-end-over-destroy (typed)': NEEDS_PROGRAM,
  'require-client-timeout (typed)': NEEDS_PROGRAM,
  'require-heartbeat (typed)': NEEDS_PROGRAM,
  'require-request-timeout (typed)': NEEDS_PROGRAM,
};

/** A difference between the hosts that is understood and documented (docs/oxlint.md). */
interface KnownDifference {
  rule: string;
  /** A fragment of the case's code that identifies it. */
  codeContains: string;
  line: number;
  reason: string;
}

const KNOWN_DIFFERENCES: readonly KnownDifference[] = [];

/** One rule case written as a fixture file. */
interface CaseFile {
  /** Relative to the work directory: `cases/<rule>/<options group>/<n>.<ext>`. */
  file: string;
  rule: string;
  options: readonly unknown[];
  testCase: CapturedCase;
}

let workDir = '';
const caseFiles: CaseFile[] = [];
const sources = new Map<string, string>();
let caseDifferences: string[] = [];
const suggestionDifferences: string[] = [];
let comparedFindings = 0;
let comparedSuggestionFiles = 0;

beforeAll(async () => {
  for (const file of readdirSync(RULE_TESTS).filter((name) => name.endsWith('.test.ts')).sort()) {
    await import(path.join(RULE_TESTS, file));
  }
  workDir = await mkdtemp(path.join(tmpdir(), 'wirelint-cross-host-'));
  writeCaseFiles();
  await Promise.all([...sources].map(async ([file, code]) => {
    await mkdir(path.dirname(path.join(workDir, file)), { recursive: true });
    await writeFile(path.join(workDir, file), code);
  }));
  await writeSuggestionCopies();
  await writeFile(path.join(workDir, '.oxlintrc.json'), JSON.stringify(casesOxlintConfig()));

  const [report, fixed] = await Promise.all([
    runOxlint(workDir, ['-c', '.oxlintrc.json', '--disable-nested-config', '--format=json', 'cases']),
    runOxlint(workDir, ['-c', '.oxlintrc.json', '--disable-nested-config', '--format=json', '--fix-suggestions', 'suggest']),
  ]);
  const oxlint = oxlintFindings(report, workDir, sources);
  if (fixed.code !== 0 && fixed.code !== 1) throw new Error(`oxlint --fix-suggestions failed:\n${fixed.stderr}${fixed.stdout}`);

  const eslint: Finding[] = [];
  for (const caseFile of caseFiles) {
    const messages = lintWithEslint(workDir, caseFile.file, caseFile.testCase.code, eslintConfig(ruleSettings(caseFile)));
    eslint.push(...eslintFindings(caseFile.file, messages));
    if (caseFile.testCase.invalid && messages.some((message) => message.fix !== undefined || message.suggestions !== undefined)) {
      const expected = applyFixesAndFirstSuggestions(caseFile.testCase.code, messages);
      const actual = await readFile(path.join(workDir, suggestionCopy(caseFile.file)), 'utf8');
      comparedSuggestionFiles++;
      if (actual !== expected) {
        suggestionDifferences.push(`${caseFile.file} (${caseFile.rule}):\n--- ESLint, fixes or first suggestions applied\n${expected}\n--- oxlint --fix-suggestions\n${actual}`);
      }
    }
  }
  comparedFindings = eslint.length;
  caseDifferences = unexplained(compare(eslint, oxlint));
}, 120_000);

afterAll(async () => {
  if (workDir !== '') await rm(workDir, { recursive: true, force: true });
});

describe('wirelint under oxlint and under ESLint', () => {
  it('takes cases from every rule, and skips only the typed runs, by name', () => {
    const typedRuns = capturedRuns.filter((run) => hostOf(run) === 'typed').map((run) => run.name);
    expect(typedRuns.sort()).toEqual(Object.keys(TYPED_RUNS).sort());
    const rulesWithInvalidCases = new Set(caseFiles.filter((caseFile) => caseFile.testCase.invalid).map((caseFile) => caseFile.rule));
    expect([...rulesWithInvalidCases].sort()).toEqual(Object.keys(plugin.rules).sort());
    for (const caseFile of caseFiles) {
      // Fields that would change how a case is linted, which the fixtures do not reproduce.
      const { filename, languageOptions, settings } = caseFile.testCase;
      expect([filename, languageOptions, settings], caseFile.file).toEqual([undefined, undefined, undefined]);
    }
  });

  it('reports the same findings for every rule case (rule, line, column, end, message)', () => {
    expect(comparedFindings).toBeGreaterThan(caseFiles.filter((caseFile) => caseFile.testCase.invalid).length - 1);
    expect(caseDifferences).toEqual([]);
  });

  it('applies the same fixes and suggestions (oxlint --fix-suggestions: the fix or first suggestion of each finding)', () => {
    expect(comparedSuggestionFiles).toBeGreaterThan(0);
    expect(suggestionDifferences).toEqual([]);
  });

  it('reports the same findings in examples/ with the documented .oxlintrc.json and Node globals', async () => {
    const rules = plugin.configs.all[0]?.rules ?? {};
    const files = exampleFiles();
    const exampleSources = new Map(await Promise.all(files.map(async (file) => [file, await readFile(path.join(ROOT, file), 'utf8')] as const)));
    const config = {
      plugins: [],
      categories: { correctness: 'off' },
      env: { node: true },
      jsPlugins: [{ name: OXLINT_PLUGIN_NAME, specifier: PLUGIN_ENTRY }],
      rules,
    };
    await writeFile(path.join(workDir, 'examples.oxlintrc.json'), JSON.stringify(config));
    const report = await runOxlint(ROOT, ['-c', path.join(workDir, 'examples.oxlintrc.json'), '--disable-nested-config', '--format=json', 'examples']);
    const oxlint = oxlintFindings(report, ROOT, exampleSources);
    // With Node's globals declared, `fetch` and `require` are variables without a definition.
    const eslintRules = eslintConfig(rules, { ...globals.node });
    const eslint = files.flatMap((file) => eslintFindings(file, lintWithEslint(ROOT, file, exampleSources.get(file) ?? '', eslintRules)));
    expect(new Set(eslint.map((finding) => finding.ruleId))).toEqual(new Set(Object.keys(rules)));
    expect(compare(eslint, oxlint)).toEqual([]);
  });

  it('loads from the package name alone, with the rules under @wirelint/ (oxlint names them after meta.name)', async () => {
    const dir = path.join(workDir, 'by-package-name');
    await mkdir(path.join(dir, 'node_modules/@wirelint'), { recursive: true });
    await symlink(path.join(ROOT, 'packages/eslint-plugin'), path.join(dir, 'node_modules/@wirelint/eslint-plugin'), 'junction');
    const code = `const net = require('node:net');\nnet.createServer().listen(8080, '0.0.0.0', 8);\n`;
    await writeFile(path.join(dir, 'server.js'), code);
    const config = { plugins: [], categories: { correctness: 'off' }, jsPlugins: ['@wirelint/eslint-plugin'], rules: { '@wirelint/no-small-listen-backlog': 'error' } };
    await writeFile(path.join(dir, '.oxlintrc.json'), JSON.stringify(config));
    const findings = oxlintFindings(await runOxlint(dir, ['--format=json', 'server.js']), dir, new Map([['server.js', code]]));
    expect(findings.map((finding) => `${finding.ruleId ?? ''} ${finding.line}:${finding.column}`)).toEqual(['@wirelint/no-small-listen-backlog 2:44']);
  });
});

type Host = 'typed' | 'espree' | 'untyped';

function hostOf(run: CapturedRun): Host {
  const languageOptions = run.config?.languageOptions;
  const parserOptions = languageOptions?.parserOptions as { projectService?: unknown; project?: unknown } | undefined;
  if (parserOptions?.projectService !== undefined || parserOptions?.project !== undefined) return 'typed';
  return languageOptions?.parser === undefined ? 'untyped' : 'espree';
}

function ruleOf(run: CapturedRun): string {
  const rule = run.name.split(' ')[0] ?? '';
  if (!(rule in plugin.rules)) throw new Error(`run '${run.name}' does not start with a rule name`);
  return rule;
}

/**
 * One file per distinct case (rule, options, code) of the untyped and espree runs. Cases that
 * ESLint's default parser also runs are plain JavaScript and get `.js`; the others `.ts`.
 */
function writeCaseFiles(): void {
  const seen = new Set<string>();
  const plainJs = new Set<string>();
  for (const run of capturedRuns) {
    if (hostOf(run) === 'espree') for (const testCase of run.cases) plainJs.add(`${ruleOf(run)}\0${testCase.code}`);
  }
  const groups = new Map<string, number>();
  for (const run of capturedRuns) {
    if (hostOf(run) === 'typed') {
      if (!(run.name in TYPED_RUNS)) throw new Error(`typed run '${run.name}' is not in TYPED_RUNS`);
      continue;
    }
    const rule = ruleOf(run);
    for (const testCase of run.cases) {
      const optionsKey = JSON.stringify(testCase.options);
      const key = `${rule}\0${optionsKey}\0${testCase.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const groupKey = `${rule}\0${optionsKey}`;
      const group = groups.get(groupKey) ?? groups.size;
      groups.set(groupKey, group);
      const extension = plainJs.has(`${rule}\0${testCase.code}`) ? 'js' : 'ts';
      const file = `cases/${rule}/${group}/${caseFiles.length}.${extension}`;
      caseFiles.push({ file, rule, options: testCase.options, testCase });
      sources.set(file, testCase.code);
    }
  }
}

function ruleSettings(caseFile: CaseFile): Linter.RulesRecord {
  return { [`wirelint/${caseFile.rule}`]: ['error', ...caseFile.options] as Linter.RuleEntry };
}

/** The invalid cases again under `suggest/`, for `oxlint --fix-suggestions` to rewrite. */
async function writeSuggestionCopies(): Promise<void> {
  await Promise.all(
    caseFiles
      .filter((caseFile) => caseFile.testCase.invalid)
      .map(async (caseFile) => {
        const file = path.join(workDir, suggestionCopy(caseFile.file));
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, caseFile.testCase.code);
      }),
  );
}

function suggestionCopy(file: string): string {
  return file.replace(/^cases\//, 'suggest/');
}

/** One rule per options group, as `overrides`: a single oxlint run lints every case. */
function casesOxlintConfig(): object {
  const overrides = new Map<string, { files: string[]; rules: Linter.RulesRecord }>();
  for (const caseFile of caseFiles) {
    const groupDir = path.posix.dirname(caseFile.file).replace(/^cases\//, '');
    if (overrides.has(groupDir)) continue;
    const options = JSON.parse(JSON.stringify(caseFile.options)) as unknown;
    if (JSON.stringify(options) !== JSON.stringify(caseFile.options)) throw new Error(`${caseFile.file}: options are not JSON`);
    overrides.set(groupDir, { files: [`cases/${groupDir}/**`, `suggest/${groupDir}/**`], rules: ruleSettings(caseFile) });
  }
  return {
    plugins: [],
    categories: { correctness: 'off' },
    jsPlugins: [{ name: OXLINT_PLUGIN_NAME, specifier: PLUGIN_ENTRY }],
    rules: {},
    overrides: [...overrides.values()],
  };
}

function exampleFiles(): string[] {
  return readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.[cm]?[jt]sx?$/.test(file))
    .map((file) => relativeFile(ROOT, path.join(EXAMPLES, file)))
    .sort();
}

/** Each finding that only one host reports, as `ESLint only: …` / `oxlint only: …`. */
function compare(eslint: readonly Finding[], oxlint: readonly Finding[]): string[] {
  const remaining = new Map<string, number>();
  for (const finding of oxlint) remaining.set(describeFinding(finding), (remaining.get(describeFinding(finding)) ?? 0) + 1);
  const differences: string[] = [];
  for (const finding of eslint) {
    const key = describeFinding(finding);
    const count = remaining.get(key) ?? 0;
    if (count > 0) remaining.set(key, count - 1);
    else differences.push(`ESLint only: ${key}`);
  }
  for (const [key, count] of remaining) for (let index = 0; index < count; index++) differences.push(`oxlint only: ${key}`);
  return differences.sort();
}

/** Drops the differences KNOWN_DIFFERENCES explains; a known difference that did not occur is reported too. */
function unexplained(differences: readonly string[]): string[] {
  const used = new Set<KnownDifference>();
  const left = differences.filter((difference) => {
    const known = KNOWN_DIFFERENCES.find((entry) => matches(entry, difference));
    if (known !== undefined) used.add(known);
    return known === undefined;
  });
  const stale = KNOWN_DIFFERENCES.filter((entry) => !used.has(entry)).map((entry) => `known difference no longer occurs: ${entry.rule} line ${entry.line} '${entry.codeContains}'`);
  return [...left.map((difference) => `${difference}\n    ${firstCodeLine(difference)}`), ...stale];
}

function matches(entry: KnownDifference, difference: string): boolean {
  const file = /^\w+ only: (\S+):(\d+):/.exec(difference);
  const code = file === null ? undefined : sources.get(file[1] ?? '');
  return (
    code !== undefined &&
    Number(file?.[2]) === entry.line &&
    difference.includes(` wirelint/${entry.rule}: `) &&
    code.includes(entry.codeContains)
  );
}

function firstCodeLine(difference: string): string {
  const file = /^\w+ only: (\S+):(\d+):/.exec(difference);
  const code = sources.get(file?.[1] ?? '') ?? '';
  return (code.split('\n')[Number(file?.[2] ?? 1) - 1] ?? '').trim();
}
