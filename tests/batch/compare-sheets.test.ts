// Each agency's 自查评分表 beside the HTML comparison (`compare --sheets`): file names deterministic, inside the
// sheets folder whatever the agency code holds, and distinct for distinct codes (also on file systems that ignore
// case); the comparison links every ranking row to a sheet that exists, and each sheet is the one `zwgk score` gives.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compareBatchView } from '../../src/batch/compare-batch.js';
import { compareChunks } from '../../src/formatters/compare/compare-formatters.js';
import { openSheetsFolder } from '../../src/batch/run/agency-sheets.js';
import { parseRubric } from '../../src/index.js';
import { cli, SEED_RUBRIC } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp-dirs.js';
import { sheetFileName, sheetHref } from '../../src/batch/run/agency-sheets.js';

describe('sheet file names from agency codes', () => {
  it.each([
    // code, file name
    ['etqq-zjj', 'etqq-zjj.html'],
    ['jyj_01', 'jyj_01.html'],
    ['住建局', '住建局.html'],
    ['ETQQ-ZJJ', 'etqq-zjj.HASH.html'], // upper case: kept apart from etqq-zjj on case-blind disks
    ['a/b', 'a_b.HASH.html'],
    ['', 'agency.HASH.html'],
  ])('%s → %s', (code, want) => {
    expect(sheetFileName(code).replace(/\.[0-9a-f]{16}\./, '.HASH.')).toBe(want);
  });

  it.each(['../../etc/passwd', '..', '.', '/abs', 'a/b', 'a\\b', 'C:evil', 'con', 'NUL', '.hidden', 'a b', 'x%2F..%2Fy', '\u202eexe.txt', 'a'.repeat(64), '-', '__'])(
    'hostile code %j stays a plain file name inside the folder',
    (code) => {
      const name = sheetFileName(code);
      expect(name).toMatch(/^[a-z0-9_\-\u4e00-\u9fff]+(\.[0-9a-f]{16})?\.html$/);
      expect(name.length).toBeLessThanOrEqual(80);
      expect(basename(name)).toBe(name);
      const dir = resolve('/tmp/out/sheets');
      expect(resolve(join(dir, name)).startsWith(dir + '/')).toBe(true);
      expect(sheetHref(code)).toBe(`sheets/${encodeURIComponent(name)}`);
      expect(sheetFileName(code)).toBe(name); // the same on every run
    },
  );

  it('distinct codes never share a file name, even ignoring case (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), fc.string({ minLength: 1, maxLength: 64 }), (a, b) => {
        if (a === b) return;
        expect(sheetFileName(a).toLowerCase()).not.toBe(sheetFileName(b).toLowerCase());
      }),
      { numRuns: 2000 },
    );
    // The pairs a naive sanitiser would merge.
    const codes = ['a/b', 'a_b', 'a\\b', 'A_B', 'a__b', 'a-b', 'ab', 'AB'];
    const names = codes.map(sheetFileName);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(codes.length);
  });
});

const tmp = tempDirs();
afterAll(() => tmp.removeAll());

/** Every file under a folder, relative to it. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

async function htmlOf(chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): Promise<string> {
  let s = '';
  for await (const c of chunks) s += typeof c === 'string' ? c : Buffer.from(c).toString('utf8');
  return s;
}

describe('compare writes each agency\'s sheet and links it (library)', () => {
  it('one sheet per ranked agency, every row linked to an existing sheet, each sheet as zwgk score gives it', { timeout: 120_000 }, async () => {
    const r = parseRubric(SEED_RUBRIC, readFileSync(SEED_RUBRIC, 'utf8'));
    if (!r.ok) throw new Error('seed rubric invalid');
    const out = join(tmp.make('zwgk-sheets-'), '比较.html');
    const sheets = await openSheetsFolder(out);
    const view = await compareBatchView({
      inputs: ['examples/etuokeqianqi-2017/'],
      rubric: { file: SEED_RUBRIC, compiled: r.value },
      cwd: process.cwd(),
      workers: 'never',
      reviews: 'examples/etuokeqianqi-2017/reviews',
      onAgencyReport: (code, report) => sheets.write(code, report),
    });
    const html = await htmlOf(compareChunks(view, 'html', { sheetHrefs: sheets.hrefs }));
    const codes = view.head.counts.scored;
    expect(listFiles(sheets.dir)).toHaveLength(codes);
    const links = [...html.matchAll(/<td class="" data-v="[^"]*"><a href="([^"]+)">([^<]+)<\/a><\/td>/g)];
    expect(links).toHaveLength(codes);
    for (const [, href] of links) {
      const target = resolve(join(out, '..'), decodeURIComponent(href!));
      expect(target.startsWith(sheets.dir + '/')).toBe(true);
      expect(readFileSync(target, 'utf8')).toContain('自查评分表');
    }
    expect(html).toContain('点击单位名称打开该单位的自查评分表');
    // 住建局's sheet is exactly what `zwgk score … --review … --format html` prints.
    const one = await cli(['score', 'examples/etuokeqianqi-2017/zhujianju.yaml', '--rubric', SEED_RUBRIC, '--review', 'examples/etuokeqianqi-2017/reviews/etqq-zjj.yaml', '--format', 'html']);
    expect(one.code).toBe(0);
    expect(readFileSync(join(sheets.dir, 'etqq-zjj.html'), 'utf8')).toBe(one.stdout);
  });

  it('without sheets the page has no links and no note', async () => {
    const r = parseRubric(SEED_RUBRIC, readFileSync(SEED_RUBRIC, 'utf8'));
    if (!r.ok) throw new Error('seed rubric invalid');
    const view = await compareBatchView({ inputs: ['examples/etuokeqianqi-2017/zhujianju.yaml'], rubric: { file: SEED_RUBRIC, compiled: r.value }, cwd: process.cwd(), workers: 'never' });
    const html = await htmlOf(compareChunks(view, 'html'));
    expect(html).not.toContain('<a href=');
    expect(html).not.toContain('点击单位名称');
  });
});
