// Externally supplied leaf scores: a second pass (the batch's rank-relative criteria, M27; the baseline split) can
// rescore an agency with some leaves fixed from outside, through ScoreOptions.externalScores, instead of patching
// totals by hand. The aggregation above the leaf (caps, floors, not-applicable policies, totals) runs as usual.
import type { NodeStatus, Reason } from '../report/score-report.js';
import { dec, type Dec } from './decimal.js';
import { differenceNumber } from './scaled.js';
import type { LeafResult } from './context.js';
import { statusFromScore } from './methods/status.js';

/** One leaf's score decided outside the single-agency pipeline, with the reason shown in the report. */
export interface ExternalScore {
  /** Points (exact decimal string or number), clamped to [0, the leaf's points]. */
  score: number | string;
  /** Status to report; default met/partial/unmet from the score. */
  status?: NodeStatus;
  /** Reason kind (default "external"), e.g. "rank". */
  kind?: string;
  /** Chinese explanation, e.g. "在 12 个单位中排第 3 名…". */
  reason: string;
}

/** The LeafResult of an externally scored leaf. */
export function externalLeafResult(ext: ExternalScore, max: Dec): LeafResult {
  let score = dec(ext.score);
  if (score.gt(max)) score = max;
  if (score.lt(0)) score = dec(0);
  const reason: Reason = { kind: ext.kind ?? 'external', text: ext.reason, points: differenceNumber(score, max) };
  return { score, status: ext.status ?? statusFromScore(score, max), reasons: [reason], deductions: [], missingFacts: [] };
}
