// Helpers for the diagnostics tests: run a rubric or evidence text through the pipeline and print what a user
// would see (`file:line:col 错误 CODE path:message`, code frame, 提示), plus compact views for explicit asserts.
import { expect } from 'vitest';
import { formatDiagnostics, parseEvidence, parseReview, parseRubric, type CompiledRubric, type Diagnostic } from '../../src/index.js';

export const RUBRIC_FILE = 'rubric.yaml';
export const EVIDENCE_FILE = 'evidence.yaml';
export const REVIEW_FILE = 'review.yaml';

/** Strip the common indentation of a template literal and its first newline, so line numbers start at 1. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings.raw }, ...values).replace(/^\n/, '');
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

export interface Checked {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** The formatted diagnostics, exactly as the CLI prints them (with code frames). */
  text: string;
}

function checked(ok: boolean, diagnostics: Diagnostic[], file: string, source: string): Checked {
  return { ok, diagnostics, text: ok ? '(通过)' : formatDiagnostics(diagnostics, new Map([[file, source]])) };
}

/** Validate rubric text (shape, then meaning). */
export function checkRubricText(text: string): Checked {
  const r = parseRubric(RUBRIC_FILE, text);
  return checked(r.ok, r.diagnostics, RUBRIC_FILE, text);
}

/** Compile rubric text that must be valid. */
export function compileRubricText(text: string): CompiledRubric {
  const r = parseRubric(RUBRIC_FILE, text);
  if (!r.ok) throw new Error(formatDiagnostics(r.diagnostics, new Map([[RUBRIC_FILE, text]])));
  return r.value;
}

/** Validate evidence text against a compiled rubric. */
export function checkEvidenceText(compiled: CompiledRubric, text: string): Checked {
  const r = parseEvidence(EVIDENCE_FILE, text, compiled);
  return checked(r.ok, r.diagnostics, EVIDENCE_FILE, text);
}

/** The fields tests assert on, without the prose. */
export function brief(d: Diagnostic): Pick<Diagnostic, 'code' | 'line' | 'column' | 'path'> {
  return { code: d.code, line: d.line, column: d.column, path: d.path };
}

/** Assert the result failed with exactly one diagnostic and return it. */
export function single(c: Checked): Diagnostic {
  expect(c.ok).toBe(false);
  expect(c.diagnostics.map((d) => d.code)).toHaveLength(1);
  return c.diagnostics[0]!;
}

/** Validate the office's review text against a compiled rubric and (valid) evidence text. */
export function checkReviewText(compiled: CompiledRubric, evidenceText: string, text: string): Checked {
  const ev = parseEvidence(EVIDENCE_FILE, evidenceText, compiled);
  if (!ev.ok) throw new Error(formatDiagnostics(ev.diagnostics, new Map([[EVIDENCE_FILE, evidenceText]])));
  const r = parseReview(REVIEW_FILE, text, compiled, ev.value);
  return checked(r.ok, r.diagnostics, REVIEW_FILE, text);
}
