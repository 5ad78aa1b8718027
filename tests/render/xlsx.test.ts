// The workbook read back with exceljs: merged ranges as in the HTML, values and totals as in the report, page setup.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/index.js';
import { renderSheetXlsx, XLSX_HEADER_ROW } from '../../src/formatters/xlsx.js';
import { buildBlankSheetViewModel } from '../../src/render/blank-report.js';
import { buildSheetViewModel } from '../../src/render/view-model.js';
import { seedReport } from './fixtures.js';

async function read(bytes: Uint8Array | string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes as Uint8Array) as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

const colLetter = (n: number): string => String.fromCharCode(64 + n);

describe('xlsx', () => {
  it('merges cells exactly like the HTML rowspan/colspan and stores the report numbers', async () => {
    const { report } = await seedReport();
    const vm = buildSheetViewModel(report);
    const ws = await read(await formatReport(report, 'xlsx'));
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    const first = XLSX_HEADER_ROW + 1;
    const expected: string[] = [];
    vm.rows.forEach((row, r) => {
      for (const c of row.cells) {
        if (c.rowspan === 1 && c.colspan === 1) continue;
        const col = 2 + c.level; // column A is 序号
        expected.push(`${colLetter(col)}${first + r}:${colLetter(col + c.colspan - 1)}${first + r + c.rowspan - 1}`);
      }
    });
    expect(expected).toContain('B4:B10'); // 组织领导: 6 rows + 小计
    const inTable = (m: string): boolean => {
      const row = Number(/\d+/.exec(m)![0]);
      return row >= first && row < first + vm.rows.length;
    };
    expect(merges.filter(inTable).sort()).toEqual(expected.sort());

    const header = ws.getRow(XLSX_HEADER_ROW).values as unknown[];
    expect(header.slice(1)).toEqual(vm.columns.map((c) => c.label));
    const col = (key: string): number => vm.columns.findIndex((c) => c.key === key) + 1;
    const byId = new Map(report.nodes.map((n) => [n.id, n]));
    vm.rows.forEach((row, r) => {
      const x = ws.getRow(first + r);
      if (row.isItem) {
        const n = byId.get(row.id)!;
        expect(x.getCell(col('seq')).value).toBe(Number(row.seq));
        expect(x.getCell(col('max')).value).toBe(n.max);
        expect(x.getCell(col('score')).value).toBe(n.score);
        expect(x.getCell(col('claimed')).value ?? null).toBe(n.claimed ?? null);
      }
    });
    const total = ws.getRow(first + vm.rows.length - 1);
    expect(total.getCell(2).value).toBe('总分');
    // 合计 and 小计 are formulas over the rows above, with the report's numbers cached.
    const result = (v: unknown): unknown => (v !== null && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v);
    expect([total.getCell(col('max')).value, total.getCell(col('claimed')).value, total.getCell(col('score')).value].map(result)).toEqual([
      report.totals.max,
      report.totals.claimed,
      report.totals.final,
    ]);
    expect(total.getCell(col('score')).value).toMatchObject({ formula: expect.stringMatching(/^SUM\(/) });
    const sub = ws.getRow(first + vm.rows.findIndex((x) => x.kind === 'subtotal'));
    expect(sub.getCell(col('score')).value).toEqual({ formula: `SUM(${ws.getColumn(col('score')).letter}${first}:${ws.getColumn(col('score')).letter}${first + 5})`, result: 13 });
    // Scores show as 5, not 5.0.
    expect(total.getCell(col('score')).numFmt ?? 'General').toBe('General'); // read back: General is the default
    // Totals block in its own area below the table: one line per figure, label then value under 分值 … 核定分.
    const line = (label: string): ExcelJS.Row => {
      for (let r = first + vm.rows.length; r < first + vm.rows.length + 20; r++) if (ws.getRow(r).getCell(1).value === label) return ws.getRow(r);
      throw new Error(label);
    };
    expect(line('总分').getCell(col('max')).value).toMatchObject({ result: report.totals.final, formula: expect.stringMatching(/\+.*-/) });
    expect(line('基础分').getCell(col('max')).value).toMatchObject({ result: report.totals.final });
    expect(line('等次').getCell(col('max')).value).toBe(`${report.totals.grade}${report.status === 'provisional' ? '（暂定）' : ''}`);
  });

  it('prints on A4, repeats and freezes the header row, wraps text, sizes columns for Chinese', async () => {
    const { report } = await seedReport();
    const ws = await read(await formatReport(report, 'xlsx', { orientation: 'landscape' }));
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe(`${XLSX_HEADER_ROW}:${XLSX_HEADER_ROW}`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: XLSX_HEADER_ROW });
    expect(ws.headerFooter.oddFooter).toContain('第 &P 页/共 &N 页');
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(28); // 具体标准
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(10); // 考核项目: five CJK characters a line
    // About 110 units in all, so fit-to-width prints at a readable size instead of shrinking to 6 pt.
    const sum = Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1).width ?? 0).reduce((a, b) => a + b, 0);
    expect(sum).toBeLessThanOrEqual(115);
    expect(ws.getCell(XLSX_HEADER_ROW + 1, 4).alignment?.wrapText).toBe(true);
    expect(ws.getRow(XLSX_HEADER_ROW + 1).height).toBeGreaterThan(40); // three lines of criterion text
  });

  it('blank form: same merges, points filled, score cells empty', async () => {
    const { compiled } = await seedReport();
    const vm = buildBlankSheetViewModel(compiled);
    const ws = await read(await renderSheetXlsx(vm));
    const first = XLSX_HEADER_ROW + 1;
    expect(ws.getCell(first, 5).value).toBe(5); // 分值
    expect(ws.getCell(first, 6).value).toBeNull(); // 自评分
    expect(ws.getCell(first, 7).value).toBeNull(); // 核定分
    expect((ws.model as unknown as { merges: string[] }).merges).toContain('B4:B10');
    expect(String(ws.getCell(2, 1).value)).toMatch(/^单位：＿/);
  });
});
