// Semantic checks of rank-relative criteria (M27, `method: rank`): the basis node exists and does not depend on a
// rank criterion (ranks are computed from first-pass scores), bands are ordered and fit the item's points.
// The basis fact is checked with every other scoring fact (rule-sites collectScoringFactRefs).
import { makeDiagnostic, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { FlatNode, RubricModel } from '../model/rubric-model.js';
import { dec, formatPoints } from '../score/decimal.js';

type Add = (d: Diagnostic, path: PathSegment[], preferKey?: boolean) => void;

function subtreeHasRank(model: RubricModel, f: FlatNode): boolean {
  if (f.node.scoring?.method === 'rank') return true;
  return f.children.some((c) => subtreeHasRank(model, model.byId.get(c)!));
}

function isAncestor(model: RubricModel, maybeAncestor: string, f: FlatNode): boolean {
  for (let cur = f.parent; cur !== null; cur = model.byId.get(cur)?.parent ?? null) if (cur === maybeAncestor) return true;
  return false;
}

/** Check every `method: rank` leaf; diagnostics go through `add` (positioned by the caller). */
export function checkRankCriteria(model: RubricModel, add: Add): void {
  for (const f of model.nodes) {
    const s = f.node.scoring;
    if (s?.method !== 'rank') continue;
    const p: PathSegment[] = [...f.path, 'scoring'];
    if ('node' in s.basis) {
      const bp: PathSegment[] = [...p, 'basis', 'node'];
      const target = model.byId.get(s.basis.node);
      if (!target) {
        const hint = didYouMean(s.basis.node, model.byId.keys());
        add(makeDiagnostic('UNKNOWN_NODE', { actual: s.basis.node, path: bp, ...(hint ? { hint } : {}) }), bp);
      } else if (target.id === f.id || isAncestor(model, target.id, f) || subtreeHasRank(model, target)) {
        add(makeDiagnostic('SCHEMA_INVALID', { reason: `排名依据节点 "${target.id}" 不能是排名类指标,也不能包含排名类指标(排名依据取第一轮得分)`, path: bp }), bp);
      }
    }
    const max = f.max;
    const sc = s.scheme;
    const over = (amount: number, at: PathSegment[], what: string): void => {
      if (dec(amount).gt(max)) add(makeDiagnostic('AMOUNT_EXCEEDS_POINTS', { reason: `${what} ${amount} 超过本项分值 ${formatPoints(max, 4)}`, path: at }), at);
    };
    over(sc.otherwise, [...p, 'scheme', 'otherwise'], '其余名次分值');
    if (!('bands' in sc)) continue;
    let prevUpTo = 0;
    let prevPoints: number | null = null;
    sc.bands.forEach((b, i) => {
      const bp: PathSegment[] = [...p, 'scheme', 'bands', i];
      if (b.upTo <= prevUpTo) {
        add(makeDiagnostic('SCHEMA_INVALID', { reason: `名次段须按名次从前到后排列:upTo ${b.upTo} 不大于上一段的 ${prevUpTo}`, path: [...bp, 'upTo'] }), [...bp, 'upTo']);
        return;
      }
      const size = b.upTo - prevUpTo;
      const list = Array.isArray(b.points) ? b.points : [b.points];
      if (Array.isArray(b.points) && b.points.length !== size)
        add(
          makeDiagnostic('SCHEMA_INVALID', { reason: `第${prevUpTo + 1}–${b.upTo}名共 ${size} 个名次,但列出了 ${b.points.length} 个分值`, path: [...bp, 'points'] }),
          [...bp, 'points'],
        );
      list.forEach((pts, j) => {
        over(pts, Array.isArray(b.points) ? [...bp, 'points', j] : [...bp, 'points'], '名次分值');
        if (prevPoints !== null && pts > prevPoints)
          add(makeDiagnostic('SCHEMA_INVALID', { reason: `名次靠后的分值 ${pts} 不能高于靠前名次的 ${prevPoints}`, path: [...bp, 'points'] }), [...bp, 'points']);
        prevPoints = pts;
      });
      prevUpTo = b.upTo;
    });
    if (prevPoints !== null && sc.otherwise > prevPoints)
      add(makeDiagnostic('SCHEMA_INVALID', { reason: `其余名次分值 ${sc.otherwise} 不能高于最后一段的 ${prevPoints}`, path: [...p, 'scheme', 'otherwise'] }), [...p, 'scheme', 'otherwise']);
  }
}
