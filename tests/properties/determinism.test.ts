// Determinism: the same rubric and evidence give byte-identical reports, whether scored twice with one compiled
// rubric (the Engine is reused) or with the rubric compiled afresh.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileOk, scoreOk } from '../helpers/score.js';
import { evidenceText, scoredCaseArb } from './arbitraries.js';

describe('determinism', () => {
  it('(d) scoring the same input twice gives byte-identical JSON', async () => {
    await fc.assert(
      fc.asyncProperty(scoredCaseArb, async ({ built, facts }) => {
        const text = JSON.stringify(built.rubric);
        const compiled = compileOk(text);
        const ev = evidenceText(facts);
        const first = JSON.stringify(await scoreOk(compiled, ev));
        const again = JSON.stringify(await scoreOk(compiled, ev));
        const fresh = JSON.stringify(await scoreOk(compileOk(text), ev));
        expect(again).toBe(first);
        expect(fresh).toBe(first);
      }),
      { numRuns: 100 },
    );
  });

  it('(d) concurrent scoring of different evidence on one compiled rubric matches sequential scoring', async () => {
    await fc.assert(
      fc.asyncProperty(scoredCaseArb, async (c) => {
        const compiled = compileOk(JSON.stringify(c.built.rubric));
        // the agency's facts, an empty evidence (everything missing), the agency's facts again
        const evs = [c.facts, {}, c.facts].map(evidenceText);
        const sequential: string[] = [];
        for (const ev of evs) sequential.push(JSON.stringify(await scoreOk(compiled, ev)));
        const parallel = (await Promise.all(evs.map((ev) => scoreOk(compiled, ev)))).map((r) => JSON.stringify(r));
        expect(parallel).toEqual(sequential);
      }),
      { numRuns: 50 },
    );
  });
});
