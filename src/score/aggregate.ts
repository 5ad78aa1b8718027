// Tree aggregation: leaves → sections → the score part. Applies, per node: not-applicable policies (M18–M21),
// ceilings (M12) and zero overrides (M6), vetoes on items/sections (M11), floors (扣完为止 M3 / overdraw M4),
// and the overflow cap of groups such as "一项可得2分,最高不超过6分" (M14).
import type { FlatNode } from '../model/rubric-model.js';
import type { ConditionReason, NodeStatus, Reason } from '../report/score-report.js';
import type { NotApplicablePolicy, Veto } from '../schema/rubric-schema.js';
import { dec, parseFactor, sum, type Dec } from './decimal.js';
import { compareToNumber, differenceNumber, negatedNumber, sumExact } from './scaled.js';
import type { LeafResult, ScoreContext } from './context.js';
import { scoreLeaf } from './score-leaf.js';
import { statusFromScore } from './methods/status.js';
import { applyOverride, type OverridableResult } from '../review/apply-review.js';
import type { ReviewOverride } from '../schema/review-schema.js';

export interface NodeResult extends OverridableResult {
  id: string;
  applicableMax: Dec;
}

export interface AggregateInput {
  ctx: ScoreContext;
  /** Nodes not applicable to this agency (declared or by class), descendants included. */
  notApplicable: Map<string, string>;
  /** Vetoes that fired, keyed by target node id. */
  nodeVetoes: Map<string, Veto>;
  /** The evaluated conditions of each fired veto, by veto id (explanations). */
  vetoConditions?: Map<string, ConditionReason[]>;
  /** True when an assessment-level veto stops all scoring. */
  stopAll: Veto | null;
  /** The office's score overrides (review file), by node id: applied last, so the parent sums the overridden score. */
  overrides?: ReadonlyMap<string, ReviewOverride>;
}

/** Combine children under a not-applicable policy. Returns [score, applicableMax, explanation]. */
export function combineChildren(
  max: Dec,
  children: Array<{ score: Dec; applicableMax: Dec; max: Dec; na: boolean }>,
  policy: NotApplicablePolicy,
): { score: Dec; applicableMax: Dec; note?: string } {
  const applicable = children.filter((c) => !c.na);
  const raw = sumExact(applicable.map((c) => c.score));
  const appMax = sumExact(applicable.map((c) => c.applicableMax));
  if (applicable.length === children.length) return { score: raw, applicableMax: appMax };
  const naPoints = sumExact(children.filter((c) => c.na).map((c) => c.max));
  switch (policy.policy) {
    case 'reduce':
      return { score: raw, applicableMax: appMax, note: `不适用项 ${naPoints} 分不计入,本项满分减为 ${appMax} 分` };
    case 'renormalize':
      if (appMax.isZero()) return { score: dec(0), applicableMax: dec(0) };
      return { score: raw.times(max).div(appMax), applicableMax: max, note: `按适用项折算:${raw} ÷ ${appMax} × ${max}` };
    case 'rescale': {
      const [num, den] = parseFactor(policy.factor ?? '1');
      const scaled = raw.times(num).div(den);
      return { score: scaled.gt(max) ? max : scaled, applicableMax: max, note: `按固定系数折算:${raw} × ${policy.factor}` };
    }
    case 'redistribute': {
      if (applicable.length === 0 || appMax.isZero()) return { score: dec(0), applicableMax: dec(0) };
      if (policy.spread === 'proportional') return { score: raw.times(max).div(appMax), applicableMax: max, note: `不适用项 ${naPoints} 分按比例计入其他指标` };
      const extra = naPoints.div(applicable.length);
      const score = sum(applicable.map((c) => (c.applicableMax.isZero() ? dec(0) : c.score.times(c.applicableMax.plus(extra)).div(c.applicableMax))));
      return { score, applicableMax: max, note: `不适用项 ${naPoints} 分平均计入其他 ${applicable.length} 项(每项加 ${extra.toDecimalPlaces(4)} 分满分)` };
    }
  }
}

/** A manual node without a judgement: a judged leaf still waiting for the assessor, or a parent of one. */
function isPendingJudgement(r: NodeResult): boolean {
  return r.status === 'manual' && r.judgement === undefined;
}

function emptyResult(id: string, status: NodeStatus, text: string, kind: string, score = dec(0), applicableMax = dec(0)): NodeResult {
  return { id, score, applicableMax, status, reasons: [{ kind, text }], deductions: [], missingFacts: [] };
}

/** Score every node of the tree (post-order); returns results by id. Boundary (bonus/penalty) nodes are scored but
 *  not summed into their parents; the totals stage adds them up. */
export function aggregateTree(nodes: readonly FlatNode[], byId: Map<string, FlatNode>, input: AggregateInput): Map<string, NodeResult> {
  const { ctx } = input;
  const rubric = ctx.compiled.rubric;
  const results = new Map<string, NodeResult>();
  // Only a stopping veto (stopScoring: true) on the node or an ancestor skips scoring. A non-stopping veto lets its
  // target be scored and explained as usual; its fixed score replaces the result at the end of `visit`.
  const vetoedBy = (f: FlatNode): Veto | null => {
    if (input.stopAll) return input.stopAll;
    for (let cur: FlatNode | undefined = f; cur; cur = cur.parent ? byId.get(cur.parent) : undefined) {
      const v = input.nodeVetoes.get(cur.id);
      if (v?.stopScoring) return v;
    }
    return null;
  };

  const scoreNode = (f: FlatNode): NodeResult => {
    const n = f.node;
    const childResults = f.children.map((c) => visit(byId.get(c)!));
    const naReason = input.notApplicable.get(f.id);
    if (naReason !== undefined) {
      const r = emptyResult(f.id, 'not_applicable', `不适用:${naReason}`, 'notApplicable');
      results.set(f.id, r);
      return r;
    }
    const veto = vetoedBy(f);
    if (veto) {
      const fixed = veto.target === f.id && veto.score !== undefined ? dec(veto.score) : dec(0);
      const r = emptyResult(f.id, 'vetoed', `单项否决:${veto.title}。${veto.reason}`, 'veto', fixed, f.max);
      const conditions = veto.target === f.id ? input.vetoConditions?.get(veto.id) : undefined;
      if (conditions) r.reasons[0]!.conditions = conditions;
      results.set(f.id, r);
      return r;
    }
    // Overrides first: a zeroIf or ceilingIf that cannot be decided leaves the node undecided (missing_evidence).
    let start = f.max;
    const overrideReasons: Reason[] = [];
    const missing: string[] = [];
    let zeroed: Reason | null = null;
    n.ceilingIf?.forEach((c, i) => {
      const st = ctx.site(`${n.id}#ceilingIf:${i}`);
      if (st.state === 'missing') missing.push(...st.missingFacts);
      else if (st.state === 'true' && compareToNumber(start, c.ceiling) > 0) {
        start = dec(c.ceiling);
        overrideReasons.push({ kind: 'ceilingIf', result: true, text: `${c.reason}:本项不高于 ${c.ceiling} 分`, points: differenceNumber(dec(c.ceiling), f.max), conditions: st.conditions });
      }
    });
    n.zeroIf?.forEach((z, i) => {
      const st = ctx.site(`${n.id}#zeroIf:${i}`);
      if (st.state === 'missing') missing.push(...st.missingFacts);
      else if (st.state === 'true' && !zeroed) zeroed = { kind: 'zeroIf', result: true, text: `${z.reason}:此项不得分`, points: negatedNumber(f.max), conditions: st.conditions };
    });

    let r: NodeResult;
    if (childResults.length === 0) {
      const leaf = scoreLeaf(n, f.max, start, ctx);
      // The leaf result is fresh: extend it in place (an object spread here cost ~15% of a batch's scoring time).
      r = Object.assign(leaf, { id: f.id, applicableMax: f.max, reasons: overrideReasons.length > 0 ? [...overrideReasons, ...leaf.reasons] : leaf.reasons });
    } else {
      const parts = f.children
        .map((c) => byId.get(c)!)
        .filter((c) => !c.boundary)
        .map((c) => {
          const cr = results.get(c.id)!;
          return { score: cr.score, applicableMax: cr.applicableMax, max: c.max, na: cr.status === 'not_applicable' };
        });
      if (parts.length > 0 && parts.every((p) => p.na)) {
        r = emptyResult(f.id, 'not_applicable', '下级各项均不适用', 'notApplicable');
        results.set(f.id, r);
        return r;
      }
      const policy = n.notApplicable ?? rubric.notApplicable;
      const combined = combineChildren(f.max, parts, policy);
      let score = combined.score;
      const reasons: Reason[] = [...overrideReasons];
      if (combined.note) reasons.push({ kind: 'notApplicable', text: combined.note });
      const ceiling = n.overflow === 'cap' ? f.max : combined.applicableMax;
      if (score.gt(ceiling)) {
        reasons.push({ kind: 'cap', text: `下级得分合计 ${score} 分,本项最高 ${ceiling} 分`, points: differenceNumber(ceiling, score) });
        score = ceiling;
      }
      if (start.lt(f.max)) {
        // M12 先封顶再扣分, the same rule as on a leaf: the ceiling takes the place of the parent's maximum and the
        // points its children lost (maximum − their sum) come off the ceiling — not min(ceiling, sum of children).
        const top = n.overflow === 'cap' ? f.max : combined.applicableMax;
        const losses = top.minus(score);
        const capped = start.lt(top) ? start : top;
        const after = capped.minus(losses);
        reasons.push({ kind: 'ceilingIf', text: `先封顶再扣分:本项封顶 ${capped} 分,下级共失 ${losses} 分,得 ${after} 分`, points: 0 });
        score = after;
      }
      const applicableMax = n.overflow === 'cap' ? f.max : combined.applicableMax;
      r = { id: f.id, score, applicableMax, status: statusFromScore(score, applicableMax), reasons, deductions: [], missingFacts: [] };
      // A judgement still to be given below leaves this node's score provisional: say so rather than "未得分".
      const pending = f.children.filter((c) => isPendingJudgement(results.get(c)!));
      if (pending.length > 0 && score.lt(applicableMax)) {
        r.status = 'manual';
        reasons.push({ kind: 'judgement', text: `下级有待评审的酌情评分项(${pending.join('、')}),本项得分待评审后确定` });
      }
    }
    if (missing.length > 0) {
      r.score = dec(0);
      r.status = 'missing_evidence';
      r.missingFacts = [...new Set([...r.missingFacts, ...missing])].sort();
      r.reasons.push({ kind: 'missing', text: '缺少判断"不得分/封顶"条件所需的事实,按 0 分计' });
    } else if (zeroed) {
      r.score = dec(0);
      r.status = 'unmet';
      r.reasons.push(zeroed);
    }
    if (n.cap !== undefined && compareToNumber(r.score, n.cap) > 0) {
      r.reasons.push({ kind: 'cap', text: `本项最高 ${n.cap} 分`, points: differenceNumber(dec(n.cap), r.score) });
      r.score = dec(n.cap);
    }
    if (n.floor !== null && compareToNumber(r.score, n.floor) < 0) {
      r.reasons.push({ kind: 'floor', text: `扣完为止:本项最低 ${n.floor} 分`, points: differenceNumber(dec(n.floor), r.score) });
      r.score = dec(n.floor);
    }
    const nodeVeto = input.nodeVetoes.get(f.id);
    if (nodeVeto && !nodeVeto.stopScoring) {
      const fixed = nodeVeto.score !== undefined ? dec(nodeVeto.score) : dec(0);
      const conditions = input.vetoConditions?.get(nodeVeto.id);
      r.reasons.push({
        kind: 'veto',
        text: `单项否决:${nodeVeto.title}。${nodeVeto.reason}`,
        points: differenceNumber(fixed, r.score),
        ...(conditions ? { conditions } : {}),
      });
      r.score = fixed;
      r.status = 'vetoed';
    }
    // A penalty node's score is what it takes away: nothing taken is "met", anything taken is "deducted".
    if (f.kind === 'penalty' && (r.status === 'met' || r.status === 'partial' || r.status === 'unmet'))
      r.status = compareToNumber(r.score, 0) > 0 ? 'deducted' : 'met';
    results.set(f.id, r);
    return r;
  };
  // The office's override has the last word on a node (not on one that is not applicable).
  const visit = (f: FlatNode): NodeResult => {
    const r = scoreNode(f);
    const o = input.overrides?.get(f.id);
    if (o && r.status !== 'not_applicable') applyOverride(f, r, o);
    return r;
  };
  for (const f of nodes) if (f.parent === null) visit(f);
  return results;
}
