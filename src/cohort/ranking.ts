// Ranking with ties. The rule is standard competition ranking ("1224"): agencies with equal values share a rank,
// and the next rank skips as many places as were tied (1, 1, 3). Values are the reports' rounded scores, so
// "equal" means equal as printed — two agencies both shown with 87.5 are tied.

/** Order of a ranking: desc = the largest value ranks first. */
export type RankOrder = 'desc' | 'asc';

/**
 * Competition ranks of `values` (same indices): rank = 1 + the number of values strictly better.
 * @param values finite numbers
 * @returns ranks ≥ 1, aligned with `values`
 */
export function competitionRanks(values: readonly number[], order: RankOrder = 'desc'): number[] {
  const idx = values.map((_, i) => i);
  idx.sort((a, b) => (order === 'desc' ? values[b]! - values[a]! : values[a]! - values[b]!) || a - b);
  const ranks = new Array<number>(values.length);
  for (let pos = 0; pos < idx.length; pos++) {
    const i = idx[pos]!;
    const prev = pos > 0 ? idx[pos - 1]! : -1;
    ranks[i] = prev >= 0 && values[prev] === values[i] ? ranks[prev]! : pos + 1;
  }
  return ranks;
}

/** How many values share each value (for "并列" labels). */
export function tieCounts(values: readonly number[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

/** Deterministic string order that does not depend on the ICU locale (agency codes, file paths). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
