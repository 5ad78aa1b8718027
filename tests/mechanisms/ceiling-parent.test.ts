// M12 on a parent: 先封顶再扣分 — the ceiling replaces the parent's maximum and the children's losses come off it,
// exactly as on a leaf (10-point item capped at 6 that lost 2 → 4, not min(6, 8) = 6). Hand-computed tables.
import { describe, expect, it } from 'vitest';
import { nodeOf } from '../helpers/score.js';
import { scoreBody } from '../helpers/mechanism.js';

const body = `
  total: 10
  facts:
    hasCatalogue: { label: 已梳理继续有效文件目录, type: boolean }
    a: { label: 子项一达标, type: boolean }
    b: { label: 子项二达标, type: boolean }
    errors: { label: 其他问题条数, type: integer, min: 0 }
  nodes:
    - id: sec
      title: 规范性文件栏目
      points: 10
      ceilingIf:
        - when: { fact: hasCatalogue, operator: isTrue, value: false }
          reason: 未梳理继续有效文件目录,本栏目不高于及格分
          ceiling: 6
      children:
        - { id: sec.1, title: 子项一, points: 2, scoring: { method: binary, when: { fact: a, operator: isTrue, value: true } } }
        - { id: sec.2, title: 子项二, points: 3, scoring: { method: binary, when: { fact: b, operator: isTrue, value: true } } }
        - id: sec.3
          title: 其他问题
          points: 5
          scoring:
            method: deduct
            deductions:
              - { id: err, reason: 其他问题每条扣0.5分, per: { fact: errors }, each: 0.5 }
`;

describe('ceilingIf on a parent: cap first, then the children’s losses', () => {
  it.each([
    // children: sec.1 (2) + sec.2 (3) + sec.3 (5 − 0.5 × errors)
    { hasCatalogue: true, a: true, b: true, errors: 0, score: 10 }, // no ceiling: 2 + 3 + 5
    { hasCatalogue: true, a: false, b: true, errors: 0, score: 8 }, // no ceiling: 0 + 3 + 5
    { hasCatalogue: false, a: true, b: true, errors: 0, score: 6 }, // 6 − 0
    { hasCatalogue: false, a: false, b: true, errors: 0, score: 4 }, // the case: 6 − 2 = 4 (was min(6, 8) = 6)
    { hasCatalogue: false, a: true, b: true, errors: 3, score: 4.5 }, // 6 − 1.5
    { hasCatalogue: false, a: false, b: false, errors: 1, score: 0.5 }, // 6 − (2 + 3 + 0.5)
    { hasCatalogue: false, a: false, b: false, errors: 4, score: 0 }, // 6 − 7 → 扣完为止 0
  ])('hasCatalogue=$hasCatalogue a=$a b=$b errors=$errors → $score', async ({ score, ...facts }) => {
    const r = await scoreBody(body, facts);
    expect(nodeOf(r, 'sec').score).toBe(score);
    expect(r.totals.final).toBe(score);
  });

  it('explains the ceiling, the losses and the result', async () => {
    const n = nodeOf(await scoreBody(body, { hasCatalogue: false, a: false, b: true, errors: 0 }), 'sec');
    expect(n.reasons.filter((r) => r.kind === 'ceilingIf').map((r) => [r.text, r.points])).toEqual([
      ['未梳理继续有效文件目录,本栏目不高于及格分:本项不高于 6 分', -4],
      ['先封顶再扣分:本项封顶 6 分,下级共失 2 分,得 4 分', 0],
    ]);
  });
});
