// Chinese typography in every document a person reads (issue 13): no half-width : ( ) , ; touching a Chinese character
// in the visible text of the sheet (HTML, Markdown), the blank form, the leader summary and the comparison page (HTML).
// Rubric and report texts were typed with half-width marks; the view models set them in full width.
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/index.js';
import { renderSheetAs } from '../../src/render/render-sheet.js';
import { buildBlankSheetViewModel } from '../../src/render/blank-report.js';
import { chineseTypography } from '../../src/render/chinese-text.js';
import { formatCompareReport } from '../../src/formatters/compare/compare-formatters.js';
import { compareIn, compile, evidence, tempDir } from '../batch/helpers.js';
import { seedReport } from './fixtures.js';

const text = (o: string | Uint8Array): string => (typeof o === 'string' ? o : Buffer.from(o).toString('utf8'));

/** The text a reader sees: no <style>/<script> bodies, no tags (so no attributes), entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&');
}

const HAN = '[\\u3400-\\u4dbf\\u4e00-\\u9fff]';
const HALF_WIDTH_BESIDE_HAN = new RegExp(`${HAN}[:(),;]|[:(),;]${HAN}`, 'g');

/** Each half-width mark touching a Han character, with a little context, for a readable failure. */
function offences(visible: string): string[] {
  return [...visible.matchAll(HALF_WIDTH_BESIDE_HAN)].map((m) => visible.slice(Math.max(0, m.index - 12), m.index + 14).replace(/\s+/g, ' '));
}

describe('chineseTypography', () => {
  it.each([
    ['主要领导年内至少听取一次汇报(3分),研究部署(2分)', '主要领导年内至少听取一次汇报（3分），研究部署（2分）'],
    ['缺少佐证事实:分值权重(performanceWeight),按 0 分计', '缺少佐证事实：分值权重（performanceWeight），按 0 分计'],
    ['附件2 第2行 30 条;附件2 第3行 30 条,相符', '附件2 第2行 30 条；附件2 第3行 30 条，相符'],
    ['总结正文(一)2', '总结正文（一）2'],
    ['0 + 1 = 2,相符', '0 + 1 = 2，相符'],
    ['来源 https://www.etkqq.gov.cn/zwgk/(2017)', '来源 https://www.etkqq.gov.cn/zwgk/(2017)'],
    ['得 2.5 分(10:30 会议)', '得 2.5 分（10:30 会议）'],
    ['1,000 条', '1,000 条'],
    ['sha256:46c0 (ASCII only), a;b', 'sha256:46c0 (ASCII only), a;b'],
    ['', ''],
  ])('%j → %j', (input, expected) => expect(chineseTypography(input)).toBe(expected));

  it('leaves nothing half-width beside a Han character in mixed text', () => {
    const s = chineseTypography('单项否决(veto):未公开,扣 2 分;见(附件2)');
    expect(offences(s)).toEqual([]);
  });
});

describe('documents print Chinese punctuation', () => {
  it('自查评分表 (HTML and Markdown), blank form, leader summary', async () => {
    const { compiled, report } = await seedReport();
    const blank = buildBlankSheetViewModel(compiled);
    const docs: Array<[string, string]> = [
      ['sheet html', visibleText(text(await formatReport(report, 'html')))],
      ['sheet md', text(await formatReport(report, 'md'))],
      ['blank html', visibleText(text(await renderSheetAs(blank, 'html')))],
      ['blank md', text(await renderSheetAs(blank, 'md'))],
      ['summary html', visibleText(text(await formatReport(report, 'summary-html')))],
    ];
    for (const [name, visible] of docs) expect({ name, offences: offences(visible) }).toEqual({ name, offences: [] });
    // the check that catches them does catch them
    expect(offences('暂定(2分),待定')).toHaveLength(3);
  });

  it('comparison (HTML page)', async () => {
    const t = tempDir();
    try {
      const rubric = `id: county-test
version: "1"
title: 标点测试细则(2019年)
total: 10
facts:
  received: { label: 收到申请数(件), type: integer, min: 0 }
  inPerson: { label: 当面申请数, type: integer, min: 0 }
checks:
  - id: by-channel
    message: 收到申请数应等于各渠道之和(当面)
    sumEquals: { total: received, parts: [inPerson] }
nodes:
  - { id: "1", title: 依申请公开(含告知书), points: 10, scoring: { method: binary, when: { fact: received, operator: greaterThanInclusive, value: 1 } } }
`;
      t.write('rubric.yaml', rubric);
      t.write('in/a.json', evidence({ code: 'A', facts: { received: 3, inPerson: 3 } }));
      t.write('in/b.json', evidence({ code: 'B', facts: { received: 0, inPerson: 1 } }));
      const r = await compareIn(t.dir, { inputs: ['in'], rubric: { file: 'rubric.yaml', compiled: compile(rubric) } });
      const html = visibleText(text(await formatCompareReport(r, 'html')));
      expect(offences(html)).toEqual([]);
    } finally {
      t.cleanup();
    }
  });
});
