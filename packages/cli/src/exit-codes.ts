/**
 * The process exit codes, the same as ESLint's own CLI so that CI scripts treat both alike.
 */
export const ExitCode = {
  /** Nothing to report, or only warnings within `--max-warnings`. */
  Clean: 0,
  /** At least one error (a fatal parse error counts), or more warnings than `--max-warnings`. */
  ProblemsFound: 1,
  /**
   * The run could not do what was asked: a usage error (unknown flag, bad value), a path that
   * does not exist or holds nothing to lint, or an internal error. Wins over `ProblemsFound`.
   */
  Failure: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A mistake in the command line: reported as one line on stderr, without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
