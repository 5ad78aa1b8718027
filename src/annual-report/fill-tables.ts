// Tokens (from any reader) → the cells of 表二/表三/表四 by the official layout, the format they imply, and
// diagnostics for what could not be read. A row whose cells cannot be counted exactly is left blank and reported:
// a guess is never presented as data.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { T2_ROWS, T3_ROWS, T4_COLUMNS, T4_ROWS, type RowSpec } from './layout.js';
import type { Cell, ReportFormat, TableName } from './model.js';
import { labelKey, parseCellValue } from './normalize.js';
import { reportDiagnostic } from './report-diagnostic.js';
import type { Token } from './tokens.js';

export interface FilledTables {
  format: ReportFormat;
  cells: Cell[];
  diagnostics: Diagnostic[];
}

interface Keyed extends Token {
  key: string;
  isValue: boolean;
}

function findLabel(tokens: Keyed[], spec: RowSpec, from: number): number {
  for (let i = from; i < tokens.length; i++) if (!tokens[i]!.isValue && spec.match.test(tokens[i]!.key)) return i;
  for (let i = 0; i < from; i++) if (!tokens[i]!.isValue && spec.match.test(tokens[i]!.key)) return i;
  return -1;
}

/**
 * The value tokens after a label: with rows known (HTML), every later cell of that row (trailing empty cells
 * dropped beyond the expected count); without (pipe text), the run of value tokens that follows, at most `n`.
 */
function valuesAfter(tokens: Keyed[], i: number, n: number): Keyed[] {
  const label = tokens[i]!;
  const out: Keyed[] = [];
  if (label.row !== undefined) {
    for (let j = i + 1; j < tokens.length && tokens[j]!.row === label.row; j++) out.push(tokens[j]!);
    while (out.length > n && out[out.length - 1]!.text === '') out.pop();
    return out;
  }
  for (let j = i + 1; j < tokens.length && out.length < n && tokens[j]!.isValue; j++) out.push(tokens[j]!);
  return out;
}

function makeCells(table: TableName, row: string, columns: readonly string[], values: Array<Keyed | null>, file: string, diags: Diagnostic[], unit?: string): Cell[] {
  return columns.map((column, k) => {
    const t = values[k] ?? null;
    const cell: Cell = { table, row, column, value: null, raw: t?.text ?? '' };
    if (t) cell.at = t.column ? { line: t.line, column: t.column } : { line: t.line };
    if (!t) return cell;
    const v = parseCellValue(t.text);
    if (v.kind === 'number') {
      cell.value = v.value;
      if (v.unit) cell.unit = v.unit;
    } else if (v.kind === 'text') {
      diags.push(reportDiagnostic('REPORT_CELL_UNREADABLE', file, cell.at, { name: `${table}「${row}」「${column}」`, actual: t.text }));
    }
    if (!cell.unit && unit && cell.value !== null) cell.unit = unit;
    return cell;
  });
}

function fillRows(tokens: Keyed[], table: TableName, specs: RowSpec[], file: string, diags: Diagnostic[]): Cell[] {
  const cells: Cell[] = [];
  let cursor = 0;
  for (const spec of specs) {
    const i = findLabel(tokens, spec, cursor);
    if (i < 0) {
      diags.push(reportDiagnostic('REPORT_ROW_MISSING', file, undefined, { severity: 'warning', name: table, actual: spec.name }));
      cells.push(...makeCells(table, spec.name, spec.columns, [], file, diags));
      continue;
    }
    cursor = i + 1;
    const values = valuesAfter(tokens, i, spec.columns.length);
    if (values.length !== spec.columns.length) {
      const t = tokens[i]!;
      diags.push(reportDiagnostic('REPORT_CELL_COUNT', file, { line: t.line, ...(t.column ? { column: t.column } : {}) }, { name: table, reason: spec.name, actual: values.length, expected: spec.columns.length }));
      cells.push(...makeCells(table, spec.name, spec.columns, [], file, diags));
      continue;
    }
    cells.push(...makeCells(table, spec.name, spec.columns, values, file, diags, spec.unit));
  }
  return cells;
}

/** 表四 has no row labels: the first row (run) of 15 values after the 「行政复议」 header. */
function fillTable4(tokens: Keyed[], file: string, diags: Diagnostic[]): Cell[] {
  const columns = T4_ROWS.flatMap((r) => T4_COLUMNS.map((c) => ({ row: r, column: c })));
  const head = tokens.findIndex((t) => t.key === '行政复议');
  let values: Keyed[] = [];
  if (head >= 0) {
    let j = head + 1;
    // With rows: the first later row made only of values, holding at least one number. Without: the first run.
    while (j < tokens.length) {
      const t = tokens[j]!;
      if (t.row !== undefined) {
        const row = tokens.filter((x) => x.row === t.row);
        if (row.every((x) => x.isValue) && row.some((x) => x.text !== '')) {
          values = row;
          break;
        }
        j += row.length;
        continue;
      }
      if (t.isValue) {
        while (j < tokens.length && tokens[j]!.isValue && values.length < columns.length) values.push(tokens[j++]!);
        break;
      }
      j++;
    }
  }
  if (head < 0 || values.length !== columns.length) {
    const at = head >= 0 ? tokens[head] : undefined;
    if (head < 0) diags.push(reportDiagnostic('REPORT_ROW_MISSING', file, undefined, { severity: 'warning', name: '表四', actual: '行政复议、行政诉讼数据行' }));
    else diags.push(reportDiagnostic('REPORT_CELL_COUNT', file, at ? { line: at.line } : undefined, { name: '表四', reason: '行政复议、行政诉讼', actual: values.length, expected: columns.length }));
    values = [];
  }
  const cells: Cell[] = [];
  for (const r of T4_ROWS) {
    const k = T4_ROWS.indexOf(r) * T4_COLUMNS.length;
    cells.push(...makeCells('表四', r, T4_COLUMNS, values.slice(k, k + T4_COLUMNS.length), file, diags));
  }
  return cells;
}

/** Which format the tables follow: 2021 has (六)1–3; 2019 has a single (六)其他处理 row and its own 表二 columns. */
function detectFormat(tokens: Keyed[]): ReportFormat {
  const has = (re: RegExp): boolean => tokens.some((t) => !t.isValue && re.test(t.key));
  const hasT3 = has(/本年新收/) && has(/结转下年度/);
  const hasT2 = has(/^规章$/) || has(/规范性文件$/);
  if (!hasT3 && !hasT2) return 'free';
  if (has(/逾期不补正|缴纳费用/)) return '2021';
  const other = tokens.findIndex((t) => !t.isValue && /^\(六\)其他处理$/.test(t.key));
  // A (六)其他处理 row followed by its own cells (blank ones included) is the 2019 single row.
  if (other >= 0 && tokens[other + 1]?.isValue) return '2019';
  if (has(/本年新制作数量|本年新公开数量|上一年项目数量/)) return '2019';
  return '2021';
}

/** Fill the tables of one report from its token streams. */
export function fillTables(streams: Token[][], file: string): FilledTables {
  const tokens: Keyed[] = streams.flat().map((t) => {
    const key = labelKey(t.text);
    return { ...t, key, isValue: parseCellValue(t.text).kind !== 'text' };
  });
  const format = detectFormat(tokens);
  if (format === 'free') return { format, cells: [], diagnostics: [] };
  const diags: Diagnostic[] = [];
  const cells = [
    ...fillRows(tokens, '表二', T2_ROWS[format], file, diags),
    ...fillRows(tokens, '表三', T3_ROWS[format], file, diags),
    ...fillTable4(tokens, file, diags),
  ];
  return { format, cells, diagnostics: diags };
}
