// What the view-model builders read: the score report, or the report-like skeleton of a rubric for the blank form
// (blank-report.ts). Score fields are optional so the blank form can leave them out; a real report always has them.
import type { ReportNode, ScoreReport, Totals } from '../report/score-report.js';

type Structural = 'id' | 'parent' | 'depth' | 'kind' | 'title' | 'description' | 'note' | 'max' | 'children';
type Scored =
  | 'applicableMax'
  | 'score'
  | 'status'
  | 'claimed'
  | 'difference'
  | 'lost'
  | 'reasons'
  | 'deductions'
  | 'evidence'
  | 'missingFacts'
  | 'judgement'
  | 'remediation'
  | 'voices';

/** A report node, or a rubric node without any score (blank form). */
export type SourceNode = Pick<ReportNode, Structural> & Partial<Pick<ReportNode, Scored>>;

export interface SheetSource {
  /** True for the blank form: no agency, no scores, every score cell left empty. */
  blank: boolean;
  schemaVersion: string;
  engine: ScoreReport['engine'];
  rubric: ScoreReport['rubric'];
  agency: ScoreReport['agency'] | null;
  period: ScoreReport['period'] | null;
  evidence: ScoreReport['evidence'] | null;
  totals: Totals | null;
  veto: ScoreReport['veto'];
  /** Every node in document order. */
  nodes: SourceNode[];
  overClaims: ScoreReport['overClaims'];
  missingEvidence: ScoreReport['missingEvidence'];
  /** The declared consistency checks as evaluated (absent on the blank form). */
  checks?: ScoreReport['checks'];
  /** Provisional or final and what is pending (absent on the blank form and in reports before 1.1.0). */
  status?: ScoreReport['status'];
  pending?: ScoreReport['pending'];
  /** The review file the result includes (absent on the blank form and before 1.1.0). */
  review?: ScoreReport['review'];
}

/** The score report as a sheet source (no copy, no change). */
export function sourceOfReport(report: ScoreReport): SheetSource {
  return {
    blank: false,
    schemaVersion: report.schemaVersion,
    engine: report.engine,
    rubric: report.rubric,
    agency: report.agency,
    period: report.period,
    evidence: report.evidence,
    totals: report.totals,
    veto: report.veto,
    nodes: report.nodes,
    overClaims: report.overClaims,
    missingEvidence: report.missingEvidence,
    checks: report.checks,
    ...(report.status !== undefined ? { status: report.status, pending: report.pending ?? [] } : {}),
    ...(report.review ? { review: report.review } : {}),
  };
}

/** Options shared by every view (set from the CLI's --landscape etc.). */
export interface ViewOptions {
  orientation?: 'portrait' | 'landscape';
  /** Show the 整改情况 column even when no item has remediation text. */
  remediation?: boolean;
  /** Replace the default title ("<细则标题>自查评分表"). */
  title?: string;
  /** 附件 label above the title (`--attachment-label 附件1`). */
  attachmentLabel?: string;
}
