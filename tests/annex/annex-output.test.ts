// The statistics-table companion sheet (附件2) in each format: golden HTML and Markdown (filled, blank, corrected),
// the workbook read back (title, borders, A4 fit to one page wide, header repeated, numbers as numbers), the
// workbook opened in LibreOffice Calc, and the HTML printed by Chromium (A4, 第N页/共M页, every row, the header
// repeated). Renders are kept as PNG under tests/annex/__renders__/ to look at.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseEvidence, parseReview, parseRubric, type CompiledRubric } from '../../src/index.js';
import { annexHeaderRow, renderAnnexXlsx } from '../../src/formatters/annex-xlsx.js';
import { renderAnnexMarkdown } from '../../src/formatters/annex-md.js';
import { buildAnnexView, type AnnexViewModel } from '../../src/render/annex-view.js';
import { renderAnnexAs, renderAnnexHtml } from '../../src/render/render-annex.js';
import { SEED_EVIDENCE, SEED_RUBRIC } from '../helpers/cli.js';
import { stable } from '../render/fixtures.js';

const RENDERS = join(process.cwd(), 'tests/annex/__renders__');
const LIBREOFFICE = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((p) => existsSync(p));
const HAVE_CHROMIUM = existsSync('/usr/bin/chromium');

/** The office's review of the seed agency with one corrected 附件2 figure (row 6: 45 → 40). */
const REVIEW = `rubric: { id: etuokeqianqi-2017, version: "2017.1" }
agency: { code: etqq-zjj }
corrections:
  websitePosts: { value: 40, reason: 经核实其中5条为转载信息, by: 旗政务公开办, date: 2018-01-25 }
`;

function seed(): { compiled: CompiledRubric; filled: AnnexViewModel; blank: AnnexViewModel; corrected: AnnexViewModel } {
  const r = parseRubric(SEED_RUBRIC, readFileSync(SEED_RUBRIC, 'utf8'));
  if (!r.ok) throw new Error('seed rubric invalid');
  const ev = parseEvidence(SEED_EVIDENCE, readFileSync(SEED_EVIDENCE, 'utf8'), r.value);
  if (!ev.ok) throw new Error('seed evidence invalid');
  const rv = parseReview('review.yaml', REVIEW, r.value, ev.value);
  if (!rv.ok) throw new Error(JSON.stringify(rv.diagnostics));
  return {
    compiled: r.value,
    filled: buildAnnexView(r.value, '附件2', { evidence: ev.value }),
    blank: buildAnnexView(r.value, '附件2'),
    corrected: buildAnnexView(r.value, '附件2', { evidence: ev.value, review: rv.value }),
  };
}

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

const flat = (s: string): string => s.replace(/[ \t]+/g, '');

describe('annex golden files (seed 附件2)', () => {
  it.each([
    ['filled', 'html'],
    ['blank', 'html'],
    ['corrected', 'html'],
    ['filled', 'md'],
    ['blank', 'md'],
    ['corrected', 'md'],
  ] as const)('%s %s', async (which, format) => {
    const vm = seed()[which];
    const out = format === 'html' ? await renderAnnexHtml(vm) : renderAnnexMarkdown(vm);
    await expect(stable(out)).toMatchFileSnapshot(`./__golden__/seed-annex.${which}.${format}`);
  });

  it('the HTML has one row per table row, in order, with the header once and the corrected value marked', async () => {
    const { filled, corrected } = seed();
    const html = await renderAnnexHtml(filled);
    const seqs = [...html.matchAll(/<td class="seq">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(seqs).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    expect(html.match(/<thead>/g)).toHaveLength(1);
    expect(html).toContain('@page { size: A4 portrait;');
    expect(html).toMatch(/<tr class="row-heading">\s*<td class="seq">1<\/td>\s*<td class="indicator">一、主动公开情况<\/td>\s*<td class="unit">—<\/td>/);
    const fixed = await renderAnnexHtml(corrected);
    expect(fixed).toMatch(/<td class="value">40<span class="corrected-mark">核定<\/span><span class="original">原填 45<\/span><\/td>/);
    expect(fixed).toContain('第6行 1.在本部门门户网站公开政府信息数：原填 45，核定为 40（条）。经核实其中5条为转载信息（旗政务公开办，2018年1月25日）');
  });
});

describe('annex xlsx read back', () => {
  it('title, header, every row with its number, unit and value; borders; A4 one page wide; header repeated', async () => {
    const { filled } = seed();
    const ws = await readBack(await renderAnnexXlsx(filled));
    const head = annexHeaderRow(filled);
    expect(ws.getCell(1, 1).value).toBe('附件2');
    expect(ws.getCell(2, 1).value).toBe('2017年度住建局政务公开工作统计表');
    expect((ws.getRow(head).values as unknown[]).slice(1)).toEqual(['序号', '统计指标', '单位', '统计数']);
    filled.rows.forEach((row, i) => {
      const x = ws.getRow(head + 1 + i);
      expect(x.getCell(1).value).toBe(row.row);
      expect(x.getCell(2).value).toBe(row.indicator);
      expect(x.getCell(3).value ?? '').toBe(row.unit);
      expect(x.getCell(4).value ?? '').toBe(row.valueNumber ?? row.valueText);
      for (let c = 1; c <= 4; c++) expect(x.getCell(c).border?.right?.style).toBe('thin');
      if (row.isHeading) expect(x.getCell(2).font?.bold).toBe(true);
    });
    expect(ws.getRow(head + 2).getCell(4).value).toBe(30); // a number, not the text "30"
    expect(ws.getRow(head + 66).getCell(4).value).toBe('是');
    const ps = ws.pageSetup;
    expect(ps.paperSize).toBe(9);
    expect(ps.fitToPage).toBe(true);
    expect(ps.fitToWidth).toBe(1);
    expect(ps.fitToHeight).toBe(0);
    expect(ps.printTitlesRow).toBe(`${head}:${head}`);
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页/共 &N 页');
    expect(ws.getCell(head + 1, 2).font?.size).toBeGreaterThanOrEqual(10.5);
  });

  it('a corrected value is shaded with the original in a note; the corrections are listed under the table', async () => {
    const { corrected } = seed();
    const ws = await readBack(await renderAnnexXlsx(corrected));
    const cell = ws.getRow(annexHeaderRow(corrected) + 6).getCell(4);
    expect(cell.value).toBe(40);
    expect(JSON.stringify(cell.note)).toContain('原填 45');
    const below: string[] = [];
    ws.eachRow((r) => below.push(String(r.getCell(1).value ?? '')));
    expect(below.some((t) => t.includes('原填 45，核定为 40（条）'))).toBe(true);
  });

  it('the same input gives byte-identical workbooks', async () => {
    const { filled } = seed();
    expect(Buffer.from(await renderAnnexXlsx(filled)).equals(Buffer.from(await renderAnnexXlsx(filled)))).toBe(true);
  });
});

describe.skipIf(!LIBREOFFICE)(LIBREOFFICE ? 'annex xlsx in LibreOffice Calc' : 'annex xlsx in LibreOffice Calc — SKIPPED: LibreOffice not found (apt-get install libreoffice-calc)', () => {
  it('prints on A4 in at most 3 pages with every row readable', { timeout: 180_000 }, async () => {
    mkdirSync(RENDERS, { recursive: true });
    const xlsx = join(RENDERS, 'seed-annex-calc.xlsx');
    writeFileSync(xlsx, await renderAnnexXlsx(seed().filled));
    const profile = `file:///tmp/zwgk-annex-lo-${process.pid}`;
    try {
      execFileSync(LIBREOFFICE!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', RENDERS, xlsx], { timeout: 170_000, stdio: 'ignore' });
    } finally {
      rmSync(profile.slice('file://'.length), { recursive: true, force: true });
    }
    const pdf = join(RENDERS, 'seed-annex-calc.pdf');
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(RENDERS, 'seed-annex-calc')]);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    expect(pages).toBeLessThanOrEqual(3);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(flat(text)).toContain('2017年度住建局政务公开工作统计表');
    expect(text.split('\f').filter((p) => p.trim() !== '').every((p) => /序号\s+统计指标\s+单位\s+统计数/.test(p))).toBe(true);
    expect(text).toMatch(/^\s*64\s+（三）接受培训人数\s+人次\s+50\s*$/m);
    expect(flat(text)).toContain(`第1页/共${pages}页`);
  });
});

describe.skipIf(!HAVE_CHROMIUM)(HAVE_CHROMIUM ? 'annex pdf (Chromium)' : 'annex pdf — SKIPPED: /usr/bin/chromium not found', () => {
  it('prints every row on A4 with the header repeated and 第N页/共M页', { timeout: 120_000 }, async () => {
    mkdirSync(RENDERS, { recursive: true });
    const { filled, blank } = seed();
    for (const [name, vm] of [['filled', filled], ['blank', blank]] as const) {
      const pdf = join(RENDERS, `seed-annex-${name}.pdf`);
      writeFileSync(pdf, (await renderAnnexAs(vm, 'pdf')) as Uint8Array);
      execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(RENDERS, `seed-annex-${name}`)]);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
      expect(pages).toBeLessThanOrEqual(4);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      const pageTexts = text.split('\f').filter((p) => p.trim() !== '');
      expect(pageTexts).toHaveLength(pages);
      pageTexts.forEach((p, i) => {
        expect(p).toMatch(/序\s*号\s+统\s*计\s*指\s*标\s+单\s*位\s+统\s*计\s*数/);
        expect(flat(p)).toContain(`第${i + 1}页/共${pages}页`);
      });
      // Every row's number starts a line of the table, in order.
      const seqs = [...text.matchAll(/^\s{0,12}(\d{1,2})\s+\S/gm)].map((m) => Number(m[1]));
      expect(seqs.filter((n, i, a) => a.indexOf(n) === i).sort((a, b) => a - b)).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
      for (const row of vm.rows) expect(flat(text)).toContain(flat(row.indicator).slice(0, 12));
    }
    const filledText = execFileSync('pdftotext', ['-layout', join(RENDERS, 'seed-annex-filled.pdf'), '-'], { encoding: 'utf8' });
    expect(filledText).toMatch(/64\s+（三）接受培训人数\s+人次\s+50/);
  });
});

describe('annex output escapes what the agency typed', () => {
  it('HTML and Markdown never pass markup or table syntax from a text value through', async () => {
    const { compiled } = seed();
    const text = readFileSync(SEED_EVIDENCE, 'utf8').replace(/^( {2}physicalHallItems:).*$/m, '$1 "<script>alert(1)</script> | **粗** [链接](http://x)"');
    const ev = parseEvidence(SEED_EVIDENCE, text, compiled);
    if (!ev.ok) throw new Error(JSON.stringify(ev.diagnostics));
    const vm = buildAnnexView(compiled, '附件2', { evidence: ev.value });
    expect(vm.rows.find((r) => r.row === 67)!.valueText).toContain('<script>');
    const html = await renderAnnexHtml(vm);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const md = renderAnnexMarkdown(vm);
    const line = md.split('\n').find((l) => l.startsWith('| 67 |'))!;
    expect(line).toBe('| 67 | （二）实体办事大厅办理事项内容（可附页说明） |  | &lt;script&gt;alert(1)&lt;/script&gt; \\| \\*\\*粗\\*\\* \\[链接\\](http://x) |');
  });
});
