// `--format csv`: the sheet as one table for Excel/WPS — UTF-8 with BOM, CRLF line ends, RFC 4180 quoting, and a
// leading ' on text cells that a spreadsheet would run as a formula. Group labels are repeated on every row (a CSV
// has no merged cells and is filtered row by row). Numbers are written as numbers.
import { evidenceLines, levelCellLines, levelGrid } from '../render/grid.js';
import { formatNumber } from '../render/numbers.js';
import type { SheetViewModel } from '../render/view-types.js';

type CsvCell = { text: string } | { number: number | null; precision: number };

/** Characters that make Excel/WPS/LibreOffice treat a cell as a formula (or DDE), at the start of a text cell. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralise formula injection: prefix ' when a text cell starts with = + - @, a tab or a CR. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote when the field holds a quote, comma, CR or LF (or edge spaces); double inner quotes. */
export function quoteCsvField(field: string): string {
  return /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function encode(c: CsvCell): string {
  if ('number' in c) return formatNumber(c.number, c.precision);
  return quoteCsvField(neutraliseFormula(c.text.replace(/\r\n?/g, '\n')));
}

/** Join rows into the CSV text: BOM, CRLF. */
export function toCsv(rows: CsvCell[][]): string {
  return '\uFEFF' + rows.map((r) => r.map(encode).join(',')).join('\r\n') + '\r\n';
}

/** Render a sheet view model (report or blank form) as CSV. */
export function renderSheetCsv(vm: SheetViewModel): string {
  const p = vm.rubric.precision;
  const grid = levelGrid(vm);
  const header: CsvCell[] = [];
  for (const col of vm.columns) {
    header.push({ text: col.label });
    if (col.key === 'score') header.push({ text: '差额（自评−核定）' }, { text: '状态' });
  }
  const rows: CsvCell[][] = [header];
  vm.rows.forEach((row, r) => {
    const out: CsvCell[] = [];
    for (const col of vm.columns) {
      switch (col.key) {
        case 'seq':
          out.push({ text: row.seq });
          break;
        case 'level': {
          const slot = grid[r]![col.level!]!;
          // A cell merged across columns is written once, at its first column.
          out.push({ text: slot.col === col.level ? levelCellLines(slot.cell).join('\n') : '' });
          break;
        }
        case 'max':
          out.push({ number: row.values.max, precision: p });
          break;
        case 'claimed':
          out.push({ number: row.values.claimed, precision: p });
          break;
        case 'score':
          out.push({ number: row.values.score, precision: p }, { number: row.values.difference, precision: p }, { text: row.overridden ? `${row.statusText}·改定` : row.statusText });
          break;
        case 'reasons':
          out.push({ text: row.reasons.join('\n') });
          break;
        case 'evidence':
          out.push({ text: evidenceLines(row).join('\n') });
          break;
        case 'remediation':
          out.push({ text: row.remediation });
          break;
      }
    }
    rows.push(out);
  });
  // 数据核验 block below the table, after one empty row: a spreadsheet shows it as a second small table.
  if (vm.checks.length > 0) {
    rows.push([], [{ text: '数据核验（勾稽关系）' }, { text: vm.checkSummary }]);
    rows.push(['序号', '编号', '核验内容', '依据', '级别', '结果', '所见数值与说明', '处理情况'].map((text) => ({ text })));
    for (const c of vm.checks)
      rows.push([c.seq, c.id, c.message, c.source, c.severityText, c.outcomeText, c.text, c.resolutionText].map((text) => ({ text })));
  }
  if (vm.pendingItems.length > 0) {
    rows.push([], [{ text: '待政务公开办评定事项' }, { text: `共 ${vm.pendingItems.length} 项，评定前结果为暂定` }]);
    rows.push(['编号', '事项', '原因'].map((text) => ({ text })));
    for (const p of vm.pendingItems) rows.push([p.id, p.title, p.why].map((text) => ({ text })));
  }
  return toCsv(rows);
}
