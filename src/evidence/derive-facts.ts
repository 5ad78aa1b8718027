// Derived facts from a small set of safe built-ins (sum, min, max, difference, ratio, count, daysBetween).
// Input: the catalogue, the agency's given values. Output: values for derived facts (null = missing).
import type { Derive, FactDef } from '../schema/fact-schema.js';
import { D, dec } from '../score/decimal.js';
import { scaledOfNumber, type Scaled } from '../score/scaled.js';
import { deriveInputs } from '../validate/check-facts.js';

export type FactValues = Map<string, unknown>;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The comparison of `count: {list, operator, value}`, element by element (also used to find which elements counted). */
export function compareValues(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case 'equal':
      return a === b;
    case 'notEqual':
      return a !== b;
    case 'lessThan':
      return typeof a === 'number' && typeof b === 'number' && a < b;
    case 'lessThanInclusive':
      return typeof a === 'number' && typeof b === 'number' && a <= b;
    case 'greaterThan':
      return typeof a === 'number' && typeof b === 'number' && a > b;
    case 'greaterThanInclusive':
      return typeof a === 'number' && typeof b === 'number' && a >= b;
    default:
      return false;
  }
}

function daysOf(s: unknown): number | null {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const t = Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Number.isFinite(t) ? Math.round(t / 86400000) : null;
}

/**
 * sum, difference, min and max as exact scaled integers (score/scaled.ts) when every input fits and none is −0 (whose
 * sign decimal.js and floating point treat differently): the same number decimal.js gives. undefined: use decimal.js.
 */
function exactArithmetic(d: Derive, nums: readonly number[]): number | null | undefined {
  if (!('sum' in d) && !('difference' in d) && !('min' in d) && !('max' in d)) return undefined;
  const sc: Scaled[] = [];
  for (const v of nums) {
    const s = Object.is(v, -0) ? null : scaledOfNumber(v);
    if (s === null) return undefined;
    sc.push(s);
  }
  // min and max pick one input, which decimal.js reads from its shortest string and gives back unchanged.
  if ('min' in d) return Math.min(...nums);
  if ('max' in d) return Math.max(...nums);
  const k = Math.max(...sc.map((s) => s.k));
  let n = 0;
  for (let i = 0; i < sc.length; i++) {
    const term = sc[i]!.n * 10 ** (k - sc[i]!.k);
    n = 'difference' in d && i === 1 ? n - term : n + term;
    if (!Number.isSafeInteger(term) || !Number.isSafeInteger(n)) return undefined;
  }
  return n / 10 ** k; // exact n over an exact power of ten, rounded once: decimal.js's toNumber of the exact result
}

/** Compute one derivation; null when an input is missing (or a zero denominator is declared missing). */
export function computeDerived(d: Derive, values: FactValues): number | null {
  const inputs = deriveInputs(d);
  if ('count' in d && 'trueOf' in d.count) {
    if (inputs.some((i) => values.get(i) === null || values.get(i) === undefined)) return null;
    return inputs.filter((i) => values.get(i) === true).length;
  }
  if ('count' in d) {
    const list = values.get(inputs[0]!);
    if (!Array.isArray(list)) return null;
    const c = d.count;
    if ('itemsOf' in c) return list.length;
    if ('list' in c) return list.filter((x) => compareValues(x, c.operator, c.value)).length;
    return null;
  }
  if ('daysBetween' in d) {
    const a = daysOf(values.get(d.daysBetween.from));
    const b = daysOf(values.get(d.daysBetween.to));
    return a === null || b === null ? null : b - a;
  }
  const nums = inputs.map((i) => num(values.get(i)));
  if (nums.some((n) => n === null)) return null;
  const fast = exactArithmetic(d, nums as number[]);
  if (fast !== undefined) return fast;
  const decs = nums.map((n) => dec(n!));
  if ('sum' in d) return decs.reduce((a, b) => a.plus(b), dec(0)).toNumber();
  if ('min' in d) return D.min(...decs).toNumber();
  if ('max' in d) return D.max(...decs).toNumber();
  if ('difference' in d) return decs[0]!.minus(decs[1]!).toNumber();
  const r = d.ratio;
  if (decs[1]!.isZero()) return r.onZeroDenominator === 'missing' ? null : r.onZeroDenominator.value;
  const q = decs[0]!.div(decs[1]!);
  return (r.percent ? q.times(100) : q).toDecimalPlaces(10).toNumber();
}

/** Add every derived fact to `values`, in dependency order. */
export function deriveFacts(facts: Record<string, FactDef>, order: readonly string[], values: FactValues): void {
  for (const id of order) values.set(id, computeDerived(facts[id]!.derive!, values));
}
