// Pair the nodes of two rubric versions: first by id, then — for the ids left over on both sides — by title
// similarity, so a renumbered item ("4.1.6" → "5.4.2") is reported as moved/renumbered rather than removed + added.
import { distance } from 'fastest-levenshtein';
import type { FlatNode } from '../model/rubric-model.js';

/** Titles at least this similar (0–1) are taken to be the same item when their ids differ. */
export const TITLE_MATCH_THRESHOLD = 0.6;

/** 1 − edit distance ÷ the longer title's length (characters; Chinese titles are short, so edits weigh a lot). */
export function titleSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const la = [...a].length;
  const lb = [...b].length;
  if (la === 0 || lb === 0) return 0;
  return 1 - distance(a, b) / Math.max(la, lb);
}

/**
 * Map old node id → new node id. Ids present in both match each other; leftovers are paired greedily, most similar
 * first (ties: document order), when similarity ≥ threshold and both are of the same kind (score/bonus/penalty).
 */
export function matchNodes(oldNodes: readonly FlatNode[], newNodes: readonly FlatNode[], threshold = TITLE_MATCH_THRESHOLD): Map<string, string> {
  const pairs = new Map<string, string>();
  const newIds = new Set(newNodes.map((f) => f.id));
  for (const f of oldNodes) if (newIds.has(f.id) && !pairs.has(f.id)) pairs.set(f.id, f.id);
  const matchedNew = new Set(pairs.values());
  const leftOld = oldNodes.filter((f) => !pairs.has(f.id));
  const leftNew = newNodes.filter((f) => !matchedNew.has(f.id));
  const candidates: Array<{ o: number; n: number; sim: number }> = [];
  leftOld.forEach((fo, o) =>
    leftNew.forEach((fn, n) => {
      if (fo.kind !== fn.kind) return;
      const sim = titleSimilarity(fo.node.title, fn.node.title);
      if (sim >= threshold) candidates.push({ o, n, sim });
    }),
  );
  candidates.sort((x, y) => y.sim - x.sim || x.o - y.o || x.n - y.n);
  const usedO = new Set<number>();
  const usedN = new Set<number>();
  for (const c of candidates) {
    if (usedO.has(c.o) || usedN.has(c.n)) continue;
    usedO.add(c.o);
    usedN.add(c.n);
    pairs.set(leftOld[c.o]!.id, leftNew[c.n]!.id);
  }
  return pairs;
}
