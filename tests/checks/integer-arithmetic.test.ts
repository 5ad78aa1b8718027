// The checks' integer fast path (integerArithmetic: all operands safe integers) against the exact-decimal path
// (decimalArithmetic) on random checks of every arithmetic shape: same outcome, same text, byte for byte; and it steps
// aside (null) whenever an operand is not a safe integer or a sum leaves the safe range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalArithmetic, integerArithmetic } from '../../src/checks/evaluate-checks.js';
import type { CheckValue } from '../../src/report/score-report.js';
import { CheckSchema } from '../../src/schema/check-schema.js';

const int = fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.integer(), fc.constantFrom(0, -0, 2 ** 53 - 1, -(2 ** 53 - 1)));
const value = fc.oneof({ weight: 8, arbitrary: int }, { weight: 1, arbitrary: fc.constantFrom(0.5, 2 ** 53, 1e21, 3.25) });
const tolerance = fc.option(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(0.5, 0.01, 1e-7, 2.5, 1e9)), { nil: undefined });
const operand = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('a', 'b', 'c', 'd') }, { weight: 1, arbitrary: int });

describe('checks: integer arithmetic vs exact decimals', () => {
  it('same outcome and text on random checks and values', () => {
    let fast = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('sumEquals', 'equal', 'lessOrEqual', 'greaterOrEqual'),
        tolerance,
        fc.array(operand, { minLength: 2, maxLength: 5 }),
        fc.tuple(value, value, value, value),
        (shape, tol, ops, vs) => {
          const body = shape === 'sumEquals' ? { sumEquals: { total: ops[0], parts: ops.slice(1) } } : { [shape]: [ops[0], ops[1]] };
          const c = CheckSchema.parse({ id: 'k', message: '核验', ...(tol !== undefined ? { tolerance: tol } : {}), ...body });
          const seen = new Map<string, CheckValue>(['a', 'b', 'c', 'd'].map((id, i) => [id, { fact: id, label: `事实${id}`, value: vs[i]!, unit: '件' }]));
          const got = integerArithmetic(c, seen);
          if (got === null) return;
          fast++;
          expect(got).toStrictEqual(decimalArithmetic(c, seen));
        },
      ),
      { numRuns: 5000, seed: 42 },
    );
    expect(fast).toBeGreaterThan(1000);
  });

  it('steps aside for non-integers and sums beyond 2^53', () => {
    const seen = (a: number, b: number) => new Map<string, CheckValue>([['a', { fact: 'a', label: 'A', value: a }], ['b', { fact: 'b', label: 'B', value: b }]]);
    const sum = CheckSchema.parse({ id: 'k', message: 'm', sumEquals: { total: 'a', parts: ['b', 'b'] } });
    expect(integerArithmetic(sum, seen(1, 0.5))).toBeNull();
    expect(integerArithmetic(sum, seen(1, 2 ** 52 + 1))).toBeNull();
    const four = integerArithmetic(sum, seen(4, 2))!;
    expect(four.outcome).toBe('pass');
    expect(four.text).toContain('2 + 2 = 4');
    expect(four).toStrictEqual(decimalArithmetic(sum, seen(4, 2)));
    const five = integerArithmetic(sum, seen(5, 2))!;
    expect(five.outcome).toBe('fail');
    expect(five.text).toContain('相差 1');
  });
});
