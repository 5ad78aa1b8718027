// Not-applicable items (合理缺项) and their policies: M18 renormalise by the applicable maximum, M19 fixed rescale,
// M20 redistribute the points, M21 reduced total; applicability by agency class (A类/B类, 运城 B2 类满分95).
import { describe, expect, it } from 'vitest';
import { acceptNotApplicable, codes, evidenceDiagnostics, scoreBody } from '../helpers/mechanism.js';
import { nodeOf } from '../helpers/score.js';

/** External-score leaves: each row sets the children's scores directly. */
const FACTS = `
    facts:
      a: { label: 甲项得分, type: number, min: 0 }
      b: { label: 乙项得分, type: number, min: 0 }
      c: { label: 丙项得分, type: number, min: 0 }
      d: { label: 丁项得分, type: number, min: 0 }`;
const leaf = (id: string, points: number, fact: string, extra = ''): string =>
  `{ id: ${id}, title: 项目${id}, points: ${points},${extra} scoring: { method: external, fact: ${fact}, authority: 以考核组评价为准 } }`;

describe('M18 not applicable → renormalise by the applicable maximum', () => {
  const section = `
    total: 40
${FACTS}
    nodes:
      - id: s
        title: 基本信息
        points: 40
        notApplicable: { policy: renormalize }
        children:
          - ${leaf('s.1', 10, 'a', ' mayBeNotApplicable: true,')}
          - ${leaf('s.2', 15, 'b')}
          - ${leaf('s.3', 15, 'c')}
  `;
  it.each([
    { na: true, a: 0, b: 9, c: 9, score: 24 }, // 18 / (40 − 10) × 40 = 24
    { na: true, a: 0, b: 8, c: 9, score: 22.67 }, // 17 / 30 × 40 = 22.666… → 22.67
    { na: true, a: 0, b: 15, c: 15, score: 40 }, // 30 / 30 × 40 = 40
    { na: false, a: 5, b: 9, c: 9, score: 23 }, // all applicable: 5 + 9 + 9 = 23, no rescaling
  ])('n/a=$na, scores $a/$b/$c → $score', async ({ na, a, b, c, score }) => {
    const extra = na ? { notApplicable: [{ node: 's.1', reason: '本单位无此项业务' }] } : {};
    const r = await scoreBody(section, { a, b, c }, extra, acceptNotApplicable(extra));
    const s = nodeOf(r, 's');
    expect(s.score).toBe(score);
    expect(s.applicableMax).toBe(40);
    expect(r.totals.final).toBe(score);
    if (na) expect(nodeOf(r, 's.1')).toMatchObject({ status: 'not_applicable', score: 0, applicableMax: 0, lost: 0 });
  });

  it('at the top level: ((基本信息得分 + 重点领域得分) / (基本信息总分 + 重点领域总分)) × 100', async () => {
    const body = `
    total: 100
    notApplicable: { policy: renormalize }
${FACTS}
    nodes:
      - ${leaf('basic', 30, 'a')}
      - ${leaf('key', 50, 'b')}
      - ${leaf('service', 20, 'c', ' mayBeNotApplicable: true,')}
    `;
    const na = { notApplicable: [{ node: 'service', reason: '无对外服务职能' }] };
    const r = await scoreBody(body, { a: 24, b: 40 }, na, acceptNotApplicable(na));
    // (24 + 40) / (30 + 50) × 100 = 80
    expect(r.totals).toMatchObject({ base: 80, final: 80, applicableMax: 100, normalized: 80 });
  });
});

describe('M19 not applicable → fixed rescale (满分为75分,将结果乘以4/3)', () => {
  const body = `
    total: 100
    classes: [有服务职能, 无服务职能]
${FACTS}
    nodes:
      - id: d
        title: 扣分指标
        points: 100
        notApplicable: { policy: rescale, factor: "4/3" }
        children:
          - ${leaf('d.service', 25, 'a', ' classes: [有服务职能],')}
          - ${leaf('d.other', 75, 'b')}
  `;
  it.each([
    { b: 60, score: 80 }, // 60 × 4/3 = 80
    { b: 61, score: 81.33 }, // 61 × 4/3 = 81.333… → 81.33
    { b: 75, score: 100 }, // 75 × 4/3 = 100
    { b: 0, score: 0 },
  ])('无服务职能 agency, other part $b → $score', async ({ b, score }) => {
    const r = await scoreBody(body, { b }, { agency: { name: '某部门', code: 'D1', class: '无服务职能' } });
    expect(nodeOf(r, 'd').score).toBe(score);
    expect(nodeOf(r, 'd').applicableMax).toBe(100);
    expect(nodeOf(r, 'd.service').status).toBe('not_applicable');
    expect(r.totals.final).toBe(score);
  });

  it('an agency with service functions is scored on all 100 points, no factor', async () => {
    // 20 + 60 = 80
    const r = await scoreBody(body, { a: 20, b: 60 }, { agency: { name: '某部门', code: 'D2', class: '有服务职能' } });
    expect(nodeOf(r, 'd').score).toBe(80);
    expect(nodeOf(r, 'd.service').score).toBe(20);
  });
});

describe('M20 not applicable → redistribute the points (把办事服务的分值平均计入其他指标中)', () => {
  const body = (spread: string): string => `
    total: 100
${FACTS}
    nodes:
      - id: r
        title: 考核
        points: 100
        notApplicable: { policy: redistribute, spread: ${spread} }
        children:
          - ${leaf('r.1', 60, 'a')}
          - ${leaf('r.2', 20, 'b')}
          - ${leaf('r.3', 20, 'c', ' mayBeNotApplicable: true,')}
  `;
  const na = { notApplicable: [{ node: 'r.3', reason: '无办事服务事项' }] };
  it.each([
    // even: each applicable child's maximum grows by 20 / 2 = 10 (60 → 70, 20 → 30), its score in proportion
    { spread: 'even', a: 60, b: 0, score: 70 }, // 60 × 70/60 + 0 = 70
    { spread: 'even', a: 30, b: 10, score: 50 }, // 30 × 70/60 + 10 × 30/20 = 35 + 15 = 50
    { spread: 'even', a: 0, b: 20, score: 30 }, // 0 + 20 × 30/20 = 30
    // proportional: the whole applicable part scales to 100
    { spread: 'proportional', a: 60, b: 0, score: 75 }, // 60 × 100/80 = 75
    { spread: 'proportional', a: 0, b: 20, score: 25 }, // 20 × 100/80 = 25
    { spread: 'proportional', a: 60, b: 20, score: 100 },
  ])('$spread: a=$a b=$b → $score', async ({ spread, a, b, score }) => {
    const r = await scoreBody(body(spread), { a, b }, na, acceptNotApplicable(na));
    expect(nodeOf(r, 'r').score).toBe(score);
    expect(nodeOf(r, 'r').applicableMax).toBe(100);
    expect(r.totals.final).toBe(score);
  });
});

describe('M21 not applicable → reduced total (没有涉及重点领域的部门只考核这三项,总分12.5分)', () => {
  const body = `
    total: 20
${FACTS}
    nodes:
      - ${leaf('n1', 5, 'a')}
      - ${leaf('n2', 5, 'b')}
      - ${leaf('n3', 2.5, 'c')}
      - ${leaf('key', 7.5, 'd', ' mayBeNotApplicable: true,')}
  `;
  it('the applicable maximum shrinks to 12.5 and the normalised score reads against it', async () => {
    const na = { notApplicable: [{ node: 'key', reason: '不涉及重点领域' }] };
    const r = await scoreBody(body, { a: 5, b: 4, c: 2.5 }, na, acceptNotApplicable(na));
    // base 5 + 4 + 2.5 = 11.5 out of 20 − 7.5 = 12.5; normalised 11.5 × 100 / 12.5 = 92
    expect(r.totals).toMatchObject({ base: 11.5, final: 11.5, max: 20, applicableMax: 12.5, normalized: 92 });
    expect(nodeOf(r, 'key')).toMatchObject({ status: 'not_applicable', score: 0, lost: 0 });
  });

  it('without the declaration the same evidence is scored out of 20 (missing fact → 0)', async () => {
    const r = await scoreBody(body, { a: 5, b: 4, c: 2.5 });
    // 11.5 / 20 × 100 = 57.5
    expect(r.totals).toMatchObject({ base: 11.5, applicableMax: 20, normalized: 57.5 });
    expect(nodeOf(r, 'key').status).toBe('missing_evidence');
  });

  it('a node that does not allow it cannot be declared not applicable (NOT_APPLICABLE_NOT_ALLOWED)', () => {
    const r = evidenceDiagnostics(body, { a: 5, b: 4, c: 2.5, d: 1 }, { notApplicable: [{ node: 'n1', reason: '不想考核' }] });
    expect(r.ok).toBe(false);
    expect(codes(r.diagnostics)).toEqual(['NOT_APPLICABLE_NOT_ALLOWED']);
  });

  it('a not-applicable section makes its descendants not applicable; a section whose children all are is itself', async () => {
    const b = `
    total: 20
${FACTS}
    nodes:
      - id: s1
        title: 一级一
        points: 10
        mayBeNotApplicable: true
        children:
          - ${leaf('s1.1', 10, 'a')}
      - id: s2
        title: 一级二
        points: 10
        children:
          - ${leaf('s2.1', 10, 'b', ' mayBeNotApplicable: true,')}
    `;
    const na = { notApplicable: [{ node: 's1', reason: '无' }, { node: 's2.1', reason: '无' }] };
    const r = await scoreBody(b, {}, na, acceptNotApplicable(na));
    expect(['s1', 's1.1', 's2', 's2.1'].map((id) => nodeOf(r, id).status)).toEqual(['not_applicable', 'not_applicable', 'not_applicable', 'not_applicable']);
    expect(r.missingEvidence).toEqual([]);
  });
});

describe('applicability by agency class (A类 county governments, B类 departments; 运城 B2 类满分95)', () => {
  const body = `
    total: 100
    classes: [B1, B2]
${FACTS}
    nodes:
      - ${leaf('common', 95, 'a')}
      - ${leaf('b1only', 5, 'b', ' classes: [B1],')}
  `;
  it.each([
    // class, a, b → base, applicableMax, normalised, status of b1only
    { cls: 'B1', a: 76, b: 4, base: 80, applicableMax: 100, normalized: 80, status: 'partial' }, // 76 + 4
    { cls: 'B2', a: 76, b: 4, base: 76, applicableMax: 95, normalized: 80, status: 'not_applicable' }, // 76 / 95 × 100 = 80
    { cls: 'B2', a: 95, b: 0, base: 95, applicableMax: 95, normalized: 100, status: 'not_applicable' },
    { cls: undefined, a: 57, b: 5, base: 57, applicableMax: 95, normalized: 60, status: 'not_applicable' }, // no class: class-only items do not apply
  ])('class $cls: base $base of $applicableMax, normalised $normalized', async ({ cls, a, b, base, applicableMax, normalized, status }) => {
    const agency = { name: '某单位', code: 'Y1', ...(cls ? { class: cls } : {}) };
    const r = await scoreBody(body, { a, b }, { agency });
    expect(r.totals).toMatchObject({ base, final: base, max: 100, applicableMax, normalized });
    expect(nodeOf(r, 'b1only').status).toBe(status);
    expect(r.agency.class).toBe(cls);
  });

  it('an agency class the rubric does not know is rejected', () => {
    const r = evidenceDiagnostics(body, { a: 1, b: 1 }, { agency: { name: '某单位', code: 'Y1', class: 'B3' } });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([['SCHEMA_INVALID', 'agency.class']]);
  });
});
