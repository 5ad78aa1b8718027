// "Did you mean" suggestions for unknown names (keys, facts, parameters, nodes, operators).
import { distance } from 'fastest-levenshtein';

/** The closest candidate within a small edit distance, or undefined. */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  const limit = Math.max(2, Math.floor(name.length / 3));
  for (const c of candidates) {
    const lower = c.toLowerCase();
    const typed = name.toLowerCase();
    // A case-only difference is nearest; an abbreviation (`bool` → boolean, `eq` → equal) beats two typos.
    const d = lower === typed ? 0.5 : typed.length >= 2 && lower.startsWith(typed) ? Math.min(1.5, distance(name, c)) : distance(name, c);
    if (d < bestDist || (d === bestDist && best !== undefined && c < best)) {
      best = c;
      bestDist = d;
    }
  }
  // Never suggest a name that shares nothing with what was typed (`备注` → `id`, `C` → `A`).
  return bestDist <= limit && bestDist < name.length ? best : undefined;
}

export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const m = closestMatch(name, candidates);
  return m === undefined ? undefined : `是否想写 "${m}"?`;
}
