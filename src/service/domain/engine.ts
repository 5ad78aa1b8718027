// The service's only door into the scoring engine: the public API (parseRubric, parseEvidence, parseReview,
// scoreEvidence, formatReport), never a second implementation. Stored documents are scored under the file names
// an export writes them to, so `zwgk score` on the exported files gives the stored report byte for byte.
import * as api from '../../index.js';
import type { CompiledRubric } from '../../compile/compile-rubric.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../../diagnostics/format-diagnostics.js';
import type { ScoreReport } from '../../report/score-report.js';
import { hasExtends } from '../../extends/read-chain.js';
import { resolveRubricSync, stringifyRubricData } from '../../extends/resolve-extends.js';
import { parseSource } from '../../load/parse-source.js';
import { invalid, ServiceError } from './errors.js';

/** File names inside an export folder; also the names the engine sees when the service scores. */
export const EXPORT_NAMES = {
  rubric: 'rubric.yaml',
  evidence: (code: string) => `evidence/${code}.json`,
  review: (code: string) => `reviews/${code}.json`,
};

/** Diagnostics as the Chinese lines the CLI prints (file:line:col 错误 CODE 字段:说明). */
export function describeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return formatDiagnostics(diagnostics).trim();
}

const refuse = (what: string, diagnostics: Diagnostic[]): ServiceError => {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0] ?? diagnostics[0];
  const where = first?.path ? `字段 ${first.path}:` : '';
  return invalid(`${what}有误${first ? `:${where}${first.message}` : ''}${errors.length > 1 ? `(另有 ${errors.length - 1} 处)` : ''}`, diagnostics);
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
  const loaded = api.parseEvidence(EXPORT_NAMES.evidence(code), evidenceText, compiled);
  if (!loaded.ok) throw refuse('佐证材料', loaded.diagnostics);
  let review: api.LoadedReview | undefined;
  if (reviewText) {
    const r = api.parseReview(EXPORT_NAMES.review(code), reviewText, compiled, loaded.value);
    if (!r.ok) throw refuse('复核意见', r.diagnostics);
    review = r.value;
  }
  const report = await api.scoreEvidence(compiled, loaded.value, review);
  const reportText = (await api.formatReport(report, 'json')) as string;
  return { report, reportText };
}

const compiledCache = new Map<string, CompiledRubric>();

/** The compiled rubric of a content hash, when this process has compiled it already. */
export function cachedCompiled(hash: string): CompiledRubric | undefined {
  return compiledCache.get(hash);
}

/** The compiled rubric for stored rubric text, compiled once per content hash (a small bounded cache). */
export function compiledFor(text: string, hash: string): CompiledRubric {
  const hit = compiledCache.get(hash);
  if (hit) return hit;
  const compiled = compileRubricText(text);
  if (compiledCache.size >= 16) compiledCache.delete(compiledCache.keys().next().value!);
  compiledCache.set(hash, compiled);
  return compiled;
}

/**
 * A rubric the service can freeze: standalone text. A rubric written with `extends` is resolved here against the
 * parents supplied (by file name, or — when copying to the next year — last year's rubric for any parent name) and
 * stored merged, exactly as `zwgk resolve` prints it, so the frozen text re-scores on its own.
 */
export function standaloneRubricText(text: string, parents: Record<string, string> = {}, fallbackParent?: string): string {
  const src = parseSource(EXPORT_NAMES.rubric, text);
  if (!src.ok) throw refuse('评分细则', src.diagnostics);
  if (!hasExtends(src.value)) return text;
  const byBase = new Map(Object.entries(parents).map(([k, v]) => [k.replace(/^.*[\\/]/, ''), v]));
  const read = (file: string) => {
    const t = parents[file] ?? byBase.get(file.replace(/^.*[\\/]/, '')) ?? fallbackParent;
    if (t === undefined) return parseSource(file, '\u0000'); // unreadable: the engine reports the missing parent
    return parseSource(file, t);
  };
  const resolved = resolveRubricSync(src.value, read);
  if (!resolved.ok) throw refuse('评分细则', resolved.diagnostics);
  const chain = resolved.value.chain.map((s) => s.file).join(' ← ');
  return `# 由考核服务合并继承(extends)后冻结的完整细则(同 zwgk resolve)。\n# 继承链:${chain}\n` + stringifyRubricData(resolved.value.source.data);
}
