// `--class B`: an agency gets only the items and facts that apply to its class (the 2018 rubric's A类 6.2.1/6.3.1
// against B类 6.2.1B/6.3.1B), in the YAML form, the xlsx form and the blank 自查评分表; unknown classes are refused in
// Chinese with the known ones listed; a class-B xlsx form refuses an agency that says it is of class A.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importEvidenceForm, loadRubric, type CompiledRubric, type EvidenceInput } from '../../src/index.js';
import { appliesToClass, classProblem, nodesForClass } from '../../src/model/class-scope.js';
import { cli, tempDirs } from '../helpers/cli.js';
import { colByHeader, fillForm } from './fill-form.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());
const R2018 = 'rubrics/etuokeqianqi-2018.yaml';

async function rubric(file: string): Promise<CompiledRubric> {
  const r = await loadRubric(file);
  if (!r.ok) throw new Error(`${file} invalid`);
  return r.value;
}

/** The ids in a sheet's 编号 column (found by header), in order. */
function idsOf(ws: ExcelJS.Worksheet): string[] {
  const col = colByHeader(ws, '编号');
  const out: string[] = [];
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, col).text !== '') out.push(ws.getCell(r, col).text);
  return out;
}

describe('class scope (src/model/class-scope.ts)', () => {
  it.each([
    // id, class → applies (hand-read from the 2018 rubric: 6.2.1 and 6.3.1 are A类, 6.2.1B and 6.3.1B are B类)
    ['6.2.1', 'A', true],
    ['6.2.1', 'B', false],
    ['6.2.1B', 'B', true],
    ['6.2.1B', 'A', false],
    ['6.3.1B', 'B', true],
    ['6.2', 'B', true],
    ['1.1.1', 'B', true],
    ['6.2.1', undefined, true],
  ] as const)('%s for class %s: %s', async (id, cls, want) => {
    expect(appliesToClass((await rubric(R2018)).model, id, cls)).toBe(want);
  });

  it('nodesForClass keeps document order and drops whole subtrees; classProblem names the known classes', async () => {
    const c = await rubric(R2018);
    const b = nodesForClass(c.model, 'B').map((f) => f.id);
    const all = c.model.nodes.map((f) => f.id);
    expect(all.filter((id) => !b.includes(id))).toEqual(['6.2.1', '6.3.1']);
    expect(b.filter((id) => id.endsWith('B'))).toEqual(['6.2.1B', '6.3.1B']);
    expect(nodesForClass(c.model, undefined)).toBe(c.model.nodes);
    expect(classProblem(c.model, 'B')).toBeNull();
    expect(classProblem(c.model, 'C')).toBe('未知的单位类别“C”，细则 etuokeqianqi-2018 的类别为：A、B');
    expect(classProblem((await rubric('rubrics/county-100-table.yaml')).model, 'B')).toMatch(/^细则 county-100-table 没有划分单位类别/);
  });
});

describe('zwgk init --class', () => {
  it('YAML: only class B items and facts, the class filled in', async () => {
    const r = await cli(['init', '--rubric', R2018, '--class', 'B']);
    expect(r.code).toBe(0);
    const data = parse(r.stdout) as { agency: { class: string }; facts: Record<string, unknown>; claims: Record<string, unknown>; evidence: Record<string, unknown> };
    expect(data.agency.class).toBe('B');
    expect(Object.keys(data.claims)).toContain('6.2.1B');
    expect(Object.keys(data.claims)).not.toContain('6.2.1');
    expect(Object.keys(data.evidence)).not.toContain('6.3.1');
    // physicalHall and onlineServiceFunction are used only by the A类 items 6.2.1 and 6.3.1.
    const all = parse((await cli(['init', '--rubric', R2018])).stdout) as { facts: Record<string, unknown> };
    expect(Object.keys(all.facts).filter((id) => !(id in data.facts))).toEqual(['physicalHall', 'onlineServiceFunction']);
    const a = parse((await cli(['init', '--rubric', R2018, '--class', 'A'])).stdout) as { facts: Record<string, unknown> };
    expect(Object.keys(all.facts).filter((id) => !(id in a.facts))).toEqual(['noServiceNotice', 'serviceEntryLinked']);
    expect(r.stdout).toContain('本表只列出单位类别为「B」的评分项和事实。');
  });

  it('xlsx: the same rows; the class on the 说明 sheet; an agency of another class is refused at that cell', async () => {
    const dir = dirs.make('zwgk-class-');
    const form = join(dir, 'b.xlsx');
    expect((await cli(['init', '--rubric', R2018, '--class', 'B', '--out', form])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(form) as unknown as ExcelJS.Buffer);
    const claims = idsOf(wb.getWorksheet('自评分')!);
    const c = await rubric(R2018);
    expect(claims).toEqual(nodesForClass(c.model, 'B').map((f) => f.id));
    expect(idsOf(wb.getWorksheet('事实')!)).not.toContain('physicalHall');
    expect(idsOf(wb.getWorksheet('事实')!)).toContain('noServiceNotice');
    const guide = wb.getWorksheet('说明')!;
    expect(guide.getCell('A1').text).toBe('2018年鄂托克前旗政务公开工作考核评价细则 —— 佐证材料填报表（单位类别：B）');
    expect([guide.getCell('A8').text, guide.getCell('B8').text]).toEqual(['单位类别', 'B']);

    const ev: EvidenceInput = {
      rubric: { id: 'etuokeqianqi-2018', version: '2018.1' },
      agency: { name: '鄂托克前旗某局', code: 'etqq-b1', class: 'B' },
      period: { year: 2018 },
      facts: { noServiceNotice: true },
      claims: { '6.2.1B': 1 },
    };
    const ok = await importEvidenceForm(await fillForm(readFileSync(form), ev), c, { file: 'b.xlsx' });
    expect(ok.ok && ok.value.evidence).toMatchObject({ agency: { class: 'B' }, facts: { noServiceNotice: true }, claims: { '6.2.1B': 1 } });
    const wrong = await importEvidenceForm(await fillForm(readFileSync(form), { ...ev, agency: { ...ev.agency, class: 'A' } }), c, { file: 'b.xlsx' });
    expect(wrong.ok).toBe(false);
    expect(wrong.diagnostics.map((d) => [d.code, d.path])).toEqual([['FORM_CELL_INVALID', '说明!B8']]);
    expect(wrong.diagnostics[0]!.message).toBe(
      '这份填报表是按单位类别「B」生成的（只列出该类别的评分项和事实），「单位类别」应为 B，不能填“A”；其他类别的单位请用 zwgk init --class <类别> 生成本类别的填报表',
    );
  });

  it('refuses an unknown class (listing the known ones), a rubric without classes, and --class with --review', async () => {
    const unknown = await cli(['init', '--rubric', R2018, '--class', 'C']);
    expect(unknown.code).toBe(2); // a usage error (EXIT.USAGE)
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('未知的单位类别“C”，细则 etuokeqianqi-2018 的类别为：A、B');
    const none = await cli(['init', '--rubric', 'rubrics/county-100-table.yaml', '--class', 'B']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('没有划分单位类别');
    const dir = dirs.make('zwgk-class-from-');
    const from = join(dir, 'a.yaml');
    writeFileSync(from, 'rubric: { id: etuokeqianqi-2018, version: "2018.1" }\nagency: { name: 某局, code: X1, class: A }\nperiod: { year: 2018 }\nfacts: {}\n');
    const mismatch = await cli(['init', '--rubric', R2018, '--class', 'B', '--from', from]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('中单位类别为 A，与 --class B 不一致');
    expect((await cli(['init', '--rubric', R2018, '--class', 'A', '--from', from])).code).toBe(0);
    const review = await cli(['init', 'examples/etuokeqianqi-2017/zhujianju.yaml', '--rubric', 'rubrics/etuokeqianqi-2017.yaml', '--review', '--class', 'B']);
    expect(review.code).toBe(2);
    expect(review.stderr).toContain('--class 不能与 --review 同用：');
  });
});

describe('zwgk render --blank --class', () => {
  it('the blank 自查评分表 lists only the class B items (md and html); an unknown class is refused', async () => {
    const md = await cli(['render', '--blank', '--rubric', R2018, '--class', 'B', '--format', 'md']);
    expect(md.code).toBe(0);
    const full = await cli(['render', '--blank', '--rubric', R2018, '--format', 'md']);
    // 6.2.1 (A类, 部门实际进驻市政务服务中心…) is gone, 6.2.1B (B类) is there; every other row is kept.
    const a621 = '部门实际进驻市政务服务中心或设立专业分厅';
    const b621 = 'B类部门在网站政务公开专栏说明本部门无对外政务服务事项';
    expect(full.stdout).toContain(a621);
    expect(md.stdout).not.toContain(a621);
    expect(md.stdout).toContain(b621);
    expect(md.stdout.split('\n')[0]).toBe('# 2018年鄂托克前旗政务公开工作考核评价细则自查评分表（单位类别：B）');
    const rows = (s: string) => s.split('\n').filter((l) => /^\| \d+ \|/.test(l)).length;
    expect(rows(full.stdout) - rows(md.stdout)).toBe(2);
    const html = await cli(['render', '--blank', '--rubric', R2018, '--class', 'A', '--format', 'html']);
    expect(html.stdout).toContain(a621);
    expect(html.stdout).not.toContain(b621);
    const bad = await cli(['render', '--blank', '--rubric', R2018, '--class', '丙', '--format', 'md']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('未知的单位类别“丙”，细则 etuokeqianqi-2018 的类别为：A、B');
  });
});
