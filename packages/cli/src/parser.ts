// The parsers the CLI and the language server lint with (the server imports this module as
// `wirelint/parsing`): typescript-eslint's parser, without types or with the project service.
import * as path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';

import { ProjectMembership } from './project-membership';

export { NEGATIVE_ANSWER_TTL_MS, ProjectMembership } from './project-membership';

/** typescript-estree's error for a file that no tsconfig includes (and no default project). */
const NOT_IN_ANY_PROJECT = 'was not found by the project service';

/** What is used of `@typescript-eslint/parser`; tests may pass another copy. */
export type TypescriptEslintParser = Pick<typeof tsParser, 'parseForESLint' | 'withoutProjectParserOptions' | 'version'>;
type ParseResult = ReturnType<typeof tsParser.parseForESLint>;

/** typescript-eslint's parser without type information. */
export function createUntypedParser(parser: TypescriptEslintParser = tsParser): Linter.Parser {
  return {
    meta: { name: 'wirelint/parser', version: parser.version },
    parseForESLint: (code: string, options?: tsParser.ParserOptions | null) => withOneBasedErrorColumn(() => parser.parseForESLint(code, options)),
  } as unknown as Linter.Parser;
}

/** typescript-eslint's parser without type information (the CLI's default mode). */
export const untypedParser: Linter.Parser = createUntypedParser();

export interface TypeAwareParserOptions {
  parser?: TypescriptEslintParser;
  /** Which files a tsconfig covers; one per parser unless the caller keeps its own to clear. */
  membership?: ProjectMembership;
}

/**
 * typescript-eslint's parser for type-aware runs. A file that a tsconfig (or jsconfig) includes
 * is parsed with the project service; any other file (a config script, a `.js` file without
 * `allowJs`, an unsaved editor buffer) is parsed without type information, which wirelint's
 * rules handle (they ask for types only when a program exists). Deciding up front matters: the
 * project service builds a whole inferred program for each file it does not find, and then
 * fails. If it fails anyway, the file is parsed again without types. Syntax errors still fail,
 * as parse errors should. The project service itself is one per process (typescript-estree
 * keeps it), so a long-lived caller keeps it warm.
 */
export function createTypeAwareParser({ parser = tsParser, membership = new ProjectMembership() }: TypeAwareParserOptions = {}): Linter.Parser {
  return {
    meta: { name: 'wirelint/type-aware-parser', version: parser.version },
    parseForESLint: (code: string, options?: tsParser.ParserOptions | null) =>
      withOneBasedErrorColumn(() => {
        const filePath = options?.filePath;
        if (options == null || filePath === undefined || !membership.isInSomeProject(path.resolve(filePath))) {
          return parser.parseForESLint(code, options == null ? options : parser.withoutProjectParserOptions(options));
        }
        try {
          return parser.parseForESLint(code, options);
        } catch (error) {
          if (!(error instanceof Error) || !error.message.includes(NOT_IN_ANY_PROJECT)) throw error;
          return parser.parseForESLint(code, parser.withoutProjectParserOptions(options));
        }
      }),
  } as unknown as Linter.Parser;
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
    if (!(error instanceof Error) || error.name !== 'TSError') throw error;
    const { lineNumber, column, index } = error as Error & { lineNumber?: unknown; column?: unknown; index?: unknown };
    if (typeof lineNumber !== 'number' || typeof column !== 'number') throw error;
    throw Object.assign(new Error(error.message), { lineNumber, column: column + 1, index });
  }
}
