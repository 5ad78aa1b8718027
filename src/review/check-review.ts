// Validate the office's review file against the compiled rubric (and, when given, the agency's evidence): the rubric
// it was written for, the agency it rules on, known node / fact / check ids (with suggestions), judgements within the
// rubric's bounds and only on judged items, overrides within the node's points, corrected values of the fact's type
// and range, and not-applicable decisions only on nodes the evidence asked for.
import type { CompiledRubric } from '../compile/compile-rubric.js';
import { makeDiagnostic, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.js';
import { positionDiagnostic } from '../diagnostics/locate.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { factValueProblem } from '../evidence/check-evidence.js';
import type { SourceFile } from '../load/parse-source.js';
import type { Evidence } from '../schema/evidence-schema.js';
import type { Review } from '../schema/review-schema.js';
import { dec, formatPoints } from '../score/decimal.js';
import { judgementBounds, judgementKeysHint } from './judgement-bounds.js';

/** The ids of the rubric's consistency checks (勾稽关系), when the rubric format declares any. */
export function rubricCheckIds(compiled: CompiledRubric): string[] | null {
  const checks = (compiled.rubric as { checks?: unknown }).checks;
  if (!Array.isArray(checks)) return null;
  return checks.map((c) => (c as { id?: unknown }).id).filter((id): id is string => typeof id === 'string');
}

/**
 * Semantic check of a shape-valid review. Errors make the review unusable.
 * @param evidence the agency's evidence, when known: enables the agency-code and not-applicable-request checks.
 */
export function checkReview(src: SourceFile, review: Review, compiled: CompiledRubric, evidence?: Evidence): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (d: Diagnostic, path: PathSegment[], atKey = false): void => {
    out.push(positionDiagnostic(src, d, path, atKey));
  };
  const r = compiled.rubric;
  const model = compiled.model;
  if (review.rubric.id !== r.id || review.rubric.version !== r.version) {
    const path = review.rubric.id !== r.id ? ['rubric', 'id'] : ['rubric', 'version'];
    add(makeDiagnostic('REVIEW_RUBRIC_MISMATCH', { actual: `${review.rubric.id} 版本 ${review.rubric.version}`, expected: `${r.id} 版本 ${r.version}`, path }), path);
  }
  if (evidence && review.agency.code !== evidence.agency.code)
    add(makeDiagnostic('REVIEW_AGENCY_MISMATCH', { actual: review.agency.code, expected: evidence.agency.code, path: ['agency', 'code'] }), ['agency', 'code']);

  const unknownNode = (id: string, p: PathSegment[]): boolean => {
    if (model.byId.has(id)) return false;
    const hint = didYouMean(id, model.byId.keys());
    add(makeDiagnostic('UNKNOWN_NODE', { actual: id, path: p, ...(hint ? { hint } : {}) }), p, true);
    return true;
  };

  for (const [key, j] of Object.entries(review.judgements)) {
    const p: PathSegment[] = ['judgements', key];
    const nodeId = key.split('#')[0]!;
    if (unknownNode(nodeId, p)) continue;
    const b = judgementBounds(compiled, key);
    if (!b) {
      add(makeDiagnostic('JUDGEMENT_NOT_ALLOWED', { actual: key, path: p, hint: judgementKeysHint(compiled) }), p, true);
      continue;
    }
    if (j.score < b.min || j.score > b.max)
      add(makeDiagnostic('JUDGEMENT_OUT_OF_BOUNDS', { actual: j.score, expected: `[${b.min}, ${b.max}]`, path: [...p, 'score'] }), [...p, 'score']);
  }

  for (const [id, o] of Object.entries(review.overrides)) {
    const p: PathSegment[] = ['overrides', id];
    if (unknownNode(id, p)) continue;
    const f = model.byId.get(id)!;
    if (dec(o.score).gt(f.max))
      add(makeDiagnostic('REVIEW_OVERRIDE_OUT_OF_RANGE', { actual: o.score, expected: `[0, ${formatPoints(f.max, 4)}]`, path: [...p, 'score'] }), [...p, 'score']);
  }

  for (const [id, c] of Object.entries(review.corrections)) {
    const p: PathSegment[] = ['corrections', id];
    const def = Object.prototype.hasOwnProperty.call(r.facts, id) ? r.facts[id] : undefined;
    if (!def) {
      const hint = didYouMean(id, Object.keys(r.facts));
      add(makeDiagnostic('UNKNOWN_FACT', { actual: id, path: p, ...(hint ? { hint } : {}) }), p, true);
      continue;
    }
    const at = problemPath(p, def.derive !== undefined);
    const problem = factValueProblem(id, def, c.value, at);
    if (problem && def.derive) problem.diagnostic.hint = '派生事实由细则自动计算,请更正它所依据的事实';
    if (problem) add(problem.diagnostic, at, problem.atKey);
  }

  const requested = evidence ? new Set(evidence.notApplicable.map((x) => x.node)) : null;
  for (const id of Object.keys(review.notApplicable)) {
    const p: PathSegment[] = ['notApplicable', id];
    if (unknownNode(id, p)) continue;
    if (requested && !requested.has(id)) {
      const list = [...requested];
      const hint = list.length > 0 ? `证据材料申请不适用的节点:${list.join('、')}` : '证据材料没有申请任何节点不适用';
      add(makeDiagnostic('REVIEW_NOT_REQUESTED', { actual: id, path: p, hint }), p, true);
    }
  }

  const checkIds = rubricCheckIds(compiled);
  for (const id of Object.keys(review.checks)) {
    if (checkIds?.includes(id)) continue;
    const p: PathSegment[] = ['checks', id];
    const hint = checkIds && checkIds.length > 0 ? didYouMean(id, checkIds) : '本细则没有声明数据核验规则(checks)';
    add(makeDiagnostic('UNKNOWN_CHECK', { actual: id, path: p, ...(hint ? { hint } : {}) }), p, true);
  }
  return out;
}

/** A derived fact is refused at the key; a bad value at the value. */
function problemPath(p: PathSegment[], derived: boolean): PathSegment[] {
  return derived ? p : [...p, 'value'];
}
