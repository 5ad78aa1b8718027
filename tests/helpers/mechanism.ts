// Helpers for the mechanism tables: small inline rubrics (YAML bodies without the id/version/title header),
// compiled once per body, and evidence built from a facts object plus optional extra evidence fields.
import { parseEvidence, parseReview } from '../../src/api.js';
import type { CompiledRubric, Diagnostic, ScoreReport } from '../../src/index.js';
import { compileOk, evidenceYaml, reviewYaml, rubricDiagnostics, scoreOk } from './score.js';

export const RUBRIC_ID = 'm';
export const RUBRIC_VERSION = '1';

/** Strip the common leading indentation of a template literal (blank lines ignored). */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

/** A complete rubric document: a fixed header plus the body (facts, nodes, vetoes …). */
export function rubric(body: string): string {
  return `id: ${RUBRIC_ID}\nversion: "${RUBRIC_VERSION}"\ntitle: 测试细则\n${dedent(body)}`;
}

const cache = new Map<string, CompiledRubric>();

/** Compile a rubric body (memoised: table rows share one compiled rubric). */
export function compileBody(body: string): CompiledRubric {
  let c = cache.get(body);
  if (!c) {
    c = compileOk(rubric(body));
    cache.set(body, c);
  }
  return c;
}

/** Evidence text for the test rubric. `extra` may override agency, add notApplicable requests, claims … */
export function evidence(facts: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return evidenceYaml(RUBRIC_ID, RUBRIC_VERSION, { facts, ...extra });
}

/** The office's review for the test rubric: sections (judgements, overrides, corrections, notApplicable, checks) → entries. */
export type OfficeReview = Record<string, Record<string, Record<string, unknown> | null>>;

/** Review text for the test rubric (by / date filled in where a test leaves them out). */
export function review(r: OfficeReview): string {
  return reviewYaml(RUBRIC_ID, RUBRIC_VERSION, r);
}

/** A review that accepts every not-applicable request of `extra` (what most n/a tables want to score). */
export function acceptNotApplicable(extra: { notApplicable?: Array<{ node: string }> }): OfficeReview {
  return { notApplicable: Object.fromEntries((extra.notApplicable ?? []).map((x) => [x.node, { decision: 'accepted', reason: '经核实,确无此项职能' }])) };
}

/** Compile `body`, score the facts (with the office's review when given), return the report. Throws on any error. */
export function scoreBody(body: string, facts: Record<string, unknown>, extra: Record<string, unknown> = {}, office?: OfficeReview): Promise<ScoreReport> {
  return scoreOk(compileBody(body), evidence(facts, extra), 'evidence.yaml', office ? review(office) : undefined);
}

/** Diagnostics of a review that is expected to be rejected (the evidence itself must be valid). */
export function reviewDiagnostics(body: string, facts: Record<string, unknown>, extra: Record<string, unknown>, office: OfficeReview): { ok: boolean; diagnostics: Diagnostic[] } {
  const compiled = compileBody(body);
  const e = parseEvidence('evidence.yaml', evidence(facts, extra), compiled);
  if (!e.ok) throw new Error(`evidence invalid: ${e.diagnostics.map((d) => d.code).join(', ')}`);
  const r = parseReview('review.yaml', review(office), compiled, e.value);
  return { ok: r.ok, diagnostics: r.diagnostics };
}

/** Diagnostics of evidence that is expected to be rejected (or to carry warnings). */
export function evidenceDiagnostics(body: string, facts: Record<string, unknown>, extra: Record<string, unknown> = {}): { ok: boolean; diagnostics: Diagnostic[] } {
  const r = parseEvidence('evidence.yaml', evidence(facts, extra), compileBody(body));
  return { ok: r.ok, diagnostics: r.diagnostics };
}

/** Diagnostics of a rubric body (header added). */
export function bodyDiagnostics(body: string): Diagnostic[] {
  return rubricDiagnostics(rubric(body));
}

/** The codes of a diagnostic list, for compact assertions. */
export function codes(diags: readonly Diagnostic[]): string[] {
  return diags.map((d) => d.code);
}
