// M25 grade bands and M11 vetoes (单项否决): of the whole assessment (optionally with a fixed result score, 59分),
// of an item or a section, with stopScoring true (不再对其他指标进行评分) or false (scored, then overridden).
import { describe, expect, it } from 'vitest';
import { acceptNotApplicable, bodyDiagnostics, codes, scoreBody } from '../helpers/mechanism.js';
import { nodeOf } from '../helpers/score.js';

describe('M25 grade bands (优秀 ≥90, 良好 80–90, 合格 60–80, 不合格 <60)', () => {
  const body = `
    total: 100
    facts:
      s: { label: 得分, type: number, min: 0, max: 100 }
    nodes:
      - { id: all, title: 全部指标, points: 100, scoring: { method: external, fact: s, authority: 以考核组评分为准 } }
  `;
  it.each([
    { s: 100, grade: '优秀' },
    { s: 90, grade: '优秀' }, // 90分以上,含90分
    { s: 89.99, grade: '良好' },
    { s: 80, grade: '良好' }, // 含80分
    { s: 79.99, grade: '合格' },
    { s: 60, grade: '合格' }, // 含60分
    { s: 59.99, grade: '不合格' },
    { s: 0, grade: '不合格' },
  ])('final $s → $grade', async ({ s, grade }) => {
    const r = await scoreBody(body, { s });
    expect(r.totals.final).toBe(s);
    expect(r.totals.grade).toBe(grade);
  });

  it.each([
    // gradeBasis normalized: 85.5 of an applicable 95 → 90 on the 100 scale
    { basis: 'normalized', grade: '优秀' }, // 85.5 × 100 / 95 = 90
    { basis: 'final', grade: '良好' }, // 85.5
  ])('gradeBasis $basis with an applicable maximum of 95 → $grade', async ({ basis, grade }) => {
    const b = `
      total: 100
      gradeBasis: ${basis}
      facts:
        s: { label: 得分, type: number, min: 0 }
      nodes:
        - { id: main, title: 主体, points: 95, scoring: { method: external, fact: s, authority: 考核组 } }
        - { id: opt, title: 可缺项, points: 5, mayBeNotApplicable: true, scoring: { method: external, fact: s, authority: 考核组 } }
    `;
    const na = { notApplicable: [{ node: 'opt', reason: '无此业务' }] };
    const r = await scoreBody(b, { s: 85.5 }, na, acceptNotApplicable(na));
    expect(r.totals).toMatchObject({ final: 85.5, applicableMax: 95, normalized: 90, grade });
  });

  it.each([
    { s: 85, grade: '好' },
    { s: 84.9, grade: '较好' },
    { s: 70, grade: '较好' },
    { s: 69, grade: '差' },
  ])('custom bands: $s → $grade', async ({ s, grade }) => {
    const b = body.replace('total: 100', 'total: 100\n    grades: [{ name: 好, min: 85 }, { name: 较好, min: 70 }, { name: 差, min: 0 }]');
    expect((await scoreBody(b, { s })).totals.grade).toBe(grade);
  });

  it('bands out of order are rejected (GRADES_UNORDERED)', () => {
    const b = body.replace('total: 100', 'total: 100\n    grades: [{ name: 合格, min: 60 }, { name: 优秀, min: 90 }]');
    expect(codes(bodyDiagnostics(b))).toEqual(['GRADES_UNORDERED']);
  });
});

/** Two sections (A 60 = A.1 30 + A.2 30, B 40) and a bonus; the veto block is spliced in. */
const vetoBody = (vetoes: string): string => `
    total: 100
    facts:
      a1: { label: 甲一得分, type: number, min: 0 }
      a2: { label: 甲二错误条数, type: integer, min: 0 }
      b: { label: 乙得分, type: number, min: 0 }
      extra: { label: 加分次数, type: integer, min: 0 }
      slow: { label: 超过15秒仍打不开的次数, type: integer, min: 0 }
      checks: { label: 监测总次数, type: integer, min: 0 }
      slowRate:
        label: 打不开次数占比
        type: percent
        derive: { ratio: { numerator: slow, denominator: checks, percent: true, onZeroDenominator: { value: 0 } } }
      ads: { label: 刊登商业广告, type: boolean }
    vetoes:
${vetoes}
    nodes:
      - id: A
        title: 甲
        points: 60
        children:
          - { id: A.1, title: 甲一, points: 30, scoring: { method: external, fact: a1, authority: 考核组 } }
          - id: A.2
            title: 甲二
            points: 30
            scoring:
              method: deduct
              deductions:
                - { id: err, reason: 信息错误, per: { fact: a2 }, each: 2 }
      - { id: B, title: 乙, points: 40, scoring: { method: external, fact: b, authority: 考核组 } }
      - { id: X, title: 加分, kind: bonus, scoring: { method: perOccurrence, per: { fact: extra }, each: 1, max: 5 } }
`;
// Unvetoed: A.1 25, A.2 30 − 2×2 = 26, A = 51, B 35, base 86, bonus 2 → final 88
const FACTS = { a1: 25, a2: 2, b: 35, extra: 2, slow: 0, checks: 100, ads: false };

describe('M11 veto of the whole assessment (超过(含)15秒打不开的次数占比超过(含)5% → 不合格)', () => {
  const assessment = (extra: string): string =>
    vetoBody(`      - id: down
        title: 网站无法访问
        when: { fact: slowRate, operator: greaterThanInclusive, value: 5 }
        reason: 超过(含)15秒网站仍打不开的次数累计占比超过(含)5%
${extra}`);

  it.each([
    { slow: 0, vetoed: false, final: 88 }, // 86 + 2
    { slow: 4, vetoed: false, final: 88 }, // 4% < 5%
    { slow: 5, vetoed: true, final: 59 }, // 5% ≥ 5% (含) → 不合格(59分)
    { slow: 50, vetoed: true, final: 59 },
  ])('slow $slow of 100 → vetoed $vetoed, final $final', async ({ slow, vetoed, final }) => {
    const r = await scoreBody(assessment('        score: 59'), { ...FACTS, slow });
    expect(r.totals.final).toBe(final);
    if (vetoed) {
      // 不再对其他指标进行评分: nothing is scored, only the fixed result stands
      expect(r.totals).toMatchObject({ base: 0, bonus: 0, penalty: 0, final: 59, grade: '不合格', normalized: 59 });
      expect(r.veto).toMatchObject({ id: 'down', title: '网站无法访问', reason: '超过(含)15秒网站仍打不开的次数累计占比超过(含)5%', target: 'assessment', score: 59, grade: '不合格' });
      // the veto explains itself: the ratio seen against the threshold
      expect(r.veto!.conditions.map((c) => [c.fact, c.actual, c.expected, c.result])).toEqual([['slowRate', slow, 5, true]]);
      expect(r.nodes.map((n) => [n.id, n.status, n.score])).toEqual([
        ['A', 'vetoed', 0],
        ['A.1', 'vetoed', 0],
        ['A.2', 'vetoed', 0],
        ['B', 'vetoed', 0],
        ['X', 'vetoed', 0],
      ]);
    } else {
      expect(r.veto).toBeNull();
      expect(r.totals).toMatchObject({ base: 86, bonus: 2, grade: '良好' });
    }
  });

  it('every vetoed node carries the veto as its reason', async () => {
    const r = await scoreBody(assessment('        score: 59'), { ...FACTS, slow: 7 });
    for (const n of r.nodes) expect(n.reasons.map((x) => x.kind)).toEqual(['veto']);
    expect(nodeOf(r, 'B').reasons[0]!.text).toContain('网站无法访问');
  });

  it('without a fixed score the vetoed result is 0, with a grade the rubric names', async () => {
    const r = await scoreBody(assessment('        grade: 不合格(否决)'), { ...FACTS, slow: 5 });
    expect(r.totals).toMatchObject({ final: 0, base: 0, grade: '不合格(否决)' });
    expect(r.veto).toMatchObject({ score: null, grade: '不合格(否决)' });
  });

  it('stopScoring: false scores everything for the record, then the veto fixes the result', async () => {
    const r = await scoreBody(assessment('        score: 59\n        stopScoring: false'), { ...FACTS, slow: 5 });
    expect(r.totals).toMatchObject({ base: 86, bonus: 2, final: 59, grade: '不合格' });
    expect(nodeOf(r, 'A.2')).toMatchObject({ score: 26, status: 'deducted' }); // 30 − 2×2
    expect(nodeOf(r, 'B')).toMatchObject({ score: 35, status: 'partial' });
  });

  it('a zero denominator in the ratio (onZeroDenominator value 0) does not veto', async () => {
    const r = await scoreBody(assessment('        score: 59'), { ...FACTS, slow: 0, checks: 0 });
    expect(r.veto).toBeNull();
    expect(r.totals.final).toBe(88);
  });

  it('a veto that cannot be decided (fact missing) is not triggered and says so', async () => {
    const b = vetoBody(`      - { id: ads, title: 商业广告, when: { fact: ads, operator: isTrue, value: true }, reason: 刊登商业广告 }`);
    const { ads: _ads, ...rest } = FACTS;
    const r = await scoreBody(b, rest);
    expect(r.veto).toBeNull();
    expect(r.totals.final).toBe(88);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'MISSING_FACT', severity: 'warning', actual: 'ads' }));
    expect(r.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('of two vetoes that fire, the first in document order decides', async () => {
    const b = vetoBody(`      - { id: first, title: 否决一, when: { fact: ads, operator: isTrue, value: true }, reason: 一, score: 59 }
      - { id: second, title: 否决二, when: { fact: ads, operator: isTrue, value: true }, reason: 二, score: 30 }`);
    const r = await scoreBody(b, { ...FACTS, ads: true });
    expect(r.veto!.id).toBe('first');
    expect(r.totals.final).toBe(59);
  });
});

describe('M11 veto scoped to an item or a section', () => {
  const scoped = (target: string, extra = ''): string =>
    vetoBody(`      - id: v
        title: 发现商业广告
        target: ${target}
        when: { fact: ads, operator: isTrue, value: true }
        reason: 网站刊登商业广告,此项否决
${extra}`);

  it.each([
    // target, stopScoring → scores of A.1, A.2, A, B; base
    { target: 'A.1', extra: '', a1: 0, a2: 26, A: 26, B: 35, base: 61 }, // 0 + 26; 26 + 35
    { target: 'A.1', extra: '        score: 10', a1: 10, a2: 26, A: 36, B: 35, base: 71 }, // fixed 10 + 26; 36 + 35
    { target: 'A', extra: '', a1: 0, a2: 0, A: 0, B: 35, base: 35 }, // the section and everything under it: 0
    { target: 'A', extra: '        score: 20', a1: 0, a2: 0, A: 20, B: 35, base: 55 }, // section fixed at 20
    { target: 'B', extra: '', a1: 25, a2: 26, A: 51, B: 0, base: 51 },
  ])('target $target $extra → A $A, B $B, base $base', async ({ target, extra, a1, a2, A, B, base }) => {
    const r = await scoreBody(scoped(target, extra), { ...FACTS, ads: true });
    expect([nodeOf(r, 'A.1').score, nodeOf(r, 'A.2').score, nodeOf(r, 'A').score, nodeOf(r, 'B').score]).toEqual([a1, a2, A, B]);
    expect(nodeOf(r, target).status).toBe('vetoed');
    expect(r.totals).toMatchObject({ base, bonus: 2, final: base + 2 });
    // A scoped veto is not an assessment veto: the grade follows the score
    expect(r.veto).toBeNull();
  });

  it('a section veto with stopScoring true marks the items under it vetoed', async () => {
    const r = await scoreBody(scoped('A'), { ...FACTS, ads: true });
    expect(['A', 'A.1', 'A.2', 'B'].map((id) => nodeOf(r, id).status)).toEqual(['vetoed', 'vetoed', 'vetoed', 'partial']);
  });

  it('a section veto with stopScoring false scores the items under it, then fixes the section', async () => {
    const r = await scoreBody(scoped('A', '        score: 20\n        stopScoring: false'), { ...FACTS, ads: true });
    expect(nodeOf(r, 'A.1')).toMatchObject({ score: 25, status: 'partial' });
    expect(nodeOf(r, 'A.2')).toMatchObject({ score: 26, status: 'deducted' });
    expect(nodeOf(r, 'A')).toMatchObject({ score: 20, status: 'vetoed' });
    expect(r.totals.base).toBe(55); // 20 + 35
  });

  it('an item veto with stopScoring false still scores and explains the item, then fixes its score', async () => {
    const r = await scoreBody(scoped('A.2', '        score: 5\n        stopScoring: false'), { ...FACTS, ads: true });
    const n = nodeOf(r, 'A.2');
    expect(n).toMatchObject({ score: 5, status: 'vetoed' });
    // the deduction that scoring found stays on the record (2 × 2 = 4)
    expect(n.deductions.map((d) => [d.id, d.amount])).toEqual([['err', 4]]);
    expect(n.reasons.map((x) => x.kind)).toEqual(['deduction', 'veto']);
    expect(r.totals.base).toBe(65); // 25 + 5 + 35
  });

  it('an item veto that does not fire changes nothing', async () => {
    const r = await scoreBody(scoped('A.1'), FACTS);
    expect(r.totals).toMatchObject({ base: 86, final: 88 });
    expect(nodeOf(r, 'A.1').status).toBe('partial');
  });

  it('a veto aimed at an unknown node is rejected (UNKNOWN_NODE)', () => {
    expect(codes(bodyDiagnostics(scoped('C')))).toEqual(['UNKNOWN_NODE']);
  });
});
