// Evidence forms: the YAML form parses and explains every fact; the xlsx form round-trips a filled form to exactly
// the evidence it came from; import errors point at sheet!cell; a 2018 form, filled and imported, scores.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseDocument, type Scalar, type YAMLMap } from 'yaml';
import { run } from '../../src/cli.js';
import {
  buildEvidenceWorkbook,
  buildYamlForm,
  formatDiagnostics,
  importEvidenceForm,
  loadRubric,
  parseEvidence,
  scoreEvidence,
  writeWorkbook,
  type CompiledRubric,
  type EvidenceInput,
} from '../../src/index.js';
import { fillForm } from './fill-form.js';
import { chineseTypography } from '../../src/render/chinese-text.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const temp = tempDirs();
afterAll(temp.removeAll);

async function rubric(file: string): Promise<CompiledRubric> {
  const r = await loadRubric(file);
  if (!r.ok) throw new Error(`${file} invalid`);
  return r.value;
}

const SEED_EVIDENCE = 'examples/etuokeqianqi-2017/zhujianju.yaml';

async function blankForm(c: CompiledRubric): Promise<Uint8Array> {
  return writeWorkbook(await buildEvidenceWorkbook(c));
}

describe('YAML form (zwgk init)', () => {
  it('parses, lists every fact the agency fills with its explanation, and a place per item for 自评分 and 佐证材料', async () => {
    const c = await rubric('rubrics/etuokeqianqi-2018.yaml');
    const text = buildYamlForm(c);
    const doc = parseDocument(text);
    expect(doc.errors).toEqual([]);
    const data = doc.toJS() as { facts: Record<string, unknown>; claims: Record<string, unknown>; evidence: Record<string, unknown[]> };
    const filled = Object.entries(c.rubric.facts).filter(([, d]) => !d.derive).map(([id]) => id);
    expect(Object.keys(data.facts)).toEqual(filled);
    expect(Object.values(data.facts).every((v) => v === null)).toBe(true);
    // Labels as the rubric has them, in Chinese typography (（） for ()).
    for (const id of filled) expect(text).toContain(`【${chineseTypography(c.rubric.facts[id]!.label)}】`);
    // Derived facts are named as "do not fill", never offered as keys.
    expect(data.facts).not.toHaveProperty('correctionRate');
    expect(text).toContain('以下事实由细则自动计算，不要填写');
    // Type, allowed values, source and the items using a fact are in its comment.
    expect(text).toMatch(/【政务公开在本部门绩效评估中的分值权重】\n\s+#\s+类型：百分数（0–100，填 5 表示 5%）；单位：%；允许值：0–100；来源：自评材料\n(\s+#.*\n)*?\s+#\s+用于：1\.3\.1 纳入绩效评估，权重不低于5%/);
    // In document order (read from the YAML map: a JS object would move integer-like ids such as "1" first).
    const ids = c.model.nodes.map((n) => n.id);
    const keysOf = (key: string) => (doc.get(key, true) as YAMLMap<Scalar, unknown>).items.map((p) => p.key.value);
    expect(keysOf('claims')).toEqual(ids);
    expect(keysOf('evidence')).toEqual(ids);
    expect(Object.values(data.evidence).every((v) => Array.isArray(v) && v.length === 0)).toBe(true);
  });

  it('once the agency fills name, code and class, the form is valid evidence (blank places are ignored)', async () => {
    const c = await rubric('rubrics/etuokeqianqi-2018.yaml');
    const filled = buildYamlForm(c).replace('name: ""', 'name: 测试局').replace('code: ""', 'code: T1').replace('class: ""', 'class: A').replace(/^ {2}"1\.1":$/m, '  "1.1": 4');
    const e = parseEvidence('form.yaml', filled, c);
    expect(e.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(e.ok && e.value.evidence.claims).toEqual({ '1.1': 4 });
  });

  it('a blank form is not silently valid: name, code (and the year, when the rubric has none) are required', async () => {
    const c = await rubric('rubrics/county-100-table.yaml');
    const e = parseEvidence('form.yaml', buildYamlForm(c), c);
    expect(e.ok).toBe(false);
    expect(e.diagnostics.map((d) => d.path)).toEqual(['agency.name', 'agency.code', 'period.year']);
  });
});

describe('xlsx form (zwgk init --format xlsx / zwgk import)', () => {
  it('round-trips: evidence → blank form filled cell by cell → import → exactly the same evidence', async () => {
    const c = await rubric('rubrics/etuokeqianqi-2017.yaml');
    const original = parse(readFileSync(SEED_EVIDENCE, 'utf8')) as EvidenceInput;
    const filled = await fillForm(await blankForm(c), original);
    const res = await importEvidenceForm(filled, c, { file: 'form.xlsx' });
    expect(res.diagnostics).toEqual([]);
    if (!res.ok) return;
    expect(res.value.evidence).toStrictEqual(original);
    expect(parse(res.value.yaml)).toStrictEqual(original);
  });

  it('round-trips the county example (judgement-free parts), including 整改情况 and a decimal fact', async () => {
    const c = await rubric('rubrics/county-100-table.yaml');
    const { judgements: _j, ...original } = parse(readFileSync('examples/county-100-table/jiaoyuju.yaml', 'utf8')) as EvidenceInput & { judgements: unknown };
    const filled = await fillForm(await blankForm(c), original);
    const res = await importEvidenceForm(filled, c, { file: 'form.xlsx' });
    expect(res.ok && res.value.evidence).toStrictEqual(original);
  });

  it('a pre-filled form (zwgk init --from) imports back to its evidence', async () => {
    const c = await rubric('rubrics/etuokeqianqi-2017.yaml');
    const original = parse(readFileSync(SEED_EVIDENCE, 'utf8')) as EvidenceInput;
    const e = parseEvidence('z.yaml', readFileSync(SEED_EVIDENCE, 'utf8'), c);
    if (!e.ok) throw new Error('seed evidence invalid');
    const bytes = await writeWorkbook(await buildEvidenceWorkbook(c, { evidence: e.value.evidence }));
    const res = await importEvidenceForm(bytes, c, { file: 'form.xlsx' });
    expect(res.ok && res.value.evidence).toStrictEqual(original);
  });

  it('has the sheets, dropdowns, validated ranges and protection an office expects', async () => {
    const c = await rubric('rubrics/etuokeqianqi-2018.yaml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await blankForm(c)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['说明', 'visible'],
      ['事实', 'visible'],
      ['自评分', 'visible'],
      ['佐证材料', 'visible'],
      ['_meta', 'veryHidden'],
    ]);
    const facts = wb.getWorksheet('事实')!;
    // The Chinese label first; the fact id only in the hidden last column (read by import).
    expect(facts.getRow(1).values).toEqual([undefined, '事实', '填写值', '单位', '类型', '允许值/范围', '来源', '用于评分项', '说明', '编号']);
    expect(facts.getColumn(9).hidden).toBe(true);
    expect([1, 2, 3, 4, 5, 6, 7, 8].filter((col) => facts.getColumn(col).hidden)).toEqual([]);
    const row = (id: string) => [...Array(facts.rowCount).keys()].map((i) => i + 1).find((r) => facts.getCell(r, 9).value === id)!;
    expect(facts.getCell(row('leaderHeardReport'), 1).value).toBe(c.rubric.facts.leaderHeardReport!.label);
    // No English id anywhere the clerk reads (the visible columns of every fact row).
    for (let r = 2; r <= facts.rowCount; r++)
      for (let col = 1; col <= 8; col++) expect(String(facts.getCell(r, col).value ?? ''), `事实 row ${r} col ${col}`).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b/);
    // Chinese typography in everything the form says (headers, labels, rubric texts, notes, check messages): no
    // half-width ( ) , ; : next to Chinese text in a locked cell of a visible sheet.
    const halfWidth = /[\u4e00-\u9fff][(),;:]|[(),;:][\u4e00-\u9fff]/;
    for (const ws of wb.worksheets.filter((w) => w.state === 'visible'))
      ws.eachRow((r) => r.eachCell((cell) => void (typeof cell.value === 'string' && cell.protection?.locked !== false && expect(cell.value, `${ws.name}!${cell.address}`).not.toMatch(halfWidth))));
    expect(facts.getCell(row('leaderHeardReport'), 2).dataValidation.error).not.toMatch(halfWidth);
    const bool = facts.getCell(row('leaderHeardReport'), 2);
    expect(bool.dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(bool.protection?.locked).toBe(false);
    expect(facts.getCell(row('performanceWeight'), 2).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] });
    expect(facts.getCell(row('performanceWeight'), 1).protection?.locked).not.toBe(false);
    expect((facts as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    const claims = wb.getWorksheet('自评分')!;
    expect([claims.getCell(2, 1).value, claims.getCell(2, 3).value]).toEqual(['1', 15]);
    expect(wb.getWorksheet('_meta')!.getCell('B2').value).toBe('etuokeqianqi-2018');
    expect(wb.getWorksheet('_meta')!.getCell('B1').value).toBe('2'); // layout 2: label first, id hidden, 自评小计
  });

  it('reports every problem in one round, by sheet, row and column: unreadable cells and evidence findings alike', async () => {
    const c = await rubric('rubrics/etuokeqianqi-2017.yaml');
    const original = parse(readFileSync(SEED_EVIDENCE, 'utf8')) as EvidenceInput;
    // Two rounds before: the unreadable cells first, and only once they were fixed the out-of-range values.
    const filled = await fillForm(await blankForm(c), { ...original, claims: { ...original.claims, '1.3.3': 3 }, facts: { ...original.facts, staffTotal: -1 } }, (wb) => {
      const docs = wb.getWorksheet('佐证材料')!;
      docs.getCell('A40').value = '3.1.1';
      docs.getCell('C40').value = '鄂前住建发〔2018〕1号'; // 文号 without 材料名称
      docs.getCell('A41').value = '3.1.1 加强部门网站建设'; // as chosen from the list
      docs.getCell('B41').value = '会议纪要';
      docs.getCell('E41').value = '2018-02-30'; // refused by the evidence schema: the other checks still run
      const facts = wb.getWorksheet('事实')!;
      facts.getCell('B2').value = '三十'; // proactiveTotal (integer)
      wb.getWorksheet('说明')!.getCell('B7').value = null; // 单位代码 (required)
      wb.getWorksheet('自评分')!.getCell('D3').value = '五'; // 1.1
    });
    const res = await importEvidenceForm(filled, c, { file: 'form.xlsx' });
    expect(res.ok).toBe(false);
    expect(res.diagnostics.map((d) => [d.code, d.file, d.path])).toEqual([
      ['FORM_CELL_INVALID', 'form.xlsx', '说明!B7'], // the schema's "code is empty" is the same cell: not repeated
      ['FORM_CELL_INVALID', 'form.xlsx', '事实!B2'],
      ['FACT_OUT_OF_RANGE', 'form.xlsx', '事实!B52'], // staffTotal, the 51st fact (row 1 is the header)
      ['FORM_CELL_INVALID', 'form.xlsx', '自评分!D3'],
      ['CLAIM_OUT_OF_RANGE', 'form.xlsx', '自评分!D14'], // 1.3.3, the 13th item in document order
      ['FORM_CELL_INVALID', 'form.xlsx', '佐证材料!B40'],
      ['SCHEMA_INVALID', 'form.xlsx', '佐证材料!E41'],
    ]);
    expect(formatDiagnostics(res.diagnostics)).toMatchInlineSnapshot(`
      "form.xlsx 错误 FORM_CELL_INVALID 说明!B7:「单位代码」必填
      form.xlsx 错误 FORM_CELL_INVALID 事实!B2:「主动公开政府信息总数(不同渠道发相同信息计1条)」的填写值 "三十" 不是整数
      form.xlsx 错误 FACT_OUT_OF_RANGE 事实!B52:「从事政务公开工作人员数」的值 -1 超出允许范围 [0, +∞]
      form.xlsx 错误 FORM_CELL_INVALID 自评分!D3:自评分 "五" 不是非负数
      form.xlsx 错误 CLAIM_OUT_OF_RANGE 自评分!D14:自评分 3 超出该项分值范围 [0, 1]
      form.xlsx 错误 FORM_CELL_INVALID 佐证材料!B40:材料名称必填
      form.xlsx 错误 SCHEMA_INVALID 佐证材料!E41:日期不存在:月份应为 01–12,日不能超过当月的天数(实际为 文本 "2018-02-30")
      共 7 个错误，0 个警告"
    `);
    // Through the CLI: the same list on stderr, exit 1, no evidence file written.
    const dir = temp.make('zwgk-form-');
    writeFileSync(join(dir, 'form.xlsx'), filled);
    let stderr = '';
    const io = { stdout: () => undefined, stderr: (s: string) => (stderr += s), cwd: dir };
    expect(await run(['import', 'form.xlsx', '--rubric', join(process.cwd(), 'rubrics/etuokeqianqi-2017.yaml'), '--out', 'evidence.yaml'], io)).toBe(1);
    expect(stderr).toContain('共 7 个错误');
    expect(existsSync(join(dir, 'evidence.yaml'))).toBe(false);
  });

  it('refuses a form made for another rubric, or a workbook that is not a form', async () => {
    const c2017 = await rubric('rubrics/etuokeqianqi-2017.yaml');
    const c2018 = await rubric('rubrics/etuokeqianqi-2018.yaml');
    const res = await importEvidenceForm(await blankForm(c2018), c2017, { file: 'form.xlsx' });
    expect(res.diagnostics.map((d) => d.code)).toEqual(['FORM_INVALID']);
    expect(res.diagnostics[0]!.message).toContain('etuokeqianqi-2018');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const plain = await importEvidenceForm(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), c2017, { file: 'x.xlsx' });
    expect(plain.diagnostics[0]!.message).toContain('不是由 zwgk init 生成的填报表');
    const junk = await importEvidenceForm(new TextEncoder().encode('not a zip'), c2017, { file: 'x.xlsx' });
    // Refused by the zip guard before exceljs sees it (src/load/zip-guard.ts).
    expect(junk.diagnostics[0]!.code).toBe('ARCHIVE_INVALID');
  });

  it('a 2018 form written by the CLI, filled and imported by the CLI, scores', async () => {
    const dir = temp.make('zwgk-form-');
    let stderr = '';
    const io = { stdout: () => undefined, stderr: (s: string) => (stderr += s), cwd: process.cwd() };
    const form = join(dir, 'form.xlsx');
    expect(await run(['init', '--rubric', 'rubrics/etuokeqianqi-2018.yaml', '--format', 'xlsx', '--out', form], io)).toBe(0);
    const c = await rubric('rubrics/etuokeqianqi-2018.yaml');
    const ev: EvidenceInput = {
      rubric: { id: 'etuokeqianqi-2018', version: '2018.1' },
      agency: { name: '鄂托克前旗住房和城乡规划建设局', shortName: '住建局', code: 'etqq-zjj', class: 'A' },
      period: { year: 2018 },
      facts: { leaderHeardReport: true, workMeetings: 2, performanceWeight: 5, trainingSessions: 1, dedicatedUnits: 1, staffTotal: 2 },
      claims: { '1': 15 },
    };
    writeFileSync(form, await fillForm(readFileSync(form), ev));
    const out = join(dir, 'evidence.yaml');
    expect(await run(['import', form, '--rubric', 'rubrics/etuokeqianqi-2018.yaml', '--out', out], io)).toBe(0);
    const e = parseEvidence('evidence.yaml', readFileSync(out, 'utf8'), c);
    if (!e.ok) throw new Error(stderr);
    const report = await scoreEvidence(c, e.value);
    // 1.1.1 (3 + 2) + 1.3.1 (5% ≥ 5%: 2) + 1.3.2 (1) + 1.3.3 (1) = 9 points; everything else lacks evidence.
    expect(report.totals.base).toBe(9);
    expect(report.totals.claimed).toBe(15);
    expect(await run(['import', form, '--rubric', 'rubrics/etuokeqianqi-2017.yaml'], io)).toBe(1);
  });
});
