// The agency register (单位名册): which agencies take part, their class, and which evidence file is each one's.
// `zwgk compare --register 名册.csv|xlsx` uses it to decide duplicated agency codes instead of guessing; the service
// imports agencies from the same files. Input: CSV text or xlsx bytes. Output: AgencyRegister, or diagnostics
// (REGISTER_INVALID) pointing at line/column or sheet!cell. No I/O here except through the caller's bytes.
// exceljs is loaded only when a register is an xlsx file (a comparison without one never pays for it).
import type ExcelJS from 'exceljs';
import { findControlChar } from '../diagnostics/control-chars.js';
import { makeDiagnostic, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { checkZipArchive, countTagsScanner } from '../load/zip-guard.js';

export interface RegisterEntry {
  code: string;
  name: string;
  class?: string;
  /** The evidence file expected from this agency: a path relative to the working folder, or a bare file name. */
  file?: string;
  /** Where the entry was written (`第 3 行` / `名册!A3`), for messages. */
  at: string;
}

export interface AgencyRegister {
  file: string;
  /** Entries by agency code (a Map: codes are user data, never object keys). */
  entries: Map<string, RegisterEntry>;
}

export const REGISTER_LIMITS = { maxBytes: 2 * 1024 * 1024, maxRows: 10_000, maxCellChars: 500 };

/** Accepted column headings (Chinese as offices write them, or the English field names). */
const HEADINGS: Record<'code' | 'name' | 'class' | 'file', readonly string[]> = {
  code: ['单位代码', '代码', 'code'],
  name: ['单位名称', '名称', '单位全称', 'name'],
  class: ['类别', '单位类别', 'class'],
  file: ['证据文件', '文件', '文件名', 'file'],
};
type Column = keyof typeof HEADINGS;

/** Split CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of cells with their columns. */
function splitCsv(text: string): Array<{ line: number; cells: string[] }> | { line: number; reason: string } {
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      if (rows.length > REGISTER_LIMITS.maxRows + 1) return { line, reason: `超过 ${REGISTER_LIMITS.maxRows} 行` };
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) return { line: rowLine, reason: '引号没有闭合' };
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}

/** Rows (with a location each) → entries; the first non-empty row holds the headings. */
function buildRegister(file: string, rows: Array<{ at: (col: number) => string; cells: string[] }>): Result<AgencyRegister> {
  const diags: Diagnostic[] = [];
  const bad = (at: string, reason: string): void => void diags.push(makeDiagnostic('REGISTER_INVALID', { file, reason: `${at}:${reason}` }));
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const head = nonEmpty[0];
  if (!head) return { ok: false, diagnostics: [makeDiagnostic('REGISTER_INVALID', { file, reason: '名册是空的:第一行应为列名(单位代码、单位名称、类别、证据文件)' })] };
  const col = new Map<Column, number>();
  head.cells.forEach((c, i) => {
    const h = c.trim().replace(/^\uFEFF/, '');
    for (const [key, names] of Object.entries(HEADINGS) as Array<[Column, readonly string[]]>) if (names.includes(h) && !col.has(key)) col.set(key, i);
  });
  for (const key of ['code', 'name'] as const) {
    if (!col.has(key)) bad(head.at(0), `第一行缺少列「${HEADINGS[key][0]}」(列名可为 ${HEADINGS[key].join('、')})`);
  }
  if (diags.length > 0) return { ok: false, diagnostics: diags };
  const entries = new Map<string, RegisterEntry>();
  for (const row of nonEmpty.slice(1)) {
    const get = (key: Column): { value: string; at: string } | undefined => {
      const i = col.get(key);
      if (i === undefined) return undefined;
      return { value: (row.cells[i] ?? '').trim(), at: row.at(i) };
    };
    const fields = { code: get('code')!, name: get('name')!, class: get('class'), file: get('file') };
    let ok = true;
    for (const f of Object.values(fields)) {
      if (!f) continue;
      const cc = findControlChar(f.value);
      if (f.value.length > REGISTER_LIMITS.maxCellChars) {
        bad(f.at, `内容超过 ${REGISTER_LIMITS.maxCellChars} 个字符`);
        ok = false;
      } else if (cc) {
        bad(f.at, `含有控制字符 ${cc.name}`);
        ok = false;
      }
    }
    if (!ok) continue;
    if (fields.code.value === '') {
      bad(fields.code.at, '单位代码必填');
      continue;
    }
    if (fields.name.value === '') bad(fields.name.at, '单位名称必填');
    const prev = entries.get(fields.code.value);
    if (prev) {
      bad(fields.code.at, `单位代码 "${fields.code.value}" 与 ${prev.at} 重复`);
      continue;
    }
    entries.set(fields.code.value, {
      code: fields.code.value,
      name: fields.name.value,
      ...(fields.class?.value ? { class: fields.class.value } : {}),
      ...(fields.file?.value ? { file: fields.file.value.replace(/\\/g, '/') } : {}),
      at: fields.code.at,
    });
  }
  if (diags.length > 0) return { ok: false, diagnostics: diags };
  return { ok: true, value: { file, entries }, diagnostics: [] };
}

/** Parse a register saved as CSV (UTF-8, with or without BOM; comma-separated). */
export function parseRegisterCsv(file: string, text: string): Result<AgencyRegister> {
  if (text.length > REGISTER_LIMITS.maxBytes)
    return { ok: false, diagnostics: [makeDiagnostic('REGISTER_INVALID', { file, reason: `文件超过 ${REGISTER_LIMITS.maxBytes} 字节` })] };
  const rows = splitCsv(text.replace(/^\uFEFF/, ''));
  if (!Array.isArray(rows)) return { ok: false, diagnostics: [makeDiagnostic('REGISTER_INVALID', { file, reason: `第 ${rows.line} 行:${rows.reason}` })] };
  return buildRegister(
    file,
    rows.map((r) => ({ cells: r.cells, at: (c: number) => `第 ${r.line} 行第 ${c + 1} 列` })),
  );
}

function columnName(n: number): string {
  let s = '';
  for (let c = n + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function cellString(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && !(v instanceof Date)) {
    const o = v as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (typeof o.text === 'string') return o.text;
    if ('result' in o) return o.result === undefined || o.result === null ? '' : String(o.result);
    return '';
  }
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** Parse a register saved as xlsx: the first worksheet, first row the headings. The archive is checked first. */
export async function parseRegisterXlsx(file: string, bytes: Uint8Array): Promise<Result<AgencyRegister>> {
  const guarded = await checkZipArchive(bytes, {
    file,
    limits: { maxArchiveBytes: REGISTER_LIMITS.maxBytes * 5 },
    scan: (name) =>
      /^xl\/worksheets\/[^/]+\.xml$/i.test(name)
        ? countTagsScanner('row', REGISTER_LIMITS.maxRows + 1, (n) => `工作表 ${name} 有 ${n} 行以上，超过上限 ${REGISTER_LIMITS.maxRows} 行`)
        : undefined,
  });
  if (!guarded.ok) return { ok: false, diagnostics: guarded.diagnostics };
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, diagnostics: [makeDiagnostic('REGISTER_INVALID', { file, reason: '无法读取：文件损坏或不是 Excel 工作簿' })] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { ok: false, diagnostics: [makeDiagnostic('REGISTER_INVALID', { file, reason: '工作簿中没有工作表' })] };
  if (ws.rowCount > REGISTER_LIMITS.maxRows + 1)
    return { ok: false, diagnostics: [makeDiagnostic('REGISTER_INVALID', { file, reason: `工作表「${ws.name}」超过 ${REGISTER_LIMITS.maxRows} 行` })] };
  const width = Math.min(ws.columnCount, 26);
  const rows: Array<{ at: (col: number) => string; cells: string[] }> = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellString(row.getCell(c).value));
    rows.push({ cells, at: (c: number) => `${ws.name}!${columnName(c)}${r}` });
  }
  return buildRegister(file, rows);
}

/** Parse a register by its file name's extension (.csv or .xlsx). */
export async function parseRegister(file: string, bytes: Uint8Array): Promise<Result<AgencyRegister>> {
  if (/\.xlsx$/i.test(file)) return parseRegisterXlsx(file, bytes);
  if (/\.csv$/i.test(file)) {
    if (bytes.length > REGISTER_LIMITS.maxBytes)
      return { ok: false, diagnostics: [makeDiagnostic('REGISTER_INVALID', { file, reason: `文件超过 ${REGISTER_LIMITS.maxBytes} 字节` })] };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, diagnostics: [makeDiagnostic('REGISTER_INVALID', { file, reason: '不是 UTF-8 编码:请在 Excel/WPS 中"另存为"CSV UTF-8' })] };
    }
    return parseRegisterCsv(file, text);
  }
  return { ok: false, diagnostics: [makeDiagnostic('REGISTER_INVALID', { file, reason: '单位名册须为 .csv 或 .xlsx 文件' })] };
}

/**
 * Whether `file` (as the batch shows it: relative to the working folder, forward slashes) is the evidence file the
 * register names: a register path with a folder must match the whole path, a bare name only the file name.
 */
export function isRegisteredFile(entry: RegisterEntry, file: string): boolean {
  if (entry.file === undefined) return true;
  const want = entry.file.replace(/^\.\//, '');
  return want.includes('/') ? want === file.replace(/^\.\//, '') : want === file.slice(file.lastIndexOf('/') + 1);
}
