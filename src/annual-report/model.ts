// The typed model of one annual report (政府信息公开工作年度报告), filled by the readers and read by the checks,
// `zwgk report show` and `zwgk report facts`. Cells are keyed by their official table/row/column names.

/** 2021 = 国办公开办函〔2021〕30号; 2019 = 国办公开办函〔2019〕60号 (试行); free = pre-2019 free-form. */
export type ReportFormat = '2021' | '2019' | 'free';

export type TableName = '表二' | '表三' | '表四';

/** Where a cell or a sentence was read: a line (and column) of the input file. */
export interface SourcePos {
  line: number;
  column?: number;
}

export interface Cell {
  table: TableName;
  row: string;
  column: string;
  /** Canonical decimal string ("2896.904", "-18"); null for a blank, "/" or "—" cell — never 0. */
  value: string | null;
  /** The cell text as printed, after full-width → half-width normalisation. */
  raw: string;
  /** A unit printed in the cell (元, 万元, 件 …) and stripped from the value. */
  unit?: string;
  at?: SourcePos;
}

/** A figure stated in free text, for a person to confirm — never used as a fact without confirmation. */
export interface CandidateFact {
  /** The official indicator it probably belongs to (pre-2019 statistics table), when one matches. */
  indicator?: string;
  /** The words in front of the number, e.g. 主动公开政府信息. */
  label: string;
  value: string;
  unit?: string;
  /** The whole sentence (or table row) it came from, in simplified characters. */
  sentence: string;
  /** A sentence of the text, or a row of an old statistics table. */
  from: 'text' | 'table';
  at: SourcePos;
}

export interface ReportSection {
  /** 一 … 六 */
  number: string;
  heading: string;
  text: string;
  at: SourcePos;
}

export interface AnnualReport {
  file: string;
  /** Which reader filled the model: html, pipe-text (or plain text). */
  reader: string;
  agency: string | null;
  year: number | null;
  /** YYYY-MM-DD when the page states it. */
  publishedOn: string | null;
  format: ReportFormat;
  /** Whether the source was in traditional characters (converted to simplified before reading). */
  traditional: boolean;
  cells: Cell[];
  sections: ReportSection[];
  candidates: CandidateFact[];
}

/** `表三/一、本年新收政府信息公开申请数量/自然人` */
export function cellKey(table: TableName, row: string, column: string): string {
  return `${table}/${row}/${column}`;
}

/** Index cells by key for the checks (one pass, own Map: no prototype lookups). */
export function indexCells(report: AnnualReport): Map<string, Cell> {
  const m = new Map<string, Cell>();
  for (const c of report.cells) m.set(cellKey(c.table, c.row, c.column), c);
  return m;
}
