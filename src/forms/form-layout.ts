// The layout of the xlsx evidence form, shared by the writer (xlsx-form.ts) and the importer (import-form.ts):
// sheet names, columns, the 单位信息 fields, and the hidden meta sheet that ties a form to its rubric.

export const SHEET = {
  guide: '说明',
  facts: '事实',
  claims: '自评分',
  evidence: '佐证材料',
  meta: '_meta',
} as const;

/** Marks a workbook as a zwgk evidence form; bump when the layout changes incompatibly. */
export const FORM_MARK = 'zwgk-evidence-form';
export const FORM_VERSION = '1';

/** 事实 sheet: one row per fact from row 2; the agency fills column C only. */
export const FACT_COL = { id: 1, label: 2, value: 3, unit: 4, type: 5, allowed: 6, source: 7, usedBy: 8, description: 9 } as const;
export const FACT_HEAD = ['编号', '事实', '填写值', '单位', '类型', '允许值/范围', '来源', '用于评分项', '说明'];

/** 自评分 sheet: one row per item; the agency fills 自评分, 整改情况 and (where allowed) 不适用理由. */
export const CLAIM_COL = { id: 1, title: 2, max: 3, claim: 4, remediation: 5, notApplicable: 6 } as const;
export const CLAIM_HEAD = ['编号', '评分项', '分值', '自评分', '整改情况', '不适用理由(合理缺项)'];

/** 佐证材料 sheet: one row per document; column B shows the item's title (formula). */
export const EVIDENCE_COL = { node: 1, nodeTitle: 2, title: 3, docNumber: 4, url: 5, date: 6, note: 7 } as const;
export const EVIDENCE_HEAD = ['评分项编号', '评分项(自动显示)', '材料名称', '文号', '网址(URL)', '日期(YYYY-MM-DD)', '备注'];
/** Blank rows offered below the pre-filled ones. */
export const EVIDENCE_BLANK_ROWS = 300;

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
