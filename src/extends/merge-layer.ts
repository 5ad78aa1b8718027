// Merge one `extends` layer's top-level fields over the inherited rubric data (a copy the resolver owns):
//   id / version / title (and year, when the parent has one) must be restated — a copied rubric that still carries
//   last year's identity would silently accept last year's evidence;
//   parameters / facts merge by id (an entry merges field by field; `null` removes an entry or a field);
//   vetoes and checks merge by id (`{remove: id}` drops one); nodes change only through `overrides` (node-ops.ts);
//   every other field replaces the parent's.
import { makeDiagnostic, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.js';
import { positionDiagnostic } from '../diagnostics/locate.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { SourceFile } from '../load/parse-source.js';
import { applyNodeOps, isPlainObject } from './node-ops.js';
import type { Origin, OriginMap } from './origin-map.js';

export interface LayerContext {
  layer: SourceFile;
  /** The file the layer extends (for messages). */
  parentFile: string;
  origins: OriginMap;
  diagnostics: Diagnostic[];
  /** Facts removed by a layer, for the "did you mean" of a dangling reference. */
  removedFacts: Map<string, Origin>;
}

const LAYER_ONLY = new Set(['extends', 'overrides']);

function push(ctx: LayerContext, d: Diagnostic, path: PathSegment[], preferKey = false): void {
  ctx.diagnostics.push(positionDiagnostic(ctx.layer, d, path, preferKey));
}

function checkRestated(base: Record<string, unknown>, layer: Record<string, unknown>, ctx: LayerContext): void {
  const required = ['id', 'version', 'title', ...(base.year !== undefined ? ['year'] : [])];
  for (const key of required) {
    if (layer[key] === undefined)
      push(ctx, makeDiagnostic('EXTENDS_RESTATE', { actual: key, reason: `不沿用被继承细则(${ctx.parentFile})的 ${key},以免新细则与旧细则混用`, path: [key] }), ['extends'], true);
  }
  if (layer.id !== undefined && layer.id === base.id && layer.version !== undefined && layer.version === base.version)
    push(ctx, makeDiagnostic('EXTENDS_RESTATE', { actual: 'version', reason: `编号和版本与被继承细则完全相同("${String(base.id)}" ${String(base.version)}),请至少改变其一`, path: ['version'] }), ['version']);
}

/** parameters / facts: merge entries by id. */
function mergeById(base: Record<string, unknown>, key: 'parameters' | 'facts', value: unknown, ctx: LayerContext): void {
  const { origins, layer } = ctx;
  if (!isPlainObject(value) || !isPlainObject(base[key])) {
    base[key] = value;
    origins.setKey(base, key, { src: layer, path: [key] });
    return;
  }
  const target = base[key] as Record<string, unknown>;
  for (const [id, entry] of Object.entries(value)) {
    const at: PathSegment[] = [key, id];
    if (entry === null) {
      if (!(id in target)) {
        const hint = didYouMean(id, Object.keys(target));
        push(ctx, makeDiagnostic('OVERRIDE_INVALID', { reason: `要删除的${key === 'facts' ? '事实' : '参数'} "${id}" 在被继承的细则中不存在`, path: at, ...(hint ? { hint } : {}) }), at, true);
        continue;
      }
      delete target[id];
      if (key === 'facts') ctx.removedFacts.set(id, { src: layer, path: at });
      continue;
    }
    const old = target[id];
    if (isPlainObject(old) && isPlainObject(entry)) {
      for (const [field, v] of Object.entries(entry)) {
        if (v === null) delete old[field];
        else old[field] = v;
        origins.setKey(old, field, { src: layer, path: [...at, field] });
      }
    } else {
      target[id] = entry;
      origins.setKey(target, id, { src: layer, path: at });
    }
  }
}

/** vetoes / checks: merge by id, field by field (`null` removes a field); `{remove: id}` drops an inherited entry. */
function mergeListById(base: Record<string, unknown>, key: 'vetoes' | 'checks', value: unknown, ctx: LayerContext): void {
  const { origins, layer } = ctx;
  const what = key === 'vetoes' ? '否决项' : '数据核验';
  if (!Array.isArray(value) || !Array.isArray(base[key])) {
    base[key] = value;
    origins.setKey(base, key, { src: layer, path: [key] });
    return;
  }
  const target = base[key] as unknown[];
  const idOf = (v: unknown): unknown => (isPlainObject(v) ? v.id : undefined);
  value.forEach((entry, i) => {
    const at: PathSegment[] = [key, i];
    if (isPlainObject(entry) && 'remove' in entry && Object.keys(entry).length === 1) {
      const idx = target.findIndex((v) => idOf(v) === entry.remove);
      if (idx < 0) {
        const hint = typeof entry.remove === 'string' ? didYouMean(entry.remove, target.map(idOf).filter((x): x is string => typeof x === 'string')) : undefined;
        push(ctx, makeDiagnostic('OVERRIDE_INVALID', { reason: `要删除的${what} "${String(entry.remove)}" 在被继承的细则中不存在`, path: [...at, 'remove'], ...(hint ? { hint } : {}) }), [...at, 'remove']);
      } else target.splice(idx, 1);
      return;
    }
    const old = target.find((v) => idOf(v) !== undefined && idOf(v) === idOf(entry));
    if (isPlainObject(old) && isPlainObject(entry)) {
      for (const [field, v] of Object.entries(entry)) {
        if (field === 'id') continue;
        if (v === null) delete old[field];
        else old[field] = v;
        origins.setKey(old, field, { src: layer, path: [...at, field] });
      }
    } else target.push(entry);
  });
}

/** Merge `layer` over `base` (mutated). */
export function mergeLayer(base: Record<string, unknown>, ctx: LayerContext): void {
  const layer = ctx.layer.data as Record<string, unknown>;
  checkRestated(base, layer, ctx);
  for (const [key, value] of Object.entries(layer)) {
    if (LAYER_ONLY.has(key)) continue;
    if (key === 'nodes') {
      push(ctx, makeDiagnostic('OVERRIDE_INVALID', { reason: '继承的细则不能直接写 nodes(那会整体替换被继承细则的全部节点);请用 overrides 逐项修改', path: ['nodes'] }), ['nodes'], true);
      continue;
    }
    if (key === 'parameters' || key === 'facts') mergeById(base, key, value, ctx);
    else if (key === 'vetoes' || key === 'checks') mergeListById(base, key, value, ctx);
    else {
      base[key] = value;
      ctx.origins.setKey(base, key, { src: ctx.layer, path: [key] });
    }
  }
  const ops = layer.overrides;
  if (Array.isArray(ops) && ops.length > 0) {
    if (!Array.isArray(base.nodes)) base.nodes = [];
    applyNodeOps(base.nodes as unknown[], ops as Array<Record<string, unknown>>, ctx);
  }
}
