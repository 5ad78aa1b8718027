// The batch's second pass for rank-relative criteria (M27): from every agency's first-pass basis value, compute
// each agency's rank (competition ranking, among all agencies or within its class) and the points the rubric's
// scheme gives that rank, as external leaf scores for the rescoring pass. Pure.
import type { CompiledRubric } from '../compile/compile-rubric.js';
import type { RankScoring } from '../schema/scoring-schema.js';
import { dec, formatPoints, type Dec } from '../score/decimal.js';
import type { ExternalScore } from '../score/external.js';
import { formatValue } from '../score/explain.js';
import { describeRankScheme } from '../score/methods/rank.js';
import type { AgencySummary } from './agency-summary.js';
import type { PlanRankNode } from './batch-plan.js';
import type { RankCriterionInfo } from './compare-report.js';
import { competitionRanks } from './ranking.js';
import { getOwn } from '../model/own-property.js';

export interface RankScores {
  /** External leaf scores per agency code. */
  externals: Map<string, Array<[string, ExternalScore]>>;
  info: RankCriterionInfo[];
}

/** Points of a rank under a scheme. `value`/`best` feed the proportional scheme. */
export function pointsForRank(spec: RankScoring, max: Dec, rank: number, value: number, best: number): Dec {
  const sc = spec.scheme;
  if ('bands' in sc) {
    let from = 1;
    for (const b of sc.bands) {
      if (rank <= b.upTo) return dec(Array.isArray(b.points) ? b.points[rank - from] ?? sc.otherwise : b.points);
      from = b.upTo + 1;
    }
    return dec(sc.otherwise);
  }
  if (rank === 1) return max;
  if (sc.upTo !== undefined && rank > sc.upTo) return dec(sc.otherwise);
  // desc: value ÷ first's value; asc (smaller is better): first's value ÷ value. Outside [0, 1] → clamped.
  let ratio: Dec;
  if (spec.order === 'desc') ratio = best > 0 ? dec(value).div(best) : dec(0);
  else ratio = value > 0 ? dec(best).div(value) : dec(0);
  if (ratio.lt(0)) ratio = dec(0);
  if (ratio.gt(1)) ratio = dec(1);
  return max.times(ratio);
}

function basisLabel(r: PlanRankNode, compiled: CompiledRubric): { label: string; unit?: string } {
  const b = r.spec.basis;
  if ('fact' in b) {
    const def = getOwn(compiled.rubric.facts, b.fact);
    return { label: def?.label ?? b.fact, ...(def?.unit !== undefined ? { unit: def.unit } : {}) };
  }
  return { label: `"${compiled.model.byId.get(b.node)?.node.title ?? b.node}"得分`, unit: '分' };
}

/** Compute rank points for every agency that the rank criteria apply to. */
export function computeRankScores(rankNodes: readonly PlanRankNode[], compiled: CompiledRubric, agencies: readonly AgencySummary[]): RankScores {
  const externals = new Map<string, Array<[string, ExternalScore]>>();
  const push = (code: string, id: string, e: ExternalScore): void => {
    const list = externals.get(code) ?? [];
    list.push([id, e]);
    externals.set(code, list);
  };
  const info: RankCriterionInfo[] = [];
  const p = compiled.rubric.precision;
  rankNodes.forEach((r, k) => {
    const { label, unit } = basisLabel(r, compiled);
    const max = compiled.model.byId.get(r.id)!.max;
    const scheme = describeRankScheme(r.spec);
    const order = r.spec.order === 'desc' ? '从高到低' : '从低到高';
    const groups = new Map<string, AgencySummary[]>();
    for (const a of agencies) {
      if (!a.rankApplies?.[k]) continue;
      const v = a.rankBasis?.[k];
      if (v === null || v === undefined) {
        push(a.agency.code, r.id, { score: 0, status: 'missing_evidence', kind: 'rank', reason: `缺少排名依据(${label}),不参加排名,按 0 分计` });
        continue;
      }
      const g = r.spec.among === 'class' ? a.agency.class ?? '' : '';
      const list = groups.get(g) ?? [];
      list.push(a);
      groups.set(g, list);
    }
    let ranked = 0;
    for (const [g, list] of groups) {
      const values = list.map((a) => a.rankBasis![k]!);
      const ranks = competitionRanks(values, r.spec.order);
      const best = r.spec.order === 'desc' ? Math.max(...values) : Math.min(...values);
      const tied = new Map<number, number>();
      for (const x of ranks) tied.set(x, (tied.get(x) ?? 0) + 1);
      ranked += list.length;
      const pool = r.spec.among === 'class' ? `${g || '未分类'}类 ${list.length} 个单位` : `${list.length} 个参评单位`;
      list.forEach((a, i) => {
        const rank = ranks[i]!;
        const pts = pointsForRank(r.spec, max, rank, values[i]!, best);
        const tie = (tied.get(rank) ?? 1) > 1 ? `(${tied.get(rank)} 个单位并列)` : '';
        push(a.agency.code, r.id, {
          score: pts.toString(),
          kind: 'rank',
          reason: `按${label}${order}排名:${formatValue(values[i], unit)},在${pool}中排第 ${rank} 名${tie};${scheme};得 ${formatPoints(pts, p)} 分`,
        });
      });
    }
    const b = r.spec.basis;
    info.push({
      id: r.id,
      title: r.title,
      max: r.max,
      basis: 'fact' in b ? { fact: b.fact, label } : { node: b.node, label },
      order: r.spec.order,
      among: r.spec.among,
      scheme,
      ranked,
    });
  });
  return { externals, info };
}
