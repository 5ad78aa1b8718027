// The deduction stage (扣分): start from the node's points (or a ceiling, M12), subtract fixed (M1),
// per-occurrence (M2/M10), share-of-points (M13) and judged (M7) deductions; overlapping rules stack or exclude
// as the rubric declares; the rule's own `max` and the node's `cap` (M5) bound the total. The floor (扣完为止, M3)
// is applied by the aggregation stage, so a node with `floor: null` can overdraw into its parent (M4).
import type { RubricNode } from '../../schema/rubric-schema.js';
import type { Reason } from '../../report/score-report.js';
import type { Scoring } from '../../schema/scoring-schema.js';
import { dec, type Dec } from '../decimal.js';
import { differenceNumber, negatedNumber } from '../scaled.js';
import type { LeafResult, ScoreContext, ScoredDeduction } from '../context.js';
import { countOccurrences } from '../numbers.js';
import { missingResult } from './status.js';
import { formatValue } from '../explain.js';
import { compareValues } from '../../evidence/derive-facts.js';
import { resolveExclusive, type FiredRule } from './exclusive.js';
import { getOwn } from '../../model/own-property.js';

type Deduct = Extract<Scoring, { method: 'deduct' }>;
type Deduction = Deduct['deductions'][number];

/**
 * The list positions a per-occurrence rule counts, when its fact is a derived count over a list
 * (`count: {list, operator, value}` or `count: {itemsOf}`) read as is (no below/above/step); else null.
 */
function listPositions(per: NonNullable<Deduction['per']>, ctx: ScoreContext): Pick<FiredRule, 'positions' | 'list'> {
  const facts = ctx.compiled.rubric.facts;
  const d = getOwn(facts, per.fact)?.derive;
  if (per.below !== undefined || per.above !== undefined || per.step !== undefined || !d || !('count' in d)) return { positions: null };
  const c = d.count;
  const listId = 'list' in c ? c.list : 'itemsOf' in c ? c.itemsOf : null;
  const list = listId !== null ? ctx.values.get(listId) : null;
  if (listId === null || !Array.isArray(list)) return { positions: null };
  const positions = list.flatMap((x, i) => ('list' in c ? (compareValues(x, c.operator, c.value) ? [i] : []) : [i]));
  return { positions, list: { fact: listId, label: getOwn(facts, listId)?.label ?? listId } };
}

export function scoreDeduct(node: RubricNode, s: Deduct, max: Dec, start: Dec, ctx: ScoreContext): LeafResult {
  const reasons: Reason[] = [];
  const fired: ScoredDeduction[] = [];
  const firedRules: FiredRule[] = [];
  const missing: string[] = [];
  let pendingJudgement = false;
  const pendingKeys: string[] = [];
  for (const d of s.deductions) {
    let conditions;
    if (d.when) {
      const st = ctx.site(`${node.id}#deduction:${d.id}`);
      if (st.state === 'missing') {
        missing.push(...st.missingFacts);
        continue;
      }
      conditions = st.conditions;
      if (st.state === 'false') {
        reasons.push({ kind: 'deduction', result: false, text: `未触发扣分:${d.reason}`, points: 0, conditions });
        continue;
      }
    }
    let amount: Dec;
    let count: Dec | undefined;
    let each: Dec | undefined;
    let text = d.reason;
    if (d.per) {
      const c = countOccurrences(d.per, ctx.number(d.per.fact), ctx.resolve);
      if (c === null) {
        missing.push(d.per.fact);
        continue;
      }
      count = c;
      each = dec(d.each ?? 0);
      amount = c.times(each);
      const def = getOwn(ctx.compiled.rubric.facts, d.per.fact);
      text = `${d.reason}(${def?.label ?? d.per.fact} = ${formatValue(ctx.values.get(d.per.fact), def?.unit)},${c} 次 × ${each} 分)`;
    } else if (d.percentOfPoints !== undefined) {
      amount = max.times(d.percentOfPoints).div(100);
    } else if (d.judgement) {
      const key = `${node.id}#${d.id}`;
      const j = Object.prototype.hasOwnProperty.call(ctx.judgements, key) ? ctx.judgements[key] : undefined;
      if (!j) {
        pendingJudgement = true;
        pendingKeys.push(key);
        reasons.push({ kind: 'judgement', result: true, text: `待评审:${d.reason}(酌情扣 ${d.judgement.min}–${d.judgement.max} 分,尚无评审意见)`, points: 0, conditions });
        continue;
      }
      amount = dec(j.score);
      text = `${d.reason}(${j.by} 酌情扣分:${j.reason})`;
    } else amount = dec(d.amount ?? 0);
    if (d.max !== undefined && amount.gt(d.max)) amount = dec(d.max);
    if (amount.isZero() && d.per) {
      reasons.push({ kind: 'deduction', result: false, text: `未触发扣分:${text}`, points: 0, conditions });
      continue;
    }
    const sd: ScoredDeduction = { id: d.id, reason: text, amount, applied: true };
    if (count !== undefined) sd.count = count;
    if (each !== undefined) sd.each = each;
    fired.push(sd);
    firedRules.push({ scored: sd, rule: d, ...(d.per ? listPositions(d.per, ctx) : { positions: null }) });
    reasons.push({ kind: 'deduction', result: true, text: `扣 ${amount} 分:${text}`, points: negatedNumber(amount), ...(conditions ? { conditions } : {}) });
  }
  if (missing.length > 0) return missingResult(missing, max, ctx.compiled.rubric.facts);
  // Exclusive overlap: each occurrence is charged once, by the rule with precedence (exclusive.ts).
  if (s.overlap === 'exclusive' && fired.length > 1) resolveExclusive(firedRules, s.precedence ?? [], reasons);
  let total = fired.filter((f) => f.applied).reduce((a, f) => a.plus(f.amount), dec(0));
  if (s.cap !== undefined && total.gt(s.cap)) {
    reasons.push({ kind: 'deduction', result: true, text: `扣分合计 ${total} 分,超过本项扣分上限 ${s.cap} 分,按上限扣`, points: differenceNumber(total, dec(s.cap)) });
    total = dec(s.cap);
  }
  const score = start.minus(total);
  const status = pendingJudgement ? 'manual' : total.gt(0) ? 'deducted' : score.gte(max) ? 'met' : 'partial';
  return { score, status, reasons, deductions: fired, missingFacts: [], ...(pendingKeys.length > 0 ? { pendingJudgements: pendingKeys } : {}) };
}
