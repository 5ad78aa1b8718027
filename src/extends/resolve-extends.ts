// Resolve a rubric that `extends` others into one plain rubric, before shape validation.
// Input: the child SourceFile (+ a reader for its ancestors). Output: a composite SourceFile whose `data` is the
// resolved rubric (no `extends`/`overrides`) and whose `relocate` sends every diagnostic to the file that caused it:
// a value an override brought in → the child file; an untouched value → the parent (or grandparent) file.
import { Document, isMap, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { makeDiagnostic, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { positionDiagnostic } from '../diagnostics/locate.js';
import type { SourceFile } from '../load/parse-source.js';
import { RubricLayerSchema } from '../schema/rubric-schema.js';
import { parseWithSchema } from '../schema/zod-issues.js';
import { mergeLayer } from './merge-layer.js';
import { isPlainObject } from './node-ops.js';
import { OriginMap, type Origin } from './origin-map.js';
import { collectChain, collectChainSync, type AsyncSourceReader, type SourceReader } from './read-chain.js';

export interface ResolvedRubricSource {
  /** The resolved rubric as a SourceFile (file = the child's name), ready for compileRubricSource. */
  source: SourceFile;
  /** The files involved, child first, root ancestor last. */
  chain: SourceFile[];
  /** Facts a layer removed, with where (for hints on references left dangling). */
  removedFacts: Map<string, Origin>;
}

/** YAML text of resolved data: what `zwgk resolve` prints and what the resolved rubric's hash covers. */
export function stringifyRubricData(data: unknown): string {
  const doc = new Document(data, { aliasDuplicateObjects: false });
  // Conditions and other small scalar maps read best on one line, as rubric authors write them.
  visit(doc, {
    Map(_key, node) {
      if (node.items.length <= 5 && node.items.every((p) => isScalar(p.value) || (isMap(p.value) && p.value.flow))) node.flow = node.items.some((p) => isScalar(p.key) && (p.key.value === 'fact' || p.key.value === 'param'));
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** Fold a chain (child first) into one rubric. Pure: no I/O. */
export function resolveChain(chain: readonly SourceFile[]): Result<ResolvedRubricSource> {
  const root = chain[chain.length - 1]!;
  const child = chain[0]!;
  if (!isPlainObject(root.data)) {
    return { ok: false, diagnostics: [positionDiagnostic(root, makeDiagnostic('SCHEMA_INVALID', { reason: '细则文件应为映射(键: 值)' }), [])] };
  }
  const origins = new OriginMap();
  for (const s of chain) origins.registerTree(s.data, s);
  const data = origins.clone(root.data);
  const diagnostics: Diagnostic[] = [];
  const removedFacts = new Map<string, Origin>();
  for (let i = chain.length - 2; i >= 0; i--) {
    const layer = chain[i]!;
    const shape = parseWithSchema(RubricLayerSchema, layer);
    if (!shape.ok) {
      diagnostics.push(...shape.diagnostics);
      continue;
    }
    mergeLayer(data, { layer, parentFile: chain[i + 1]!.file, origins, diagnostics, removedFacts });
  }
  delete data.extends;
  delete data.overrides;
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  const text = stringifyRubricData(data);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, merge: false });
  const source: SourceFile = {
    file: child.file,
    text,
    data,
    doc,
    lineCounter,
    relocate: (path) => origins.relocate(data, path),
  };
  return { ok: true, value: { source, chain: [...chain], removedFacts }, diagnostics };
}

/** Resolve with a synchronous reader (in-memory sources, tests). */
export function resolveRubricSync(src: SourceFile, read: SourceReader): Result<ResolvedRubricSource> {
  const chain = collectChainSync(src, read);
  return chain.ok ? resolveChain(chain.value) : chain;
}

/** Resolve with an asynchronous reader (files on disk). */
export async function resolveRubric(src: SourceFile, read: AsyncSourceReader): Promise<Result<ResolvedRubricSource>> {
  const chain = await collectChain(src, read);
  return chain.ok ? resolveChain(chain.value) : chain;
}

/** Hint on an unknown-fact diagnostic when the fact was removed by a layer: say where. */
export function annotateRemovedFacts(diags: Diagnostic[], removed: ReadonlyMap<string, Origin>): Diagnostic[] {
  if (removed.size === 0) return diags;
  return diags.map((d) => {
    if (d.code !== 'UNKNOWN_FACT' || typeof d.actual !== 'string') return d;
    const o = removed.get(d.actual);
    if (!o) return d;
    const at = positionDiagnostic(o.src, d, o.path, true);
    return { ...d, hint: `该事实已在 ${o.src.file}:${at.line} 被继承细则删除,但这里仍在使用;请一并修改或删除引用它的评分项` };
  });
}
