// "Did you mean" suggestions for unknown names (keys, facts, parameters, nodes, operators).
import { distance } from 'fastest-levenshtein';

/** The closest candidate within a small edit distance, or undefined. */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  const limit = Math.max(2, Math.floor(name.length / 3));
  for (const c of candidates) {
    const d = c.toLowerCase() === name.toLowerCase() ? 0.5 : distance(name, c);
    if (d < bestDist || (d === bestDist && best !== undefined && c < best)) {
      best = c;
      bestDist = d;
    }
  }
  return bestDist <= limit ? best : undefined;
}

export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const m = closestMatch(name, candidates);
  return m === undefined ? undefined : `是否想写 "${m}"?`;
}
