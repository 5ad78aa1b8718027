// The office's review files for a comparison (`zwgk compare … --reviews DIR`): read from one folder, checked against
// the rubric, matched to agencies by agency code. A review whose code two files share, one that matches no scored
// agency, or one that is unreadable or invalid is left out with a diagnostic naming it (the batch goes on; exit 1).
// Checks that need the agency's evidence (not-applicable decisions only on requested nodes) run where the agency is
// scored (score-file.ts).
import { resolve } from 'node:path';
import { checkReviewSource } from '../../api.js';
import type { CompiledRubric } from '../../compile/compile-rubric.js';
import { makeDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { positionDiagnostic } from '../../diagnostics/locate.js';
import { collectInputFiles } from './collect-inputs.js';
import type { LeftOutFile, LeftOutMessage } from '../../cohort/compare-report.js';
import { readEvidenceSource } from './read-evidence.js';

export interface CollectedReviews {
  /** Agency code → review file (as shown to users), for the agencies that have exactly one usable review. */
  byCode: Map<string, string>;
  /** Every review file found (as shown), so the evidence walk leaves them out. */
  files: string[];
  /** Where each kept review writes its agency code (for a REVIEW_UNMATCHED that points at it). */
  codeAt: Map<string, { line?: number; column?: number }>;
  leftOut: LeftOutFile[];
}

/** Error diagnostics as left-out messages (positions point into the left-out file). */
export function leftOutMessages(diags: readonly Diagnostic[]): LeftOutMessage[] {
  return diags
    .filter((d) => d.severity === 'error')
    .map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      ...(d.line !== undefined ? { line: d.line } : {}),
      ...(d.column !== undefined ? { column: d.column } : {}),
      ...(d.path !== undefined ? { path: d.path } : {}),
      ...(d.hint !== undefined ? { hint: d.hint } : {}),
    }));
}

/** Read and check every review file under `dir` (.yaml/.yml/.json), in path order; the first file for a code wins. */
export async function collectReviews(dir: string, cwd: string, compiled: CompiledRubric): Promise<CollectedReviews> {
  const found = await collectInputFiles([dir], cwd);
  const byCode = new Map<string, string>();
  const codeAt = new Map<string, { line?: number; column?: number }>();
  const leftOut: LeftOutFile[] = [...found.leftOut];
  for (const file of found.files) {
    const src = readEvidenceSource(resolve(cwd, file), file);
    if (!src.ok) {
      const unreadable = src.diagnostics.some((d) => d.code === 'FILE_NOT_FOUND' || d.code === 'FILE_UNREADABLE' || d.code === 'FILE_TOO_LARGE');
      leftOut.push({ file, reason: unreadable ? 'unreadable' : 'invalid', messages: leftOutMessages(src.diagnostics) });
      continue;
    }
    const checked = checkReviewSource(src.value, compiled);
    if (!checked.ok) {
      leftOut.push({ file, reason: checked.diagnostics.some((d) => d.code === 'REVIEW_RUBRIC_MISMATCH') ? 'wrongRubric' : 'invalid', messages: leftOutMessages(checked.diagnostics) });
      continue;
    }
    const code = checked.value.review.agency.code;
    const kept = byCode.get(code);
    if (kept !== undefined) {
      const d = positionDiagnostic(src.value, makeDiagnostic('DUPLICATE_REVIEW', { actual: code, name: kept, path: ['agency', 'code'], hint: '每个单位只能有一份评审文件:请合并或删除多余的一份' }), ['agency', 'code']);
      leftOut.push({ file, reason: 'duplicate', code, keptFile: kept, messages: leftOutMessages([d]) });
      continue;
    }
    byCode.set(code, file);
    const at = positionDiagnostic(src.value, makeDiagnostic('REVIEW_UNMATCHED', { actual: code }), ['agency', 'code']);
    codeAt.set(file, { ...(at.line !== undefined ? { line: at.line } : {}), ...(at.column !== undefined ? { column: at.column } : {}) });
  }
  return { byCode, files: found.files, codeAt, leftOut };
}

/** Reviews whose agency code matches no agency of the comparison (scored or left out), as left-out entries. */
export function unmatchedReviews(reviews: CollectedReviews, seenCodes: ReadonlySet<string>): LeftOutFile[] {
  const out: LeftOutFile[] = [];
  for (const [code, file] of reviews.byCode) {
    if (seenCodes.has(code)) continue;
    const d = { ...makeDiagnostic('REVIEW_UNMATCHED', { actual: code, path: ['agency', 'code'], hint: '评审文件按单位代码(agency.code)与证据文件对应,请核对代码' }), ...reviews.codeAt.get(file) };
    out.push({ file, reason: 'invalid', code, messages: leftOutMessages([d]) });
  }
  return out;
}
