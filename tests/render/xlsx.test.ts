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
    expect([total.getCell(col('max')).value, total.getCell(col('claimed')).value, total.getCell(col('score')).value]).toEqual([
      report.totals.max,
      report.totals.claimed,
      report.totals.final,
    ]);
    expect(total.getCell(col('score')).numFmt).toBe('0.0'); // precision 1
    // Totals block below the table: labels then values.
    const labels = ws.getRow(first + vm.rows.length + 1).values as unknown[];
    const values = ws.getRow(first + vm.rows.length + 2).values as unknown[];
    expect(values[labels.indexOf('总分')]).toBe(report.totals.final);
    expect(values[labels.indexOf('等次')]).toBe(`${report.totals.grade}${report.status === 'provisional' ? '(暂定)' : ''}`);
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
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(30); // 具体标准
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(12); // 考核项目: six CJK characters a line
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
