// Semantic checks of the fact catalogue: derived facts reference known facts, have numeric types and form no cycle.
import { makeDiagnostic, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { Derive, FactDef } from '../schema/fact-schema.js';
import { getOwn } from '../model/own-property.js';

/** The facts a derivation reads. */
export function deriveInputs(d: Derive): string[] {
  if ('sum' in d) return d.sum;
  if ('min' in d) return d.min;
  if ('max' in d) return d.max;
  if ('difference' in d) return [...d.difference];
  if ('ratio' in d) return [d.ratio.numerator, d.ratio.denominator];
  if ('daysBetween' in d) return [d.daysBetween.from, d.daysBetween.to];
  const c = d.count;
  if ('trueOf' in c) return c.trueOf;
  if ('list' in c) return [c.list];
  return [c.itemsOf];
}

/** Expand derived facts to the evidence facts they are computed from (keeping only non-derived ones). */
export function expandToEvidenceFacts(facts: Record<string, FactDef>, ids: Iterable<string>): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const queue = [...ids];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const d = getOwn(facts, id)?.derive;
    if (d) queue.push(...deriveInputs(d));
    else out.add(id);
  }
  return [...out].sort();
}

/** Derived facts in an order where every input comes first; throws on a cycle (checked before use). */
export function orderDerived(facts: Record<string, FactDef>): string[] {
  const order: string[] = [];
  const state = new Map<string, 1 | 2>();
  const visit = (id: string, stack: string[]): void => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) throw new Error(`cycle:${[...stack, id].join(' → ')}`);
    state.set(id, 1);
    const d = getOwn(facts, id)?.derive;
    if (d) for (const i of deriveInputs(d)) if (getOwn(facts, i)) visit(i, [...stack, id]);
    state.set(id, 2);
    if (d) order.push(id);
  };
  for (const id of Object.keys(facts).sort()) visit(id, []);
  return order;
}

export function checkFacts(facts: Record<string, FactDef>, add: (d: Diagnostic, path: PathSegment[], preferKey?: boolean) => void): void {
  const ids = Object.keys(facts);
  for (const [id, def] of Object.entries(facts)) {
    const p: PathSegment[] = ['facts', id];
    if (def.type === 'enum' && !def.values) add(makeDiagnostic('SCHEMA_INVALID', { reason: `枚举类型的事实 "${id}" 须列出 values`, path: p }), p, true);
    if (def.min !== undefined && def.max !== undefined && def.min > def.max)
      add(makeDiagnostic('SCHEMA_INVALID', { reason: `事实 "${id}" 的 min 大于 max`, path: [...p, 'min'] }), [...p, 'min']);
    if (!def.derive) continue;
    if (!['integer', 'number', 'percent'].includes(def.type))
      add(makeDiagnostic('SCHEMA_INVALID', { reason: `派生事实 "${id}" 的类型须为 integer、number 或 percent`, path: [...p, 'type'] }), [...p, 'type']);
    const inputs = deriveInputs(def.derive);
    const key = Object.keys(def.derive)[0]!;
    inputs.forEach((input, i) => {
      if (!getOwn(facts, input)) {
        const hint = didYouMean(input, ids);
        add(makeDiagnostic('UNKNOWN_FACT', { actual: input, path: [...p, 'derive', key], ...(hint ? { hint } : {}) }), [...p, 'derive', key, i]);
      }
    });
  }
  try {
    orderDerived(facts);
  } catch (err) {
    const chain = String((err as Error).message).replace(/^cycle:/, '');
    const first = chain.split(' → ')[0]!;
    add(makeDiagnostic('DERIVED_CYCLE', { actual: chain, path: ['facts', first, 'derive'] }), ['facts', first, 'derive']);
  }
}
