// End-to-end tests of the `wirelint` command: each case runs the built CLI as a process
// (`npm test` builds first), except argument validation, which never reaches ESLint.
// Assertions are about `no-small-listen-backlog`, formats and exit codes, so that they hold
// whatever other rules the presets gain.
import { cp, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import plugin from '@wirelint/eslint-plugin';
import { describe, expect, it } from 'vitest';

import { runCliInProcess, tempDirMaker } from '../helpers/cli';
import type { ProcessRun } from '../helpers/run-node';
import { runNode } from '../helpers/run-node';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'packages/cli/bin/wirelint.js');
const FIXTURES = path.join(ROOT, 'test/fixtures/cli');
const BASIC = path.join(FIXTURES, 'basic');
const BROKEN = path.join(FIXTURES, 'broken');
const TYPED = path.join(FIXTURES, 'typed');
const RULE = 'wirelint/no-small-listen-backlog';

const backlogRule = plugin.rules['no-small-listen-backlog'];
if (backlogRule?.meta.docs?.url === undefined) throw new Error('no-small-listen-backlog is missing from the plugin');
const RULE_MESSAGES = backlogRule.meta.messages;
const RULE_DESCRIPTION = backlogRule.meta.docs.description;
const RULE_URL = backlogRule.meta.docs.url;

function interpolate(template: string | undefined, data: Record<string, string>): string {
  return (template ?? '').replace(/\{\{(\w+)\}\}/g, (_, key: string) => data[key] ?? '');
}
const backlogMessage = (value: number, min = 511): string => interpolate(RULE_MESSAGES.smallBacklog, { value: String(value), min: String(min) });
const RAISE_DESC = interpolate(RULE_MESSAGES.raiseBacklog, { min: '511' });

/** basic/server.js, also written into temp dirs. */
const SERVER_JS = `// A TCP server whose only bug is a small listen backlog.
const net = require('node:net');

net.createServer((socket) => socket.end()).listen(8080, '0.0.0.0', 8);
`;

/** Runs the built CLI in `cwd`, in the environment of a CI job (no forced colors). */
function wirelint(args: readonly string[], cwd: string): Promise<ProcessRun> {
  return runNode(BIN, args, cwd);
}

/**
 * The same command in this process, for argument validation: it stops before ESLint runs, so
 * a process per case would only measure Node's start-up. The real-process cases `--help` and
 * an unknown flag prove the wiring.
 */
function wirelintInProcess(args: readonly string[]): Promise<ProcessRun> {
  return runCliInProcess(args, BASIC);
}

const tempDir = tempDirMaker();

interface JsonMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  fatal?: boolean;
}
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
}

function parseJson(stdout: string): JsonResult[] {
  return JSON.parse(stdout) as JsonResult[];
}

/** `file:line:column` of every backlog finding, relative to `cwd`, in output order. */
function backlogFindings(results: readonly JsonResult[], cwd: string): string[] {
  return results.flatMap((result) =>
    result.messages
      .filter((message) => message.ruleId === RULE)
      .map((message) => `${path.relative(cwd, result.filePath).split(path.sep).join('/')}:${message.line}:${message.column}`),
  );
}

function fatalMessages(results: readonly JsonResult[]): JsonMessage[] {
  return results.flatMap((result) => result.messages.filter((message) => message.fatal === true));
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { rules: { id: string }[] } & Record<string, unknown> };
    invocations: { toolExecutionNotifications: unknown[] }[];
    results: { ruleId: string; ruleIndex: number }[];
  }[];
}

function sarifRun(stdout: string): SarifLog['runs'][number] {
  const { runs } = JSON.parse(stdout) as SarifLog;
  const [only] = runs;
  if (only === undefined || runs.length !== 1) throw new Error(`expected one SARIF run, got ${runs.length}`);
  return only;
}

describe.concurrent('wirelint CLI', () => {
  describe('usage', () => {
    it('prints the help and exits 0', async ({ expect }) => {
      const run = await wirelint(['--help'], BASIC);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: wirelint \[options\] \[paths\.\.\.\]\n/);
      for (const flag of ['--config', '--type-aware', '--use-eslint-config', '--format', '--output-file', '--max-warnings', '--fix', '--cache', '--concurrency', '--no-ignore', '--debug', '--version']) {
        expect(run.stdout).toContain(flag);
      }
      expect(run.stderr).toBe('');
    });

    it('rejects an unknown flag with exit 2 and one line on stderr', async ({ expect }) => {
      const run = await wirelint(['--frobnicate', 'server.js'], BASIC);
      expect(run).toEqual({ code: 2, stdout: '', stderr: "wirelint: unknown option '--frobnicate'\nRun 'wirelint --help' for the options.\n" });
    });

    it('prints the version of the package', async ({ expect }) => {
      const { version } = JSON.parse(await readFile(path.join(ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string };
      expect(await wirelintInProcess(['--version'])).toEqual({ code: 0, stdout: `wirelint ${version}\n`, stderr: '' });
    });

    it.each([
      [['-x'], "unknown option '-x'"],
      [['--format', 'xml'], "invalid value for --format: 'xml' (expected stylish, json or sarif)"],
      [['--config', 'loose'], "invalid value for --config: 'loose' (expected recommended, strict or all)"],
      [['--max-warnings', 'many'], "invalid value for --max-warnings: 'many' (expected a number of warnings, or -1 for no limit)"],
      [['--max-warnings', '-2'], "invalid value for --max-warnings: '-2' (expected a number of warnings, or -1 for no limit)"],
      [['--concurrency', '0'], "invalid value for --concurrency: '0' (expected a positive number, auto or off)"],
      [['--concurrency', 'many'], "invalid value for --concurrency: 'many' (expected a positive number, auto or off)"],
      [['--output-file'], '--output-file needs a value'],
      [['--fix=yes'], '--fix does not take a value'],
      [['--use-eslint-config', '--config', 'strict'], '--config cannot be combined with --use-eslint-config (the project config decides the rules)'],
      [['--use-eslint-config', '--type-aware'], '--type-aware cannot be combined with --use-eslint-config (the project config decides the parser)'],
    ])('rejects %j with exit 2', async (args, message) => {
      expect(await wirelintInProcess(args)).toEqual({ code: 2, stdout: '', stderr: `wirelint: ${message}\nRun 'wirelint --help' for the options.\n` });
    });
  });

  describe('formats', () => {
    it('stylish (the default) lists each finding under its file, without colors when piped; warnings alone exit 0', async ({ expect }) => {
      const run = await wirelint([], BASIC);
      expect(run).toEqual({
        code: 0,
        stderr: '',
        stdout: [
          '',
          path.join(BASIC, 'server.js'),
          `  4:68  warning  ${backlogMessage(8).replace(/\.$/, '')}  ${RULE}`,
          '',
          path.join(BASIC, 'service.ts'),
          `  14:47  warning  ${backlogMessage(16).replace(/\.$/, '')}  ${RULE}`,
          '',
          '✖ 2 problems (0 errors, 2 warnings)',
          '',
        ].join('\n'),
      });
    });

    it('--color forces ANSI colors in stylish', async ({ expect }) => {
      const run = await wirelint(['--color', 'server.js'], BASIC);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('\u001b[');
    });

    it('json is the output of ESLint JSON formatter, one result per linted file', async ({ expect }) => {
      const run = await wirelint(['--format', 'json'], BASIC);
      expect(run.code).toBe(0);
      const results = parseJson(run.stdout);
      const empty = { suppressedMessages: [], errorCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, usedDeprecatedRules: [] };
      expect(results.map((result) => path.basename(result.filePath))).toEqual(['clean.mjs', 'server.js', 'service.ts']);
      expect(results[0]).toEqual({ filePath: path.join(BASIC, 'clean.mjs'), messages: [], warningCount: 0, ...empty });
      expect(results[1]).toEqual({
        filePath: path.join(BASIC, 'server.js'),
        messages: [
          {
            ruleId: RULE,
            severity: 1,
            message: backlogMessage(8),
            line: 4,
            column: 68,
            messageId: 'smallBacklog',
            endLine: 4,
            endColumn: 69,
            suggestions: [{ messageId: 'raiseBacklog', data: { min: '511' }, fix: { range: [159, 160], text: '511' }, desc: RAISE_DESC }],
          },
        ],
        warningCount: 1,
        source: SERVER_JS,
        ...empty,
      });
    });

    it('sarif is a SARIF 2.1.0 log with the rule set, relative URIs and 1-based regions', async ({ expect }) => {
      const run = await wirelint(['--format', 'sarif', 'server.js'], BASIC);
      expect(run.code).toBe(0);
      const log = JSON.parse(run.stdout) as SarifLog;
      expect([log.$schema, log.version]).toEqual(['https://json.schemastore.org/sarif-2.1.0.json', '2.1.0']);
      const only = sarifRun(run.stdout);
      const { driver } = only.tool;
      expect(driver).toMatchObject({ name: 'wirelint', version: '0.1.0', semanticVersion: '0.1.0', informationUri: 'https://github.com/wirelint/wirelint' });
      // The recommended preset's rules, sorted, whether or not they reported anything.
      const recommended = plugin.configs.recommended.flatMap((config) => Object.keys(config.rules)).sort();
      expect(driver.rules.map((rule) => rule.id)).toEqual(recommended);
      const ruleIndex = recommended.indexOf(RULE);
      expect(driver.rules[ruleIndex]).toEqual({
        id: RULE,
        shortDescription: { text: RULE_DESCRIPTION },
        fullDescription: { text: RULE_DESCRIPTION },
        helpUri: RULE_URL,
        help: { text: `${RULE_DESCRIPTION}\n\nDocumentation: ${RULE_URL}`, markdown: `${RULE_DESCRIPTION}\n\n[Documentation](${RULE_URL})` },
        defaultConfiguration: { level: 'warning' },
        properties: { tags: ['lifecycle'], 'problem.severity': 'warning' },
      });
      const sourceRoot = `${pathToFileURL(BASIC).href}/`;
      expect(only).toMatchObject({
        invocations: [{ executionSuccessful: true, workingDirectory: { uri: sourceRoot }, toolExecutionNotifications: [] }],
        originalUriBaseIds: { '%SRCROOT%': { uri: sourceRoot } },
        columnKind: 'utf16CodeUnits',
      });
      expect(only.results).toEqual([
        {
          ruleId: RULE,
          ruleIndex,
          level: 'warning',
          message: { text: backlogMessage(8) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: 'server.js', uriBaseId: '%SRCROOT%' },
                region: { startLine: 4, startColumn: 68, endLine: 4, endColumn: 69 },
              },
            },
          ],
        },
      ]);
    });

    it('sarif reports a file that does not parse as a tool notification, and percent-encodes URIs', async ({ expect }) => {
      const dir = await tempDir('sarif', { 'src/my server.js': SERVER_JS, 'src/broken.js': 'const x = ;\n' });
      const run = await wirelint(['-f', 'sarif'], dir);
      expect(run.code).toBe(1);
      const only = sarifRun(run.stdout);
      expect(only.invocations[0]?.toolExecutionNotifications).toEqual([
        {
          level: 'error',
          message: { text: 'Parsing error: Expression expected.' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'src/broken.js', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 11 } } }],
          descriptor: { id: 'parse-error' },
        },
      ]);
      expect(only.results).toEqual([
        expect.objectContaining({
          ruleId: RULE,
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: 'src/my%20server.js', uriBaseId: '%SRCROOT%' },
                region: { startLine: 4, startColumn: 68, endLine: 4, endColumn: 69 },
              },
            },
          ],
        }),
      ]);
    });

    it('--output-file writes the report to a file (creating folders) and prints nothing', async ({ expect }) => {
      const dir = await tempDir('output', { 'server.js': SERVER_JS });
      const run = await wirelint(['--format', 'json', '--output-file', 'reports/wirelint.json', '--cache'], dir);
      expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
      const results = parseJson(await readFile(path.join(dir, 'reports/wirelint.json'), 'utf8'));
      expect(backlogFindings(results, dir)).toEqual(['server.js:4:68']);
      // --cache without --cache-location: .wirelintcache, apart from a project's .eslintcache.
      await expect(readFile(path.join(dir, '.wirelintcache'), 'utf8')).resolves.toContain('server.js');
    });
  });

  describe('exit codes', () => {
    it('a file that does not parse is a fatal error (exit 1), and the other files are still linted', async ({ expect }) => {
      const run = await wirelint(['-f', 'json'], BROKEN);
      expect(run.code).toBe(1);
      const results = parseJson(run.stdout);
      expect(results.map((result) => path.basename(result.filePath))).toEqual(['broken.js', 'server.js']);
      // typescript-estree's columns are 0-based; the CLI's parser reports them 1-based, as ESLint expects.
      expect(results[0]?.messages).toEqual([{ ruleId: null, fatal: true, severity: 2, message: "Parsing error: '}' expected.", line: 4, column: 1 }]);
      expect(backlogFindings(results, BROKEN)).toEqual(['server.js:4:68']);
    });

    it('--max-warnings 0 turns warnings into exit 1, with the count on stderr', async ({ expect }) => {
      const run = await wirelint(['--max-warnings', '0'], BASIC);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('wirelint: 2 warnings, more than --max-warnings 0\n');
      expect(run.stdout).toContain('✖ 2 problems (0 errors, 2 warnings)');
    });

    it.each([['2'], ['-1']])('--max-warnings %s (at the count, or no limit) keeps exit 0', async (limit) => {
      const run = await wirelint(['--max-warnings', limit, '-f', 'json'], BASIC);
      expect([run.code, run.stderr]).toEqual([0, '']);
      expect(backlogFindings(parseJson(run.stdout), BASIC)).toEqual(['server.js:4:68', 'service.ts:14:47']);
    });

    it('a missing path is reported on stderr, the other paths are linted, and the exit code is 2', async ({ expect }) => {
      const run = await wirelint(['missing.js', 'server.js', '-f', 'json'], BASIC);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe("wirelint: no such file or directory: 'missing.js'\n");
      expect(backlogFindings(parseJson(run.stdout), BASIC)).toEqual(['server.js:4:68']);
    });

    it('a path with nothing to lint exits 2', async ({ expect }) => {
      const dir = await tempDir('empty', { 'docs/readme.md': '# docs\n', 'server.js': SERVER_JS });
      const run = await wirelint(['docs', 'server.js', '-f', 'json'], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe("wirelint: nothing to lint in 'docs' (no JavaScript or TypeScript files, or all of them are ignored; see --no-ignore)\n");
      expect(backlogFindings(parseJson(run.stdout), dir)).toEqual(['server.js:4:68']);
    });

    it('an internal error exits 2 with one line on stderr, and the stack only with --debug', async ({ expect }) => {
      const dir = await tempDir('crash', { 'eslint.config.mjs': "throw new Error('config exploded');\n", 'server.js': SERVER_JS });
      const [plain, debug] = await Promise.all([wirelint(['--use-eslint-config'], dir), wirelint(['--use-eslint-config', '--debug'], dir)]);
      expect(plain).toEqual({ code: 2, stdout: '', stderr: 'wirelint: config exploded\n' });
      expect(debug.code).toBe(2);
      expect(debug.stderr).toMatch(/^wirelint: config exploded\nError: config exploded\n {4}at .*eslint\.config\.mjs/);
    });
  });

  describe('configs', () => {
    it.each(['strict', 'all'] as const)('--config %s lints with that preset', async (preset) => {
      const run = await wirelint(['--config', preset, '-f', 'sarif', 'server.js'], BASIC);
      expect(run.code).toBe(0);
      const only = sarifRun(run.stdout);
      expect(only.tool.driver.rules.map((rule) => rule.id)).toEqual(plugin.configs[preset].flatMap((config) => Object.keys(config.rules)).sort());
      expect(only.results.filter((result) => result.ruleId === RULE)).toHaveLength(1);
    });

    it('--use-eslint-config lints with the project config instead of the preset', async ({ expect }) => {
      const fixture = path.join(FIXTURES, 'eslint-config');
      const [preset, project] = await Promise.all([wirelint(['-f', 'json'], fixture), wirelint(['--use-eslint-config', '-f', 'json'], fixture)]);
      // A backlog of 600 is fine for the preset (511) but an error for the project (1024).
      expect(preset.code).toBe(0);
      expect(backlogFindings(parseJson(preset.stdout), fixture)).toEqual([]);
      expect(project.code).toBe(1);
      expect(parseJson(project.stdout).flatMap((result) => result.messages)).toEqual([
        expect.objectContaining({ ruleId: RULE, severity: 2, line: 4, column: 68, message: backlogMessage(600, 1024) }),
      ]);
    });

    it('--use-eslint-config without a config file is a clear error', async ({ expect }) => {
      const dir = await tempDir('no-config', { 'server.js': SERVER_JS });
      const run = await wirelint(['--use-eslint-config'], dir);
      expect(run).toEqual({
        code: 2,
        stdout: '',
        stderr: "wirelint: --use-eslint-config: no eslint.config.* found for '.' or its parent directories\nRun 'wirelint --help' for the options.\n",
      });
    });

    it("--fix leaves suggestions alone; a project's ESLint comments add no findings and no fixes; wirelint's disable comments work", async ({ expect }) => {
      const dir = await tempDir('comments');
      await cp(path.join(FIXTURES, 'comments'), dir, { recursive: true });
      const before = await readFile(path.join(dir, 'comments.js'), 'utf8');
      const run = await wirelint(['--fix', '-f', 'json'], dir);
      expect(run.code).toBe(0);
      // Not reported: `/* eslint-env */` (fatal in ESLint 10), `semi` (autofixable) and the
      // unknown `foo/bar` turned on by the inline config, the unused `no-console` directive,
      // and line 10, whose finding is disabled. The finding on line 12 only has a suggestion.
      expect(parseJson(run.stdout).flatMap((result) => result.messages)).toEqual([expect.objectContaining({ ruleId: RULE, line: 12, column: 68 })]);
      expect(await readFile(path.join(dir, 'comments.js'), 'utf8')).toBe(before);
    });
  });

  describe('files', () => {
    it('lints every JS and TS flavour (TS-only syntax and JSX included) and nothing else', async ({ expect }) => {
      const commonjs = "const net = require('node:net');\nnet.createServer().listen(1, 'h', 8);\n";
      const esm = "import net from 'node:net';\nnet.createServer().listen(1, 'h', 8);\n";
      const dir = await tempDir('extensions', {
        'a.js': `${esm}export const View = () => <div>{'JSX in .js'}</div>;\n`,
        'b.cjs': commonjs,
        'c.mjs': esm,
        'd.jsx': `${esm}export const View = () => <div>{'ok'}</div>;\n`,
        'e.ts': `${esm}export abstract class A { private constructor(readonly p: number) {} }\n`,
        'f.cts': `${commonjs}export = net;\n`,
        'g.mts': `${esm}export declare const x: unique symbol;\n`,
        'h.tsx': `${esm}type Props = { name: string };\nexport const View = <T,>({ name }: Props & T) => <b>{name as string}</b>;\n`,
        'i.json': '{"listen": 8}\n',
        'j.vue': '<template><div/></template>\n',
        'k.d.ts': 'export declare function listen(backlog: 8): void;\n',
      });
      const run = await wirelint(['-f', 'json'], dir);
      expect(run.code).toBe(0);
      const results = parseJson(run.stdout);
      expect(fatalMessages(results)).toEqual([]);
      expect(results.map((result) => path.basename(result.filePath))).toEqual(['a.js', 'b.cjs', 'c.mjs', 'd.jsx', 'e.ts', 'f.cts', 'g.mts', 'h.tsx', 'k.d.ts']);
      expect(backlogFindings(results, dir)).toEqual(['a.js:2:35', 'b.cjs:2:35', 'c.mjs:2:35', 'd.jsx:2:35', 'e.ts:2:35', 'f.cts:2:35', 'g.mts:2:35', 'h.tsx:2:35']);
    });

    it('ignores node_modules, .git, dist, build, coverage and .gitignore entries; --no-ignore lints all but the first two', async ({ expect }) => {
      const files = ['src/a.js', 'dist/a.js', 'build/a.js', 'coverage/a.js', 'node_modules/pkg/index.js', '.git/hooks/a.js', 'generated/a.js', 'logs/x.gen.js', 'logs/keep.gen.js'];
      const dir = await tempDir('ignores', {
        ...Object.fromEntries(files.map((file) => [file, SERVER_JS])),
        '.gitignore': '# generated code\ngenerated/\n*.gen.js\n!keep.gen.js\n',
      });
      const [defaults, noIgnore] = await Promise.all([wirelint(['-f', 'json'], dir), wirelint(['--no-ignore', '-f', 'json'], dir)]);
      expect(defaults.code).toBe(0);
      expect(backlogFindings(parseJson(defaults.stdout), dir)).toEqual(['logs/keep.gen.js:4:68', 'src/a.js:4:68']);
      expect(noIgnore.code).toBe(0);
      // ESLint never walks into node_modules/ and .git/.
      const walked = files.filter((file) => !file.startsWith('node_modules/') && !file.startsWith('.git/'));
      expect(backlogFindings(parseJson(noIgnore.stdout), dir).sort()).toEqual(walked.map((file) => `${file}:4:68`).sort());
    });
  });

  describe('--type-aware', () => {
    it('finds what only types reveal, and lints files outside every tsconfig without types', async ({ expect }) => {
      const [untyped, typed] = await Promise.all([wirelint(['-f', 'json'], TYPED), wirelint(['--type-aware', '-f', 'json'], TYPED)]);
      expect(untyped.code).toBe(0);
      expect(backlogFindings(parseJson(untyped.stdout), TYPED)).toEqual(['scripts/outside.js:4:70']);
      expect([typed.code, typed.stderr]).toEqual([0, '']);
      const results = parseJson(typed.stdout);
      expect(fatalMessages(results)).toEqual([]);
      // src/start.ts: `server` is only known to be a `net.Server` from its declared type.
      expect(backlogFindings(results, TYPED)).toEqual(['scripts/outside.js:4:70', 'src/start.ts:5:36']);
    });

    it('works in a project without any tsconfig, and still reports parse errors', async ({ expect }) => {
      const dir = await tempDir('no-tsconfig', {
        'server.js': SERVER_JS,
        'service.ts': await readFile(path.join(BASIC, 'service.ts'), 'utf8'),
        'broken.ts': 'let x: = 1;\n',
      });
      const run = await wirelint(['--type-aware', '-f', 'json'], dir);
      expect(run.code).toBe(1);
      const results = parseJson(run.stdout);
      expect(fatalMessages(results)).toEqual([{ ruleId: null, fatal: true, severity: 2, message: 'Parsing error: Type expected.', line: 1, column: 8 }]);
      expect(backlogFindings(results, dir)).toEqual(['server.js:4:68', 'service.ts:14:47']);
    });
  });

  describe('speed flags', () => {
    it('--concurrency 2 gives the same JSON as a single thread', async ({ expect }) => {
      const [single, threaded] = await Promise.all([wirelint(['-f', 'json'], BASIC), wirelint(['--concurrency', '2', '-f', 'json'], BASIC)]);
      expect(threaded.code).toBe(single.code);
      expect(parseJson(threaded.stdout)).toEqual(parseJson(single.stdout));
      expect(backlogFindings(parseJson(threaded.stdout), BASIC)).toEqual(['server.js:4:68', 'service.ts:14:47']);
    });

    it('--cache with --cache-location keeps the cache there, and a cached run reports the same', async ({ expect }) => {
      const dir = await tempDir('cache', { 'server.js': SERVER_JS });
      const args = ['--cache', '--cache-location', 'tmp/lint-cache.json', '-f', 'json'];
      const first = await wirelint(args, dir);
      const cache = await readFile(path.join(dir, 'tmp/lint-cache.json'), 'utf8');
      const second = await wirelint(args, dir);
      expect(cache).toContain('server.js');
      expect(backlogFindings(parseJson(first.stdout), dir)).toEqual(['server.js:4:68']);
      expect(parseJson(second.stdout)).toEqual(parseJson(first.stdout));
    });
  });
});

// The fixture text above is the fixture on disk.
it('SERVER_JS is basic/server.js', async () => {
  expect(await readFile(path.join(BASIC, 'server.js'), 'utf8')).toBe(SERVER_JS);
});
