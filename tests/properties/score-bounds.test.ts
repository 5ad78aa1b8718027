// Properties of every generated rubric and evidence: (a) each score-kind node with the default floor scores within
// 0..applicableMax; (b) the totals add up exactly — final = max(finalFloor, base + bonus − penalty), the base is the sum
// of the top-level sections within 0..applicableMax, and bonus / penalty respect their caps.
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { compileOk, scoreOk } from '../helpers/score.js';
import { evidenceText, scoredCaseArb } from './arbitraries.js';

const NUM_RUNS = 150;

describe('score bounds and totals over random rubrics (methods binary / deduct / levels / perOccurrence / linear)', () => {
  it('(a) every score node with the default floor scores within 0..applicableMax', async () => {
    await fc.assert(
      fc.asyncProperty(scoredCaseArb, async ({ built, facts }) => {
        const compiled = compileOk(JSON.stringify(built.rubric));
        const report = await scoreOk(compiled, evidenceText(facts));
        const floorNull = new Set(compiled.model.nodes.filter((f) => f.node.floor === null).map((f) => f.id));
        for (const n of report.nodes) {
          if (n.kind !== 'score' || floorNull.has(n.id)) continue;
          expect(n.score, n.id).toBeGreaterThanOrEqual(0);
          expect(n.score, n.id).toBeLessThanOrEqual(n.applicableMax);
          expect(n.applicableMax, n.id).toBeLessThanOrEqual(n.max);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(b) final = max(0, base + bonus − penalty) exactly; base sums the sections; caps hold', async () => {
    await fc.assert(
      fc.asyncProperty(scoredCaseArb, async ({ built, facts, spec }) => {
        const report = await scoreOk(compileOk(JSON.stringify(built.rubric)), evidenceText(facts));
        const t = report.totals;
        const d = (x: number): Decimal => new Decimal(x);
        // exact: precision 4 keeps every generated score unrounded
        expect(t.final).toBe(Decimal.max(0, d(t.base).plus(t.bonus).minus(t.penalty)).toNumber());
        const sections = report.nodes.filter((n) => n.parent === null && n.kind === 'score');
        expect(t.base).toBe(sections.reduce((a, n) => a.plus(n.score), d(0)).toNumber());
        expect(t.base).toBeGreaterThanOrEqual(0);
        expect(t.base).toBeLessThanOrEqual(t.applicableMax);
        expect(t.applicableMax).toBe(t.max);
        const bonusNode = report.nodes.find((n) => n.id === 'B');
        const penaltyNode = report.nodes.find((n) => n.id === 'P');
        const capped = (raw: number, capTenths: number | null): number => (capTenths === null ? raw : Math.min(raw, capTenths / 10));
        expect(t.bonus).toBe(capped(bonusNode?.score ?? 0, spec.bonusCapTenths));
        expect(t.penalty).toBe(capped(penaltyNode?.score ?? 0, spec.penaltyCapTenths));
        if (spec.bonusCapTenths !== null) expect(t.bonus).toBeLessThanOrEqual(spec.bonusCapTenths / 10);
        if (spec.penaltyCapTenths !== null) expect(t.penalty).toBeLessThanOrEqual(spec.penaltyCapTenths / 10);
        expect(t.normalized).toBe(d(t.final).times(100).div(t.applicableMax).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber());
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
