// Rank-relative criteria (M27) scored alone: the rank depends on every other agency, so a single-agency report
// marks the item `manual` at 0 points. `zwgk compare` computes the ranks after the first pass and rescores the
// agency with the rank points supplied as external scores (src/cohort/rank-criteria.ts).
import type { RubricNode } from '../../schema/rubric-schema.js';
import type { RankScoring } from '../../schema/scoring-schema.js';
import { dec, type Dec } from '../decimal.js';
import { negatedNumber } from '../scaled.js';
import type { LeafResult, ScoreContext } from '../context.js';
import { getOwn } from '../../model/own-property.js';

/** Chinese summary of a rank scheme, e.g. "第1–5名依次得 60、57、54、51、48 分,其余 0 分". */
export function describeRankScheme(s: RankScoring): string {
  const sc = s.scheme;
  if ('bands' in sc) {
    let from = 1;
    const parts = sc.bands.map((b) => {
      const range = b.upTo === from ? `第${from}名` : `第${from}–${b.upTo}名`;
      const pts = Array.isArray(b.points) ? `依次得 ${b.points.join('、')} 分` : `各得 ${b.points} 分`;
      from = b.upTo + 1;
      return `${range}${pts}`;
    });
    return `${parts.join(';')};其余 ${sc.otherwise} 分`;
  }
  const upTo = sc.upTo !== undefined ? `第2–${sc.upTo}名` : '其余名次';
  return `第1名得满分,${upTo}按与第1名的比例得分${sc.upTo !== undefined ? `,其余 ${sc.otherwise} 分` : ''}`;
}

export function scoreRank(_node: RubricNode, s: RankScoring, max: Dec, ctx: ScoreContext): LeafResult {
  const basis = 'fact' in s.basis ? getOwn(ctx.compiled.rubric.facts, s.basis.fact)?.label ?? s.basis.fact : `"${s.basis.node}"得分`;
  const order = s.order === 'desc' ? '从高到低' : '从低到高';
  return {
    score: dec(0),
    status: 'manual',
    reasons: [
      {
        kind: 'rank',
        text: `排名类指标须在批量比较中计分(zwgk compare):按${basis}${order}排名,${describeRankScheme(s)};单独评分时暂按 0 分计`,
        points: negatedNumber(max),
      },
    ],
    deductions: [],
    missingFacts: [],
  };
}
