// Second validation tier: the meaning of a shape-valid rubric. Collects every problem as a positioned diagnostic.
// Input: the parsed source + the zod output. Output: diagnostics (empty when the rubric is sound).
import { makeDiagnostic, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.js';
import { positionDiagnostic } from '../diagnostics/locate.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { SourceFile } from '../load/parse-source.js';
import { buildRubricModel, type FlatNode, type RubricModel } from '../model/rubric-model.js';
import { collectParamRefs, collectRuleSites, collectScoringFactRefs, conditionFacts } from '../model/rule-sites.js';
import type { Rubric } from '../schema/rubric-schema.js';
import { dec, formatPoints, sum } from '../score/decimal.js';
import { checkCondition } from './check-conditions.js';
import { checkChecks } from './check-checks.js';
import { checkFacts, expandToEvidenceFacts } from './check-facts.js';
import { checkRankCriteria } from './check-rank.js';
import { checkStatTables } from './check-stat-tables.js';
import { getOwn } from '../model/own-property.js';

type Add = (d: Diagnostic, path: PathSegment[], preferKey?: boolean) => void;
/** The source line of a path, for messages that cite another place ("首次出现在第 N 行"). */
/** Where a path sits: its line, and its file when that is another file (a parent rubric under `extends`). */
type LineOf = (path: PathSegment[]) => { expected: number | undefined; name: string };

/** Report each repeated id in a list of items with ids (at `listPath`), citing the line of its first use. */
function checkUnique(ids: readonly string[], listPath: PathSegment[], what: string, add: Add, lineOf: LineOf): void {
  const first = new Map<string, number>();
  ids.forEach((id, i) => {
    const at = first.get(id);
    if (at === undefined) first.set(id, i);
    else add(makeDiagnostic('DUPLICATE_ID', { reason: what, actual: id, ...lineOf([...listPath, at, 'id']), path: [...listPath, i, 'id'] }), [...listPath, i, 'id']);
  });
}

function checkIds(model: RubricModel, add: Add, lineOf: LineOf): void {
  const first = new Map<string, FlatNode>();
  for (const f of model.nodes) {
    const prev = first.get(f.id);
    if (prev) add(makeDiagnostic('DUPLICATE_ID', { reason: '节点', actual: f.id, ...lineOf([...prev.path, 'id']), path: [...f.path, 'id'] }), [...f.path, 'id']);
    else first.set(f.id, f);
  }
  checkUnique(model.rubric.vetoes.map((v) => v.id), ['vetoes'], '否决项', add, lineOf);
  checkUnique(model.rubric.checks.map((c) => c.id), ['checks'], '数据核验', add, lineOf);
}

function checkPoints(model: RubricModel, add: Add): void {
  for (const f of model.nodes) {
    const n = f.node;
    const children = (n.children ?? []).map((c) => model.byId.get(c.id)!).filter((c) => c && !c.boundary);
    if (n.scoring && n.children && n.children.length > 0) add(makeDiagnostic('METHOD_NEEDS_LEAF', { path: [...f.path, 'scoring'] }), [...f.path, 'scoring'], true);
    if (!n.scoring && (!n.children || n.children.length === 0)) add(makeDiagnostic('LEAF_NEEDS_SCORING', { path: f.path, nodeId: n.id }), [...f.path, 'id']);
    if (n.points === undefined && n.weight === undefined && !n.children?.length && f.max.isZero() && f.kind === 'score')
      add(makeDiagnostic('SCHEMA_INVALID', { reason: `节点 "${n.id}" 缺少分值 points(或 weight)`, path: f.path }), [...f.path, 'id']);
    // A bonus/penalty leaf whose maximum resolves to 0 would be clamped to 0 and silently never count
    // (e.g. "每次加3分" written without any upper bound): the author must state the bound.
    if (n.points === undefined && n.weight === undefined && !n.children?.length && f.max.isZero() && f.kind !== 'score')
      add(
        makeDiagnostic('SCHEMA_INVALID', { reason: `${f.kind === 'bonus' ? '加分' : '减分'}项 "${n.id}" 缺少上限:请写 points、cap 或计分方法的 max`, path: f.path }),
        [...f.path, 'id'],
      );
    if (n.points !== undefined && n.weight !== undefined)
      add(makeDiagnostic('SCHEMA_INVALID', { reason: `节点 "${n.id}" 不能同时写 points 和 weight`, path: [...f.path, 'weight'] }), [...f.path, 'weight'], true);
    if (children.length === 0) continue;
    const weighted = children.filter((c) => c.node.weight !== undefined);
    if (weighted.length > 0) {
      const total = sum(weighted.map((c) => dec(c.node.weight!)));
      if (weighted.length !== children.length || !total.eq(100))
        add(makeDiagnostic('WEIGHTS_INVALID', { actual: formatPoints(total, 4), path: [...f.path, 'children'] }), [...f.path, 'children'], true);
      continue;
    }
    if (n.points === undefined) continue;
    const childSum = sum(children.map((c) => c.max));
    const ok = childSum.eq(f.max) || (n.overflow === 'cap' && childSum.gt(f.max)) || classVariantsFit(children, f.max);
    if (!ok)
      add(
        makeDiagnostic('POINTS_MISMATCH', {
          actual: formatPoints(childSum, 4),
          expected: formatPoints(f.max, 4),
          path: [...f.path, 'points'],
          hint: childSum.gt(f.max) ? '若下级合计允许超过本级、由本级封顶,请写 overflow: cap' : undefined,
        }),
        [...f.path, 'points'],
      );
  }
  checkRootTotal(model, add);
}

/** The top level must add up to the rubric's `total` (or, with weights, to 100%), as every parent must. */
function checkRootTotal(model: RubricModel, add: Add): void {
  const top = model.nodes.filter((f) => f.parent === null && !f.boundary);
  if (top.length === 0) return;
  const weighted = top.filter((f) => f.node.weight !== undefined);
  if (weighted.length > 0) {
    const total = sum(weighted.map((f) => dec(f.node.weight!)));
    if (weighted.length !== top.length || !total.eq(100)) add(makeDiagnostic('WEIGHTS_INVALID', { actual: formatPoints(total, 4), path: ['nodes'] }), ['nodes'], true);
    return;
  }
  const topSum = sum(top.map((f) => f.max));
  if (!topSum.eq(model.total) && !classVariantsFit(top, model.total))
    add(
      makeDiagnostic('POINTS_MISMATCH', {
        actual: formatPoints(topSum, 4),
        expected: formatPoints(model.total, 4),
        path: ['total'],
        hint: '顶层各项(不含加分项、减分项)的分值合计应等于 total',
      }),
      ['total'],
    );
}

/**
 * Variants per agency class (A类/B类, 有/无服务职能): siblings restricted to different classes are alternatives, never
 * both scored for one agency, so their sum is checked per class — at most the parent's points for every class and
 * exactly the points for at least one (a class left below the points has a reduced maximum, M21).
 */
function classVariantsFit(children: FlatNode[], max: ReturnType<typeof dec>): boolean {
  const classes = [...new Set(children.flatMap((c) => c.node.classes ?? []))];
  if (classes.length === 0) return false;
  const sums = classes.map((cls) => sum(children.filter((c) => !c.node.classes || c.node.classes.includes(cls)).map((c) => c.max)));
  return sums.every((s) => s.lte(max)) && sums.some((s) => s.eq(max));
}

function checkScoring(model: RubricModel, add: Add, lineOf: LineOf): void {
  for (const f of model.nodes) {
    const s = f.node.scoring;
    if (!s) continue;
    const p = [...f.path, 'scoring'];
    const max = f.max;
    const exceeds = (amount: number, at: PathSegment[], what: string): void => {
      if (dec(amount).gt(max))
        add(makeDiagnostic('AMOUNT_EXCEEDS_POINTS', { reason: `${what} ${amount} 超过本项分值 ${formatPoints(max, 4)}`, path: at }), at);
    };
    if (s.method === 'clauses') {
      let total = dec(0);
      s.clauses.forEach((c, i) => {
        if ((c.points === undefined) === (c.percent === undefined))
          add(makeDiagnostic('SCHEMA_INVALID', { reason: '每个条款须且只须写 points 或 percent 之一', path: [...p, 'clauses', i] }), [...p, 'clauses', i]);
        total = total.plus(c.points !== undefined ? dec(c.points) : max.times(c.percent ?? 0).div(100));
      });
      if (total.gt(max)) add(makeDiagnostic('AMOUNT_EXCEEDS_POINTS', { reason: `条款合计 ${formatPoints(total, 4)} 超过本项分值 ${formatPoints(max, 4)}`, path: [...p, 'clauses'] }), [...p, 'clauses'], true);
      checkUnique(s.clauses.map((c) => c.id), [...p, 'clauses'], '条款', add, lineOf);
    }
    if (s.method === 'levels') {
      let prev: ReturnType<typeof dec> | null = null;
      s.levels.forEach((l, i) => {
        if ((l.points === undefined) === (l.percent === undefined))
          add(makeDiagnostic('SCHEMA_INVALID', { reason: '每个等级须且只须写 points 或 percent 之一', path: [...p, 'levels', i] }), [...p, 'levels', i]);
        const pts = l.points !== undefined ? dec(l.points) : max.times(l.percent ?? 0).div(100);
        if (pts.gt(max)) exceeds(pts.toNumber(), [...p, 'levels', i], `等级 "${l.label}" 的分值`);
        if (prev !== null && pts.gt(prev)) add(makeDiagnostic('LEVELS_UNORDERED', { actual: l.label, path: [...p, 'levels', i] }), [...p, 'levels', i]);
        if (!l.when && i !== s.levels.length - 1)
          add(makeDiagnostic('SCHEMA_INVALID', { reason: `只有最后一个等级可以省略 when(兜底等级),"${l.label}" 之后的等级永远不会匹配`, path: [...p, 'levels', i] }), [...p, 'levels', i]);
        prev = pts;
      });
    }
    if (s.method === 'linear') {
      exceeds(s.from.points, [...p, 'from', 'points'], '起点分值');
      exceeds(s.to.points, [...p, 'to', 'points'], '终点分值');
    }
    if (s.method === 'judgement' && s.max !== undefined) exceeds(s.max, [...p, 'max'], '评审上限');
    if (s.method === 'judgement' && s.max !== undefined && s.min > s.max)
      add(makeDiagnostic('SCHEMA_INVALID', { reason: '评审下限 min 大于上限 max', path: [...p, 'min'] }), [...p, 'min']);
    if (s.method === 'weighted') {
      const total = sum(s.inputs.map((x) => dec(x.weight)));
      if (!total.eq(100)) add(makeDiagnostic('WEIGHTS_INVALID', { actual: formatPoints(total, 4), path: [...p, 'inputs'] }), [...p, 'inputs'], true);
    }
    if (s.method === 'perOccurrence' && s.max !== undefined && f.kind === 'score') exceeds(s.max, [...p, 'max'], '累计上限');
    if (s.method === 'deduct') {
      checkUnique(s.deductions.map((d) => d.id), [...p, 'deductions'], '扣分规则', add, lineOf);
      const byFact = new Map<string, string[]>();
      s.deductions.forEach((d, i) => {
        const dp = [...p, 'deductions', i];
        const kinds = [d.amount !== undefined, d.percentOfPoints !== undefined, d.per !== undefined, d.judgement !== undefined].filter(Boolean).length;
        if (kinds !== 1) add(makeDiagnostic('SCHEMA_INVALID', { reason: '每条扣分规则须且只须写 amount、percentOfPoints、per(配合 each)或 judgement 之一', path: dp }), [...dp, 'id']);
        if (d.per && d.each === undefined) add(makeDiagnostic('SCHEMA_INVALID', { reason: '按次扣分(per)须写每次扣分值 each', path: [...dp, 'per'] }), [...dp, 'per'], true);
        if (d.judgement && d.judgement.min > d.judgement.max)
          add(makeDiagnostic('SCHEMA_INVALID', { reason: '酌情扣分的 min 大于 max', path: [...dp, 'judgement'] }), [...dp, 'judgement'], true);
        // Facts derived from the same evidence (e.g. 空白月 and 低于标准的月 both counted from one monthly list)
        // describe the same event too, so the check looks through derivations.
        const read = [...(d.when ? conditionFacts(d.when) : []), ...(d.per ? [d.per.fact] : [])];
        const facts = new Set<string>([...read, ...expandToEvidenceFacts(model.rubric.facts, read)]);
        for (const fact of facts) byFact.set(fact, [...(byFact.get(fact) ?? []), d.id]);
      });
      if (s.precedence && s.overlap !== 'exclusive')
        add(makeDiagnostic('SCHEMA_INVALID', { reason: 'precedence(扣分规则优先次序)只用于 overlap: exclusive', path: [...p, 'precedence'] }), [...p, 'precedence'], true);
      else s.precedence?.forEach((id, i) => {
        const at = [...p, 'precedence', i];
        if (!s.deductions.some((d) => d.id === id)) {
          const hint = didYouMean(id, s.deductions.map((d) => d.id));
          add(makeDiagnostic('SCHEMA_INVALID', { reason: `precedence 中的 "${id}" 不是本项的扣分规则编号`, path: at, ...(hint ? { hint } : {}) }), at);
        }
      });
      if (s.overlap === undefined) {
        for (const [fact, ded] of byFact) {
          if (ded.length > 1) {
            // Points at the `deductions:` key, beside which `overlap:` is to be written.
            add(makeDiagnostic('DEDUCTION_OVERLAP_UNDECLARED', { actual: ded.join('、'), path: [...p, 'deductions'], hint: `它们都读取事实 "${fact}"` }), [...p, 'deductions'], true);
            break;
          }
        }
      }
    }
  }
}

function checkReferences(model: RubricModel, add: Add): void {
  const r = model.rubric;
  const facts = r.facts;
  const ctx = { facts, parameters: r.parameters, add };
  for (const site of collectRuleSites(model)) checkCondition(site.condition, site.path, ctx);
  const nodeAt = new Map(model.nodes.map((f) => [JSON.stringify(f.path), f]));
  for (const ref of collectScoringFactRefs(model)) {
    const def = getOwn(facts, ref.name);
    if (!def) {
      const hint = didYouMean(ref.name, Object.keys(facts));
      add(makeDiagnostic('UNKNOWN_FACT', { actual: ref.name, path: ref.path, ...(hint ? { hint } : {}) }), ref.path);
    } else if (!['integer', 'number', 'percent'].includes(def.type)) {
      const method = nodeAt.get(JSON.stringify(ref.path.slice(0, ref.path.lastIndexOf('scoring'))))?.node.scoring?.method ?? '';
      const hint = `计分方法 ${method} 读取的事实 "${ref.name}" 须为数值型(integer、number 或 percent)`;
      add(makeDiagnostic('OPERATOR_TYPE_MISMATCH', { reason: '计分方法', actual: method, expected: def.type, path: ref.path, hint }), ref.path);
    }
  }
  for (const ref of collectParamRefs(r)) {
    const param = getOwn(r.parameters, ref.name);
    if (!param) {
      const hint = didYouMean(ref.name, Object.keys(r.parameters));
      add(makeDiagnostic('UNKNOWN_PARAMETER', { actual: ref.name, path: ref.path, ...(hint ? { hint } : {}) }), ref.path);
    }
  }
  const nodeIds = [...model.byId.keys()];
  r.vetoes.forEach((v, i) => {
    if (v.target !== 'assessment' && !model.byId.has(v.target)) {
      const hint = didYouMean(v.target, nodeIds);
      add(makeDiagnostic('UNKNOWN_NODE', { actual: v.target, path: ['vetoes', i, 'target'], ...(hint ? { hint } : {}) }), ['vetoes', i, 'target']);
    }
  });
  for (const f of model.nodes) {
    const e = f.node.eligibleIf;
    if (e?.node && !model.byId.has(e.node)) {
      const hint = didYouMean(e.node, nodeIds);
      add(makeDiagnostic('UNKNOWN_NODE', { actual: e.node, path: [...f.path, 'eligibleIf', 'node'], ...(hint ? { hint } : {}) }), [...f.path, 'eligibleIf', 'node']);
    }
    const na = f.node.notApplicable;
    if (na?.policy === 'rescale' && !na.factor)
      add(makeDiagnostic('SCHEMA_INVALID', { reason: 'rescale(固定折算)须写系数 factor,例如 "4/3"', path: [...f.path, 'notApplicable'] }), [...f.path, 'notApplicable'], true);
    for (const cls of f.node.classes ?? []) {
      if (r.classes && !r.classes.includes(cls)) {
        const hint = didYouMean(cls, r.classes);
        add(makeDiagnostic('SCHEMA_INVALID', { reason: `单位类别 "${cls}" 未在细则 classes 中声明`, path: [...f.path, 'classes'], ...(hint ? { hint } : {}) }), [...f.path, 'classes'], true);
      }
    }
  }
  if (r.notApplicable.policy === 'rescale' && !r.notApplicable.factor)
    add(makeDiagnostic('SCHEMA_INVALID', { reason: 'rescale(固定折算)须写系数 factor', path: ['notApplicable'] }), ['notApplicable'], true);
}

function checkGrades(rubric: Rubric, add: Add): void {
  for (let i = 1; i < rubric.grades.length; i++) {
    if (rubric.grades[i]!.min >= rubric.grades[i - 1]!.min) {
      add(makeDiagnostic('GRADES_UNORDERED', { path: ['grades', i] }), ['grades', i]);
      break;
    }
  }
}

/** Check the meaning of a shape-valid rubric; every diagnostic carries file:line:col. */
export function checkRubric(src: SourceFile, rubric: Rubric): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const add: Add = (d, path, preferKey = false) => diagnostics.push(positionDiagnostic(src, d, path, preferKey));
  const lineOf: LineOf = (path) => {
    const at = positionDiagnostic(src, makeDiagnostic('DUPLICATE_ID', {}), path);
    return { expected: at.line, name: at.file && at.file !== src.file ? `${at.file} ` : '' };
  };
  const model = buildRubricModel(rubric);
  checkIds(model, add, lineOf);
  checkFacts(rubric.facts, add);
  checkPoints(model, add);
  checkScoring(model, add, lineOf);
  checkReferences(model, add);
  checkGrades(rubric, add);
  checkRankCriteria(model, add);
  checkChecks(rubric.checks, rubric.facts, add);
  checkStatTables(rubric, add);
  return diagnostics;
}
