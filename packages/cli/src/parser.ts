import { existsSync } from 'node:fs';
import * as path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import ts from 'typescript';

/** typescript-estree's error for a file that no tsconfig includes (and no default project). */
const NOT_IN_ANY_PROJECT = 'was not found by the project service';

const CONFIG_FILE_NAMES = ['tsconfig.json', 'jsconfig.json'];

type ParseResult = ReturnType<typeof tsParser.parseForESLint>;

/** typescript-eslint's parser without type information (the default mode). */
export const untypedParser = {
  meta: { name: 'wirelint/parser', version: tsParser.version },
  parseForESLint(code: string, options?: tsParser.ParserOptions | null): ParseResult {
    return withOneBasedErrorColumn(() => tsParser.parseForESLint(code, options));
  },
} as unknown as Linter.Parser;

/**
 * typescript-eslint's parser for `--type-aware` runs. A file that a tsconfig (or jsconfig)
 * includes is parsed with the project service; any other file (a config script, a `.js` file
 * without `allowJs`) is parsed without type information, which wirelint's rules handle (they
 * ask for types only when a program exists). Deciding up front matters: the project service
 * builds a whole inferred program for each file it does not find (measured here: 30 such
 * files took 16 s and 540 MB instead of 1.7 s), and then fails. If it fails anyway, the file
 * is parsed again without types. Syntax errors still fail, as parse errors should.
 *
 * Each call makes a parser with its own cache of tsconfig file lists: build a new one (a new
 * config) when tsconfig files or the set of files may have changed.
 */
export function createTypeAwareParser(): Linter.Parser {
  const membership = new ProjectMembership();
  const parser = {
    meta: { name: 'wirelint/type-aware-parser', version: tsParser.version },
    parseForESLint(code: string, options?: tsParser.ParserOptions | null): ParseResult {
      return withOneBasedErrorColumn(() => {
        const filePath = options?.filePath;
        if (options == null || filePath === undefined || !membership.isInSomeProject(path.resolve(filePath))) {
          return tsParser.parseForESLint(code, options == null ? options : tsParser.withoutProjectParserOptions(options));
        }
        try {
          return tsParser.parseForESLint(code, options);
        } catch (error) {
          if (!isNotInAnyProject(error)) throw error;
          return tsParser.parseForESLint(code, tsParser.withoutProjectParserOptions(options));
        }
      });
    },
  };
  return parser as unknown as Linter.Parser;
}

/**
 * ESLint shows a parse error at the parser's `lineNumber` and `column`, which it takes to be
 * 1-based (espree's are); typescript-estree's are 0-based, so every parse error would point one
 * column early (and at column 0 at the start of a line). This rethrows them 1-based.
 */
function withOneBasedErrorColumn(parse: () => ParseResult): ParseResult {
  try {
    return parse();
  } catch (error) {
    if (!isSyntaxErrorFromTypescriptEstree(error)) throw error;
    throw Object.assign(new Error(error.message), { lineNumber: error.lineNumber, column: error.column + 1, index: error.index });
  }
}

function isSyntaxErrorFromTypescriptEstree(error: unknown): error is Error & { lineNumber: number; column: number; index: number } {
  if (!(error instanceof Error) || error.name !== 'TSError') return false;
  const { lineNumber, column } = error as Error & { lineNumber?: unknown; column?: unknown };
  return typeof lineNumber === 'number' && typeof column === 'number';
}

function isNotInAnyProject(error: unknown): boolean {
  return error instanceof Error && error.message.includes(NOT_IN_ANY_PROJECT);
}

/**
 * Whether some tsconfig.json or jsconfig.json in a file's directory or above lists the file,
 * directly or through its project references, the way TypeScript's project service looks for a
 * file's project. Config files are read once each.
 */
class ProjectMembership {
  private readonly configsInDirectory = new Map<string, string[]>();
  private readonly filesOfConfig = new Map<string, { files: ReadonlySet<string>; references: readonly string[] }>();
  private readonly host: ts.ParseConfigFileHost = {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    readDirectory: (...args) => ts.sys.readDirectory(...args),
    fileExists: (file) => ts.sys.fileExists(file),
    readFile: (file) => ts.sys.readFile(file),
    getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
    // A broken config is no project: its files are linted without types.
    onUnRecoverableConfigFileDiagnostic: () => undefined,
  };

  isInSomeProject(filePath: string): boolean {
    const file = this.canonical(filePath);
    let directory = path.dirname(filePath);
    for (;;) {
      for (const config of this.configsIn(directory)) {
        if (this.projectIncludes(config, file, new Set())) return true;
      }
      const parent = path.dirname(directory);
      if (parent === directory) return false;
      directory = parent;
    }
  }

  private configsIn(directory: string): string[] {
    let configs = this.configsInDirectory.get(directory);
    if (configs === undefined) {
      configs = CONFIG_FILE_NAMES.map((name) => path.join(directory, name)).filter((file) => existsSync(file));
      this.configsInDirectory.set(directory, configs);
    }
    return configs;
  }

  private projectIncludes(configPath: string, file: string, seen: Set<string>): boolean {
    if (seen.has(configPath)) return false;
    seen.add(configPath);
    const project = this.readProject(configPath);
    if (project.files.has(file)) return true;
    return project.references.some((reference) => this.projectIncludes(reference, file, seen));
  }

  private readProject(configPath: string): { files: ReadonlySet<string>; references: readonly string[] } {
    let project = this.filesOfConfig.get(configPath);
    if (project === undefined) {
      let parsed: ts.ParsedCommandLine | undefined;
      try {
        parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, this.host);
      } catch {
        parsed = undefined;
      }
      project = {
        files: new Set((parsed?.fileNames ?? []).map((file) => this.canonical(file))),
        references: (parsed?.projectReferences ?? []).map((reference) => ts.resolveProjectReferencePath(reference)),
      };
      this.filesOfConfig.set(configPath, project);
    }
    return project;
  }

  private canonical(file: string): string {
    const normalized = path.resolve(file);
    return ts.sys.useCaseSensitiveFileNames ? normalized : normalized.toLowerCase();
  }
}
