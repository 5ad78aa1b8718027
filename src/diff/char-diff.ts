// A character diff of two short texts (a clause before and after revision), for highlighting the changed words in
// the 三栏对照表. Longest common subsequence over code points after trimming the common prefix and suffix; equal
// runs of one character between two changes (a stray 「的」 or 「，」) are folded into the change so the marks read as
// words, not confetti. Pure; same input → same segments.

export interface Segment {
  text: string;
  /** True for characters that differ from the other side (removed from the old text, added in the new). */
  changed: boolean;
}

type Op = { op: '=' | '-' | '+'; text: string };

/** Above this many LCS cells the middle part is marked changed as a whole (clauses are far shorter). */
const MAX_CELLS = 4_000_000;

function lcsOps(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 && m === 0) return [];
  if (n === 0) return [{ op: '+', text: b.join('') }];
  if (m === 0) return [{ op: '-', text: a.join('') }];
  if (n * m > MAX_CELLS) return [{ op: '-', text: a.join('') }, { op: '+', text: b.join('') }];
  // len[i][j] = LCS length of a[i..] and b[j..], row-major in one typed array.
  const w = m + 1;
  const len = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) len[i * w + j] = a[i] === b[j] ? len[(i + 1) * w + j + 1]! + 1 : Math.max(len[(i + 1) * w + j]!, len[i * w + j + 1]!);
  const ops: Op[] = [];
  const push = (op: Op['op'], ch: string): void => {
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += ch;
    else ops.push({ op, text: ch });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('=', a[i]!);
      i++;
      j++;
    } else if (len[(i + 1) * w + j]! >= len[i * w + j + 1]!) push('-', a[i++]!);
    else push('+', b[j++]!);
  }
  while (i < n) push('-', a[i++]!);
  while (j < m) push('+', b[j++]!);
  return ops;
}

/** Fold one-character equal runs lying between changes into the change on both sides. */
function cleanup(ops: Op[]): Op[] {
  const out: Op[] = [];
  ops.forEach((o, k) => {
    const between = o.op === '=' && [...o.text].length < 2 && k > 0 && k < ops.length - 1;
    if (between) out.push({ op: '-', text: o.text }, { op: '+', text: o.text });
    else out.push({ ...o });
  });
  return out;
}

function segments(ops: Op[], side: '-' | '+'): Segment[] {
  const out: Segment[] = [];
  for (const o of ops) {
    if (o.op !== '=' && o.op !== side) continue;
    const changed = o.op !== '=';
    const last = out[out.length - 1];
    if (last && last.changed === changed) last.text += o.text;
    else if (o.text !== '') out.push({ text: o.text, changed });
  }
  return out;
}

/** The old and new texts as segments, changed characters marked. Identical texts → one unchanged segment each. */
export function charDiff(oldText: string, newText: string): { old: Segment[]; new: Segment[] } {
  const a = [...oldText];
  const b = [...newText];
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const ops: Op[] = [];
  if (p > 0) ops.push({ op: '=', text: a.slice(0, p).join('') });
  ops.push(...lcsOps(a.slice(p, a.length - s), b.slice(p, b.length - s)));
  if (s > 0) ops.push({ op: '=', text: a.slice(a.length - s).join('') });
  const merged: Op[] = [];
  for (const o of ops) {
    const last = merged[merged.length - 1];
    if (last && last.op === o.op) last.text += o.text;
    else merged.push({ ...o });
  }
  const clean = cleanup(merged);
  return { old: segments(clean, '-'), new: segments(clean, '+') };
}

/** A whole text as one segment (a clause with nothing to compare against). */
export function plain(text: string, changed = false): Segment[] {
  return text === '' ? [] : [{ text, changed }];
}
