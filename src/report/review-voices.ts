// The office's part of the report: the four voices of each node (claimed, computed, reviewed, final), the rulings the
// review made on it, and the fact corrections with both values. Reads the review and the exact node results; rounds
// through the caller's `out` so the report keeps rounding in one place.
import type { CompiledRubric } from '../compile/compile-rubric.js';
import { normaliseFactValue } from '../evidence/check-evidence.js';
import type { Evidence } from '../schema/evidence-schema.js';
import type { Review } from '../schema/review-schema.js';
import type { NodeResult } from '../score/aggregate.js';
import type { Dec } from '../score/decimal.js';
import { outputOfNumber } from '../score/scaled.js';
import type { CorrectionOut, NodeVoices, RulingOut } from './score-report.js';

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** The review's rulings on one node, in a fixed order: not-applicable decision, judgements, override. */
export function nodeRulings(compiled: CompiledRubric, nodeId: string, review: Review | null, requested: ReadonlySet<string>): RulingOut[] {
  if (!review) return [];
  const out: RulingOut[] = [];
  if (own(review.notApplicable, nodeId) && requested.has(nodeId)) {
    const d = review.notApplicable[nodeId]!;
    out.push({ kind: 'notApplicable', key: nodeId, decision: d.decision, reason: d.reason, by: d.by, date: d.date });
  }
  const s = compiled.model.byId.get(nodeId)?.node.scoring;
  const keys = s?.method === 'judgement' ? [nodeId] : s?.method === 'deduct' ? s.deductions.filter((d) => d.judgement).map((d) => `${nodeId}#${d.id}`) : [];
  for (const key of keys) {
    if (!own(review.judgements, key)) continue;
    const j = review.judgements[key]!;
    out.push({ kind: 'judgement', key, score: j.score, reason: j.reason, by: j.by, date: j.date });
  }
  if (own(review.overrides, nodeId)) {
    const o = review.overrides[nodeId]!;
    out.push({ kind: 'override', key: nodeId, score: o.score, reason: o.reason, by: o.by, date: o.date });
  }
  return out;
}

/**
 * The four voices of one node. `computed` is the engine's score before an override of this node (null for a judged
 * item: the engine computes nothing there); `reviewed` lists what the office ruled on this node.
 */
export function nodeVoices(
  compiled: CompiledRubric,
  r: NodeResult,
  claimed: number | undefined,
  review: Review | null,
  requested: ReadonlySet<string>,
  out: (d: Dec) => number,
): NodeVoices {
  const rulings = nodeRulings(compiled, r.id, review, requested);
  const judgedItem = compiled.model.byId.get(r.id)?.node.scoring?.method === 'judgement';
  // A ruling that had no effect (a judgement under a vetoed or not-applicable node) is still shown: the office said it.
  const computed = judgedItem ? null : r.computedBeforeOverride !== undefined ? out(r.computedBeforeOverride) : out(r.score);
  return {
    claimed: claimed === undefined ? null : outputOfNumber(claimed, compiled.rubric.precision), // = out(dec(claimed))
    computed: r.status === 'not_applicable' ? null : computed,
    reviewed: rulings.length === 0 ? null : { score: r.status === 'not_applicable' ? null : out(r.score), rulings },
    final: out(r.score),
  };
}

/** The office's corrections with the agency's original value, in fact-id order, and the nodes that read each fact. */
export function reviewCorrections(compiled: CompiledRubric, evidence: Evidence, review: Review | null): CorrectionOut[] {
  if (!review) return [];
  const facts = compiled.rubric.facts;
  const readers = new Map<string, string[]>();
  for (const [key, used] of compiled.factUsers) {
    if (key.startsWith('veto:')) continue;
    for (const f of used) readers.set(f, [...(readers.get(f) ?? []), key]);
  }
  const order = new Map(compiled.model.nodes.map((f, i) => [f.id, i]));
  return Object.keys(review.corrections)
    .filter((id) => own(facts, id) && !facts[id]!.derive)
    .sort()
    .map((id) => {
      const def = facts[id]!;
      const c = review.corrections[id]!;
      const raw = own(evidence.facts, id) ? evidence.facts[id] : null;
      const original = raw === null || raw === undefined ? null : normaliseFactValue(def, raw) ?? raw;
      const corrected = normaliseFactValue(def, c.value) ?? c.value;
      const nodes = [...new Set(readers.get(id) ?? [])].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      return {
        fact: id,
        label: def.label,
        ...(def.unit !== undefined ? { unit: def.unit } : {}),
        ...(def.source !== undefined ? { source: def.source } : {}),
        original,
        corrected,
        reason: c.reason,
        by: c.by,
        date: c.date,
        nodes,
      };
    });
}
