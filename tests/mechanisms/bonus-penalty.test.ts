// Outside the score part: M14 capped bonus, M15 bonus only above a base score, M16 per-occurrence bonus and penalty,
// M17 stepped over-quota bonus, M29 items outside the total that still count (不在总分内,但得分可计入总分).
import { describe, expect, it } from 'vitest';
import { bodyDiagnostics, codes, scoreBody } from '../helpers/mechanism.js';
import { nodeOf } from '../helpers/score.js';

/** A 100-point score part whose score is read from a fact, so every row can set the base it needs. */
const BASE = `
    total: 100
    facts:
      baseScore: { label: 扣分指标得分, type: number, min: 0, max: 100 }
      channels: { label: 开设的公开渠道数, type: integer, min: 0 }
      praise: { label: 通报表彰次数, type: integer, min: 0 }
      blame: { label: 通报批评次数, type: integer, min: 0 }
      overQuota: { label: 超过规定数量的百分比, type: number, min: 0 }
      innovative: { label: 有创新举措, type: boolean }
    nodes:
      - id: base
        title: 扣分指标
        points: 100
        scoring: { method: external, fact: baseScore, authority: 以日常监测为准 }`;

describe('M14 bonus with a cap (一项可得2分,最高不超过6分)', () => {
  const perOccurrence = `${BASE}
      - id: b
        title: 政务微博、微信、公开栏等
        kind: bonus
        scoring: { method: perOccurrence, per: { fact: channels }, each: 2, max: 6 }
  `;
  it.each([
    { channels: 0, bonus: 0, final: 80 }, // 80 + 0
    { channels: 1, bonus: 2, final: 82 }, // 80 + 1×2
    { channels: 3, bonus: 6, final: 86 }, // 80 + 3×2 = 86
    { channels: 5, bonus: 6, final: 86 }, // 5×2 = 10 → 最高不超过6分
  ])('per occurrence: channels=$channels → bonus $bonus', async ({ channels, bonus, final }) => {
    const r = await scoreBody(perOccurrence, { baseScore: 80, channels });
    expect(nodeOf(r, 'b').score).toBe(bonus);
    expect(r.totals).toMatchObject({ base: 80, bonus, penalty: 0, final });
  });

  it.each([
    { channels: 2, bonus: 4 }, // 2×2
    { channels: 5, bonus: 6 }, // 5×2 = 10 ≤ the item's 10 points, but the method's max is 6
  ])('the method max binds below the item points: channels=$channels → bonus $bonus', async ({ channels, bonus }) => {
    const b = perOccurrence.replace('kind: bonus', 'kind: bonus\n        points: 10');
    const r = await scoreBody(b, { baseScore: 80, channels });
    expect(nodeOf(r, 'b')).toMatchObject({ max: 10, score: bonus });
  });

  const group = `${BASE}
      - id: g
        title: 载体建设加分
        kind: bonus
        points: 6
        overflow: cap
        children:
          - { id: g.1, title: 政务微博, points: 2, scoring: { method: binary, when: { fact: channels, operator: greaterThanInclusive, value: 1 } } }
          - { id: g.2, title: 政务微信, points: 2, scoring: { method: binary, when: { fact: channels, operator: greaterThanInclusive, value: 2 } } }
          - { id: g.3, title: 公开栏, points: 2, scoring: { method: binary, when: { fact: channels, operator: greaterThanInclusive, value: 3 } } }
          - { id: g.4, title: 电子显示屏, points: 2, scoring: { method: binary, when: { fact: channels, operator: greaterThanInclusive, value: 4 } } }
  `;
  it.each([
    { channels: 2, bonus: 4 }, // 2 + 2
    { channels: 3, bonus: 6 }, // 2 + 2 + 2
    { channels: 4, bonus: 6 }, // 8 → capped at the group's 6 (overflow: cap)
  ])('a group with overflow: cap: channels=$channels → bonus $bonus', async ({ channels, bonus }) => {
    const r = await scoreBody(group, { baseScore: 50, channels });
    expect(nodeOf(r, 'g').score).toBe(bonus);
    expect(r.totals.bonus).toBe(bonus);
    expect(r.totals.final).toBe(50 + bonus);
  });

  it('a group whose children sum above it is rejected unless it declares overflow: cap', () => {
    expect(codes(bodyDiagnostics(group.replace('overflow: cap', 'overflow: error')))).toContain('POINTS_MISMATCH');
  });

  it.each([
    { channels: 3, innovative: true, bonus: 8 }, // 6 + 5 = 11 → bonusCap 8
    { channels: 1, innovative: true, bonus: 7 }, // 2 + 5 = 7
    { channels: 0, innovative: false, bonus: 0 },
  ])('the rubric-wide bonusCap: channels=$channels innovative=$innovative → bonus $bonus', async ({ channels, innovative, bonus }) => {
    const b = `${BASE.replace('total: 100', 'total: 100\n    bonusCap: 8')}
      - id: b
        title: 载体
        kind: bonus
        scoring: { method: perOccurrence, per: { fact: channels }, each: 2, max: 6 }
      - id: i
        title: 创新
        kind: bonus
        points: 5
        scoring: { method: binary, when: { fact: innovative, operator: isTrue, value: true } }
    `;
    const r = await scoreBody(b, { baseScore: 70, channels, innovative });
    expect(r.totals.bonus).toBe(bonus);
    expect(r.totals.final).toBe(70 + bonus);
  });
});

describe('M15 bonus only above a base score (高于80分,则进入加分指标评分环节)', () => {
  const above = `${BASE}
      - id: b
        title: 加分指标
        kind: bonus
        eligibleIf: { above: 80 }
        scoring: { method: perOccurrence, per: { fact: channels }, each: 2, max: 6 }
  `;
  it.each([
    { baseScore: 79.9, bonus: 0, final: 79.9, eligible: false },
    { baseScore: 80, bonus: 0, final: 80, eligible: false }, // 高于80分: 80 itself is not above
    { baseScore: 80.1, bonus: 6, final: 86.1, eligible: true }, // 80.1 + 6
    { baseScore: 95, bonus: 6, final: 101, eligible: true }, // 95 + 6 (the bonus may lift the final above 100)
  ])('above 80: base $baseScore → bonus $bonus', async ({ baseScore, bonus, final, eligible }) => {
    const r = await scoreBody(above, { baseScore, channels: 3 });
    expect(r.totals).toMatchObject({ base: baseScore, bonus, final });
    const n = nodeOf(r, 'b');
    expect(n.score).toBe(bonus);
    expect(n.reasons.find((x) => x.kind === 'eligibility')!.result).toBe(eligible);
    if (!eligible) expect(n.status).toBe('unmet');
  });

  it.each([
    { baseScore: 80, bonus: 6 }, // atLeast is inclusive
    { baseScore: 79.99, bonus: 0 },
  ])('atLeast 80 on a named node: base $baseScore → bonus $bonus', async ({ baseScore, bonus }) => {
    const b = above.replace('eligibleIf: { above: 80 }', 'eligibleIf: { node: base, atLeast: 80 }');
    const r = await scoreBody(b, { baseScore, channels: 3 });
    expect(r.totals.bonus).toBe(bonus);
  });

  it.each([
    { innovative: true, bonus: 6 },
    { innovative: false, bonus: 0 },
  ])('eligibility by a condition: innovative=$innovative → bonus $bonus', async ({ innovative, bonus }) => {
    const b = above.replace('eligibleIf: { above: 80 }', 'eligibleIf: { when: { fact: innovative, operator: isTrue, value: true } }');
    const r = await scoreBody(b, { baseScore: 50, channels: 3, innovative });
    expect(r.totals.bonus).toBe(bonus);
  });

  it('an ineligible bonus group zeroes its children too', async () => {
    const b = `${BASE}
      - id: g
        title: 加分指标
        kind: bonus
        points: 6
        eligibleIf: { above: 80 }
        children:
          - { id: g.1, title: 微博, points: 3, scoring: { method: binary, when: { fact: innovative, operator: isTrue, value: true } } }
          - { id: g.2, title: 微信, points: 3, scoring: { method: binary, when: { fact: innovative, operator: isTrue, value: true } } }
    `;
    const r = await scoreBody(b, { baseScore: 60, innovative: true });
    expect(r.totals.bonus).toBe(0);
    expect([nodeOf(r, 'g').score, nodeOf(r, 'g.1').score, nodeOf(r, 'g.2').score]).toEqual([0, 0, 0]);
  });
});

describe('M16 event-based bonus and penalty per occurrence (通报表彰每次加3分,通报批评每次扣3分)', () => {
  const body = `${BASE}
      - id: praise
        title: 通报表彰
        kind: bonus
        cap: 30
        scoring: { method: perOccurrence, per: { fact: praise }, each: 3 }
      - id: blame
        title: 通报批评
        kind: penalty
        cap: 30
        scoring: { method: perOccurrence, per: { fact: blame }, each: 3 }
  `;
  it.each([
    { baseScore: 80, praise: 0, blame: 0, bonus: 0, penalty: 0, final: 80 },
    { baseScore: 80, praise: 2, blame: 0, bonus: 6, penalty: 0, final: 86 }, // 80 + 2×3
    { baseScore: 80, praise: 0, blame: 1, bonus: 0, penalty: 3, final: 77 }, // 80 − 1×3
    { baseScore: 80, praise: 2, blame: 3, bonus: 6, penalty: 9, final: 77 }, // 80 + 6 − 9
    { baseScore: 70.5, praise: 1, blame: 1, bonus: 3, penalty: 3, final: 70.5 }, // 70.5 + 3 − 3
    { baseScore: 5, praise: 0, blame: 4, bonus: 0, penalty: 12, final: 0 }, // 5 − 12 → finalFloor 0
  ])('base $baseScore, praise $praise, blame $blame → final $final', async ({ baseScore, praise, blame, bonus, penalty, final }) => {
    const r = await scoreBody(body, { baseScore, praise, blame });
    expect(r.totals).toMatchObject({ base: baseScore, bonus, penalty, final });
    expect(nodeOf(r, 'blame').kind).toBe('penalty');
  });

  // 自评总分 is comparable with the final score: a claim on a penalty item is the deduction the agency admits, so it
  // comes off, as the penalty itself does (the evidence form's 自评总分 formula subtracts it too).
  it.each([
    { claims: { base: 80 }, claimed: 80 },
    { claims: { base: 80, praise: 6 }, claimed: 86 }, // 80 + 6
    { claims: { base: 80, blame: 3 }, claimed: 77 }, // 80 − 3
    { claims: { base: 80.5, praise: 3, blame: 6 }, claimed: 77.5 }, // 80.5 + 3 − 6
  ])('claimed total with claims $claims → $claimed', async ({ claims, claimed }) => {
    const r = await scoreBody(body, { baseScore: 80, praise: 2, blame: 1 }, { claims });
    expect(r.totals.claimed).toBe(claimed);
  });

  it('penaltyCap bounds the penalty total', async () => {
    const b = body.replace('total: 100', 'total: 100\n    penaltyCap: 10');
    // 5×3 = 15 → penaltyCap 10; 90 − 10 = 80
    const r = await scoreBody(b, { baseScore: 90, praise: 0, blame: 5 });
    expect(r.totals).toMatchObject({ penalty: 10, final: 80 });
  });

  it('a bonus or penalty item with no upper bound at all is rejected instead of silently scoring 0', () => {
    const b = body.replace(/\n {8}cap: 30/g, '');
    const d = bodyDiagnostics(b).filter((x) => x.code === 'SCHEMA_INVALID');
    expect(d.map((x) => x.path)).toEqual(['nodes[1]', 'nodes[2]']);
  });
});

describe('M17 stepped over-quota bonus (超过10%加1分,超过30%以上每超过20%加1分)', () => {
  const body = `${BASE}
      - id: s
        title: 超额完成信息发布
        kind: bonus
        points: 5
        scoring:
          method: stepped
          fact: overQuota
          steps: [{ atLeast: 10, points: 1 }]
          beyond: { from: 30, every: 20, points: 1 }
  `;
  it.each([
    { overQuota: 0, bonus: 0 },
    { overQuota: 9.9, bonus: 0 },
    { overQuota: 10, bonus: 1 }, // first step (inclusive)
    { overQuota: 30, bonus: 1 }, // not beyond 30 yet
    { overQuota: 49.9, bonus: 1 }, // 19.9 beyond 30: no whole 20
    { overQuota: 50, bonus: 2 }, // 1 + floor(20/20)×1
    { overQuota: 75, bonus: 3 }, // 1 + floor(45/20) = 1 + 2
    { overQuota: 200, bonus: 5 }, // 1 + floor(170/20) = 9 → capped at the item's 5
  ])('overQuota=$overQuota → bonus $bonus', async ({ overQuota, bonus }) => {
    const r = await scoreBody(body, { baseScore: 60, overQuota });
    expect(nodeOf(r, 's').score).toBe(bonus);
    expect(r.totals.final).toBe(60 + bonus);
  });
});

describe('M29 items outside the total (任务5分、加分项5分 不在总分内,但得分可计入总分)', () => {
  const body = `${BASE}
      - id: task
        title: 任务
        kind: bonus
        points: 5
        cap: 5
        note: 不在总分内,但得分可计入总分
        scoring: { method: judgement, min: 0, max: 5 }
      - id: extra
        title: 加分项
        kind: bonus
        points: 5
        overflow: cap
        children:
          - { id: extra.1, title: 创新举措, points: 3, scoring: { method: binary, when: { fact: innovative, operator: isTrue, value: true } } }
          - { id: extra.2, title: 受到表扬, points: 5, scoring: { method: perOccurrence, per: { fact: praise }, each: 1, max: 5 } }
  `;
  it.each([
    // base, task judgement, innovative, praise → bonus (task + min(5, 3 + praise)), final
    { baseScore: 90, task: 4.5, innovative: true, praise: 1, bonus: 8.5, final: 98.5 }, // 4.5 + (3 + 1) = 8.5
    { baseScore: 96, task: 5, innovative: true, praise: 4, bonus: 10, final: 106 }, // 5 + min(5, 7) = 10; 96 + 10
    { baseScore: 60, task: 0, innovative: false, praise: 0, bonus: 0, final: 60 },
  ])('base $baseScore + bonus $bonus = $final', async ({ baseScore, task, innovative, praise, bonus, final }) => {
    const r = await scoreBody(body, { baseScore, innovative, praise }, {}, { judgements: { task: { score: task, reason: '完成情况', by: '考核组' } } });
    // The score part stays out of 100 (applicableMax 100); the bonus is added on top.
    expect(r.totals).toMatchObject({ base: baseScore, bonus, final, max: 100, applicableMax: 100 });
    expect(nodeOf(r, 'task').note).toBe('不在总分内,但得分可计入总分');
    expect(nodeOf(r, 'extra').lost).toBe(0);
  });
});
