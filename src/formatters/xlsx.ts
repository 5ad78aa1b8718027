// `--format xlsx`: the sheet as an Excel/WPS workbook via exceljs — the same merged cells as the HTML table, A4 page
// setup (portrait or landscape, fit to one page wide), the header row repeated on every printed page and frozen on
// screen, numbers stored as numbers with the rubric's precision, column widths and row heights sized for Chinese.
// 小计, 合计 and the totals block are formulas over the cells above (with the report's numbers as cached values), so
// an office that changes a 核定分 in Excel sees its 小计 and 总分 follow; a figure the rows do not add up to (a cap,
// a ceiling) stays a plain value. Numbers show as 5 and 4.5, not 5.0 (General format).
import ExcelJS from 'exceljs';
import { displayWidth } from './labels.js';
import { evidenceLines, levelCellLines, levelGrid, metaLine } from '../render/grid.js';
import type { ColumnView, SheetRowView, SheetViewModel } from '../render/view-types.js';
import { fixZipTimestamps } from '../io/zip-timestamps.js';

/** Column widths in Excel character units (a CJK character is about 2 units in 宋体 10pt). */
// About 100 units in all: fit to one A4 page wide prints at about 9.5 pt, not shrunk to 6 pt.
const WIDTH: Record<ColumnView['key'], number> = {
  seq: 4.5,
  level: 10,
  max: 5.5,
  claimed: 5.5,
  score: 5.5,
  reasons: 18,
  evidence: 20,
  remediation: 16,
};
const CRITERION_WIDTH = 28;
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
  head.value = `数据核验（勾稽关系）：${vm.checkSummary}`;
  head.font = { ...FONT, size: 11, bold: true };
  ws.getRow(row).height = 20;
  for (const c of vm.checks) {
    row += 1;
    ws.mergeCells(row, 1, row, nCols);
    const cell = ws.getCell(row, 1);
    const text = `${c.seq}. 【${c.outcomeText}·${c.severityText}】${c.message}${c.source ? `（${c.source}）` : ''}\n    ${c.text}${c.resolutionText ? `\n    处理情况：${c.resolutionText}` : ''}`;
    cell.value = text;
    cell.font = c.failed ? { ...FONT, bold: true, color: { argb: 'FFA40000' } } : FONT;
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.border = BORDER;
    if (c.failed) cell.fill = fill(c.severityClass === 'error' ? FILL_OVER : FILL_UNDER);
    ws.getRow(row).height = Math.max(18, linesNeeded(text, total) * LINE_HEIGHT + 4);
  }
  return row + 1;
}

/**
 * `SUM(…)` of the rows a 小计 (items since the previous 小计) or the 合计 (the 小计 rows) adds up, or null when
 * the report's figure is not that sum (caps, ceilings): then the cell keeps the plain value.
 */
function sumFormula(rows: SheetRowView[], r: number, key: 'max' | 'claimed' | 'score', col: string, first: number): string | null {
  const row = rows[r]!;
  const want = row.values[key];
  if (want === null) return null;
  const parts: number[] = [];
  if (row.kind === 'subtotal') {
    for (let i = r - 1; i >= 0 && rows[i]!.kind !== 'subtotal'; i--) if (rows[i]!.isItem) parts.push(i);
  } else if (row.kind === 'total') {
    for (let i = 0; i < r; i++) if (rows[i]!.kind === 'subtotal') parts.push(i);
    if (parts.length === 0) for (let i = 0; i < r; i++) if (rows[i]!.isItem) parts.push(i);
  }
  if (parts.length === 0) return null;
  const sum = parts.reduce((a, i) => a + (rows[i]!.values[key] ?? 0), 0);
  if (Math.abs(sum - want) > 1e-9) return null;
  parts.sort((a, b) => a - b);
  const contiguous = parts.every((p, k) => k === 0 || p === parts[k - 1]! + 1);
  return contiguous ? `SUM(${col}${first + parts[0]!}:${col}${first + parts.at(-1)!})` : `SUM(${parts.map((p) => `${col}${first + p}`).join(',')})`;
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
  // General: 5 shows as 5 and 4.5 as 4.5 (a fixed 0.0 would print 5.0 where the HTML shows 5).
  const numFmt = 'General';

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
            const f = row.isItem ? null : sumFormula(vm.rows, r, col.key, ws.getColumn(i + 1).letter, first);
            cell.value = f !== null ? { formula: f, result: v } : v;
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

  // Totals block in its own area: one line per figure, the label over the 序号 … 具体标准 columns and the value over
  // 分值 … 核定分 — never squeezed into single table columns. 基础分 and 自评总分 refer to the 合计 row, 总分 adds them up.
  let at = first + vm.rows.length + 1;
  const scoreAt = vm.columns.findIndex((c) => c.key === 'max') + 1;
  const lastNum = vm.columns.findIndex((c) => c.key === 'score') + 1;
  const totalRow = vm.rows.findIndex((x) => x.kind === 'total');
  const letter = (key: ColumnView['key']): string => ws.getColumn(vm.columns.findIndex((c) => c.key === key) + 1).letter;
  const cellOf = new Map<string, string>();
  for (const t of vm.totals) {
    ws.mergeCells(at, 1, at, scoreAt - 1);
    ws.mergeCells(at, scoreAt, at, lastNum);
    const head = ws.getCell(at, 1);
    head.value = t.label;
    head.font = { ...FONT, bold: true };
    head.fill = fill(FILL_HEAD);
    head.alignment = { horizontal: 'right', vertical: 'middle' };
    const val = ws.getCell(at, scoreAt);
    const num = t.value !== '' && /^-?\d+(\.\d+)?$/.test(t.value) ? Number(t.value) : null;
    let formula: string | null = null;
    if (num !== null && totalRow >= 0) {
      const total = vm.rows[totalRow]!.values;
      if (t.key === 'base' && total.score === num) formula = `${letter('score')}${first + totalRow}`;
      if (t.key === 'claimed' && total.claimed === num) formula = `${letter('claimed')}${first + totalRow}`;
      if (t.key === 'applicableMax' && total.max === num) formula = `${letter('max')}${first + totalRow}`;
    }
    if (num !== null && t.key === 'final') {
      const [b, bo, pe] = ['base', 'bonus', 'penalty'].map((k) => vm.totals.find((x) => x.key === k));
      if (b && bo && pe && cellOf.has('base') && cellOf.has('bonus') && cellOf.has('penalty') && Math.abs(Number(b.value) + Number(bo.value) - Number(pe.value) - num) < 1e-9)
        formula = `${cellOf.get('base')}+${cellOf.get('bonus')}-${cellOf.get('penalty')}`;
    }
    val.value = formula !== null ? { formula, result: num! } : (num ?? (t.value === '' ? null : t.value));
    if (num !== null) val.numFmt = numFmt;
    val.font = { ...FONT, size: 11, bold: true };
    val.alignment = { horizontal: 'center', vertical: 'middle' };
    for (let c = 1; c <= lastNum; c++) ws.getCell(at, c).border = BORDER;
    cellOf.set(t.key, `${ws.getColumn(scoreAt).letter}${at}`);
    ws.getRow(at).height = 20;
    at += 1;
  }
  at += 1;
  if (vm.veto) {
    ws.mergeCells(at, 1, at, nCols);
    const v = ws.getCell(at, 1);
    v.value = `单项否决：${vm.veto.title}。${vm.veto.reason}`;
    v.font = { ...FONT, bold: true, color: { argb: 'FFA40000' } };
    at += 1;
  }
  at = writeChecks(ws, vm, at, nCols, widths);
  at += 1;
  // What a provisional result still waits for, just above the signature block.
  if (vm.pendingItems.length > 0) {
    ws.mergeCells(at, 1, at, nCols);
    const pc = ws.getCell(at, 1);
    pc.value = [`待政务公开办评定事项（共 ${vm.pendingItems.length} 项，评定前结果为暂定）：`, ...vm.pendingItems.map((p, i) => `${i + 1}. ${p.id} ${p.title}:${p.why}`)].join('\n');
    pc.font = { ...FONT, color: { argb: 'FFA40000' } };
    pc.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(at).height = 15 * (vm.pendingItems.length + 1);
    at += 2;
  }
  ws.mergeCells(at, 1, at, nCols);
  const sig = ws.getCell(at, 1);
  const s = vm.signature;
  sig.value = `填表人：${s.preparedBy || '__________'}      审核人：${s.reviewedBy || '__________'}      单位盖章：                    日期：${s.date || '__________'}`;
  sig.font = { ...FONT, size: 11 };
  sig.alignment = { vertical: 'bottom', horizontal: 'left' };
  ws.getRow(at).height = 48;
  at += 2;
  ws.mergeCells(at, 1, at, nCols);
  const stamp = ws.getCell(at, 1);
  stamp.value =
    `细则 ${vm.rubric.id}（版本 ${vm.stamp.rubricVersion}）内容哈希 ${vm.stamp.rubricHash}\n` +
    `证据哈希 ${vm.stamp.evidenceHash || '无（空白表）'}${vm.stamp.reviewHash ? `；评审文件哈希 ${vm.stamp.reviewHash}` : ''}；引擎 ${vm.stamp.engine}；报告格式 ${vm.stamp.schemaVersion}`;
  stamp.font = { ...FONT, size: 8, color: { argb: 'FF555555' } };
  stamp.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(at).height = 26;
  ws.pageSetup.printArea = `A1:${ws.getColumn(nCols).letter}${at}`;

  const buf = await wb.xlsx.writeBuffer();
  // Fixed entry timestamps: the same input gives byte-identical files.
  return fixZipTimestamps(new Uint8Array(buf as ArrayBuffer));
}
