// Conditions and facts: M8 additive partial credit, M9 graded levels, M28 periodic (monthly / quarterly) facts,
// M30 dated conditions; comparing two facts, parameters, derived facts (sum, difference, ratio with a zero
// denominator as a value or as missing, count trueOf / list / itemsOf, daysBetween), and missing facts.
import { describe, expect, it } from 'vitest';
import { bodyDiagnostics, codes, scoreBody } from '../helpers/mechanism.js';
import { nodeOf } from '../helpers/score.js';

describe('M8 additive partial credit as % of the item (标识 50%、基本信息 30%、准确无误 20%)', () => {
  const body = `
    total: 5
    facts:
      logo: { label: 清晰显示党政机关网站标识, type: boolean }
      info: { label: 可查看网站基本信息, type: boolean }
      accurate: { label: 信息准确无误, type: boolean }
    nodes:
      - id: "8"
        title: 网站标识
        points: 5
        scoring:
          method: clauses
          clauses:
            - { id: logo, title: 标识, percent: 50, when: { fact: logo, operator: isTrue, value: true } }
            - { id: info, title: 基本信息, percent: 30, when: { fact: info, operator: isTrue, value: true } }
            - { id: accurate, title: 准确无误, percent: 20, when: { fact: accurate, operator: isTrue, value: true } }
  `;
  it.each([
    { logo: true, info: true, accurate: true, score: 5, status: 'met' }, // 2.5 + 1.5 + 1
    { logo: true, info: false, accurate: true, score: 3.5, status: 'partial' }, // 2.5 + 1
    { logo: false, info: true, accurate: true, score: 2.5, status: 'partial' }, // 1.5 + 1
    { logo: false, info: false, accurate: true, score: 1, status: 'partial' },
    { logo: false, info: false, accurate: false, score: 0, status: 'unmet' },
  ])('logo=$logo info=$info accurate=$accurate → $score', async ({ logo, info, accurate, score, status }) => {
    const n = nodeOf(await scoreBody(body, { logo, info, accurate }), '8');
    expect(n).toMatchObject({ score, status });
    // each clause reports what it lost
    expect(n.reasons.map((r) => r.points)).toEqual([logo ? 0 : -2.5, info ? 0 : -1.5, accurate ? 0 : -1]);
  });

  it('clauses adding up above the item are rejected', () => {
    expect(codes(bodyDiagnostics(body.replace('percent: 20', 'percent: 30')))).toEqual(['AMOUNT_EXCEEDS_POINTS']);
  });
});

describe('M9 graded levels (优10 良8 一般6 差0)', () => {
  const body = `
    total: 10
    facts:
      rate: { label: 测评得分率, type: percent }
    nodes:
      - id: "9"
        title: 政务公开质量
        points: 10
        scoring:
          method: levels
          levels:
            - { label: 优, points: 10, when: { fact: rate, operator: greaterThanInclusive, value: 90 } }
            - { label: 良, points: 8, when: { fact: rate, operator: greaterThanInclusive, value: 75 } }
            - { label: 一般, points: 6, when: { fact: rate, operator: greaterThanInclusive, value: 60 } }
            - { label: 差, points: 0 }
  `;
  it.each([
    { rate: 100, score: 10 },
    { rate: 90, score: 10 }, // inclusive
    { rate: 89.9, score: 8 },
    { rate: 75, score: 8 },
    { rate: 74, score: 6 },
    { rate: 60, score: 6 },
    { rate: 59.9, score: 0 }, // the fallback level
  ])('rate $rate → $score', async ({ rate, score }) => {
    const n = nodeOf(await scoreBody(body, { rate }), '9');
    expect(n.score).toBe(score);
    // the first level that matched is the last reason, marked true
    expect(n.reasons.at(-1)!.result).toBe(true);
  });

  it('levels out of order are rejected (LEVELS_UNORDERED)', () => {
    expect(codes(bodyDiagnostics(body.replace('label: 良, points: 8', 'label: 良, points: 10').replace('label: 优, points: 10', 'label: 优, points: 8')))).toEqual(['LEVELS_UNORDERED']);
  });
});

describe('M28 periodic scoring: monthly counts against a monthly quota, quarterly facts', () => {
  const body = `
    total: 20
    parameters:
      quota: { label: 每月最低发布条数, value: 40, unit: 条 }
    facts:
      monthly: { label: 各月发布条数, type: list, items: integer }
      lowMonths:
        label: 低于规定数量的月份数
        type: integer
        derive: { count: { list: monthly, operator: lessThan, value: 40 } }
      blankMonths:
        label: 空白月份数
        type: integer
        derive: { count: { list: monthly, operator: equal, value: 0 } }
      monthsReported:
        label: 已填报月份数
        type: integer
        derive: { count: { itemsOf: monthly } }
    nodes:
      - id: m
        title: 信息发布数量(按月考核)
        points: 20
        scoring:
          method: deduct
          overlap: stack
          deductions:
            - { id: low, reason: 当月发布数量低于40条, per: { fact: lowMonths }, each: 2 }
            - { id: blank, reason: 空白月, per: { fact: blankMonths }, each: 3 }
  `;
  it.each([
    // monthly counts → low months, blank months, score
    { monthly: [50, 60, 41, 40, 45, 90, 40, 41, 42, 43, 44, 45], low: 0, blank: 0, score: 20 },
    { monthly: [50, 39, 41, 40, 45, 90, 40, 41, 42, 43, 44, 45], low: 1, blank: 0, score: 18 }, // 20 − 1×2
    { monthly: [50, 0, 41, 40, 45, 90, 40, 41, 0, 43, 10, 45], low: 3, blank: 2, score: 8 }, // 20 − 3×2 − 2×3 = 8 (a blank month is also below quota: stacked)
    { monthly: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], low: 12, blank: 12, score: 0 }, // 20 − 24 − 36 → 0
  ])('low $low, blank $blank → $score', async ({ monthly, low, blank, score }) => {
    const n = nodeOf(await scoreBody(body, { monthly }), 'm');
    expect(n.score).toBe(score);
    const counts = Object.fromEntries(n.deductions.map((d) => [d.id, d.count]));
    expect(counts).toEqual({ ...(low ? { low } : {}), ...(blank ? { blank } : {}) });
  });

  it('both counts come from the same monthly list, so the rubric must say whether they stack', () => {
    expect(codes(bodyDiagnostics(body.replace('          overlap: stack\n', '')))).toEqual(['DEDUCTION_OVERLAP_UNDECLARED']);
  });

  const december = `
    total: 5
    facts:
      monthly: { label: 各月发布条数, type: list, items: integer }
      notes: { label: 各月说明, type: list, items: text }
    nodes:
      - id: dec
        title: 12月发布数量不低于40条
        points: 5
        scoring: { method: binary, when: { fact: monthly, path: "$[11]", operator: greaterThanInclusive, value: 40 } }
  `;
  it.each([
    { dec: 40, score: 5, result: true },
    { dec: 39, score: 0, result: false },
  ])('one month of a monthly list by path: December $dec → $score', async ({ dec, score, result }) => {
    const monthly = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, dec];
    const n = nodeOf(await scoreBody(december, { monthly }), 'dec');
    expect(n.score).toBe(score);
    expect(n.reasons[0]!.conditions![0]).toMatchObject({ fact: 'monthly', actual: dec, expected: 40, result });
  });

  it('a path into a list is checked against the element type', () => {
    expect(codes(bodyDiagnostics(december.replace('fact: monthly, path', 'fact: notes, path')))).toEqual(['OPERATOR_TYPE_MISMATCH']);
  });

  it('quarterly: one item per quarter, each against its own fact (一季度一考评)', async () => {
    const b = `
      total: 100
      facts:
      ${[1, 2, 3, 4].map((q) => `  q${q}: { label: 第${q}季度考评得分率, type: percent }`).join('\n      ')}
      nodes:
      ${[1, 2, 3, 4].map((q) => `  - { id: Q${q}, title: 第${q}季度, points: 25, scoring: { method: percent, fact: q${q} } }`).join('\n      ')}
    `;
    const r = await scoreBody(b, { q1: 100, q2: 90, q3: 80, q4: 50 });
    // 25 × (100% + 90% + 80% + 50%) = 25 + 22.5 + 20 + 12.5 = 80
    expect(r.nodes.map((n) => n.score)).toEqual([25, 22.5, 20, 12.5]);
    expect(r.totals.final).toBe(80);
  });
});

describe('M30 dated conditions (6月30日之前召开会议部署工作; 年度报告1月31日 / 3月31日前公布)', () => {
  const body = `
    total: 8
    year: 2024
    parameters:
      meetingBy: { label: 部署会议截止日期, value: "2024-06-30" }
      reportBy: { label: 年报公布截止日期, value: "2024-01-31" }
      reportLate: { label: 年报公布最迟日期, value: "2024-03-31" }
    facts:
      meetingDate: { label: 部署会议召开日期, type: date }
      reportDate: { label: 年度报告公布日期, type: date }
    nodes:
      - id: meeting
        title: 召开会议部署工作
        points: 3
        scoring: { method: binary, when: { fact: meetingDate, operator: dateBefore, value: "2024-06-30" } }
      - id: report
        title: 年度报告
        points: 5
        scoring:
          method: levels
          levels:
            - { label: 按时, points: 5, when: { fact: reportDate, operator: dateOnOrBefore, value: { param: reportBy } } }
            - { label: 延迟, points: 2.5, when: { fact: reportDate, operator: dateOnOrBefore, value: { param: reportLate } } }
            - { label: 逾期, points: 0 }
  `;
  it.each([
    { meetingDate: '2024-06-29', reportDate: '2024-01-31', meeting: 3, report: 5 }, // before 6-30; on 1-31 (inclusive)
    { meetingDate: '2024-06-30', reportDate: '2024-02-01', meeting: 0, report: 2.5 }, // 之前: 6-30 itself is not before
    { meetingDate: '2024-01-05', reportDate: '2024-03-31', meeting: 3, report: 2.5 },
    { meetingDate: '2024-07-01', reportDate: '2024-04-01', meeting: 0, report: 0 },
    { meetingDate: '2023-12-31', reportDate: '2023-12-31', meeting: 3, report: 5 }, // string order = date order across years
  ])('meeting $meetingDate, report $reportDate → $meeting + $report', async ({ meetingDate, reportDate, meeting, report }) => {
    const r = await scoreBody(body, { meetingDate, reportDate });
    expect(nodeOf(r, 'meeting').score).toBe(meeting);
    expect(nodeOf(r, 'report').score).toBe(report);
    expect(r.totals.final).toBe(meeting + report);
  });

  it('the dated condition shows the date seen and the deadline (a parameter, resolved)', async () => {
    const r = await scoreBody(body, { meetingDate: '2024-07-01', reportDate: '2024-02-01' });
    expect(nodeOf(r, 'meeting').reasons[0]!.conditions![0]).toMatchObject({ fact: 'meetingDate', operator: 'dateBefore', actual: '2024-07-01', expected: '2024-06-30', result: false });
    expect(nodeOf(r, 'report').reasons[0]!.conditions![0]).toMatchObject({ actual: '2024-02-01', expected: '2024-01-31', result: false });
  });

  it('a date that is not YYYY-MM-DD is rejected in the rubric (VALUE_TYPE_MISMATCH)', () => {
    expect(codes(bodyDiagnostics(body.replace('value: "2024-06-30" } }', 'value: "6月30日" } }')))).toEqual(['VALUE_TYPE_MISMATCH']);
  });
});

describe('comparing two facts and reading parameters', () => {
  const body = `
    total: 10
    parameters:
      minRate: { label: 及时率下限, value: 80, unit: "%" }
      fullRate: { label: 满分及时率, value: 100, unit: "%" }
    facts:
      published: { label: 已公开文件数, type: integer, min: 0, unit: 件 }
      issued: { label: 制发文件数, type: integer, min: 0, unit: 件 }
      rate: { label: 办理及时率, type: percent }
    nodes:
      - id: all
        title: 应公开尽公开
        points: 4
        scoring: { method: binary, when: { fact: published, operator: greaterThanInclusive, value: { fact: issued } } }
      - id: rate
        title: 及时率
        points: 6
        scoring: { method: linear, fact: rate, from: { value: { param: minRate }, points: 0 }, to: { value: { param: fullRate }, points: 6 } }
  `;
  it.each([
    { published: 12, issued: 12, all: 4, result: true },
    { published: 13, issued: 12, all: 4, result: true },
    { published: 11, issued: 12, all: 0, result: false },
  ])('published $published vs issued $issued → $all', async ({ published, issued, all, result }) => {
    const r = await scoreBody(body, { published, issued, rate: 100 });
    expect(nodeOf(r, 'all').score).toBe(all);
    // the compared fact's value is the expected value in the explanation
    expect(nodeOf(r, 'all').reasons[0]!.conditions![0]).toMatchObject({ fact: 'published', actual: published, expected: issued, result });
  });

  it.each([
    { rate: 100, score: 6 },
    { rate: 95, score: 4.5 }, // (95 − 80) / (100 − 80) × 6 = 4.5
    { rate: 81, score: 0.3 }, // 1/20 × 6 = 0.3
    { rate: 80, score: 0 },
    { rate: 50, score: 0 }, // clamped to the lower anchor
  ])('linear between parameter anchors: rate $rate → $score', async ({ rate, score }) => {
    const r = await scoreBody(body, { published: 1, issued: 1, rate });
    expect(nodeOf(r, 'rate').score).toBe(score);
  });

  it('a changed parameter value changes the score (the parameter is read, not copied)', async () => {
    const r = await scoreBody(body.replace('value: 80, unit', 'value: 90, unit'), { published: 1, issued: 1, rate: 95 });
    // (95 − 90) / (100 − 90) × 6 = 3
    expect(nodeOf(r, 'rate').score).toBe(3);
  });

  it('an unknown parameter or compared fact is rejected', () => {
    expect(codes(bodyDiagnostics(body.replace('{ param: minRate }', '{ param: minRat }')))).toEqual(['UNKNOWN_PARAMETER']);
    expect(codes(bodyDiagnostics(body.replace('{ fact: issued }', '{ fact: isued }')))).toEqual(['UNKNOWN_FACT']);
  });
});

describe('condition groups: all / any / not', () => {
  const body = `
    total: 2
    facts:
      a: { label: 有制度, type: boolean }
      b: { label: 有台账, type: boolean }
      c: { label: 被通报, type: boolean }
    nodes:
      - id: g
        title: 制度落实
        points: 2
        scoring:
          method: binary
          when:
            any:
              - all: [{ fact: a, operator: isTrue, value: true }, { fact: b, operator: isTrue, value: true }]
              - not: { fact: c, operator: isTrue, value: true }
  `;
  it.each([
    // (a ∧ b) ∨ ¬c
    { a: true, b: true, c: true, score: 2 },
    { a: true, b: false, c: true, score: 0 },
    { a: false, b: true, c: true, score: 0 },
    { a: false, b: false, c: false, score: 2 },
    { a: true, b: false, c: false, score: 2 },
  ])('a=$a b=$b c=$c → $score', async ({ a, b, c, score }) => {
    const n = nodeOf(await scoreBody(body, { a, b, c }), 'g');
    expect(n.score).toBe(score);
    // every leaf is reported with its own outcome, in document order
    expect(n.reasons[0]!.conditions!.map((x) => [x.fact, x.actual, x.result])).toEqual([
      ['a', a, a],
      ['b', b, b],
      ['c', c, c],
    ]);
  });
});

describe('derived facts', () => {
  const ratio = (onZero: string): string => `
    total: 5
    facts:
      cases: { label: 行政复议和诉讼案件数, type: integer, min: 0 }
      corrected: { label: 被纠错案件数, type: integer, min: 0 }
      corrRate:
        label: 被纠错率
        type: percent
        derive: { ratio: { numerator: corrected, denominator: cases, percent: true, onZeroDenominator: ${onZero} } }
    nodes:
      - id: r
        title: 被纠错率低于10%
        points: 5
        scoring: { method: binary, when: { fact: corrRate, operator: lessThan, value: 10 } }
  `;
  it.each([
    { onZero: '{ value: 0 }', corrected: 1, cases: 8, score: 5 * 0, status: 'unmet', actual: 12.5 }, // 1/8 = 12.5% ≥ 10%
    { onZero: '{ value: 0 }', corrected: 1, cases: 20, score: 5, status: 'met', actual: 5 }, // 1/20 = 5%
    { onZero: '{ value: 0 }', corrected: 1, cases: 3, score: 0, status: 'unmet', actual: 33.3333333333 }, // 1/3, 10 decimals kept
    { onZero: '{ value: 0 }', corrected: 0, cases: 0, score: 5, status: 'met', actual: 0 }, // 无案件时按 0% 计
    { onZero: '{ value: 100 }', corrected: 0, cases: 0, score: 0, status: 'unmet', actual: 100 },
  ])('ratio $corrected/$cases with onZeroDenominator $onZero → $score', async ({ onZero, corrected, cases, score, status, actual }) => {
    const n = nodeOf(await scoreBody(ratio(onZero), { corrected, cases }), 'r');
    expect(n).toMatchObject({ score, status });
    expect(n.reasons[0]!.conditions![0]).toMatchObject({ fact: 'corrRate', actual, expected: 10 });
  });

  it('a zero denominator declared missing leaves the item missing_evidence at 0', async () => {
    const r = await scoreBody(ratio("'missing'"), { corrected: 0, cases: 0 });
    expect(nodeOf(r, 'r')).toMatchObject({ score: 0, status: 'missing_evidence', missingFacts: ['corrRate'] });
    expect(r.missingEvidence).toEqual([{ id: 'r', title: '被纠错率低于10%', facts: ['corrRate'] }]);
    // the same rubric with a non-zero denominator scores normally: 0/4 = 0% < 10%
    expect(nodeOf(await scoreBody(ratio("'missing'"), { corrected: 0, cases: 4 }), 'r').score).toBe(5);
  });

  const counting = `
    total: 16
    facts:
      weibo: { label: 开通政务微博, type: boolean }
      wechat: { label: 开通政务微信, type: boolean }
      board: { label: 设置公开栏, type: boolean }
      channels:
        label: 公开渠道数
        type: integer
        derive: { count: { trueOf: [weibo, wechat, board] } }
      online: { label: 网上公开条数, type: integer, min: 0 }
      offline: { label: 其他方式公开条数, type: integer, min: 0 }
      total:
        label: 公开总条数
        type: integer
        derive: { sum: [online, offline] }
      target: { label: 目标任务条数, type: integer, min: 0 }
      shortfall:
        label: 差额
        type: integer
        derive: { difference: [target, total] }
    nodes:
      - id: c
        title: 公开渠道
        points: 6
        scoring: { method: perOccurrence, per: { fact: channels }, each: 2 }
      - id: t
        title: 目标任务
        points: 10
        scoring:
          method: deduct
          deductions:
            - { id: short, reason: 每少10条扣1分, per: { fact: shortfall, step: 10 }, each: 1 }
  `;
  it.each([
    // count trueOf → 2 points each; sum then difference → 1 point per whole 10 short
    { weibo: true, wechat: true, board: true, online: 80, offline: 20, target: 100, c: 6, t: 10 }, // 3×2; 100 − 100 = 0 short
    { weibo: true, wechat: false, board: true, online: 50, offline: 15, target: 100, c: 4, t: 7 }, // 2×2; 100 − 65 = 35 → 3 steps → 10 − 3
    { weibo: false, wechat: false, board: false, online: 120, offline: 0, target: 100, c: 0, t: 10 }, // 0; −20 short → no deduction
  ])('channels and shortfall → c $c, t $t', async ({ c, t, ...facts }) => {
    const r = await scoreBody(counting, facts);
    expect(nodeOf(r, 'c').score).toBe(c);
    expect(nodeOf(r, 't').score).toBe(t);
  });

  it('a derived fact with a missing input is missing too', async () => {
    const r = await scoreBody(counting, { weibo: true, wechat: true, online: 80, offline: 20, target: 100 });
    expect(nodeOf(r, 'c')).toMatchObject({ score: 0, status: 'missing_evidence', missingFacts: ['channels'] });
    expect(nodeOf(r, 't').score).toBe(10);
    // the warning names the fact the agency has to supply, not the derived one
    expect(r.diagnostics.filter((d) => d.code === 'MISSING_FACT').map((d) => d.actual)).toEqual(['board']);
  });

  const days = `
    total: 6
    facts:
      received: { label: 申请收到日期, type: date }
      replied: { label: 答复日期, type: date }
      delay:
        label: 办理天数
        type: integer
        unit: 天
        derive: { daysBetween: { from: received, to: replied } }
    nodes:
      - id: d
        title: 依申请公开按期答复(20日内)
        points: 6
        scoring: { method: binary, when: { fact: delay, operator: lessThanInclusive, value: 20 } }
  `;
  it.each([
    { received: '2024-03-01', replied: '2024-03-21', delay: 20, score: 6 },
    { received: '2024-03-01', replied: '2024-03-22', delay: 21, score: 0 },
    { received: '2024-02-10', replied: '2024-03-01', delay: 20, score: 6 }, // 2024 is a leap year: Feb has 29 days
    { received: '2023-02-10', replied: '2023-03-01', delay: 19, score: 6 },
    { received: '2023-12-20', replied: '2024-01-09', delay: 20, score: 6 }, // across the year end
    { received: '2024-03-10', replied: '2024-03-01', delay: -9, score: 6 }, // to before from: negative
  ])('$received → $replied = $delay days → $score', async ({ received, replied, delay, score }) => {
    const n = nodeOf(await scoreBody(days, { received, replied }), 'd');
    expect(n.score).toBe(score);
    expect(n.reasons[0]!.conditions![0]!.actual).toBe(delay);
  });

  it('a derived fact given in the evidence is rejected (FACT_DERIVED_GIVEN)', async () => {
    const { evidenceDiagnostics } = await import('../helpers/mechanism.js');
    const r = evidenceDiagnostics(days, { received: '2024-03-01', replied: '2024-03-02', delay: 1 });
    expect(codes(r.diagnostics)).toEqual(['FACT_DERIVED_GIVEN']);
  });
});

describe('missing facts → missing_evidence with score 0', () => {
  const body = `
    total: 10
    facts:
      a: { label: 甲, type: boolean }
      b: { label: 乙, type: integer, min: 0 }
    nodes:
      - { id: x, title: 甲项, points: 4, scoring: { method: binary, when: { fact: a, operator: isTrue, value: true } } }
      - id: y
        title: 乙项
        points: 6
        scoring:
          method: deduct
          deductions:
            - { id: b, reason: 问题, per: { fact: b }, each: 1 }
  `;
  it.each([
    { facts: { b: 1 }, x: 0, xStatus: 'missing_evidence', y: 5, final: 5 }, // a absent
    { facts: { a: null, b: 1 }, x: 0, xStatus: 'missing_evidence', y: 5, final: 5 }, // a explicitly null (空白)
    { facts: { a: true }, x: 4, xStatus: 'met', y: 0, final: 4 }, // b absent: the deduct item cannot be scored, 0 — not the full 6
    { facts: { a: true, b: 0 }, x: 4, xStatus: 'met', y: 6, final: 10 },
  ])('$facts → x $x, y $y', async ({ facts, x, xStatus, y, final }) => {
    const r = await scoreBody(body, facts);
    expect(nodeOf(r, 'x')).toMatchObject({ score: x, status: xStatus });
    expect(nodeOf(r, 'y').score).toBe(y);
    expect(r.totals.final).toBe(final);
  });

  it('lists the missing facts per item and warns once per fact', async () => {
    const r = await scoreBody(body, {});
    expect(r.missingEvidence).toEqual([
      { id: 'x', title: '甲项', facts: ['a'] },
      { id: 'y', title: '乙项', facts: ['b'] },
    ]);
    expect(nodeOf(r, 'y')).toMatchObject({ status: 'missing_evidence', score: 0, lost: 6 });
    expect(r.diagnostics.filter((d) => d.code === 'MISSING_FACT').map((d) => [d.severity, d.actual])).toEqual([
      ['warning', 'a'],
      ['warning', 'b'],
    ]);
  });

  it('a missing fact is never read as false: a `not` over it is still missing', async () => {
    const b = body.replace('{ fact: a, operator: isTrue, value: true }', '{ not: { fact: a, operator: isTrue, value: true } }');
    const r = await scoreBody(b, { b: 0 });
    expect(nodeOf(r, 'x')).toMatchObject({ score: 0, status: 'missing_evidence' });
  });
});
