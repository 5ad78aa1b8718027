// The Excel evidence form (`zwgk init --format xlsx`) via exceljs 4.4.0: 说明 (instructions + 单位信息),
// 事实 (one row per fact: dropdowns for 是/否 and options, numeric ranges validated), 自评分 (one row per item with
// its points), 佐证材料 (item, document, 文号, URL, date), and a very hidden _meta sheet tying it to the rubric.
// Sheets are protected without a password: labels are locked, the cells to fill are unlocked and shaded.
import ExcelJS from 'exceljs';
import type { CompiledRubric } from '../compile/compile-rubric.js';
import type { Evidence, FactValue } from '../schema/evidence-schema.js';
import type { FactDef } from '../schema/fact-schema.js';
import { dec, formatPoints, type Dec } from '../score/decimal.js';
import { childrenForClass, nodesForClass } from '../model/class-scope.js';
import type { FlatNode } from '../model/rubric-model.js';
import { allowedText, derivedFacts, factChecks, factRows, numericRange } from './fact-catalogue.js';
import {
  CLAIM_COL,
  CLAIM_HEAD,
  CLAIM_TOTAL_LABEL,
  colLetter,
  EVIDENCE_BLANK_ROWS,
  EVIDENCE_PRINTED_BLANK_ROWS,
  EVIDENCE_COL,
  EVIDENCE_HEAD,
  FACT_COL,
  FACT_HEAD,
  FIRST_ROW,
  FORM_MARK,
  FORM_VERSION,
  INFO_FIELDS,
  INFO_FIRST_ROW,
  SHEET,
  type InfoKey,
} from './form-layout.js';
import { fixZipTimestamps } from '../io/zip-timestamps.js';
import { chineseTypography } from '../render/chinese-text.js';

const FONT = { name: '宋体', size: 10 };
const FILL_INPUT: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const FILL_HEAD: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDDDDD' } };
const FILL_OFF: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const PROTECT: Partial<ExcelJS.WorksheetProtection> = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true };
/** Data-validation prompts are limited to 255 characters by Excel. */
const clip = (s: string, n = 250): string => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const BIG = 999999999;

export interface XlsxFormOptions {
  /** Values to pre-fill (an earlier evidence file; tests fill forms this way too). */
  evidence?: Evidence;
  /** Only the items and facts that apply to this agency class (checked by the caller with classProblem). */
  agencyClass?: string;
}

/** A fact value as the form shows it: 是/否 for booleans, one list item per line. */
export function factCellValue(def: FactDef, v: FactValue | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'boolean' ? (x ? '是' : '否') : String(x))).join('\n');
  if (typeof v === 'number' && def.type !== 'text') return v;
  return String(v);
}

function header(ws: ExcelJS.Worksheet, head: string[], widths: number[]): void {
  const row = ws.getRow(1);
  head.forEach((h, i) => {
    const c = row.getCell(i + 1);
    c.value = h;
    c.font = { ...FONT, bold: true };
    c.fill = FILL_HEAD;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    // Header cells stay locked even where the whole column is open for typing (佐证材料).
    c.protection = { locked: true };
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  printSetup(ws);
}

/** Printed on A4 landscape, one page wide, the header row repeated (not 29 Letter pages). */
function printSetup(ws: ExcelJS.Worksheet): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: '1:1',
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页/共 &N 页', evenFooter: '&C第 &P 页/共 &N 页' };
}

/** Number format of a percent fact's cell: the number as typed, followed by a literal % (no ×100 scaling). */
export const PERCENT_FORMAT = 'General"%"';

/** Width of a text in column-width units: a CJK character or full-width sign takes about two, others about one. */
function textUnits(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u2e80-\uffff]/.test(ch) ? 2 : 1.1;
  return n;
}

/**
 * Give a row the height its wrapped texts need (10 pt lines), as spreadsheets do not grow rows for wrapped text on
 * their own when opening a file: without it long labels and multi-line notes print cut off after their first line.
 */
function fitRowHeight(ws: ExcelJS.Worksheet, r: number, cols: number[]): void {
  let lines = 1;
  for (const col of cols) {
    const cell = ws.getCell(r, col);
    const v = cell.value;
    if (typeof v !== 'string' || v === '') continue;
    const width = Math.max(2, (ws.getColumn(col).width ?? 10) - 1 - (cell.alignment?.indent ?? 0) * 2);
    lines = Math.max(lines, v.split('\n').reduce((a, l) => a + Math.max(1, Math.ceil(textUnits(l) / width)), 0));
  }
  if (lines > 1) ws.getRow(r).height = lines * 14 + 4;
}

function input(cell: ExcelJS.Cell, text = false): void {
  cell.protection = { locked: false };
  cell.fill = FILL_INPUT;
  cell.font = FONT;
  if (text) cell.numFmt = '@';
  cell.alignment = { vertical: 'top', wrapText: true };
}

/** Value lists stored on the hidden meta sheet (written last), from column D on; returns the range formula. */
class MetaLists {
  readonly columns: string[][] = [];
  add(values: string[]): string {
    this.columns.push(values);
    const col = colLetter(3 + this.columns.length);
    return `'${SHEET.meta}'!$${col}$1:$${col}$${values.length}`;
  }
}

/** A list validation: inline when short, else a range on the meta sheet. */
function listValidation(values: string[], meta: MetaLists, title: string): ExcelJS.DataValidation {
  const inline = `"${values.join(',')}"`;
  let formula = inline;
  if (inline.length > 250 || values.some((v) => v.includes(',') || v.includes('"'))) formula = meta.add(values);
  return { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorTitle: '填写有误', error: clip(`请从下拉列表中选择:${values.join('、')}`), showInputMessage: true, promptTitle: clip(title, 30), prompt: clip(`可选:${values.join('、')}`) };
}

function factValidation(def: FactDef, meta: MetaLists): ExcelJS.DataValidation | null {
  const title = clip(def.label, 30);
  if (def.type === 'boolean') return listValidation(['是', '否'], meta, title);
  if (def.type === 'enum' && def.values) return listValidation(def.values, meta, title);
  if (def.type === 'integer' || def.type === 'number' || def.type === 'percent') {
    const { min, max } = numericRange(def);
    const kind = def.type === 'integer' ? '整数' : def.type === 'percent' ? '百分数(填 5 表示 5%)' : '数值';
    return {
      type: def.type === 'integer' ? 'whole' : 'decimal',
      operator: 'between',
      formulae: [min ?? -BIG, max ?? BIG],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: '填写有误',
      error: clip(`请填写${kind},允许值:${allowedText(def)}${def.unit && def.unit !== '是/否' ? `(单位:${def.unit})` : ''}`),
      showInputMessage: true,
      promptTitle: title,
      prompt: clip(`${kind},${allowedText(def)}${def.unit ? `,单位:${def.unit}` : ''}`),
    };
  }
  if (def.type === 'date')
    return { type: 'textLength', operator: 'equal', formulae: [10], allowBlank: true, showErrorMessage: true, errorTitle: '填写有误', error: '日期请写成 YYYY-MM-DD,例如 2018-01-12', showInputMessage: true, promptTitle: title, prompt: '日期,格式 YYYY-MM-DD' };
  return null;
}

function infoValue(ev: Evidence | undefined, key: InfoKey, year: number | undefined): string | number | null {
  if (!ev) return key === 'period.year' ? year ?? null : null;
  const v: unknown = {
    'agency.name': ev.agency.name,
    'agency.shortName': ev.agency.shortName,
    'agency.code': ev.agency.code,
    'agency.class': ev.agency.class,
    'period.year': ev.period.year,
    'period.label': ev.period.label,
    preparedBy: ev.preparedBy,
    reviewedBy: ev.reviewedBy,
    date: ev.date,
  }[key];
  return v === undefined ? null : (v as string | number);
}

function guideSheet(wb: ExcelJS.Workbook, compiled: CompiledRubric, ev: Evidence | undefined, meta: MetaLists, cls: string | undefined): void {
  const r = compiled.rubric;
  const ws = wb.addWorksheet(SHEET.guide, { properties: { tabColor: { argb: 'FF4472C4' } } });
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = 60;
  printSetup(ws);
  ws.pageSetup.orientation = 'portrait';
  ws.mergeCells('A1:B1');
  const t = ws.getCell('A1');
  t.value = `${r.title} —— 佐证材料填报表${cls !== undefined ? `（单位类别：${cls}）` : ''}`;
  t.font = { ...FONT, size: 14, bold: true };
  // A long title (a class named in it) wraps instead of running off the page: 14 pt text is 1.4 times as wide.
  t.alignment = { wrapText: true, vertical: 'middle' };
  const titleLines = Math.ceil((textUnits(String(t.value)) * 1.4) / (18 + 60 - 2));
  if (titleLines > 1) ws.getRow(1).height = titleLines * 20 + 4;
  ws.getCell('A2').value = '细则';
  ws.getCell('B2').value = `${r.id} 版本 ${r.version}`;
  ws.getCell('A4').value = '一、单位信息(请填写黄色单元格,带 * 的必填)';
  ws.getCell('A4').font = { ...FONT, bold: true };
  INFO_FIELDS.forEach((f, i) => {
    const row = INFO_FIRST_ROW + i;
    ws.getCell(row, 1).value = f.required ? `${f.label}*` : f.label;
    const c = ws.getCell(row, 2);
    input(c, f.kind !== 'year');
    c.value = infoValue(ev, f.key, r.year) ?? (f.kind === 'class' ? cls ?? null : null);
    if (f.kind === 'class' && r.classes) c.dataValidation = listValidation(r.classes, meta, '单位类别');
    if (f.kind === 'year') c.dataValidation = { type: 'whole', operator: 'between', formulae: [1990, 2100], allowBlank: false, showErrorMessage: true, errorTitle: '填写有误', error: '请填写四位年份,例如 2018' };
    if (f.kind === 'date') c.dataValidation = { type: 'textLength', operator: 'equal', formulae: [10], allowBlank: true, showErrorMessage: true, errorTitle: '填写有误', error: '日期请写成 YYYY-MM-DD,例如 2018-01-12' };
  });
  const derived = derivedFacts(compiled);
  const lines = [
    '二、填写说明',
    `1. 「${SHEET.facts}」表:逐行在「填写值」列(黄色)填写事实。是/否 与选项类从下拉列表选择;数值须在「允许值/范围」之内;列表类每行写一项(单元格内按 Alt+Enter 换行)。不清楚或原表空白的留空,评分时按缺少佐证处理。`,
    `2. 「${SHEET.claims}」表:在「自评分」列填写各评分项的自评得分(不超过分值,不自评的留空);「自评小计」和表末的「自评总分」自动计算。上级项目和下级项目只需填一处：上级填了分，以上级的分数计入总分；两处都填而不相等的，导入时会提示。「整改情况」可填写失分项的整改措施;允许合理缺项的评分项可填写「不适用理由」。`,
    `3. 「${SHEET.evidence}」表:每行一份佐证材料,从下拉列表选择评分项(也可只填编号),填写材料名称(必填)、文号、网址、日期(YYYY-MM-DD)和备注;行数不够时接着往下填,打印时一并打出。`,
    '4. 请勿修改灰色表头、编号和说明列,也不要增删工作表。填好后交政务公开办,由其运行:',
    `   npx zwgk import 本文件.xlsx --rubric ${compiled.file ?? '细则文件'} --out 证据.yaml`,
    ...(derived.length > 0 ? [`5. 以下事实由细则自动计算,表中不列出:${derived.map((d) => d.def.label).join('、')}。`] : []),
    ...(cls !== undefined ? [`${derived.length > 0 ? 6 : 5}. 本表只列出单位类别为「${cls}」的评分项和事实；单位类别不是「${cls}」的，请向政务公开办索取本类别的填报表。`] : []),
  ];
  const start = INFO_FIRST_ROW + INFO_FIELDS.length + 1;
  lines.forEach((l, i) => {
    const row = start + i;
    ws.mergeCells(row, 1, row, 2);
    const c = ws.getCell(row, 1);
    c.value = l;
    c.font = i === 0 ? { ...FONT, bold: true } : FONT;
    c.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(row).height = i === 0 ? 18 : Math.max(18, Math.ceil(l.length / 40) * 14);
  });
}

function factsSheet(wb: ExcelJS.Workbook, compiled: CompiledRubric, ev: Evidence | undefined, meta: MetaLists, cls: string | undefined): void {
  const ws = wb.addWorksheet(SHEET.facts);
  header(ws, FACT_HEAD, [40, 18, 8, 12, 18, 16, 40, 40, 22]);
  // The fact id is for import only: hidden (not printed), after the columns the agency reads.
  ws.getColumn(FACT_COL.id).hidden = true;
  const checks = factChecks(compiled);
  factRows(compiled, cls).forEach((row, i) => {
    const r = FIRST_ROW + i;
    const d = row.def;
    const cells: Array<[number, string]> = [
      [FACT_COL.id, row.id],
      [FACT_COL.label, d.label],
      [FACT_COL.unit, d.unit ?? ''],
      [FACT_COL.type, row.typeText],
      [FACT_COL.allowed, row.allowed],
      [FACT_COL.source, d.source ?? ''],
      [FACT_COL.usedBy, row.usedBy.join('\n')],
      [FACT_COL.description, [d.description ?? '', ...(checks.get(row.id) ?? []).map((t) => `核验:${t}`)].filter((x) => x !== '').join('\n')],
    ];
    for (const [col, v] of cells) {
      const c = ws.getCell(r, col);
      c.value = v;
      c.font = FONT;
      c.alignment = { vertical: 'top', wrapText: true };
    }
    const vc = ws.getCell(r, FACT_COL.value);
    input(vc, d.type === 'text' || d.type === 'date' || d.type === 'list' || d.type === 'enum');
    vc.value = factCellValue(d, ev?.facts[row.id]);
    // A percent fact holds the number before the % sign (5 for 5%): the cell shows a literal % after the number,
    // so 5 reads "5%" and a typed "5%" (stored by Excel as 0.05 in a percent format) is read back as 5 on import.
    if (d.type === 'percent') vc.numFmt = PERCENT_FORMAT;
    const dv = factValidation(d, meta);
    // The row number keeps each row's validation distinct, so exceljs does not merge rows (see evidenceSheet).
    if (dv) vc.dataValidation = { ...dv, prompt: `${clip(dv.prompt ?? '', 180)}(第 ${r} 行)` };
    fitRowHeight(ws, r, [FACT_COL.label, FACT_COL.value, FACT_COL.allowed, FACT_COL.source, FACT_COL.usedBy, FACT_COL.description]);
  });
}

/** A node's claim as the report counts it: its own, else the sum of its children's (null when nothing is claimed). */
function effectiveClaim(compiled: CompiledRubric, f: FlatNode, claims: Record<string, number>, cls: string | undefined): Dec | null {
  const own = Object.prototype.hasOwnProperty.call(claims, f.id) ? claims[f.id] : undefined;
  if (own !== undefined) return dec(own);
  let total: Dec | null = null;
  for (const c of childrenForClass(compiled.model, f, cls)) {
    const t = effectiveClaim(compiled, compiled.model.byId.get(c)!, claims, cls);
    if (t !== null) total = (total ?? dec(0)).plus(t);
  }
  return total;
}

/** `IF(COUNT(refs)=0,"",sum)`: blank while nothing below is claimed, like the report's 自评总分. */
function sumOrBlank(refs: string[], sum: string): string {
  return `IF(COUNT(${refs.join(',')})=0,"",${sum})`;
}

function claimsSheet(wb: ExcelJS.Workbook, compiled: CompiledRubric, ev: Evidence | undefined, cls: string | undefined): void {
  const ws = wb.addWorksheet(SHEET.claims);
  header(ws, CLAIM_HEAD, [12, 50, 8, 10, 18, 32, 28]);
  const na = new Map((ev?.notApplicable ?? []).map((x) => [x.node, x.reason]));
  const nodes = nodesForClass(compiled.model, cls);
  const rowOf = new Map(nodes.map((f, i) => [f.id, FIRST_ROW + i]));
  const claims = ev?.claims ?? {};
  const D = colLetter(CLAIM_COL.claim);
  const E = colLetter(CLAIM_COL.subtotal);
  /** Where a node's claim as counted is shown: a leaf's 自评分 cell, an inner node's 自评小计 cell. */
  const countedRef = (f: FlatNode): string => `${childrenForClass(compiled.model, f, cls).length > 0 ? E : D}${rowOf.get(f.id)}`;
  const cached = (f: FlatNode): number | string => effectiveClaim(compiled, f, claims, cls)?.toNumber() ?? '';
  nodes.forEach((f, i) => {
    const r = FIRST_ROW + i;
    const id = ws.getCell(r, CLAIM_COL.id);
    id.value = f.id;
    id.font = { ...FONT, bold: f.depth === 0 };
    const title = ws.getCell(r, CLAIM_COL.title);
    const kind = f.kind === 'bonus' ? '(加分项)' : f.kind === 'penalty' ? '(减分项)' : '';
    title.value = `${f.node.title}${kind}${f.node.classes ? `(仅 ${f.node.classes.join('、')} 类)` : ''}`;
    title.font = { ...FONT, bold: f.depth === 0 };
    title.alignment = { indent: f.depth * 2, wrapText: true, vertical: 'top' };
    const max = ws.getCell(r, CLAIM_COL.max);
    max.value = f.max.toNumber();
    max.font = FONT;
    const claim = ws.getCell(r, CLAIM_COL.claim);
    input(claim);
    claim.value = ev?.claims[f.id] ?? null;
    claim.numFmt = 'General';
    claim.dataValidation = {
      type: 'decimal',
      operator: 'between',
      formulae: [0, f.max.toNumber()],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: '填写有误',
      // The id makes every row's validation distinct, so exceljs does not merge them (see evidenceSheet).
      error: `${f.id} 的自评分应在 0 到 ${formatPoints(f.max, 4)} 分之间`,
    };
    // 自评小计 of an inner node: its own claim when filled, else the sum of its children's (as the report counts).
    const sub = ws.getCell(r, CLAIM_COL.subtotal);
    const children = childrenForClass(compiled.model, f, cls).map((c) => compiled.model.byId.get(c)!);
    if (children.length > 0) {
      const refs = children.map(countedRef);
      sub.value = { formula: `IF(${D}${r}<>"",${D}${r},${sumOrBlank(refs, `SUM(${refs.join(',')})`)})`, result: cached(f) } as ExcelJS.CellFormulaValue;
      sub.font = { ...FONT, bold: f.depth === 0 };
      sub.numFmt = 'General';
    } else sub.fill = FILL_OFF;
    const rem = ws.getCell(r, CLAIM_COL.remediation);
    input(rem, true);
    rem.value = ev?.remediation[f.id] ?? null;
    const nac = ws.getCell(r, CLAIM_COL.notApplicable);
    if (f.node.mayBeNotApplicable) {
      input(nac, true);
      nac.value = na.get(f.id) ?? null;
    } else nac.fill = FILL_OFF;
    fitRowHeight(ws, r, [CLAIM_COL.title, CLAIM_COL.remediation, CLAIM_COL.notApplicable]);
  });
  // 自评总分: the top-level items plus bonus items, minus penalty items; blank while nothing is claimed.
  const total = FIRST_ROW + nodes.length;
  const tops = nodes.filter((f) => f.parent === null || f.boundary);
  const plus = tops.filter((f) => f.kind !== 'penalty').map(countedRef);
  const minus = tops.filter((f) => f.kind === 'penalty').map(countedRef);
  let result: Dec | null = null;
  for (const f of tops) {
    const v = effectiveClaim(compiled, f, claims, cls);
    if (v !== null) result = (result ?? dec(0)).plus(f.kind === 'penalty' ? v.neg() : v);
  }
  const sum = [plus.length > 0 ? `SUM(${plus.join(',')})` : '0', ...(minus.length > 0 ? [`SUM(${minus.join(',')})`] : [])].join('-');
  const label = ws.getCell(total, CLAIM_COL.title);
  label.value = CLAIM_TOTAL_LABEL;
  label.alignment = { horizontal: 'right', vertical: 'top' };
  const maxCell = ws.getCell(total, CLAIM_COL.max);
  maxCell.value = compiled.rubric.total;
  const t = ws.getCell(total, CLAIM_COL.subtotal);
  t.value = { formula: sumOrBlank([...plus, ...minus], sum), result: result?.toNumber() ?? '' } as ExcelJS.CellFormulaValue;
  t.numFmt = 'General';
  for (let col = 1; col <= CLAIM_HEAD.length; col++) {
    const c = ws.getCell(total, col);
    c.font = { ...FONT, bold: true };
    c.border = { top: { style: 'thin' } };
  }
}

/** 「编号 名称」 as the 佐证材料 list shows an item (import reads the 编号 before the first space). */
export function itemChoice(compiled: CompiledRubric, id: string): string {
  const f = compiled.model.byId.get(id);
  return f ? `${id} ${f.node.title.replace(/\s+/g, '')}` : id;
}

function evidenceSheet(wb: ExcelJS.Workbook, compiled: CompiledRubric, ev: Evidence | undefined, meta: MetaLists, cls: string | undefined): void {
  const ws = wb.addWorksheet(SHEET.evidence);
  // Every column the agency types in is open and shaded as a whole column (a column style, not cell by cell), so rows
  // typed anywhere below are editable, and a spreadsheet prints only the rows in use: no print area, which would cut
  // off rows typed below it, and no 300 formatted empty rows, which would all be printed.
  for (let col = 1; col <= EVIDENCE_HEAD.length; col++) {
    const column = ws.getColumn(col);
    column.font = FONT;
    column.fill = FILL_INPUT;
    column.protection = { locked: false };
    column.numFmt = '@';
    column.alignment = { vertical: 'top', wrapText: true };
  }
  header(ws, EVIDENCE_HEAD, [40, 40, 24, 36, 16, 30]);
  const choices = nodesForClass(compiled.model, cls).map((f) => itemChoice(compiled, f.id));
  const choiceRange = meta.add(choices);
  const prefilled = Object.entries(ev?.evidence ?? {}).flatMap(([node, list]) => list.map((c) => ({ node, c })));
  // The pre-filled rows and a few blank ones are drawn cell by cell (thin borders): what prints on a blank form.
  const border: Partial<ExcelJS.Borders> = { top: { style: 'hair' }, bottom: { style: 'hair' }, left: { style: 'hair' }, right: { style: 'hair' } };
  for (let i = 0; i < prefilled.length + EVIDENCE_PRINTED_BLANK_ROWS; i++) {
    const r = FIRST_ROW + i;
    const p = prefilled[i];
    const values: Array<[number, string | undefined]> = [
      [EVIDENCE_COL.node, p ? itemChoice(compiled, p.node) : undefined],
      [EVIDENCE_COL.title, p?.c.title],
      [EVIDENCE_COL.docNumber, p?.c.docNumber],
      [EVIDENCE_COL.url, p?.c.url],
      [EVIDENCE_COL.date, p?.c.date],
      [EVIDENCE_COL.note, p?.c.note],
    ];
    for (const [col, v] of values) {
      const c = ws.getCell(r, col);
      input(c, true);
      c.border = border;
      c.value = v ?? null;
    }
    if (p) fitRowHeight(ws, r, [EVIDENCE_COL.node, EVIDENCE_COL.title, EVIDENCE_COL.docNumber, EVIDENCE_COL.url, EVIDENCE_COL.note]);
  }
  // Whole-column ranges, not per-cell validations: exceljs 4.4.0 merges equal per-cell validations into overlapping
  // ranges (it sorts addresses as strings, A10 < A2), which LibreOffice honours only in part (exceljs issue #2820).
  const last = FIRST_ROW + prefilled.length + EVIDENCE_BLANK_ROWS - 1;
  const range = (col: number): string => `${colLetter(col)}${FIRST_ROW}:${colLetter(col)}${last}`;
  const dvs = (ws as unknown as { dataValidations: { add(address: string, dv: ExcelJS.DataValidation): void } }).dataValidations;
  dvs.add(range(EVIDENCE_COL.node), { type: 'list', allowBlank: true, formulae: [choiceRange], showErrorMessage: true, errorTitle: '填写有误', error: '请从下拉列表选择评分项' });
  dvs.add(range(EVIDENCE_COL.date), { type: 'textLength', operator: 'equal', formulae: [10], allowBlank: true, showErrorMessage: true, errorTitle: '填写有误', error: '日期请写成 YYYY-MM-DD,例如 2018-01-12' });
}

/**
 * Chinese typography (（）、，、；、：) on what the form itself says — headers, labels, rubric texts, notes and the
 * messages of its checks. The cells the agency fills (unlocked) keep exactly what was typed or pre-filled, so a form
 * still round-trips to the same evidence; the hidden meta sheet (the dropdown lists) is left alone.
 */
function typesetSheet(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === 'string' && cell.protection?.locked !== false) cell.value = chineseTypography(cell.value);
    }),
  );
  const validations = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model;
  for (const dv of Object.values(validations)) {
    if (!dv) continue;
    for (const key of ['error', 'errorTitle', 'prompt', 'promptTitle'] as const) {
      const v = dv[key];
      if (typeof v === 'string') dv[key] = chineseTypography(v);
    }
  }
}

/** Build the form workbook (blank, or pre-filled from `opts.evidence`). */
export async function buildEvidenceWorkbook(compiled: CompiledRubric, opts: XlsxFormOptions = {}): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zwgk-score';
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const ev = opts.evidence;
  const lists = new MetaLists();
  const cls = opts.agencyClass;
  guideSheet(wb, compiled, ev, lists, cls);
  factsSheet(wb, compiled, ev, lists, cls);
  claimsSheet(wb, compiled, ev, cls);
  evidenceSheet(wb, compiled, ev, lists, cls);
  const meta = wb.addWorksheet(SHEET.meta, { state: 'veryHidden' });
  meta.getCell('A1').value = FORM_MARK;
  meta.getCell('B1').value = FORM_VERSION;
  meta.getCell('A2').value = 'rubric.id';
  meta.getCell('B2').value = compiled.rubric.id;
  meta.getCell('A3').value = 'rubric.version';
  meta.getCell('B3').value = compiled.rubric.version;
  meta.getCell('A4').value = 'rubric.hash';
  meta.getCell('B4').value = compiled.hash;
  // The class a form was made for (`init --class`): import refuses it for an agency of another class.
  meta.getCell('A5').value = 'agency.class';
  meta.getCell('B5').value = cls ?? null;
  lists.columns.forEach((values, i) => values.forEach((v, j) => (meta.getCell(j + 1, 4 + i).value = v)));
  for (const ws of wb.worksheets) if (ws.name !== SHEET.meta) typesetSheet(ws);
  for (const ws of wb.worksheets) if (ws.name !== SHEET.meta) await ws.protect('', { ...PROTECT, ...(ws.name === SHEET.evidence ? { insertRows: true } : {}) });
  await meta.protect('', {});
  // Excel and WPS recompute the 自评小计 / 自评总分 formulas on opening (LibreOffice does for files it did not save).
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return wb;
}

/** Serialise a workbook to bytes. */
export async function writeWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  // Fixed entry timestamps: the same input gives byte-identical files.
  return fixZipTimestamps(new Uint8Array(buf as ArrayBuffer));
}
