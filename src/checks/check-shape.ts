// The shape of a declared check: which of the five assertions it makes and which facts it reads.
// Shared by the rubric validation (facts must exist and be numeric) and by the evaluation.
import type { Check, CheckKind, CheckOperand } from '../schema/check-schema.js';
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
