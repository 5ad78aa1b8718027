// The printed sheet as a person sees it (issue 13): pages rendered to PNG (kept in tests/render/__renders__/,
// gitignored) and checked — the table's right border on portrait pages, 附件 label, Chinese dates and full-width
// punctuation in labels, no 「…评分表自查评分表」, clause lines that do not restate the 具体标准, narrow headers on one line.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/index.js';
import { buildBlankSheetViewModel } from '../../src/render/blank-report.js';
import { chineseDate, titleWithSuffix } from '../../src/render/chinese-text.js';
import { renderSheetAs } from '../../src/render/render-sheet.js';
import { seedCopy, seedReport } from './fixtures.js';

const HAVE_TOOLS = existsSync('/usr/bin/chromium') && existsSync('/usr/bin/pdftoppm');
const RENDERS = join(process.cwd(), 'tests/render/__renders__');
const text = (o: string | Uint8Array): string => (typeof o === 'string' ? o : Buffer.from(o).toString('utf8'));

describe('Chinese typography helpers', () => {
  it.each([
    ['2018-01-12', '2018年1月12日'],
    ['2018/1/2', '2018年1月2日'],
    ['2018.12.31', '2018年12月31日'],
    ['2018年1月12日', '2018年1月12日'],
    ['', ''],
  ])('chineseDate(%j) = %j', (s, expected) => expect(chineseDate(s)).toBe(expected));

  it.each([
    ['2017年鄂托克前旗政务公开工作考核评价细则', '2017年鄂托克前旗政务公开工作考核评价细则自查评分表'],
    ['2019年某县政务公开考核评分表', '2019年某县政务公开考核评分表'],
    ['2019年某县政务公开自查评分表', '2019年某县政务公开自查评分表'],
  ])('titleWithSuffix(%j)', (title, expected) => expect(titleWithSuffix(title, '自查评分表')).toBe(expected));
});

describe('sheet html', () => {
  it('full-width label punctuation, Chinese date, 附件 label, group points in full-width brackets', async () => {
    const html = text(await formatReport(await seedCopy(), 'html', { attachmentLabel: '附件1' }));
    expect(html).toContain('<p class="attachment-label">附件1</p>');
    expect(html).toMatch(/单位：鄂托克前旗/);
    expect(html).toContain('填报日期：2018年1月12日');
    expect(html).not.toMatch(/(单位|考核年度|填报日期|填表人|审核人|单位盖章|日期):/);
    expect(html).toContain('组织领导（15分）');
    // the collapsed outer border fits inside the page; 小计 keeps with the row above; stamp stays with signature
    expect(html).toContain('width: calc(100% - 1pt)');
    expect(html).toMatch(/tr\.row-subtotal[^{]*\{ break-before: avoid/);
    expect(html).toContain('<div class="signature-block">');
    expect(html).toMatch(/th\.col-claimed[^{]*\{ white-space: nowrap/);
  });

  it('a rubric titled …评分表 is not called 「…评分表自查评分表」', async () => {
    const r = await seedCopy();
    r.rubric.title = '2019年某县政务公开工作考核评分表';
    const html = text(await formatReport(r, 'html'));
    expect(html).toContain('<h1>2019年某县政务公开工作考核评分表');
    expect(html).not.toContain('评分表自查评分表');
  });

  it('clause lines give the first words of a clause the 具体标准 already states, with its score', async () => {
    const md = text(await formatReport(await seedCopy(), 'md'));
    expect(md).toContain('· 主要领导年内…（3分） 得 3 分');
    expect(md).not.toContain('· 主要领导年内至少听取一次政务公开工作汇报');
  });

  it('the blank form leaves out clause lines that restate the 具体标准', async () => {
    const { compiled } = await seedReport();
    const vm = buildBlankSheetViewModel(compiled);
    const clauses = vm.rows.flatMap((r) => r.cells.flatMap((c) => c.clauses));
    expect(clauses.filter((c) => c.repeats)).toEqual([]);
  });
});

/** Number of pages of a PDF file (poppler's pdfinfo). */
function pageCount(pdf: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

/** Vertical rules of page 1 (grey, 300 dpi) running along the table's height: [first x, thickness in px]. */
function verticalRules(pdf: string): { width: number; rules: Array<[number, number]> } {
  const base = pdf.replace(/\.pdf$/, '-gray');
  execFileSync('pdftoppm', ['-gray', '-r', '300', '-f', '1', '-l', '1', '-singlefile', pdf, base]);
  const pgm = readFileSync(`${base}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = pgm.subarray(header[0].length);
  const top = Math.floor(h * 0.3);
  const bottom = Math.floor(h * 0.8);
  const rules: Array<[number, number]> = [];
  for (let x = 0; x < w; x++) {
    let ink = 0;
    for (let y = top; y < bottom; y++) ink += 255 - data[y * w + x]!;
    if (ink / (bottom - top) < 200) continue;
    const last = rules.at(-1);
    if (last && last[0] + last[1] === x) last[1]++;
    else rules.push([x, 1]);
  }
  return { width: w, rules };
}

describe.skipIf(!HAVE_TOOLS)(HAVE_TOOLS ? 'printed pages (Chromium, poppler)' : 'printed pages — SKIPPED: needs /usr/bin/chromium and poppler-utils', () => {
  it('portrait sheet: the table has its right border; 附件1, dates and labels print in Chinese typography', async () => {
    mkdirSync(RENDERS, { recursive: true });
    const pdf = (await formatReport(await seedCopy(), 'pdf', { attachmentLabel: '附件1' })) as Uint8Array;
    const file = join(RENDERS, 'seed-sheet.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-r', '60', '-png', file, join(RENDERS, 'seed-sheet')]);
    const { width, rules } = verticalRules(file);
    // The right border is drawn whole, as thick as the left one — not cut in half (or away) at the page margin.
    const [left, right] = [rules[0]!, rules.at(-1)!];
    expect(left[0]).toBeLessThan(width * 0.1);
    expect(right[0]).toBeGreaterThan(width * 0.9);
    expect(right[1]).toBeGreaterThanOrEqual(left[1]);
    const pdftext = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(pdftext).toMatch(/^\s*附件1/);
    expect(pdftext).toContain('2018年1月12日');
    expect(pdftext).toContain('单位：');
    // narrow headers on one line each
    expect(pdftext).toMatch(/分值\s+自评分\s+核定分/);
    // The seed's own 附件1 (four columns) fits in about 3 pages; with 自评/核定, reasons, evidence and the 20 checks: 4.
    expect(pageCount(file)).toBeLessThanOrEqual(4);
  });

  it('blank form: renders kept, the stamp is never alone on the last page', async () => {
    mkdirSync(RENDERS, { recursive: true });
    const { compiled } = await seedReport();
    const pdf = (await renderSheetAs(buildBlankSheetViewModel(compiled), 'pdf', {})) as Uint8Array;
    const file = join(RENDERS, 'blank-sheet.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-r', '60', '-png', file, join(RENDERS, 'blank-sheet')]);
    const pdftext = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const last = pdftext.split('\f').filter((p) => p.trim()).at(-1)!;
    if (last.includes('内容哈希')) expect(last).toContain('填表人：');
    expect(readFileSync(file).length).toBeGreaterThan(1000);
    expect(pageCount(file)).toBeLessThanOrEqual(3);
  });
});
