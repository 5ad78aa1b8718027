// Assessor judgement: M7 a score or a deduction fixed by the assessor within the rubric's bounds, always with a
// reason (bounds and reason are checked when the office's review file is read); M22 partial credit for a 情况说明.
import { describe, expect, it } from 'vitest';
import { codes, reviewDiagnostics, scoreBody } from '../helpers/mechanism.js';
import { nodeOf } from '../helpers/score.js';

const by = '考核组';

describe('a section with an item still to be judged is itself pending, not "未得分"', () => {
  const body = `
    total: 5
    nodes:
      - id: s
        title: 加分项
        points: 5
        children:
          - { id: s.1, title: 创新举措, points: 3, scoring: { method: judgement } }
          - { id: s.2, title: 受到表扬, points: 2, scoring: { method: binary, when: { fact: praised, operator: equal, value: true } } }
    facts:
      praised: { label: 受到上级表扬, type: boolean }
  `;
  it.each([
    // judgement, praised → section status, score
    { judged: undefined, praised: false, status: 'manual', score: 0 }, // 0 + 0, 3 points still open
    { judged: undefined, praised: true, status: 'manual', score: 2 }, // 0 + 2, still provisional
    { judged: 1, praised: true, status: 'partial', score: 3 }, // 1 + 2: judged, final
    { judged: 0, praised: false, status: 'unmet', score: 0 }, // judged 0: final "未得分"
    { judged: 3, praised: true, status: 'met', score: 5 },
  ])('judged $judged, praised $praised → $status $score', async ({ judged, praised, status, score }) => {
    const office = judged === undefined ? undefined : { judgements: { 's.1': { score: judged, reason: '已评审', by } } };
    const r = await scoreBody(body, { praised }, {}, office);
    expect(nodeOf(r, 's')).toMatchObject({ status, score });
    const pendingReason = nodeOf(r, 's').reasons.some((x) => x.kind === 'judgement' && x.text.includes('s.1'));
    expect(pendingReason).toBe(judged === undefined);
  });
});

describe('M7 judgement within a bound (未按照制度实施的在2分内酌情给分)', () => {
  const body = `
    total: 2.5
    nodes:
      - id: j
        title: 依申请公开案件备案制度落实
        points: 2
        scoring: { method: judgement, min: 0, max: 2, guidance: 未按照制度实施的在2分内酌情给分 }
      - id: k
        title: 公开主体
        points: 0.5
        scoring: { method: judgement, min: 0.1, max: 0.5 }
  `;
  it.each([
    { j: 0, k: 0.1, final: 0.1 },
    { j: 1.5, k: 0.3, final: 1.8 }, // 1.5 + 0.3
    { j: 2, k: 0.5, final: 2.5 },
  ])('judged j=$j k=$k → $final', async ({ j, k, final }) => {
    const r = await scoreBody(body, {}, {}, { judgements: { j: { score: j, reason: '抽查3件,1件未备案', by }, k: { score: k, reason: '主体基本明确', by } } });
    expect(nodeOf(r, 'j')).toMatchObject({ score: j, status: 'manual', judgement: { score: j, reason: '抽查3件,1件未备案', by } });
    expect(nodeOf(r, 'k').score).toBe(k);
    expect(r.totals.final).toBe(final);
  });

  it('an item not yet judged is manual and scores 0', async () => {
    const r = await scoreBody(body, {});
    expect(nodeOf(r, 'j')).toMatchObject({ score: 0, status: 'manual', lost: 2 });
    expect(r.totals.final).toBe(0);
  });

  it.each([
    { node: 'j', score: 2.5, expected: '[0, 2]' }, // above the bound
    { node: 'k', score: 0, expected: '[0.1, 0.5]' }, // 公开主体0.1-0.5分: below the lower bound
    { node: 'k', score: 0.6, expected: '[0.1, 0.5]' },
  ])('a judgement outside its bounds is rejected: $node = $score', ({ node, score, expected }) => {
    const r = reviewDiagnostics(body, {}, {}, { judgements: { [node]: { score, reason: '理由', by } } });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => ({ code: d.code, path: d.path, actual: d.actual, expected: d.expected }))).toEqual([
      { code: 'JUDGEMENT_OUT_OF_BOUNDS', path: `judgements.${node}.score`, actual: score, expected },
    ]);
  });

  it.each([
    { judgement: { score: 1, by }, what: 'no reason at all' },
    { judgement: { score: 1, reason: '', by }, what: 'an empty reason' },
  ])('a judgement with $what is rejected', ({ judgement }) => {
    const r = reviewDiagnostics(body, {}, {}, { judgements: { j: judgement } });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([['SCHEMA_INVALID', 'judgements.j.reason']]);
  });

  it('a judgement on an item that is not judged is rejected (JUDGEMENT_NOT_ALLOWED)', () => {
    const b = `
      total: 2
      facts:
        ok: { label: 达标, type: boolean }
      nodes:
        - { id: x, title: 客观项, points: 2, scoring: { method: binary, when: { fact: ok, operator: isTrue, value: true } } }
    `;
    const r = reviewDiagnostics(b, { ok: true }, {}, { judgements: { x: { score: 1, reason: '理由', by } } });
    expect(codes(r.diagnostics)).toEqual(['JUDGEMENT_NOT_ALLOWED']);
  });
});

describe('M7 judged deduction (不全的扣1-18分)', () => {
  const body = `
    total: 20
    facts:
      complete: { label: 公开内容完整, type: boolean }
      late: { label: 超期条数, type: integer, min: 0 }
    nodes:
      - id: d
        title: 重点领域信息公开
        points: 20
        scoring:
          method: deduct
          deductions:
            - id: incomplete
              reason: 公开内容不全
              when: { fact: complete, operator: isTrue, value: false }
              judgement: { min: 1, max: 18 }
            - { id: late, reason: 超期公开, per: { fact: late }, each: 0.5 }
  `;
  it.each([
    { complete: false, judged: 7, late: 0, score: 13, status: 'deducted' }, // 20 − 7
    { complete: false, judged: 18, late: 3, score: 0.5, status: 'deducted' }, // 20 − 18 − 3×0.5 = 0.5
    { complete: false, judged: 1, late: 1, score: 18.5, status: 'deducted' }, // 20 − 1 − 0.5
    { complete: true, judged: undefined, late: 0, score: 20, status: 'met' }, // rule does not fire: no judgement needed
  ])('complete=$complete judged=$judged late=$late → $score', async ({ complete, judged, late, score, status }) => {
    const judgements: Record<string, Record<string, unknown>> = judged === undefined ? {} : { 'd#incomplete': { score: judged, reason: '缺少两类栏目', by } };
    const n = nodeOf(await scoreBody(body, { complete, late }, {}, { judgements }), 'd');
    expect(n.score).toBe(score);
    expect(n.status).toBe(status);
    if (judged !== undefined) expect(n.deductions.find((x) => x.id === 'incomplete')!.amount).toBe(judged);
  });

  it('a fired judged deduction without a judgement leaves the item manual, nothing deducted yet', async () => {
    const n = nodeOf(await scoreBody(body, { complete: false, late: 2 }), 'd');
    // 20 − 2×0.5 = 19, the judged part pending
    expect(n.score).toBe(19);
    expect(n.status).toBe('manual');
    expect(n.deductions.map((x) => x.id)).toEqual(['late']);
  });

  it.each([0.5, 19])('a judged deduction of %s outside 1–18 is rejected', (score) => {
    const r = reviewDiagnostics(body, { complete: false, late: 0 }, {}, { judgements: { 'd#incomplete': { score, reason: '理由', by } } });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.expected])).toEqual([['JUDGEMENT_OUT_OF_BOUNDS', '[1, 18]']]);
  });

  it('a judgement keyed to a deduction that is not judged is rejected', () => {
    const r = reviewDiagnostics(body, { complete: false, late: 0 }, {}, { judgements: { 'd#late': { score: 1, reason: '理由', by } } });
    expect(codes(r.diagnostics)).toEqual(['JUDGEMENT_NOT_ALLOWED']);
  });
});

describe('M22 partial credit for a published 情况说明 (3分项 scored 1.8, 失分原因「此栏目发布情况说明」)', () => {
  const body = `
    total: 3
    facts:
      column: { label: 栏目内容, type: enum, values: [完整公开, 情况说明, 空白] }
    nodes:
      - id: c
        title: 财政预决算栏目
        points: 3
        scoring:
          method: levels
          levels:
            - { label: 完整公开, points: 3, when: { fact: column, operator: equal, value: 完整公开 } }
            - { label: 情况说明, percent: 60, when: { fact: column, operator: equal, value: 情况说明 }, reason: 此栏目发布情况说明 }
            - { label: 未公开, points: 0 }
  `;
  it.each([
    { column: '完整公开', score: 3, status: 'met', lost: 0 },
    { column: '情况说明', score: 1.8, status: 'partial', lost: 1.2 }, // 3 × 60% = 1.8
    { column: '空白', score: 0, status: 'unmet', lost: 3 },
  ])('column $column → $score', async ({ column, score, status, lost }) => {
    const n = nodeOf(await scoreBody(body, { column }), 'c');
    expect(n).toMatchObject({ score, status, lost });
  });

  it('the 失分原因 is passed through verbatim with the points lost', async () => {
    const n = nodeOf(await scoreBody(body, { column: '情况说明' }), 'c');
    const chosen = n.reasons.find((r) => r.kind === 'level' && r.result === true)!;
    expect(chosen.text).toContain('此栏目发布情况说明');
    expect(chosen.points).toBe(-1.2); // 1.8 − 3
  });
});
