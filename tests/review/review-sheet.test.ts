// The printed sheet follows the review: the 核定分 is the final score, an override is marked with its reason, and a
// provisional result says 暂定 at the title and at the grade (never a provisional grade printed as final) with the
// pending items beside the signature block — in every format (HTML, Markdown, CSV, xlsx).
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildSheetViewModel, buildSummaryViewModel, formatReport, type ScoreReport } from '../../src/index.js';
import { compileOk, scoreOk } from '../helpers/score.js';

const RUBRIC = 'rubrics/etuokeqianqi-2017.yaml';
const EVIDENCE = 'examples/etuokeqianqi-2017/zhujianju.yaml';
const compiled = compileOk(readFileSync(RUBRIC, 'utf8'), RUBRIC);
const evidence = readFileSync(EVIDENCE, 'utf8');
const bundled = readFileSync('examples/etuokeqianqi-2017/reviews/etqq-zjj.yaml', 'utf8');
// The bundled review plus an override of 4.1.1 (指南、目录、年报 4 points, computed 0) to 3.
const withOverride = `${bundled}\noverrides:\n  "4.1.1": { score: 3, reason: 现场核查指南、目录已更新，年报未及时更新, by: 旗政务公开办, date: 2018-01-26 }\n`;

const text = (o: string | Uint8Array): string => (typeof o === 'string' ? o : Buffer.from(o).toString('utf8'));

describe('provisional sheet (no review)', () => {
  it('says 暂定 at the title and the grade, and lists the pending items by the signature block', async () => {
    const report = await scoreOk(compiled, evidence, EVIDENCE);
    const vm = buildSheetViewModel(report);
    expect(vm.title).toBe('2017年鄂托克前旗政务公开工作考核评价细则自查评分表（暂定）');
    expect(vm.grade).toBe('不合格（暂定）');
    expect(vm.totals.find((t) => t.key === 'grade')!.value).toBe('不合格（暂定）');
    expect(vm.statusText).toBe('暂定');
    expect(vm.pendingItems.map((p) => p.id).slice(0, 2)).toEqual(['7', '8.1']);
    const html = text(await formatReport(report, 'html'));
    expect(html).toContain('<p class="provisional-note">暂定结果：尚有 4 项待政务公开办评定');
    expect(html.indexOf('class="pending"')).toBeLessThan(html.indexOf('class="signature"'));
    const md = text(await formatReport(report, 'md'));
    expect(md).toContain('**等次**：不合格（暂定）');
    expect(md).toContain('1. 7 任务：酌情评分项，待政务公开办评定');
    const csv = text(await formatReport(report, 'csv'));
    expect(csv).toContain('待政务公开办评定事项,共 4 项，评定前结果为暂定');
    expect(buildSummaryViewModel(report).pendingSummary).toBe('待政务公开办评定 4 项：酌情评分 2 项、数据核验 2 项');
  });
});

describe('final sheet with an override', () => {
  let report: ScoreReport;
  it('the 核定分 is the override, marked with its reason; the title and grade carry no 暂定', async () => {
    report = await scoreOk(compiled, evidence, EVIDENCE, withOverride);
    expect(report.status).toBe('final');
    // 56 + 3 (override of 4.1.1, computed 0) = 59 base; + 3 for 任务 = 62, 合格
    expect(report.totals).toMatchObject({ base: 59, bonus: 3, final: 62, grade: '合格' });
    const vm = buildSheetViewModel(report);
    expect(vm.title).toBe('2017年鄂托克前旗政务公开工作考核评价细则自查评分表');
    expect(vm.grade).toBe('合格');
    expect(vm.pendingItems).toEqual([]);
    const row = vm.rows.find((r) => r.id === '4.1.1')!;
    expect(row).toMatchObject({ scoreText: '3', overridden: true, overrideText: '改定：现场核查指南、目录已更新，年报未及时更新（旗政务公开办，2018年1月26日）' });
    expect(row.reasons.some((r) => r.startsWith('政务公开办改定：0 分 → 3 分'))).toBe(true);
    const html = text(await formatReport(report, 'html'));
    expect(html).toContain('<td class="num score overridden">3<span class="override-mark" title="改定：现场核查指南、目录已更新，年报未及时更新（旗政务公开办，2018年1月26日）">改定</span>');
    expect(html).not.toContain('暂定');
    // The reproducibility stamp names the review file the result includes.
    expect(html).toContain(`评审文件哈希 ${report.review!.hash}`);
    expect(text(await formatReport(report, 'md'))).toContain('3（改定）');
    expect(text(await formatReport(report, 'csv'))).toMatch(/,3,[^,]*,[^,\r\n]*·改定,/);
  });

  it('xlsx: the reasons cell of the overridden row starts with the override', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await formatReport(report, 'xlsx')) as Uint8Array) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const cells: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value ?? ''))));
    expect(cells.some((c) => c.startsWith('〔部分得分〕\n〔改定：现场核查指南、目录已更新') || c.startsWith('〔改定：现场核查指南、目录已更新'))).toBe(true);
    expect(cells.some((c) => c.includes('待政务公开办评定事项'))).toBe(false);
  });
});
