// Chinese one-line summaries of conditions and scoring rules, for the rubric diff (what an office reviews).
// Input: a validated Rubric's pieces. Output: plain strings; each output format escapes them itself.
import { OPERATOR_TEXT } from '../compile/operators.js';
import type { Condition } from '../schema/condition-schema.js';
import type { NotApplicablePolicy, Rubric, RubricNode } from '../schema/rubric-schema.js';
import type { Scoring } from '../schema/scoring-schema.js';
import { getOwn } from '../model/own-property.js';

export const METHOD_TEXT: Record<string, string> = {
  binary: '达标得分',
  clauses: '分项得分',
  levels: '分级评分',
  linear: '线性计分',
  percent: '按比例计分',
  deduct: '扣分',
  judgement: '酌情评分',
  external: '以外部评价为准',
  weighted: '加权计分',
  perOccurrence: '按次计分',
  stepped: '阶梯计分',
  rank: '按排名计分',
};

export const KIND_TEXT: Record<string, string> = { score: '基本分', bonus: '加分项', penalty: '减分项' };

function valueText(v: unknown, rubric: Rubric, unit?: string): string {
  if (v === true) return '是';
  if (v === false) return '否';
  if (v === null) return '空';
  if (Array.isArray(v)) return `[${v.map((x) => valueText(x, rubric)).join('、')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.param === 'string') {
      const p = getOwn(rubric.parameters, o.param);
      return p ? `${p.label}(${String(p.value)}${p.unit ?? ''})` : `参数 ${o.param}`;
    }
    if (typeof o.fact === 'string') return getOwn(rubric.facts, o.fact)?.label ?? o.fact;
  }
  return typeof v === 'number' && unit && unit !== '是/否' ? `${v}${unit}` : String(v);
}

/** `举办各类培训班 ≥ 每年至少开展的政务公开业务培训次数(1次)`, groups joined with 且 / 或. */
export function describeCondition(c: Condition, rubric: Rubric): string {
  if ('all' in c) return c.all.length === 1 ? describeCondition(c.all[0]!, rubric) : `(${c.all.map((x) => describeCondition(x, rubric)).join(' 且 ')})`;
  if ('any' in c) return c.any.length === 1 ? describeCondition(c.any[0]!, rubric) : `(${c.any.map((x) => describeCondition(x, rubric)).join(' 或 ')})`;
  if ('not' in c) return `非${describeCondition(c.not, rubric)}`;
  const def = getOwn(rubric.facts, c.fact);
  const label = c.name ?? def?.label ?? c.fact;
  const op = OPERATOR_TEXT[c.operator] ?? c.operator;
  return `${label} ${op} ${valueText(c.value, rubric, def?.unit)}`;
}

/** `(cond)` unless the condition already carries its own parentheses. */
function paren(s: string): string {
  return s.startsWith('(') && s.endsWith(')') ? s : `(${s})`;
}

function amount(points?: number, percent?: number): string {
  return points !== undefined ? `${points}分` : `${percent ?? 0}%`;
}

function factLabel(rubric: Rubric, fact: string): string {
  return getOwn(rubric.facts, fact)?.label ?? fact;
}

/** A scoring rule in one line. */
export function describeScoring(s: Scoring, rubric: Rubric): string {
  const m = METHOD_TEXT[s.method] ?? s.method;
  switch (s.method) {
    case 'binary':
      return `${m}:${describeCondition(s.when, rubric)}`;
    case 'clauses':
      return `${m}:${s.clauses.map((c) => `${c.title} ${amount(c.points, c.percent)}${paren(describeCondition(c.when, rubric))}`).join(';')}`;
    case 'levels':
      return `${m}:${s.levels.map((l) => `${l.label} ${amount(l.points, l.percent)}${l.when ? paren(describeCondition(l.when, rubric)) : ''}`).join(';')}`;
    case 'deduct': {
      const parts = s.deductions.map((d) => {
        const how =
          d.amount !== undefined
            ? `扣${d.amount}分`
            : d.percentOfPoints !== undefined
              ? `扣本项分值的${d.percentOfPoints}%`
              : d.per
                ? `按${factLabel(rubric, d.per.fact)}每次扣${d.each ?? 0}分${d.max !== undefined ? `,最多${d.max}分` : ''}`
                : d.judgement
                  ? `酌情扣${d.judgement.min}–${d.judgement.max}分`
                  : '';
        return `${d.reason}${d.when ? paren(describeCondition(d.when, rubric)) : ''} ${how}`;
      });
      return `${m}:${parts.join(';')}${s.cap !== undefined ? `;扣分上限${s.cap}分` : ''}${s.overlap ? `;重叠规则${s.overlap === 'stack' ? '叠加' : '同一次只扣一次'}${s.precedence ? `(优先:${s.precedence.join('、')})` : ''}` : ''}`;
    }
    case 'judgement':
      return `${m} ${s.min}–${s.max ?? '满分'}分`;
    case 'external':
      return `${m}:${s.authority}(${factLabel(rubric, s.fact)}${s.scale === 'percent' ? ',百分比' : ''})`;
    case 'perOccurrence':
      return `${m}:${factLabel(rubric, s.per.fact)}每次${s.each}分${s.max !== undefined ? `,最多${s.max}分` : ''}`;
    case 'linear':
      return `${m}:${factLabel(rubric, s.fact)} ${valueText(s.from.value, rubric)}→${s.from.points}分，${valueText(s.to.value, rubric)}→${s.to.points}分`;
    case 'percent':
      return `${m}:${factLabel(rubric, s.fact)}`;
    case 'weighted':
      return `${m}:${s.inputs.map((x) => `${x.label ?? factLabel(rubric, x.fact)} ${x.weight}%`).join(' + ')}`;
    case 'stepped':
      return `${m}:${factLabel(rubric, s.fact)} ${s.steps.map((x) => `≥${valueText(x.atLeast, rubric)} ${x.points}分`).join(',')}`;
    default:
      return `${m}:${JSON.stringify(s)}`;
  }
}

/** How not-applicable children are treated (M18–M21). */
export function describeNaPolicy(p: NotApplicablePolicy | undefined): string {
  if (!p) return '沿用细则默认';
  switch (p.policy) {
    case 'reduce':
      return '满分相应减少';
    case 'renormalize':
      return '按适用项得分率折算';
    case 'rescale':
      return `按系数 ${p.factor ?? '1'} 折算`;
    case 'redistribute':
      return p.spread === 'even' ? '分值平均计入其他指标' : '分值按比例计入其他指标';
  }
}

function describeEligibility(e: RubricNode['eligibleIf'], rubric: Rubric): string {
  if (!e) return '无条件';
  const what = e.node ? `节点 ${e.node} 得分` : '基础分';
  const parts: string[] = [];
  if (e.atLeast !== undefined) parts.push(`${what} ≥ ${valueText(e.atLeast, rubric)}`);
  if (e.above !== undefined) parts.push(`${what} > ${valueText(e.above, rubric)}`);
  if (e.when) parts.push(describeCondition(e.when, rubric));
  return parts.join(' 且 ') || '无条件';
}

/** Canonical JSON (sorted keys) for comparing rule pieces regardless of key order. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : x,
  );
}

/** Compare everything about a node except id, title, points and children: the scoring rule and its modifiers. */
export function describeRuleChanges(a: RubricNode, b: RubricNode, ra: Rubric, rb: Rubric): string[] {
  const out: string[] = [];
  const same = (x: unknown, y: unknown): boolean => canonical(x) === canonical(y);
  if (a.scoring && b.scoring) {
    if (a.scoring.method !== b.scoring.method) out.push(`计分方法：${METHOD_TEXT[a.scoring.method]} → ${METHOD_TEXT[b.scoring.method]}`);
    // Compare the rendered rule too: a parameter whose value changed shows here as a changed threshold.
    const da = describeScoring(a.scoring, ra);
    const db = describeScoring(b.scoring, rb);
    if (!same(a.scoring, b.scoring) || da !== db) out.push(`计分规则：${da} → ${db}`);
  } else if (a.scoring || b.scoring) {
    out.push(a.scoring ? `由末级评分项改为含下级的分组（原规则：${describeScoring(a.scoring, ra)}）` : `由分组改为末级评分项（${describeScoring(b.scoring!, rb)}）`);
  }
  const classes = (n: RubricNode): string => (n.classes ? n.classes.join('、') + ' 类' : '全部单位');
  if (!same(a.classes, b.classes)) out.push(`适用范围：${classes(a)} → ${classes(b)}`);
  if (a.kind !== b.kind) out.push(`类型：${KIND_TEXT[a.kind]} → ${KIND_TEXT[b.kind]}`);
  if (!same(a.weight, b.weight)) out.push(`权重：${a.weight ?? '无'}% → ${b.weight ?? '无'}%`);
  if (!same(a.cap, b.cap)) out.push(`封顶：${a.cap ?? '无'} → ${b.cap ?? '无'}`);
  if (!same(a.floor, b.floor)) out.push(`最低分：${a.floor ?? '可透支'} → ${b.floor ?? '可透支'}`);
  if (a.overflow !== b.overflow) out.push(`下级合计超出本级：${a.overflow === 'cap' ? '封顶' : '报错'} → ${b.overflow === 'cap' ? '封顶' : '报错'}`);
  if (a.mayBeNotApplicable !== b.mayBeNotApplicable) out.push(`允许合理缺项：${a.mayBeNotApplicable ? '是' : '否'} → ${b.mayBeNotApplicable ? '是' : '否'}`);
  if (!same(a.notApplicable, b.notApplicable)) out.push(`不适用项处理：${describeNaPolicy(a.notApplicable)} → ${describeNaPolicy(b.notApplicable)}`);
  const overrides = (n: RubricNode): string =>
    [...(n.zeroIf ?? []).map((z) => `${z.reason}则不得分`), ...(n.ceilingIf ?? []).map((c) => `${c.reason}则不高于${c.ceiling}分`)]
      .map((t, i) => `${i + 1}. ${t}`)
      .join(';') || '无';
  if (!same(a.zeroIf, b.zeroIf) || !same(a.ceilingIf, b.ceilingIf)) out.push(`不得分/封顶条件：${overrides(a)} → ${overrides(b)}`);
  if (!same(a.eligibleIf, b.eligibleIf)) out.push(`加分资格：${describeEligibility(a.eligibleIf, ra)} → ${describeEligibility(b.eligibleIf, rb)}`);
  if ((a.description ?? '') !== (b.description ?? '')) out.push('具体标准文字已修改（修订前后原文见修订对照表）');
  return out;
}
