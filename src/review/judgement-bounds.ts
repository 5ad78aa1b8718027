// Which review keys may carry a judgement, and within which bounds: a judged item (`method: judgement`) by its node
// id, or a judged deduction (`judgement: {min, max}` on a deduction rule) as `<node>#<deduction>`.
import type { CompiledRubric } from '../compile/compile-rubric.js';

export interface JudgementBounds {
  nodeId: string;
  deductionId?: string;
  min: number;
  max: number;
}

/** Every judgement key of the rubric in document order (for hints and for the blank review). */
export function judgementKeys(compiled: CompiledRubric): string[] {
  return compiled.model.nodes.flatMap((f) => {
    const s = f.node.scoring;
    if (s?.method === 'judgement') return [f.id];
    if (s?.method === 'deduct') return s.deductions.filter((d) => d.judgement).map((d) => `${f.id}#${d.id}`);
    return [];
  });
}

/** The bounds of a judgement key, or null when the key names no judged item or deduction. */
export function judgementBounds(compiled: CompiledRubric, key: string): JudgementBounds | null {
  const hash = key.indexOf('#');
  const nodeId = hash < 0 ? key : key.slice(0, hash);
  const dedId = hash < 0 ? undefined : key.slice(hash + 1);
  const f = compiled.model.byId.get(nodeId);
  const s = f?.node.scoring;
  if (!f || !s) return null;
  if (dedId === undefined && s.method === 'judgement') return { nodeId, min: s.min, max: s.max ?? f.max.toNumber() };
  if (dedId !== undefined && s.method === 'deduct') {
    const d = s.deductions.find((x) => x.id === dedId);
    if (d?.judgement) return { nodeId, deductionId: dedId, min: d.judgement.min, max: d.judgement.max };
  }
  return null;
}

/** The hint listing the rubric's judgement keys (ids differ by one character too often for a "did you mean"). */
export function judgementKeysHint(compiled: CompiledRubric): string {
  const keys = judgementKeys(compiled);
  return keys.length > 0 ? `本细则可评审的项目:${keys.slice(0, 20).join('、')}${keys.length > 20 ? ' 等' : ''}` : '本细则没有酌情评分项';
}
