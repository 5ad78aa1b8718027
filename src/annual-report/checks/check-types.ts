// The outcome of the annual-report checks (H1–H6, S1–S12): four outcomes, each item naming the cells it read.

export type Outcome = 'PASS' | 'FAIL' | 'WARN' | 'NOT_ASSESSABLE';
export const OUTCOMES: readonly Outcome[] = ['PASS', 'FAIL', 'WARN', 'NOT_ASSESSABLE'];

/** hard: follows from the form (a mismatch fails); soft: guidance or practice (a mismatch warns); info: notes. */
export type CheckKind = 'hard' | 'soft' | 'info';

export interface CellRead {
  /** Which report: 本年 (this report), 上年 (--previous) or a child report's file name (S11). */
  report: string;
  /** `表三/一、本年新收政府信息公开申请数量/自然人` */
  ref: string;
  value: string | null;
}

export interface CheckItem {
  label: string;
  outcome: Outcome;
  reads: CellRead[];
  /** Chinese explanation: the sums compared, the sentence quoted, the similarity found … */
  detail: string;
}

export interface CheckResult {
  id: string;
  kind: CheckKind;
  title: string;
  /** Official basis (文件和条款) or the practice the check follows. */
  basis: string;
  outcome: Outcome;
  items: CheckItem[];
}

/** A check that was not run, and why (no previous report given, format does not have the table, …). */
export interface SkippedCheck {
  id: string;
  title: string;
  reason: string;
}

/** Worst first: FAIL, WARN, NOT_ASSESSABLE, PASS. An empty list is NOT_ASSESSABLE. */
export function combineOutcomes(outcomes: readonly Outcome[]): Outcome {
  if (outcomes.length === 0) return 'NOT_ASSESSABLE';
  for (const o of ['FAIL', 'WARN', 'NOT_ASSESSABLE'] as const) if (outcomes.includes(o)) return o;
  return 'PASS';
}

export const OUTCOME_TEXT: Record<Outcome, string> = { PASS: '通过', FAIL: '不通过', WARN: '提醒', NOT_ASSESSABLE: '无法判断' };
