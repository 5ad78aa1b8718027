// Apply a layer's ordered `overrides` (set / remove / move / add / replace) to the inherited node tree, in place
// on a copy the resolver owns. Each change records its origin so diagnostics of the result point at the override.
// Input: raw node data (not yet shape-checked), the ops (key-checked). Output: diagnostics for ops that cannot apply.
import { makeDiagnostic, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.js';
import { positionDiagnostic } from '../diagnostics/locate.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { SourceFile } from '../load/parse-source.js';
import { SETTABLE_NODE_FIELDS } from '../schema/override-schema.js';
import type { OriginMap } from './origin-map.js';

type RawNode = Record<string, unknown>;

interface Located {
  node: RawNode;
  /** The array holding the node: the rubric's `nodes` or a parent's `children`. */
  siblings: unknown[];
  parent: RawNode | null;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Index every node with a string id (first occurrence wins; duplicates are reported by validation later). */
function indexNodes(roots: unknown[]): Map<string, Located> {
  const byId = new Map<string, Located>();
  const visit = (siblings: unknown[], parent: RawNode | null): void => {
    for (const n of siblings) {
      if (!isPlainObject(n)) continue;
      if (typeof n.id === 'string' && !byId.has(n.id)) byId.set(n.id, { node: n, siblings, parent });
      if (Array.isArray(n.children)) visit(n.children, n);
    }
  };
  visit(roots, null);
  return byId;
}

function contains(ancestor: RawNode, node: RawNode | null, byId: Map<string, Located>): boolean {
  for (let cur = node; cur; cur = typeof cur.id === 'string' ? byId.get(cur.id)?.parent ?? null : null) if (cur === ancestor) return true;
  return false;
}

export interface NodeOpsContext {
  layer: SourceFile;
  origins: OriginMap;
  diagnostics: Diagnostic[];
}

/**
 * Apply `ops` to `roots` (the rubric's `nodes` array, owned by the caller). Ops are applied in order, each seeing
 * the result of the previous ones; an op that cannot apply is reported at its line in the layer and skipped.
 */
export function applyNodeOps(roots: unknown[], ops: ReadonlyArray<Record<string, unknown>>, ctx: NodeOpsContext): void {
  const { layer, origins } = ctx;
  // Nodes whose `points` this layer set explicitly: a structural change below them keeps pointing at that `set`.
  const pointsSetHere = new WeakSet<object>();
  const report = (i: number, key: string, d: Diagnostic, preferKey = false): void => {
    ctx.diagnostics.push(positionDiagnostic(layer, d, ['overrides', i, key], preferKey));
  };
  const from = (i: number, ...rest: PathSegment[]) => ({ src: layer, path: ['overrides', i, ...rest] });
  /** The children sum of `parent` changed because of op i: a POINTS_MISMATCH there is this op's doing. */
  const touched = (parent: RawNode | null, i: number, key: string): void => {
    if (!parent) return;
    origins.setKey(parent, 'children', from(i, key));
    if (!pointsSetHere.has(parent)) origins.setKey(parent, 'points', from(i, key));
  };

  ops.forEach((op, i) => {
    const byId = indexNodes(roots);
    const ids = [...byId.keys()];
    const find = (id: unknown, key: string): Located | null => {
      const hit = typeof id === 'string' ? byId.get(id) : undefined;
      if (hit) return hit;
      const hint = typeof id === 'string' ? didYouMean(id, ids) : undefined;
      report(i, key, makeDiagnostic('UNKNOWN_NODE', { actual: id, path: ['overrides', i, key], ...(hint ? { hint } : {}) }));
      return null;
    };
    /** Where a moved or added node goes: after/before a sibling, or appended under a parent (null → top level). */
    const destination = (parentKey: 'to' | 'under', self: RawNode | null): { siblings: unknown[]; parent: RawNode | null } | null => {
      if (op.after !== undefined && op.before !== undefined) {
        report(i, 'before', makeDiagnostic('OVERRIDE_INVALID', { reason: 'after 与 before 只能写一个', path: ['overrides', i, 'before'] }), true);
        return null;
      }
      const anchorKey = op.after !== undefined ? 'after' : op.before !== undefined ? 'before' : null;
      if (anchorKey) {
        const anchor = find(op[anchorKey], anchorKey);
        if (!anchor) return null;
        if (anchor.node === self) {
          report(i, anchorKey, makeDiagnostic('OVERRIDE_INVALID', { reason: '节点不能放在它自己的前面或后面', path: ['overrides', i, anchorKey] }));
          return null;
        }
        if (op[parentKey] !== undefined && op[parentKey] !== anchor.parent?.id) {
          const where = anchor.parent ? `"${String(anchor.parent.id)}"` : '顶层';
          report(i, parentKey, makeDiagnostic('OVERRIDE_INVALID', { reason: `${parentKey} 与 ${anchorKey} 指定的位置不一致:"${String(op[anchorKey])}" 位于 ${where} 之下`, path: ['overrides', i, parentKey] }));
          return null;
        }
        return { siblings: anchor.siblings, parent: anchor.parent };
      }
      if (op[parentKey] === undefined) {
        const kind = parentKey === 'to' ? 'move' : 'add';
        report(i, kind, makeDiagnostic('OVERRIDE_INVALID', { reason: `${kind} 须写 ${parentKey}(上级节点)、after 或 before 之一,指明新位置`, path: ['overrides', i] }), true);
        return null;
      }
      const parent = find(op[parentKey], parentKey);
      if (!parent) return null;
      if (!Array.isArray(parent.node.children)) parent.node.children = [];
      return { siblings: parent.node.children as unknown[], parent: parent.node };
    };
    const insert = (dest: { siblings: unknown[]; parent: RawNode | null }, node: RawNode): void => {
      let index = dest.siblings.length;
      const anchorId = op.after ?? op.before;
      if (anchorId !== undefined) {
        const at = dest.siblings.findIndex((s) => isPlainObject(s) && s.id === anchorId);
        index = op.after !== undefined ? at + 1 : at;
      }
      dest.siblings.splice(index, 0, node);
    };

    if ('set' in op) {
      const hit = find(op.set, 'set');
      if (!hit) return;
      for (const field of SETTABLE_NODE_FIELDS) {
        if (!(field in op)) continue;
        const v = op[field];
        if (field === 'id' && typeof v === 'string' && v !== op.set && byId.has(v)) {
          report(i, 'id', makeDiagnostic('OVERRIDE_INVALID', { reason: `新编号 "${v}" 已被其他节点使用`, path: ['overrides', i, 'id'] }));
          continue;
        }
        if (v === null) delete hit.node[field];
        else hit.node[field] = v;
        origins.setKey(hit.node, field, from(i, field));
        if (field === 'points') pointsSetHere.add(hit.node);
        // A node's points, weight or kind feed its parent's sum.
        if (field === 'points' || field === 'weight' || field === 'kind') touched(hit.parent, i, field);
      }
    } else if ('remove' in op) {
      const hit = find(op.remove, 'remove');
      if (!hit) return;
      hit.siblings.splice(hit.siblings.indexOf(hit.node), 1);
      touched(hit.parent, i, 'remove');
    } else if ('move' in op) {
      const hit = find(op.move, 'move');
      if (!hit) return;
      const dest = destination('to', hit.node);
      if (!dest) return;
      if (dest.parent && contains(hit.node, dest.parent, byId)) {
        report(i, 'move', makeDiagnostic('OVERRIDE_INVALID', { reason: `不能把节点 "${String(op.move)}" 移到它自己的下级之中`, path: ['overrides', i, 'move'] }));
        return;
      }
      hit.siblings.splice(hit.siblings.indexOf(hit.node), 1);
      insert(dest, hit.node);
      touched(hit.parent, i, 'move');
      touched(dest.parent, i, 'move');
    } else if ('add' in op) {
      const node = op.add;
      if (!isPlainObject(node)) {
        report(i, 'add', makeDiagnostic('OVERRIDE_INVALID', { reason: 'add 的值应为一个完整的节点(含 id、title、points 等)', path: ['overrides', i, 'add'] }));
        return;
      }
      if (typeof node.id === 'string' && byId.has(node.id)) {
        ctx.diagnostics.push(
          positionDiagnostic(layer, makeDiagnostic('OVERRIDE_INVALID', { reason: `新增节点的编号 "${node.id}" 已存在;修改已有节点请用 set 或 replace`, path: ['overrides', i, 'add', 'id'] }), ['overrides', i, 'add', 'id']),
        );
        return;
      }
      const dest = destination('under', null);
      if (!dest) return;
      insert(dest, node);
      touched(dest.parent, i, 'add');
    } else if ('replace' in op) {
      const hit = find(op.replace, 'replace');
      if (!hit) return;
      const node = op.with;
      if (!isPlainObject(node)) {
        report(i, 'with', makeDiagnostic('OVERRIDE_INVALID', { reason: 'with 的值应为一个完整的节点(含 id、title、points 等)', path: ['overrides', i, 'with'] }));
        return;
      }
      if (typeof node.id === 'string' && node.id !== op.replace && byId.has(node.id)) {
        ctx.diagnostics.push(
          positionDiagnostic(layer, makeDiagnostic('OVERRIDE_INVALID', { reason: `替换后的编号 "${node.id}" 已被其他节点使用`, path: ['overrides', i, 'with', 'id'] }), ['overrides', i, 'with', 'id']),
        );
        return;
      }
      hit.siblings[hit.siblings.indexOf(hit.node)] = node;
      touched(hit.parent, i, 'replace');
    }
  });
}
