// Exact scaled integers for the hot path of turning exact points into report numbers. A decimal.js value whose digits
// fit a safe integer n with k ≤ 15 decimals is n / 10^k exactly; from there, the JSON number the report prints is
// n / 10^k in floating point (both operands are exact doubles and IEEE division rounds correctly, so it is the same
// double as Number(decimal string), which is what decimal.js's toNumber computes), and a difference of two such values
// is an integer subtraction. Anything else — more digits, more decimals than the output precision, a non-finite
// value — falls back to decimal.js itself. tests/score/scaled.test.ts checks every function against decimal.js on
// random operation chains (fast-check).
import { D, dec, toOutput, ZERO, type Dec } from './decimal.js';

/** value = n / 10^k, n a safe integer (−0 for negative zero), k the value's decimal places (0–15). */
export interface Scaled {
  n: number;
  k: number;
}

const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** decimal.js's documented instance properties: digits in base 1e7 words, base-10 exponent, sign (null d: NaN/±∞). */
interface DecimalParts {
  d: number[] | null;
  e: number;
  s: number;
}

/** The exact scaled integer of a decimal, or null when it does not fit (more than 15 decimals or a 2^53 numerator). */
export function scaledOf(x: Dec): Scaled | null {
  const { d, e, s } = x as unknown as DecimalParts;
  if (!d || d.length > 3) return null;
  let w = 0;
  for (let i = 0; i < d.length; i++) w = w * 1e7 + d[i]!;
  if (w > Number.MAX_SAFE_INTEGER) return null;
  if (w === 0) return { n: s < 0 ? -0 : 0, k: 0 };
  // The words are aligned on powers of 1e7: value = w × 10^p.
  let p = 7 * (Math.floor(e / 7) - d.length + 1);
  while (p < 0 && w % 10 === 0) {
    w /= 10;
    p++;
  }
  if (p >= 0) {
    const n = w * POW10[p]!;
    if (p > 15 || n > Number.MAX_SAFE_INTEGER) return null;
    return { n: s < 0 ? -n : n, k: 0 };
  }
  if (p < -15) return null;
  return { n: s < 0 ? -w : w, k: -p };
}

/** The report number of an exact decimal, as `toOutput(d, precision)` (half-up to the rubric's precision, no −0). */
export function outputNumber(x: Dec, precision: number): number {
  const sc = scaledOf(x);
  if (sc === null || sc.k > precision) return toOutput(x, precision);
  const v = sc.n / POW10[sc.k]!;
  return v === 0 ? 0 : v;
}

/** Align two scaled values on one scale; null when a numerator would leave the safe range. */
function align(a: Scaled, b: Scaled): [number, number, number] | null {
  const k = Math.max(a.k, b.k);
  const na = a.n * POW10[k - a.k]!;
  const nb = b.n * POW10[k - b.k]!;
  if (Math.abs(na) > Number.MAX_SAFE_INTEGER || Math.abs(nb) > Number.MAX_SAFE_INTEGER) return null;
  return [na, nb, k];
}

/** na − nb over 10^k as a report number when exact within the precision; else `fallback()` rounded by decimal.js. */
function outputAligned([na, nb, k]: [number, number, number], precision: number, fallback: () => Dec): number {
  let n = na - nb;
  if (Math.abs(n) <= Number.MAX_SAFE_INTEGER) {
    while (k > 0 && n % 10 === 0) {
      n /= 10;
      k--;
    }
    if (k <= precision) {
      const v = n / POW10[k]!;
      return v === 0 ? 0 : v;
    }
  }
  return toOutput(fallback(), precision);
}

/** The report number of a − b, as `toOutput(a.minus(b), precision)`, without building the difference when exact. */
export function outputDifference(a: Dec, b: Dec, precision: number): number {
  const sa = scaledOf(a);
  const sb = sa && scaledOf(b);
  const al = sa && sb && align(sa, sb);
  return al ? outputAligned(al, precision, () => a.minus(b)) : toOutput(a.minus(b), precision);
}

/** The scaled integer of a JSON number as decimal.js reads it (its shortest decimal string); null when it does not fit. */
export function scaledOfNumber(v: number): Scaled | null {
  if (Number.isSafeInteger(v)) return { n: v, k: 0 };
  if (!Number.isFinite(v)) return null;
  const s = String(v);
  if (s.includes('e')) return null;
  const dot = s.indexOf('.');
  const k = s.length - dot - 1;
  const n = Number(s.slice(0, dot) + s.slice(dot + 1));
  if (k > 15 || !Number.isSafeInteger(n)) return null;
  // "-0.5" → "-05" → −5; the sign of zero cannot arise here (0 and −0 are safe integers, handled above).
  return { n, k };
}

/** `d.toNumber()` (−0 kept), without decimal.js's string round trip when the value fits. */
export function numberOf(x: Dec): number {
  const sc = scaledOf(x);
  return sc === null ? x.toNumber() : sc.n / POW10[sc.k]!;
}

/** The report number of a JSON number, as `toOutput(dec(v), precision)`. */
export function outputOfNumber(v: number, precision: number): number {
  const sc = scaledOfNumber(v);
  if (sc === null || sc.k > precision) return toOutput(dec(v), precision);
  return v === 0 ? 0 : v; // decimal.js reads v from its shortest string, which reads back as v
}

/** The report number of a JSON number minus a decimal, as `toOutput(dec(v).minus(b), precision)`. */
export function outputNumberMinus(v: number, b: Dec, precision: number): number {
  const sa = scaledOfNumber(v);
  const sb = sa && scaledOf(b);
  const al = sa && sb && align(sa, sb);
  return al ? outputAligned(al, precision, () => dec(v).minus(b)) : toOutput(dec(v).minus(b), precision);
}

/** `x.comparedTo(v)` for a JSON number v (−1, 0, 1; zeros equal), exact, without building a decimal when both fit. */
export function compareToNumber(x: Dec, v: number): number {
  const sa = scaledOf(x);
  const sb = sa && scaledOfNumber(v);
  const al = sa && sb && align(sa, sb);
  if (!al) return x.comparedTo(v);
  return al[0] < al[1] ? -1 : al[0] > al[1] ? 1 : 0;
}

/** A decimal from a scaled integer (the same value decimal.js arithmetic would give). */
export function decOfScaled(n: number, k: number): Dec {
  if (k === 0) return new D(n);
  const digits = String(Math.abs(n)).padStart(k + 1, '0');
  return new D(`${n < 0 || Object.is(n, -0) ? '-' : ''}${digits.slice(0, -k)}.${digits.slice(-k)}`);
}

/** The exact sum of decimals, as adding them to zero one by one with decimal.js gives it (−0 only never: 0 + −0 = 0). */
export function sumExact(values: readonly Dec[]): Dec {
  let n = 0;
  let k = 0;
  for (const x of values) {
    const sc = scaledOf(x);
    const al = sc && align({ n, k }, sc);
    if (!al) return values.reduce((s, v) => s.plus(v), ZERO);
    n = al[0] + al[1];
    k = al[2];
    if (Math.abs(n) > Number.MAX_SAFE_INTEGER) return values.reduce((s, v) => s.plus(v), ZERO);
  }
  return decOfScaled(n, k);
}

/** `a.minus(b).toNumber()` (reason points: exact, unrounded), in integers when both fit (−0 operands left to decimal.js). */
export function differenceNumber(a: Dec, b: Dec): number {
  const sa = scaledOf(a);
  const sb = sa && scaledOf(b);
  const al = sa && sb && !Object.is(sa.n, -0) && !Object.is(sb.n, -0) && align(sa, sb);
  if (al) {
    const n = al[0] - al[1];
    if (Math.abs(n) <= Number.MAX_SAFE_INTEGER) return n / POW10[al[2]]!;
  }
  return a.minus(b).toNumber();
}

/** `x.neg().toNumber()`: negation is exact in both. */
export function negatedNumber(x: Dec): number {
  return -numberOf(x);
}

/**
 * floor((a − b) / step) for JSON numbers when a − b > 0, else 0 — as `dec(a).minus(b)`, `.div(step).floor()` give it —
 * in integers when all three fit on one scale; undefined when they do not (or one is −0): use decimal.js.
 */
export function wholeStepsBetween(a: number, b: number, step: number): Dec | undefined {
  if (Object.is(a, -0) || Object.is(b, -0)) return undefined;
  const sa = scaledOfNumber(a);
  const sb = scaledOfNumber(b);
  const ss = scaledOfNumber(step);
  if (!sa || !sb || !ss || ss.n <= 0) return undefined;
  const k = Math.max(sa.k, sb.k, ss.k);
  const na = sa.n * POW10[k - sa.k]!;
  const nb = sb.n * POW10[k - sb.k]!;
  const ns = ss.n * POW10[k - ss.k]!;
  const gap = na - nb;
  if (![na, nb, ns, gap].every(Number.isSafeInteger) || gap + ns > Number.MAX_SAFE_INTEGER) return undefined;
  if (gap <= 0) return new D(0);
  let q = Math.floor(gap / ns);
  // The float quotient can be one off near an integer: settle q so that q·step ≤ gap < (q+1)·step, all exact.
  while (q * ns > gap) q--;
  while ((q + 1) * ns <= gap) q++;
  return new D(q);
}

/** The exact sum of JSON numbers, as adding `dec(v)` to decimal 0 one by one gives it; decimal.js when one does not fit. */
export function sumNumbersExact(values: readonly number[]): Dec {
  let n = 0;
  let k = 0;
  for (const v of values) {
    const sc = scaledOfNumber(v);
    const al = sc && align({ n, k }, sc);
    if (!al || !Number.isSafeInteger(al[0] + al[1])) return values.reduce((s, x) => s.plus(x), dec(0));
    n = al[0] + al[1];
    k = al[2];
  }
  return decOfScaled(n, k);
}
