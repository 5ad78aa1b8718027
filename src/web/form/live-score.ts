// The live score of a draft: score report → what the evidence page updates in place after each save — every
// item's computed score, status, claim difference, why it loses points and how to earn them back (the engine's own
// explanations, never recomputed), the section subtotals, the total and grade, and the field errors.
// Serialised as JSON for the page script; the same object fills the server-rendered page.
import type { CompiledRubric } from '../../compile/compile-rubric.js';
import { STATUS_TEXT } from '../../formatters/labels.js';
import type { ReportNode, ScoreReport } from '../../report/score-report.js';
import { claimDifference, formatNumber, formatSigned } from '../../render/numbers.js';
import { fixActions, lossReasonTexts } from '../../render/reason-lines.js';
import { sourceOfReport } from '../../render/sheet-source.js';
import { SheetIndex } from '../../render/view-model.js';
import { fieldId, type FieldErrors } from './form-fields.js';
import { formRows } from './form-rows.js';

export interface ItemScoreView {
  id: string;
  scoreText: string;
  statusText: string;
  statusClass: string;
  claimedText: string;
  /** claimed − computed ("+2"), '' when equal or unclaimed. */
  differenceText: string;
  differenceClass: '' | 'over' | 'under';
  /** Why it loses points (the engine's reasons for the item and everything under it). */
  reasons: string[];
  /** How to earn the lost points back. */
  fixes: string[];
  /** Awaits the office's judgement (人工评审): the score is provisional. */
  pending: boolean;
}

export interface SectionScoreView {
  id: string;
  scoreText: string;
  applicableMaxText: string;
  claimedText: string;
  statusText: string;
  statusClass: string;
}

export interface LiveScore {
  totals: {
    finalText: string;
    maxText: string;
    grade: string;
    baseText: string;
    bonusText: string;
    penaltyText: string;
    applicableMaxText: string;
    claimedText: string;
    /** "总分 56 / 100,等次:不合格" for screen readers (aria-live). */
    summary: string;
  };
  sections: SectionScoreView[];
  items: ItemScoreView[];
  /** Items scored 0 for lack of a fact: shown before submission. */
  missing: Array<{ id: string; title: string; facts: string }>;
  /** Items claimed above their computed score: shown before submission. */
  overClaims: Array<{ id: string; title: string; claimedText: string; scoreText: string; differenceText: string }>;
  pendingCount: number;
  /** Field errors keyed by the element id of their control. */
  errors: Array<{ inputId: string; message: string }>;
}

export function emptyItemScore(id: string): ItemScoreView {
  return { id, scoreText: '', statusText: '', statusClass: '', claimedText: '', differenceText: '', differenceClass: '', reasons: [], fixes: [], pending: false };
}

const LOST_STATUSES = new Set(['unmet', 'partial', 'deducted', 'missing_evidence', 'error', 'vetoed']);

/**
 * Build the live score of a report.
 * @param errors field errors of the same save (their messages go to the page next to their fields)
 */
export function buildLiveScore(compiled: CompiledRubric, report: ScoreReport, errors: FieldErrors = {}): LiveScore {
  const p = report.rubric.precision;
  const ix = new SheetIndex(sourceOfReport(report));
  const { rowOf } = formRows(compiled);
  // The engine's own list of what the result waits for (judgements, n/a requests); older reports: manual leaves.
  const pendingList = (report as { pending?: Array<{ node: string | null }> }).pending;
  const pendingNodes = Array.isArray(pendingList) ? new Set(pendingList.map((x) => x.node).filter((x): x is string => x !== null)) : null;
  const under = (row: ReportNode): ReportNode[] => report.nodes.filter((n) => n.id !== row.id && rowOf.get(n.id) === row.id);
  const items: ItemScoreView[] = [];
  for (const n of report.nodes) {
    if (rowOf.get(n.id) !== n.id) continue;
    const below = under(n);
    const claimed = ix.claimed(n);
    const difference = claimed === null ? null : n.difference !== undefined ? n.difference : claimDifference(claimed, n.score, p);
    const leaves = [n, ...below].filter((x) => x.children.length === 0);
    const losing = leaves.filter((x) => LOST_STATUSES.has(x.status) || (x.kind === 'score' && x.lost > 0 && x.status !== 'manual'));
    items.push({
      id: n.id,
      scoreText: formatNumber(n.score, p),
      statusText: STATUS_TEXT[n.status],
      statusClass: n.status,
      claimedText: formatNumber(claimed, p),
      differenceText: formatSigned(difference, p),
      differenceClass: difference === null || difference === 0 ? '' : difference > 0 ? 'over' : 'under',
      reasons: [...new Set([n, ...below].flatMap(lossReasonTexts))],
      fixes: [...new Set(losing.flatMap((x) => fixActions(x, p)))],
      pending: pendingNodes ? [n, ...below].some((x) => pendingNodes.has(x.id)) : [n, ...below].some((x) => x.status === 'manual' && x.children.length === 0),
    });
  }
  const sections = report.nodes
    .filter((n) => n.parent === null)
    .map((n) => ({
      id: n.id,
      scoreText: formatNumber(n.score, p),
      applicableMaxText: formatNumber(n.applicableMax, p),
      claimedText: formatNumber(ix.claimed(n), p),
      statusText: STATUS_TEXT[n.status],
      statusClass: n.status,
    }));
  const t = report.totals;
  const finalText = formatNumber(t.final, p);
  const maxText = formatNumber(t.max, p);
  return {
    totals: {
      finalText,
      maxText,
      grade: t.grade,
      baseText: formatNumber(t.base, p),
      bonusText: formatNumber(t.bonus, p),
      penaltyText: formatNumber(t.penalty, p),
      applicableMaxText: formatNumber(t.applicableMax, p),
      claimedText: formatNumber(t.claimed, p),
      summary: `总分 ${finalText} / ${maxText}，等次：${t.grade}`,
    },
    sections,
    items,
    missing: report.missingEvidence.map((m) => ({
      id: m.id,
      title: m.title,
      facts: m.facts.map((f) => compiled.rubric.facts[f]?.label ?? f).join('、'),
    })),
    overClaims: report.overClaims.map((o) => ({
      id: o.id,
      title: o.title,
      claimedText: formatNumber(o.claimed, p),
      scoreText: formatNumber(o.score, p),
      differenceText: formatSigned(o.difference, p),
    })),
    pendingCount: items.filter((i) => i.pending).length,
    errors: Object.entries(errors).map(([name, message]) => ({ inputId: fieldId(name), message })),
  };
}
