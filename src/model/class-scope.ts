// One agency class's part of a rubric (`zwgk init --class B`, `zwgk render --blank --class B`): the nodes assessed
// for that class (a node and all its ancestors either name no classes or include it), in document order. Pure.
import type { FlatNode, RubricModel } from './rubric-model.js';

/** Whether a node (and every ancestor) applies to agencies of class `cls`; `undefined` means every node. */
export function appliesToClass(model: RubricModel, id: string, cls: string | undefined): boolean {
  if (cls === undefined) return true;
  for (let f = model.byId.get(id); f; f = f.parent ? model.byId.get(f.parent) : undefined) if (f.node.classes && !f.node.classes.includes(cls)) return false;
  return true;
}

/** The nodes of the rubric that apply to class `cls` (all of them when `cls` is undefined), in document order. */
export function nodesForClass(model: RubricModel, cls: string | undefined): FlatNode[] {
  if (cls === undefined) return model.nodes;
  // Pre-order: a node's parent is decided before the node.
  const keep = new Set<string>();
  const out: FlatNode[] = [];
  for (const f of model.nodes) {
    if (f.parent !== null && !keep.has(f.parent)) continue;
    if (f.node.classes && !f.node.classes.includes(cls)) continue;
    keep.add(f.id);
    out.push(f);
  }
  return out;
}

/** The children of `f` that apply to class `cls`. */
export function childrenForClass(model: RubricModel, f: FlatNode, cls: string | undefined): string[] {
  return f.children.filter((c) => appliesToClass(model, c, cls));
}

/**
 * Check a `--class` value against the rubric's classes: a Chinese message when the rubric has no classes or does
 * not know this one (listing the ones it knows), else null.
 */
export function classProblem(model: RubricModel, cls: string): string | null {
  const known = model.rubric.classes ?? [];
  if (known.length === 0) return `细则 ${model.rubric.id} 没有划分单位类别（classes），不能使用 --class ${cls}；去掉 --class 即可`;
  if (!known.includes(cls)) return `未知的单位类别“${cls}”，细则 ${model.rubric.id} 的类别为：${known.join('、')}`;
  return null;
}
