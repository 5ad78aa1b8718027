// The checks H1–H6 / S1–S12 on the fixtures, with outcomes computed by hand (see fixtures/README.md).
import { describe, expect, it } from 'vitest';
import { buildCheckReport } from '../../src/annual-report/check-report.js';
import type { CheckOptions } from '../../src/annual-report/checks/check-context.js';
import { textSimilarity } from '../../src/annual-report/checks/text-checks.js';
import type { AnnualReport } from '../../src/annual-report/model.js';
import { loadAnnualReport, type ReadOptions } from '../../src/annual-report/read-report.js';

const FIX = 'tests/annual-report/fixtures/';

async function load(name: string, opts: ReadOptions = {}): Promise<AnnualReport> {
  const res = await loadAnnualReport(FIX + name, undefined, opts);
  if (!res.ok) throw new Error(res.diagnostics.map((d) => d.message).join('; '));
  return res.value;
}

async function outcomes(name: string, opts: CheckOptions = {}, read: ReadOptions = {}): Promise<Record<string, string>> {
  const c = buildCheckReport(await load(name, read), opts);
  return Object.fromEntries([...c.results.map((r) => [r.id, r.outcome]), ...c.skipped.map((s) => [s.id, '–'])]);
}

describe('outcomes per fixture (hand-computed)', () => {
  it.each([
    // seed 002: every table adds up; the text's 16件/127件/15件/2896.904万元 match; no date on the page → S9 not run.
    ['seed-002_e5b39d85801b4d29.txt', { level: '县级部门' }, { H1: 'PASS', H2: 'PASS', H3: 'PASS', H4: 'PASS', H5: 'PASS', H6: 'PASS', S4: 'PASS', S5: 'PASS', S6: 'PASS', S7: 'PASS', S9: '–', S10: 'PASS', S12: 'PASS', S1: '–', S2: '–', S3: '–', S8: '–', S11: '–' }],
    // Published 2022-01-25 ≤ 2022-01-31; (六) share 1/36 = 2.8%.
    ['html-2021-spans.html', { level: '县级部门' }, { H1: 'PASS', H2: 'PASS', H3: 'PASS', H4: 'PASS', H5: 'PASS', H6: 'PASS', S4: 'PASS', S5: 'PASS', S6: 'PASS', S7: 'PASS', S9: 'PASS', S10: 'PASS', S12: 'PASS' }],
    // 总计 column of the 21 leaves blank: H2 (总计 column) and H3 (21 rows) not assessable; S4/S6 read blank 总计 cells;
    // published 2023-02-10 after 2023-01-31 for a department, before 2023-02-20 for a county government.
    ['html-2022-blank-cells.html', { level: '县级部门' }, { H1: 'PASS', H2: 'NOT_ASSESSABLE', H3: 'NOT_ASSESSABLE', H4: 'PASS', H5: 'PASS', H6: 'PASS', S4: 'NOT_ASSESSABLE', S5: 'PASS', S6: 'NOT_ASSESSABLE', S7: 'PASS', S9: 'WARN', S10: 'WARN', S12: 'PASS' }],
    ['html-2022-blank-cells.html', { level: '县级政府' }, { S9: 'PASS' }],
    // 一 10 + 二 2 ≠ (七) 10 + 四 0 in 自然人 and 总计.
    ['pipe-2022-rowlines-h1-fail.txt', {}, { H1: 'FAIL', H2: 'PASS', H3: 'PASS', H4: 'PASS', H5: 'PASS', H6: 'PASS', S5: 'PASS', S6: 'PASS' }],
    // 2020 in the 2019 format; (六)其他处理 4 of (七)总计 20 = 20% > 10%; published 2021-03-15.
    ['html-2020-trial.html', { level: '省级政府' }, { H1: 'PASS', H2: 'PASS', H3: 'PASS', H4: 'PASS', H5: 'PASS', H6: 'PASS', S4: 'WARN', S5: 'PASS', S6: '–', S7: '–', S9: 'PASS', S12: 'PASS' }],
    // The real 上海 2019 page: the 自然人 and 总计 columns add up (821 + 18 = 767 + 72; 859 + 18 = 805 + 72), every
    // other equation meets a blank cell; the text's 859件/805件/复议7件 match; published 2020-01-31 ≤ 2020-03-31.
    ['real-shanghai-2019.html', { level: '省级政府' }, { H1: 'NOT_ASSESSABLE', H2: 'NOT_ASSESSABLE', H3: 'NOT_ASSESSABLE', H4: 'NOT_ASSESSABLE', H5: 'PASS', H6: 'PASS', S4: 'NOT_ASSESSABLE', S5: 'PASS', S9: 'PASS', S10: 'WARN', S12: 'PASS' }],
    // Free-form 2016 reports: only H6 and the deadline (2008 条例: 3月31日) apply.
    ['seed-004_c487b475468ca4a1.txt', { level: '市级部门' }, { H1: '–', H6: 'PASS', S9: 'PASS' }],
    ['seed-000_10528649c128ffb3.txt', { level: '市级部门' }, { H6: 'PASS', S9: 'PASS' }],
  ] as const)('%s %j', async (file, opts, expected) => {
    expect(await outcomes(file, opts)).toMatchObject(expected);
  });

  it('H1 names the failing columns, the cells it read and their values', async () => {
    const c = buildCheckReport(await load('pipe-2022-rowlines-h1-fail.txt'));
    const h1 = c.results.find((r) => r.id === 'H1')!;
    const failed = h1.items.filter((i) => i.outcome === 'FAIL');
    expect(failed.map((i) => i.label)).toEqual(['「自然人」列:一 + 二 = (七)总计 + 四', '「总计」列:一 + 二 = (七)总计 + 四']);
    expect(failed[0]!.reads.map((r) => `${r.ref}=${r.value}`)).toEqual([
      '表三/一、本年新收政府信息公开申请数量/自然人=10',
      '表三/二、上年结转政府信息公开申请数量/自然人=2',
      '表三/三、本年度办理结果/（七）总计/自然人=10',
      '表三/四、结转下年度继续办理/自然人=0',
    ]);
    expect(failed[0]!.detail).toBe('10 + 2 = 12;10 + 0 = 10;相差 2');
    expect(c.summary).toMatchObject({ outcome: 'FAIL', FAIL: 1 });
  });

  it('the real 上海 2019 page: H1 passes where the columns are filled', async () => {
    const c = buildCheckReport(await load('real-shanghai-2019.html'));
    const h1 = c.results.find((r) => r.id === 'H1')!;
    expect(h1.items.filter((i) => i.outcome === 'PASS').map((i) => `${i.label} ${i.detail}`)).toEqual([
      '「自然人」列:一 + 二 = (七)总计 + 四 821 + 18 = 839;767 + 72 = 839',
      '「总计」列:一 + 二 = (七)总计 + 四 859 + 18 = 877;805 + 72 = 877',
    ]);
    expect(c.results.find((r) => r.id === 'S5')!.items.map((i) => i.detail)).toEqual([
      '文中 859件 = 表三/一、本年新收政府信息公开申请数量/总计',
      '文中 805件 = 表三/三、本年度办理结果/（七）总计/总计',
      '文中 7件 = 表四/行政复议/总计',
    ]);
  });

  it('H6: a 2021 report in the 2019 format fails; 2019 may still be free-form', async () => {
    expect((await outcomes('html-2020-trial.html', {}, { year: 2021 })).H6).toBe('FAIL');
    expect((await outcomes('seed-004_c487b475468ca4a1.txt', {}, { year: 2019 })).H6).toBe('PASS');
    expect((await outcomes('seed-004_c487b475468ca4a1.txt', {}, { year: 2020 })).H6).toBe('FAIL');
  });

  it('S9 uses the date given with --published when the page has none', async () => {
    expect((await outcomes('seed-002_e5b39d85801b4d29.txt', { level: '县级部门' }, { publishedOn: '2025-01-20' })).S9).toBe('PASS');
    expect((await outcomes('seed-002_e5b39d85801b4d29.txt', { level: '县级部门' }, { publishedOn: '2025-02-01' })).S9).toBe('WARN');
  });
});

describe('year over year (S1, S2, S8) and summaries (S11)', () => {
  it('2024 against 2023: 上年结转 1 = 结转下年度 1; 现行有效 11 = 10 + 2 − 1; section 五 雷同', async () => {
    const previous = await load('pipe-2023-previous.txt');
    const c = buildCheckReport(await load('pipe-2024-current.txt'), { previous });
    const by = Object.fromEntries(c.results.map((r) => [r.id, r]));
    expect(by.S1!.outcome).toBe('PASS');
    expect(by.S2!.outcome).toBe('PASS');
    expect(by.S8!.outcome).toBe('WARN');
    // Only the year in 「推动2024年……」 differs, and digits are not wording: identical.
    expect(by.S8!.items[0]!.detail).toBe('文字相似度 100.0%(达到雷同阈值 80%)');
    expect(by.S1!.items[0]!.reads.map((r) => `${r.report}:${r.value}`)).toEqual(['本年:1', '上年:1']);
  });

  it('a report against an unrelated one: 上年结转 does not carry over, wording differs', async () => {
    const previous = await load('seed-002_e5b39d85801b4d29.txt');
    const c = buildCheckReport(await load('pipe-2024-current.txt'), { previous });
    const by = Object.fromEntries(c.results.map((r) => [r.id, r.outcome]));
    // 上年结转 自然人 1 vs seed 002's 结转下年度 0 → WARN (soft); 现行有效 11 ≠ 0 + 2 − 1 → WARN; S8 PASS.
    expect(by).toMatchObject({ S1: 'WARN', S2: 'WARN', S8: 'PASS' });
  });

  it('S11: a summary equal to the sum of its children passes; a summary of one child that differs warns', async () => {
    const a = await load('pipe-2023-previous.txt');
    expect(buildCheckReport(a, { children: [a] }).results.find((r) => r.id === 'S11')!.outcome).toBe('PASS');
    const b = await load('pipe-2024-current.txt');
    expect(buildCheckReport(a, { children: [b] }).results.find((r) => r.id === 'S11')!.outcome).toBe('WARN');
  });

  it('text similarity: identical 1, disjoint 0, punctuation and digits ignored', () => {
    expect(textSimilarity('一是加强培训。', '一是加强培训')).toBe(1);
    expect(textSimilarity('加强培训', '完善制度')).toBe(0);
    expect(textSimilarity('2023年加强培训', '2024年加强培训')).toBe(1);
  });
});

describe('determinism', () => {
  it('the same report gives byte-identical JSON', async () => {
    const a = JSON.stringify(buildCheckReport(await load('html-2021-spans.html'), { level: '县级部门' }));
    const b = JSON.stringify(buildCheckReport(await load('html-2021-spans.html'), { level: '县级部门' }));
    expect(a).toBe(b);
  });
});

describe('a 2021-format report whose tables are images', () => {
  it('is not taken for a free-form report: H6 cannot be judged and the missing tables are reported', async () => {
    const { parseAnnualReport } = await import('../../src/annual-report/read-report.js');
    const text = '示例县统计局2023年政府信息公开工作年度报告\n一、总体情况\n本年度工作情况如下。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n问题如下。\n六、其他需要报告的事项\n无。\n';
    const res = parseAnnualReport('img.txt', text);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.diagnostics.map((d) => [d.code, d.line])).toEqual([['REPORT_ROW_MISSING', 5]]);
    const c = buildCheckReport(res.value);
    expect(c.results.map((r) => `${r.id}:${r.outcome}`)).toEqual(['H6:NOT_ASSESSABLE']);
  });
});

describe('2019 trial format year over year (S1, S3)', () => {
  it('2020 against 2019: 上一年项目数量 45 = 63 + (−18); 对外公开总数量 86 = 81 + 5; a re-counted item warns', async () => {
    const previous = await load('pipe-2019-trial.txt');
    expect(previous.cells.find((c) => c.row === '政府集中采购' && c.column === '采购总金额')).toMatchObject({ value: '251000', unit: '元' });
    const current = await load('html-2020-trial.html');
    const ok = buildCheckReport(current, { previous });
    expect(Object.fromEntries(ok.results.map((r) => [r.id, r.outcome]))).toMatchObject({ S1: 'PASS', S3: 'PASS', S8: 'PASS' });
    const s3 = ok.results.find((r) => r.id === 'S3')!;
    expect(s3.items.map((i) => i.detail)).toContain('45;63 + -18 = 45');
    // The office re-counted 行政许可 items: last year's 本年增/减 −17 no longer carries over → warn, never fail.
    previous.cells.find((c) => c.row === '行政许可' && c.column === '本年增/减')!.value = '-17';
    const warned = buildCheckReport(current, { previous }).results.find((r) => r.id === 'S3')!;
    expect(warned.outcome).toBe('WARN');
    expect(warned.items.filter((i) => i.outcome === 'WARN').map((i) => i.label)).toEqual(['「行政许可」:本年「上一年项目数量」= 上年「上一年项目数量」+ 上年「本年增/减」']);
  });
});

describe('O1: the 审核关系 of the pre-2019 statistics table (candidate figures)', () => {
  it('seed 003 附件2: all seven relations hold (收到 2 = 2+0+0+0, 答复 2 = 0+1+0+1+0+0+0+0, 人员 2 = 1+1 …)', async () => {
    const c = buildCheckReport(await load('seed-003_8d5c68cf3dfa9998.txt'));
    const o1 = c.results.find((r) => r.id === 'O1')!;
    expect(o1.items.map((i) => `${i.outcome} ${i.label}`)).toEqual([
      'PASS 收到申请数 = 当面 + 传真 + 网络 + 信函',
      'PASS 申请办结数 = 按时办结 + 延期办结',
      'PASS 申请答复数 = 第 1 至 8 项之和',
      'PASS 不同意公开答复数 = 六种情形之和',
      'PASS 行政复议数量 = 维持 + 纠错 + 其他',
      'PASS 行政诉讼数量 = 维持 + 纠错 + 其他',
      'PASS 工作人员数 = 专职 + 兼职',
    ]);
    expect(o1.items[0]!.detail).toBe('2;2 + 0 + 0 + 0 = 2');
  });

  it('a figure that does not add up warns (never fails: the figures are unconfirmed)', async () => {
    const { parseAnnualReport } = await import('../../src/annual-report/read-report.js');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(`${FIX}seed-003_8d5c68cf3dfa9998.txt`, 'utf8').replace('22 | 1.当面申请数 | 件 | 2 |', '22 | 1.当面申请数 | 件 | 1 |');
    const res = parseAnnualReport('r.txt', text);
    if (!res.ok) throw new Error('read');
    const o1 = buildCheckReport(res.value).results.find((r) => r.id === 'O1')!;
    expect(o1.outcome).toBe('WARN');
    expect(o1.items.filter((i) => i.outcome === 'WARN').map((i) => i.detail)).toEqual(['2;1 + 0 + 0 + 0 = 1,不相等']);
  });

  it('seed 001 (洪江区): rows left without figures make the relations not assessable', async () => {
    const c = buildCheckReport(await load('seed-001_388bdfa86b858c1f.txt'));
    expect(c.results.find((r) => r.id === 'O1')!.items.map((i) => `${i.outcome} ${i.label}`)).toEqual([
      'NOT_ASSESSABLE 行政复议数量 = 维持 + 纠错 + 其他',
      'NOT_ASSESSABLE 行政诉讼数量 = 维持 + 纠错 + 其他',
      'NOT_ASSESSABLE 工作人员数 = 专职 + 兼职',
    ]);
  });
});
