// Exact decimal arithmetic for points. Every score is a Decimal until the report rounds it, in one place.
import { Decimal } from 'decimal.js';

export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export const ZERO = new D(0);

export function dec(n: number | string | Dec): Dec {
  return new D(n);
}

/** Round for output: the rubric's precision, half-up, as a JSON number. Negative zero becomes 0. */
export function toOutput(d: Dec, precision: number): number {
  const n = d.toDecimalPlaces(precision, D.ROUND_HALF_UP).toNumber();
  return n === 0 ? 0 : n;
}

export function clamp(d: Dec, lo: Dec | null, hi: Dec | null): Dec {
  let r = d;
  if (hi !== null && r.gt(hi)) r = hi;
  if (lo !== null && r.lt(lo)) r = lo;
  return r;
}

export function sum(values: Iterable<Dec>): Dec {
  let s = ZERO;
  for (const v of values) s = s.plus(v);
  return s;
}

/** Parse an exact factor such as "4/3" or "1.25" into [numerator, denominator]. */
export function parseFactor(f: string): [Dec, Dec] {
  const [n, d] = f.split('/');
  return [dec(n!), dec(d ?? '1')];
}

/** Format a number for Chinese text: no trailing zeros, at most `precision` decimals. */
export function formatPoints(n: number | Dec, precision = 2): string {
  const d = typeof n === 'number' ? dec(n) : n;
  return d.toDecimalPlaces(precision, D.ROUND_HALF_UP).toString();
}
