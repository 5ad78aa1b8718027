// "Did you mean" suggestions for unknown names (keys, facts, parameters, nodes, operators).
import { distance } from 'fastest-levenshtein';

/** Two adjacent letters swapped (`pfd` for `pdf`) is one typo, not two edits. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/** The closest candidate within a small edit distance, or undefined. */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  const limit = Math.max(2, Math.floor(name.length / 3));
  for (const c of candidates) {
    const lower = c.toLowerCase();
    const typed = name.toLowerCase();
    // A case-only difference is nearest; an abbreviation (`bool` → boolean, `eq` → equal) beats two typos.
    const d = lower === typed ? 0.5 : typed.length >= 2 && lower.startsWith(typed) ? Math.min(1.5, distance(name, c)) : isTransposition(typed, lower) ? 1 : distance(name, c);
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
