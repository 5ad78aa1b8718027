// The agency register (单位名单) from a CSV or xlsx file: 单位代码, 单位名称, 简称, 类别, 联系人 (a header row names
// the columns, in Chinese or as code/name/shortName/class/contact). Pure: bytes in, rows or Chinese errors out
// (each naming the line, or sheet!cell). xlsx archives pass the zip guard before exceljs opens them.
import ExcelJS from 'exceljs';
import { checkZipArchive } from '../../load/zip-guard.js';
import { invalid, ServiceError } from './errors.js';

export interface RegisterRow {
  code: string;
  name: string;
  shortName: string | null;
  class: string | null;
  contact: string | null;
}

export const REGISTER_LIMITS = { maxBytes: 2 * 1024 * 1024, maxRows: 5000 };

const HEADERS: Record<keyof RegisterRow, string[]> = {
  code: ['单位代码', '代码', 'code'],
  name: ['单位名称', '名称', '单位', 'name'],
  shortName: ['简称', 'shortname', 'short_name'],
  class: ['类别', '分类', '类', 'class'],
  contact: ['联系人', '联系方式', 'contact'],
};

/** Split CSV text into rows (RFC 4180 quotes; BOM dropped). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

async function readXlsxRows(bytes: Uint8Array, file: string): Promise<string[][]> {
  const guard = await checkZipArchive(bytes, { file });
  if (!guard.ok) throw invalid(`${file}:${guard.diagnostics[0]?.message ?? '不是有效的 xlsx 文件'}`, guard.diagnostics);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw invalid(`${file}:无法读取 xlsx 文件(文件损坏或不是 Excel 文件)`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw invalid(`${file}:工作簿中没有工作表`);
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    if (n > REGISTER_LIMITS.maxRows + 1) return;
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(r.cellCount, 20); c++) cells.push(r.getCell(c).text ?? '');
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

const clean = (s: string | undefined): string => (s ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();

/**
 * Parse a register file.
 * @throws ServiceError INVALID naming the line (CSV 第N行, xlsx 第N行) and what was expected
 */
export async function parseRegister(file: string, bytes: Uint8Array): Promise<RegisterRow[]> {
  if (bytes.length > REGISTER_LIMITS.maxBytes) throw new ServiceError('TOO_LARGE', `${file}:单位名单文件过大(上限 ${REGISTER_LIMITS.maxBytes / 1024 / 1024} MiB)`);
  const isXlsx = bytes[0] === 0x50 && bytes[1] === 0x4b;
  let rows: string[][];
  if (isXlsx) rows = await readXlsxRows(bytes, file);
  else {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw invalid(`${file}:不是 UTF-8 编码的 CSV 文件(请在 Excel 中另存为"CSV UTF-8")`);
    }
    rows = parseCsv(text);
  }
  const nonEmpty = rows.findIndex((r) => r.some((c) => clean(c) !== ''));
  if (nonEmpty < 0) throw invalid(`${file}:文件是空的,应有表头行(单位代码、单位名称、简称、类别、联系人)`);
  const header = rows[nonEmpty]!.map((h) => clean(h).toLowerCase());
  const col = {} as Record<keyof RegisterRow, number>;
  for (const key of Object.keys(HEADERS) as Array<keyof RegisterRow>) col[key] = header.findIndex((h) => HEADERS[key].includes(h));
  if (col.code < 0 || col.name < 0) throw invalid(`${file} 第 ${nonEmpty + 1} 行:表头应包含"单位代码"和"单位名称"两列,实际为:${header.join('、') || '(空)'}`);
  const out: RegisterRow[] = [];
  const seen = new Map<string, number>();
  for (let i = nonEmpty + 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (!r.some((c) => clean(c) !== '')) continue;
    if (out.length >= REGISTER_LIMITS.maxRows) throw invalid(`${file}:单位超过 ${REGISTER_LIMITS.maxRows} 个`);
    const line = i + 1;
    const get = (k: keyof RegisterRow): string => (col[k] >= 0 ? clean(r[col[k]]) : '');
    const code = get('code');
    const name = get('name');
    if (!code) throw invalid(`${file} 第 ${line} 行:缺少单位代码`);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(code)) throw invalid(`${file} 第 ${line} 行:单位代码"${code.slice(0, 64)}"只能由字母、数字、点、下划线和连字符组成(不超过 64 个字符)`);
    if (!name) throw invalid(`${file} 第 ${line} 行:缺少单位名称`);
    if (name.length > 200) throw invalid(`${file} 第 ${line} 行:单位名称超过 200 个字符`);
    const prev = seen.get(code);
    if (prev !== undefined) throw invalid(`${file} 第 ${line} 行:单位代码 ${code} 与第 ${prev} 行重复`);
    seen.set(code, line);
    out.push({ code, name, shortName: get('shortName').slice(0, 50) || null, class: get('class').slice(0, 20) || null, contact: get('contact').slice(0, 200) || null });
  }
  if (out.length === 0) throw invalid(`${file}:表头之后没有单位`);
  return out;
}
