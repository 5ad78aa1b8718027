// The resolved rubric model: the node tree flattened in document order, with parents, depth,
// effective kind and exact maxima (points, or weight × parent). Pure; built once per rubric.
import type { Rubric, RubricNode } from '../schema/rubric-schema.js';
import { dec, sum, type Dec } from '../score/decimal.js';
import type { PathSegment } from '../diagnostics/diagnostic.js';

export interface FlatNode {
  node: RubricNode;
  id: string;
  parent: string | null;
  depth: number;
  /** score / bonus / penalty, inherited from the nearest ancestor that declares bonus or penalty. */
  kind: 'score' | 'bonus' | 'penalty';
  /** True when this node's score goes to the bonus/penalty totals instead of its parent's sum. */
  boundary: boolean;
  max: Dec;
  /** Where the node sits in the YAML, for diagnostics. */
  path: PathSegment[];
  children: string[];
}

export interface RubricModel {
  rubric: Rubric;
  nodes: FlatNode[];
  byId: Map<string, FlatNode>;
  /** Rubric total as a Decimal. */
  total: Dec;
}

/** Maximum a leaf implies when it declares neither points nor weight. */
function impliedLeafMax(n: RubricNode): Dec | null {
  const s = n.scoring;
  if (!s) return null;
  if (s.method === 'perOccurrence' && s.max !== undefined) return dec(s.max);
  if (s.method === 'judgement' && s.max !== undefined) return dec(s.max);
  return null;
}

function computeMax(n: RubricNode, parentMax: Dec | null): Dec {
  if (n.points !== undefined) return dec(n.points);
  if (n.weight !== undefined && parentMax !== null) return parentMax.times(n.weight).div(100);
  if (n.children && n.children.length > 0) {
    // Inner node without points: the sum of its children (a deduction-only block, a bonus group).
    return sum(n.children.map((c) => (c.points !== undefined ? dec(c.points) : impliedLeafMax(c) ?? dec(0))));
  }
  if (n.cap !== undefined) return dec(n.cap);
  return impliedLeafMax(n) ?? dec(0);
}

/** Flatten the rubric tree in document order (pre-order), resolving kinds and maxima. */
export function buildRubricModel(rubric: Rubric): RubricModel {
  const nodes: FlatNode[] = [];
  const byId = new Map<string, FlatNode>();
  const visit = (n: RubricNode, parent: FlatNode | null, path: PathSegment[]): void => {
    const kind = n.kind !== 'score' ? n.kind : parent ? parent.kind : 'score';
    const max = computeMax(n, parent ? parent.max : dec(rubric.total));
    const flat: FlatNode = {
      node: n,
      id: n.id,
      parent: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      kind,
      boundary: kind !== 'score' && (parent === null || parent.kind !== kind),
      max,
      path,
      children: (n.children ?? []).map((c) => c.id),
    };
    nodes.push(flat);
    if (!byId.has(n.id)) byId.set(n.id, flat);
    (n.children ?? []).forEach((c, i) => visit(c, flat, [...path, 'children', i]));
  };
  rubric.nodes.forEach((n, i) => visit(n, null, ['nodes', i]));
  return { rubric, nodes, byId, total: dec(rubric.total) };
}
