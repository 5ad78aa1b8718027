// `zwgk demo` (npm start): score the bundled example agency and print its summary.
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { commandScore } from './commands-core.js';
import type { CliIo } from './io.js';

export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_RUBRIC = join(PACKAGE_ROOT, 'rubrics', 'etuokeqianqi-2017.yaml');
export const DEMO_EVIDENCE = join(PACKAGE_ROOT, 'examples', 'etuokeqianqi-2017', 'zhujianju.yaml');

export async function commandDemo(io: CliIo, _flags: { outDir: string }): Promise<number> {
  const rel = (p: string): string => relative(io.cwd, p) || p;
  return commandScore(io, rel(DEMO_EVIDENCE), { rubric: rel(DEMO_RUBRIC), format: 'text' });
}
