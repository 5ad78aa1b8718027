// The shape of a declared check: which of the five assertions it makes and which facts it reads.
// Shared by the rubric validation (facts must exist and be numeric) and by the evaluation.
import type { Check, CheckKind, CheckOperand, CheckOperator } from '../schema/check-schema.js';
import { CHECK_KINDS } from '../schema/check-schema.js';

/** The assertion keys a check carries (exactly one in a valid rubric). */
export function checkKinds(c: Check): CheckKind[] {
  return CHECK_KINDS.filter((k) => c[k] !== undefined);
}

/** The arithmetic operands of a check, in reading order (empty for `implies`). */
export function checkOperands(c: Check): CheckOperand[] {
  if (c.sumEquals) return [c.sumEquals.total, ...c.sumEquals.parts];
  return c.equal ?? c.lessOrEqual ?? c.greaterOrEqual ?? [];
}

/** Every fact a check reads, in reading order without repeats: derived from the assertion itself, never declared apart. */
export function checkFacts(c: Check): string[] {
  const ids = c.implies ? [c.implies.if.fact, c.implies.then.fact] : checkOperands(c).filter((o): o is string => typeof o === 'string');
  return [...new Set(ids)];
}

/** The comparison operators of `implies` as symbols. */
export const CHECK_OPERATOR_TEXT: Record<CheckOperator, string> = { equal: '=', notEqual: '≠', lessThan: '<', lessThanInclusive: '≤', greaterThan: '>', greaterThanInclusive: '≥' };

/** The assertion in words, with the facts' labels: "收到申请数 = 当面申请数 + 网络申请数(容差 0.01)". */
export function describeCheck(c: Check, facts: Readonly<Record<string, { label: string }>>): string {
  const name = (o: CheckOperand): string => (typeof o === 'number' ? String(o) : facts[o]?.label ?? o);
  const tol = c.tolerance ? `(容差 ${c.tolerance})` : '';
  if (c.sumEquals) return `${name(c.sumEquals.total)} = ${c.sumEquals.parts.map(name).join(' + ')}${tol}`;
  if (c.equal) return `${name(c.equal[0])} = ${name(c.equal[1])}${tol}`;
  if (c.lessOrEqual) return `${name(c.lessOrEqual[0])} ≤ ${name(c.lessOrEqual[1])}${tol}`;
  if (c.greaterOrEqual) return `${name(c.greaterOrEqual[0])} ≥ ${name(c.greaterOrEqual[1])}${tol}`;
  const clause = (x: NonNullable<Check['implies']>['if']): string =>
    `${name(x.fact)} ${CHECK_OPERATOR_TEXT[x.operator]} ${typeof x.value === 'boolean' ? (x.value ? '是' : '否') : String(x.value)}`;
  return c.implies ? `若 ${clause(c.implies.if)},则 ${clause(c.implies.then)}` : '';
}
