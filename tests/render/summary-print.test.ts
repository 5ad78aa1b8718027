// The 领导版 summary as printed by Chromium (summary-pdf) and looked at through its words (pdftotext -bbox): the
// seed agency's summary on one A4 page with every text at 9 pt (the reproducibility stamp aside); an agency with
// more fixes runs onto a second page that carries the table's header and its last rows with the closing notes,
// never the closing lines alone. PDFs and 70 dpi PNGs kept in tests/render/__renders__/ (gitignored).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, SEED_RUBRIC } from '../helpers/cli.js';
import { pdfPages } from '../helpers/pdf-words.js';

const HAVE_CHROMIUM = existsSync('/usr/bin/chromium');
const RENDERS = join(process.cwd(), 'tests/render/__renders__');

async function summaryPdf(agency: string): Promise<string> {
  mkdirSync(RENDERS, { recursive: true });
  const pdf = join(RENDERS, `summary-${agency}.pdf`);
  const r = await cli(['score', `examples/etuokeqianqi-2017/${agency}.yaml`, '--rubric', SEED_RUBRIC, '--format', 'summary-pdf', '--out', pdf]);
  expect(r.code).toBe(0);
  execFileSync('pdftoppm', ['-r', '70', '-png', pdf, join(RENDERS, `summary-${agency}`)]);
  return pdf;
}

describe.skipIf(!HAVE_CHROMIUM)(HAVE_CHROMIUM ? 'leader summary printed' : 'leader summary printed — SKIPPED: /usr/bin/chromium not found', () => {
  it('the seed agency: one A4 page, every text but the stamp at 9 pt or more', { timeout: 60_000 }, async () => {
    const pages = pdfPages(await summaryPdf('zhujianju'));
    expect(pages).toHaveLength(1);
    const words = pages[0]!.words;
    // the stamp: the lines from the one that starts 「细则 etuokeqianqi-2017」 down
    const stampTop = words.find((w) => w.text === '细则' && words.some((v) => Math.abs(v.y0 - w.y0) < 1 && v.text.startsWith('etuokeqianqi')))!.y0;
    // Chromium's word box is ~2.6 × the font size: 23 is about 8.9 pt (tables were 8.5 pt, 得分途径 8 pt, labels 7.5 pt)
    const small = words.filter((w) => w.y0 < stampTop - 1 && w.y1 - w.y0 < 23).map((w) => `${w.text} (${(w.y1 - w.y0).toFixed(1)})`);
    expect(small).toEqual([]);
    // section names on one line in the 各考核项目得分 header (not 制度机制建 over a lone 设)
    expect(words.map((w) => w.text)).toEqual(expect.arrayContaining(['制度机制建设', '政府信息公开']));
  });

  it('28 fixes: the second page has the header and the last rows with the closing notes', { timeout: 60_000 }, async () => {
    const pdf = await summaryPdf('minzhengju');
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(2);
    const second = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', pdf, '-'], { encoding: 'utf8' });
    expect(second).toMatch(/序号\s+事项\s+考核项目\s+可挽回\s+得分途径/);
    expect(second).toMatch(/^\s*27\s+\S/m);
    expect(second).toMatch(/^\s*28\s+\S/m);
    expect(second).toContain('结果为暂定');
  });
});
