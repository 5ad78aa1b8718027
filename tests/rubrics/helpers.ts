// Load a bundled rubric and score an example evidence file from disk, failing loudly on any diagnostic.
import { loadEvidence, loadReview, loadRubric, scoreEvidence, type CompiledRubric, type ScoreReport } from '../../src/index.js';

export async function loadClean(file: string): Promise<CompiledRubric> {
  const r = await loadRubric(file);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`).join('\n'));
  if (r.diagnostics.length > 0) throw new Error(`${file}: unexpected warnings ${JSON.stringify(r.diagnostics)}`);
  return r.value;
}

/** Score an example evidence file, with the office's review file when given. */
export async function scoreFile(compiled: CompiledRubric, evidenceFile: string, reviewFile?: string): Promise<ScoreReport> {
  const e = await loadEvidence(evidenceFile, compiled);
  if (!e.ok) throw new Error(e.diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`).join('\n'));
  if (!reviewFile) return scoreEvidence(compiled, e.value);
  const r = await loadReview(reviewFile, compiled, undefined, e.value);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`).join('\n'));
  return scoreEvidence(compiled, e.value, r.value);
}

/** score of a node by id */
export function scoreOf(report: ScoreReport, id: string): number {
  const n = report.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n.score;
}

/** The report as the JSON formatter writes it (the golden file's content). */
export function goldenJson(report: ScoreReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
