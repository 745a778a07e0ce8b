// `wirelint --engine oxlint` against the default engine on the same files (findings, formats,
// exit codes), with the pinned oxlint devDependency found beside the CLI. The main comparison
// runs the built CLI as processes; the others call the same built `runCli` in this process
// (oxlint still runs as its own processes), which saves a Node start-up per case. A missing
// oxlint is a real install layout without it: the CLI package copied into a temporary
// node_modules, next to links to its dependencies only.
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

import { describe, expect, it } from 'vitest';
import { lintWithOxlint, SourceLocator } from 'wirelint';

import { runCliInProcess, tempDirMaker } from '../helpers/cli';
import type { ProcessRun } from '../helpers/run-node';
import { runNode } from '../helpers/run-node';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'packages/cli/bin/wirelint.js');
const EXAMPLES = path.join(ROOT, 'examples');

function run(bin: string, args: readonly string[], cwd: string): Promise<ProcessRun> {
  return runNode(bin, args, cwd);
}

const wirelint = (args: readonly string[], cwd: string): Promise<ProcessRun> => run(BIN, args, cwd);

/** The built CLI's `runCli` in this process. */
function wirelintInProcess(args: readonly string[], cwd = EXAMPLES): Promise<ProcessRun> {
  return runCliInProcess(args, cwd);
}

const tempDir = tempDirMaker();

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; message: string; line: number; column: number; endLine?: number; endColumn?: number; fatal?: boolean }[];
  errorCount: number;
  warningCount: number;
}

/** Each file (relative) with its findings as `line:column-endLine:endColumn severity rule message`. */
function findings(stdout: string, cwd: string): Record<string, string[]> {
  const results = JSON.parse(stdout) as JsonResult[];
  return Object.fromEntries(
    results.map((result) => [
      path.relative(cwd, result.filePath).split(path.sep).join('/'),
      result.messages.map(
        (message) =>
          `${message.line}:${message.column}-${String(message.endLine)}:${String(message.endColumn)} ${message.severity} ${message.ruleId ?? (message.fatal === true ? 'fatal' : '-')} ${message.ruleId === null ? '' : message.message}`,
      ),
    ]),
  );
}

/** Runs both engines in this process with the same arguments. */
async function bothEngines(args: readonly string[], cwd: string): Promise<{ eslint: ProcessRun; oxlint: ProcessRun }> {
  const eslint = await wirelintInProcess(args, cwd);
  const oxlint = await wirelintInProcess(['--engine', 'oxlint', ...args], cwd);
  return { eslint, oxlint };
}

const SERVER_JS = `const net = require('node:net');\n\nnet.createServer((socket) => socket.end()).listen(8080, '0.0.0.0', 8);\n`;
/** A finding after characters that take more UTF-8 bytes than UTF-16 units. */
const NON_ASCII_LINE = `const label = '日本語 😀 🚀'; net.createServer().listen(8080, '0.0.0.0', 8);`;

describe('wirelint --engine oxlint', () => {
  it('reports the same findings in examples/ as the default engine (json, built CLI as processes)', async () => {
    const args = ['--config', 'all', '--format', 'json', 'examples/'];
    const [eslint, oxlint] = await Promise.all([wirelint(args, ROOT), wirelint(['--engine', 'oxlint', ...args], ROOT)]);
    expect(oxlint.stderr).toBe('');
    expect([oxlint.code, eslint.code]).toEqual([1, 1]);
    const expected = findings(eslint.stdout, ROOT);
    expect(Object.values(expected).flat().length).toBeGreaterThan(10);
    expect(findings(oxlint.stdout, ROOT)).toEqual(expected);
  });

  it('writes the same SARIF log as the default engine', async () => {
    const { eslint, oxlint } = await bothEngines(['--format', 'sarif', '.'], EXAMPLES);
    const log = JSON.parse(oxlint.stdout) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.results.length).toBeGreaterThan(10);
    expect(oxlint.stdout).toBe(eslint.stdout);
    expect(oxlint.code).toBe(eslint.code);
  });

  it('gives ESLint columns (UTF-16) after non-ASCII text and a byte-order mark, and reports parse errors as fatal', async () => {
    const dir = await tempDir('oxlint-positions', {
      'emoji.js': `const net = require('node:net');\n${NON_ASCII_LINE}\r\nnet.createServer().listen(8080, '0.0.0.0', 16);\n`,
      'bom.ts': `\uFEFFimport net from 'node:net';\nnet.createServer().listen(8080, '0.0.0.0', 32);\n`,
      'broken.js': 'const x = ;\n',
    });
    const { eslint, oxlint } = await bothEngines(['--format', 'json', '.'], dir);
    expect([oxlint.code, eslint.code]).toEqual([1, 1]);
    const expected = findings(eslint.stdout, dir);
    const column = NON_ASCII_LINE.lastIndexOf('8') + 1;
    expect(expected['emoji.js']?.[0]).toMatch(new RegExp(`^2:${column}-2:${column + 1} `));
    // The parse errors' texts come from different parsers: compared by position and kind only.
    expect(expected['broken.js']).toEqual(['1:11-undefined:undefined 2 fatal ']);
    expect(findings(oxlint.stdout, dir)).toEqual(expected);
  });

  it('exits like the default engine: warnings within --max-warnings, clean code, problems', async () => {
    const dir = await tempDir('oxlint-exit', { 'server.js': SERVER_JS, 'clean/ok.js': "require('node:net').createServer().listen(8080);\n" });
    const warningsOnly = await bothEngines(['server.js'], dir);
    const tooMany = await bothEngines(['--max-warnings', '0', 'server.js'], dir);
    const clean = await bothEngines(['clean'], dir);
    expect([warningsOnly.oxlint.code, tooMany.oxlint.code, clean.oxlint.code]).toEqual([0, 1, 0]);
    expect([warningsOnly.eslint.code, tooMany.eslint.code, clean.eslint.code]).toEqual([0, 1, 0]);
    expect(tooMany.oxlint.stderr).toBe('wirelint: 1 warnings, more than --max-warnings 0\n');
    expect(warningsOnly.oxlint.stdout).toBe(warningsOnly.eslint.stdout);
  });

  it('lints the same files as the default engine: default ignores, .gitignore, --no-ignore, and no .eslintignore', async () => {
    const files: Record<string, string> = { '.gitignore': 'generated.js\n' };
    for (const name of ['src/a.js', 'src/b.ts', 'dist/c.js', 'build/d.js', 'coverage/e.js', 'node_modules/pkg/f.js', 'generated.js', '.config/g.mjs', 'view.vue']) {
      files[name] = SERVER_JS;
    }
    const dir = await tempDir('oxlint-ignores', files);
    const withIgnores = await bothEngines(['--format', 'json', '.'], dir);
    const withoutIgnores = await bothEngines(['--format', 'json', '--no-ignore', '.'], dir);
    expect(Object.keys(findings(withIgnores.oxlint.stdout, dir)).sort()).toEqual(['.config/g.mjs', 'src/a.js', 'src/b.ts']);
    expect(findings(withIgnores.oxlint.stdout, dir)).toEqual(findings(withIgnores.eslint.stdout, dir));
    // oxlint always honours .gitignore, also with --no-ignore (docs/oxlint.md).
    const eslintAll = Object.keys(findings(withoutIgnores.eslint.stdout, dir)).sort();
    expect(Object.keys(findings(withoutIgnores.oxlint.stdout, dir)).sort()).toEqual(eslintAll.filter((file) => file !== 'generated.js'));
    // ESLint 10 no longer reads .eslintignore, and oxlint is told not to. (The engine itself:
    // the CLI would print ESLint's warning about the file here.)
    await writeFile(path.join(dir, '.eslintignore'), 'src/\n');
    const afterEslintignore = await lintWithOxlint({ cwd: dir, targets: [dir], preset: 'recommended', fix: false, ignore: true, concurrency: 'off' });
    expect(afterEslintignore.map((result) => path.relative(dir, result.filePath).split(path.sep).join('/')).sort()).toEqual(['.config/g.mjs', 'src/a.js', 'src/b.ts']);
  });

  it('applies --fix like the default engine', async () => {
    const [eslintDir, oxlintDir] = await Promise.all([tempDir('fix-eslint'), tempDir('fix-oxlint')]);
    await Promise.all([cp(EXAMPLES, eslintDir, { recursive: true }), cp(EXAMPLES, oxlintDir, { recursive: true })]);
    const eslint = await wirelintInProcess(['--fix', '--format', 'json', '.'], eslintDir);
    const oxlint = await wirelintInProcess(['--engine', 'oxlint', '--fix', '--format', 'json', '.'], oxlintDir);
    expect(findings(oxlint.stdout, oxlintDir)).toEqual(findings(eslint.stdout, eslintDir));
    for (const file of Object.keys(findings(eslint.stdout, eslintDir))) {
      expect(await readFile(path.join(oxlintDir, file), 'utf8'), file).toBe(await readFile(path.join(eslintDir, file), 'utf8'));
    }
  });

  it('says how to install oxlint, with exit 2, when neither the project nor the CLI can resolve it', async () => {
    // An install of the CLI without its optional peer: the package copied, its dependencies linked.
    const dir = await tempDir('no-oxlint', { 'project/server.js': SERVER_JS });
    const cliCopy = path.join(dir, 'node_modules/wirelint');
    await mkdir(cliCopy, { recursive: true });
    await Promise.all(['bin', 'dist', 'package.json'].map((entry) => cp(path.join(ROOT, 'packages/cli', entry), path.join(cliCopy, entry), { recursive: true })));
    for (const dependency of ['@wirelint/eslint-plugin', '@typescript-eslint/parser', 'eslint', 'typescript']) {
      const link = path.join(dir, 'node_modules', dependency);
      await mkdir(path.dirname(link), { recursive: true });
      await symlink(path.dirname(require.resolve(`${dependency}/package.json`)), link, 'junction');
    }
    const bin = path.join(cliCopy, 'bin/wirelint.js');
    expect(await run(bin, ['--engine', 'oxlint', '.'], path.join(dir, 'project'))).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "wirelint: --engine oxlint needs oxlint, which is not installed in this project or beside wirelint; install it with 'npm install --save-dev oxlint', or leave out --engine to lint with ESLint\n",
    });
  });

  it("prefers the project's own oxlint, and refuses one older than the tested release", async () => {
    const dir = await tempDir('old-oxlint', {
      'server.js': SERVER_JS,
      'node_modules/oxlint/package.json': JSON.stringify({ name: 'oxlint', version: '1.20.0', bin: { oxlint: 'bin/oxlint' } }),
    });
    const result = await wirelintInProcess(['--engine', 'oxlint', '.'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `wirelint: --engine oxlint needs oxlint 1.94.0 or later, but ${path.join(dir, 'node_modules/oxlint')} has 1.20.0; upgrade it with 'npm install --save-dev oxlint@latest'\n`,
    );
  });

  it.each([
    [['--engine', 'oxlint', '--type-aware'], "--type-aware cannot be combined with --engine oxlint: oxlint gives JS plugins no TypeScript program, so wirelint's rules run without types there (use the default engine for --type-aware)"],
    [['--engine', 'oxlint', '--use-eslint-config'], '--use-eslint-config cannot be combined with --engine oxlint (oxlint does not load eslint.config.*; it runs a wirelint preset)'],
    [['--engine', 'oxlint', '--cache'], '--cache cannot be combined with --engine oxlint (oxlint keeps no cache of results)'],
    [['--engine', 'oxlint', '--cache-location', 'x'], '--cache cannot be combined with --engine oxlint (oxlint keeps no cache of results)'],
    [['--engine', 'biome'], "invalid value for --engine: 'biome' (expected eslint or oxlint)"],
  ])('rejects %j with exit 2', async (args, message) => {
    expect(await wirelintInProcess(args)).toEqual({ code: 2, stdout: '', stderr: `wirelint: ${message}\nRun 'wirelint --help' for the options.\n` });
  });

  it('lists --engine in the help', async () => {
    expect((await wirelintInProcess(['--help'])).stdout).toContain('--engine <name>        eslint (default) or oxlint');
  });
});

describe('SourceLocator (oxlint byte offsets to ESLint positions)', () => {
  it.each([
    ['ASCII', 'ab\ncd', 4, { line: 2, column: 2 }],
    ['CRLF, CR, LS and PS line breaks', 'a\r\nb\rc\u2028d\u2029e', 13, { line: 5, column: 1 }],
    ['characters of 2 and 3 UTF-8 bytes, 1 UTF-16 unit each', 'é語x', 5, { line: 1, column: 3 }],
    ['an astral character: 4 bytes, 2 UTF-16 units', '😀x', 4, { line: 1, column: 3 }],
    ['a byte-order mark, which ESLint does not count', '\uFEFFab', 4, { line: 1, column: 2 }],
    ['the end of the text', 'ab\n', 3, { line: 2, column: 1 }],
  ])('%s', (_, source, offset, expected) => {
    expect(new SourceLocator(source).position(offset)).toEqual(expected);
  });
});
