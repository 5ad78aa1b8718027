// Caps and floors: M4 children overdraw their own points but never the top-level indicator's, M12 cap at the pass
// mark then deduct, M6 zero override (此项不得分).
import { describe, expect, it } from 'vitest';
import { scoreBody } from '../helpers/mechanism.js';
import { nodeOf } from '../helpers/score.js';

describe('M4 cap at the top level: children may overdraw (floor: null), the section may not (floor 0)', () => {
  // 一级指标减分上限为自身权重分值;二级、三级指标减分上限可突破自身权重分值,不可突破一级指标自身权重分值。
  const body = (childFloor: string): string => `
    total: 20
    facts:
      a: { label: A类问题, type: integer, min: 0 }
      b: { label: B类问题, type: integer, min: 0 }
      c: { label: C类问题, type: integer, min: 0 }
    nodes:
      - id: s1
        title: 一级指标一
        points: 10
        children:
          - id: s1.1
            title: 二级指标A
            points: 5
            floor: ${childFloor}
            scoring:
              method: deduct
              deductions:
                - { id: a, reason: A类问题, per: { fact: a }, each: 2 }
          - id: s1.2
            title: 二级指标B
            points: 5
            floor: ${childFloor}
            scoring:
              method: deduct
              deductions:
                - { id: b, reason: B类问题, per: { fact: b }, each: 3 }
      - id: s2
        title: 一级指标二
        points: 10
        scoring:
          method: deduct
          deductions:
            - { id: c, reason: C类问题, per: { fact: c }, each: 1 }
  `;
  it.each([
    // floor null: children go negative, their sum is floored at the section (0)
    { floor: 'null', a: 4, b: 0, c: 0, s11: -3, s12: 5, s1: 2, base: 12 }, // s1.1 = 5 − 8 = −3; s1 = −3 + 5 = 2; base 2 + 10
    { floor: 'null', a: 4, b: 3, c: 0, s11: -3, s12: -4, s1: 0, base: 10 }, // −3 + (5 − 9) = −7 → s1 floor 0; base 0 + 10
    { floor: 'null', a: 4, b: 3, c: 2, s11: -3, s12: -4, s1: 0, base: 8 }, // s1 0, never eats s2: 0 + (10 − 2) = 8
    { floor: 'null', a: 1, b: 1, c: 0, s11: 3, s12: 2, s1: 5, base: 15 }, // 3 + 2 = 5; 5 + 10
    // default floor 0: each child stops at 0 on its own
    { floor: '0', a: 4, b: 0, c: 0, s11: 0, s12: 5, s1: 5, base: 15 }, // max(0, −3) + 5 = 5
    { floor: '0', a: 4, b: 3, c: 0, s11: 0, s12: 0, s1: 0, base: 10 },
  ])('child floor $floor, a=$a b=$b c=$c → s1 $s1, base $base', async ({ floor, a, b, c, s11, s12, s1, base }) => {
    const r = await scoreBody(body(floor), { a, b, c });
    expect(nodeOf(r, 's1.1').score).toBe(s11);
    expect(nodeOf(r, 's1.2').score).toBe(s12);
    expect(nodeOf(r, 's1').score).toBe(s1);
    expect(r.totals.base).toBe(base);
    expect(r.totals.final).toBe(base);
  });

  it('three levels: a third-level overdraw passes through the second level (floor: null) to the first (floor 0)', async () => {
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
              points: 4
              floor: null
              children:
                - id: s.1.1
                  title: 三级指标
                  points: 4
                  floor: null
                  scoring:
                    method: deduct
                    deductions:
                      - { id: n, reason: 问题, per: { fact: n }, each: 2 }
            - id: s.2
              title: 二级指标二
              points: 6
              scoring: { method: binary, when: { fact: n, operator: greaterThanInclusive, value: 0 } }
    `;
    // s.1.1 = 4 − 5×2 = −6; s.1 = −6 (no floor); s = −6 + 6 = 0 (floor 0)
    const r = await scoreBody(b, { n: 5 });
    expect(nodeOf(r, 's.1.1').score).toBe(-6);
    expect(nodeOf(r, 's.1').score).toBe(-6);
    expect(nodeOf(r, 's').score).toBe(0);
    // 4 − 3×2 = −2; −2 + 6 = 4
    const r2 = await scoreBody(b, { n: 3 });
    expect(nodeOf(r2, 's').score).toBe(4);
    expect(r2.totals.base).toBe(4);
  });

  it('a top-level section with floor: null may go negative itself, but the score part (base) never does', async () => {
    const b = `
      total: 20
      facts:
        n: { label: 问题条数, type: integer, min: 0 }
        ok: { label: 达标, type: boolean }
      nodes:
        - id: s1
          title: 一级指标一
          points: 10
          floor: null
          scoring:
            method: deduct
            deductions:
              - { id: n, reason: 问题, per: { fact: n }, each: 5 }
        - id: s2
          title: 一级指标二
          points: 10
          scoring: { method: binary, when: { fact: ok, operator: isTrue, value: true } }
    `;
    // s1 = 10 − 15 = −5; base = −5 + 10 = 5
    const r = await scoreBody(b, { n: 3, ok: true });
    expect(nodeOf(r, 's1').score).toBe(-5);
    expect(r.totals.base).toBe(5);
    // s1 = −5; base = max(0, −5 + 0) = 0
    const r2 = await scoreBody(b, { n: 3, ok: false });
    expect(r2.totals.base).toBe(0);
    expect(r2.totals.final).toBe(0);
  });
});

describe('M12 cap at the pass mark, then deduct (未梳理继续有效文件目录的,本栏目不高于及格分,然后再计算如下分值)', () => {
  const body = `
    total: 10
    facts:
      hasCatalogue: { label: 已梳理继续有效文件目录, type: boolean }
      errors: { label: 其他问题条数, type: integer, min: 0 }
    nodes:
      - id: "12"
        title: 规范性文件栏目
        points: 10
        ceilingIf:
          - when: { fact: hasCatalogue, operator: isTrue, value: false }
            reason: 未梳理继续有效文件目录
            ceiling: 6
        scoring:
          method: deduct
          deductions:
            - { id: err, reason: 其他问题, per: { fact: errors }, each: 1.5 }
  `;
  it.each([
    { hasCatalogue: true, errors: 0, score: 10 }, // 10
    { hasCatalogue: true, errors: 2, score: 7 }, // 10 − 2×1.5 = 7
    { hasCatalogue: false, errors: 0, score: 6 }, // ceiling 6
    { hasCatalogue: false, errors: 2, score: 3 }, // 6 − 3 = 3 (deduct after the ceiling, not min(6, 7) = 6)
    { hasCatalogue: false, errors: 5, score: 0 }, // 6 − 7.5 → 0
  ])('hasCatalogue=$hasCatalogue errors=$errors → $score', async ({ hasCatalogue, errors, score }) => {
    const n = nodeOf(await scoreBody(body, { hasCatalogue, errors }), '12');
    expect(n.score).toBe(score);
  });

  it('the ceiling is explained with the condition that triggered it', async () => {
    const n = nodeOf(await scoreBody(body, { hasCatalogue: false, errors: 0 }), '12');
    const reason = n.reasons.find((r) => r.kind === 'ceilingIf')!;
    expect(reason.points).toBe(-4); // 6 − 10
    expect(reason.conditions![0]).toMatchObject({ fact: 'hasCatalogue', actual: false, result: true });
  });

  it.each([
    { ok: true, flag: true, score: 6 }, // a full binary item under the ceiling: min(10, 6)
    { ok: true, flag: false, score: 10 },
    { ok: false, flag: true, score: 0 },
  ])('a ceiling on a non-deduct leaf and on a section: ok=$ok flag=$flag → $score', async ({ ok, flag, score }) => {
    const b = `
      total: 20
      facts:
        ok: { label: 达标, type: boolean }
        flag: { label: 触发封顶, type: boolean }
      nodes:
        - id: leaf
          title: 单项
          points: 10
          ceilingIf: [{ when: { fact: flag, operator: isTrue, value: true }, reason: 封顶, ceiling: 6 }]
          scoring: { method: binary, when: { fact: ok, operator: isTrue, value: true } }
        - id: sec
          title: 栏目
          points: 10
          ceilingIf: [{ when: { fact: flag, operator: isTrue, value: true }, reason: 封顶, ceiling: 6 }]
          children:
            - { id: sec.1, title: 子项一, points: 5, scoring: { method: binary, when: { fact: ok, operator: isTrue, value: true } } }
            - { id: sec.2, title: 子项二, points: 5, scoring: { method: binary, when: { fact: ok, operator: isTrue, value: true } } }
    `;
    const r = await scoreBody(b, { ok, flag });
    expect(nodeOf(r, 'leaf').score).toBe(score);
    expect(nodeOf(r, 'sec').score).toBe(score);
    expect(r.totals.base).toBe(2 * score);
  });
});

describe('M6 zero if / override to 0 (发现刊登商业广告的,此项不得分)', () => {
  const body = `
    total: 10
    facts:
      ads: { label: 刊登商业广告, type: boolean }
      ok: { label: 达标, type: boolean }
    nodes:
      - id: sec
        title: 网站管理
        points: 10
        zeroIf:
          - when: { fact: ads, operator: isTrue, value: true }
            reason: 网站刊登商业广告
        children:
          - { id: sec.1, title: 栏目一, points: 6, scoring: { method: binary, when: { fact: ok, operator: isTrue, value: true } } }
          - { id: sec.2, title: 栏目二, points: 4, scoring: { method: binary, when: { fact: ok, operator: isTrue, value: true } } }
  `;
  it.each([
    { ads: false, ok: true, score: 10, status: 'met' },
    { ads: true, ok: true, score: 0, status: 'unmet' }, // 此项不得分 overrides the children's 10
    { ads: false, ok: false, score: 0, status: 'unmet' },
  ])('ads=$ads ok=$ok → $score', async ({ ads, ok, score, status }) => {
    const r = await scoreBody(body, { ads, ok });
    expect(nodeOf(r, 'sec').score).toBe(score);
    expect(nodeOf(r, 'sec').status).toBe(status);
    expect(r.totals.final).toBe(score);
  });

  it('the zero reason is shown, with the full points as the loss', async () => {
    const n = nodeOf(await scoreBody(body, { ads: true, ok: true }), 'sec');
    const z = n.reasons.find((r) => r.kind === 'zeroIf')!;
    expect(z.points).toBe(-10);
    expect(z.text).toContain('网站刊登商业广告');
  });

  it('an undecidable zeroIf (fact missing) leaves the node missing_evidence with score 0', async () => {
    const r = await scoreBody(body, { ok: true });
    const n = nodeOf(r, 'sec');
    expect(n.score).toBe(0);
    expect(n.status).toBe('missing_evidence');
    expect(n.missingFacts).toEqual(['ads']);
  });
});
