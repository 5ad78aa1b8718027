// Monotonicity: in a rubric of binary and clauses criteria over isTrue conditions (all/any, no `not`), turning one
// false fact true never lowers any node's score, nor the final score.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileOk, scoreOk } from '../helpers/score.js';
import { buildMonotoneRubric, evidenceText, monotoneSpecArb } from './arbitraries.js';

describe('monotonicity of binary / clauses rubrics on boolean facts', () => {
  it('(c) turning one false fact true never lowers totals.final', async () => {
    const caseArb = monotoneSpecArb.chain((spec) =>
      fc.record({
        spec: fc.constant(spec),
        values: fc.array(fc.boolean(), { minLength: spec.pool, maxLength: spec.pool }),
        flip: fc.integer({ min: 0, max: spec.pool - 1 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ spec, values, flip }) => {
        const compiled = compileOk(JSON.stringify(buildMonotoneRubric(spec)));
        const facts = (v: boolean[]): Record<string, boolean> => Object.fromEntries(v.map((x, i) => [`b${i}`, x]));
        const before = [...values];
        before[flip] = false;
        const after = [...values];
        after[flip] = true;
        const r0 = await scoreOk(compiled, evidenceText(facts(before)));
        const r1 = await scoreOk(compiled, evidenceText(facts(after)));
        expect(r1.totals.final).toBeGreaterThanOrEqual(r0.totals.final);
        expect(r1.totals.base).toBeGreaterThanOrEqual(r0.totals.base);
        r0.nodes.forEach((n, i) => expect(r1.nodes[i]!.score, n.id).toBeGreaterThanOrEqual(n.score));
      }),
      { numRuns: 150 },
    );
  });
});
