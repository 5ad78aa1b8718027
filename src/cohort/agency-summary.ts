// Reduce one agency's full ScoreReport to what ranking and the county-wide tables need, so a batch holds a few
// hundred bytes per agency rather than whole reports (memory bounded by what ranking needs, not by file count).
// Summaries cross the worker boundary by structured clone: plain data only.
import type { CheckResult, ReportNode, ScoreReport, Totals } from '../report/score-report.js';
import type { BatchPlan } from './batch-plan.js';

export interface AgencySummary {
  file: string;
  hash: string;
  agency: { code: string; name: string; shortName?: string; class?: string };
  year: number;
  totals: Totals;
  veto: { id: string; title: string } | null;
  /**
   * The per-node numbers (SummaryCells) packed into one short string (packCells): a batch keeps 100,000 of these,
   * and seven small arrays per agency cost five times the memory of their digits. Exact: every number is written
   * as its shortest round-trip decimal and read back with Number.
   */
  cells: string;
  missingEvidence: number;
  warnings: number;
  /** Provisional while the office has not ruled on everything; how many items are pending. */
  status: 'provisional' | 'final';
  pending: number;
  /** First pass only: each rank criterion's basis value (null = unknown) and whether it applies to the agency. */
  rankBasis?: Array<number | null>;
  rankApplies?: boolean[];
  /** Scores of leaves a later pass asked for (baseline substitution), keyed by node id. */
  leafScores?: Record<string, number>;
}

/** The numbers of one agency's summary that only the comparison tables read, unpacked from `AgencySummary.cells`. */
export interface SummaryCells {
  /** Score of every tracked node (plan.tracked order). */
  scores: number[];
  /** Applicable maximum of every tracked node; -1 when the node is not applicable. */
  appMax: number[];
  /** Lost points per leaf criterion, sparse: [leafIndex, lost, leafIndex, lost, …]. */
  lost: number[];
  /** Leaf criteria not applicable to this agency (plan.leaves indices). */
  notApplicable: number[];
  /** Criteria whose claim exceeds the score, largest excess first, flat: [nodeIndex, claimed, score, difference, …]. */
  overClaims: number[];
  /** Tracked nodes (plan.tracked indices) that are, or hold, a pending item: shown as pending, not as a loss. */
  pendingTracked: number[];
  /**
   * Failed consistency checks (勾稽关系), in rubric order, each as plan.checks index × 2, plus 1 when the office
   * resolved it in the review.
   */
  failedChecks: number[];
}

const CELL_LISTS = ['scores', 'appMax', 'lost', 'notApplicable', 'overClaims', 'pendingTracked', 'failedChecks'] as const;

/** Pack the cells: lists separated by ";", numbers by "," (String(n) is the shortest decimal that reads back as n). */
export function packCells(c: SummaryCells): string {
  return CELL_LISTS.map((k) => c[k].join(',')).join(';');
}

/** One list of `AgencySummary.cells` (the tables that read one list need not unpack all seven). */
export function cellList(packed: string, list: (typeof CELL_LISTS)[number]): number[] {
  let start = 0;
  for (let k = CELL_LISTS.indexOf(list); k > 0; k--) start = packed.indexOf(';', start) + 1;
  let end = packed.indexOf(';', start);
  if (end < 0) end = packed.length;
  const out: number[] = [];
  if (end === start) return out;
  for (let p = start; p <= end; ) {
    let q = packed.indexOf(',', p);
    if (q < 0 || q > end) q = end;
    out.push(Number(packed.slice(p, q)));
    p = q + 1;
  }
  return out;
}

/** Unpack `AgencySummary.cells`. */
export function unpackCells(packed: string): SummaryCells {
  const c = {} as SummaryCells;
  for (const k of CELL_LISTS) c[k] = cellList(packed, k);
  return c;
}

/**
 * What a summary reads of a report: a ScoreReport is one; so is the light version a comparison makes straight from
 * the assessment (src/cohort/summarise-assessment.ts) without building explanations into a report.
 */
export interface SummarySource {
  agency: ScoreReport['agency'];
  period: { year: number };
  evidence: { hash: string };
  totals: Totals;
  veto: { id: string; title: string } | null;
  /** Every node, in document order. */
  nodes: ReadonlyArray<Pick<ReportNode, 'id' | 'parent' | 'score' | 'applicableMax' | 'status' | 'lost'>>;
  overClaims: ReadonlyArray<{ id: string; claimed: number; score: number; difference: number }>;
  missingEvidence: { length: number };
  diagnostics: { length: number };
  checks: ReadonlyArray<Pick<CheckResult, 'id' | 'outcome' | 'resolution'>>;
  status?: ScoreReport['status'];
  pending?: ReadonlyArray<{ node: string | null }>;
}

/** Summarise a report under a plan. `rankBasis` comes from the caller (it needs fact values). */
export function summariseReport(report: SummarySource, plan: BatchPlan, file: string, wantLeafScores?: readonly string[]): AgencySummary {
  const byId = new Map(report.nodes.map((n) => [n.id, n]));
  const scores: number[] = [];
  const appMax: number[] = [];
  for (const id of plan.tracked) {
    const n = byId.get(id)!;
    scores.push(n.score);
    appMax.push(n.status === 'not_applicable' ? -1 : n.applicableMax);
  }
  // A node waiting for the office (or holding such an item) is pending: not counted as a loss anywhere.
  const pendingIds = new Set<string>();
  for (const p of report.pending ?? []) for (let id: string | null = p.node; id !== null && !pendingIds.has(id); id = byId.get(id)?.parent ?? null) pendingIds.add(id);
  const lost: number[] = [];
  const notApplicable: number[] = [];
  plan.leaves.forEach((l, i) => {
    const n = byId.get(l.id)!;
    if (n.status === 'not_applicable') notApplicable.push(i);
    else if (n.lost > 0 && !pendingIds.has(l.id)) lost.push(i, n.lost);
  });
  const a = report.agency;
  const s: AgencySummary = {
    file,
    hash: report.evidence.hash,
    agency: { code: a.code, name: a.name, ...(a.shortName !== undefined ? { shortName: a.shortName } : {}), ...(a.class !== undefined ? { class: a.class } : {}) },
    year: report.period.year,
    totals: report.totals,
    veto: report.veto ? { id: report.veto.id, title: report.veto.title } : null,
    cells: packCells({
      scores,
      appMax,
      lost,
      notApplicable,
      overClaims: report.overClaims.flatMap((o) => [plan.nodeIndex.get(o.id)!, o.claimed, o.score, o.difference]),
      pendingTracked: plan.tracked.flatMap((id, i) => (pendingIds.has(id) ? [i] : [])),
      failedChecks: report.checks.filter((c) => c.outcome === 'fail').map((c) => plan.checkIndex.get(c.id)! * 2 + (c.resolution !== undefined ? 1 : 0)),
    }),
    missingEvidence: report.missingEvidence.length,
    warnings: report.diagnostics.length,
    status: report.status ?? 'final',
    pending: (report.pending ?? []).length,
  };
  if (wantLeafScores && wantLeafScores.length > 0) {
    s.leafScores = {};
    for (const id of wantLeafScores) {
      const n = byId.get(id);
      if (n) s.leafScores[id] = n.score;
    }
  }
  return s;
}
