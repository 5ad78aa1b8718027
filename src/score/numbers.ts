// Shared helpers for methods that read numbers: parameter references, per-occurrence counts.
import type { Per } from '../schema/scoring-schema.js';
import { dec, type Dec } from './decimal.js';
import { wholeStepsBetween } from './scaled.js';

export type NumberOrParam = number | { param: string };

/**
 * How many times a per-occurrence rule fires: the fact's value, or the whole steps by which it falls below
 * `below` / rises above `above` (e.g. 及时率每下降1个百分点 → below: 100, step: 1). Null when the fact is missing.
 */
export function countOccurrences(per: Per, value: number | null, resolve: (v: NumberOrParam) => number): Dec | null {
  if (value === null) return null;
  // Exact scaled integers for the usual thresholds and steps (score/scaled.ts); decimal.js otherwise.
  const fast =
    per.below !== undefined
      ? wholeStepsBetween(resolve(per.below), value, per.step ?? 1)
      : per.above !== undefined
        ? wholeStepsBetween(value, resolve(per.above), per.step ?? 1)
        : per.step !== undefined && value >= 0
          ? wholeStepsBetween(value, 0, per.step)
          : undefined;
  if (fast !== undefined) return fast;
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
