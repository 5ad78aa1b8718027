// Assemble the ScoreReport from exact results: the one place numbers are rounded (to the rubric's precision).
import { getOwn } from '../model/own-property.js';
import type { CompiledRubric } from '../compile/compile-rubric.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Evidence } from '../schema/evidence-schema.js';
import type { Veto } from '../schema/rubric-schema.js';
import type { NodeResult } from '../score/aggregate.js';
import { dec, toOutput, type Dec } from '../score/decimal.js';
import { numberOf, outputDifference, outputNumber, outputNumberMinus, outputOfNumber, sumNumbersExact } from '../score/scaled.js';
import type { ExactTotals } from '../score/totals.js';
import type { Review } from '../schema/review-schema.js';
import type { VetoStakes } from '../score/veto-stake.js';
import { nodeVoices, reviewCorrections } from './review-voices.js';
import { SCHEMA_VERSION, type PendingItem, type ReportStatus, type CheckResult, type ConditionReason, type ReportNode, type ScoreReport, type Totals } from './score-report.js';
import { rubricHeader } from './rubric-header.js';

/** What the report says about its inputs (the caller's options, see assess/score-agency.ts ScoreOptions). */
export interface ReportOptions {
  evidenceHash: string;
  evidenceFile?: string;
  engineVersion: string;
  /** The office's review file for this agency (validated against the rubric and the evidence). */
  review?: { review: Review; hash: string; file?: string };
}

export interface BuildInput {
  compiled: CompiledRubric;
  evidence: Evidence;
  results: Map<string, NodeResult>;
  totals: ExactTotals;
  assessmentVeto: Veto | null;
  /** The assessment veto's evaluated conditions (what was seen vs the threshold). */
  vetoConditions: ConditionReason[];
  /** The rubric's consistency checks evaluated on this agency's facts (src/checks/). */
  checks: CheckResult[];
  /** Provisional or final, and what is pending (report/status.ts). */
  status: { status: ReportStatus; pending: PendingItem[] };
  /** What the assessment veto took (score/veto-stake.ts). */
  vetoStakes: VetoStakes;
  diagnostics: Diagnostic[];
  opts: ReportOptions;
}

/** The claims that make up a node's claimed total (its own claim, else its children's), appended to `out`; false when nothing is claimed below. */
function claimedParts(id: string, input: BuildInput, out: number[]): boolean {
  const own = getOwn(input.evidence.claims, id);
  if (own !== undefined) {
    out.push(own);
    return true;
  }
  let any = false;
  for (const c of input.compiled.model.byId.get(id)!.children) any = claimedParts(c, input, out) || any;
  return any;
}

/**
 * The claimed total of the whole sheet (自评总分): the top-level sections' claims plus the bonus blocks' minus the penalty blocks'; null
 * when nothing is claimed. An exact sum of the claims (score/scaled.ts; decimal.js when a claim does not fit).
 */
export function claimedGrandTotal(input: BuildInput): Dec | null {
  const parts: number[] = [];
  let any = false;
  for (const f of input.compiled.model.nodes) {
    if (!((f.parent === null && f.kind === 'score') || f.boundary)) continue;
    // A penalty block's claim is the deduction the agency admits: it comes off the total, as the score's penalty does.
    const own: number[] = [];
    any = claimedParts(f.id, input, own) || any;
    for (const v of own) parts.push(f.kind === 'penalty' && f.boundary ? -v : v);
  }
  return any ? sumNumbersExact(parts) : null;
}

// One collator for every report: `localeCompare(x, 'en', opts)` builds a new ICU collator per call, which is slow and
// serialises worker threads on ICU's locks in a batch.
export const ID_ORDER = new Intl.Collator('en', { numeric: true });

// Every node's maximum rounded once per rubric model (a batch builds thousands of reports from one model).
const MAXIMA = new WeakMap<CompiledRubric['model'], Map<Dec, number>>();
function roundedMaxima(model: CompiledRubric['model'], precision: number): Map<Dec, number> {
  let m = MAXIMA.get(model);
  if (!m) {
    m = new Map(model.nodes.map((f) => [f.max, toOutput(f.max, precision)]));
    MAXIMA.set(model, m);
  }
  return m;
}

/** The report's one rounding: an exact value to the rubric's precision, as every number of the report is written. */
export function outputRounder(compiled: CompiledRubric): (d: Dec) => number {
  const p = compiled.rubric.precision;
  const maxima = roundedMaxima(compiled.model, p);
  // A score or applicable maximum that is the node's own maximum (full marks) is the same Decimal instance.
  return (d: Dec): number => {
    const m = maxima.get(d);
    // Otherwise exact scaled integers when the value fits (score/scaled.ts), decimal.js's rounding when it does not.
    return m !== undefined ? m : outputNumber(d, p);
  };
}

/** The report's totals, rounded. */
export function outputTotals(input: BuildInput, out: (d: Dec) => number): Totals {
  const { totals } = input;
  const claimedAll = claimedGrandTotal(input);
  return {
    base: out(totals.base),
    bonus: out(totals.bonus),
    penalty: out(totals.penalty),
    final: out(totals.final),
    max: input.compiled.rubric.total,
    applicableMax: out(totals.applicableMax),
    normalized: out(totals.normalized),
    grade: totals.grade,
    claimed: claimedAll === null ? null : out(claimedAll),
  };
}

export function buildReport(input: BuildInput): ScoreReport {
  const { compiled, evidence, results, totals } = input;
  const out = outputRounder(compiled);
  const p = compiled.rubric.precision;
  const review = input.opts.review?.review ?? null;
  const requested = new Set(evidence.notApplicable.map((x) => x.node));
  const corrections = reviewCorrections(compiled, evidence, review);
  const correctedBy = new Map<string, Array<{ fact: string; original: unknown; corrected: unknown }>>();
  for (const c of corrections) for (const id of c.nodes) correctedBy.set(id, [...(correctedBy.get(id) ?? []), { fact: c.fact, original: c.original, corrected: c.corrected }]);
  const nodes: ReportNode[] = compiled.model.nodes.map((f) => {
    const r = results.get(f.id)!;
    const n = f.node;
    const node: ReportNode = {
      id: f.id,
      parent: f.parent,
      depth: f.depth,
      kind: f.kind,
      title: n.title,
      method: n.scoring?.method ?? 'sum',
      max: out(f.max),
      applicableMax: out(r.applicableMax),
      score: out(r.score),
      status: r.status,
      lost: f.kind === 'score' && r.status !== 'not_applicable' ? Math.max(0, outputDifference(r.applicableMax, r.score, p)) : 0,
      reasons: r.reasons,
      deductions: r.deductions.map((d) => ({
        id: d.id,
        reason: d.reason,
        amount: out(d.amount),
        ...(d.count !== undefined ? { count: numberOf(d.count) } : {}),
        ...(d.each !== undefined ? { each: numberOf(d.each) } : {}),
        applied: d.applied,
        ...(d.occurrences !== undefined ? { occurrences: [...d.occurrences] } : {}),
      })),
      evidence: (evidence.evidence[f.id] ?? []).map((c) => ({ ...c })),
      missingFacts: r.missingFacts,
      children: f.children,
      voices: nodeVoices(compiled, r, getOwn(evidence.claims, f.id), review, requested, out),
    };
    const corrected = correctedBy.get(f.id);
    if (corrected) node.corrected = corrected;
    if (n.description !== undefined) node.description = n.description;
    if (n.note !== undefined) node.note = n.note;
    const claim = getOwn(evidence.claims, f.id);
    if (claim !== undefined) {
      node.claimed = outputOfNumber(claim, p);
      node.difference = outputNumberMinus(claim, r.score, p);
    }
    if (r.judgement) node.judgement = { ...r.judgement };
    const rem = evidence.remediation[f.id];
    if (rem !== undefined) node.remediation = rem;
    return node;
  });
  const veto = input.assessmentVeto;
  const report: ScoreReport = {
    schemaVersion: SCHEMA_VERSION,
    engine: { name: 'zwgk-score', version: input.opts.engineVersion },
    rubric: rubricHeader(compiled, { levels: true }),
    agency: { ...evidence.agency },
    period: { ...evidence.period },
    evidence: {
      hash: input.opts.evidenceHash,
      ...(input.opts.evidenceFile !== undefined ? { file: input.opts.evidenceFile } : {}),
      ...(evidence.preparedBy !== undefined ? { preparedBy: evidence.preparedBy } : {}),
      ...(evidence.reviewedBy !== undefined ? { reviewedBy: evidence.reviewedBy } : {}),
      ...(evidence.date !== undefined ? { date: evidence.date } : {}),
    },
    totals: outputTotals(input, out),
    veto: veto
      ? {
          id: veto.id,
          title: veto.title,
          reason: veto.reason,
          target: veto.target,
          score: veto.score ?? null,
          grade: veto.grade ?? totals.grade,
          conditions: input.vetoConditions,
          finalWithoutVeto: out(input.vetoStakes.finalWithoutVeto ?? totals.final),
          stake: out(input.vetoStakes.assessmentStake ?? dec(0)),
        }
      : null,
    nodes,
    overClaims: nodes
      .filter((n) => n.claimed !== undefined && n.difference !== undefined && n.difference > 0)
      .map((n) => ({ id: n.id, title: n.title, claimed: n.claimed!, score: n.score, difference: n.difference! }))
      .sort((a, b) => b.difference - a.difference || ID_ORDER.compare(a.id, b.id)),
    missingEvidence: nodes.filter((n) => n.status === 'missing_evidence').map((n) => ({ id: n.id, title: n.title, facts: n.missingFacts })),
    checks: input.checks,
    status: input.status.status,
    pending: input.status.pending,
    review: input.opts.review
      ? { hash: input.opts.review.hash, ...(input.opts.review.file !== undefined ? { file: input.opts.review.file } : {}), agencyCode: input.opts.review.review.agency.code }
      : null,
    corrections,
    diagnostics: input.diagnostics,
  };
  return report;
}
