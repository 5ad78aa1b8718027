// The score report: the versioned public contract every formatter, renderer and batch tool consumes.
// Bump SCHEMA_VERSION's major on any breaking change; the README documents every field.
import type { Diagnostic } from '../diagnostics/diagnostic.js';

// 1.1.0 (additive): the office's review (status, pending, review, corrections, per-node voices) and checks[].
export const SCHEMA_VERSION = '1.1.0';

export type NodeStatus =
  | 'met'
  | 'partial'
  | 'unmet'
  | 'deducted'
  | 'vetoed'
  | 'not_applicable'
  | 'manual'
  | 'missing_evidence'
  | 'error';

export type NodeKind = 'score' | 'bonus' | 'penalty';

/** One leaf condition as json-rules-engine evaluated it. */
export interface ConditionReason {
  fact: string;
  /** Chinese label of the fact (from the catalogue). */
  label: string;
  unit?: string;
  /** Where the figure comes from (e.g. 附件2 第63行). */
  source?: string;
  operator: string;
  /** The value seen in the evidence (null when missing). */
  actual: unknown;
  /** The value required. */
  expected: unknown;
  result: boolean;
  /** Readable Chinese sentence, e.g. "举办各类培训班(附件2第63行)= 1 次,要求 ≥ 1:满足". */
  text: string;
}

/** Why a node got its score: one entry per rule site (the criterion itself, a clause, a level, a deduction…). */
export interface Reason {
  /** binary | clause | level | deduction | zeroIf | ceilingIf | eligibility | veto | value | judgement | notApplicable | missing | error */
  kind: string;
  /** Short Chinese summary of this reason. */
  text: string;
  /** Points this reason added (+) or removed (−) relative to the node's maximum; 0 if informational. */
  points?: number;
  /** Whether the rule site's condition held. */
  result?: boolean;
  conditions?: ConditionReason[];
}

export interface Deduction {
  id: string;
  /** 失分原因 */
  reason: string;
  amount: number;
  /** For per-occurrence deductions: how many occurrences and the unit amount. */
  count?: number;
  each?: number;
  /** False when an exclusive overlap or the cap left this deduction out. */
  applied: boolean;
  /** Under `overlap: exclusive`, for a rule counting list elements: the 1-based positions this rule charged. */
  occurrences?: number[];
}

/** The outcome of one declared consistency check (勾稽关系): `not_assessable` when a fact it reads is blank. */
export type CheckOutcome = 'pass' | 'fail' | 'not_assessable';

/** One fact a check read, with the value seen (null when blank: a blank is never read as 0). */
export interface CheckValue {
  fact: string;
  label: string;
  unit?: string;
  source?: string;
  value: unknown;
}

/** One declared check evaluated against this agency's facts. */
export interface CheckResult {
  id: string;
  severity: 'error' | 'warning';
  /** The rubric's message for this check. */
  message: string;
  /** sumEquals | equal | lessOrEqual | greaterOrEqual | implies */
  kind: string;
  source?: string;
  outcome: CheckOutcome;
  /** Every fact the check reads, in reading order. */
  values: CheckValue[];
  /** Readable Chinese sentence: what was compared and what came out. */
  text: string;
  /** The office's resolution of a failed check (from the review file), when given. */
  resolution?: { resolution: string; reason: string; by: string; date?: string };
}

export interface CitationOut {
  title: string;
  docNumber?: string;
  url?: string;
  date?: string;
  note?: string;
}

/** One ruling of the office's review file on a node. */
export interface RulingOut {
  kind: 'judgement' | 'override' | 'notApplicable';
  /** The review key: a node id, or `<node>#<deduction>` for a judged deduction. */
  key: string;
  /** The judged or overriding score (judgement, override). */
  score?: number;
  /** The decision on a not-applicable request. */
  decision?: 'accepted' | 'rejected';
  reason: string;
  by: string;
  date: string;
}

/**
 * The four voices on one node: what the agency claimed, what the engine computed from the evidence (with the office's
 * fact corrections), what the office ruled here, and the final score (= `score`).
 */
export interface NodeVoices {
  /** 自评分, null when not claimed. */
  claimed: number | null;
  /** The engine's score before any override of this node; null for a judged item (the engine computes nothing). */
  computed: number | null;
  /** The office's rulings on this node, or null when it ruled nothing here. `score` is null when not applicable. */
  reviewed: null | { score: number | null; rulings: RulingOut[] };
  /** 核定分: the score that counts (same as the node's `score`). */
  final: number;
}

/** A fact whose value the office corrected: the engine scored with `corrected`, the agency gave `original`. */
export interface CorrectionOut {
  fact: string;
  label: string;
  unit?: string;
  source?: string;
  original: unknown;
  corrected: unknown;
  reason: string;
  by: string;
  date: string;
  /** Nodes whose scoring reads the fact. */
  nodes: string[];
}

/** Something the result still waits for; while any is listed the result is provisional. */
export interface PendingItem {
  /** judgement: an item or deduction without a ruling; notApplicable: an undecided request; check: a failed error check. */
  kind: 'judgement' | 'notApplicable' | 'check';
  /** Review key that settles it: node id, `<node>#<deduction>`, or check id. */
  id: string;
  /** The node concerned (null for a check). */
  node: string | null;
  title: string;
  /** Why it is pending, in Chinese. */
  why: string;
}

export type ReportStatus = 'provisional' | 'final';

export interface JudgementOut {
  score: number;
  reason: string;
  by: string;
  date?: string;
}

export interface ReportNode {
  id: string;
  parent: string | null;
  /** 0 for top-level sections. */
  depth: number;
  kind: NodeKind;
  title: string;
  description?: string;
  note?: string;
  /** Scoring method of a leaf, or "sum" for an inner node. */
  method: string;
  /** Points of the node in the rubric (after weights). */
  max: number;
  /** Maximum this agency could reach after not-applicable handling. */
  applicableMax: number;
  score: number;
  status: NodeStatus;
  /** The agency's claim (自评分), present only when claimed. */
  claimed?: number;
  /** claimed − score, present only when claimed. */
  difference?: number;
  /** max − score for score nodes (points lost), 0 for bonus/penalty. */
  lost: number;
  reasons: Reason[];
  deductions: Deduction[];
  evidence: CitationOut[];
  /** Facts this node needed that the evidence lacks. */
  missingFacts: string[];
  judgement?: JudgementOut;
  /** 整改情况 supplied with the evidence. */
  remediation?: string;
  children: string[];
  /** Claimed, computed, reviewed and final score of this node. */
  voices: NodeVoices;
  /** Corrected facts this node reads (original and corrected values), present only when there are any. */
  corrected?: Array<{ fact: string; original: unknown; corrected: unknown }>;
}

export interface Totals {
  /** Score part, capped to [0, max] (never more than the applicable maximum). */
  base: number;
  bonus: number;
  penalty: number;
  /** base + bonus − penalty (floored at the rubric's finalFloor), or the veto's fixed score. */
  final: number;
  /** The rubric's total (usually 100). */
  max: number;
  /** What this agency could reach after not-applicable handling. */
  applicableMax: number;
  /** final × 100 / applicableMax: a 100-scale score comparable across agencies with different applicable maxima. */
  normalized: number;
  grade: string;
  /** Sum of the claims on top-level nodes where given, else of the deepest claims; null if nothing was claimed. */
  claimed: number | null;
}

export interface ScoreReport {
  schemaVersion: string;
  engine: { name: 'zwgk-score'; version: string };
  rubric: { id: string; title: string; version: string; hash: string; total: number; precision: number; year?: number; issuer?: string; levels: string[] };
  agency: { name: string; shortName?: string; code: string; class?: string };
  period: { year: number; label?: string };
  evidence: { hash: string; file?: string; preparedBy?: string; reviewedBy?: string; date?: string };
  totals: Totals;
  /** The assessment-level veto that fired, with the conditions that fired it, or null. */
  veto: null | {
    id: string;
    title: string;
    reason: string;
    target: string;
    score: number | null;
    grade: string | null;
    conditions: ConditionReason[];
    /** The final score had no veto fired (the same facts and rulings scored without any veto). */
    finalWithoutVeto: number;
    /** Points the veto took: finalWithoutVeto − final (never below 0). */
    stake: number;
  };
  /** Every node of the tree, in document order. */
  nodes: ReportNode[];
  /** Nodes whose claim exceeds the computed score, largest excess first. */
  overClaims: Array<{ id: string; title: string; claimed: number; score: number; difference: number }>;
  /** Leaf criteria scored 0 because evidence was missing. */
  missingEvidence: Array<{ id: string; title: string; facts: string[] }>;
  /** Every consistency check the rubric declares (勾稽关系), in rubric order, with the values seen. */
  checks: CheckResult[];
  /** `final` when the office has ruled on everything the result depends on; else `provisional` (see `pending`). */
  status: ReportStatus;
  /** What the result still waits for (empty when final). */
  pending: PendingItem[];
  /** The office's review file the result includes, or null. */
  review: null | { hash: string; file?: string; agencyCode: string };
  /** Facts the office corrected. */
  corrections: CorrectionOut[];
  /** Warnings about the evidence that did not stop scoring. */
  diagnostics: Diagnostic[];
}
