// Properties of the office's review: an override moves the total by exactly (override − computed) and no more;
// overriding a node with its own computed score changes nothing; a result is final exactly when nothing is pending.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreBody } from '../helpers/mechanism.js';
import { nodeOf } from '../helpers/score.js';

const body = `
  total: 20
  facts:
    ok: { label: 制度健全, type: boolean }
    n: { label: 培训次数, type: integer, min: 0 }
  nodes:
    - id: s
      title: 基础工作
      points: 20
      children:
        - { id: a, title: 制度, points: 6, scoring: { method: binary, when: { fact: ok, operator: isTrue, value: true } } }
        - { id: b, title: 培训, points: 8, scoring: { method: perOccurrence, per: { fact: n }, each: 1.5, max: 8 } }
        - { id: j, title: 交办任务, points: 6, scoring: { method: judgement, min: 0, max: 6 } }
`;
const facts = fc.record({ ok: fc.boolean(), n: fc.integer({ min: 0, max: 9 }) });
const tenthsUpTo = (max: number) => fc.integer({ min: 0, max: max * 10 }).map((t) => t / 10);

describe('review properties', () => {
  it('an override of one item moves the total by exactly (override − computed), in tenths', async () => {
    await fc.assert(
      fc.asyncProperty(facts, tenthsUpTo(6), fc.constantFrom('a', 'j'), tenthsUpTo(6), async (f, judged, node, v) => {
        const judgements = { j: { score: judged, reason: '评定' } };
        const base = await scoreBody(body, f, {}, { judgements });
        const over = await scoreBody(body, f, {}, { judgements, overrides: { [node]: { score: v, reason: '改定' } } });
        const before = nodeOf(base, node).score;
        expect(nodeOf(over, node).score).toBe(v);
        expect(nodeOf(over, node).voices.computed).toBe(node === 'j' ? null : before);
        expect(Math.round(over.totals.final * 10)).toBe(Math.round((base.totals.final - before + v) * 10));
        expect(nodeOf(over, 'b').score).toBe(nodeOf(base, 'b').score);
        expect(over.status).toBe('final');
      }),
      { numRuns: 40 },
    );
  });

  it('overriding a node with its own computed score changes no score', async () => {
    await fc.assert(
      fc.asyncProperty(facts, tenthsUpTo(6), async (f, judged) => {
        const judgements = { j: { score: judged, reason: '评定' } };
        const base = await scoreBody(body, f, {}, { judgements });
        const same = await scoreBody(body, f, {}, { judgements, overrides: { s: { score: nodeOf(base, 's').score, reason: '维持' } } });
        expect(same.nodes.map((n) => n.score)).toEqual(base.nodes.map((n) => n.score));
        expect(same.totals).toEqual(base.totals);
      }),
      { numRuns: 30 },
    );
  });

  it('final exactly when nothing is pending; without a ruling the judged item is pending', async () => {
    await fc.assert(
      fc.asyncProperty(facts, fc.option(tenthsUpTo(6), { nil: undefined }), async (f, judged) => {
        const r = await scoreBody(body, f, {}, judged === undefined ? undefined : { judgements: { j: { score: judged, reason: '评定' } } });
        expect(r.status === 'final').toBe(r.pending.length === 0);
        expect(r.pending.map((p) => p.id)).toEqual(judged === undefined ? ['j'] : []);
      }),
      { numRuns: 30 },
    );
  });
});
