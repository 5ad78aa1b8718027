// The comparison's documents as an office prints them, on the bundled examples with their reviews: the xlsx
// through LibreOffice Calc, the HTML through Chromium's print. Each page is looked at through its words
// (pdftotext -bbox): nothing below about 9 pt, nothing past the paper's edge, every sheet titled, a bounded
// page count. PDFs and 70 dpi PNGs are kept in tests/batch/__renders__/ (gitignored) for a person to look at.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, SEED_RUBRIC } from '../helpers/cli.js';
import { halfWidthPunctuation, pdfPages, smallWords } from '../helpers/pdf-words.js';

const LIBREOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const HAVE_CALC = LIBREOFFICE !== undefined && existsSync('/usr/lib/libreoffice/program/libsclo.so');
// xlsx column widths are in Calibri's digit widths: without Carlito (its metric twin) LibreOffice measures them in
// DejaVu Sans, a third wider, and prints every sheet a quarter smaller than Excel or WPS would.
const HAVE_CARLITO = HAVE_CALC && /Carlito/i.test(execFileSync('fc-list', { encoding: 'utf8' }));
const RENDERS = join(process.cwd(), 'tests/batch/__renders__');
const EXAMPLES = ['compare', 'examples/etuokeqianqi-2017', '--rubric', SEED_RUBRIC, '--reviews', 'examples/etuokeqianqi-2017/reviews'];
const work = mkdtempSync(join(tmpdir(), 'zwgk-compare-print-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** LibreOffice → PDF in the renders folder (own profile, so it runs beside other LibreOffice tests). */
function libreOfficePdf(file: string, name: string): string {
  mkdirSync(RENDERS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'zwgk-lo-'));
  try {
    execFileSync(LIBREOFFICE!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, file], { timeout: 110_000, stdio: 'ignore' });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(RENDERS, `${name}.pdf`);
  execFileSync('cp', [join(work, file.replace(/^.*\//, '').replace(/\.\w+$/, '.pdf')), pdf]);
  execFileSync('pdftoppm', ['-r', '70', '-png', pdf, join(RENDERS, name)]);
  return pdf;
}

describe('compare --format xlsx as printed', () => {
  it('page setup read back: 汇总 at 90 % with the agency columns repeated, section titles printable, 得分率 a percentage, rows as tall as their wrapped names', async () => {
    const out = join(work, 'compare.xlsx');
    expect((await cli([...EXAMPLES, '--format', 'xlsx', '--out', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: false, scale: 90, printTitlesColumn: 'A:D' });
    // "&14" right before "1 组织领导" would be a 141-point font: the size goes before the font name
    const section = wb.getWorksheet('1 组织领导')!;
    expect(section.headerFooter.oddHeader).toMatch(/^&C&14&"黑体,Bold"2017年.*考核结果 1 组织领导$/);
    const rate = section.getRow(2).getCell(section.getRow(1).cellCount);
    expect(typeof rate.value).toBe('number');
    expect(rate.numFmt).toBe('0.0%');
    // 鄂托克前旗住房和城乡规划建设局 wraps in 汇总's 20-wide name column: its row holds two lines
    const zjj = summary.getColumn(4).values.findIndex((v) => v === '鄂托克前旗住房和城乡规划建设局');
    expect(summary.getRow(zjj).height).toBeGreaterThanOrEqual(27);
    expect(summary.getRow(1).height).toBeGreaterThanOrEqual(40);
    // Chinese typography in every text cell, sheet name and page title (rubric labels were typed with ( ) , ; :)
    const texts = wb.worksheets.flatMap((ws) => [ws.name, (ws.headerFooter.oddHeader ?? '').replace(/&"[^"]*"/g, ''), ...ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.filter((v): v is string => typeof v === 'string') : []))]);
    expect(texts.flatMap(halfWidthPunctuation)).toEqual([]);
    expect(texts).toContain('7 任务（加分）');
    expect(texts).toContain('优秀（暂定）');
  });

  it.skipIf(!HAVE_CARLITO)(HAVE_CARLITO ? 'LibreOffice prints every sheet readable (≥ ~9 pt), inside the paper, titled, on at most 18 A4 pages' : 'SKIPPED: apt-get install -y --no-install-recommends libreoffice-calc fonts-crosextra-carlito', { timeout: 150_000 }, async () => {
    const out = join(work, 'compare-print.xlsx');
    expect((await cli([...EXAMPLES, '--format', 'xlsx', '--out', out])).code).toBe(0);
    const pdf = libreOfficePdf(out, 'compare-xlsx');
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(12);
    expect(pages.length).toBeLessThanOrEqual(18);
    // LibreOffice's word box is ~1.3 × the font size: 11.5 is about 8.8 pt (汇总 fitted to one page printed at 3.4 pt,
    // the 排名表 at 6.9 pt when Calibri's metrics were missing)
    expect(smallWords(pages, 11.5)).toEqual([]);
    for (const p of pages) expect(Math.max(...p.words.map((w) => w.x1)), `page ${p.page}`).toBeLessThanOrEqual(p.width - 10);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const title of ['考核结果排名', '考核结果 汇总', '考核结果 1 组织领导', '考核结果 8 加分项', '考核结果 普遍失分项', '考核结果 数据核验']) expect(text.replace(/ {2,}/g, ' ')).toContain(title);
    expect(text).not.toMatch(/proactive-website/);
  });
});
