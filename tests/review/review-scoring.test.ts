// The same evidence scored without and with the office's review: each kind of ruling (judgement, override,
// correction, not-applicable accepted / rejected) changes the final score exactly as computed by hand, the report's
// status and pending list follow, and every node carries its four voices.
import { describe, expect, it } from 'vitest';
import { nodeOf } from '../helpers/score.js';
import { scoreBody, type OfficeReview } from '../helpers/mechanism.js';

// 1 培训: 5 per session, at most 10 · 2 政务服务大厅: 10, may be not applicable · 3 交办任务: judged 0–10. Total 30.
const body = `
  total: 30
  facts:
    trainings: { label: 举办培训班次数, type: integer, min: 0, unit: 次 }
    hallOpen: { label: 设有实体政务服务大厅, type: boolean }
  nodes:
    - { id: "1", title: 业务培训, points: 10, scoring: { method: perOccurrence, per: { fact: trainings }, each: 5, max: 10 } }
    - { id: "2", title: 政务服务大厅, points: 10, mayBeNotApplicable: true, scoring: { method: binary, when: { fact: hallOpen, operator: isTrue, value: true } } }
    - { id: "3", title: 交办任务完成情况, points: 10, scoring: { method: judgement, min: 0, max: 10 } }
`;
const facts = { trainings: 1, hallOpen: false };
const extra = { notApplicable: [{ node: '2', reason: '本单位不承担政务服务事项' }], claims: { '1': 10, '3': 10 } };

const judged: OfficeReview['judgements'] = { '3': { score: 8, reason: '交办任务按时完成，1项材料退回补正' } };
const accepted = { '2': { decision: 'accepted', reason: '经核实无对外服务职能' } };
const rejected = { '2': { decision: 'rejected', reason: '该局设有窗口，应考核' } };
const corrected = { trainings: { value: 2, reason: '查阅签到表，全年实际2次' } };

describe('the same evidence without and with a review', () => {
  it.each<{ name: string; review?: OfficeReview; final: number; applicableMax: number; status: string; pending: string[] }>([
    // 5 (1 session) + 0 (hall: the request is not in force until decided) + 0 (task not yet judged) of 30
    { name: 'no review', final: 5, applicableMax: 30, status: 'provisional', pending: ['2', '3'] },
    // + 8 judged: 13, the n/a request still undecided
    { name: 'judgement only', review: { judgements: judged }, final: 13, applicableMax: 30, status: 'provisional', pending: ['2'] },
    // n/a accepted: 5 + 8 of 20 (policy reduce)
    { name: 'judgement, n/a accepted', review: { judgements: judged, notApplicable: accepted }, final: 13, applicableMax: 20, status: 'final', pending: [] },
    // n/a rejected: the hall is scored, 0 (no hall): 5 + 0 + 8 of 30
    { name: 'judgement, n/a rejected', review: { judgements: judged, notApplicable: rejected }, final: 13, applicableMax: 30, status: 'final', pending: [] },
    // trainings corrected to 2: 10 + 8 of 20
    { name: 'correction', review: { judgements: judged, notApplicable: accepted, corrections: corrected }, final: 18, applicableMax: 20, status: 'final', pending: [] },
    // 1 overridden to 9 after the correction: 9 + 8
    {
      name: 'override of a computed item',
      review: { judgements: judged, notApplicable: accepted, corrections: corrected, overrides: { '1': { score: 9, reason: '第2次培训未覆盖全部科室' } } },
      final: 17,
      applicableMax: 20,
      status: 'final',
      pending: [],
    },
    // n/a rejected, the hall overridden to 6: 5 + 6 + 8
    { name: 'override after n/a rejected', review: { judgements: judged, notApplicable: rejected, overrides: { '2': { score: 6, reason: '大厅在建，已部分启用' } } }, final: 19, applicableMax: 30, status: 'final', pending: [] },
    // an override of the judged item settles it without a judgement: 5 + 7 of 20
    { name: 'override of the judged item', review: { notApplicable: accepted, overrides: { '3': { score: 7, reason: '按年度考核组意见' } } }, final: 12, applicableMax: 20, status: 'final', pending: [] },
  ])('$name → $final / $applicableMax, $status', async ({ review, final, applicableMax, status, pending }) => {
    const r = await scoreBody(body, facts, extra, review);
    expect(r.totals).toMatchObject({ final, applicableMax });
    expect(r.status).toBe(status);
    expect(r.pending.map((p) => p.id)).toEqual(pending);
  });

  it('pending items say what they wait for', async () => {
    const r = await scoreBody(body, facts, extra);
    expect(r.pending).toEqual([
      { kind: 'notApplicable', id: '2', node: '2', title: '政务服务大厅', why: '单位申请不适用(本单位不承担政务服务事项),待政务公开办决定' },
      { kind: 'judgement', id: '3', node: '3', title: '交办任务完成情况', why: '酌情评分项,待政务公开办评定' },
    ]);
  });

  it('the four voices: claimed, computed (with the corrected fact), reviewed (the override, who and why), final', async () => {
    const r = await scoreBody(body, facts, extra, {
      judgements: judged,
      notApplicable: accepted,
      corrections: corrected,
      overrides: { '1': { score: 9, reason: '第2次培训未覆盖全部科室' } },
    });
    const n1 = nodeOf(r, '1');
    expect(n1.voices).toEqual({
      claimed: 10,
      computed: 10, // 2 corrected sessions × 5
      reviewed: { score: 9, rulings: [{ kind: 'override', key: '1', score: 9, reason: '第2次培训未覆盖全部科室', by: '考核组', date: '2025-01-20' }] },
      final: 9,
    });
    expect(n1.score).toBe(9);
    expect(n1.status).toBe('partial');
    expect(n1.reasons.at(-1)).toMatchObject({ kind: 'override', points: -1 });
    expect(n1.corrected).toEqual([{ fact: 'trainings', original: 1, corrected: 2 }]);
    expect(r.corrections).toEqual([
      { fact: 'trainings', label: '举办培训班次数', unit: '次', original: 1, corrected: 2, reason: '查阅签到表，全年实际2次', by: '考核组', date: '2025-01-20', nodes: ['1'] },
    ]);
    expect(nodeOf(r, '2').voices).toMatchObject({ computed: null, reviewed: { score: null, rulings: [{ kind: 'notApplicable', decision: 'accepted' }] } });
    expect(nodeOf(r, '3').voices).toMatchObject({ claimed: 10, computed: null, reviewed: { score: 8 }, final: 8 });
  });

  it('a node nobody ruled on has computed = final and reviewed = null', async () => {
    const r = await scoreBody(body, facts, extra);
    expect(nodeOf(r, '1').voices).toEqual({ claimed: 10, computed: 5, reviewed: null, final: 5 });
    expect(r.review).toBeNull();
    expect(r.corrections).toEqual([]);
  });
});

describe('an override on a parent', () => {
  const tree = `
    total: 10
    facts:
      a: { label: 甲, type: boolean }
    nodes:
      - id: s
        title: 部分
        points: 10
        children:
          - { id: s.1, title: 客观项, points: 4, scoring: { method: binary, when: { fact: a, operator: isTrue, value: true } } }
          - { id: s.2, title: 酌情项, points: 6, scoring: { method: judgement } }
  `;
  it('replaces the parent\'s sum (4 + pending 0 → 7), keeps the children as computed, and settles the pending judgement below it', async () => {
    const r = await scoreBody(tree, { a: true }, {}, { overrides: { s: { score: 7, reason: '按考核组现场核查结果' } } });
    expect(nodeOf(r, 's')).toMatchObject({ score: 7, status: 'partial', voices: { computed: 4, final: 7 } });
    expect(nodeOf(r, 's.1').score).toBe(4);
    expect(r.totals.final).toBe(7);
    expect(r.status).toBe('final');
  });
});
