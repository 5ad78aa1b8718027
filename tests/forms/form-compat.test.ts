// Forms already handed out keep importing after the layout change: import finds its columns by header text, so a
// form of layout 1 (fact id in column A, no 自评小计 column; fixtures/form-layout-1-etuokeqianqi-2017.xlsx, written by
// the previous `zwgk init`) reads exactly like a current one; a form whose headers were changed is refused, naming
// the sheet and saying to regenerate.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildEvidenceWorkbook, importEvidenceForm, loadRubric, writeWorkbook, type EvidenceInput } from '../../src/index.js';
import { fillForm } from './fill-form.js';

const loaded = await loadRubric('rubrics/etuokeqianqi-2017.yaml');
if (!loaded.ok) throw new Error('seed rubric invalid');
const c = loaded.value;
const seed = parse(readFileSync('examples/etuokeqianqi-2017/zhujianju.yaml', 'utf8')) as EvidenceInput;
const LAYOUT_1 = readFileSync('tests/forms/fixtures/form-layout-1-etuokeqianqi-2017.xlsx');

describe('forms of the previous layout', () => {
  it('the fixture is a layout-1 form: fact id in column A, no 自评小计', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(LAYOUT_1 as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('事实')!.getRow(1).values).toEqual([undefined, '编号', '事实', '填写值', '单位', '类型', '允许值/范围', '来源', '用于评分项', '说明']);
    expect(wb.getWorksheet('自评分')!.getRow(1).values).toEqual([undefined, '编号', '评分项', '分值', '自评分', '整改情况', '不适用理由(合理缺项)']);
    expect(wb.getWorksheet('_meta')!.getCell('B1').value).toBe('1');
  });

  it('a filled layout-1 form imports to exactly the evidence typed into it, as a current form does', async () => {
    const old = await importEvidenceForm(await fillForm(LAYOUT_1, seed), c, { file: 'old.xlsx' });
    expect(old.diagnostics).toEqual([]);
    expect(old.ok && old.value.evidence).toStrictEqual(seed);
    const current = await importEvidenceForm(await fillForm(await writeWorkbook(await buildEvidenceWorkbook(c)), seed), c, { file: 'new.xlsx' });
    expect(current.ok && current.value.yaml.replace('new.xlsx', 'old.xlsx')).toBe(old.ok && old.value.yaml);
  });

  it('a layout-1 form with a bad cell points at that cell in its own layout (fact values in column C)', async () => {
    const bad = await fillForm(LAYOUT_1, seed, (wb) => (wb.getWorksheet('事实')!.getCell('C2').value = '三十'));
    const res = await importEvidenceForm(bad, c, { file: 'old.xlsx' });
    expect(res.diagnostics.map((d) => [d.code, d.path])).toEqual([['FORM_CELL_INVALID', '事实!C2']]);
  });

  it.each([
    ['事实', 'B1', '填的值', '「事实」表第 1 行找不到「填写值」列'],
    ['自评分', 'A1', '序号', '「自评分」表第 1 行找不到「编号」列'],
    ['佐证材料', 'B1', '名称', '「佐证材料」表第 1 行找不到「材料名称」列'],
    ['佐证材料', 'A1', '编号', '「佐证材料」表第 1 行找不到「评分项（从下拉列表选择）」列'],
  ])('a changed header on 「%s」 (%s → %s) is refused with the sheet named and a way out', async (sheet, cell, header, expected) => {
    const bytes = await fillForm(await writeWorkbook(await buildEvidenceWorkbook(c)), seed, (wb) => (wb.getWorksheet(sheet)!.getCell(cell).value = header));
    const res = await importEvidenceForm(bytes, c, { file: 'form.xlsx' });
    expect(res.ok).toBe(false);
    expect(res.diagnostics.map((d) => d.code)).toEqual(['FORM_INVALID']);
    expect(res.diagnostics[0]!.message).toBe(`${expected}：表头被改动过，或不是 zwgk init 生成的表格；请用 zwgk init 重新生成填报表，把内容抄入新表后再导入`);
  });
});
