// The baseline split's middle term: last year's evidence carried into this year's rubric "where the facts still
// fit". Facts unknown to this year's catalogue, derived there, or no longer of the right type are dropped;
// not-applicable requests are kept only where this year's rubric accepts them; claims are not carried (they do not
// change scores). The office's rulings live in review files, not in evidence, and are not carried. After scoring, the criteria that could not be decided from last year's
// facts are named "not comparable". Pure; no I/O.
import type { CompiledRubric } from '../compile/compile-rubric.js';
import { normaliseFactValue } from '../evidence/check-evidence.js';
import type { ScoreReport } from '../report/score-report.js';
import type { Evidence } from '../schema/evidence-schema.js';
import type { Review } from '../schema/review-schema.js';
import { judgementBounds } from '../review/judgement-bounds.js';
import { deriveInputs } from '../validate/check-facts.js';
import type { NotComparableCriterion } from './compare-report.js';
import { getOwn } from '../model/own-property.js';

export interface CarriedEvidence {
  evidence: Evidence;
  /** Facts given last year that this year's rubric cannot use, sorted. */
  droppedFacts: string[];
}

/** Rewrite last year's (validated) evidence for this year's rubric. */
export function carryEvidence(ev: Evidence, to: CompiledRubric): CarriedEvidence {
  const facts: Evidence['facts'] = {};
  const dropped: string[] = [];
  for (const [id, value] of Object.entries(ev.facts)) {
    const def = getOwn(to.rubric.facts, id);
    const v = def && !def.derive ? normaliseFactValue(def, value) : undefined;
    const lo = def?.min ?? (def?.type === 'percent' ? 0 : undefined);
    const hi = def?.max ?? (def?.type === 'percent' ? 100 : undefined);
    const outOfRange = typeof v === 'number' && ((lo !== undefined && v < lo) || (hi !== undefined && v > hi));
    if (v === undefined || outOfRange) dropped.push(id);
    else facts[id] = value;
  }
  const cls = ev.agency.class;
  return {
    evidence: {
      ...ev,
      rubric: { id: to.rubric.id, version: to.rubric.version },
      agency: { ...ev.agency, ...(cls !== undefined && to.rubric.classes && !to.rubric.classes.includes(cls) ? { class: undefined } : {}) },
      facts,
      evidence: {},
      claims: {},
      notApplicable: ev.notApplicable.filter((x) => to.model.byId.get(x.node)?.node.mayBeNotApplicable === true),
      remediation: {},
    },
    droppedFacts: dropped.sort(),
  };
}

/**
 * Last year's office review carried into this year's rubric, like the evidence: judgements only where this year's
 * rubric still has the judged item (and the score fits its bounds), corrections only of facts that still fit,
 * not-applicable decisions only where this year's rubric still allows one. Overrides and check resolutions are not
 * carried: a node's points or a check's meaning may have changed.
 */
export function carryReview(review: Review, to: CompiledRubric): Review {
  const judgements: Review['judgements'] = {};
  for (const [key, j] of Object.entries(review.judgements)) {
    const b = judgementBounds(to, key);
    if (b && j.score >= b.min && j.score <= b.max) judgements[key] = j;
  }
  const corrections: Review['corrections'] = {};
  for (const [id, c] of Object.entries(review.corrections)) {
    const def = getOwn(to.rubric.facts, id);
    if (def && !def.derive && normaliseFactValue(def, c.value) !== undefined) corrections[id] = c;
  }
  const notApplicable: Review['notApplicable'] = {};
  for (const [id, d] of Object.entries(review.notApplicable)) if (to.model.byId.get(id)?.node.mayBeNotApplicable === true) notApplicable[id] = d;
  return { ...review, rubric: { id: to.rubric.id, version: to.rubric.version }, judgements, overrides: {}, corrections, notApplicable, checks: {} };
}

/** The given (non-derived) facts a fact rests on in a catalogue. */
function rootFacts(to: CompiledRubric, fact: string, out: Set<string>): void {
  const def = getOwn(to.rubric.facts, fact);
  if (def?.derive) for (const i of deriveInputs(def.derive)) rootFacts(to, i, out);
  else out.add(fact);
}

/**
 * Criteria of the re-scored report that last year's facts could not decide: missing evidence because a fact is new
 * in this year's catalogue (or was dropped), or a judgement item last year's rubric did not have.
 * @param from last year's compiled rubric; @param given the facts last year's evidence gave.
 */
export function findNotComparable(report: ScoreReport, from: CompiledRubric, to: CompiledRubric, carried: CarriedEvidence): NotComparableCriterion[] {
  const out: NotComparableCriterion[] = [];
  const dropped = new Set(carried.droppedFacts);
  for (const n of report.nodes) {
    if (n.children.length > 0) continue;
    if (n.status === 'missing_evidence') {
      const roots = new Set<string>();
      for (const f of n.missingFacts) rootFacts(to, f, roots);
      const fresh = [...roots].filter((f) => dropped.has(f) || !(f in from.rubric.facts)).sort();
      if (fresh.length > 0) out.push({ id: n.id, title: n.title, reason: `去年的佐证中没有今年细则所需的事实:${fresh.join('、')}` });
    } else if (n.status === 'manual' && n.method === 'judgement') {
      const old = from.model.byId.get(n.id)?.node.scoring;
      if (old?.method !== 'judgement') out.push({ id: n.id, title: n.title, reason: '今年新增的酌情评分项,去年无评审意见' });
    }
  }
  return out;
}
