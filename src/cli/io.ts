// The CLI's view of the outside world, injectable for in-process tests.
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** Whether stderr is a terminal (progress bars only then). */
  isTTY?: boolean;
}

/** Exit codes (documented in the README). */
export const EXIT = { OK: 0, INVALID_INPUT: 1, USAGE: 2 } as const;

/** A usage error: printed in Chinese, exit code 2. */
export class UsageError extends Error {}
