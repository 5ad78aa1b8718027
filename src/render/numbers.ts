// Number display for every renderer: the report's numbers are already rounded to the rubric's precision; these
// helpers only turn them into text (no arithmetic on scores happens here).
import { Decimal } from 'decimal.js';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/**
 * A number as a Chinese sheet shows it: at most `precision` decimals, trailing zeros dropped ("5", "0.5").
 * @returns '' for null/undefined (an empty cell).
 */
export function formatNumber(n: number | null | undefined, precision: number): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  const s = new D(n).toDecimalPlaces(precision, D.ROUND_HALF_UP).toFixed();
  return s === '-0' ? '0' : s;
}

/** A signed difference: "+2", "-0.5"; '' for 0 or missing. */
export function formatSigned(n: number | null | undefined, precision: number): string {
  const s = formatNumber(n, precision);
  if (s === '' || s === '0') return '';
  return s.startsWith('-') ? s : `+${s}`;
}

/**
 * Sum of the agency's own claimed numbers (自评分) — never of computed scores — exactly, then rounded for display.
 * Used for section subtotals of the 自评分 column, which the report does not carry per section.
 */
export function sumClaims(values: readonly number[], precision: number): number {
  const s = values.reduce((acc, v) => acc.plus(v), new D(0));
  return s.toDecimalPlaces(precision, D.ROUND_HALF_UP).toNumber();
}

/** claimed − score for a claim the report carries only below this row (exact, rounded to precision). */
export function claimDifference(claimed: number, score: number, precision: number): number {
  const n = new D(claimed).minus(score).toDecimalPlaces(precision, D.ROUND_HALF_UP).toNumber();
  return n === 0 ? 0 : n;
}

/** Excel number format for a precision: "0" or "0.0", "0.00" … */
export function excelNumberFormat(precision: number): string {
  return precision > 0 ? `0.${'0'.repeat(precision)}` : '0';
}
