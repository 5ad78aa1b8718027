// Full-width digits typed with a Chinese input method (０, 1２, ５．５, １０％) are read as numbers on import, not refused.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildEvidenceWorkbook, importEvidenceForm, loadRubric, writeWorkbook, type EvidenceInput } from '../../src/index.js';
import { halfWidthNumber } from '../../src/forms/import-form.js';
import { colByHeader, fillForm, rowById } from './fill-form.js';

const loaded = await loadRubric('rubrics/etuokeqianqi-2017.yaml');
if (!loaded.ok) throw new Error('seed rubric invalid');
const rubric = loaded.value;
const original = parse(readFileSync('examples/etuokeqianqi-2017/zhujianju.yaml', 'utf8')) as EvidenceInput;

const rowOf = rowById;

describe('full-width digits', () => {
  it.each([
    ['０', '0'],
    ['1２', '12'],
    ['５．５', '5.5'],
    ['１０％', '10%'],
    ['－３', '-3'],
  ])('halfWidthNumber(%j) = %j', (typed, expected) => expect(halfWidthNumber(typed)).toBe(expected));

  it('a fact typed as 1２ and a claim typed as ５ import as 12 and 5', async () => {
    const bytes = await fillForm(await writeWorkbook(await buildEvidenceWorkbook(rubric)), original, (wb) => {
      const facts = wb.getWorksheet('事实')!;
      facts.getCell(rowOf(facts, 'trainingSessions'), colByHeader(facts, '填写值')).value = '1２';
      const claims = wb.getWorksheet('自评分')!;
      claims.getCell(rowOf(claims, '1.1'), colByHeader(claims, '自评分')).value = '５';
    });
    const res = await importEvidenceForm(bytes, rubric, { file: 'form.xlsx' });
    if (!res.ok) throw new Error(JSON.stringify(res.diagnostics));
    expect((res.value.evidence.facts as Record<string, unknown>).trainingSessions).toBe(12);
    expect((res.value.evidence.claims as Record<string, unknown>)['1.1']).toBe(5);
  });
});
