// Evaluate a rubric's consistency checks (勾稽关系) against one agency's fact values. Pure: facts in, results out.
// Policy: a blank fact is not zero. A check that needs a blank fact is `not_assessable` — never a silent pass or
// fail. Arithmetic is exact (decimal.js), with the check's optional tolerance as the largest difference still equal.
import type { FactValues } from '../evidence/derive-facts.js';
import type { CheckOutcome, CheckResult, CheckValue } from '../report/score-report.js';
import type { Check, CheckClause, CheckOperand } from '../schema/check-schema.js';
import type { FactDef } from '../schema/fact-schema.js';
import { dec, type Dec } from '../score/decimal.js';
import { formatValue } from '../score/explain.js';
import { CHECK_OPERATOR_TEXT, checkFacts, checkKinds } from './check-shape.js';

/** The office's ruling on a failed check, as the review file gives it. */
export interface CheckResolution {
  resolution: string;
  reason: string;
  by: string;
  date?: string | undefined;
}

const isBlank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v));

function valueOf(facts: Record<string, FactDef>, values: FactValues, id: string): CheckValue {
  const def = facts[id];
  const v = values.get(id);
  const out: CheckValue = { fact: id, label: def?.label ?? id, value: isBlank(v) ? null : v };
  if (def?.unit !== undefined) out.unit = def.unit;
  if (def?.source !== undefined) out.source = def.source;
  return out;
}

/** "收到申请数(附件2 第21行)2 件" — a fact as a reader finds it on the form. */
function describe(v: CheckValue): string {
  return `${v.label}${v.source ? `(${v.source})` : ''} ${formatValue(v.value, v.unit)}`;
}

const fmt = (d: Dec): string => d.toString();

export type Arith = { outcome: CheckOutcome; text: string };

/** An operand's exact value: a literal number, or the fact's number (null when blank). */
function operand(o: CheckOperand, seen: Map<string, CheckValue>): Dec | null {
  if (typeof o === 'number') return dec(o);
  const v = seen.get(o)!.value;
  return typeof v === 'number' ? dec(v) : null;
}

function operandText(o: CheckOperand, seen: Map<string, CheckValue>): string {
  return typeof o === 'number' ? String(o) : describe(seen.get(o)!);
}

/** An operand that is a safe integer (counts, the common case), else null. */
function intOperand(o: CheckOperand, seen: Map<string, CheckValue>): number | null {
  const v = typeof o === 'number' ? o : seen.get(o)!.value;
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : null;
}

/**
 * The arithmetic of a check whose operands are all safe integers, in plain integers: sums and differences are exact,
 * an integer compared with the tolerance (a double) orders as the exact decimals do, and String of a safe integer is
 * decimal.js's toString. Null when an operand is not a safe integer or a sum leaves the safe range (decimal.js then).
 */
export function integerArithmetic(c: Check, seen: Map<string, CheckValue>): Arith | null {
  const tol = c.tolerance ?? 0;
  const tolText = tol > 0 ? `(容差 ${fmt(dec(tol))})` : '';
  if (c.sumEquals) {
    const total = intOperand(c.sumEquals.total, seen);
    if (total === null) return null;
    let sum = 0;
    for (const p of c.sumEquals.parts) {
      const v = intOperand(p, seen);
      if (v === null) return null;
      sum += v;
      if (!Number.isSafeInteger(sum)) return null;
    }
    const diff = Math.abs(total - sum);
    if (!Number.isSafeInteger(diff)) return null;
    const ok = diff <= tol;
    const partsText = c.sumEquals.parts.map((p) => (typeof p === 'number' ? String(p) : formatValue(seen.get(p)!.value))).join(' + ');
    const text = `${operandText(c.sumEquals.total, seen)};分项合计 ${partsText} = ${String(sum)}${ok ? `,相符${tolText}` : `,相差 ${String(diff)}${tolText}`}`;
    return { outcome: ok ? 'pass' : 'fail', text };
  }
  const [a, b] = (c.equal ?? c.lessOrEqual ?? c.greaterOrEqual)!;
  const x = intOperand(a, seen);
  const y = intOperand(b, seen);
  if (x === null || y === null || !Number.isSafeInteger(x - y)) return null;
  let ok: boolean;
  let rel: string;
  if (c.equal) {
    ok = Math.abs(x - y) <= tol;
    rel = '要求两者相等';
  } else if (c.lessOrEqual) {
    ok = x - y <= tol;
    rel = '要求前者 ≤ 后者';
  } else {
    ok = y - x <= tol;
    rel = '要求前者 ≥ 后者';
  }
  const text = `${operandText(a, seen)};${operandText(b, seen)}:${rel}${tolText},${ok ? '相符' : `不符(相差 ${String(Math.abs(x - y))})`}`;
  return { outcome: ok ? 'pass' : 'fail', text };
}

function evaluateArithmetic(c: Check, seen: Map<string, CheckValue>): Arith {
  return integerArithmetic(c, seen) ?? decimalArithmetic(c, seen);
}

/** The arithmetic in exact decimals (decimal.js): any operands. */
export function decimalArithmetic(c: Check, seen: Map<string, CheckValue>): Arith {
  const tol = dec(c.tolerance ?? 0);
  const tolText = tol.gt(0) ? `(容差 ${fmt(tol)})` : '';
  if (c.sumEquals) {
    const total = operand(c.sumEquals.total, seen)!;
    const parts = c.sumEquals.parts.map((p) => operand(p, seen)!);
    const sum = parts.reduce((a, b) => a.plus(b), dec(0));
    const diff = total.minus(sum).abs();
    const ok = diff.lte(tol);
    const partsText = c.sumEquals.parts.map((p) => (typeof p === 'number' ? String(p) : formatValue(seen.get(p)!.value))).join(' + ');
    const text = `${operandText(c.sumEquals.total, seen)};分项合计 ${partsText} = ${fmt(sum)}${ok ? `,相符${tolText}` : `,相差 ${fmt(diff)}${tolText}`}`;
    return { outcome: ok ? 'pass' : 'fail', text };
  }
  const [a, b] = (c.equal ?? c.lessOrEqual ?? c.greaterOrEqual)!;
  const x = operand(a, seen)!;
  const y = operand(b, seen)!;
  let ok: boolean;
  let rel: string;
  if (c.equal) {
    ok = x.minus(y).abs().lte(tol);
    rel = '要求两者相等';
  } else if (c.lessOrEqual) {
    ok = x.lte(y.plus(tol));
    rel = '要求前者 ≤ 后者';
  } else {
    ok = x.plus(tol).gte(y);
    rel = '要求前者 ≥ 后者';
  }
  const text = `${operandText(a, seen)};${operandText(b, seen)}:${rel}${tolText},${ok ? '相符' : `不符(相差 ${fmt(x.minus(y).abs())})`}`;
  return { outcome: ok ? 'pass' : 'fail', text };
}

/** Whether a clause holds for a non-blank value (numbers exactly; dates as ISO strings; others by identity). */
function holds(cl: CheckClause, v: unknown): boolean {
  if (typeof v === 'number' && typeof cl.value === 'number') {
    // Finite numbers (blanks never get here) order as their shortest decimals do: rounding is monotonic.
    const c = v < cl.value ? -1 : v > cl.value ? 1 : 0;
    return { equal: c === 0, notEqual: c !== 0, lessThan: c < 0, lessThanInclusive: c <= 0, greaterThan: c > 0, greaterThanInclusive: c >= 0 }[cl.operator];
  }
  if (cl.operator === 'equal') return v === cl.value;
  if (cl.operator === 'notEqual') return v !== cl.value;
  if (typeof v !== 'string' || typeof cl.value !== 'string') return false;
  const c = v < cl.value ? -1 : v > cl.value ? 1 : 0;
  return { lessThan: c < 0, lessThanInclusive: c <= 0, greaterThan: c > 0, greaterThanInclusive: c >= 0 }[cl.operator];
}

function clauseText(cl: CheckClause, seen: Map<string, CheckValue>): string {
  const v = seen.get(cl.fact)!;
  const want = typeof cl.value === 'boolean' ? (cl.value === (cl.operator === 'equal') ? '是' : '否') : `${CHECK_OPERATOR_TEXT[cl.operator]} ${formatValue(cl.value, typeof cl.value === 'number' ? v.unit : undefined)}`;
  return typeof cl.value === 'boolean' ? `${v.label}为「${want}」` : `${v.label} ${want}`;
}

function evaluateImplies(c: Check, seen: Map<string, CheckValue>): Arith {
  const { if: cond, then } = c.implies!;
  const antecedent = seen.get(cond.fact)!;
  if (!holds(cond, antecedent.value)) return { outcome: 'pass', text: `${describe(antecedent)}:不属于「${clauseText(cond, seen)}」的情形,无需核验` };
  const consequent = seen.get(then.fact)!;
  if (isBlank(consequent.value)) return { outcome: 'not_assessable', text: `${describe(antecedent)};${consequent.label}空白(空白不按 0 计),无法核验` };
  const ok = holds(then, consequent.value);
  const text = `${describe(antecedent)},则应${clauseText(then, seen)};实际 ${describe(consequent)}:${ok ? '相符' : '矛盾'}`;
  return { outcome: ok ? 'pass' : 'fail', text };
}

/**
 * Evaluate every declared check for one agency.
 * @param checks the rubric's checks (validated: exactly one assertion each, every fact declared)
 * @param values every catalogue fact's value for this agency (null when blank), derived facts included
 * @param resolutions the office's rulings on failed checks, by check id (from the review file), if any
 * @returns one result per check, in rubric order
 */
export function evaluateChecks(
  checks: readonly Check[],
  facts: Record<string, FactDef>,
  values: FactValues,
  resolutions: Readonly<Record<string, CheckResolution>> = {},
): CheckResult[] {
  return checks.map((c) => {
    const read = checkFacts(c).map((id) => valueOf(facts, values, id));
    const seen = new Map(read.map((v) => [v.fact, v]));
    const kind = checkKinds(c)[0]!;
    // An implies whose antecedent is decided needs only that fact when it does not hold; every other shape needs all.
    const needed = c.implies ? [seen.get(c.implies.if.fact)!] : read;
    const blank = needed.filter((v) => v.value === null || (kind !== 'implies' && typeof v.value !== 'number'));
    let res: Arith;
    if (blank.length > 0) res = { outcome: 'not_assessable', text: `${blank.map((v) => v.label).join('、')}空白(空白不按 0 计),无法核验` };
    else res = c.implies ? evaluateImplies(c, seen) : evaluateArithmetic(c, seen);
    const out: CheckResult = { id: c.id, severity: c.severity, message: c.message, kind, outcome: res.outcome, values: read, text: res.text };
    if (c.source !== undefined) out.source = c.source;
    const ruling = Object.prototype.hasOwnProperty.call(resolutions, c.id) ? resolutions[c.id] : undefined;
    // Kept on a passing check too: a failure the office corrected passes on the corrected values and says so.
    if (ruling) {
      out.resolution = { resolution: ruling.resolution, reason: ruling.reason, by: ruling.by };
      if (ruling.date !== undefined) out.resolution.date = ruling.date;
    }
    return out;
  });
}

/** Failed error-severity checks the office has not resolved: they keep a result provisional. */
export function unresolvedFailures(results: readonly CheckResult[]): CheckResult[] {
  return results.filter((r) => r.outcome === 'fail' && r.severity === 'error' && r.resolution === undefined);
}
