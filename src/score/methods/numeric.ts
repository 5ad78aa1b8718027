// Value-driven methods: linear/proportional, percent, external (以…为准), weighted sources, per-occurrence, stepped.
import type { RubricNode } from '../../schema/rubric-schema.js';
import type { Scoring } from '../../schema/scoring-schema.js';
import { formatValue } from '../explain.js';
import { clamp, dec, type Dec } from '../decimal.js';
import { differenceNumber } from '../scaled.js';
import type { LeafResult, ScoreContext } from '../context.js';
import { countOccurrences } from '../numbers.js';
import { missingResult, statusFromScore } from './status.js';
import { getOwn } from '../../model/own-property.js';

type Of<M extends Scoring['method']> = Extract<Scoring, { method: M }>;

function factText(ctx: ScoreContext, fact: string): string {
  const def = getOwn(ctx.compiled.rubric.facts, fact);
  return `${def?.label ?? fact}${def?.source ? `(${def.source})` : ''} = ${formatValue(ctx.values.get(fact), def?.unit)}`;
}

function valued(score: Dec, max: Dec, text: string): LeafResult {
  return { score, status: statusFromScore(score, max), reasons: [{ kind: 'value', text, points: differenceNumber(score, max) }], deductions: [], missingFacts: [] };
}

export function scoreLinear(_n: RubricNode, s: Of<'linear'>, max: Dec, ctx: ScoreContext): LeafResult {
  const v = ctx.number(s.fact);
  if (v === null) return missingResult([s.fact], max, ctx.compiled.rubric.facts);
  const x0 = dec(ctx.resolve(s.from.value));
  const x1 = dec(ctx.resolve(s.to.value));
  const p0 = dec(s.from.points);
  const p1 = dec(s.to.points);
  let score: Dec;
  if (x0.eq(x1)) score = dec(v).gte(x1) ? p1 : p0;
  else {
    const t = clamp(dec(v).minus(x0).div(x1.minus(x0)), dec(0), dec(1));
    score = p0.plus(t.times(p1.minus(p0)));
  }
  return valued(clamp(score, dec(0), max), max, `${factText(ctx, s.fact)},按 ${x0}→${p0}分、${x1}→${p1}分 线性计分`);
}

export function scorePercent(_n: RubricNode, s: Of<'percent'>, max: Dec, ctx: ScoreContext): LeafResult {
  const v = ctx.number(s.fact);
  if (v === null) return missingResult([s.fact], max, ctx.compiled.rubric.facts);
  const score = max.times(clamp(dec(v), dec(0), dec(100))).div(100);
  return valued(score, max, `${factText(ctx, s.fact)},按比例得分`);
}

export function scoreExternal(_n: RubricNode, s: Of<'external'>, max: Dec, ctx: ScoreContext): LeafResult {
  const v = ctx.number(s.fact);
  if (v === null) return missingResult([s.fact], max, ctx.compiled.rubric.facts);
  const score = s.scale === 'percent' ? max.times(clamp(dec(v), dec(0), dec(100))).div(100) : clamp(dec(v), dec(0), max);
  return valued(score, max, `${s.authority}:${factText(ctx, s.fact)}`);
}

export function scoreWeighted(_n: RubricNode, s: Of<'weighted'>, max: Dec, ctx: ScoreContext): LeafResult {
  const missing = s.inputs.filter((x) => ctx.number(x.fact) === null).map((x) => x.fact);
  if (missing.length > 0) return missingResult(missing, max, ctx.compiled.rubric.facts);
  let pct = dec(0);
  const parts: string[] = [];
  for (const x of s.inputs) {
    const v = clamp(dec(ctx.number(x.fact)!), dec(0), dec(100));
    pct = pct.plus(v.times(x.weight).div(100));
    parts.push(`${x.label ?? getOwn(ctx.compiled.rubric.facts, x.fact)?.label ?? x.fact} ${v}%×${x.weight}%`);
  }
  return valued(max.times(pct).div(100), max, `加权得分率 ${pct.toDecimalPlaces(4)}%(${parts.join(' + ')})`);
}

export function scorePerOccurrence(_n: RubricNode, s: Of<'perOccurrence'>, max: Dec, ctx: ScoreContext): LeafResult {
  const count = countOccurrences(s.per, ctx.number(s.per.fact), ctx.resolve);
  if (count === null) return missingResult([s.per.fact], max, ctx.compiled.rubric.facts);
  const raw = count.times(s.each);
  let score = raw;
  if (s.max !== undefined && score.gt(s.max)) score = dec(s.max);
  if (score.gt(max)) score = max;
  const capped = score.lt(raw) ? `,封顶 ${score} 分` : '';
  return valued(score, max, `${factText(ctx, s.per.fact)},计 ${count} 次 × ${s.each} 分 = ${raw} 分${capped}`);
}

export function scoreStepped(_n: RubricNode, s: Of<'stepped'>, max: Dec, ctx: ScoreContext): LeafResult {
  const v = ctx.number(s.fact);
  if (v === null) return missingResult([s.fact], max, ctx.compiled.rubric.facts);
  let score = dec(0);
  let step = '未达到最低档';
  for (const st of s.steps) {
    const at = ctx.resolve(st.atLeast);
    if (v >= at && dec(st.points).gt(score)) {
      score = dec(st.points);
      step = `达到 ≥${at} 档,得 ${st.points} 分`;
    }
  }
  if (s.beyond) {
    const from = ctx.resolve(s.beyond.from);
    if (v > from) {
      const n = dec(v).minus(from).div(s.beyond.every).floor();
      if (n.gt(0)) {
        score = score.plus(n.times(s.beyond.points));
        step += `;超过 ${from} 后每 ${s.beyond.every} 加 ${s.beyond.points} 分,加 ${n.times(s.beyond.points)} 分`;
      }
    }
  }
  return valued(clamp(score, dec(0), max), max, `${factText(ctx, s.fact)},${step}`);
}
