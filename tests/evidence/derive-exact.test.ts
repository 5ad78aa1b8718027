// Derived sum / difference / min / max through exact scaled integers (src/evidence/derive-facts.ts) against the same
// derivation done with decimal.js only: identical numbers (Object.is, so −0 counts) on random inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDerived } from '../../src/evidence/derive-facts.js';
import { D, dec } from '../../src/score/decimal.js';
import type { Derive } from '../../src/schema/fact-schema.js';

const reference = (d: Derive, nums: number[]): number => {
  const decs = nums.map((n) => dec(n));
  if ('sum' in d) return decs.reduce((a, b) => a.plus(b), dec(0)).toNumber();
  if ('min' in d) return D.min(...decs).toNumber();
  if ('max' in d) return D.max(...decs).toNumber();
  return decs[0]!.minus(decs[1]!).toNumber();
};

const num = fc.oneof(
  fc.integer({ min: -1000, max: 100_000 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((t) => t / 100),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.1, 0.2, 0.3, 1e-7, 1e21, 2 ** 53 - 1, 2 ** 53 + 2, 123456789.123456),
);

describe('derived arithmetic: scaled integers vs decimal.js', () => {
  it('sum, difference, min, max on random inputs', () => {
    fc.assert(
      fc.property(fc.constantFrom('sum', 'min', 'max', 'difference'), fc.array(num, { minLength: 2, maxLength: 6 }), (kind, nums) => {
        const xs = kind === 'difference' ? nums.slice(0, 2) : nums;
        const ids = xs.map((_, i) => `f${i}`);
        const d = (kind === 'difference' ? { difference: [ids[0], ids[1]] } : { [kind]: ids }) as Derive;
        const values = new Map<string, unknown>(ids.map((id, i) => [id, xs[i]]));
        expect(Object.is(computeDerived(d, values), reference(d, xs))).toBe(true);
      }),
      { numRuns: 5000, seed: 2018 },
    );
  });

  it('table: 0.1 + 0.2 is 0.3, −0 inputs keep the signs decimal.js gives', () => {
    const v = (xs: number[]) => new Map<string, unknown>(xs.map((x, i) => [`f${i}`, x]));
    expect(computeDerived({ sum: ['f0', 'f1'] }, v([0.1, 0.2]))).toBe(0.3);
    expect(computeDerived({ difference: ['f0', 'f1'] }, v([0.3, 0.1]))).toBe(0.2);
    expect(Object.is(computeDerived({ difference: ['f0', 'f1'] }, v([-0, -0])), reference({ difference: ['f0', 'f1'] }, [-0, -0]))).toBe(true);
    expect(Object.is(computeDerived({ min: ['f0', 'f1'] }, v([0, -0])), reference({ min: ['f0', 'f1'] }, [0, -0]))).toBe(true);
  });
});
