// Fill a blank xlsx evidence form the way an agency would: open it, type into the shaded cells, save.
// The cells are found by the ids in the 编号 column (column A, or the hidden last column of the 事实 sheet) and by
// header texts (and by labels on the 说明 sheet), never by our own layout constants, so a layout change the importer
// does not follow would break the round-trip test.
import ExcelJS from 'exceljs';
import type { EvidenceInput } from '../../src/index.js';

type Value = string | number | null;

export function rowById(ws: ExcelJS.Worksheet, id: string): number {
  const col = colByHeader(ws, '编号');
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, col).text === id) return r;
  throw new Error(`no row ${id} on ${ws.name}`);
}

export function colByHeader(ws: ExcelJS.Worksheet, header: string): number {
  const row = ws.getRow(1);
  for (let c = 1; c <= row.cellCount; c++) if (row.getCell(c).text.startsWith(header)) return c;
  throw new Error(`no column ${header} on ${ws.name}`);
}

function infoRow(ws: ExcelJS.Worksheet, label: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (String(ws.getCell(r, 1).value ?? '').replace(/\*$/, '') === label) return r;
  throw new Error(`no info row ${label}`);
}

const cellFor = (v: unknown): Value => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'boolean' ? (x ? '是' : '否') : String(x))).join('\n');
  return v as string | number;
};

/** Open the form, type the evidence into it, save. */
export async function fillForm(bytes: Uint8Array, ev: EvidenceInput, edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const guide = wb.getWorksheet('说明')!;
  const info: Array<[string, Value]> = [
    ['单位全称', ev.agency.name],
    ['单位简称', ev.agency.shortName ?? null],
    ['单位代码', ev.agency.code],
    ['单位类别', ev.agency.class ?? null],
    ['考核年度', ev.period.year],
    ['考核期间说明', ev.period.label ?? null],
    ['填表人', ev.preparedBy ?? null],
    ['审核人', ev.reviewedBy ?? null],
    ['填表日期', ev.date ?? null],
  ];
  for (const [label, v] of info) guide.getCell(infoRow(guide, label), 2).value = v;

  const facts = wb.getWorksheet('事实')!;
  const valueCol = colByHeader(facts, '填写值');
  for (const [id, v] of Object.entries(ev.facts ?? {})) facts.getCell(rowById(facts, id), valueCol).value = cellFor(v);

  const claims = wb.getWorksheet('自评分')!;
  const claimCol = colByHeader(claims, '自评分');
  const remCol = colByHeader(claims, '整改情况');
  const naCol = colByHeader(claims, '不适用理由');
  for (const [id, v] of Object.entries(ev.claims ?? {})) claims.getCell(rowById(claims, id), claimCol).value = v;
  for (const [id, v] of Object.entries(ev.remediation ?? {})) claims.getCell(rowById(claims, id), remCol).value = v;
  for (const na of ev.notApplicable ?? []) claims.getCell(rowById(claims, na.node), naCol).value = na.reason;

  const docs = wb.getWorksheet('佐证材料')!;
  // 评分项 as a bare 编号 (import also reads the 「编号 名称」 the dropdown offers).
  const cols = ['评分项', '材料名称', '文号', '网址', '日期', '备注'].map((h) => colByHeader(docs, h));
  let r = 2;
  for (const [node, list] of Object.entries(ev.evidence ?? {})) {
    for (const c of list) {
      [node, c.title, c.docNumber, c.url, c.date, c.note].forEach((v, i) => (docs.getCell(r, cols[i]!).value = v ?? null));
      r++;
    }
  }
  edit?.(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
