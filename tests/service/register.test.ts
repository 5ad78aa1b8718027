// The agency register from CSV and xlsx: header names in Chinese or English, quoting, BOM, errors naming the line.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseRegister } from '../../src/service/domain/register-parse.js';

const csv = (s: string) => Buffer.from(s, 'utf8');

describe('parseRegister', () => {
  it.each([
    ['Chinese headers with BOM and CRLF', '\uFEFF单位代码,单位名称,简称,类别,联系人\r\netqq-zjj,鄂托克前旗住房和城乡规划建设局,住建局,B,王某\r\n', [{ code: 'etqq-zjj', name: '鄂托克前旗住房和城乡规划建设局', shortName: '住建局', class: 'B', contact: '王某' }]],
    ['English headers in another order', 'name,code\n财政局,etqq-czj\n', [{ code: 'etqq-czj', name: '财政局', shortName: null, class: null, contact: null }]],
    ['quoted commas and quotes, blank lines skipped', '单位代码,单位名称,联系人\n\na1,"甲,乙局","张""三"""\n\n', [{ code: 'a1', name: '甲,乙局', shortName: null, class: null, contact: '张"三"' }]],
  ])('%s', async (_n, text, rows) => {
    expect(await parseRegister('名单.csv', csv(text))).toEqual(rows);
  });

  it.each([
    ['', /文件是空的/],
    ['单位代码,单位名称\n', /表头之后没有单位/],
    ['单位代码,单位名称\na1,甲\na1,乙\n', /第 3 行:单位代码 a1 与第 2 行重复/],
    ['单位代码,单位名称\n,甲\n', /第 2 行:缺少单位代码/],
    ['单位代码,单位名称\na1,\n', /第 2 行:缺少单位名称/],
    ['单位代码,单位名称\na b,甲\n', /第 2 行:单位代码"a b"只能由/],
  ])('refuses %j', async (text, message) => {
    await expect(parseRegister('名单.csv', csv(text))).rejects.toThrow(message);
  });

  it('reads the first sheet of an xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['单位代码', '单位名称', '类别']);
    ws.addRow(['etqq-jyj', '鄂托克前旗教育局', 'A']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await parseRegister('名单.xlsx', bytes)).toEqual([{ code: 'etqq-jyj', name: '鄂托克前旗教育局', shortName: null, class: 'A', contact: null }]);
  });
});
