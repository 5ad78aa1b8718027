// What the office's review changes in scoring: corrected fact values (before derived facts are computed), which
// not-applicable requests hold (accepted ones only), and score overrides applied to a node after everything else.
// Pure helpers for score-agency / aggregate; the review has been validated (check-review.ts) before it gets here.
import type { CompiledRubric } from '../compile/compile-rubric.js';
import { normaliseFactValue } from '../evidence/check-evidence.js';
import type { FlatNode } from '../model/rubric-model.js';
import type { Evidence } from '../schema/evidence-schema.js';
import type { Review, ReviewOverride } from '../schema/review-schema.js';
import { dec, type Dec } from '../score/decimal.js';
import type { LeafResult } from '../score/context.js';
import { statusFromScore } from '../score/methods/status.js';

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** The corrected value of each corrected evidence fact (normalised to the fact's type; unknown or derived facts skipped). */
export function correctedValues(compiled: CompiledRubric, review: Review | null): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!review) return out;
  for (const [id, c] of Object.entries(review.corrections)) {
    const def = own(compiled.rubric.facts, id) ? compiled.rubric.facts[id] : undefined;
    if (!def || def.derive) continue;
    const v = normaliseFactValue(def, c.value);
    if (v !== undefined) out.set(id, v);
  }
  return out;
}

/**
 * The not-applicable requests the office accepted (node → the agency's reason). A request the office has not decided,
 * or rejected, leaves the node applicable: only the office rules; the undecided request is listed as pending.
 */
export function acceptedNotApplicable(evidence: Evidence, review: Review | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!review) return out;
  for (const x of evidence.notApplicable) if (own(review.notApplicable, x.node) && review.notApplicable[x.node]!.decision === 'accepted') out.set(x.node, x.reason);
  return out;
}

/** A node result the override can replace (the aggregate's NodeResult). */
export interface OverridableResult extends LeafResult {
  applicableMax: Dec;
  /** The engine's score before the office's override (set only when overridden). */
  computedBeforeOverride?: Dec;
  override?: ReviewOverride;
}

/**
 * Replace a node's score with the office's override (the office has the last word on the node; its parent sums
 * the overridden score). The engine's own score is kept for the report's `computed` voice.
 */
export function applyOverride(f: FlatNode, r: OverridableResult, o: ReviewOverride): void {
  const score = dec(o.score);
  r.computedBeforeOverride = r.score;
  r.override = o;
  r.reasons.push({
    kind: 'override',
    result: true,
    text: `政务公开办改定:${r.score} 分 → ${o.score} 分(${o.by},${o.date}):${o.reason}`,
    points: score.minus(r.score).toNumber(),
  });
  r.score = score;
  if (f.kind === 'penalty') r.status = score.gt(0) ? 'deducted' : 'met';
  else r.status = statusFromScore(score, r.applicableMax);
  delete r.pendingJudgements;
}
