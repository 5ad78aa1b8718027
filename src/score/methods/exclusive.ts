// `overlap: exclusive` on a deduct item: rules that may count the same event charge each *occurrence* once.
// Per-occurrence rules (「低于40条的月份每月扣5分」「空白月每月扣10分」) are resolved occurrence by occurrence: a
// month both rules count is charged by the rule with precedence, the other months stay charged by the rule that
// counts them. Occurrences are matched position by position when both rules count elements of the same list fact
// (derived `count: {list, …}`); otherwise the counts are taken as nested (the smaller set inside the larger, as 空白月
// ⊂ 低于标准的月). A rule without `per` charges the whole item once: it stands for every occurrence. Precedence: the
// rubric's `precedence` list first, then the larger amount per occurrence; equal ones keep document order. Pure.
import type { Reason } from '../../report/score-report.js';
import type { Deduction } from '../../schema/scoring-schema.js';
import type { ScoredDeduction } from '../context.js';
import { dec, type Dec } from '../decimal.js';
import { differenceNumber } from '../scaled.js';

/** A fired rule as the deduct stage scored it, with the list positions it counted when they are visible. */
export interface FiredRule {
  scored: ScoredDeduction;
  rule: Deduction;
  /** 0-based positions of the list elements this per-occurrence rule counted; null when they are not visible. */
  positions: number[] | null;
  /** The list fact the positions index, and its label for explanations. */
  list?: { fact: string; label: string };
}

const positionsText = (ps: readonly number[]): string => ps.map((p) => `第 ${p + 1} 项`).join('、');

/** Amount of a per-occurrence rule for `n` occurrences: n × each, capped by the rule's own `max`. */
function amountFor(f: FiredRule, n: number): Dec {
  const a = dec(n).times(f.scored.each ?? 0);
  return f.rule.max !== undefined && a.gt(f.rule.max) ? dec(f.rule.max) : a;
}

/** Rules in precedence order: the rubric's list first, then the larger amount per occurrence, then document order. */
function byPrecedence(fired: readonly FiredRule[], precedence: readonly string[]): FiredRule[] {
  const listed = (f: FiredRule): number => {
    const i = precedence.indexOf(f.rule.id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const unit = (f: FiredRule): Dec => (f.rule.per ? dec(f.scored.each ?? 0) : f.scored.amount);
  return fired
    .map((f, i) => ({ f, i }))
    .sort((x, y) => listed(x.f) - listed(y.f) || unit(y.f).comparedTo(unit(x.f)) || x.i - y.i)
    .map((x) => x.f);
}

/** Charge each occurrence counted by several per-occurrence rules once; returns the charged count per rule. */
function chargeOccurrences(ordered: readonly FiredRule[]): Map<FiredRule, { count: number; positions: number[] | null; cededTo: Map<string, number[] | number> }> {
  const out = new Map<FiredRule, { count: number; positions: number[] | null; cededTo: Map<string, number[] | number> }>();
  const sameList = ordered.every((f) => f.positions !== null && f.list?.fact === ordered[0]!.list?.fact);
  if (sameList) {
    const owner = new Map<number, FiredRule>();
    for (const f of ordered) {
      const mine: number[] = [];
      const cededTo = new Map<string, number[]>();
      for (const p of f.positions!) {
        const o = owner.get(p);
        if (o === undefined) {
          owner.set(p, f);
          mine.push(p);
        } else cededTo.set(o.rule.id, [...(cededTo.get(o.rule.id) ?? []), p]);
      }
      out.set(f, { count: mine.length, positions: mine, cededTo });
    }
    return out;
  }
  // Nested counts: the occurrences of rules charged so far are the largest count among them.
  let covered = 0;
  let coveredBy: string | null = null;
  for (const f of ordered) {
    const n = f.scored.count?.toNumber() ?? 0;
    const mine = Math.max(0, n - covered);
    const cededTo = new Map<string, number>();
    if (n - mine > 0 && coveredBy !== null) cededTo.set(coveredBy, n - mine);
    out.set(f, { count: mine, positions: null, cededTo });
    if (n > covered) {
      covered = n;
      coveredBy = f.rule.id;
    }
  }
  return out;
}

/**
 * Resolve an exclusive overlap among the rules that fired on one item. Updates each ScoredDeduction in place
 * (amount, count, applied, occurrences) and appends the explanation of which occurrences each rule charged.
 * @param fired every rule that fired, in document order (at least two)
 * @param precedence the rubric's `precedence` rule ids (may be empty)
 */
export function resolveExclusive(fired: readonly FiredRule[], precedence: readonly string[], reasons: Reason[]): void {
  const ordered = byPrecedence(fired, precedence);
  const perRules = ordered.filter((f) => f.rule.per);
  const itemRules = ordered.filter((f) => !f.rule.per);
  const title = (id: string): string => fired.find((f) => f.rule.id === id)?.rule.reason ?? id;

  // Per-occurrence tier: each occurrence once.
  let perTotal = dec(0);
  if (perRules.length > 0) {
    const charged = perRules.length > 1 ? chargeOccurrences(perRules) : null;
    for (const f of perRules) {
      const c = charged?.get(f);
      const before = f.scored.amount;
      if (c) {
        const after = amountFor(f, c.count);
        f.scored.count = dec(c.count);
        f.scored.amount = after;
        f.scored.applied = c.count > 0;
        if (c.positions !== null) f.scored.occurrences = c.positions.map((p) => p + 1);
        const ceded = [...c.cededTo].map(([id, what]) =>
          typeof what === 'number' ? `其中 ${what} 次已按「${title(id)}」扣分` : `${f.list?.label ?? ''}${positionsText(what)}已按「${title(id)}」扣分`,
        );
        if (ceded.length > 0) {
          const mine = c.positions !== null ? (c.positions.length > 0 ? `${f.list?.label ?? ''}${positionsText(c.positions)}按本条扣分` : '本条没有其余次数') : `其余 ${c.count} 次按本条扣分`;
          reasons.push({
            kind: 'deduction',
            result: true,
            text: `按 exclusive 逐次不重复扣分:${f.rule.reason}——${ceded.join(';')},${mine},本条实扣 ${after} 分`,
            points: differenceNumber(before, after),
          });
        }
      } else if (f.positions !== null) f.scored.occurrences = f.positions.map((p) => p + 1);
      if (f.scored.applied) perTotal = perTotal.plus(f.scored.amount);
    }
  }

  // Item tier: a rule without `per` stands for every occurrence; it wins when listed first or when it takes more.
  if (itemRules.length === 0) return;
  const top = itemRules[0]!;
  const firstPer = perRules[0];
  const topListedFirst = firstPer !== undefined && ordered.indexOf(top) < ordered.indexOf(firstPer) && precedence.includes(top.rule.id);
  const itemWins = perRules.length === 0 || topListedFirst || (!precedence.includes(firstPer!.rule.id) && top.scored.amount.gte(perTotal));
  const keep = itemWins ? top : null;
  for (const f of itemRules) {
    if (f === keep) continue;
    f.scored.applied = false;
    const other = keep ?? firstPer!;
    reasons.push({ kind: 'deduction', result: true, text: `与"${other.scored.reason}"为同一事件,按 exclusive 不重复扣分:${f.scored.reason}`, points: f.scored.amount.toNumber() });
  }
  if (keep) {
    for (const f of perRules) {
      if (!f.scored.applied) continue;
      f.scored.applied = false;
      reasons.push({ kind: 'deduction', result: true, text: `各次已由"${keep.scored.reason}"一并扣分,按 exclusive 不重复扣分:${f.rule.reason}`, points: f.scored.amount.toNumber() });
    }
  }
}
