// Assemble the CompareReport from a scored cohort: rows sorted by agency code, competition ranks on the final
// and the normalised score, grade distribution, county-wide weak spots and over-claims. Sums over agencies are
// exact (integers of the rubric's smallest unit), so totals never show 2.9999999. Pure.
import type { CompiledRubric } from '../compile/compile-rubric.js';
import { ENGINE_VERSION } from '../version.js';
import { cellList, unpackCells, type AgencySummary, type SummaryCells } from './agency-summary.js';
import type { BatchPlan } from './batch-plan.js';
import {
  COMPARE_SCHEMA_VERSION,
  RANKING_RULE,
  type AgencyRow,
  type BaselineSection,
  type CheckFailureAgency,
  type CheckInfo,
  type CompareReport,
  type FailedCheckRef,
  type GradeCount,
  type LeftOutFile,
  type NodeCell,
  type OverClaimAgency,
  type OverClaimItem,
  type RankCriterionInfo,
  type SectionCell,
  type WeakSpot,
} from './compare-report.js';
import { compareCodes, competitionRanks } from './ranking.js';
import { rubricHeader } from '../report/rubric-header.js';

export interface BuildCompareInput {
  compiled: CompiledRubric;
  plan: BatchPlan;
  /** Scored agencies (any order; sorted here). */
  agencies: Iterable<AgencySummary>;
  rankInfo: RankCriterionInfo[];
  leftOut: LeftOutFile[];
  skipped: string[];
  files: number;
  baseline: BaselineSection | null;
}

export const RANKING_DESCRIPTION = '竞争排名法:得分相同者名次并列,其后名次顺延(如 1、1、3)';

/** Exact sum of numbers that carry at most `precision` decimals. */
function exactSum(values: Iterable<number>, precision: number): number {
  const scale = 10 ** Math.max(precision, 4);
  let s = 0;
  for (const v of values) s += Math.round(v * scale);
  return s / scale;
}

const round = (n: number, digits: number): number => {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return r === 0 ? 0 : r;
};

function sectionCells(plan: BatchPlan, a: SummaryCells): SectionCell[] {
  let k = 0;
  const cell = (id: string): NodeCell => {
    const i = k++;
    const na = a.appMax[i]! < 0;
    return { id, score: a.scores[i]!, applicableMax: na ? 0 : a.appMax[i]!, notApplicable: na, pending: a.pendingTracked.includes(i) };
  };
  return plan.sections.map((s) => {
    const head = cell(s.id);
    return { ...head, children: s.children.map((c) => cell(c.id)) };
  });
}

function weakSpots(plan: BatchPlan, agencies: readonly AgencySummary[]): WeakSpot[] {
  const n = plan.leaves.length;
  const lostCount = new Array<number>(n).fill(0);
  const naCount = new Array<number>(n).fill(0);
  const lostUnits = new Array<number>(n).fill(0);
  const scale = 10 ** Math.max(plan.precision, 4);
  for (const s of agencies) {
    const lost = cellList(s.cells, 'lost');
    for (let j = 0; j < lost.length; j += 2) {
      const i = lost[j]!;
      lostCount[i]!++;
      lostUnits[i]! += Math.round(lost[j + 1]! * scale);
    }
    for (const i of cellList(s.cells, 'notApplicable')) naCount[i]!++;
  }
  const out: WeakSpot[] = [];
  plan.leaves.forEach((l, i) => {
    if (lostCount[i] === 0) return;
    const assessed = agencies.length - naCount[i]!;
    const total = lostUnits[i]! / scale;
    out.push({
      id: l.id,
      title: l.title,
      sectionId: l.sectionId,
      sectionTitle: l.sectionTitle,
      max: l.max,
      agenciesLost: lostCount[i]!,
      agenciesAssessed: assessed,
      totalLost: total,
      averageLost: assessed > 0 ? round(total / assessed, 2) : 0,
    });
  });
  const order = new Map(plan.leaves.map((l, i) => [l.id, i]));
  return out.sort((x, y) => y.totalLost - x.totalLost || y.agenciesLost - x.agenciesLost || order.get(x.id)! - order.get(y.id)!);
}

function gradeDistribution(compiled: CompiledRubric, agencies: readonly AgencySummary[]): GradeCount[] {
  const names = compiled.rubric.grades.map((g) => g.name);
  for (const a of agencies) if (!names.includes(a.totals.grade)) names.push(a.totals.grade);
  return names.map((grade) => {
    const count = agencies.filter((a) => a.totals.grade === grade).length;
    return { grade, count, share: agencies.length > 0 ? round(count / agencies.length, 4) : 0 };
  });
}

function overClaimItems(plan: BatchPlan, o: readonly number[]): OverClaimItem[] {
  const out: OverClaimItem[] = [];
  for (let i = 0; i < o.length; i += 4) out.push({ id: plan.nodeIds[o[i]!]!, title: plan.nodeTitles[o[i]!]!, claimed: o[i + 1]!, score: o[i + 2]!, difference: o[i + 3]! });
  return out;
}

/** Indices of the agencies that over-claim, largest excess first (then by code). */
function overClaimOrder(agencies: readonly AgencySummary[], precision: number): number[] {
  const keys: Array<{ i: number; excess: number; code: string }> = [];
  agencies.forEach((a, i) => {
    const c = a.totals.claimed;
    const difference = c === null ? null : exactSum([c, -a.totals.final], precision);
    const overClaims = cellList(a.cells, 'overClaims');
    if (overClaims.length === 0 && !(difference !== null && difference > 0)) return;
    let excess = difference;
    if (excess === null) {
      const diffs: number[] = [];
      for (let k = 3; k < overClaims.length; k += 4) diffs.push(overClaims[k]!);
      excess = exactSum(diffs, precision);
    }
    keys.push({ i, excess, code: a.agency.code });
  });
  keys.sort((x, y) => y.excess - x.excess || compareCodes(x.code, y.code));
  return keys.map((k) => k.i);
}

function overClaimOf(plan: BatchPlan, a: AgencySummary): OverClaimAgency {
  const c = a.totals.claimed;
  return {
    code: a.agency.code,
    name: a.agency.name,
    claimed: c,
    final: a.totals.final,
    difference: c === null ? null : exactSum([c, -a.totals.final], plan.precision),
    items: overClaimItems(plan, cellList(a.cells, 'overClaims')),
  };
}

/** An agency's failed checks as the contract lists them (decoded from the summary's check indices). */
function failedCheckRefs(plan: BatchPlan, failedChecks: readonly number[]): FailedCheckRef[] {
  return failedChecks.map((k) => {
    const c = plan.checks[k >> 1]!;
    return { id: c.id, severity: c.severity, resolved: (k & 1) === 1 };
  });
}

/** Failed error-level checks the office has not resolved (they keep the result provisional). */
function unresolvedCount(plan: BatchPlan, failedChecks: readonly number[]): number {
  let n = 0;
  for (const k of failedChecks) if ((k & 1) === 0 && plan.checks[k >> 1]!.severity === 'error') n++;
  return n;
}

/**
 * The declared checks with their failure counts, and the order of the agencies with failed checks (indices into
 * `agencies`; their entries are made on demand, like the rows).
 */
function checkTables(compiled: CompiledRubric, plan: BatchPlan, agencies: readonly AgencySummary[]): { checks: CheckInfo[]; failureOrder: number[] } {
  const failedBy = new Array<number>(plan.checks.length).fill(0);
  const keys: Array<{ i: number; unresolved: number; failed: number; code: string }> = [];
  agencies.forEach((s, i) => {
    const failedChecks = cellList(s.cells, 'failedChecks');
    if (failedChecks.length === 0) return;
    for (const k of failedChecks) failedBy[k >> 1]!++;
    keys.push({ i, unresolved: unresolvedCount(plan, failedChecks), failed: failedChecks.length, code: s.agency.code });
  });
  keys.sort((x, y) => y.unresolved - x.unresolved || y.failed - x.failed || compareCodes(x.code, y.code));
  const checks = compiled.rubric.checks.map((c, k): CheckInfo => ({
    id: c.id,
    message: c.message,
    severity: c.severity,
    ...(c.source !== undefined ? { source: c.source } : {}),
    agenciesFailed: failedBy[k] ?? 0,
  }));
  return { checks, failureOrder: keys.map((k) => k.i) };
}

function checkFailureOf(plan: BatchPlan, s: AgencySummary): CheckFailureAgency {
  const failedChecks = cellList(s.cells, 'failedChecks');
  return { code: s.agency.code, name: s.agency.name, failed: failedChecks.length, unresolved: unresolvedCount(plan, failedChecks), checks: failedCheckRefs(plan, failedChecks) };
}

/**
 * The comparison report as the formatters read it: everything but the agency rows, the over-claims and the agencies
 * with failed checks is built (`head`, where those three lists are empty); they are made on demand from the
 * summaries, so a 100,000-agency batch never holds all rows, or their JSON, at once. `materialiseReport` turns a view
 * into the plain CompareReport.
 */
export interface CompareView {
  head: CompareReport;
  /** Number of agency rows. */
  size: number;
  /** Row `i` in agency-code order (the order of CompareReport.agencies). */
  row(i: number): AgencyRow;
  /** Row indices in table order: normalised rank, then final rank, then agency code. */
  tableOrder(): number[];
  /** Over-claiming agencies (CompareReport.overClaims), made on demand in their order. */
  overClaimCount: number;
  overClaim(k: number): OverClaimAgency;
  /** Agencies with failed checks (CompareReport.checkFailures; `head.checkFailures` is empty), made on demand in their order. */
  checkFailureCount: number;
  checkFailure(k: number): CheckFailureAgency;
}

function tableOrderOf(size: number, key: (i: number) => { normalized: number; final: number; code: string }): number[] {
  const keys = Array.from({ length: size }, (_, i) => {
    const r = key(i);
    return { i, n: r.normalized, f: r.final, code: r.code };
  });
  keys.sort((a, b) => a.n - b.n || a.f - b.f || compareCodes(a.code, b.code));
  return keys.map((k) => k.i);
}

/** Build the comparison as a view over the agency summaries. */
export function buildCompareView(input: BuildCompareInput): CompareView {
  const { compiled, plan } = input;
  const agencies = [...input.agencies].sort((a, b) => compareCodes(a.agency.code, b.agency.code));
  const rankFinal = competitionRanks(agencies.map((a) => a.totals.final));
  const rankNorm = competitionRanks(agencies.map((a) => a.totals.normalized));
  const row = (i: number): AgencyRow => {
    const a = agencies[i]!;
    const cells = unpackCells(a.cells);
    return {
      code: a.agency.code,
      name: a.agency.name,
      ...(a.agency.shortName !== undefined ? { shortName: a.agency.shortName } : {}),
      ...(a.agency.class !== undefined ? { class: a.agency.class } : {}),
      year: a.year,
      file: a.file,
      evidenceHash: a.hash,
      totals: a.totals,
      claimDifference: a.totals.claimed === null ? null : exactSum([a.totals.claimed, -a.totals.final], plan.precision),
      rank: { final: rankFinal[i]!, normalized: rankNorm[i]! },
      sections: sectionCells(plan, cells),
      veto: a.veto,
      overClaimItems: cells.overClaims.length / 4,
      missingEvidence: a.missingEvidence,
      warnings: a.warnings,
      failedChecks: failedCheckRefs(plan, cells.failedChecks),
      status: a.status,
      pending: a.pending,
    };
  };
  const checkInfo = checkTables(compiled, plan, agencies);
  const head: CompareReport = {
    schemaVersion: COMPARE_SCHEMA_VERSION,
    kind: 'zwgk-compare',
    engine: { name: 'zwgk-score', version: ENGINE_VERSION },
    rubric: rubricHeader(compiled, { levels: false }),
    ranking: {
      rule: RANKING_RULE,
      description: RANKING_DESCRIPTION,
      bases: [
        { key: 'final', label: '总分', description: '本单位的最终得分(基础分 + 加分 − 扣分),满分以各单位适用满分为准' },
        { key: 'normalized', label: '百分制', description: '总分 ÷ 本单位适用满分 × 100;不同类别、有不适用项的单位据此公平比较' },
      ],
      orderedBy: 'normalized',
    },
    counts: { files: input.files, scored: agencies.length, leftOut: input.leftOut.length, skippedRubricFiles: input.skipped.length, provisional: agencies.filter((a) => a.status === 'provisional').length },
    sections: plan.sections,
    agencies: [],
    gradeDistribution: gradeDistribution(compiled, agencies),
    weakSpots: weakSpots(plan, agencies),
    overClaims: [],
    checks: checkInfo.checks,
    checkFailures: [],
    rankCriteria: input.rankInfo,
    baseline: input.baseline,
    leftOut: input.leftOut,
    skipped: input.skipped,
  };
  let order: number[] | null = null;
  const claims = overClaimOrder(agencies, plan.precision);
  return {
    head,
    size: agencies.length,
    row,
    tableOrder: () => (order ??= tableOrderOf(agencies.length, (i) => ({ normalized: rankNorm[i]!, final: rankFinal[i]!, code: agencies[i]!.agency.code }))),
    overClaimCount: claims.length,
    overClaim: (k) => overClaimOf(plan, agencies[claims[k]!]!),
    checkFailureCount: checkInfo.failureOrder.length,
    checkFailure: (k) => checkFailureOf(plan, agencies[checkInfo.failureOrder[k]!]!),
  };
}

/** A view over an already materialised report (formatters accept either). */
export function viewOfReport(report: CompareReport): CompareView {
  const rows = report.agencies;
  let order: number[] | null = null;
  return {
    head: { ...report, agencies: [], overClaims: [], checkFailures: [] },
    size: rows.length,
    row: (i) => rows[i]!,
    tableOrder: () => (order ??= tableOrderOf(rows.length, (i) => ({ ...rows[i]!.rank, code: rows[i]!.code }))),
    overClaimCount: report.overClaims.length,
    overClaim: (k) => report.overClaims[k]!,
    checkFailureCount: report.checkFailures.length,
    checkFailure: (k) => report.checkFailures[k]!,
  };
}

/** The plain CompareReport of a view (every row in memory). */
export function materialiseReport(view: CompareView): CompareReport {
  return {
    ...view.head,
    agencies: Array.from({ length: view.size }, (_, i) => view.row(i)),
    overClaims: Array.from({ length: view.overClaimCount }, (_, k) => view.overClaim(k)),
    checkFailures: Array.from({ length: view.checkFailureCount }, (_, k) => view.checkFailure(k)),
  };
}

/** Build the comparison report (every row in memory). */
export function buildCompareReport(input: BuildCompareInput): CompareReport {
  return materialiseReport(buildCompareView(input));
}
