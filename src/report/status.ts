// Provisional or final: a result is final only when the office has ruled on everything it depends on. Pending are a
// judged item or judged deduction without a ruling, a not-applicable request the office has not decided, and a failed
// consistency check of error severity the office has not resolved. One function, so every output agrees.
import type { CompiledRubric } from '../compile/compile-rubric.js';
import type { Evidence } from '../schema/evidence-schema.js';
import type { Review } from '../schema/review-schema.js';
import type { NodeStatus, PendingItem, ReportStatus } from './score-report.js';

export interface StatusInput {
  compiled: CompiledRubric;
  /** Per-node results after aggregation (status, and the judgement keys a leaf still waits for). */
  results: ReadonlyMap<string, { status: NodeStatus; pendingJudgements?: string[] }>;
  evidence: Evidence;
  review: Review | null;
  /** An assessment-level veto stopped all scoring: nothing else can change the result. */
  assessmentVetoStops: boolean;
  /** The rubric's consistency checks as evaluated for this agency. */
  checks?: ReadonlyArray<{ id: string; severity: 'error' | 'warning'; message: string; outcome: 'pass' | 'fail' | 'not_assessable' }>;
}

/** Whether an override on the node or one of its ancestors settles everything below it. */
function overriddenAbove(compiled: CompiledRubric, review: Review | null, nodeId: string): boolean {
  if (!review) return false;
  for (let id: string | null = nodeId; id !== null; id = compiled.model.byId.get(id)?.parent ?? null)
    if (Object.prototype.hasOwnProperty.call(review.overrides, id)) return true;
  return false;
}

/**
 * The result's status and what it waits for, in document order (judgements and requests by node, then checks).
 * @returns `final` with an empty list, or `provisional` with every pending item.
 */
export function computeStatus(input: StatusInput): { status: ReportStatus; pending: PendingItem[] } {
  const { compiled, results, evidence, review } = input;
  const pending: PendingItem[] = [];
  if (!input.assessmentVetoStops) {
    const requested = new Map(evidence.notApplicable.map((x) => [x.node, x.reason]));
    for (const f of compiled.model.nodes) {
      const title = f.node.title;
      const reason = requested.get(f.id);
      const decided = review !== null && Object.prototype.hasOwnProperty.call(review.notApplicable, f.id);
      if (reason !== undefined && !decided && !overriddenAbove(compiled, review, f.id))
        pending.push({ kind: 'notApplicable', id: f.id, node: f.id, title, why: `单位申请不适用(${reason}),待政务公开办决定` });
      for (const key of results.get(f.id)?.pendingJudgements ?? []) {
        if (overriddenAbove(compiled, review, f.id)) continue;
        const ded = key.includes('#') && f.node.scoring?.method === 'deduct' ? f.node.scoring.deductions.find((d) => `${f.id}#${d.id}` === key) : undefined;
        pending.push({
          kind: 'judgement',
          id: key,
          node: f.id,
          title: ded ? `${title}:${ded.reason}` : title,
          why: ded ? '酌情扣分项已触发,待政务公开办评定扣分' : '酌情评分项,待政务公开办评定',
        });
      }
    }
  }
  for (const c of input.checks ?? []) {
    if (c.severity !== 'error' || c.outcome !== 'fail') continue;
    if (review && Object.prototype.hasOwnProperty.call(review.checks, c.id)) continue;
    pending.push({ kind: 'check', id: c.id, node: null, title: c.message, why: '数据核验未通过(错误级),待政务公开办处理' });
  }
  return { status: pending.length > 0 ? 'provisional' : 'final', pending };
}
