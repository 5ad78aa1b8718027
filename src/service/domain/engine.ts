// The service's only door into the scoring engine: the public API (parseRubric, parseEvidence, parseReview,
// scoreEvidence, formatReport), never a second implementation. Stored documents are scored under the file names
// an export writes them to, so `zwgk score` on the exported files gives the stored report byte for byte.
import * as api from '../../index.js';
import type { CompiledRubric } from '../../compile/compile-rubric.js';
import type { Diagnostic, Result } from '../../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../../diagnostics/format-diagnostics.js';
import type { ScoreReport } from '../../report/score-report.js';
import { invalid, ServiceError } from './errors.js';

/** File names inside an export folder; also the names the engine sees when the service scores. */
export const EXPORT_NAMES = {
  rubric: 'rubric.yaml',
  evidence: (code: string) => `evidence/${code}.json`,
  review: (code: string) => `reviews/${code}.json`,
};

// The review API (issue 8: parseReview + scoreEvidence(compiled, loaded, review)) is reached through this narrow
// view so the service keeps compiling while that part of the engine lands.
type ReviewApi = {
  parseReview?: (file: string, text: string, compiled: CompiledRubric, evidence?: unknown) => Result<unknown>;
  scoreEvidence: (compiled: CompiledRubric, loaded: api.LoadedEvidence, review?: unknown) => Promise<ScoreReport>;
};
const engine = api as unknown as ReviewApi;

/** Whether the engine has the separate office review document. */
export const hasReviewApi = (): boolean => typeof engine.parseReview === 'function';

/** Diagnostics as the Chinese lines the CLI prints (file:line:col 错误 CODE 字段:说明). */
export function describeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return formatDiagnostics(diagnostics).trim();
}

const refuse = (what: string, diagnostics: Diagnostic[]): ServiceError => {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0] ?? diagnostics[0];
  return invalid(`${what}有误${first ? `:${first.message}` : ''}${errors.length > 1 ? `(另有 ${errors.length - 1} 处)` : ''}`, diagnostics);
};

/** Compile rubric text; INVALID with the engine's diagnostics when it is wrong. */
export function compileRubricText(text: string, file = EXPORT_NAMES.rubric): CompiledRubric {
  const res = api.parseRubric(file, text);
  if (!res.ok) throw refuse('评分细则', res.diagnostics);
  return res.value;
}

export interface Scored {
  report: ScoreReport;
  /** The report exactly as `zwgk score --format json` prints it. */
  reportText: string;
}

/** Validate evidence (and the office's review, when there is one) and score them. */
export async function scoreDocuments(
  compiled: CompiledRubric,
  code: string,
  evidenceText: string,
  reviewText?: string | null,
): Promise<Scored> {
  let text = evidenceText;
  let review: unknown;
  if (reviewText && !hasReviewApi()) text = mergeJudgementsLegacy(evidenceText, reviewText);
  const loaded = api.parseEvidence(EXPORT_NAMES.evidence(code), text, compiled);
  if (!loaded.ok) throw refuse('佐证材料', loaded.diagnostics);
  if (reviewText && hasReviewApi()) {
    const r = engine.parseReview!(EXPORT_NAMES.review(code), reviewText, compiled, loaded.value.evidence);
    if (!r.ok) throw refuse('复核意见', r.diagnostics);
    review = r.value;
  }
  const report = review === undefined ? await engine.scoreEvidence(compiled, loaded.value) : await engine.scoreEvidence(compiled, loaded.value, review);
  const reportText = (await api.formatReport(report, 'json')) as string;
  return { report, reportText };
}

/** Until the engine reads review files: the office's judgements go into the copy of the evidence that is scored. */
function mergeJudgementsLegacy(evidenceText: string, reviewText: string): string {
  const ev = JSON.parse(evidenceText) as Record<string, unknown>;
  const rv = JSON.parse(reviewText) as { judgements?: Record<string, unknown> };
  const judgements = { ...((ev.judgements as Record<string, unknown>) ?? {}), ...(rv.judgements ?? {}) };
  return JSON.stringify({ ...ev, judgements }, null, 2);
}

const compiledCache = new Map<string, CompiledRubric>();

/** The compiled rubric for stored rubric text, compiled once per content hash (a small bounded cache). */
export function compiledFor(text: string, hash: string): CompiledRubric {
  const hit = compiledCache.get(hash);
  if (hit) return hit;
  const compiled = compileRubricText(text);
  if (compiledCache.size >= 16) compiledCache.delete(compiledCache.keys().next().value!);
  compiledCache.set(hash, compiled);
  return compiled;
}
