// Every place in a rubric that holds a condition (a "rule site") and every fact or parameter reference.
// Validation checks them; compilation turns each site into one json-rules-engine rule.
import type { PathSegment } from '../diagnostics/diagnostic.js';
import type { Condition } from '../schema/condition-schema.js';
import type { Rubric } from '../schema/rubric-schema.js';
import type { RubricModel } from './rubric-model.js';

export type SiteKind = 'binary' | 'clause' | 'level' | 'deduction' | 'zeroIf' | 'ceilingIf' | 'eligibility' | 'veto';

export interface RuleSite {
  /** Unique rule name, e.g. `1.1.1#binary`, `2.3#deduction:late`, `veto:website-down`. */
  key: string;
  nodeId: string | null;
  kind: SiteKind;
  /** Clause/level/override index, or the deduction or veto id. */
  ref: string | number;
  condition: Condition;
  path: PathSegment[];
}

/** All condition sites in document order (nodes first, vetoes last). */
export function collectRuleSites(model: RubricModel): RuleSite[] {
  const sites: RuleSite[] = [];
  for (const f of model.nodes) {
    const n = f.node;
    const base = f.path;
    const s = n.scoring;
    if (s?.method === 'binary') sites.push({ key: `${n.id}#binary`, nodeId: n.id, kind: 'binary', ref: 0, condition: s.when, path: [...base, 'scoring', 'when'] });
    if (s?.method === 'clauses')
      s.clauses.forEach((c, i) =>
        sites.push({ key: `${n.id}#clause:${c.id}`, nodeId: n.id, kind: 'clause', ref: i, condition: c.when, path: [...base, 'scoring', 'clauses', i, 'when'] }),
      );
    if (s?.method === 'levels')
      s.levels.forEach((l, i) => {
        if (l.when) sites.push({ key: `${n.id}#level:${i}`, nodeId: n.id, kind: 'level', ref: i, condition: l.when, path: [...base, 'scoring', 'levels', i, 'when'] });
      });
    if (s?.method === 'deduct')
      s.deductions.forEach((d, i) => {
        if (d.when) sites.push({ key: `${n.id}#deduction:${d.id}`, nodeId: n.id, kind: 'deduction', ref: d.id, condition: d.when, path: [...base, 'scoring', 'deductions', i, 'when'] });
      });
    n.zeroIf?.forEach((z, i) => sites.push({ key: `${n.id}#zeroIf:${i}`, nodeId: n.id, kind: 'zeroIf', ref: i, condition: z.when, path: [...base, 'zeroIf', i, 'when'] }));
    n.ceilingIf?.forEach((z, i) =>
      sites.push({ key: `${n.id}#ceilingIf:${i}`, nodeId: n.id, kind: 'ceilingIf', ref: i, condition: z.when, path: [...base, 'ceilingIf', i, 'when'] }),
    );
    if (n.eligibleIf?.when)
      sites.push({ key: `${n.id}#eligibility`, nodeId: n.id, kind: 'eligibility', ref: 0, condition: n.eligibleIf.when, path: [...base, 'eligibleIf', 'when'] });
  }
  model.rubric.vetoes.forEach((v, i) => sites.push({ key: `veto:${v.id}`, nodeId: null, kind: 'veto', ref: v.id, condition: v.when, path: ['vetoes', i, 'when'] }));
  return sites;
}

export interface Ref {
  name: string;
  path: PathSegment[];
  /** The node whose scoring holds the reference (scoring refs only). */
  nodeId?: string;
}

/** Walk a condition, calling back for every fact leaf with its path. */
export function walkCondition(
  c: Condition,
  path: PathSegment[],
  onLeaf: (leaf: Extract<Condition, { fact: string }>, path: PathSegment[]) => void,
  onGroup?: (kind: 'all' | 'any', items: Condition[], path: PathSegment[]) => void,
): void {
  if ('all' in c) {
    onGroup?.('all', c.all, path);
    c.all.forEach((x, i) => walkCondition(x, [...path, 'all', i], onLeaf, onGroup));
  } else if ('any' in c) {
    onGroup?.('any', c.any, path);
    c.any.forEach((x, i) => walkCondition(x, [...path, 'any', i], onLeaf, onGroup));
  } else if ('not' in c) walkCondition(c.not, [...path, 'not'], onLeaf, onGroup);
  else onLeaf(c, path);
}

/** Facts a condition reads (including `value: {fact}` comparisons). */
export function conditionFacts(c: Condition): string[] {
  const out = new Set<string>();
  walkCondition(c, [], (leaf) => {
    out.add(leaf.fact);
    const v = leaf.value;
    if (v && typeof v === 'object' && !Array.isArray(v) && 'fact' in v) out.add(v.fact);
  });
  return [...out];
}

/** Every fact reference outside conditions: scoring facts, per-occurrence facts, weighted inputs. */
export function collectScoringFactRefs(model: RubricModel): Ref[] {
  const refs: Ref[] = [];
  for (const f of model.nodes) {
    const s = f.node.scoring;
    const p = [...f.path, 'scoring'];
    if (!s) continue;
    if (s.method === 'linear' || s.method === 'percent' || s.method === 'external' || s.method === 'stepped') refs.push({ name: s.fact, path: [...p, 'fact'], nodeId: f.id });
    if (s.method === 'weighted') s.inputs.forEach((x, i) => refs.push({ name: x.fact, path: [...p, 'inputs', i, 'fact'], nodeId: f.id }));
    if (s.method === 'perOccurrence') refs.push({ name: s.per.fact, path: [...p, 'per', 'fact'], nodeId: f.id });
    if (s.method === 'rank' && 'fact' in s.basis) refs.push({ name: s.basis.fact, path: [...p, 'basis', 'fact'], nodeId: f.id });
    if (s.method === 'deduct')
      s.deductions.forEach((d, i) => {
        if (d.per) refs.push({ name: d.per.fact, path: [...p, 'deductions', i, 'per', 'fact'], nodeId: f.id });
      });
  }
  return refs;
}

/** Every `{param: x}` reference anywhere in the rubric, with its path. */
export function collectParamRefs(rubric: Rubric): Ref[] {
  const refs: Ref[] = [];
  const walk = (v: unknown, path: PathSegment[]): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.param === 'string' && Object.keys(o).length === 1) refs.push({ name: o.param, path: [...path, 'param'] });
      else for (const [k, x] of Object.entries(o)) if (k !== 'parameters') walk(x, [...path, k]);
    }
  };
  walk(rubric.nodes, ['nodes']);
  walk(rubric.vetoes, ['vetoes']);
  return refs;
}
