// `overlap: exclusive` is per occurrence, not per rule: 「低于40条的月份每月扣5分」 and 「空白月每月扣10分」 declared
// exclusive charge a blank month once, as blank, and every other below-quota month 5. Hand-computed tables.
import { describe, expect, it } from 'vitest';
import { nodeOf } from '../helpers/score.js';
import { bodyDiagnostics, codes, scoreBody } from '../helpers/mechanism.js';

/** Monthly counts as a list; the two rules count its elements (positions are visible). */
const listBody = (extra = ''): string => `
  total: 60
  facts:
    monthly: { label: 各月发布条数, type: list, items: integer }
    lowMonths:
      label: 低于40条的月数
      type: integer
      derive: { count: { list: monthly, operator: lessThan, value: 40 } }
    blankMonths:
      label: 空白月数
      type: integer
      derive: { count: { list: monthly, operator: equal, value: 0 } }
  nodes:
    - id: m
      title: 信息发布数量
      points: 60
      scoring:
        method: deduct
        overlap: exclusive
${extra}        deductions:
          - { id: low, reason: 低于40条的月份每月扣5分, per: { fact: lowMonths }, each: 5 }
          - { id: blank, reason: 空白月每月扣10分, per: { fact: blankMonths }, each: 10 }
`;

/** The same rules over two plain counts: occurrences are not visible, so the counts are taken as nested. */
const countBody = `
  total: 60
  facts:
    lowMonths: { label: 低于40条的月数, type: integer, min: 0 }
    blankMonths: { label: 空白月数, type: integer, min: 0 }
  nodes:
    - id: m
      title: 信息发布数量
      points: 60
      scoring:
        method: deduct
        overlap: exclusive
        deductions:
          - { id: low, reason: 低于40条的月份每月扣5分, per: { fact: lowMonths }, each: 5 }
          - { id: blank, reason: 空白月每月扣10分, per: { fact: blankMonths }, each: 10 }
`;

//                1   2   3  4   5   6   7  8   9  10  11  12
const YEAR = [45, 30, 0, 50, 10, 0, 60, 0, 41, 39, 55, 48];
// below 40: months 2, 3, 5, 6, 8, 10 (6 months); blank: months 3, 6, 8 (3 months)

describe('exclusive per occurrence over a monthly list', () => {
  it('a blank month is charged once, as blank; the other below-quota months 5 each', async () => {
    const n = nodeOf(await scoreBody(listBody(), { monthly: YEAR }), 'm');
    // blank: 3 × 10 = 30; low: months 2, 5, 10 → 3 × 5 = 15; 60 − 45 = 15 (per rule, as before: 60 − 30 = 30)
    expect(n.score).toBe(15);
    expect(n.deductions.map((d) => [d.id, d.count, d.amount, d.applied, d.occurrences])).toEqual([
      ['low', 3, 15, true, [2, 5, 10]],
      ['blank', 3, 30, true, [3, 6, 8]],
    ]);
    const why = n.reasons.find((r) => r.text.startsWith('按 exclusive 逐次不重复扣分'))!;
    expect(why.text).toBe(
      '按 exclusive 逐次不重复扣分:低于40条的月份每月扣5分——各月发布条数第 3 项、第 6 项、第 8 项已按「空白月每月扣10分」扣分,各月发布条数第 2 项、第 5 项、第 10 项按本条扣分,本条实扣 15 分',
    );
    expect(why.points).toBe(15); // 30 charged at first, 15 given back
  });

  it.each([
    // monthly, expected score (hand-computed)
    { name: 'no month below quota', monthly: [40, 41, 50, 60, 40, 40, 40, 40, 40, 40, 40, 40], score: 60 },
    { name: 'below quota, none blank', monthly: [39, 41, 50, 60, 1, 40, 40, 40, 40, 40, 40, 40], score: 50 }, // 60 − 2×5
    { name: 'one blank month only', monthly: [0, 41, 50, 60, 40, 40, 40, 40, 40, 40, 40, 40], score: 50 }, // 60 − 10 (not 10 + 5)
    { name: 'four blank, two low', monthly: [0, 0, 0, 0, 20, 30, 40, 40, 40, 40, 40, 40], score: 10 }, // 60 − 40 − 10
    { name: 'all blank', monthly: Array(12).fill(0), score: 0 }, // 60 − 120 → 扣完为止 0
  ])('$name → $score', async ({ monthly, score }) => {
    expect(nodeOf(await scoreBody(listBody(), { monthly }), 'm').score).toBe(score);
  });

  it('the rubric can name the rule that takes precedence (here the smaller one charges the shared months)', async () => {
    const n = nodeOf(await scoreBody(listBody('        precedence: [low, blank]\n'), { monthly: YEAR }), 'm');
    // low charges all 6 months (30); blank's 3 months were already charged → 0; 60 − 30 = 30
    expect(n.score).toBe(30);
    expect(n.deductions.map((d) => [d.id, d.count, d.amount, d.applied])).toEqual([
      ['low', 6, 30, true],
      ['blank', 0, 0, false],
    ]);
  });

  it('stack still charges both rules for a blank month', async () => {
    const n = nodeOf(await scoreBody(listBody().replace('overlap: exclusive', 'overlap: stack'), { monthly: YEAR }), 'm');
    expect(n.score).toBe(0); // 60 − 30 − 30 = 0
  });
});

describe('a whole-item rule (no per) stands for every occurrence', () => {
  const body = listBody().replace(
    "          - { id: blank, reason: 空白月每月扣10分, per: { fact: blankMonths }, each: 10 }",
    "          - { id: blank, reason: 空白月每月扣10分, per: { fact: blankMonths }, each: 10 }\n          - { id: half, reason: 半年以上低于标准的扣40分, when: { fact: lowMonths, operator: greaterThanInclusive, value: 6 }, amount: 40 }",
  );
  it.each([
    // the per-occurrence charges (after their own exclusivity) against the whole-item rule: the larger is charged
    { name: 'per-occurrence 45 > 40: the months are charged', monthly: YEAR, score: 15, applied: ['low', 'blank'] },
    { name: 'six low months, none blank: 30 < 40, the item rule', monthly: [10, 10, 10, 10, 10, 10, 50, 50, 50, 50, 50, 50], score: 20, applied: ['half'] },
  ])('$name', async ({ monthly, score, applied }) => {
    const n = nodeOf(await scoreBody(body, { monthly }), 'm');
    expect(n.score).toBe(score);
    expect(n.deductions.filter((d) => d.applied).map((d) => d.id)).toEqual(applied);
  });
});

describe('exclusive per occurrence over plain counts (nested: 空白月 ⊂ 低于标准的月)', () => {
  it.each([
    { lowMonths: 6, blankMonths: 3, score: 15 }, // 3 × 10 + (6 − 3) × 5 = 45
    { lowMonths: 6, blankMonths: 0, score: 30 }, // 6 × 5
    { lowMonths: 3, blankMonths: 3, score: 30 }, // 3 × 10, no other month
    { lowMonths: 0, blankMonths: 0, score: 60 },
  ])('low=$lowMonths blank=$blankMonths → $score', async ({ lowMonths, blankMonths, score }) => {
    const n = nodeOf(await scoreBody(countBody, { lowMonths, blankMonths }), 'm');
    expect(n.score).toBe(score);
  });

  it('says how many occurrences went to which rule', async () => {
    const n = nodeOf(await scoreBody(countBody, { lowMonths: 6, blankMonths: 3 }), 'm');
    expect(n.reasons.map((r) => r.text)).toContain('按 exclusive 逐次不重复扣分:低于40条的月份每月扣5分——其中 3 次已按「空白月每月扣10分」扣分,其余 3 次按本条扣分,本条实扣 15 分');
  });
});

describe('precedence is checked', () => {
  it.each([
    { name: 'unknown rule id', extra: '        precedence: [blnk]\n', code: 'SCHEMA_INVALID' },
    { name: 'precedence without exclusive', extra: '        precedence: [blank]\n', stack: true, code: 'SCHEMA_INVALID' },
  ])('$name → $code', ({ extra, stack, code }) => {
    const b = listBody(extra);
    expect(codes(bodyDiagnostics(stack ? b.replace('overlap: exclusive', 'overlap: stack') : b))).toEqual([code]);
  });
});
