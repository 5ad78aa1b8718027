// Condition-driven methods: binary (all-or-nothing), clauses (additive / percent partial credit), levels (graded).
import type { RubricNode } from '../../schema/rubric-schema.js';
import type { Reason } from '../../report/score-report.js';
import type { Scoring } from '../../schema/scoring-schema.js';
import { dec, type Dec } from '../decimal.js';
import { differenceNumber, negatedNumber } from '../scaled.js';
import type { LeafResult, ScoreContext } from '../context.js';
import { missingResult, statusFromScore } from './status.js';

type Of<M extends Scoring['method']> = Extract<Scoring, { method: M }>;

export function scoreBinary(node: RubricNode, s: Of<'binary'>, max: Dec, ctx: ScoreContext): LeafResult {
  const st = ctx.site(`${node.id}#binary`);
  if (st.state === 'missing') return missingResult(st.missingFacts, max, ctx.compiled.rubric.facts);
  const met = st.state === 'true';
  // On a penalty node the condition describes the bad event: holding means the penalty is taken.
  const penalty = ctx.compiled.model.byId.get(node.id)?.kind === 'penalty';
  const text = penalty
    ? met
      ? `发生扣分情形,扣 ${max} 分${s.failReason ? `:${s.failReason}` : ''}`
      : '未发生扣分情形'
    : met
      ? '符合要求,得满分'
      : s.failReason ?? '未达到要求,不得分';
  const reason: Reason = { kind: 'binary', result: met, text, points: met ? 0 : negatedNumber(max), conditions: st.conditions };
  return { score: met ? max : dec(0), status: met ? 'met' : 'unmet', reasons: [reason], deductions: [], missingFacts: [] };
}

export function scoreClauses(node: RubricNode, s: Of<'clauses'>, max: Dec, ctx: ScoreContext): LeafResult {
  let score = dec(0);
  const reasons: Reason[] = [];
  const missing: string[] = [];
  for (const c of s.clauses) {
    const pts = c.points !== undefined ? dec(c.points) : max.times(c.percent ?? 0).div(100);
    const st = ctx.site(`${node.id}#clause:${c.id}`);
    if (st.state === 'missing') {
      missing.push(...st.missingFacts);
      continue;
    }
    const met = st.state === 'true';
    if (met) score = score.plus(pts);
    reasons.push({
      kind: 'clause',
      result: met,
      text: met ? `${c.title}:得 ${pts.toString()} 分` : `${c.title}:${c.failReason ?? '未达到要求'},失 ${pts.toString()} 分`,
      points: met ? 0 : negatedNumber(pts),
      conditions: st.conditions,
    });
  }
  if (missing.length > 0) return missingResult(missing, max, ctx.compiled.rubric.facts);
  return { score, status: statusFromScore(score, max), reasons, deductions: [], missingFacts: [] };
}

export function scoreLevels(node: RubricNode, s: Of<'levels'>, max: Dec, ctx: ScoreContext): LeafResult {
  const reasons: Reason[] = [];
  for (let i = 0; i < s.levels.length; i++) {
    const l = s.levels[i]!;
    const pts = l.points !== undefined ? dec(l.points) : max.times(l.percent ?? 0).div(100);
    if (l.when) {
      const st = ctx.site(`${node.id}#level:${i}`);
      // A higher level that cannot be decided leaves the whole item undecided.
      if (st.state === 'missing') return missingResult(st.missingFacts, max, ctx.compiled.rubric.facts);
      if (st.state === 'false') {
        reasons.push({ kind: 'level', result: false, text: `未达到"${l.label}"`, conditions: st.conditions });
        continue;
      }
      reasons.push({ kind: 'level', result: true, text: `评为"${l.label}",得 ${pts.toString()} 分${l.reason ? `:${l.reason}` : ''}`, points: differenceNumber(pts, max), conditions: st.conditions });
    } else {
      reasons.push({ kind: 'level', result: true, text: `评为"${l.label}",得 ${pts.toString()} 分${l.reason ? `:${l.reason}` : ''}`, points: differenceNumber(pts, max) });
    }
    return { score: pts, status: statusFromScore(pts, max), reasons, deductions: [], missingFacts: [] };
  }
  reasons.push({ kind: 'level', result: false, text: '未达到任何等级,不得分', points: negatedNumber(max) });
  return { score: dec(0), status: 'unmet', reasons, deductions: [], missingFacts: [] };
}
