// The 数据核验 (勾稽关系) block on every sheet format, and the failed checks on the leader summary and the text report.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildSheetViewModel, buildSummaryViewModel, formatReport, renderSheetAs } from '../../src/index.js';
import { formatSummaryText } from '../../src/render/summary-text.js';
import { seedCopy, seedReport } from './fixtures.js';

describe('数据核验 block (seed example: 20 checks, 2 failed)', () => {
  it('the view model lists every check with the values seen and a summary line', async () => {
    const { report } = await seedReport();
    const vm = buildSheetViewModel(report);
    expect(vm.checks).toHaveLength(20);
    expect(vm.checkSummary).toBe('共 20 项：通过 18 项，未通过 2 项（错误级 2 项，其中待处理 2 项），无法核验 0 项');
    expect(vm.failedChecks.map((c) => [c.id, c.outcomeText, c.severityText, c.resolutionText])).toEqual([
      ['proactive-website', '未通过', '错误', '待政务公开办处理'],
      ['narrative-no-applications', '未通过', '错误', '待政务公开办处理'],
    ]);
    expect(vm.failedChecks[0]!.valuesText).toBe('主动公开政府信息总数（不同渠道发相同信息计1条） 30 条；在本部门门户网站公开政府信息数 45 条');
  });

  it('HTML: a table row per check, failed rows marked, after the totals and before the signature', async () => {
    const { report } = await seedReport();
    const html = (await formatReport(report, 'html')) as string;
    const at = html.indexOf('<section class="checks">');
    expect(at).toBeGreaterThan(html.indexOf('<section class="totals">'));
    expect(at).toBeLessThan(html.indexOf('<section class="signature">'));
    expect(html.match(/data-check="/g)).toHaveLength(20);
    expect(html).toContain('<tr class="check-fail severity-error" data-check="proactive-website">');
    expect(html).toContain('class="check-pass severity-error" data-check="applications-by-channel"');
  });

  it('Markdown, CSV and xlsx carry the same block', async () => {
    const { report } = await seedReport();
    const vm = buildSheetViewModel(report);
    const md = (await renderSheetAs(vm, 'md')) as string;
    expect(md).toContain('## 数据核验（勾稽关系）');
    expect(md).toMatch(/\| 3 \| 主动公开政府信息总数.*\| 错误 \| \*\*未通过\*\* \|/);
    const csv = (await renderSheetAs(vm, 'csv')) as string;
    expect(csv).toContain('数据核验（勾稽关系）,共 20 项：通过 18 项');
    expect(csv).toContain('3,proactive-website,');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await renderSheetAs(vm, 'xlsx')) as Uint8Array) as unknown as ExcelJS.Buffer);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))));
    expect(texts.some((t) => t.startsWith('数据核验（勾稽关系）：共 20 项'))).toBe(true);
    expect(new Set(texts.filter((t) => /^\d+\. 【未通过·错误】/.test(t))).size).toBe(2); // merged cells repeat their text
  });

  it('a resolution shows instead of 待处理; no block when the rubric declares no checks', async () => {
    const r = await seedCopy();
    r.checks[2]!.resolution = { resolution: 'accepted', reason: '口径不同', by: '旗政务公开办', date: '2018-01-25' };
    const vm = buildSheetViewModel(r);
    expect(vm.checks[2]!.resolutionText).toBe('认可原数据：口径不同（旗政务公开办，2018年1月25日）');
    expect(vm.checkSummary).toContain('其中待处理 1 项');
    r.checks = [];
    const html = (await formatReport(r, 'html')) as string;
    expect(html).not.toContain('<section class="checks">');
    expect(buildSheetViewModel(r).checkSummary).toBe('');
  });

  it('the leader summary and the text report list the failed checks', async () => {
    const { report } = await seedReport();
    const summary = formatSummaryText(buildSummaryViewModel(report));
    expect(summary).toContain('数据核验未通过 2 项');
    const html = (await formatReport(report, 'summary-html')) as string;
    expect(html).toContain('数据核验未通过 2 项：');
    const text = (await formatReport(report, 'text')) as string;
    expect(text).toContain('【未通过·错误】narrative-no-applications 总结正文称「暂无依申请公开」，附件2 收到申请数应为0');
  });
});
