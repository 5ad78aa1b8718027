// Scaled integers (src/score/scaled.ts) against decimal.js: on random operation chains (plus, minus, times, div,
// floor, toDecimalPlaces, neg — including divisions like 4/3 that are not exact and values beyond 2^53 or 15 decimals),
// every fast conversion gives exactly what decimal.js gives (Object.is, so −0 counts), and scaledOf is exact or null.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, dec, toOutput, type Dec } from '../../src/score/decimal.js';
import { compareToNumber, differenceNumber, negatedNumber, numberOf, sumNumbersExact, outputDifference, outputNumber, outputNumberMinus, outputOfNumber, scaledOf, scaledOfNumber, sumExact } from '../../src/score/scaled.js';

/** What build-report's rounding did before: decimal.js only. */
const reference = (d: Dec, p: number): number => (d.decimalPlaces() > p ? toOutput(d, p) : d.toNumber() === 0 ? 0 : d.toNumber());

const leaf: fc.Arbitrary<Dec> = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((t) => dec(t).div(10)), // tenths
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((t) => dec(t).div(10_000)), // 4 decimals
  fc.integer({ min: 0, max: 200 }).map((n) => dec(n)),
  fc.constantFrom(dec(0), dec(0).neg(), dec(100000), dec('9007199254740991'), dec('9007199254740993'), dec('0.000000000000001'), dec('1e-16'), dec('1e21'), dec('123456789012345.6'), dec('12345678901234567890.5')),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((x) => dec(x)),
  fc.tuple(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => dec(a).div(b)), // 4/3 …
);

type Op = { op: 'plus' | 'minus' | 'times' | 'div'; arg: Dec } | { op: 'floor' | 'neg' } | { op: 'dp'; places: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constantFrom('plus' as const, 'minus' as const, 'times' as const), arg: leaf }),
  fc.record({ op: fc.constant('div' as const), arg: leaf.filter((x) => !x.isZero()) }),
  fc.record({ op: fc.constantFrom('floor' as const, 'neg' as const) }),
  fc.record({ op: fc.constant('dp' as const), places: fc.integer({ min: 0, max: 6 }) }),
);

function apply(x: Dec, o: Op): Dec {
  switch (o.op) {
    case 'plus':
      return x.plus(o.arg);
    case 'minus':
      return x.minus(o.arg);
    case 'times':
      return x.times(o.arg);
    case 'div':
      return x.div(o.arg);
    case 'floor':
      return x.floor();
    case 'neg':
      return x.neg();
    case 'dp':
      return x.toDecimalPlaces(o.places, D.ROUND_HALF_UP);
  }
}

/** Every value a chain passes through. */
const chain = fc.tuple(leaf, fc.array(op, { maxLength: 6 })).map(([x, ops]) => {
  const seen = [x];
  for (const o of ops) seen.push(apply(seen[seen.length - 1]!, o));
  return seen;
});

describe('scaled integers vs decimal.js', () => {
  it('scaledOf is exact (n / 10^k equals the decimal) or null; numberOf is toNumber', () => {
    let fits = 0;
    fc.assert(
      fc.property(chain, (xs) => {
        for (const x of xs) {
          const sc = scaledOf(x);
          if (sc !== null) {
            fits++;
            expect(dec(sc.n).div(dec(10).pow(sc.k)).eq(x)).toBe(true);
            expect(sc.k).toBe(x.decimalPlaces());
            expect(Object.is(sc.n, -0)).toBe(x.isZero() && x.isNeg());
          }
          expect(Object.is(numberOf(x), x.toNumber())).toBe(true);
        }
      }),
      { numRuns: 2000, seed: 14 },
    );
    expect(fits).toBeGreaterThan(2000);
  });

  it('outputNumber and outputDifference round exactly as decimal.js does, for precisions 0–6', () => {
    fc.assert(
      fc.property(chain, chain, fc.integer({ min: 0, max: 6 }), (xs, ys, p) => {
        for (const x of xs) expect(Object.is(outputNumber(x, p), reference(x, p))).toBe(true);
        for (let i = 0; i < Math.min(xs.length, ys.length); i++) expect(Object.is(outputDifference(xs[i]!, ys[i]!, p), reference(xs[i]!.minus(ys[i]!), p))).toBe(true);
      }),
      { numRuns: 2000, seed: 2017 },
    );
  });

  it('JSON numbers (claims) read as decimal.js reads them', () => {
    const num = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 1_000_000 }).map((t) => t / 10_000), fc.constantFrom(0, -0, 0.1, 0.3, 1e-7, 1e21, 2 ** 53, 2 ** 53 + 2, 123.456789));
    fc.assert(
      fc.property(num, chain, fc.integer({ min: 0, max: 6 }), (v, ys, p) => {
        const sc = scaledOfNumber(v);
        if (sc !== null) expect(dec(sc.n).div(dec(10).pow(sc.k)).eq(dec(v))).toBe(true);
        expect(Object.is(outputOfNumber(v, p), reference(dec(v), p))).toBe(true);
        for (const y of ys) expect(Object.is(outputNumberMinus(v, y, p), reference(dec(v).minus(y), p))).toBe(true);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('sumExact is the one-by-one decimal.js sum (value, sign of zero, digits); compareToNumber is comparedTo', () => {
    const num = fc.oneof(fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100_000, max: 100_000 }).map((t) => t / 100), fc.constantFrom(0, -0, 0.1, 1e-7, 1e21, 2 ** 53 + 2), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(chain.map((xs) => xs[xs.length - 1]!), { maxLength: 8 }), num, (xs, v) => {
        const ref = xs.reduce((s, x) => s.plus(x), dec(0));
        const fast = sumExact(xs);
        expect(fast.toString()).toBe(ref.toString());
        expect(Object.is(fast.toNumber(), ref.toNumber())).toBe(true);
        const parts = (d: Dec): unknown => ({ d: (d as unknown as { d: number[] }).d, e: (d as unknown as { e: number }).e, s: (d as unknown as { s: number }).s });
        expect(parts(fast)).toStrictEqual(parts(ref));
        for (const x of xs) expect(compareToNumber(x, v)).toBe(x.comparedTo(v));
      }),
      { numRuns: 2000, seed: 99 },
    );
  });

  it('differenceNumber and negatedNumber are minus/neg then toNumber (reason points), −0 included', () => {
    fc.assert(
      fc.property(chain, chain, (xs, ys) => {
        for (let i = 0; i < Math.min(xs.length, ys.length); i++) expect(Object.is(differenceNumber(xs[i]!, ys[i]!), xs[i]!.minus(ys[i]!).toNumber())).toBe(true);
        for (const x of xs) expect(Object.is(negatedNumber(x), x.neg().toNumber())).toBe(true);
      }),
      { numRuns: 2000, seed: 3 },
    );
    for (const [a, b] of [[0, -0], [-0, 0], [-0, -0], [0, 0], [1, 1]] as const)
      expect(Object.is(differenceNumber(dec(a), dec(b)), dec(a).minus(dec(b)).toNumber()), `${a} − ${b}`).toBe(true);
  });

  it('sumNumbersExact is adding dec(v) to decimal 0 one by one (the claimed total)', () => {
    const claim = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 1_000_000 }).map((t) => t / 10_000), fc.constantFrom(0, -0, 0.1, 99999.9999, 2 ** 53 - 1, 1e-7), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(claim, { maxLength: 12 }), (vs) => {
        const ref = vs.reduce((s, v) => s.plus(v), dec(0));
        const fast = sumNumbersExact(vs);
        expect(fast.toString()).toBe(ref.toString());
        expect(Object.is(fast.toNumber(), ref.toNumber())).toBe(true);
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  it('table: hand-checked values', () => {
    const cases: Array<[string, { n: number; k: number } | null]> = [
      ['0', { n: 0, k: 0 }],
      ['12.5', { n: 125, k: 1 }],
      ['-0.0001', { n: -1, k: 4 }],
      ['100000', { n: 100000, k: 0 }],
      ['1.10', { n: 11, k: 1 }],
      ['20000000', { n: 20000000, k: 0 }],
      ['9007199254740991', { n: 9007199254740991, k: 0 }],
      ['9007199254740992', null],
      ['0.000000000000001', { n: 1, k: 15 }],
      ['0.0000000000000001', null],
    ];
    for (const [s, want] of cases) expect(scaledOf(dec(s)), s).toStrictEqual(want);
    expect(Object.is(scaledOf(dec(0).neg())!.n, -0)).toBe(true);
    expect(scaledOf(dec(4).div(3))).toBeNull(); // 40 significant digits
    expect(outputNumber(dec(4).div(3), 2)).toBe(1.33);
    expect(outputNumber(dec('2.345'), 2)).toBe(2.35); // half-up
    expect(outputNumber(dec('-2.345'), 2)).toBe(-2.35);
    expect(outputDifference(dec('0.3'), dec('0.1'), 2)).toBe(0.2); // not 0.19999999999999998
    expect(outputNumberMinus(0.3, dec('0.1'), 2)).toBe(0.2);
    expect(Object.is(outputDifference(dec(1), dec(1), 2), 0)).toBe(true);
  });
});
