// The comparison report (`zwgk compare --format json`): the versioned public contract every batch formatter
// (text, CSV, HTML, xlsx) consumes. Bump COMPARE_SCHEMA_VERSION's major on any breaking change; the README's
// "多单位比较" section documents every field. Agencies are sorted by agency code; no timestamps, so the same input
// always gives the same bytes.
import type { Totals } from '../report/score-report.js';

export const COMPARE_SCHEMA_VERSION = '1.1.0';

/** Competition ranking ("1224"): tied agencies share a rank, the next rank skips as many places as were tied. */
export const RANKING_RULE = 'competition' as const;

export interface RankBasisInfo {
  key: 'final' | 'normalized';
  /** Chinese label, e.g. 总分 / 百分制得分. */
  label: string;
  /** How the value is computed, in Chinese. */
  description: string;
}

export interface SectionColumn {
  id: string;
  title: string;
  kind: 'score' | 'bonus' | 'penalty';
  /** Points of the section in the rubric. */
  max: number;
  children: Array<{ id: string; title: string; max: number }>;
}

export interface NodeCell {
  id: string;
  score: number;
  /** What this agency could reach here (0 when not applicable). */
  applicableMax: number;
  notApplicable: boolean;
  /** The node is, or holds, an item waiting for the office (judgement, not-applicable request): pending, not a loss. */
  pending: boolean;
}

export interface SectionCell extends NodeCell {
  children: NodeCell[];
}

export interface AgencyRow {
  code: string;
  name: string;
  shortName?: string;
  class?: string;
  year: number;
  /** Evidence file as given on the command line (forward slashes). */
  file: string;
  evidenceHash: string;
  totals: Totals;
  /** claimed − final when the agency claimed a total; positive = claimed more than its evidence supports. */
  claimDifference: number | null;
  /** Competition ranks on both bases (1 = best). */
  rank: { final: number; normalized: number };
  /** Sections (top-level nodes) in rubric order, bonus and penalty sections included. */
  sections: SectionCell[];
  veto: { id: string; title: string } | null;
  /** Number of criteria whose claim exceeds the computed score. */
  overClaimItems: number;
  /** Number of criteria scored 0 for missing evidence. */
  missingEvidence: number;
  /** Warnings about the evidence that did not stop scoring. */
  warnings: number;
  /** Failed consistency checks (勾稽关系) of this agency, in rubric order (ids as in CompareReport.checks). */
  failedChecks: FailedCheckRef[];
  /** `provisional` while the office has not ruled on everything (ranked, but marked); `final` otherwise. */
  status: 'provisional' | 'final';
  /** Number of items still waiting for the office (report.pending). */
  pending: number;
}

/** A failed check of one agency: its id, severity and whether the office resolved it in its review. */
export interface FailedCheckRef {
  id: string;
  severity: 'error' | 'warning';
  resolved: boolean;
}

/** A check the rubric declares (勾稽关系), with how many agencies failed it. */
export interface CheckInfo {
  id: string;
  message: string;
  severity: 'error' | 'warning';
  source?: string;
  /** Agencies that failed this check. */
  agenciesFailed: number;
}

/** An agency with failed checks: count and list (the agency table carries the same list per row). */
export interface CheckFailureAgency {
  code: string;
  name: string;
  /** Failed checks, and of them the error-level ones the office has not resolved (they keep the result provisional). */
  failed: number;
  unresolved: number;
  checks: FailedCheckRef[];
}

export interface GradeCount {
  grade: string;
  count: number;
  /** count ÷ agencies scored, rounded to 4 decimals. */
  share: number;
}

/** A leaf criterion across the county: how many agencies lost points there and how many points in all. */
export interface WeakSpot {
  id: string;
  title: string;
  sectionId: string;
  sectionTitle: string;
  max: number;
  /** Agencies that lost points on this criterion. */
  agenciesLost: number;
  /** Agencies assessed on it (not "not applicable"). */
  agenciesAssessed: number;
  totalLost: number;
  averageLost: number;
}

export interface OverClaimItem {
  id: string;
  title: string;
  claimed: number;
  score: number;
  difference: number;
}

export interface OverClaimAgency {
  code: string;
  name: string;
  /** Claimed total (自评总分) and the computed final score. */
  claimed: number | null;
  final: number;
  /** claimed − final (null when no total was claimed). */
  difference: number | null;
  /** Criteria whose claim exceeds the computed score, largest excess first. */
  items: OverClaimItem[];
}

export interface RankCriterionInfo {
  id: string;
  title: string;
  max: number;
  basis: { fact: string; label: string } | { node: string; label: string };
  order: 'desc' | 'asc';
  among: 'all' | 'class';
  /** The scheme in Chinese, e.g. "第1–5名依次得 60、57、54、51、48 分;其余 0 分". */
  scheme: string;
  /** Agencies ranked (basis known, item applicable). */
  ranked: number;
}

/**
 * aborted: scoring the file exhausted its worker's memory or time (RESOURCE_LIMIT / TIMEOUT); the batch went on.
 * register: the agency register (--register) does not list the code, or names another file or class for it.
 */
export type LeftOutReason = 'unreadable' | 'invalid' | 'duplicate' | 'wrongRubric' | 'aborted' | 'register';

export interface LeftOutMessage {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line?: number;
  column?: number;
  path?: string;
  hint?: string;
}

/** A file that was not scored, and why (file, line, field). */
export interface LeftOutFile {
  file: string;
  reason: LeftOutReason;
  /** Agency code, when the file could be read far enough to know it. */
  code?: string;
  /** For a file the register rejected: the registered file that was scored instead (when there was one). */
  keptFile?: string;
  messages: LeftOutMessage[];
}

export interface NotComparableCriterion {
  id: string;
  title: string;
  /** Why last year's facts cannot score it under this year's rubric, in Chinese. */
  reason: string;
}

/** One agency's change since the baseline year, split into the rubric's part and the work's part. */
export interface BaselineRow {
  code: string;
  name: string;
  /** Last year's final score under last year's rubric. */
  previous: number;
  /** Last year's facts re-scored under this year's rubric (criteria that cannot be re-scored count 0). */
  rescored: number;
  /** This year's final score. */
  current: number;
  /** current − previous = rubricChange + notComparableChange + workChange. */
  change: number;
  /** rescored − previous: what the rubric change alone did to last year's facts. */
  rubricChange: number;
  /** Points of the not-comparable criteria (this year's scores substituted into the re-scored baseline). */
  notComparableChange: number;
  /** current − (re-scored baseline with the not-comparable criteria at this year's score): the agency's work. */
  workChange: number;
  /** Facts of last year's evidence unknown to this year's rubric (or no longer fitting its type), dropped. */
  droppedFacts: string[];
  notComparable: NotComparableCriterion[];
  previousFile: string;
}

export interface BaselineSection {
  rubric: { id: string; title: string; version: string; hash: string };
  agencies: BaselineRow[];
  /** Agencies in the baseline only (no evidence this year). */
  onlyInBaseline: Array<{ code: string; name: string; file: string }>;
  /** Agencies this year without a baseline. */
  onlyInCurrent: Array<{ code: string; name: string }>;
  leftOut: LeftOutFile[];
}

export interface CompareReport {
  schemaVersion: string;
  kind: 'zwgk-compare';
  engine: { name: 'zwgk-score'; version: string };
  rubric: { id: string; title: string; version: string; hash: string; total: number; precision: number; year?: number; issuer?: string };
  ranking: {
    rule: typeof RANKING_RULE;
    /** The rule in Chinese (并列名次相同,其后名次顺延,如 1、1、3). */
    description: string;
    bases: RankBasisInfo[];
    /** Basis the tables are ordered by. */
    orderedBy: 'normalized';
  };
  /** `provisional`: agencies whose result is still provisional (ranked and marked). */
  counts: { files: number; scored: number; leftOut: number; skippedRubricFiles: number; provisional: number };
  sections: SectionColumn[];
  /** Every scored agency, sorted by agency code. */
  agencies: AgencyRow[];
  gradeDistribution: GradeCount[];
  /** Leaf criteria where agencies lost points, most points lost first. */
  weakSpots: WeakSpot[];
  /** Agencies that claimed more than their evidence supports, largest excess first. */
  overClaims: OverClaimAgency[];
  /** Every check the rubric declares, in rubric order, with how many agencies failed it. */
  checks: CheckInfo[];
  /** Agencies with failed checks: most unresolved first, then most failed, then by agency code. */
  checkFailures: CheckFailureAgency[];
  rankCriteria: RankCriterionInfo[];
  baseline: BaselineSection | null;
  /** Files not scored (reported with file:line:field), sorted by file. */
  leftOut: LeftOutFile[];
  /** Rubric files found among the inputs and skipped (not an error). */
  skipped: string[];
}
