// What a veto really costs: the same agency scored as if no veto had fired (a second, pure aggregation of the same
// facts and rulings), compared with the vetoed result. The leader summary names the veto as the one thing to fix,
// with these points, rather than listing every item the veto zeroed.
import type { RubricModel } from '../model/rubric-model.js';
import type { Veto } from '../schema/rubric-schema.js';
import { aggregateTree, type AggregateInput, type NodeResult } from './aggregate.js';
import type { ScoreContext } from './context.js';
import { dec, type Dec } from './decimal.js';
import { negatedNumber } from './scaled.js';
import { computeTotals, type ExactTotals } from './totals.js';

export interface VetoStakes {
  /** The final score had no veto fired (null when no assessment veto fired). */
  finalWithoutVeto: Dec | null;
  /** Points the assessment veto took: finalWithoutVeto − final, never below 0. */
  assessmentStake: Dec | null;
}

/**
 * Measure what the vetoes took and write each node veto's real stake onto its `veto` reason (`points`, negative).
 * Runs only when a veto fired (vetoes are rare, so the second aggregation costs nothing in a normal batch).
 */
export function measureVetoStakes(
  model: RubricModel,
  ctx: ScoreContext,
  input: Omit<AggregateInput, 'nodeVetoes' | 'stopAll'>,
  results: Map<string, NodeResult>,
  totals: ExactTotals,
  vetoes: { assessment: Veto | null; nodes: ReadonlyMap<string, Veto> },
): VetoStakes {
  if (!vetoes.assessment && vetoes.nodes.size === 0) return { finalWithoutVeto: null, assessmentStake: null };
  const free = aggregateTree(model.nodes, model.byId, { ...input, nodeVetoes: new Map(), stopAll: null });
  const freeTotals = computeTotals(model, free, ctx, null);
  for (const target of vetoes.nodes.keys()) {
    const r = results.get(target);
    const f = free.get(target);
    const reason = r?.reasons.find((x) => x.kind === 'veto');
    if (!r || !f || !reason) continue;
    const stake = f.score.minus(r.score);
    reason.points = negatedNumber(stake.gt(0) ? stake : dec(0));
  }
  if (!vetoes.assessment) return { finalWithoutVeto: null, assessmentStake: null };
  const stake = freeTotals.final.minus(totals.final);
  return { finalWithoutVeto: freeTotals.final, assessmentStake: stake.gt(0) ? stake : dec(0) };
}
