// Test helpers: compile rubric text and score evidence text in-process, failing loudly on diagnostics.
// Imports the stage functions from src/api.ts rather than src/index.ts: the same functions, without loading the
// formatters and renderers (handlebars, exceljs …) into every test file.
import { parseEvidence, parseReview, parseRubric, scoreEvidence } from '../../src/api.js';
import type { CompiledRubric, Diagnostic, ScoreReport } from '../../src/index.js';

export function compileOk(yaml: string, file = 'rubric.yaml'): CompiledRubric {
  const r = parseRubric(file, yaml);
  if (!r.ok) throw new Error('rubric invalid:\n' + r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.path ?? ''} ${d.message}`).join('\n'));
  return r.value;
}

export function rubricDiagnostics(yaml: string, file = 'rubric.yaml'): Diagnostic[] {
  const r = parseRubric(file, yaml);
  return r.ok ? r.diagnostics : r.diagnostics;
}

/** Score evidence text, with the office's review text when given. Throws on any evidence or review error. */
export async function scoreOk(compiled: CompiledRubric, yaml: string, file = 'evidence.yaml', review?: string): Promise<ScoreReport> {
  const e = parseEvidence(file, yaml, compiled);
  if (!e.ok) throw new Error('evidence invalid:\n' + e.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.path ?? ''} ${d.message}`).join('\n'));
  if (review === undefined) return scoreEvidence(compiled, e.value);
  const r = parseReview('review.yaml', review, compiled, e.value);
  if (!r.ok) throw new Error('review invalid:\n' + r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.path ?? ''} ${d.message}`).join('\n'));
  return scoreEvidence(compiled, e.value, r.value);
}

/** Build review YAML (JSON) for a rubric; entries without `by` / `date` get the test office and a fixed date. */
export function reviewYaml(rubricId: string, version: string, body: Record<string, Record<string, Record<string, unknown> | null>>, code = 'T01'): string {
  const signed: Record<string, unknown> = {};
  for (const [section, entries] of Object.entries(body))
    signed[section] = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, v === null ? null : { by: '考核组', date: '2025-01-20', ...v }]));
  return JSON.stringify({ rubric: { id: rubricId, version }, agency: { code }, ...signed });
}

/** Score a node by id from a report. */
export function nodeOf(report: ScoreReport, id: string) {
  const n = report.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
}

/** Build evidence YAML for a rubric with the given facts (JSON is valid YAML). */
export function evidenceYaml(rubricId: string, version: string, extra: Record<string, unknown>): string {
  return JSON.stringify({ rubric: { id: rubricId, version }, agency: { name: '测试单位', code: 'T01' }, period: { year: 2024 }, ...extra });
}
