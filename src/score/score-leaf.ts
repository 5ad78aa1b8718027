// Score one leaf criterion by its method. `start` is the node's points, or lower when a ceilingIf holds (M12).
import type { RubricNode } from '../schema/rubric-schema.js';
import type { Dec } from './decimal.js';
import { differenceNumber } from './scaled.js';
import type { LeafResult, ScoreContext } from './context.js';
import { scoreBinary, scoreClauses, scoreLevels } from './methods/conditional.js';
import { scoreDeduct } from './methods/deduct.js';
import { scoreJudgement } from './methods/judgement.js';
import { scoreExternal, scoreLinear, scorePercent, scorePerOccurrence, scoreStepped, scoreWeighted } from './methods/numeric.js';
import { scoreRank } from './methods/rank.js';
import { externalLeafResult } from './external.js';

export function scoreLeaf(node: RubricNode, max: Dec, start: Dec, ctx: ScoreContext): LeafResult {
  const s = node.scoring!;
  let r: LeafResult;
  // A score supplied from outside (the batch's second pass) replaces the method; ceilings below still apply.
  const external = ctx.externalScores?.get(node.id);
  if (external) r = externalLeafResult(external, max);
  else switch (s.method) {
    case 'deduct':
      return scoreDeduct(node, s, max, start, ctx);
    case 'binary':
      r = scoreBinary(node, s, max, ctx);
      break;
    case 'clauses':
      r = scoreClauses(node, s, max, ctx);
      break;
    case 'levels':
      r = scoreLevels(node, s, max, ctx);
      break;
    case 'linear':
      r = scoreLinear(node, s, max, ctx);
      break;
    case 'percent':
      r = scorePercent(node, s, max, ctx);
      break;
    case 'external':
      r = scoreExternal(node, s, max, ctx);
      break;
    case 'weighted':
      r = scoreWeighted(node, s, max, ctx);
      break;
    case 'perOccurrence':
      r = scorePerOccurrence(node, s, max, ctx);
      break;
    case 'stepped':
      r = scoreStepped(node, s, max, ctx);
      break;
    case 'judgement':
      r = scoreJudgement(node, s, max, ctx);
      break;
    case 'rank':
      r = scoreRank(node, s, max, ctx);
      break;
  }
  if (r.score.gt(start)) {
    r.reasons.push({ kind: 'ceilingIf', text: `本项不高于 ${start} 分`, points: differenceNumber(start, r.score) });
    r.score = start;
  }
  return r;
}
