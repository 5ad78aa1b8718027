// Which rubric nodes are rows of the evidence form: the nodes at the 具体标准 level (the same rule as the printed
// sheet, criterionLevel), plus shallower leaves such as a 任务 section without children. Every node maps to the
// row it belongs to (itself, or its ancestor at the row level).
import type { CompiledRubric } from '../../compile/compile-rubric.js';
import type { FlatNode } from '../../model/rubric-model.js';
import { criterionLevel } from '../../render/view-model.js';

export interface FormRows {
  rowLevel: number;
  isRow: (n: FlatNode) => boolean;
  /** node id → id of its row (absent for headings above the row level). */
  rowOf: Map<string, string>;
}

export function formRows(compiled: CompiledRubric): FormRows {
  const maxDepth = compiled.model.nodes.reduce((m, n) => Math.max(m, n.depth), 0);
  const rowLevel = criterionLevel(compiled.rubric.levels, maxDepth);
  const isRow = (n: FlatNode): boolean => n.depth === rowLevel || (n.depth < rowLevel && n.children.length === 0);
  const rowOf = new Map<string, string>();
  for (const n of compiled.model.nodes) {
    let x: FlatNode | undefined = n;
    while (x && !isRow(x)) x = x.parent !== null ? compiled.model.byId.get(x.parent) : undefined;
    if (x) rowOf.set(n.id, x.id);
  }
  return { rowLevel, isRow, rowOf };
}
