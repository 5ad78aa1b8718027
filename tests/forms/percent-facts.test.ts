// Percent facts from Excel: the form shows a percent fact's cell as "5%" for 5, and import reads a cell in a percent
// number format (Excel stores a typed 5% as 0.05) as the percentage it shows. A percent value ≤ 1 against a threshold
// above 1 is warned about, at its cell.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildEvidenceWorkbook, importEvidenceForm, loadRubric, writeWorkbook, type EvidenceInput } from '../../src/index.js';
import { isPercentFormat } from '../../src/forms/import-form.js';
import { PERCENT_FORMAT } from '../../src/forms/xlsx-form.js';
import { colByHeader, fillForm, rowById } from './fill-form.js';

const loaded = await loadRubric('rubrics/etuokeqianqi-2017.yaml');
if (!loaded.ok) throw new Error('seed rubric invalid');
const rubric = loaded.value;
const original = parse(readFileSync('examples/etuokeqianqi-2017/zhujianju.yaml', 'utf8')) as EvidenceInput;

const rowOf = rowById;

/** Fill the seed form and set the performanceWeight cell (value and number format) as a clerk's Excel would. */
async function importWith(value: number | string, numFmt?: string) {
  const bytes = await fillForm(await writeWorkbook(await buildEvidenceWorkbook(rubric)), original, (wb) => {
    const ws = wb.getWorksheet('事实')!;
    const cell = ws.getCell(rowOf(ws, 'performanceWeight'), colByHeader(ws, '填写值'));
    cell.value = value;
    if (numFmt !== undefined) cell.numFmt = numFmt;
  });
  const res = await importEvidenceForm(bytes, rubric, { file: 'form.xlsx' });
  if (!res.ok) throw new Error(JSON.stringify(res.diagnostics));
  return { value: (res.value.evidence.facts as Record<string, unknown>).performanceWeight, diagnostics: res.diagnostics };
}

describe('percent facts in the xlsx form', () => {
  it('the form makes the unit unambiguous: the cell shows a % after the number, and says 5 means 5%', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeWorkbook(await buildEvidenceWorkbook(rubric))) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('事实')!;
    const r = rowOf(ws, 'performanceWeight');
    const value = colByHeader(ws, '填写值');
    expect(ws.getCell(r, value).numFmt).toBe(PERCENT_FORMAT);
    expect(String(ws.getCell(r, colByHeader(ws, '类型')).value)).toContain('填 5 表示 5%');
    expect(ws.getCell(r, value).dataValidation.prompt).toContain('填 5 表示 5%');
    // an integer fact keeps its plain cell
    expect(ws.getCell(rowOf(ws, 'trainingSessions'), value).numFmt).not.toBe(PERCENT_FORMAT);
  });

  it.each([
    // what the clerk's Excel stored → what import reads (hand-computed)
    { name: 'typed 5 into the form cell (shows 5%)', value: 5, numFmt: undefined, expected: 5, warned: false },
    { name: 'typed 5% (Excel stores 0.05 with format 0%)', value: 0.05, numFmt: '0%', expected: 5, warned: false },
    { name: 'typed 4.5% (0.045 with format 0.0%)', value: 0.045, numFmt: '0.0%', expected: 4.5, warned: false },
    { name: 'pasted the text "6%"', value: '6%', numFmt: undefined, expected: 6, warned: false },
    { name: 'typed 0.05 into the form cell', value: 0.05, numFmt: undefined, expected: 0.05, warned: true },
  ])('$name → $expected', async ({ value, numFmt, expected, warned }) => {
    const r = await importWith(value, numFmt);
    expect(r.value).toBe(expected);
    const w = r.diagnostics.filter((d) => d.code === 'PERCENT_SCALE_SUSPECT');
    expect(w.map((d) => [d.severity, d.path])).toEqual(warned ? [['warning', `事实!B${(await rowIndex())}`]] : []);
  });

  it.each([
    ['0%', true],
    ['0.00%', true],
    ['General"%"', false],
    ['0"%"', false],
    ['0\\%', false],
    ['[Red]0.0%', true],
    ['General', false],
    [undefined, false],
  ])('isPercentFormat(%s) = %s', (fmt, want) => {
    expect(isPercentFormat(fmt)).toBe(want);
  });
});

async function rowIndex(): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await writeWorkbook(await buildEvidenceWorkbook(rubric))) as unknown as ExcelJS.Buffer);
  return rowOf(wb.getWorksheet('事实')!, 'performanceWeight');
}
