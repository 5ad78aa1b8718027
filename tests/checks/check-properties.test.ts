// Property tests of the checks: exact decimal sums (no float drift), tolerance as the boundary, blanks never decide.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { evaluateChecks } from '../../src/checks/evaluate-checks.js';
import type { FactValues } from '../../src/evidence/derive-facts.js';
import { CheckSchema } from '../../src/schema/check-schema.js';
import type { FactDef } from '../../src/schema/fact-schema.js';

const cents = fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100); // money in 万元 with 2 decimals
const facts = (n: number): Record<string, FactDef> =>
  Object.fromEntries([['total', { label: '合计', type: 'number' }], ...Array.from({ length: n }, (_, i) => [`p${i}`, { label: `分项${i}`, type: 'number' }])]) as Record<string, FactDef>;
const check = (n: number, tolerance?: number) =>
  CheckSchema.parse({ id: 's', message: '合计', ...(tolerance !== undefined ? { tolerance } : {}), sumEquals: { total: 'total', parts: Array.from({ length: n }, (_, i) => `p${i}`) } });
const exactSum = (xs: number[]): number => xs.reduce((a, x) => a.plus(x), new Decimal(0)).toNumber();

describe('checks: properties', () => {
  it('a total equal to the exact sum of its parts always passes (float addition would drift)', () => {
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 12 }), (parts) => {
        const values: FactValues = new Map<string, unknown>([['total', exactSum(parts)], ...parts.map((p, i): [string, unknown] => [`p${i}`, p])]);
        return evaluateChecks([check(parts.length)], facts(parts.length), values)[0]!.outcome === 'pass';
      }),
    );
  });

  it('with tolerance t, a difference d passes exactly when d ≤ t', () => {
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), (parts, d, t) => {
        const total = new Decimal(exactSum(parts)).plus(d / 100).toNumber();
        const values: FactValues = new Map<string, unknown>([['total', total], ...parts.map((p, i): [string, unknown] => [`p${i}`, p])]);
        const outcome = evaluateChecks([check(parts.length, t / 100)], facts(parts.length), values)[0]!.outcome;
        return outcome === (d <= t ? 'pass' : 'fail');
      }),
    );
  });

  it('any blank part makes the check not assessable, whatever the other values', () => {
    fc.assert(
      fc.property(fc.array(fc.option(cents, { nil: null }), { minLength: 1, maxLength: 8 }), cents, (parts, total) => {
        fc.pre(parts.some((p) => p === null));
        const values: FactValues = new Map<string, unknown>([['total', total], ...parts.map((p, i): [string, unknown] => [`p${i}`, p])]);
        return evaluateChecks([check(parts.length)], facts(parts.length), values)[0]!.outcome === 'not_assessable';
      }),
    );
  });
});
