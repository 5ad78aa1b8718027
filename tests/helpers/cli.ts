// Run the CLI in-process with a fake io that collects stdout and stderr (ESLint's `cli.execute` style).
import { expect } from 'vitest';
import { run } from '../../src/cli.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const SEED_RUBRIC = 'rubrics/etuokeqianqi-2017.yaml';
export const SEED_EVIDENCE = 'examples/etuokeqianqi-2017/zhujianju.yaml';

/** `zwgk …argv` with the repository root (or `cwd`) as working directory. */
export async function cli(argv: string[], cwd = process.cwd()): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

/** No stack trace ever reaches the user: no `    at …` frames, no `Error:` class names from Node. */
export function expectNoStack(r: CliResult): void {
  expect(r.stderr).not.toMatch(/^\s{4}at /m);
  expect(r.stdout).not.toMatch(/^\s{4}at /m);
  expect(r.stderr).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError)\b/);
}

export { tempDirs } from './temp-dirs.js';
