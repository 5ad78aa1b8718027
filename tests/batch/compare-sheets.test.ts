// Each agency's 自查评分表 beside the HTML comparison (`compare --sheets`): file names deterministic, inside the
// sheets folder whatever the agency code holds, and distinct for distinct codes (also on file systems that ignore
// case); the comparison links every ranking row to a sheet that exists, and each sheet is the one `zwgk score` gives.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compareBatchView } from '../../src/batch/compare-batch.js';
import { compareChunks } from '../../src/formatters/compare/compare-formatters.js';
import { openSheetsFolder } from '../../src/batch/run/agency-sheets.js';
import { parseRubric } from '../../src/index.js';
import { cli, SEED_RUBRIC } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp-dirs.js';
import { compile, countyRubric, evidence, tempDir } from './helpers.js';
import { materialiseReport } from '../../src/cohort/build-compare-report.js';
import type { ScoreReport } from '../../src/report/score-report.js';
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
    const links = [...html.matchAll(/<td class="name" data-v="[^"]*"><a href="([^"]+)">([^<]+)<\/a><\/td>/g)];
    expect(links).toHaveLength(codes);
    for (const [, href] of links) {
      const target = resolve(join(out, '..'), decodeURIComponent(href!));
      expect(target.startsWith(sheets.dir + '/')).toBe(true);
      expect(readFileSync(target, 'utf8')).toContain('自查评分表');
    }
    expect(html).toContain('点击单位名称打开该单位的自查评分表（在本页所在文件夹的 sheets 文件夹中，共 6 份）。');
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

describe('zwgk compare --format html --out dir/x.html --sheets (in-process CLI)', () => {
  /** The links of the ranking, resolved against the comparison's folder. */
  function linksOf(html: string): string[] {
    return [...html.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]!);
  }

  it('writes dir/sheets/<code>.html for every agency and links each ranking row to it', { timeout: 120_000 }, async () => {
    const dir = tmp.make('zwgk-sheets-cli-');
    const r = await cli(['compare', 'examples/etuokeqianqi-2017/', '--rubric', SEED_RUBRIC, '--reviews', 'examples/etuokeqianqi-2017/reviews', '--out', join(dir, '比较.html'), '--sheets']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('已写入 6 份单位自查评分表到');
    expect(listFiles(dir)).toEqual(['sheets/etqq-czj.html', 'sheets/etqq-jtj.html', 'sheets/etqq-jyj.html', 'sheets/etqq-mzj.html', 'sheets/etqq-wjj.html', 'sheets/etqq-zjj.html', '比较.html']);
    const html = readFileSync(join(dir, '比较.html'), 'utf8');
    const links = linksOf(html);
    expect(links).toHaveLength(6);
    for (const href of links) expect(readFileSync(join(dir, decodeURIComponent(href)), 'utf8')).toMatch(/<h1>[^<]*自查评分表/);
    expect(html).toContain('<a href="sheets/etqq-zjj.html">鄂托克前旗住房和城乡规划建设局</a>');
    // Same input, same files: a second run writes the same bytes.
    const again = tmp.make('zwgk-sheets-cli-');
    await cli(['compare', 'examples/etuokeqianqi-2017/', '--rubric', SEED_RUBRIC, '--reviews', 'examples/etuokeqianqi-2017/reviews', '--out', join(again, '比较.html'), '--sheets']);
    for (const f of listFiles(dir)) expect(readFileSync(join(again, f)).equals(readFileSync(join(dir, f)))).toBe(true);
  });

  it('hostile agency codes cannot place a file outside the sheets folder', { timeout: 120_000 }, async () => {
    const root = tmp.make('zwgk-sheets-hostile-');
    const inputs = join(root, 'in');
    const out = join(root, 'out');
    const seed = readFileSync('examples/etuokeqianqi-2017/zhujianju.yaml', 'utf8');
    const codes = ['../../evil', '../out/比较', 'a/b', 'a_b', '..', '.', 'CON', '/etc/passwd', 'C:\\\\x', '%2e%2e%2fx', 'Etqq-Zjj', 'etqq-zjj'];
    codes.forEach((code, i) => {
      const text = seed.replace(/code: etqq-zjj/, `code: ${JSON.stringify(code)}`);
      expect(text).not.toBe(seed);
      writeFileSync(join(root, `in-${i}.yaml`), text);
    });
    mkdirSync(inputs);
    codes.forEach((_, i) => renameSync(join(root, `in-${i}.yaml`), join(inputs, `${i}.yaml`)));
    const r = await cli(['compare', inputs, '--rubric', resolve(SEED_RUBRIC), '--out', join(out, '比较.html'), '--sheets'], root);
    expect(r.stderr).not.toMatch(/^\s{4}at /m);
    expect(r.code).toBe(0);
    const files = listFiles(root);
    // Only the inputs, the comparison and one sheet per code inside out/sheets/.
    expect(files.filter((f) => !f.startsWith('in/'))).toHaveLength(1 + codes.length);
    const sheetFiles = files.filter((f) => f.startsWith('out/sheets/'));
    expect(sheetFiles).toHaveLength(codes.length);
    for (const f of sheetFiles) expect(f).toMatch(/^out\/sheets\/[a-z0-9_\-\u4e00-\u9fff]+(\.[0-9a-f]{16})?\.html$/);
    const html = readFileSync(join(out, '比较.html'), 'utf8');
    const links = linksOf(html);
    expect(links).toHaveLength(codes.length);
    for (const href of links) {
      const target = resolve(out, decodeURIComponent(href));
      expect(target.startsWith(join(out, 'sheets') + '/')).toBe(true);
      expect(readFileSync(target, 'utf8')).toContain('自查评分表');
    }
  });

  it.each([
    [['--format', 'xlsx', '--out', 'x.xlsx', '--sheets'], /--sheets 只用于 --format html/],
    [['--format', 'html', '--sheets'], /--sheets 须与 --out <文件\.html> 同用：/],
  ])('refuses %j (exit 2)', async (argv, message) => {
    const r = await cli(['compare', 'examples/etuokeqianqi-2017/zhujianju.yaml', '--rubric', SEED_RUBRIC, ...argv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('refuses a sheets that is a file or a symbolic link (exit 1), writing nothing', async () => {
    for (const make of [(p: string) => writeFileSync(p, 'x'), (p: string) => symlinkSync(tmp.make('zwgk-elsewhere-'), p)]) {
      const dir = tmp.make('zwgk-sheets-bad-');
      make(join(dir, 'sheets'));
      const r = await cli(['compare', 'examples/etuokeqianqi-2017/zhujianju.yaml', '--rubric', SEED_RUBRIC, '--out', join(dir, 'x.html'), '--sheets']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('已存在，但不是文件夹（或是符号链接）');
      expect(existsSync(join(dir, 'x.html'))).toBe(false);
    }
  });
});

describe('the sheets carry the comparison\'s rank points (M27)', () => {
  it('each agency\'s report handed to onAgencyReport has the same total as its ranking row, rank item included', async () => {
    const t = tempDir();
    try {
      const text = countyRubric({ rank: 'bands' });
      const r = t.write('rubric.yaml', text);
      const posts = { a: 90, b: 70, c: 70, d: 50 };
      for (const [code, p] of Object.entries(posts)) t.write(`in/${code}.json`, evidence({ code, cls: 'A', facts: { meetings: 1, system: true, hotline: true, hall: true, posts: p } }));
      const reports = new Map<string, ScoreReport>();
      const view = await compareBatchView({
        inputs: ['in'],
        rubric: { file: r, compiled: compile(text) },
        cwd: t.dir,
        workers: 'never',
        onAgencyReport: async (code, report) => void reports.set(code, report),
      });
      const rows = materialiseReport(view).agencies;
      expect([...reports.keys()]).toEqual(['a', 'b', 'c', 'd']); // code order
      for (const a of rows) {
        const rep = reports.get(a.code)!;
        expect(rep.totals.final).toBe(a.totals.final);
        const rank = rep.nodes.find((n) => n.id === '2.2')!;
        expect(rank.status).not.toBe('manual'); // scored with its rank points, not "须在批量比较中计分"
      }
      expect(Object.fromEntries(rows.map((a) => [a.code, a.totals.final]))).toEqual({ a: 100, b: 96, c: 96, d: 88 });
    } finally {
      t.cleanup();
    }
  });
});

describe('sheets with worker threads', () => {
  it('scoring in worker threads gives the same sheets as in this thread', { timeout: 180_000 }, async () => {
    const r = parseRubric(SEED_RUBRIC, readFileSync(SEED_RUBRIC, 'utf8'));
    if (!r.ok) throw new Error('seed rubric invalid');
    const collect = async (workers: 'never' | 'always') => {
      const got = new Map<string, string>();
      await compareBatchView({
        inputs: ['examples/etuokeqianqi-2017/'],
        rubric: { file: SEED_RUBRIC, compiled: r.value },
        cwd: process.cwd(),
        workers,
        jobs: 2,
        reviews: 'examples/etuokeqianqi-2017/reviews',
        onAgencyReport: async (code, report) => void got.set(code, JSON.stringify(report)),
      });
      return got;
    };
    const inThread = await collect('never');
    const inWorkers = await collect('always');
    expect([...inWorkers.keys()]).toEqual([...inThread.keys()]);
    expect(inWorkers).toEqual(inThread);
  });
});
