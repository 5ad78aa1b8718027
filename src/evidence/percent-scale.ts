// Percent facts entered on the wrong scale: a clerk who types 5% into a spreadsheet stores 0.05, and a rubric that
// asks for "不低于4%" then reads 0.05 < 4 and takes the points away silently. A percent value in (0, 1] where the
// rubric compares that fact with a threshold above 1 is almost surely such a slip: warn, asking whether 5 was meant.
// Input: the compiled rubric and the evidence facts. Output: the suspect facts (pure; memoised per rubric).
import type { CompiledRubric } from '../compile/compile-rubric.js';
import { collectRuleSites, walkCondition } from '../model/rule-sites.js';
import type { NumberOrParam } from '../score/numbers.js';
import { dec } from '../score/decimal.js';

const NUMERIC_OPERATORS = new Set(['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'between']);
const THRESHOLDS = new WeakMap<CompiledRubric, Map<string, number>>();

/** The largest threshold the rubric compares each percent fact with (conditions and scoring methods). */
export function percentThresholds(compiled: CompiledRubric): Map<string, number> {
  let out = THRESHOLDS.get(compiled);
  if (out) return out;
  out = new Map();
  const r = compiled.rubric;
  const isPercent = (id: string): boolean => r.facts[id]?.type === 'percent' && r.facts[id]?.derive === undefined;
  const resolve = (v: unknown): number | null => {
    if (typeof v === 'number') return v;
    if (v && typeof v === 'object' && !Array.isArray(v) && 'param' in v) {
      const p = r.parameters[(v as { param: string }).param]?.value;
      return typeof p === 'number' ? p : null;
    }
    return null;
  };
  const note = (id: string, v: unknown): void => {
    const values = Array.isArray(v) ? v.map(resolve) : [resolve(v)];
    for (const n of values) if (n !== null && isPercent(id) && n > (out!.get(id) ?? -Infinity)) out!.set(id, n);
  };
  for (const site of collectRuleSites(compiled.model))
    walkCondition(site.condition, [], (leaf) => {
      if (NUMERIC_OPERATORS.has(leaf.operator)) note(leaf.fact, leaf.value);
    });
  for (const f of compiled.model.nodes) {
    const s = f.node.scoring;
    if (!s) continue;
    const per = (x: { fact: string; below?: NumberOrParam | undefined; above?: NumberOrParam | undefined }): void => {
      note(x.fact, x.below);
      note(x.fact, x.above);
    };
    if (s.method === 'linear') {
      note(s.fact, s.from.value);
      note(s.fact, s.to.value);
    }
    if (s.method === 'stepped') s.steps.forEach((st) => note(s.fact, st.atLeast));
    if (s.method === 'perOccurrence') per(s.per);
    if (s.method === 'deduct') s.deductions.forEach((d) => d.per && per(d.per));
  }
  THRESHOLDS.set(compiled, out);
  return out;
}

/** Percent facts whose value is in (0, 1] while the rubric's threshold for them is above 1. */
export function suspectPercentFacts(compiled: CompiledRubric, facts: Readonly<Record<string, unknown>>): Array<{ id: string; value: number; threshold: number; meant: string }> {
  const out: Array<{ id: string; value: number; threshold: number; meant: string }> = [];
  for (const [id, threshold] of percentThresholds(compiled)) {
    const v = Object.prototype.hasOwnProperty.call(facts, id) ? facts[id] : undefined;
    if (typeof v !== 'number' || !(v > 0 && v <= 1) || threshold <= 1) continue;
    out.push({ id, value: v, threshold, meant: dec(v).times(100).toString() });
  }
  return out;
}
