// Weights and sources: M23 multiplicative weight hierarchy (percent of percent), M24 mixed-source weighting
// (网上考核80% + 现场考核20%), M26 evidence authority and externally supplied scores (以…为准).
import { describe, expect, it } from 'vitest';
import { bodyDiagnostics, codes, scoreBody } from '../helpers/mechanism.js';
import { nodeOf } from '../helpers/score.js';

describe('M23 multiplicative weight hierarchy (政府信息公开 40% → 主动公开 70% → 会议公开 10% → 制度建立与落实 30% → 评估点 100%)', () => {
  const bin = (fact: string): string => `scoring: { method: binary, when: { fact: ${fact}, operator: isTrue, value: true } }`;
  const body = `
    total: 100
    facts:
      p: { label: 评估点达标, type: boolean }
      q: { label: 其他达标, type: boolean }
    nodes:
      - id: g
        title: 政府信息公开
        weight: 40
        children:
          - id: g.a
            title: 主动公开
            weight: 70
            children:
              - id: g.a.m
                title: 会议公开
                weight: 10
                children:
                  - id: g.a.m.s
                    title: 制度建立与落实
                    weight: 30
                    children:
                      - { id: g.a.m.s.1, title: 评估点, weight: 100, ${bin('p')} }
                  - { id: g.a.m.o, title: 会议公开其他, weight: 70, ${bin('q')} }
              - { id: g.a.o, title: 主动公开其他, weight: 90, ${bin('q')} }
          - { id: g.r, title: 依申请公开, weight: 30, ${bin('q')} }
      - { id: o, title: 其他, weight: 60, ${bin('q')} }
  `;
  it.each([
    // node id → max: 100 × 40% × 70% × 10% × 30% × 100%
    { id: 'g', max: 40 }, // 100 × 40%
    { id: 'g.a', max: 28 }, // 40 × 70%
    { id: 'g.a.m', max: 2.8 }, // 28 × 10%
    { id: 'g.a.m.s', max: 0.84 }, // 2.8 × 30%
    { id: 'g.a.m.s.1', max: 0.84 }, // 0.84 × 100%
    { id: 'g.a.m.o', max: 1.96 }, // 2.8 × 70%
    { id: 'g.a.o', max: 25.2 }, // 28 × 90%
    { id: 'g.r', max: 12 }, // 40 × 30%
    { id: 'o', max: 60 }, // 100 × 60%
  ])('$id is worth $max', async ({ id, max }) => {
    const r = await scoreBody(body, { p: true, q: true });
    expect(nodeOf(r, id).max).toBe(max);
    expect(nodeOf(r, id).score).toBe(max);
  });

  it.each([
    { p: true, q: false, base: 0.84 }, // only the 评估点
    { p: false, q: true, base: 99.16 }, // 100 − 0.84
    { p: true, q: true, base: 100 },
  ])('p=$p q=$q → base $base', async ({ p, q, base }) => {
    const r = await scoreBody(body, { p, q });
    expect(r.totals.base).toBe(base);
    expect(nodeOf(r, 'g.a.m.s').score).toBe(p ? 0.84 : 0);
  });

  it('sibling weights that do not add up to 100% are rejected (WEIGHTS_INVALID)', () => {
    const d = bodyDiagnostics(body.replace('weight: 90,', 'weight: 80,'));
    expect(d.map((x) => [x.code, x.actual])).toEqual([['WEIGHTS_INVALID', '90']]);
  });
});

describe('M24 mixed-source weighting (网上考核占80%,现场考核占20%)', () => {
  const body = `
    total: 10
    facts:
      online: { label: 网上考核得分率, type: percent }
      onsite: { label: 现场考核得分率, type: percent }
    nodes:
      - id: w
        title: 门户网站建设
        points: 10
        scoring:
          method: weighted
          inputs:
            - { fact: online, weight: 80, label: 网上考核 }
            - { fact: onsite, weight: 20, label: 现场考核 }
  `;
  it.each([
    { online: 90, onsite: 50, score: 8.2 }, // (90×80% + 50×20%) = 82% × 10 = 8.2
    { online: 100, onsite: 0, score: 8 }, // 80% × 10
    { online: 0, onsite: 100, score: 2 }, // 20% × 10
    { online: 77.5, onsite: 62.5, score: 7.45 }, // 62 + 12.5 = 74.5% × 10 = 7.45
    { online: 100, onsite: 100, score: 10 },
  ])('online $online%, onsite $onsite% → $score', async ({ online, onsite, score }) => {
    const r = await scoreBody(body, { online, onsite });
    expect(nodeOf(r, 'w').score).toBe(score);
  });

  it('a missing source leaves the item missing_evidence at 0', async () => {
    const r = await scoreBody(body, { online: 90 });
    expect(nodeOf(r, 'w')).toMatchObject({ score: 0, status: 'missing_evidence', missingFacts: ['onsite'] });
    expect(r.missingEvidence).toEqual([{ id: 'w', title: '门户网站建设', facts: ['onsite'] }]);
  });

  it('source weights that do not add up to 100% are rejected', () => {
    expect(codes(bodyDiagnostics(body.replace('weight: 20', 'weight: 30')))).toEqual(['WEIGHTS_INVALID']);
  });
});

describe('M26 evidence authority and externally supplied scores (以县外网办评价为准; 日常监测得分)', () => {
  const body = `
    total: 36
    facts:
      county: { label: 县外网办评价得分, type: number, source: 县外网办评价表 }
      monitoring: { label: 日常监测得分率, type: percent }
    nodes:
      - id: web
        title: 门户网建设
        points: 6
        scoring: { method: external, fact: county, authority: 以县外网办评价为准 }
      - id: mon
        title: 网站日常监测
        points: 30
        scoring: { method: external, fact: monitoring, scale: percent, authority: 以全县网站日常监测结果为准 }
  `;
  it.each([
    { county: 5.5, monitoring: 85, web: 5.5, mon: 25.5, base: 31 }, // 5.5 as supplied; 85% × 30 = 25.5; 5.5 + 25.5
    { county: 6, monitoring: 100, web: 6, mon: 30, base: 36 },
    { county: 7, monitoring: 0, web: 6, mon: 0, base: 6 }, // a supplied score above the item's points is held at 6
    { county: 0, monitoring: 33.3, web: 0, mon: 9.99, base: 9.99 }, // 33.3% × 30 = 9.99
  ])('county $county, monitoring $monitoring% → $web + $mon', async ({ county, monitoring, web, mon, base }) => {
    const r = await scoreBody(body, { county, monitoring });
    expect(nodeOf(r, 'web').score).toBe(web);
    expect(nodeOf(r, 'mon').score).toBe(mon);
    expect(r.totals.base).toBe(base);
  });

  it('the authority (以…为准) is quoted in the explanation', async () => {
    const r = await scoreBody(body, { county: 5, monitoring: 50 });
    expect(nodeOf(r, 'web').reasons[0]!.text).toContain('以县外网办评价为准');
    expect(nodeOf(r, 'mon').reasons[0]!.text).toContain('以全县网站日常监测结果为准');
  });
});
