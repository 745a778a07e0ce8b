import * as path from 'node:path';

import type * as TsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';

import type { ProjectMembership } from './project-membership';

/** typescript-estree's error for a file that no tsconfig includes. */
const NOT_IN_ANY_PROJECT = 'was not found by the project service';

type TypescriptEslintParser = Pick<typeof TsParser, 'parseForESLint' | 'withoutProjectParserOptions' | 'version'>;
type ParseResult = ReturnType<typeof TsParser.parseForESLint>;

/**
 * ESLint places a parse error at the parser's `lineNumber` and `column` and takes the column to
 * be 1-based (espree's is); typescript-estree's is 0-based, so every parse error would point one
 * character early. This rethrows typescript-estree's syntax errors 1-based.
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

/** typescript-eslint's parser without type information. */
export function createUntypedParser(parser: TypescriptEslintParser): Linter.Parser {
  return {
    meta: { name: 'wirelint/parser', version: parser.version },
    parseForESLint: (code: string, options?: TsParser.ParserOptions | null) => withOneBasedErrorColumn(() => parser.parseForESLint(code, options)),
  } as unknown as Linter.Parser;
}

/**
 * typescript-eslint's parser with the project service for files a tsconfig covers, and without
 * types for any other file (a config script, a `.js` file without `allowJs`, an unsaved
 * editor), which wirelint's rules handle: they ask for types only when a program exists. If the
 * project service fails on a file anyway, the file is parsed again without types. The project
 * service itself is one per process (typescript-estree keeps it), so it stays warm across edits.
 */
export function createTypeAwareParser(parser: TypescriptEslintParser, membership: ProjectMembership): Linter.Parser {
  return {
    meta: { name: 'wirelint/type-aware-parser', version: parser.version },
    parseForESLint: (code: string, options?: TsParser.ParserOptions | null) =>
      withOneBasedErrorColumn(() => {
        const filePath = options?.filePath;
        if (options == null || filePath === undefined || !path.isAbsolute(filePath) || !membership.isInSomeProject(filePath)) {
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
