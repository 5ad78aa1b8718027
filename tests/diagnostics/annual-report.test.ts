// Diagnostics of the annual-report readers and of `zwgk report facts`, as a user sees them (file:line:col, code frame).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCheckReport } from '../../src/annual-report/check-report.js';
import { parseAnnualReport } from '../../src/annual-report/read-report.js';
import { mergeReportFacts, readReportFacts } from '../../src/annual-report/report-facts.js';
import { formatDiagnostics, parseRubric, type Diagnostic } from '../../src/index.js';
import { yaml } from '../helpers/diagnostics.js';

const ROWLINES = readFileSync('tests/annual-report/fixtures/pipe-2022-rowlines-h1-fail.txt', 'utf8');

function read(file: string, text: string): { ok: boolean; codes: string[]; text: string } {
  const res = parseAnnualReport(file, text);
  return { ok: res.ok, codes: res.diagnostics.map((d) => d.code), text: formatDiagnostics(res.diagnostics, new Map([[file, text]])) };
}

describe('reading a report', () => {
  it('REPORT_HTML_LIMIT: a hostile page gives one diagnostic and nothing else', () => {
    const r = read('page.html', `<html><body>${'<div>'.repeat(300)}</body></html>`);
    expect(r.ok).toBe(false);
    expect(r.codes).toEqual(['REPORT_HTML_LIMIT']);
    expect(r.text).toMatchInlineSnapshot(`
      "page.html 错误 REPORT_HTML_LIMIT:年报页面超出安全限制(元素嵌套超过 200 层),已拒绝读取
      共 1 个错误，0 个警告"
    `);
  });

  it('REPORT_NOT_RECOGNIZED: no tables, no numbered sections, no figures', () => {
    const r = read('notice.txt', '关于做好年度报告编制工作的通知\n请各单位按时报送。\n');
    expect(r.ok).toBe(false);
    expect(r.codes).toEqual(['REPORT_NOT_RECOGNIZED']);
    expect(r.text).toMatchInlineSnapshot(`
      "notice.txt 错误 REPORT_NOT_RECOGNIZED:未能识别为政府信息公开工作年度报告:既没有 2019/2021 年格式的统计表,也没有「一、」「二、」等章节或可识别的统计数字
      共 1 个错误，0 个警告"
    `);
  });

  it('REPORT_CELL_COUNT: a row with a cell missing is left blank, at its line', () => {
    const text = ROWLINES.replace('四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 |');
    const r = read('report.txt', text);
    expect(r.codes).toEqual(['REPORT_CELL_COUNT']);
    expect(r.text).toMatchInlineSnapshot(`
      "report.txt:54:1 错误 REPORT_CELL_COUNT:表三「四、结转下年度继续办理」一行读到 6 个数据单元格,应为 7 个;该行按空白处理,请核对原文
        54 | 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | ||
           | ^
      共 1 个错误，0 个警告"
    `);
  });

  it('REPORT_CELL_UNREADABLE: text where a number belongs (HTML, where rows are known)', () => {
    const html = readFileSync('tests/annual-report/fixtures/html-2022-blank-cells.html', 'utf8').replace('<td><p align="center">1520</p></td>', '<td><p align="center">一千五百二十</p></td>');
    const r = read('page.html', html);
    expect(r.codes).toEqual(['REPORT_CELL_UNREADABLE']);
    expect(r.text.split('\n')[0]).toMatchInlineSnapshot(`"page.html:25:25 错误 REPORT_CELL_UNREADABLE:表二「行政许可」「本年处理决定数量」单元格内容 "一千五百二十" 不是数字,也不是空白标记(/、—);按空白处理,请核对原文"`);
  });

  it('REPORT_ROW_MISSING and REPORT_YEAR_UNKNOWN: a table row that is not there, a report that names no year', () => {
    const text = ROWLINES.replace(/^示例县教育局2022年.*\n/m, '')
      .replace(/本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。/, '')
      .replace(/2022年,我局/, '本年度,我局')
      .replace('行政强制 | 0 | ||\n', '');
    const r = read('report.txt', text);
    expect(r.codes).toEqual(['REPORT_ROW_MISSING', 'REPORT_YEAR_UNKNOWN']);
    expect(r.text).toMatchInlineSnapshot(`
      "report.txt 警告 REPORT_ROW_MISSING:表二中未找到「行政强制」一行,该行各单元格按空白处理
      report.txt 警告 REPORT_YEAR_UNKNOWN:无法从年报中确定报告年度;请用 --year 指定
      共 0 个错误，2 个警告"
    `);
  });
});

const RUBRIC = yaml`
  id: ar
  version: "1"
  title: 年报事实
  total: 2
  facts:
    corrected:
      label: 被纠错件数
      type: integer
      report: { cell: 表四/行政复议/结果撤销 }
    accurate:
      label: 勾稽关系全部通过
      type: integer
      report: { checks: [H1, H9], is: [PASS] }
    similar:
      label: 与上年雷同
      type: boolean
      report: { checks: [S8], is: [WARN] }
    blank:
      label: 予以公开(总计)
      type: integer
      report: { cell: 表三/三、本年度办理结果/(一)予以公开/总计 }
  nodes:
    - id: "1"
      title: 被纠错
      points: 2
      scoring:
        method: deduct
        deductions:
          - { id: c, reason: 每件扣1分, per: { fact: corrected }, each: 1 }
`;

function factsOf(reportFile: string): Diagnostic[] {
  const compiled = parseRubric('rubric.yaml', RUBRIC);
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join());
  const res = parseAnnualReport(reportFile, readFileSync(reportFile, 'utf8'));
  if (!res.ok) throw new Error('report');
  return readReportFacts(compiled.value.rubric.facts, res.value, buildCheckReport(res.value), 'rubric.yaml').diagnostics;
}

describe('report facts', () => {
  it('REPORT_FACT_SOURCE_INVALID (unknown cell, unknown check, wrong type) and REPORT_FACT_UNAVAILABLE (blank cell, check not run)', () => {
    const diags = factsOf('tests/annual-report/fixtures/html-2022-blank-cells.html');
    expect(diags.map((d) => d.code)).toEqual(['REPORT_FACT_SOURCE_INVALID', 'REPORT_FACT_UNAVAILABLE', 'REPORT_FACT_SOURCE_INVALID', 'REPORT_FACT_UNAVAILABLE']);
    expect(formatDiagnostics(diags)).toMatchInlineSnapshot(`
      "rubric.yaml 错误 REPORT_FACT_SOURCE_INVALID facts.accurate.report:事实 "accurate" 的年报来源无效:没有编号为 H9 的年报核验(可用:H1、H2、H3、H4、H5、H6、S1、S2、S3、S4、S5、S6、S7、S8、S9、S10、S11、S12、O1)
      tests/annual-report/fixtures/html-2022-blank-cells.html 警告 REPORT_FACT_UNAVAILABLE:事实 "blank" 无法从年报得出:「表三/三、本年度办理结果/(一)予以公开/总计」为空白或不属于本年报格式;请核实后手工填写
      rubric.yaml 错误 REPORT_FACT_SOURCE_INVALID facts.corrected.report:事实 "corrected" 的年报来源无效:年报中没有单元格 「表四/行政复议/结果撤销」(写法:表X/行/列,如 表四/行政复议/结果纠正)
      tests/annual-report/fixtures/html-2022-blank-cells.html 警告 REPORT_FACT_UNAVAILABLE:事实 "similar" 无法从年报得出:S8 未执行(未提供上年年报(--previous));请核实后手工填写
      共 2 个错误，2 个警告"
    `);
  });

  it('REPORT_FACT_CONFLICT: the agency typed another value', () => {
    const merged = mergeReportFacts({ file: 'evidence.yaml', text: 'facts:\n  corrected: 1\n' }, [{ id: 'corrected', value: 2, source: '年报 表四/行政复议/结果纠正 = 2' }], {
      rubric: { id: 'ar', version: '1' },
      agency: { name: '示例', code: 'x' },
      year: 2024,
    });
    expect(merged.text).toBe('facts:\n  corrected: 2 # 年报 表四/行政复议/结果纠正 = 2\n');
    expect(merged.diagnostics.map((d) => d.code)).toEqual(['REPORT_FACT_CONFLICT']);
    expect(formatDiagnostics(merged.diagnostics)).toMatchInlineSnapshot(`
      "evidence.yaml 警告 REPORT_FACT_CONFLICT:事实 "corrected" 证据中已填 1,年报为 2;已按年报写入,请核实
      共 0 个错误，1 个警告"
    `);
  });
});
