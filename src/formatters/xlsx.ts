// `--format xlsx`: the sheet as an Excel/WPS workbook via exceljs — the same merged cells as the HTML table, A4 page
// setup (portrait or landscape, fit to one page wide), the header row repeated on every printed page and frozen on
// screen, numbers stored as numbers with the rubric's precision, column widths and row heights sized for Chinese.
// Values only, no formulas: the workbook shows the report's numbers, it does not recompute them.
import ExcelJS from 'exceljs';
import { displayWidth } from './labels.js';
import { evidenceLines, levelCellLines, levelGrid, metaLine } from '../render/grid.js';
import { excelNumberFormat } from '../render/numbers.js';
import type { ColumnView, SheetRowView, SheetViewModel } from '../render/view-types.js';
import { fixZipTimestamps } from '../io/zip-timestamps.js';

/** Column widths in Excel character units (a CJK character is about 2 units in 宋体 10pt). */
const WIDTH: Record<ColumnView['key'], number> = {
  seq: 5,
  level: 14,
  max: 6,
  claimed: 7,
  score: 7,
  reasons: 34,
  evidence: 30,
  remediation: 24,
};
const CRITERION_WIDTH = 40;
const FONT = { name: '宋体', size: 10 };
const LINE_HEIGHT = 13.5;
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FILL_OVER = 'FFFBDCDC';
const FILL_UNDER = 'FFFFF2CC';
const FILL_HEAD = 'FFEEEEEE';
const FILL_SUBTOTAL = 'FFF6F6F6';

/** First sheet row of the table body (1-based): title, meta and header rows come first. */
export const XLSX_HEADER_ROW = 3;

function columnWidth(col: ColumnView, levelCount: number): number {
  if (col.key === 'level' && col.level === levelCount - 1) return CRITERION_WIDTH;
  return WIDTH[col.key];
}

/** Lines a text needs in a column of `width` units when wrapped. */
function linesNeeded(text: string, width: number): number {
  const room = Math.max(1, width - 1.5);
  return text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(displayWidth(l) / room)), 0);
}

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function rowTexts(row: SheetRowView): { reasons: string; evidence: string } {
  const reasons = [...(row.statusNote ? [`〔${row.statusNote}〕`] : []), ...(row.overridden ? [`〔${row.overrideText}〕`] : []), ...row.reasons].join('\n');
  return { reasons, evidence: evidenceLines(row).join('\n') };
}

/**
 * The 数据核验 block under the totals: a heading row with the summary, then one merged row per check (the sheet's
 * columns belong to the score table, so each check is one line of text across them). Returns the next free row.
 */
function writeChecks(ws: ExcelJS.Worksheet, vm: SheetViewModel, at: number, nCols: number, widths: number[]): number {
  if (vm.checks.length === 0) return at;
  const total = widths.reduce((a, b) => a + b, 0);
  let row = at + 1;
  ws.mergeCells(row, 1, row, nCols);
  const head = ws.getCell(row, 1);
  head.value = `数据核验(勾稽关系):${vm.checkSummary}`;
  head.font = { ...FONT, size: 11, bold: true };
  ws.getRow(row).height = 20;
  for (const c of vm.checks) {
    row += 1;
    ws.mergeCells(row, 1, row, nCols);
    const cell = ws.getCell(row, 1);
    const text = `${c.seq}. 【${c.outcomeText}·${c.severityText}】${c.message}${c.source ? `(${c.source})` : ''}\n    ${c.text}${c.resolutionText ? `\n    处理情况:${c.resolutionText}` : ''}`;
    cell.value = text;
    cell.font = c.failed ? { ...FONT, bold: true, color: { argb: 'FFA40000' } } : FONT;
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.border = BORDER;
    if (c.failed) cell.fill = fill(c.severityClass === 'error' ? FILL_OVER : FILL_UNDER);
    ws.getRow(row).height = Math.max(18, linesNeeded(text, total) * LINE_HEIGHT + 4);
  }
  return row + 1;
}

/** Render a sheet view model (report or blank form) as xlsx bytes. */
export async function renderSheetXlsx(vm: SheetViewModel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = vm.stamp.engine;
  wb.title = vm.title;
  // Fixed dates keep the file reproducible (the report carries no timestamp either).
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('自查评分表', {
    properties: { defaultRowHeight: LINE_HEIGHT + 2 },
    pageSetup: {
      paperSize: 9, // A4
      orientation: vm.page.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${XLSX_HEADER_ROW}:${XLSX_HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页/共 &N 页', evenFooter: '&C第 &P 页/共 &N 页' },
    views: [{ state: 'frozen', xSplit: 0, ySplit: XLSX_HEADER_ROW }],
  });
  const widths = vm.columns.map((c) => columnWidth(c, vm.levelCount));
  ws.columns = widths.map((w) => ({ width: w }));
  const nCols = vm.columns.length;
  const numFmt = excelNumberFormat(vm.rubric.precision);

  // Title and meta rows.
  ws.mergeCells(1, 1, 1, nCols);
  const title = ws.getCell(1, 1);
  title.value = vm.title;
  title.font = { name: '黑体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, nCols);
  const meta = ws.getCell(2, 1);
  meta.value = metaLine(vm);
  meta.font = FONT;
  meta.alignment = { horizontal: 'left', vertical: 'middle' };
  ws.getRow(2).height = 20;

  // Header row.
  vm.columns.forEach((c, i) => {
    const cell = ws.getCell(XLSX_HEADER_ROW, i + 1);
    cell.value = c.label;
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = fill(FILL_HEAD);
    cell.border = BORDER;
  });
  ws.getRow(XLSX_HEADER_ROW).height = 22;

  // Body: values, then merges, then heights.
  const grid = levelGrid(vm);
  const first = XLSX_HEADER_ROW + 1;
  const heights = vm.rows.map(() => 1);
  const spanNeeds: Array<{ from: number; to: number; lines: number }> = [];
  vm.rows.forEach((row, r) => {
    const excelRow = first + r;
    const texts = rowTexts(row);
    vm.columns.forEach((col, i) => {
      const cell = ws.getCell(excelRow, i + 1);
      cell.font = row.isItem ? FONT : { ...FONT, bold: true };
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', horizontal: col.numeric || col.key === 'seq' ? 'center' : 'left', wrapText: true };
      if (!row.isItem) cell.fill = fill(FILL_SUBTOTAL);
      let text: string | null = null;
      switch (col.key) {
        case 'seq':
          if (row.seq !== '') cell.value = Number(row.seq);
          break;
        case 'level': {
          const slot = grid[r]![col.level!]!;
          if (slot.origin) {
            text = levelCellLines(slot.cell).join('\n');
            cell.value = text;
            if (!slot.cell.isCriterion) cell.alignment = { ...cell.alignment, horizontal: 'center' };
            const width = widths.slice(i, i + slot.cell.colspan).reduce((a, b) => a + b, 0);
            const lines = linesNeeded(text, width);
            if (slot.cell.rowspan > 1) spanNeeds.push({ from: r, to: r + slot.cell.rowspan - 1, lines });
            else heights[r] = Math.max(heights[r]!, lines);
          }
          break;
        }
        case 'max':
        case 'claimed':
        case 'score': {
          const v = row.values[col.key];
          if (v !== null) {
            cell.value = v;
            cell.numFmt = numFmt;
          }
          if (col.key === 'claimed' && row.differenceClass !== '') cell.fill = fill(row.differenceClass === 'over' ? FILL_OVER : FILL_UNDER);
          break;
        }
        case 'reasons':
          text = texts.reasons;
          break;
        case 'evidence':
          text = texts.evidence;
          break;
        case 'remediation':
          text = row.remediation;
          break;
      }
      if (col.key === 'reasons' || col.key === 'evidence' || col.key === 'remediation') {
        if (text) {
          cell.value = text;
          heights[r] = Math.max(heights[r]!, linesNeeded(text, widths[i]!));
        }
      }
    });
  });
  // Merges mirror the HTML rowspan/colspan exactly.
  vm.rows.forEach((row, r) => {
    for (const c of row.cells) {
      if (c.rowspan === 1 && c.colspan === 1) continue;
      const col = vm.columns.findIndex((x) => x.key === 'level' && x.level === c.level) + 1;
      ws.mergeCells(first + r, col, first + r + c.rowspan - 1, col + c.colspan - 1);
    }
  });
  // A tall merged cell spreads its extra height over the last of its rows.
  for (const s of spanNeeds) {
    const have = heights.slice(s.from, s.to + 1).reduce((a, b) => a + b, 0);
    if (have < s.lines) heights[s.to] = heights[s.to]! + (s.lines - have);
  }
  heights.forEach((h, r) => (ws.getRow(first + r).height = Math.max(18, h * LINE_HEIGHT + 4)));

  // Totals block, signature block, reproducibility stamp.
  let at = first + vm.rows.length + 1;
  for (let i = 0; i < vm.totals.length; i += nCols) {
    const chunk = vm.totals.slice(i, i + nCols);
    chunk.forEach((t, j) => {
      const head = ws.getCell(at, j + 1);
      head.value = t.label;
      head.font = { ...FONT, bold: true };
      head.fill = fill(FILL_HEAD);
      head.border = BORDER;
      head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      const val = ws.getCell(at + 1, j + 1);
      const num = t.value !== '' && /^-?\d+(\.\d+)?$/.test(t.value) ? Number(t.value) : null;
      val.value = num ?? (t.value === '' ? null : t.value);
      if (num !== null) val.numFmt = numFmt;
      val.font = { ...FONT, size: 11, bold: true };
      val.border = BORDER;
      val.alignment = { horizontal: 'center', vertical: 'middle' };
    });
    ws.getRow(at).height = 20;
    ws.getRow(at + 1).height = 22;
    at += 2;
  }
  if (vm.veto) {
    ws.mergeCells(at, 1, at, nCols);
    const v = ws.getCell(at, 1);
    v.value = `单项否决:${vm.veto.title}。${vm.veto.reason}`;
    v.font = { ...FONT, bold: true, color: { argb: 'FFA40000' } };
    at += 1;
  }
  at = writeChecks(ws, vm, at, nCols, widths);
  at += 1;
  // What a provisional result still waits for, just above the signature block.
  if (vm.pendingItems.length > 0) {
    ws.mergeCells(at, 1, at, nCols);
    const pc = ws.getCell(at, 1);
    pc.value = [`待政务公开办评定事项(共 ${vm.pendingItems.length} 项,评定前结果为暂定):`, ...vm.pendingItems.map((p, i) => `${i + 1}. ${p.id} ${p.title}:${p.why}`)].join('\n');
    pc.font = { ...FONT, color: { argb: 'FFA40000' } };
    pc.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(at).height = 15 * (vm.pendingItems.length + 1);
    at += 2;
  }
  ws.mergeCells(at, 1, at, nCols);
  const sig = ws.getCell(at, 1);
  const s = vm.signature;
  sig.value = `填表人:${s.preparedBy || '__________'}      审核人:${s.reviewedBy || '__________'}      单位盖章:                    日期:${s.date || '__________'}`;
  sig.font = { ...FONT, size: 11 };
  sig.alignment = { vertical: 'bottom', horizontal: 'left' };
  ws.getRow(at).height = 48;
  at += 2;
  ws.mergeCells(at, 1, at, nCols);
  const stamp = ws.getCell(at, 1);
  stamp.value =
    `细则 ${vm.rubric.id}(版本 ${vm.stamp.rubricVersion})内容哈希 ${vm.stamp.rubricHash}\n` +
    `证据哈希 ${vm.stamp.evidenceHash || '无(空白表)'}${vm.stamp.reviewHash ? `;评审文件哈希 ${vm.stamp.reviewHash}` : ''};引擎 ${vm.stamp.engine};报告格式 ${vm.stamp.schemaVersion}`;
  stamp.font = { ...FONT, size: 8, color: { argb: 'FF555555' } };
  stamp.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(at).height = 26;
  ws.pageSetup.printArea = `A1:${ws.getColumn(nCols).letter}${at}`;

  const buf = await wb.xlsx.writeBuffer();
  // Fixed entry timestamps: the same input gives byte-identical files.
  return fixZipTimestamps(new Uint8Array(buf as ArrayBuffer));
}
