// The blank form (空白自查评分表): a report-like skeleton built from a compiled rubric alone — structure, titles and
// points, no agency, no evidence, no scores — rendered by the same view model with every score cell left empty.
import type { CompiledRubric } from '../compile/compile-rubric.js';
import { SCHEMA_VERSION } from '../report/score-report.js';
import { ENGINE_VERSION } from '../version.js';
import type { SheetSource, SourceNode, ViewOptions } from './sheet-source.js';
import { buildSheetView } from './view-model.js';
import type { SheetViewModel } from './view-types.js';
import { rubricHeader } from '../report/rubric-header.js';
import { childrenForClass, nodesForClass } from '../model/class-scope.js';
import { titleWithSuffix } from './chinese-text.js';

/**
 * The rubric as a sheet source without scores. Points are rounded to the rubric's precision like a report's. With an
 * agency class (`--class B`, checked by the caller), only the items that apply to that class.
 */
export function blankSourceOfRubric(compiled: CompiledRubric, agencyClass?: string): SheetSource {
  const r = compiled.rubric;
  const p = r.precision;
  const nodes: SourceNode[] = nodesForClass(compiled.model, agencyClass).map((f) => {
    const n: SourceNode = {
      id: f.id,
      parent: f.parent,
      depth: f.depth,
      kind: f.kind,
      title: f.node.title,
      max: f.max.toDecimalPlaces(p).toNumber(),
      children: childrenForClass(compiled.model, f, agencyClass),
    };
    if (f.node.description !== undefined) n.description = f.node.description;
    if (f.node.note !== undefined) n.note = f.node.note;
    return n;
  });
  return {
    blank: true,
    schemaVersion: SCHEMA_VERSION,
    engine: { name: 'zwgk-score', version: ENGINE_VERSION },
    rubric: rubricHeader(compiled, { levels: true }),
    agency: null,
    period: null,
    evidence: null,
    totals: null,
    veto: null,
    nodes,
    overClaims: [],
    missingEvidence: [],
  };
}

/** The blank 自查评分表 of a rubric, ready for any sheet renderer. */
export function buildBlankSheetViewModel(compiled: CompiledRubric, opts: ViewOptions = {}, agencyClass?: string): SheetViewModel {
  // One class's sheet says so in its title, so it is not mistaken for the whole rubric's.
  const title = opts.title ?? (agencyClass !== undefined ? `${titleWithSuffix(compiled.rubric.title, '自查评分表')}（单位类别：${agencyClass}）` : undefined);
  return buildSheetView(blankSourceOfRubric(compiled, agencyClass), { ...opts, ...(title !== undefined ? { title } : {}) });
}
