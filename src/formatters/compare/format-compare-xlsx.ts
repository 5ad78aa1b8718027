// `zwgk compare --format xlsx` (exceljs 4.4.0): a summary sheet (the ranked table), one sheet per section
// (agencies × that section's parts), and sheets for weak spots, over-claims, the baseline split and the files
// left out. Text goes in as string cells, never as formulas.
import ExcelJS from 'exceljs';
import type { CompareReport } from '../../cohort/compare-report.js';
import { agencyLabel, gradeText, KIND_TEXT, statusText, leftOutLines, LEFT_OUT_TEXT, mainCells, mainHeaders, orderedRows } from './format-common.js';
import { fixZipTimestamps } from '../../io/zip-timestamps.js';
import { displayWidth } from '../labels.js';
import { chineseTypography } from '../../render/chinese-text.js';

/** A cell as written: texts in Chinese typography (rubric titles and labels typed with half-width marks). */
const typeset = (c: Cell): string | number => (c === null ? '' : typeof c === 'string' ? chineseTypography(c) : c);

type Cell = string | number | null;

/** Excel sheet names: ≤ 31 characters, none of []:*?/\ , unique in the workbook. */
export function sheetName(raw: string, used: Set<string>): string {
  const base = raw.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  used.add(name);
  return name;
}

/**
 * Row height (points) that shows every wrapped line of the row's texts: LibreOffice does not grow a row for wrapped
 * text on opening, so a long 单位名称 or header would print over the next row. A column of width w is w × 7 + 5 px
 * (Calibri's digit, the unit of xlsx widths) less the cell's padding; at 10 pt a CJK character takes 13.4 px and
 * other characters at most 7 (both a little more than they do); each "\n" part starts a line.
 */
export function wrappedRowHeight(values: readonly Cell[], widths: readonly number[], fontPt: number): number {
  let lines = 1;
  values.forEach((v, i) => {
    if (v === null || typeof v === 'number') return;
    const room = (widths[i] ?? 8) * 7 + 1;
    const px = (part: string): number => (displayWidth(part) * 6.7 * fontPt) / 10;
    const n = String(v).split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(px(part) / room)), 0);
    lines = Math.max(lines, n);
  });
  return Math.ceil(lines * fontPt * 1.35 + 4);
}

interface TableLayout {
  /** Column widths (characters); from the longest text when absent. */
  widths?: number[];
  /** Printed in the page header before the sheet's name. */
  title?: string;
  /** Rows of a cell that is a share (0.5 → 50%), printed with a % format. */
  percentColumns?: number[];
  /** A wide sheet: printed at a fixed 90 % over as many pages as it needs, these leading columns repeated on each. */
  wide?: { repeatColumns: number };
}

function addTable(wb: ExcelJS.Workbook, name: string, used: Set<string>, headers: string[], rows: Cell[][], layout: TableLayout = {}): void {
  const { widths, title = '', percentColumns = [], wide } = layout;
  const ws = wb.addWorksheet(sheetName(chineseTypography(name), used), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(headers.map(typeset));
  for (const r of rows) ws.addRow(r.map(typeset));
  const head = ws.getRow(1);
  head.font = { name: '宋体', size: 10, bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  // Widths from the longest text in each column (a CJK character is two units): 单位名称 are not cut off.
  const cols = headers.map((h, i) => {
    const longest = Math.max(displayWidth(h) / 2 + 2, ...rows.map((r) => displayWidth(String(r[i] ?? '').split('\n')[0]!) + 2));
    return widths?.[i] ?? Math.min(40, Math.max(8, longest));
  });
  cols.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // Rows as tall as their wrapped texts (headers in bold 10 pt, at least two lines).
  head.height = Math.max(30, wrappedRowHeight(headers.map(typeset), cols, 10.5));
  rows.forEach((r, i) => (ws.getRow(i + 2).height = wrappedRowHeight(r.map(typeset), cols, 10)));
  // A ranking table an office can circulate: thin borders, header shaded, A4 landscape one page wide with the
  // header row repeated, the title and page numbers in the printed header and footer.
  const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
  ws.eachRow((row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      if (r === 1) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
      else {
        cell.font = { name: '宋体', size: 10 };
        cell.alignment = { vertical: 'middle', wrapText: true, horizontal: typeof cell.value === 'number' ? 'center' : 'left' };
        if (percentColumns.includes(col) && typeof cell.value === 'number') cell.numFmt = '0.0%';
      }
    });
  });
  const margins = { left: 0.4, right: 0.4, top: 0.8, bottom: 0.6, header: 0.3, footer: 0.3 };
  // Fit to one page wide, unless the sheet is too wide for that at a readable size (汇总 with every column): then a
  // fixed 90 % (10 pt prints as 9 pt) over several pages, the agency columns repeated on each.
  ws.pageSetup = wide
    ? { ...ws.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: false, scale: 90, pageOrder: 'overThenDown', horizontalCentered: false, printTitlesRow: '1:1', printTitlesColumn: `A:${ws.getColumn(wide.repeatColumns).letter}`, margins }
    : { ...ws.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: '1:1', margins };
  const printed = chineseTypography(`${title ? `${title} ` : ''}${name}`).replace(/&/g, '&&');
  // The size code comes before the font code: "&14" directly followed by the name's digits ("1 组织领导") would
  // read as a 141-point font and the title would not print.
  ws.headerFooter = { oddHeader: `&C&14&"黑体,Bold"${printed}`, oddFooter: '&C第 &P 页/共 &N 页' };
  if (rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
}

/**
 * 排名表, the first sheet: the ranking as an office circulates it — a title, one line per agency (名次, 单位名称,
 * 总分, 等次 …), borders, A4 portrait one page wide; the full figures are on 汇总 and the section sheets.
 */
function rankingSheet(wb: ExcelJS.Workbook, report: CompareReport, used: Set<string>): void {
  const ws = wb.addWorksheet(sheetName('排名表', used));
  // Two-character lines in the narrow columns' headers (not 适用满 over a lone 分).
  const headers = ['名次', '单位名称', '类别', '总分', '适用\n满分', '百分制', '等次', '结果', '自评\n总分', '自评\n差额'];
  const rows = orderedRows(report);
  ws.mergeCells(1, 1, 1, headers.length);
  const title = ws.getCell(1, 1);
  title.value = chineseTypography(`${report.rubric.title}考核结果排名`);
  title.font = { name: '黑体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 36;
  ws.mergeCells(2, 1, 2, headers.length);
  const sub = ws.getCell(2, 1);
  sub.value = `参评单位 ${rows.length} 个；按百分制得分排名，得分相同者名次并列`;
  sub.font = { name: '宋体', size: 11 };
  sub.alignment = { horizontal: 'center' };
  const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const data: Cell[][] = rows.map((a) => [a.rank.normalized, a.name, a.class ?? '', a.totals.final, a.totals.applicableMax, a.totals.normalized, gradeText(a), statusText(a), a.totals.claimed, a.claimDifference]);
  [headers, ...data].forEach((r, i) => {
    const row = ws.getRow(3 + i);
    r.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = typeset(v);
      cell.border = border;
      cell.font = { name: i === 0 ? '黑体' : '宋体', size: 11, bold: i === 0 };
      cell.alignment = { vertical: 'middle', horizontal: j === 1 ? 'left' : 'center', wrapText: true };
      if (i === 0) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
    });
    row.height = 22;
  });
  const nameWidth = Math.min(40, Math.max(16, ...rows.map((a) => displayWidth(a.name) + 2)));
  // Narrow number columns under two-line headers leave room for 不合格（暂定） and 暂定（待评 1 项） on one line.
  const cols = [5, nameWidth, 6, 6, 7, 7, 16, 18, 7, 7];
  cols.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // A name longer than 40 units wraps: its row grows to show every line.
  ws.getRow(3).height = Math.max(22, wrappedRowHeight(headers, cols, 11));
  data.forEach((r, i) => (ws.getRow(4 + i).height = Math.max(22, wrappedRowHeight(r.map(typeset), cols, 11))));
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: '3:3', margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 } };
  ws.headerFooter = { oddFooter: '&C第 &P 页/共 &N 页' };
  ws.views = [{ state: 'frozen', ySplit: 3 }];
}

/**
 * Column widths of 汇总 (mainHeaders): the four agency columns that repeat on each printed page kept narrow (names
 * wrap), numbers 7 wide under wrapped headers, text columns wide enough for their usual values.
 */
function summaryWidths(report: CompareReport): number[] {
  return mainHeaders(report).map((h, i) => {
    if (i < 2) return 6;
    if (h === '单位代码') return 10;
    if (h === '单位名称') return 20;
    if (h === '类别') return 6;
    if (h === '等次') return 12;
    if (h === '结果') return 14;
    if (h === '证据文件') return 30;
    return 7;
  });
}

export async function formatCompareXlsx(report: CompareReport): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  wb.creator = 'zwgk-score';
  const used = new Set<string>();
  const rows = orderedRows(report);
  rankingSheet(wb, report, used);
  const title = `${report.rubric.title}考核结果`;
  addTable(wb, '汇总', used, mainHeaders(report), rows.map(mainCells), { title, widths: summaryWidths(report), wide: { repeatColumns: 4 } });

  report.sections.forEach((s, j) => {
    const headers = [
      '百分制排名',
      '单位代码',
      '单位',
      ...s.children.map((c) => `${c.id} ${c.title}（${c.max}分）`),
      `${s.title}得分`,
      '适用满分',
      '得分率',
    ];
    const data = rows.map((a): Cell[] => {
      const cell = a.sections[j]!;
      return [
        a.rank.normalized,
        a.code,
        agencyLabel(a),
        ...cell.children.map((c) => (c.notApplicable ? '不适用' : c.score)),
        cell.notApplicable ? '不适用' : cell.score,
        cell.notApplicable ? 0 : s.kind === 'score' ? cell.applicableMax : s.max,
        cell.notApplicable || (s.kind === 'score' ? cell.applicableMax : s.max) <= 0 ? '' : Math.round((cell.score / (s.kind === 'score' ? cell.applicableMax : s.max)) * 1000) / 1000,
      ];
    });
    addTable(wb, `${s.id} ${s.title}${KIND_TEXT[s.kind]}`, used, headers, data, { title, percentColumns: [headers.length] });
  });

  addTable(
    wb,
    '普遍失分项',
    used,
    ['编号', '指标', '所属部分', '分值', '失分单位数', '参评单位数', '失分合计', '平均失分'],
    report.weakSpots.map((w) => [w.id, w.title, w.sectionTitle, w.max, w.agenciesLost, w.agenciesAssessed, w.totalLost, w.averageLost]),
    { title, widths: [10, 40, 16, 8, 12, 12, 10, 10] },
  );
  addTable(
    wb,
    '自评偏高',
    used,
    ['单位代码', '单位', '自评总分', '核定总分', '高出', '指标', '指标自评', '指标核定', '指标高出'],
    report.overClaims.flatMap((o) =>
      o.items.length === 0
        ? [[o.code, o.name, o.claimed, o.final, o.difference, '', null, null, null]]
        : o.items.map((i): Cell[] => [o.code, o.name, o.claimed, o.final, o.difference, `${i.id} ${i.title}`, i.claimed, i.score, i.difference]),
    ),
    { title, widths: [10, 30, 8, 8, 6, 36, 8, 8, 8] },
  );
  if (report.checks.length > 0)
    addTable(
      wb,
      '数据核验',
      used,
      ['单位代码', '单位', '未通过项数', '错误级待处理', '核验内容', '级别', '处理'],
      report.checkFailures.flatMap((f) =>
        f.checks.map((c): Cell[] => [
          f.code,
          f.name,
          f.failed,
          f.unresolved,
          report.checks.find((x) => x.id === c.id)?.message ?? '',
          c.severity === 'error' ? '错误' : '提示',
          c.severity === 'warning' ? '' : c.resolved ? '已处理' : '待处理',
        ]),
      ),
      { title, widths: [10, 30, 8, 8, 60, 6, 8] },
    );
  const b = report.baseline;
  if (b) {
    addTable(
      wb,
      '与基准年比较',
      used,
      ['单位代码', '单位', '去年得分', '按今年细则重算', '今年得分', '变化', '细则变化', '无法比较', '工作变化', '未参与重算的事实', '无法比较的指标'],
      b.agencies.map((x) => [
        x.code,
        x.name,
        x.previous,
        x.rescored,
        x.current,
        x.change,
        x.rubricChange,
        x.notComparableChange,
        x.workChange,
        x.droppedFacts.join('、'),
        x.notComparable.map((n) => `${n.id} ${n.title}`).join('；'),
      ]),
      { title, widths: [10, 30, 8, 9, 8, 7, 9, 9, 9, 22, 28] },
    );
  }
  if (report.leftOut.length > 0)
    addTable(
      wb,
      '未计入文件',
      used,
      ['文件', '原因', '说明'],
      report.leftOut.map((f) => [f.file, LEFT_OUT_TEXT[f.reason], leftOutLines(f).join('\n')]),
      { title, widths: [40, 14, 70] },
    );
  const buf = await wb.xlsx.writeBuffer();
  // Fixed entry timestamps: the same input gives byte-identical files.
  return fixZipTimestamps(new Uint8Array(buf as ArrayBuffer));
}
