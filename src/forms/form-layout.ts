// The layout of the xlsx evidence form, shared by the writer (xlsx-form.ts) and the importer (import-form.ts):
// sheet names, columns, the 单位信息 fields, and the hidden meta sheet that ties a form to its rubric.

export const SHEET = {
  guide: '说明',
  facts: '事实',
  claims: '自评分',
  evidence: '佐证材料',
  meta: '_meta',
} as const;

/** Marks a workbook as a zwgk evidence form; bump when the layout changes (import reads columns by header). */
export const FORM_MARK = 'zwgk-evidence-form';
/** 1: fact id in column A (before 2026-11); 2: Chinese label first, id in a hidden last column, 自评小计 formulas. */
export const FORM_VERSION = '2';

/** 事实 sheet: one row per fact from row 2; the Chinese label first, the agency fills 填写值 only; the fact id sits in a hidden last column for import. */
export const FACT_COL = { label: 1, value: 2, unit: 3, type: 4, allowed: 5, source: 6, usedBy: 7, description: 8, id: 9 } as const;
export const FACT_HEAD = ['事实', '填写值', '单位', '类型', '允许值/范围', '来源', '用于评分项', '说明', '编号'];

/** 自评分 sheet: one row per item; the agency fills 自评分, 整改情况 and (where allowed) 不适用理由; 自评小计 is a formula. */
export const CLAIM_COL = { id: 1, title: 2, max: 3, claim: 4, subtotal: 5, remediation: 6, notApplicable: 7 } as const;
export const CLAIM_HEAD = ['编号', '评分项', '分值', '自评分', '自评小计（自动计算）', '整改情况', '不适用理由（合理缺项）'];
/** Label of the 自评总分 row below the items (its 编号 cell is empty, so import skips it). */
export const CLAIM_TOTAL_LABEL = '自评总分（自动计算）';

/**
 * 佐证材料 sheet: one row per document; the item is chosen from a list of 「编号 名称」 (import reads the 编号 before
 * the first space). Layout 1 had a bare 编号 column and a title formula in column B on all 300 rows, which made
 * spreadsheets print 300 empty rows.
 */
export const EVIDENCE_COL = { node: 1, title: 2, docNumber: 3, url: 4, date: 5, note: 6 } as const;
export const EVIDENCE_HEAD = ['评分项（从下拉列表选择）', '材料名称', '文号', '网址（URL）', '日期（YYYY-MM-DD）', '备注'];

/**
 * The columns import reads, found by their header text in row 1, so forms of every layout version read alike
 * (version 1 had the fact id in column A and no 自评小计 column).
 */
export const IMPORT_COLUMNS: Record<'facts' | 'claims' | 'evidence', Record<string, string | readonly string[]>> = {
  facts: { id: '编号', value: '填写值' },
  claims: { id: '编号', claim: '自评分', remediation: '整改情况', notApplicable: '不适用理由(合理缺项)' },
  // The item column: current header first, then layout 1's.
  evidence: { node: ['评分项（从下拉列表选择）', '评分项编号'], title: '材料名称', docNumber: '文号', url: '网址(URL)', date: '日期(YYYY-MM-DD)', note: '备注' },
};
/** Rows below the pre-filled ones with the item list and date checks (the columns are open for typing below too). */
export const EVIDENCE_BLANK_ROWS = 300;
/** Blank rows drawn (and so printed) below the pre-filled ones; rows typed further down print as well. */
export const EVIDENCE_PRINTED_BLANK_ROWS = 10;

export const FIRST_ROW = 2;

export type InfoKey = 'agency.name' | 'agency.shortName' | 'agency.code' | 'agency.class' | 'period.year' | 'period.label' | 'preparedBy' | 'reviewedBy' | 'date';

/** 单位信息 on the 说明 sheet: label in column A, value in column B, found by label on import. */
export const INFO_FIELDS: ReadonlyArray<{ key: InfoKey; label: string; required?: boolean; kind: 'text' | 'year' | 'date' | 'class' }> = [
  { key: 'agency.name', label: '单位全称', required: true, kind: 'text' },
  { key: 'agency.shortName', label: '单位简称', kind: 'text' },
  { key: 'agency.code', label: '单位代码', required: true, kind: 'text' },
  { key: 'agency.class', label: '单位类别', kind: 'class' },
  { key: 'period.year', label: '考核年度', required: true, kind: 'year' },
  { key: 'period.label', label: '考核期间说明', kind: 'text' },
  { key: 'preparedBy', label: '填表人', kind: 'text' },
  { key: 'reviewedBy', label: '审核人', kind: 'text' },
  { key: 'date', label: '填表日期', kind: 'date' },
];
/** First row of the 单位信息 block on the 说明 sheet. */
export const INFO_FIRST_ROW = 5;

/** Column letter(s) of a 1-based column number. */
export function colLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** `事实!C12` */
export function cellRef(sheet: string, row: number, col: number): string {
  return `${sheet}!${colLetter(col)}${row}`;
}
