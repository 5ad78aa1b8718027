// The score report: the versioned public contract every formatter, renderer and batch tool consumes.
// Bump SCHEMA_VERSION's major on any breaking change; the README documents every field.
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export const SCHEMA_VERSION = '1.0.0';

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
}

export interface CitationOut {
  title: string;
  docNumber?: string;
  url?: string;
  date?: string;
  note?: string;
}

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
  veto: null | { id: string; title: string; reason: string; target: string; score: number | null; grade: string | null; conditions: ConditionReason[] };
  /** Every node of the tree, in document order. */
  nodes: ReportNode[];
  /** Nodes whose claim exceeds the computed score, largest excess first. */
  overClaims: Array<{ id: string; title: string; claimed: number; score: number; difference: number }>;
  /** Leaf criteria scored 0 because evidence was missing. */
  missingEvidence: Array<{ id: string; title: string; facts: string[] }>;
  /** Warnings about the evidence that did not stop scoring. */
  diagnostics: Diagnostic[];
}
