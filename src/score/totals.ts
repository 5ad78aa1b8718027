// The totals stage: base (score part, M4 top-level cap), bonus and penalty outside the total (M14–M17, M29) with
// their caps and eligibility (M15), final score, normalised score and grade band (M25), assessment vetoes (M11).
import type { RubricModel } from '../model/rubric-model.js';
import type { Reason } from '../report/score-report.js';
import type { Veto } from '../schema/rubric-schema.js';
import { dec, sum, type Dec } from './decimal.js';
import type { ScoreContext } from './context.js';
import { combineChildren, type NodeResult } from './aggregate.js';

export interface ExactTotals {
  base: Dec;
  bonus: Dec;
  penalty: Dec;
  final: Dec;
  applicableMax: Dec;
  normalized: Dec;
  grade: string;
}

/** Zero a bonus subtree that is not eligible, with the reason on its root. */
function zeroSubtree(model: RubricModel, results: Map<string, NodeResult>, id: string, reason: Reason): void {
  const r = results.get(id)!;
  r.reasons.push(reason);
  r.score = dec(0);
  r.status = 'unmet';
  for (const c of model.byId.get(id)!.children) zeroSubtree(model, results, c, { kind: 'eligibility', text: '上级加分项未达到加分条件' });
}

/** Mark a bonus/penalty subtree `vetoed` after an assessment veto (the reason on its root only). */
function markVetoed(model: RubricModel, results: Map<string, NodeResult>, id: string, reason: Reason | null): void {
  const r = results.get(id)!;
  if (r.status === 'not_applicable') return;
  if (r.status !== 'vetoed') {
    r.status = 'vetoed';
    if (reason) r.reasons.push(reason);
  }
  for (const c of model.byId.get(id)!.children) markVetoed(model, results, c, null);
}

export function computeTotals(model: RubricModel, results: Map<string, NodeResult>, ctx: ScoreContext, assessmentVeto: Veto | null): ExactTotals {
  const rubric = model.rubric;
  const top = model.nodes.filter((f) => f.parent === null && !f.boundary);
  const combined = combineChildren(
    model.total,
    top.map((f) => {
      const r = results.get(f.id)!;
      return { score: r.score, applicableMax: r.applicableMax, max: f.max, na: r.status === 'not_applicable' };
    }),
    rubric.notApplicable,
  );
  // The top level never overdraws (M4): children may go negative, the score part may not.
  let base = combined.score;
  if (base.lt(0)) base = dec(0);
  if (base.gt(combined.applicableMax)) base = combined.applicableMax;

  const boundary = model.nodes.filter((f) => f.boundary);
  for (const f of boundary) {
    const e = f.node.eligibleIf;
    const st = results.get(f.id)!.status;
    if (!e || st === 'not_applicable' || st === 'vetoed' || assessmentVeto) continue;
    const value = e.node ? results.get(e.node)!.score : base;
    const what = e.node ? `"${model.byId.get(e.node)!.node.title}"得分` : '基础分';
    let ok = true;
    const texts: string[] = [];
    if (e.atLeast !== undefined) {
      const bar = ctx.resolve(e.atLeast);
      ok &&= value.gte(bar);
      texts.push(`${what} ${value} ${value.gte(bar) ? '≥' : '<'} ${bar}`);
    }
    if (e.above !== undefined) {
      const bar = ctx.resolve(e.above);
      ok &&= value.gt(bar);
      texts.push(`${what} ${value} ${value.gt(bar) ? '>' : '≤'} ${bar}`);
    }
    let conditions;
    if (e.when) {
      const st = ctx.site(`${f.id}#eligibility`);
      if (st.state === 'missing') {
        ok = false;
        texts.push('缺少判断加分资格所需的事实');
      } else {
        ok &&= st.state === 'true';
        conditions = st.conditions;
      }
    }
    const reason: Reason = { kind: 'eligibility', result: ok, text: `${ok ? '具备' : '不具备'}加分资格:${texts.join(';') || (e.reason ?? '')}${e.reason ? `(${e.reason})` : ''}`, ...(conditions ? { conditions } : {}) };
    if (ok) results.get(f.id)!.reasons.push(reason);
    else zeroSubtree(model, results, f.id, reason);
  }
  let bonus = sum(boundary.filter((f) => f.kind === 'bonus').map((f) => results.get(f.id)!.score));
  let penalty = sum(boundary.filter((f) => f.kind === 'penalty').map((f) => results.get(f.id)!.score));
  if (rubric.bonusCap !== undefined && bonus.gt(rubric.bonusCap)) bonus = dec(rubric.bonusCap);
  if (rubric.penaltyCap !== undefined && penalty.gt(rubric.penaltyCap)) penalty = dec(rubric.penaltyCap);
  if (bonus.lt(0)) bonus = dec(0);
  if (penalty.lt(0)) penalty = dec(0);

  const applicableMax = combined.applicableMax;
  let final = base.plus(bonus).minus(penalty);
  if (final.lt(rubric.finalFloor)) final = dec(rubric.finalFloor);
  if (assessmentVeto) {
    // Bonus and penalty count for nothing after an assessment veto: they read `vetoed`, never `unmet`.
    for (const f of boundary) markVetoed(model, results, f.id, { kind: 'veto', text: `整体否决(${assessmentVeto.title}):${f.kind === 'bonus' ? '加分' : '扣分'}不计入总分` });
    final = dec(assessmentVeto.score ?? 0);
    if (assessmentVeto.stopScoring) {
      base = dec(0);
      bonus = dec(0);
      penalty = dec(0);
    }
  }
  // 100-scale: comparable across agencies whose applicable maxima differ (M18, 运城 B2 类满分95).
  const normalized = applicableMax.isZero() ? dec(0) : final.times(100).div(applicableMax);
  const lowest = rubric.grades[rubric.grades.length - 1]?.name ?? '';
  let grade: string;
  if (assessmentVeto) grade = assessmentVeto.grade ?? lowest;
  else {
    const basis = rubric.gradeBasis === 'normalized' ? normalized : final;
    grade = rubric.grades.find((g) => basis.gte(g.min))?.name ?? lowest;
  }
  return { base, bonus, penalty, final, applicableMax, normalized, grade };
}
