// Assessor judgement (酌情给分, M7/M22): the score comes from the office's review file (`judgements`), already
// checked to lie within the rubric's bounds and to carry a reason. Without one the item is `manual`, scored 0 until
// judged, and listed as pending (the result is provisional).
import type { RubricNode } from '../../schema/rubric-schema.js';
import type { Scoring } from '../../schema/scoring-schema.js';
import { dec, type Dec } from '../decimal.js';
import { differenceNumber, negatedNumber } from '../scaled.js';
import type { LeafResult, ScoreContext } from '../context.js';

type Judgement = Extract<Scoring, { method: 'judgement' }>;

export function scoreJudgement(node: RubricNode, s: Judgement, max: Dec, ctx: ScoreContext): LeafResult {
  const j = Object.prototype.hasOwnProperty.call(ctx.judgements, node.id) ? ctx.judgements[node.id] : undefined;
  const hi = s.max ?? max.toNumber();
  if (!j) {
    return {
      score: dec(0),
      status: 'manual',
      reasons: [{ kind: 'judgement', text: `待评审:酌情给分 ${s.min}–${hi} 分${s.guidance ? `(${s.guidance})` : ''},尚无评审意见,暂按 0 分计`, points: negatedNumber(max) }],
      deductions: [],
      missingFacts: [],
      pendingJudgements: [node.id],
    };
  }
  const score = dec(j.score);
  return {
    score,
    status: 'manual',
    reasons: [{ kind: 'judgement', text: `${j.by} 酌情评定 ${j.score} 分(范围 ${s.min}–${hi}):${j.reason}`, points: differenceNumber(score, max) }],
    deductions: [],
    missingFacts: [],
    judgement: j,
  };
}
