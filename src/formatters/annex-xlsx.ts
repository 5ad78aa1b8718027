// The statistics-table companion sheet (附件2 等) as an Excel/WPS workbook via exceljs: 附件 label and title, the meta
// line, 序号 / 统计指标 / 单位 / 统计数 with borders, heading rows bold and shaded, numbers stored as numbers, A4
// fitted to one page wide at a readable size, the header row repeated on every printed page and frozen on screen,
// 第N页/共M页 in the footer. Values the office corrected are shaded, with the agency's own value in a cell note.
import ExcelJS from 'exceljs';
import type { AnnexViewModel } from '../render/annex-view.js';
import { fixZipTimestamps } from '../io/zip-timestamps.js';
import { displayWidth } from './labels.js';

/** Column widths in Excel character units: about 86 in all, so one A4 page wide prints at about 11 pt. */
const WIDTHS: Record<AnnexViewModel['columns'][number]['key'], number> = { seq: 6, indicator: 56, unit: 9, value: 15 };
const FONT = { name: '宋体', size: 11 };
const HEAD_FONT = { name: '黑体', size: 11, bold: true };
const LINE_HEIGHT = 15;
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** Lines a text needs in a column of `width` units when wrapped. */
function linesNeeded(text: string, width: number): number {
  const room = Math.max(1, width - 1.5);
  return text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(displayWidth(l) / room)), 0);
}

/** Row of the table's header (1-based): 附件 label, title and meta line come first. */
export function annexHeaderRow(vm: AnnexViewModel): number {
  return vm.attachmentLabel ? 4 : 3;
}

export function annexMetaLine(vm: AnnexViewModel): string {
  const blank = '＿＿＿＿＿＿';
  return `填报单位：${vm.agency.name || blank}　　　统计年度：${vm.periodText || blank}　　　填报日期：${vm.dateText || blank}`;
}

/** Render the companion sheet as xlsx bytes (byte-identical for the same view model). */
export async function renderAnnexXlsx(vm: AnnexViewModel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = vm.stamp.engine;
  wb.title = vm.title;
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const headerRow = annexHeaderRow(vm);
  const ws = wb.addWorksheet(vm.table.slice(0, 31) || '统计表', {
    properties: { defaultRowHeight: LINE_HEIGHT + 3 },
    pageSetup: {
      paperSize: 9, // A4
      orientation: vm.page.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页/共 &N 页', evenFooter: '&C第 &P 页/共 &N 页' },
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
  });
  const widths = vm.columns.map((c) => WIDTHS[c.key]);
  ws.columns = widths.map((w) => ({ width: w }));
  const nCols = vm.columns.length;
  const last = ws.getColumn(nCols).letter;

  let at = 1;
  if (vm.attachmentLabel) {
    const c = ws.getCell(at, 1);
    c.value = vm.attachmentLabel;
    c.font = { ...HEAD_FONT, size: 14 };
    ws.getRow(at).height = 22;
    at += 1;
  }
  ws.mergeCells(at, 1, at, nCols);
  const title = ws.getCell(at, 1);
  title.value = vm.title;
  title.font = { ...HEAD_FONT, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(at).height = 30;
  at += 1;
  ws.mergeCells(at, 1, at, nCols);
  const meta = ws.getCell(at, 1);
  meta.value = annexMetaLine(vm);
  meta.font = FONT;
  meta.alignment = { horizontal: 'left', vertical: 'middle' };
  ws.getRow(at).height = 20;
  at += 1;

  vm.columns.forEach((col, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = col.label;
    cell.font = HEAD_FONT;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.fill = fill('FFEEEEEE');
    cell.border = BORDER;
  });
  ws.getRow(headerRow).height = 22;

  vm.rows.forEach((row, r) => {
    const excelRow = headerRow + 1 + r;
    let lines = 1;
    vm.columns.forEach((col, i) => {
      const cell = ws.getCell(excelRow, i + 1);
      cell.border = BORDER;
      cell.font = row.isHeading ? HEAD_FONT : FONT;
      cell.alignment = col.key === 'indicator' ? { vertical: 'middle', horizontal: 'left', wrapText: true, indent: 1 } : { vertical: 'middle', horizontal: 'center', wrapText: true };
      if (row.isHeading) cell.fill = fill('FFF6F6F6');
      switch (col.key) {
        case 'seq':
          cell.value = row.row;
          break;
        case 'indicator':
          cell.value = row.indicator;
          lines = Math.max(lines, linesNeeded(row.indicator, widths[i]!));
          break;
        case 'unit':
          if (row.unit) cell.value = row.unit;
          break;
        case 'value':
          if (row.valueNumber !== null) {
            cell.value = row.valueNumber;
            cell.numFmt = 'General';
          } else if (row.valueText) {
            cell.value = row.valueText;
            lines = Math.max(lines, linesNeeded(row.valueText, widths[i]!));
          }
          if (row.checkFailed) cell.font = { ...FONT, bold: true, color: { argb: 'FFA40000' } };
          if (row.corrected) {
            cell.fill = fill('FFFFF2CC');
            cell.note = `政务公开办核定；原填 ${row.originalText}`;
          }
          break;
      }
    });
    ws.getRow(excelRow).height = Math.max(20, lines * LINE_HEIGHT + 5);
  });
  at = headerRow + 1 + vm.rows.length + 1;

  if (vm.checkSummary) {
    ws.mergeCells(at, 1, at, nCols);
    const c = ws.getCell(at, 1);
    const text = [
      `表内数据核验（勾稽关系）：${vm.checkSummary}`,
      ...vm.failedChecks.map((x, i) => `${i + 1}. 【${x.outcomeText}·${x.severityText}】${x.message}${x.source ? `（${x.source}）` : ''}：${x.text}${x.resolutionText ? `\n    处理情况：${x.resolutionText}` : ''}`),
    ].join('\n');
    c.value = text;
    c.font = vm.failedChecks.length > 0 ? { ...FONT, color: { argb: 'FFA40000' } } : FONT;
    c.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(at).height = linesNeeded(text, widths.reduce((a, b) => a + b, 0)) * LINE_HEIGHT + 6;
    at += 2;
  }
  if (vm.hasCorrections) {
    ws.mergeCells(at, 1, at, nCols);
    const c = ws.getCell(at, 1);
    const text = [
      `政务公开办核定的数值（共 ${vm.corrections.length} 项，表中底色标出）：`,
      ...vm.corrections.map((x, i) => `${i + 1}. 第${x.seq}行 ${x.indicator}：原填 ${x.originalText}，核定为 ${x.correctedText}${x.unit ? `（${x.unit}）` : ''}。${x.reason}（${x.by}，${x.dateText}）`),
    ].join('\n');
    c.value = text;
    c.font = FONT;
    c.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(at).height = linesNeeded(text, widths.reduce((a, b) => a + b, 0)) * LINE_HEIGHT + 6;
    at += 2;
  }
  ws.mergeCells(at, 1, at, nCols);
  const sig = ws.getCell(at, 1);
  const s = vm.signature;
  sig.value = `填表人：${s.preparedBy || '__________'}      审核人：${s.reviewedBy || '__________'}      单位盖章：                    日期：${s.date || '__________'}`;
  sig.font = FONT;
  sig.alignment = { vertical: 'bottom', horizontal: 'left' };
  ws.getRow(at).height = 48;
  at += 2;
  ws.mergeCells(at, 1, at, nCols);
  const stamp = ws.getCell(at, 1);
  stamp.value =
    `细则 ${vm.rubric.id}（版本 ${vm.stamp.rubricVersion}）内容哈希 ${vm.stamp.rubricHash}\n` +
    `证据哈希 ${vm.stamp.evidenceHash || '无（空白表）'}${vm.stamp.reviewHash ? `；评审文件哈希 ${vm.stamp.reviewHash}` : ''}；引擎 ${vm.stamp.engine}`;
  stamp.font = { ...FONT, size: 8, color: { argb: 'FF555555' } };
  stamp.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(at).height = 26;
  ws.pageSetup.printArea = `A1:${last}${at}`;

  const buf = await wb.xlsx.writeBuffer();
  return fixZipTimestamps(new Uint8Array(buf as ArrayBuffer));
}
