// Claims filled on a parent item and below it that disagree (1 组织保障 = 15, its children 0 + 0 + 0): the report
// counts the parent's claim and ignores the children's, which a clerk rarely means. Pure; import-form.ts turns each
// conflict into a warning naming both cells.
import type { RubricModel } from '../model/rubric-model.js';
import { dec, type Dec } from '../score/decimal.js';

export interface ClaimConflict {
  /** The item whose own claim is filled. */
  parent: string;
  parentClaim: Dec;
  /** The claims below it that count for it (the nearest filled descendants), in document order. */
  below: string[];
  /** Their sum. */
  belowSum: Dec;
}

/**
 * Every item with its own claim whose nearest claimed descendants sum to something else. Items with equal sums (a
 * clerk who filled both consistently) and items with nothing claimed below are fine.
 */
export function claimConflicts(model: RubricModel, claims: Readonly<Record<string, number>>): ClaimConflict[] {
  const has = (id: string): boolean => Object.prototype.hasOwnProperty.call(claims, id);
  /** The nearest claimed descendants of `id` (not `id` itself). */
  const frontier = (id: string): string[] => model.byId.get(id)!.children.flatMap((c) => (has(c) ? [c] : frontier(c)));
  const out: ClaimConflict[] = [];
  for (const f of model.nodes) {
    if (!has(f.id) || f.children.length === 0) continue;
    const below = frontier(f.id);
    if (below.length === 0) continue;
    const belowSum = below.reduce<Dec>((a, id) => a.plus(claims[id]!), dec(0));
    const parentClaim = dec(claims[f.id]!);
    if (!belowSum.eq(parentClaim)) out.push({ parent: f.id, parentClaim, below, belowSum });
  }
  return out;
}
