// Import a filled xlsx form (`zwgk import`): cells → evidence data → YAML, validated like any evidence file.
// Every problem points at its cell (`事实!C12`) in the form file; evidence-level findings (a value out of range, a claim
// above the item's points, an unknown class) are mapped back from their evidence path to the cell they came from.
// Input: the workbook bytes + the compiled rubric. Output: the evidence data and its YAML text, or diagnostics.
import ExcelJS from 'exceljs';
import { checkEvidenceSource } from '../api.js';
import type { CompiledRubric } from '../compile/compile-rubric.js';
import { hasErrors, makeDiagnostic, toDotPath, type Diagnostic, type PathSegment, type Result } from '../diagnostics/diagnostic.js';
import { parseSource } from '../load/parse-source.js';
import { checkZipArchive, countTagsScanner } from '../load/zip-guard.js';
import { EvidenceSchema } from '../schema/evidence-schema.js';
import { parseWithSchema } from '../schema/zod-issues.js';
import type { FactDef } from '../schema/fact-schema.js';
import { cellRef, FIRST_ROW, FORM_MARK, IMPORT_COLUMNS, INFO_FIELDS, SHEET, type InfoKey } from './form-layout.js';
import { claimConflicts } from './claim-conflicts.js';
import { buildYamlForm } from './yaml-form.js';
import { stringify } from 'yaml';
import { dec, formatPoints } from '../score/decimal.js';

export interface ImportedEvidence {
  /** The evidence as plain data (what the YAML parses to). */
  evidence: Record<string, unknown>;
  yaml: string;
}

export interface ImportOptions {
  /** The form's file name, as diagnostics should show it. */
  file: string;
  /** Name of the evidence file being written (for its header comment). */
  outName?: string | undefined;
}

type Cell = ExcelJS.Cell;

/** A form is a few hundred rows; anything far larger is not one (and would only cost memory and time). */
export const FORM_LIMITS = { maxBytes: 10 * 1024 * 1024, maxRows: 20000, maxCells: 200000 };

/** The archive checks of a form: zip limits, then rows and cells per worksheet counted while inflating. */
function checkFormArchive(bytes: Uint8Array, file: string): ReturnType<typeof checkZipArchive> {
  return checkZipArchive(bytes, {
    file,
    limits: { maxArchiveBytes: FORM_LIMITS.maxBytes },
    scan: (name) => {
      // Shared strings are cells' texts: no more of them than cells.
      if (/^xl\/sharedStrings\.xml$/i.test(name))
        return countTagsScanner('si', FORM_LIMITS.maxCells, (n) => `共享字符串表有 ${n} 项以上,超过上限 ${FORM_LIMITS.maxCells} 项`);
      if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) return undefined;
      const rows = countTagsScanner('row', FORM_LIMITS.maxRows, (n) => `工作表 ${name} 有 ${n} 行以上,超过上限 ${FORM_LIMITS.maxRows} 行`);
      const cells = countTagsScanner('c', FORM_LIMITS.maxCells, (n) => `工作表 ${name} 有 ${n} 个单元格以上,超过上限 ${FORM_LIMITS.maxCells} 个`);
      return { push: (chunk) => rows.push(chunk) ?? cells.push(chunk) };
    },
  });
}

function isoDate(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** A cell's value, unwrapped from rich text, hyperlinks and formulas; null when empty. */
export function cellValue(cell: Cell): string | number | boolean | Date | null {
  let v: unknown = cell.value;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; formula?: unknown; error?: unknown };
    if (o.richText) v = o.richText.map((t) => t.text).join('');
    else if ('formula' in o || 'sharedFormula' in o) v = o.result ?? null;
    else if ('text' in o) v = typeof o.text === 'string' ? o.text : (o.text as { richText?: Array<{ text: string }> })?.richText?.map((t) => t.text).join('') ?? null;
    else if ('error' in o) v = null;
  }
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  return String(v);
}

/** As text: numbers and dates as written; null when empty. */
function cellText(cell: Cell): string | null {
  const v = cellValue(cell);
  if (v === null) return null;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return typeof v === 'string' ? v.trim() : String(v);
}

/** Full-width digits, signs, point, comma and percent (０, 1２, ５．５, １０％) typed with a Chinese IME → ASCII. */
export function halfWidthNumber(s: string): string {
  return s.replace(/[\uff10-\uff19\uff0b\uff0d\uff0e\uff0c\uff05]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function toNumber(v: string | number | boolean | Date): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const s = halfWidthNumber(v).trim().replace(/%$/, '').replace(/,/g, '');
    if (/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s)) return Number(s);
  }
  return null;
}

/** Whether an Excel number format scales by 100 (an unquoted, unescaped %), as `0%` or `0.00%` do; `0"%"` does not. */
export function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return bare.includes('%');
}

const BOOL: Record<string, boolean> = { 是: true, 否: false, true: true, false: false, TRUE: true, FALSE: false, 有: true, 无: false };

/** Parse a fact cell by the fact's type; a string describes what is wrong. */
function parseFact(def: FactDef, cell: Cell): { value: unknown } | { error: string } {
  const v = cellValue(cell);
  if (v === null) return { value: null };
  const text = cellText(cell)!;
  switch (def.type) {
    case 'boolean': {
      if (typeof v === 'boolean') return { value: v };
      const b = BOOL[text];
      return b === undefined ? { error: `"${text}" 不是 是/否,请从下拉列表选择` } : { value: b };
    }
    case 'integer': {
      const n = typeof v === 'boolean' || v instanceof Date ? null : toNumber(v);
      return n === null || !Number.isInteger(n) ? { error: `"${text}" 不是整数` } : { value: n };
    }
    case 'number':
    case 'percent': {
      const n = typeof v === 'boolean' || v instanceof Date ? null : toNumber(v);
      if (n === null) return { error: `"${text}" 不是数值` };
      // A percent-formatted cell shows 5% but stores 0.05: read it as the percentage it shows.
      if (def.type === 'percent' && typeof v === 'number' && isPercentFormat(cell.numFmt)) return { value: dec(v).times(100).toNumber() };
      return { value: n };
    }
    case 'date':
      return { value: v instanceof Date ? isoDate(v) : text };
    case 'list': {
      const items = text.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== '');
      if (def.items === 'number' || def.items === 'integer') {
        const nums = items.map((s) => toNumber(s));
        const bad = items.find((_s, i) => nums[i] === null || (def.items === 'integer' && !Number.isInteger(nums[i])));
        return bad !== undefined ? { error: `列表中的 "${bad}" 不是${def.items === 'integer' ? '整数' : '数值'}` } : { value: nums };
      }
      if (def.items === 'boolean') {
        const bad = items.find((s) => BOOL[s] === undefined);
        return bad !== undefined ? { error: `列表中的 "${bad}" 不是 是/否` } : { value: items.map((s) => BOOL[s]) };
      }
      return { value: items };
    }
    default:
      return { value: text };
  }
}

/** Sheets in the order a clerk sees them: diagnostics are sorted by sheet, then row, then column. */
const SHEET_ORDER: string[] = [SHEET.guide, SHEET.facts, SHEET.claims, SHEET.evidence];

/** Sort key of a `工作表!C12` reference: [sheet, row, column]; form-level diagnostics (no cell) come first. */
function cellOrder(ref: string | undefined): [number, number, number] {
  const m = ref === undefined ? null : /^(.+)!([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return [-1, 0, 0];
  const col = [...m[2]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const sheet = SHEET_ORDER.indexOf(m[1]!);
  return [sheet < 0 ? SHEET_ORDER.length : sheet, Number(m[3]), col];
}

/** Every diagnostic of an import in one list, by sheet, row and column (stable: equal places keep their order). */
export function sortByCell(diagnostics: Diagnostic[]): Diagnostic[] {
  const keyed = diagnostics.map((d, i) => ({ d, i, k: cellOrder(d.path) }));
  keyed.sort((x, y) => x.k[0] - y.k[0] || x.k[1] - y.k[1] || x.k[2] - y.k[2] || x.i - y.i);
  return keyed.map((x) => x.d);
}

class Collector {
  readonly diagnostics: Diagnostic[] = [];
  /** Evidence path (dotted) → the cell it came from. */
  readonly cells = new Map<string, string>();
  /** Evidence path (dotted) → its segments (to take a refused value out and check the rest). */
  readonly segments = new Map<string, PathSegment[]>();
  /** Fact id → its Chinese label: evidence findings about a fact name it as the form shows it, not by its id. */
  readonly factLabels = new Map<string, string>();
  /** Cells already reported as errors: evidence findings at the same cell are follow-ons and are not repeated. */
  readonly badCells = new Set<string>();
  /** Evidence paths left out or emptied because their cell was wrong (a finding about them, or their parent, is a follow-on). */
  readonly badPaths = new Set<string>();
  constructor(private readonly file: string) {}
  form(reason: string): void {
    this.diagnostics.push(makeDiagnostic('FORM_INVALID', { file: this.file, reason }));
  }
  cell(ref: string, reason: string, path?: PathSegment[]): void {
    const d = makeDiagnostic('FORM_CELL_INVALID', { file: this.file, reason });
    d.path = ref;
    this.diagnostics.push(d);
    this.badCells.add(ref);
    if (path) this.badPaths.add(toDotPath(path));
  }
  warn(ref: string, reason: string): void {
    const d = makeDiagnostic('FORM_CLAIM_CONFLICT', { file: this.file, reason, severity: 'warning' });
    d.path = ref;
    this.diagnostics.push(d);
  }
  map(path: PathSegment[], ref: string): void {
    const key = toDotPath(path);
    this.cells.set(key, ref);
    this.segments.set(key, path);
  }
  /** Every proper prefix of a bad path (`period` of `period.year`), built once: lookups stay linear on huge forms. */
  private badPrefixes: Set<string> | undefined;
  /** Whether an evidence finding only repeats a cell error already reported (same cell, or a value left out for it). */
  isFollowOn(d: Diagnostic): boolean {
    const p = d.path ?? '';
    if (this.badPaths.has(p)) return true;
    if (!this.badPrefixes) {
      this.badPrefixes = new Set();
      for (const bad of this.badPaths) for (let i = 1; i < bad.length; i++) if (bad[i] === '.' || bad[i] === '[') this.badPrefixes.add(bad.slice(0, i));
    }
    if (p !== '' && this.badPrefixes.has(p)) return true;
    const at = this.relocate(d).path;
    return at !== undefined && this.badCells.has(at);
  }
  /**
   * The longest mapped prefix of a diagnostic's path, found by cutting the path at each `.` / `[` from the end: a few
   * map lookups per diagnostic instead of a scan of every mapped cell (thousands of rows × thousands of diagnostics).
   */
  mappedKey(d: Diagnostic): string | undefined {
    const p = d.path ?? '';
    if (this.cells.has(p)) return p;
    for (let i = p.length - 1; i > 0; i--) if ((p[i] === '.' || p[i] === '[') && this.cells.has(p.slice(0, i))) return p.slice(0, i);
    return undefined;
  }
  /** Point an evidence diagnostic at its cell (longest mapped prefix of its path). */
  relocate(d: Diagnostic): Diagnostic {
    const key = this.mappedKey(d);
    const best = key === undefined ? undefined : this.cells.get(key);
    const { line: _l, column: _c, ...rest } = d;
    const out: Diagnostic = { ...rest, file: this.file };
    if (best !== undefined) out.path = best;
    const segs = key === undefined ? undefined : this.segments.get(key);
    const label = segs?.[0] === 'facts' ? this.factLabels.get(String(segs[1])) : undefined;
    if (label !== undefined) {
      const id = `"${String(segs![1])}"`;
      out.message = out.message.split(`事实 ${id} `).join(`「${label}」`).split(`事实 ${id}`).join(`「${label}」`).split(id).join(`「${label}」`);
    }
    return out;
  }
}

/** A header compared without regard to full- or half-width brackets (网址（URL） = 网址(URL)) or surrounding spaces. */
function headerKey(h: string): string {
  return h.trim().replace(/（/g, '(').replace(/）/g, ')');
}

/**
 * The columns import reads, found by their header text in row 1 (forms of layout 1 had the fact id in column A; the
 * current layout shows the Chinese label first and keeps the id in a hidden last column). Null, with a form-level
 * error naming the sheet, when a header is missing.
 */
function columnsByHeader(ws: ExcelJS.Worksheet, sheet: string, wanted: Readonly<Record<string, string | readonly string[]>>, c: Collector): Record<string, number> | null {
  const found = new Map<string, number>();
  const width = Math.min(ws.getRow(1).cellCount, 100);
  for (let col = 1; col <= width; col++) {
    const t = cellText(ws.getCell(1, col));
    if (t !== null && !found.has(headerKey(t))) found.set(headerKey(t), col);
  }
  const names = (h: string | readonly string[]): readonly string[] => (typeof h === 'string' ? [h] : h);
  const at = (h: string | readonly string[]): number | undefined => names(h).map((n) => found.get(headerKey(n))).find((x) => x !== undefined);
  const missing = Object.values(wanted).filter((h) => at(h) === undefined).map((h) => names(h)[0]!);
  if (missing.length > 0) {
    c.form(`「${sheet}」表第 1 行找不到「${missing.join('」「')}」列：表头被改动过，或不是 zwgk init 生成的表格；请用 zwgk init 重新生成填报表，把内容抄入新表后再导入`);
    return null;
  }
  return Object.fromEntries(Object.entries(wanted).map(([k, h]) => [k, at(h)!]));
}

function readInfo(ws: ExcelJS.Worksheet, c: Collector): Map<InfoKey, { value: string | number | boolean | Date | null; ref: string; cell: Cell }> {
  const rows = new Map<string, number>();
  for (let r = 1; r <= Math.min(ws.rowCount, 80); r++) {
    const label = cellText(ws.getCell(r, 1));
    if (label) rows.set(label.replace(/\*$/, ''), r);
  }
  const out = new Map<InfoKey, { value: string | number | boolean | Date | null; ref: string; cell: Cell }>();
  for (const f of INFO_FIELDS) {
    const r = rows.get(f.label);
    if (r === undefined) {
      c.form(`「${SHEET.guide}」表中找不到「${f.label}」一行,表单可能被改动,请重新生成`);
      continue;
    }
    const cell = ws.getCell(r, 2);
    out.set(f.key, { value: cellValue(cell), ref: cellRef(SHEET.guide, r, 2), cell });
  }
  return out;
}

/** Stands in for a required text left out because its cell was wrong, so the rest can still be checked. */
const PLACEHOLDER = '(待填)';

/** Take a refused value out of the evidence (a required one is replaced by a stand-in); false when nothing changed. */
function takeOut(data: Record<string, unknown>, path: PathSegment[], year: number): boolean {
  let at: unknown = data;
  for (const seg of path.slice(0, -1)) {
    if (at === null || typeof at !== 'object') return false;
    at = (at as Record<string | number, unknown>)[seg];
  }
  const last = path[path.length - 1]!;
  if (at === null || typeof at !== 'object' || !Object.prototype.hasOwnProperty.call(at, last)) return false;
  const obj = at as Record<string | number, unknown>;
  const key = toDotPath(path);
  const required = key === 'agency.name' || key === 'agency.code' || last === 'title';
  const stand = key === 'period.year' ? year : required ? PLACEHOLDER : undefined;
  if (stand !== undefined) {
    if (obj[last] === stand) return false;
    obj[last] = stand;
  } else delete obj[last];
  return true;
}

/**
 * Validate the evidence like any evidence file, without stopping at the first kind of problem: values refused for
 * their shape (and cells already reported) are taken out and the rest is checked again (a few rounds at most), so the
 * clerk gets every problem at once. `parsed` is false when the YAML itself could not be read back.
 */
function validateAll(evidence: Record<string, unknown>, yaml: string, compiled: CompiledRubric, c: Collector, file: string): { diagnostics: Diagnostic[]; parsed: boolean } {
  const year = compiled.rubric.year ?? 2000;
  const data = structuredClone(evidence);
  let changed = false;
  for (const bad of c.badPaths) {
    const segs = c.segments.get(bad);
    if (segs) changed = takeOut(data, segs, year) || changed;
  }
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  let text = changed ? stringify(data, { lineWidth: 0 }) : yaml;
  for (let round = 0; round < 4; round++) {
    const src = parseSource(file, text);
    if (!src.ok) return { diagnostics: [...out, ...src.diagnostics], parsed: false };
    const checked = checkEvidenceSource(src.value, compiled);
    for (const d of checked.diagnostics) {
      const key = `${d.code}\u0000${d.path ?? ''}\u0000${d.message}`;
      if (!seen.has(key)) out.push(d);
      seen.add(key);
    }
    // The shape was accepted: every later check has run, nothing more to find.
    if (parseWithSchema(EvidenceSchema, src.value).ok) break;
    let pruned = false;
    for (const d of checked.diagnostics) {
      const key = d.severity === 'error' ? c.mappedKey(d) : undefined;
      if (key !== undefined) pruned = takeOut(data, c.segments.get(key)!, year) || pruned;
    }
    if (!pruned) break;
    text = stringify(data, { lineWidth: 0 });
  }
  return { diagnostics: out, parsed: true };
}

/** Turn a filled form into evidence, validate it against the rubric, and render it as YAML. */
export async function importEvidenceForm(bytes: Uint8Array, compiled: CompiledRubric, opts: ImportOptions): Promise<Result<ImportedEvidence>> {
  const c = new Collector(opts.file);
  // Refuse decompression bombs and oversized sheets from the zip directory and a streamed row count, before
  // exceljs builds anything in memory (src/load/zip-guard.ts).
  const guarded = await checkFormArchive(bytes, opts.file);
  if (!guarded.ok) return { ok: false, diagnostics: guarded.diagnostics };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    // exceljs's own message is English internals; the zip itself was readable, so its content is not a workbook.
    c.form('无法读取 xlsx 文件:文件损坏或不是 Excel 工作簿,请用 Excel 或 WPS 打开后重新"另存为" .xlsx');
    return { ok: false, diagnostics: c.diagnostics };
  }
  const meta = wb.getWorksheet(SHEET.meta);
  if (!meta || cellText(meta.getCell('A1')) !== FORM_MARK) {
    c.form(`不是由 zwgk init 生成的填报表(缺少隐藏的 ${SHEET.meta} 工作表);请用 zwgk init --format xlsx 生成表单后填写`);
    return { ok: false, diagnostics: c.diagnostics };
  }
  const r = compiled.rubric;
  const formId = cellText(meta.getCell('B2'));
  const formVersion = cellText(meta.getCell('B3'));
  if (formId !== r.id || formVersion !== r.version) {
    c.form(`这份填报表对应细则 ${formId ?? '?'} 版本 ${formVersion ?? '?'},与 --rubric 指定的 ${r.id} 版本 ${r.version} 不一致`);
    return { ok: false, diagnostics: c.diagnostics };
  }
  const sheets = Object.fromEntries([SHEET.guide, SHEET.facts, SHEET.claims, SHEET.evidence].map((n) => [n, wb.getWorksheet(n)]));
  for (const [name, ws] of Object.entries(sheets)) {
    if (!ws) c.form(`缺少工作表「${name}」,表单可能被改动,请重新生成`);
    else if (ws.rowCount > FORM_LIMITS.maxRows) c.form(`工作表「${name}」有 ${ws.rowCount} 行,超过上限 ${FORM_LIMITS.maxRows} 行`);
  }
  if (c.diagnostics.length > 0) return { ok: false, diagnostics: c.diagnostics };
  const factCol = columnsByHeader(sheets[SHEET.facts]!, SHEET.facts, IMPORT_COLUMNS.facts, c) as Record<'id' | 'value', number> | null;
  const claimCol = columnsByHeader(sheets[SHEET.claims]!, SHEET.claims, IMPORT_COLUMNS.claims, c) as Record<'id' | 'claim' | 'remediation' | 'notApplicable', number> | null;
  const evidenceCol = columnsByHeader(sheets[SHEET.evidence]!, SHEET.evidence, IMPORT_COLUMNS.evidence, c) as Record<'node' | 'title' | 'docNumber' | 'url' | 'date' | 'note', number> | null;
  if (!factCol || !claimCol || !evidenceCol) return { ok: false, diagnostics: c.diagnostics };

  // 单位信息
  const info = readInfo(sheets[SHEET.guide]!, c);
  const text = (key: InfoKey, path: PathSegment[], required = false): string | undefined => {
    const f = info.get(key);
    if (!f) return undefined;
    c.map(path, f.ref);
    const t = cellText(f.cell) ?? undefined;
    if (required && t === undefined) c.cell(f.ref, `「${INFO_FIELDS.find((x) => x.key === key)!.label}」必填`, path);
    return t;
  };
  const agency: Record<string, unknown> = {};
  agency.name = text('agency.name', ['agency', 'name'], true) ?? '';
  const shortName = text('agency.shortName', ['agency', 'shortName']);
  if (shortName !== undefined) agency.shortName = shortName;
  agency.code = text('agency.code', ['agency', 'code'], true) ?? '';
  const cls = text('agency.class', ['agency', 'class']);
  if (cls !== undefined) agency.class = cls;
  // A form made for one class (`init --class B`) lists only that class's items: it cannot serve another class.
  const formClass = cellText(meta.getCell('B5'));
  const classCell = info.get('agency.class');
  if (formClass !== null && cls !== formClass && classCell)
    c.cell(classCell.ref, `这份填报表是按单位类别「${formClass}」生成的（只列出该类别的评分项和事实），「单位类别」应为 ${formClass}${cls !== undefined ? `，不能填“${cls}”` : ''}；其他类别的单位请用 zwgk init --class <类别> 生成本类别的填报表`, ['agency', 'class']);
  const period: Record<string, unknown> = {};
  const yearCell = info.get('period.year');
  if (yearCell) {
    c.map(['period', 'year'], yearCell.ref);
    const y = yearCell.value === null || yearCell.value instanceof Date || typeof yearCell.value === 'boolean' ? null : toNumber(yearCell.value);
    if (yearCell.value === null) c.cell(yearCell.ref, '「考核年度」必填', ['period', 'year']);
    else if (y === null || !Number.isInteger(y)) c.cell(yearCell.ref, `"${cellText(yearCell.cell)}" 不是四位年份`, ['period', 'year']);
    else period.year = y;
  }
  const label = text('period.label', ['period', 'label']);
  if (label !== undefined) period.label = label;
  const evidence: Record<string, unknown> = { rubric: { id: r.id, version: r.version }, agency, period };
  const preparedBy = text('preparedBy', ['preparedBy']);
  if (preparedBy !== undefined) evidence.preparedBy = preparedBy;
  const reviewedBy = text('reviewedBy', ['reviewedBy']);
  if (reviewedBy !== undefined) evidence.reviewedBy = reviewedBy;
  const date = text('date', ['date']);
  if (date !== undefined) evidence.date = date;

  // 事实
  const facts: Record<string, unknown> = {};
  const fws = sheets[SHEET.facts]!;
  for (let row = FIRST_ROW; row <= fws.rowCount; row++) {
    const id = cellText(fws.getCell(row, factCol.id));
    if (id === null) continue;
    const def = r.facts[id];
    if (!def || def.derive) {
      c.cell(cellRef(SHEET.facts, row, factCol.id), `未知的事实编号 "${id}"(编号列不应修改),请重新生成表单`);
      continue;
    }
    const ref = cellRef(SHEET.facts, row, factCol.value);
    c.map(['facts', id], ref);
    c.factLabels.set(id, def.label);
    const parsed = parseFact(def, fws.getCell(row, factCol.value));
    if ('error' in parsed) c.cell(ref, `「${def.label}」的填写值 ${parsed.error}`, ['facts', id]);
    else facts[id] = parsed.value;
  }
  evidence.facts = facts;

  // 自评分、整改情况、合理缺项
  const claims: Record<string, number> = {};
  const remediation: Record<string, string> = {};
  const notApplicable: Array<{ node: string; reason: string }> = [];
  const claimRefs = new Map<string, string>();
  const cws = sheets[SHEET.claims]!;
  for (let row = FIRST_ROW; row <= cws.rowCount; row++) {
    const id = cellText(cws.getCell(row, claimCol.id));
    if (id === null) continue;
    if (!compiled.model.byId.has(id)) {
      c.cell(cellRef(SHEET.claims, row, claimCol.id), `未知的评分项编号 "${id}"(编号列不应修改),请重新生成表单`);
      continue;
    }
    const claimCell = cws.getCell(row, claimCol.claim);
    const cv = cellValue(claimCell);
    if (cv !== null) {
      const ref = cellRef(SHEET.claims, row, claimCol.claim);
      const n = typeof cv === 'boolean' || cv instanceof Date ? null : toNumber(cv);
      if (n === null || n < 0) c.cell(ref, `自评分 "${cellText(claimCell)}" 不是非负数`, ['claims', id]);
      else {
        claims[id] = n;
        claimRefs.set(id, ref);
        c.map(['claims', id], ref);
      }
    }
    const rem = cellText(cws.getCell(row, claimCol.remediation));
    if (rem !== null) {
      remediation[id] = rem;
      c.map(['remediation', id], cellRef(SHEET.claims, row, claimCol.remediation));
    }
    const na = cellText(cws.getCell(row, claimCol.notApplicable));
    if (na !== null) {
      c.map(['notApplicable', notApplicable.length], cellRef(SHEET.claims, row, claimCol.notApplicable));
      notApplicable.push({ node: id, reason: na });
    }
  }

  // A claim on an item and claims below it that disagree: the item's own claim is what counts.
  for (const x of claimConflicts(compiled.model, claims)) {
    const title = compiled.model.byId.get(x.parent)!.node.title;
    const below = x.below.map((id) => `${claimRefs.get(id)}（${id}）`).join('、');
    c.warn(
      claimRefs.get(x.parent)!,
      `「${x.parent} ${title}」填了自评分 ${formatPoints(x.parentClaim, 4)} 分，下级 ${below}也填了自评分，合计 ${formatPoints(x.belowSum, 4)} 分，两处不一致。` +
        `上级和下级只需填一处；都填时上级应等于下级之和。评分时以上级的 ${formatPoints(x.parentClaim, 4)} 分计入自评总分，请核对`,
    );
  }

  // 佐证材料
  const cites: Record<string, Array<Record<string, string>>> = {};
  const ews = sheets[SHEET.evidence]!;
  for (let row = FIRST_ROW; row <= ews.rowCount; row++) {
    const get = (col: number): string | null => cellText(ews.getCell(row, col));
    // 「1.1.1 主要领导听取汇报」 as chosen from the list, or a bare 编号 (typed, or a layout-1 form).
    const chosen = get(evidenceCol.node);
    const head = chosen?.split(/\s+/)[0];
    const node = chosen !== null && head !== undefined && !compiled.model.byId.has(chosen) && compiled.model.byId.has(head) ? head : chosen;
    const fields = { title: get(evidenceCol.title), docNumber: get(evidenceCol.docNumber), url: get(evidenceCol.url), date: get(evidenceCol.date), note: get(evidenceCol.note) };
    if (node === null && Object.values(fields).every((v) => v === null)) continue;
    if (node === null) {
      c.cell(cellRef(SHEET.evidence, row, evidenceCol.node), '请选择这份材料对应的评分项编号');
      continue;
    }
    if (fields.title === null) {
      c.cell(cellRef(SHEET.evidence, row, evidenceCol.title), '材料名称必填');
      continue;
    }
    const list = (cites[node] ??= []);
    const cite: Record<string, string> = {};
    for (const [k, v] of Object.entries(fields)) if (v !== null) cite[k] = v;
    const base: PathSegment[] = ['evidence', node, list.length];
    if (list.length === 0) c.map(['evidence', node], cellRef(SHEET.evidence, row, evidenceCol.node));
    c.map(base, cellRef(SHEET.evidence, row, evidenceCol.title));
    for (const [k, col] of [['docNumber', evidenceCol.docNumber], ['url', evidenceCol.url], ['date', evidenceCol.date], ['note', evidenceCol.note]] as const)
      c.map([...base, k], cellRef(SHEET.evidence, row, col));
    list.push(cite);
  }
  if (Object.keys(cites).length > 0) evidence.evidence = cites;
  if (Object.keys(claims).length > 0) evidence.claims = claims;
  if (notApplicable.length > 0) evidence.notApplicable = notApplicable;
  if (Object.keys(remediation).length > 0) evidence.remediation = remediation;
  c.map(['rubric'], cellRef(SHEET.guide, 2, 2));

  // Validate like any evidence file, then point findings at their cells.
  const header = [`由 zwgk import 从填报表 ${opts.file} 导入${opts.outName ? `,保存为 ${opts.outName}` : ''}`];
  const shaped = EvidenceSchema.safeParse(evidence);
  const yaml = shaped.success ? buildYamlForm(compiled, { evidence: shaped.data, blank: false, header }) : stringify(evidence, { lineWidth: 0 });
  // Cell errors do not stop here: what could be read is validated too, so every problem is reported in one round
  // (findings that only repeat a cell error are dropped), sorted by sheet, row and column.
  const found = validateAll(evidence, yaml, compiled, c, opts.outName ?? 'evidence.yaml');
  const diagnostics = sortByCell([...c.diagnostics, ...found.diagnostics.filter((d) => !c.isFollowOn(d)).map((d) => c.relocate(d))]);
  if (!found.parsed || hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, value: { evidence, yaml }, diagnostics };
}
