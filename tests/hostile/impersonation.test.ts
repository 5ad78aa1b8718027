// Impersonation in a batch (issue 9): a file copying another agency's code, named to sort first, must not push the
// genuine file out. Without a register both are left out (DUPLICATE_AGENCY naming each); with --register the
// registered file is scored and the impostor is left out (REGISTER_MISMATCH); unregistered codes NOT_IN_REGISTER.
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompareReport } from '../../src/cohort/compare-report.js';
import { parseRegister, parseRegisterCsv } from '../../src/index.js';
import { cli, countyRubric, evidence, tempDir, type TempDir } from '../batch/helpers.js';
import { expectNoInternals } from './expect-clean.js';

const facts = { meetings: 1, system: true, posts: 60, hotline: true, hall: true };
let t: TempDir;
afterEach(() => t?.cleanup());

function setup(): void {
  t = tempDir();
  t.write('rubric.yaml', countyRubric());
  t.write('in/jiaoyuju.json', evidence({ code: 'jyj', name: '教育局', cls: 'A', facts }));
  t.write('in/weijiju.json', evidence({ code: 'wjj', name: '卫健局', cls: 'A', facts }));
  // The impostor: copies 教育局's code, with full marks, named to sort first.
  t.write('in/0-jiaoyuju-copy.json', evidence({ code: 'jyj', name: '教育局', cls: 'A', facts: { ...facts, posts: 100 } }));
}

describe('duplicate agency codes', () => {
  it('without a register, every file with the duplicated code is left out, each naming the others', async () => {
    setup();
    const r = await cli(['compare', 'in', '--rubric', 'rubric.yaml', '--format', 'json'], t.dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as CompareReport;
    expect(report.agencies.map((a) => a.code)).toEqual(['wjj']);
    expect(report.leftOut.map((f) => [f.file, f.reason, f.messages[0]!.code])).toEqual([
      ['in/0-jiaoyuju-copy.json', 'duplicate', 'DUPLICATE_AGENCY'],
      ['in/jiaoyuju.json', 'duplicate', 'DUPLICATE_AGENCY'],
    ]);
    for (const f of report.leftOut) expect(f.messages[0]!.message).toContain('in/0-jiaoyuju-copy.json、in/jiaoyuju.json');
    expectNoInternals(r);
  });

  it('with a CSV register, the registered file is scored and the impostor left out', async () => {
    setup();
    t.write('名册.csv', '\uFEFF单位代码,单位名称,类别,证据文件\r\njyj,教育局,A,jiaoyuju.json\r\nwjj,卫健局,A,in/weijiju.json\r\n');
    const r = await cli(['compare', 'in', '--rubric', 'rubric.yaml', '--format', 'json', '--register', '名册.csv'], t.dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as CompareReport;
    expect(report.agencies.map((a) => [a.code, a.file])).toEqual([
      ['jyj', 'in/jiaoyuju.json'],
      ['wjj', 'in/weijiju.json'],
    ]);
    expect(report.leftOut.map((f) => [f.file, f.reason, f.messages[0]!.code, f.keptFile])).toEqual([
      ['in/0-jiaoyuju-copy.json', 'register', 'REGISTER_MISMATCH', 'in/jiaoyuju.json'],
    ]);
    expectNoInternals(r);
  });

  it('a register leaves out unregistered codes and a wrong class; an xlsx register works the same', async () => {
    setup();
    t.write('in/unknown.json', evidence({ code: 'zzz', name: '未登记', cls: 'A', facts }));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRows([
      ['代码', '名称', '类别', '文件'],
      ['jyj', '教育局', 'B', 'jiaoyuju.json'],
      ['wjj', '卫健局', 'A', ''],
    ]);
    writeFileSync(join(t.dir, 'register.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await cli(['compare', 'in', '--rubric', 'rubric.yaml', '--format', 'json', '--register', 'register.xlsx'], t.dir);
    const report = JSON.parse(r.stdout) as CompareReport;
    expect(report.agencies.map((a) => a.code)).toEqual(['wjj']);
    expect(report.leftOut.map((f) => [f.file, f.messages[0]!.code])).toEqual([
      ['in/0-jiaoyuju-copy.json', 'REGISTER_MISMATCH'],
      ['in/jiaoyuju.json', 'REGISTER_MISMATCH'],
      ['in/unknown.json', 'NOT_IN_REGISTER'],
    ]);
    expect(report.leftOut[1]!.messages[0]!.message).toContain('类别为 B');
  });
});

describe('register files', () => {
  it.each([
    ['a missing column', 'code,类别\njyj,A\n', /缺少列「单位名称」/],
    ['a repeated code', '代码,名称\njyj,教育局\njyj,教育局二\n', /第 3 行第 1 列.*与 第 2 行第 1 列 重复/],
    ['an unclosed quote', '代码,名称\n"jyj,教育局\n', /引号没有闭合/],
    ['a control character', '代码,名称\njyj,"教育局\u001b[2K"\n', /控制字符 ESC/],
  ])('%s is REGISTER_INVALID', (_name, text, reason) => {
    const r = parseRegisterCsv('名册.csv', text);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toContain('REGISTER_INVALID');
    expect(r.diagnostics.map((d) => d.message).join('\n')).toMatch(reason);
  });

  it('refuses other file types and non-UTF-8 CSV', async () => {
    expect((await parseRegister('名册.txt', Buffer.from('x'))).diagnostics[0]!.code).toBe('REGISTER_INVALID');
    expect((await parseRegister('名册.csv', Buffer.from([0xb5, 0xa5, 0xce, 0xbb]))).diagnostics[0]!.message).toContain('UTF-8');
  });

  it('parses quoted fields with commas and doubled quotes', () => {
    const r = parseRegisterCsv('r.csv', '单位代码,单位名称\n"a,1","教育局""二"""\n');
    expect(r.ok && [...r.value.entries.values()].map((e) => [e.code, e.name])).toEqual([['a,1', '教育局"二"']]);
  });
});
