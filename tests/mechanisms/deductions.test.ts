// Deduction mechanisms: M1 fixed deduction, M2 per-occurrence, M3 扣完为止, M5 per-indicator cap, M10 thresholds and
// ratios (0.1-point steps), M13 halving, and the stack / exclusive choice when two rules read the same event.
import { describe, expect, it } from 'vitest';
import { bodyDiagnostics, codes, scoreBody } from '../helpers/mechanism.js';
import { nodeOf } from '../helpers/score.js';

describe('M1 fixed deduction when a condition holds (年报制度 4分:未公开的不得分;未及时公开的扣2分)', () => {
  const body = `
    total: 4
    facts:
      published: { label: 年报已公开, type: boolean }
      onTime: { label: 年报按时公开, type: boolean }
    nodes:
      - id: "1"
        title: 年报制度
        points: 4
        zeroIf:
          - when: { fact: published, operator: isTrue, value: false }
            reason: 年报未公开
        scoring:
          method: deduct
          deductions:
            - id: late
              reason: 未及时公开
              when: { fact: onTime, operator: isTrue, value: false }
              amount: 2
  `;
  it.each([
    // published, onTime → score, status, deductions fired
    { published: true, onTime: true, score: 4, status: 'met', fired: [] }, // 4 − 0 = 4
    { published: true, onTime: false, score: 2, status: 'deducted', fired: [{ id: 'late', amount: 2, applied: true }] }, // 4 − 2 = 2
    { published: false, onTime: false, score: 0, status: 'unmet', fired: [{ id: 'late', amount: 2, applied: true }] }, // 不得分 → 0
    { published: false, onTime: true, score: 0, status: 'unmet', fired: [] }, // 不得分 → 0
  ])('published=$published onTime=$onTime → $score', async ({ published, onTime, score, status, fired }) => {
    const r = await scoreBody(body, { published, onTime });
    const n = nodeOf(r, '1');
    expect(n.score).toBe(score);
    expect(n.status).toBe(status);
    expect(n.deductions.map(({ id, amount, applied }) => ({ id, amount, applied }))).toEqual(fired);
    expect(r.totals.final).toBe(score);
  });

  it('the deduction reason (失分原因) is passed through to the deduction', async () => {
    const r = await scoreBody(body, { published: true, onTime: false });
    expect(nodeOf(r, '1').deductions[0]!.reason).toBe('未及时公开');
  });
});

describe('M2 per-occurrence deduction (公文提前或超期公开每条扣5分;要素未规范录入每条扣1分, item worth 10)', () => {
  const body = `
    total: 10
    facts:
      mistimed: { label: 提前或超期公开的公文, type: integer, min: 0, unit: 条 }
      badFields: { label: 要素未规范录入的公文, type: integer, min: 0, unit: 条 }
    nodes:
      - id: "2"
        title: 公文公开
        points: 10
        scoring:
          method: deduct
          deductions:
            - { id: mistimed, reason: 公文提前或超期公开, per: { fact: mistimed }, each: 5 }
            - { id: fields, reason: 标题、索引号等要素未规范录入, per: { fact: badFields }, each: 1 }
  `;
  it.each([
    { mistimed: 0, badFields: 0, score: 10, amounts: [] }, // 10
    { mistimed: 1, badFields: 0, score: 5, amounts: [5] }, // 10 − 1×5 = 5
    { mistimed: 1, badFields: 3, score: 2, amounts: [5, 3] }, // 10 − 1×5 − 3×1 = 2
    { mistimed: 0, badFields: 7, score: 3, amounts: [7] }, // 10 − 7×1 = 3
    { mistimed: 2, badFields: 1, score: 0, amounts: [10, 1] }, // 10 − 10 − 1 = −1 → 扣完为止 0
  ])('mistimed=$mistimed badFields=$badFields → $score', async ({ mistimed, badFields, score, amounts }) => {
    const r = await scoreBody(body, { mistimed, badFields });
    const n = nodeOf(r, '2');
    expect(n.score).toBe(score);
    expect(n.deductions.map((d) => d.amount)).toEqual(amounts);
  });

  it('records count and unit amount of a per-occurrence deduction', async () => {
    const n = nodeOf(await scoreBody(body, { mistimed: 1, badFields: 3 }), '2');
    expect(n.deductions[1]).toMatchObject({ id: 'fields', count: 3, each: 1, amount: 3, applied: true });
  });
});

describe('M3 floor at zero, 扣完为止 (出现一个月扣5分, item worth 20)', () => {
  const body = `
    total: 20
    facts:
      lowMonths: { label: 数量低于规定标准的月份数, type: integer, min: 0, max: 12, unit: 个月 }
    nodes:
      - id: "3"
        title: 信息发布数量
        points: 20
        scoring:
          method: deduct
          deductions:
            - { id: low, reason: 数量低于规定标准, per: { fact: lowMonths }, each: 5 }
  `;
  it.each([
    { lowMonths: 0, score: 20, lost: 0, amount: undefined }, // 20
    { lowMonths: 3, score: 5, lost: 15, amount: 15 }, // 20 − 3×5 = 5
    { lowMonths: 4, score: 0, lost: 20, amount: 20 }, // 20 − 4×5 = 0
    { lowMonths: 5, score: 0, lost: 20, amount: 25 }, // 20 − 25 = −5 → 0 (the deduction itself is shown unclipped)
    { lowMonths: 12, score: 0, lost: 20, amount: 60 }, // 20 − 60 → 0
  ])('lowMonths=$lowMonths → $score', async ({ lowMonths, score, lost, amount }) => {
    const r = await scoreBody(body, { lowMonths });
    const n = nodeOf(r, '3');
    expect(n.score).toBe(score);
    expect(n.lost).toBe(lost);
    expect(n.deductions[0]?.amount).toBe(amount);
    expect(r.totals.base).toBe(score);
  });

  it('a rule cap (max) limits one rule: 每条扣1分,最多扣3分', async () => {
    const b = `
      total: 10
      facts:
        errors: { label: 错误条数, type: integer, min: 0 }
      nodes:
        - id: "x"
          title: 准确性
          points: 10
          scoring:
            method: deduct
            deductions:
              - { id: err, reason: 信息有误, per: { fact: errors }, each: 1, max: 3 }
    `;
    // 10 − min(5×1, 3) = 7
    const n = nodeOf(await scoreBody(b, { errors: 5 }), 'x');
    expect(n.score).toBe(7);
    expect(n.deductions[0]!.amount).toBe(3);
  });
});

describe('M5 per-indicator deduction cap (单项指标扣分之和不超过 cap)', () => {
  const body = `
    total: 10
    facts:
      a: { label: 问题A, type: boolean }
      b: { label: 问题B, type: boolean }
    nodes:
      - id: "5"
        title: 单项指标
        points: 10
        scoring:
          method: deduct
          cap: 4
          deductions:
            - { id: a, reason: 问题A, when: { fact: a, operator: isTrue, value: true }, amount: 3 }
            - { id: b, reason: 问题B, when: { fact: b, operator: isTrue, value: true }, amount: 2.5 }
  `;
  it.each([
    { a: false, b: false, score: 10 }, // 10
    { a: true, b: false, score: 7 }, // 10 − 3 = 7
    { a: false, b: true, score: 7.5 }, // 10 − 2.5 = 7.5
    { a: true, b: true, score: 6 }, // 3 + 2.5 = 5.5 > cap 4 → 10 − 4 = 6
  ])('a=$a b=$b → $score', async ({ a, b, score }) => {
    expect(nodeOf(await scoreBody(body, { a, b }), '5').score).toBe(score);
  });

  it('a cap equal to the points stops an overdrawing child (floor: null) at 0, not below', async () => {
    const b = `
      total: 10
      facts:
        n: { label: 问题条数, type: integer, min: 0 }
      nodes:
        - id: s
          title: 一级指标
          points: 10
          children:
            - id: s.1
              title: 二级指标
              points: 10
              floor: null
              scoring:
                method: deduct
                cap: 10
                deductions:
                  - { id: n, reason: 问题, per: { fact: n }, each: 4 }
    `;
    // 3×4 = 12 > cap 10 → 10 − 10 = 0 (without the cap it would be −2)
    const r = await scoreBody(b, { n: 3 });
    expect(nodeOf(r, 's.1').score).toBe(0);
  });
});

describe('M10 thresholds and ratios (及时率每下降1个百分点扣0.1分; 每月不低于40条)', () => {
  const body = `
    total: 10
    facts:
      timelyRate: { label: 及时率, type: percent, unit: "%" }
    nodes:
      - id: "10"
        title: 办理及时率
        points: 10
        scoring:
          method: deduct
          deductions:
            - { id: rate, reason: 及时率每下降1个百分点扣0.1分, per: { fact: timelyRate, below: 100, step: 1 }, each: 0.1 }
  `;
  it.each([
    { rate: 100, score: 10, amount: undefined }, // no drop
    { rate: 99.5, score: 10, amount: undefined }, // 0.5 point drop: no whole step
    { rate: 97, score: 9.7, amount: 0.3 }, // 3 × 0.1 = 0.3 exactly (not 0.30000000000000004)
    { rate: 96.5, score: 9.7, amount: 0.3 }, // floor(3.5) = 3 steps
    { rate: 93, score: 9.3, amount: 0.7 }, // 7 × 0.1 = 0.7 → 10 − 0.7 = 9.3
    { rate: 90, score: 9, amount: 1 }, // 10 × 0.1 = 1
    { rate: 0, score: 0, amount: 10 }, // 100 × 0.1 = 10 → 0
  ])('timelyRate=$rate → $score', async ({ rate, score, amount }) => {
    const r = await scoreBody(body, { timelyRate: rate });
    const n = nodeOf(r, '10');
    expect(n.score).toBe(score);
    expect(n.deductions[0]?.amount).toBe(amount);
    expect(r.totals.final).toBe(score);
    // The JSON carries the exact decimal, not a binary-float artefact.
    expect(JSON.stringify(r.totals.final)).toBe(String(score));
  });

  it('seven separate 0.1-point deductions from 10 give exactly 9.3', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const b = `
      total: 10
      facts:
      ${ids.map((id) => `  ${id}: { label: 问题${id}, type: boolean }`).join('\n      ')}
      nodes:
        - id: "10"
          title: 细项扣分
          points: 10
          scoring:
            method: deduct
            deductions:
      ${ids.map((id) => `        - { id: ${id}, reason: 问题${id}, when: { fact: ${id}, operator: isTrue, value: true }, amount: 0.1 }`).join('\n      ')}
    `;
    const r = await scoreBody(b, Object.fromEntries(ids.map((id) => [id, true])));
    // 10 − 7 × 0.1 = 9.3 (floats would give 9.299999999999999)
    expect(nodeOf(r, '10').score).toBe(9.3);
    expect(r.totals.final).toBe(9.3);
    expect(JSON.stringify(r.totals)).toContain('"final":9.3,');
  });

  it('0.1 + 0.2 deductions from 3 give exactly 2.7', async () => {
    const b = `
      total: 3
      facts:
        x: { label: 问题X, type: boolean }
        y: { label: 问题Y, type: boolean }
      nodes:
        - id: "t"
          title: 小项
          points: 3
          scoring:
            method: deduct
            deductions:
              - { id: x, reason: X, when: { fact: x, operator: isTrue, value: true }, amount: 0.1 }
              - { id: y, reason: Y, when: { fact: y, operator: isTrue, value: true }, amount: 0.2 }
    `;
    // 3 − 0.1 − 0.2 = 2.7 (floats: 2.7 − but 0.1 + 0.2 = 0.30000000000000004)
    const r = await scoreBody(b, { x: true, y: true });
    expect(nodeOf(r, 't').score).toBe(2.7);
    expect(nodeOf(r, 't').lost).toBe(0.3);
  });

  it.each([
    // 每月不低于40条: a threshold deduction with the value seen and the value required in the reason
    { posts: 40, score: 5, result: true }, // 40 ≥ 40: no deduction
    { posts: 39, score: 3, result: false }, // 39 < 40: 5 − 2 = 3
  ])('monthly quota: posts=$posts → $score', async ({ posts, score, result }) => {
    const b = `
      total: 5
      parameters:
        quota: { label: 每月最低发布条数, value: 40, unit: 条 }
      facts:
        posts: { label: 月发布条数, type: integer, min: 0, unit: 条 }
      nodes:
        - id: q
          title: 信息发布数量
          points: 5
          scoring:
            method: deduct
            deductions:
              - id: low
                reason: 每月不低于40条
                when: { not: { fact: posts, operator: greaterThanInclusive, value: { param: quota } } }
                amount: 2
    `;
    const n = nodeOf(await scoreBody(b, { posts }), 'q');
    expect(n.score).toBe(score);
    const cond = n.reasons.find((x) => x.kind === 'deduction')!.conditions![0]!;
    expect(cond).toMatchObject({ fact: 'posts', actual: posts, expected: 40, operator: 'greaterThanInclusive', result });
  });
});

describe('M13 halving (其他文件全部未配套解读的,扣除其他文件分值的一半;若有一件解读,就可不扣分)', () => {
  const body = `
    total: 5
    facts:
      interpreted: { label: 已配套解读的其他文件数, type: integer, min: 0, unit: 件 }
    nodes:
      - id: "13"
        title: 其他文件解读
        points: 5
        scoring:
          method: deduct
          deductions:
            - id: half
              reason: 其他文件全部未配套解读
              when: { fact: interpreted, operator: equal, value: 0 }
              percentOfPoints: 50
  `;
  it.each([
    { interpreted: 0, score: 2.5, amounts: [2.5] }, // 5 − 5×50% = 2.5
    { interpreted: 1, score: 5, amounts: [] }, // 有一件解读 → 不扣分
    { interpreted: 9, score: 5, amounts: [] },
  ])('interpreted=$interpreted → $score', async ({ interpreted, score, amounts }) => {
    const n = nodeOf(await scoreBody(body, { interpreted }), '13');
    expect(n.score).toBe(score);
    expect(n.deductions.map((d) => d.amount)).toEqual(amounts);
  });
});

describe('two deduction rules on the same event: the rubric declares stack or exclusive', () => {
  const rules = `
            - id: belowQuota
              reason: 当月信息少于40条
              when: { fact: posts, operator: lessThan, value: 40 }
              amount: 2
            - id: blank
              reason: 空白月
              when: { fact: posts, operator: equal, value: 0 }
              amount: 5`;
  const make = (overlap: string | null): string => `
    total: 10
    facts:
      posts: { label: 当月发布条数, type: integer, min: 0, unit: 条 }
    nodes:
      - id: m
        title: 月度发布
        points: 10
        scoring:
          method: deduct
${overlap ? `          overlap: ${overlap}\n` : ''}          deductions:${rules}
  `;

  it('without a declaration the rubric is rejected (DEDUCTION_OVERLAP_UNDECLARED)', () => {
    expect(codes(bodyDiagnostics(make(null)))).toContain('DEDUCTION_OVERLAP_UNDECLARED');
  });

  it.each([
    // overlap, posts → score, [amount, applied] per fired rule
    { overlap: 'stack', posts: 0, score: 3, fired: [['belowQuota', 2, true], ['blank', 5, true]] }, // 10 − 2 − 5 = 3
    { overlap: 'exclusive', posts: 0, score: 5, fired: [['belowQuota', 2, false], ['blank', 5, true]] }, // only the larger: 10 − 5 = 5
    { overlap: 'stack', posts: 20, score: 8, fired: [['belowQuota', 2, true]] }, // 10 − 2 = 8
    { overlap: 'exclusive', posts: 20, score: 8, fired: [['belowQuota', 2, true]] }, // one rule fires: 10 − 2 = 8
    { overlap: 'exclusive', posts: 45, score: 10, fired: [] },
  ])('$overlap, posts=$posts → $score', async ({ overlap, posts, score, fired }) => {
    const n = nodeOf(await scoreBody(make(overlap), { posts }), 'm');
    expect(n.score).toBe(score);
    expect(n.deductions.map((d) => [d.id, d.amount, d.applied])).toEqual(fired);
  });

  it('exclusive with equal amounts keeps the first rule in document order', async () => {
    const b = make('exclusive').replace('amount: 5', 'amount: 2');
    const n = nodeOf(await scoreBody(b, { posts: 0 }), 'm');
    // 10 − 2 = 8; belowQuota (first) applied, blank left out
    expect(n.score).toBe(8);
    expect(n.deductions.map((d) => [d.id, d.applied])).toEqual([
      ['belowQuota', true],
      ['blank', false],
    ]);
  });
});
