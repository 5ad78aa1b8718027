// Per-occurrence counts (countOccurrences) through exact scaled integers against the decimal.js-only computation they
// replaced, on random thresholds, steps and values (tenths, cents, integers, −0, huge): the same decimal every time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, type Dec } from '../../src/score/decimal.js';
import { countOccurrences, type NumberOrParam } from '../../src/score/numbers.js';
import type { Per } from '../../src/schema/scoring-schema.js';

function reference(per: Per, value: number, resolve: (v: NumberOrParam) => number): Dec {
  const step = dec(per.step ?? 1);
  if (per.below !== undefined) {
    const gap = dec(resolve(per.below)).minus(value);
    return gap.gt(0) ? gap.div(step).floor() : dec(0);
  }
  if (per.above !== undefined) {
    const gap = dec(value).minus(resolve(per.above));
    return gap.gt(0) ? gap.div(step).floor() : dec(0);
  }
  const v = dec(value);
  return v.lt(0) ? dec(0) : per.step !== undefined ? v.div(step).floor() : v;
}

const num = fc.oneof(
  fc.integer({ min: -50, max: 200 }),
  fc.integer({ min: -10_000, max: 100_000 }).map((t) => t / 100),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.constantFrom(0, -0, 0.1, 0.3, 99.99, 2 ** 53 - 1, 1e21),
);
const step = fc.oneof(fc.constantFrom(1, 0.1, 0.5, 3, 0.01, 7, 1e-7), fc.integer({ min: 1, max: 1000 }).map((t) => t / 10));

describe('countOccurrences: scaled integers vs decimal.js', () => {
  it('below / above / plain, with and without a step, through a parameter or a number', () => {
    fc.assert(
      fc.property(fc.constantFrom('below', 'above', 'plain'), num, fc.option(step, { nil: undefined }), num, fc.boolean(), (kind, threshold, st, value, viaParam) => {
        const bound: NumberOrParam = viaParam ? { param: 'p' } : threshold;
        const per = { fact: 'f', ...(st !== undefined ? { step: st } : {}), ...(kind === 'below' ? { below: bound } : kind === 'above' ? { above: bound } : {}) } as Per;
        const resolve = (v: NumberOrParam): number => (typeof v === 'number' ? v : threshold);
        const got = countOccurrences(per, value, resolve)!;
        const want = reference(per, value, resolve);
        expect(got.toString()).toBe(want.toString());
        expect(Object.is(got.toNumber(), want.toNumber())).toBe(true);
      }),
      { numRuns: 10000, seed: 2019 },
    );
  });

  it('table: 及时率每下降1个百分点扣分 (below 100, step 1)', () => {
    const per = { fact: 'rate', below: 100, step: 1 } as Per;
    const id = (v: NumberOrParam): number => v as number;
    expect(countOccurrences(per, 97.5, id)!.toNumber()).toBe(2);
    expect(countOccurrences(per, 100, id)!.toNumber()).toBe(0);
    expect(countOccurrences(per, 0.3, id)!.toNumber()).toBe(99);
    expect(countOccurrences({ fact: 'x', below: 0.3, step: 0.1 } as Per, 0, id)!.toNumber()).toBe(3); // floats would say 2
  });
});
