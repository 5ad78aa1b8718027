// The CLI declares every command from light modules and imports a command's module only when it runs: `--help` loads
// no writer, engine or service, and `zwgk score` to text loads no exceljs, docx, fastify, Chromium driver or
// Handlebars. Checked by the modules Node actually loads in a child process (hooks print each URL), not by timing.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../src/annual-report/checks/run-checks.js';
import { CHECK_FORMATS } from '../../src/annual-report/format-check.js';
import { SHOW_FORMATS } from '../../src/annual-report/format-show.js';
import { COMPARE_FORMATS, REPORT_CHECK_FORMATS, REPORT_LEVELS, REPORT_SHOW_FORMATS, SCORE_FORMATS } from '../../src/cli/choices.js';
import { formatters } from '../../src/formatters/index.js';
import { cli, SEED_EVIDENCE, SEED_RUBRIC } from '../helpers/cli.js';

const ROOT = join(__dirname, '../..');
const CHILD = join(ROOT, 'tests/helpers/run-cli-logging-modules.mjs');

/** npm packages a command loaded (from the `LOADED <url>` lines), e.g. `exceljs`, `@electric-sql/pglite`. */
async function packagesLoaded(argv: string[]): Promise<{ code: number; packages: Set<string> }> {
  const res = await promisify(execFile)(process.execPath, [CHILD, ...argv], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => ({ ...r, code: 0 }),
    (e: { stdout: string; stderr: string; code: number }) => e,
  );
  const packages = new Set<string>();
  for (const m of res.stderr.matchAll(/^LOADED \S*?\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) packages.add(m[1]!);
  return { code: res.code, packages };
}

const WRITERS_AND_SERVICE = ['exceljs', 'docx', 'fastify', 'playwright-core', 'handlebars', '@electric-sql/pglite', 'kysely', 'pg', 'parse5', 'opencc-js'];
const SCORING = ['json-rules-engine', 'zod', 'yaml', 'decimal.js'];

describe('commands load their modules only when they run', () => {
  it.each([
    { argv: ['--help'], absent: [...WRITERS_AND_SERVICE, ...SCORING] },
    { argv: ['help', 'compare'], absent: [...WRITERS_AND_SERVICE, ...SCORING] },
    { argv: ['report', 'check', '--help'], absent: [...WRITERS_AND_SERVICE, ...SCORING] },
    { argv: ['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC], absent: WRITERS_AND_SERVICE },
    // A comparison to JSON or CSV without a register (.xlsx) loads no workbook library (was 255 ms of CPU per run).
    { argv: ['compare', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--format', 'json', '--jobs', '1'], absent: WRITERS_AND_SERVICE },
    { argv: ['compare', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--format', 'csv', '--jobs', '1'], absent: WRITERS_AND_SERVICE },
  ])('zwgk $argv', async ({ argv, absent }) => {
    const { code, packages } = await packagesLoaded(argv);
    expect(code).toBe(0);
    expect(packages.has('commander')).toBe(true);
    expect(absent.filter((p) => packages.has(p))).toEqual([]);
  }, 60_000);

  it('the module log sees what a command loads (score --format html loads Handlebars and the engine)', async () => {
    const { code, packages } = await packagesLoaded(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--format', 'html']);
    expect(code).toBe(0);
    expect(['handlebars', 'json-rules-engine', 'zod'].filter((p) => !packages.has(p))).toEqual([]);
  }, 60_000);
});

describe('help lists (cli/choices.ts) are the lists the commands accept', () => {
  it('score --format: the formatters', () => expect([...SCORE_FORMATS]).toEqual(Object.keys(formatters)));
  it('report --level and --format: the annual-report lists', () => {
    expect([...REPORT_LEVELS]).toEqual([...LEVELS]);
    expect([...REPORT_CHECK_FORMATS]).toEqual([...CHECK_FORMATS]);
    expect([...REPORT_SHOW_FORMATS]).toEqual([...SHOW_FORMATS]);
  });
  it('compare --format: the formats compare names when given an unknown one', async () => {
    const r = await cli(['compare', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--format', 'bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`可选：${COMPARE_FORMATS.join('、')}`);
  });
  it('the help text shows the lists', async () => {
    expect((await cli(['score', '--help'])).stdout).toContain(`输出格式：${SCORE_FORMATS.join('、')}`);
    expect((await cli(['compare', '--help'])).stdout).toContain(`输出格式：${COMPARE_FORMATS.join('、')}`);
  });
});
