// The library's stage functions, composed: what the CLI and other tools call. Only loadX touch the file system.
import { compileRubric, type CompiledRubric } from './compile/compile-rubric.js';
import { hasErrors, makeDiagnostic, sortDiagnostics, type Diagnostic, type Result } from './diagnostics/diagnostic.js';
import { positionDiagnostic } from './diagnostics/locate.js';
import { checkEvidence, evidenceWarnings, findRulingsInEvidence, withoutRulings } from './evidence/check-evidence.js';
import { acceptEvidence } from './evidence/fast-evidence.js';
import { extendsOf, hasExtends, type SourceReader } from './extends/read-chain.js';
import { annotateRemovedFacts, resolveRubric, resolveRubricSync, type ResolvedRubricSource } from './extends/resolve-extends.js';
import { hashText } from './load/hash.js';
import { parseJsonSourceFast } from './load/parse-json-fast.js';
import { parseSource, type SourceFile } from './load/parse-source.js';
import { readSource } from './load/read-source.js';
import type { ScoreReport } from './report/score-report.js';
import { EvidenceSchema, type Evidence } from './schema/evidence-schema.js';
import { ReviewSchema, type Review } from './schema/review-schema.js';
import { checkReview } from './review/check-review.js';
export { buildBlankReview, formatBlankReview } from './review/blank-review.js';
import { RubricSchema } from './schema/rubric-schema.js';
import { parseWithSchema } from './schema/zod-issues.js';
import { scoreAgency } from './assess/score-agency.js';
import { checkRubric } from './validate/check-rubric.js';
import { ENGINE_VERSION } from './version.js';

export interface LoadedEvidence {
  evidence: Evidence;
  file: string;
  hash: string;
  /** Non-fatal findings (warnings) to carry into the report. */
  warnings: Diagnostic[];
}

/** Validate (shape, then meaning) and compile a parsed rubric source. */
export function compileRubricSource(src: SourceFile): Result<CompiledRubric> {
  const shape = parseWithSchema(RubricSchema, src);
  if (!shape.ok) return { ok: false, diagnostics: sortDiagnostics(shape.diagnostics) };
  const diagnostics = sortDiagnostics(checkRubric(src, shape.value));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, value: compileRubric(shape.value, { hash: hashText(src.text), file: src.file }), diagnostics };
}

/** Validate and compile a rubric resolved from `extends` layers; diagnostics already point at the right files. */
export function compileResolvedRubric(resolved: ResolvedRubricSource): Result<CompiledRubric> {
  const res = compileRubricSource(resolved.source);
  return { ...res, diagnostics: annotateRemovedFacts(res.diagnostics, resolved.removedFacts) } as Result<CompiledRubric>;
}

export interface ParseRubricOptions {
  /** Reads the parents of a rubric that `extends` another (file name → parsed source). Without it, `extends` is an error. */
  read?: SourceReader;
}

/** Parse, validate and compile rubric text (no I/O of its own; parents of `extends` come from `opts.read`). */
export function parseRubric(file: string, text: string, opts: ParseRubricOptions = {}): Result<CompiledRubric> {
  const src = parseSource(file, text);
  if (!src.ok) return src;
  if (!hasExtends(src.value)) return compileRubricSource(src.value);
  if (!opts.read) {
    const d = makeDiagnostic('EXTENDS_NO_READER', { actual: String(extendsOf(src.value)), path: ['extends'] });
    return { ok: false, diagnostics: [positionDiagnostic(src.value, d, ['extends'])] };
  }
  const resolved = resolveRubricSync(src.value, opts.read);
  return resolved.ok ? compileResolvedRubric(resolved.value) : resolved;
}

/** Read a rubric file and resolve its `extends` chain (when it has one) into one rubric source, unvalidated. */
export async function loadRubricSource(file: string, cwd?: string): Promise<Result<ResolvedRubricSource>> {
  const src = await readSource(file, cwd);
  if (!src.ok) return src;
  if (!hasExtends(src.value)) return { ok: true, value: { source: src.value, chain: [src.value], removedFacts: new Map() }, diagnostics: [] };
  return resolveRubric(src.value, (f) => readSource(f, cwd));
}

/** Read, validate and compile a rubric file (resolving `extends`; a rubric without it is read exactly as before). */
export async function loadRubric(file: string, cwd?: string): Promise<Result<CompiledRubric>> {
  const src = await readSource(file, cwd);
  if (!src.ok) return src;
  if (!hasExtends(src.value)) return compileRubricSource(src.value);
  const resolved = await resolveRubric(src.value, (f) => readSource(f, cwd));
  return resolved.ok ? compileResolvedRubric(resolved.value) : resolved;
}

/**
 * Validate a parsed evidence source against a compiled rubric. Rulings (judgements, overrides …) in an evidence file
 * are refused (RULING_IN_EVIDENCE): they belong in the office's review file. Every other problem is still reported.
 */
export function checkEvidenceSource(src: SourceFile, compiled: CompiledRubric): Result<LoadedEvidence> {
  // Well-formed evidence that fits the rubric takes the validator compiled for the rubric (same value, no errors to
  // report, so only the warnings are computed); anything else goes through zod and checkEvidence for the messages.
  const accepted = acceptEvidence(compiled, src.data);
  if (accepted !== undefined) {
    const warnings = sortDiagnostics(evidenceWarnings(src, accepted, compiled));
    return { ok: true, value: { evidence: accepted, file: src.file, hash: hashText(src.text), warnings }, diagnostics: warnings };
  }
  return checkEvidenceSourceReference(src, compiled);
}

/** The reference evidence check: zod's EvidenceSchema, then checkEvidence (what the compiled validator must agree with). */
export function checkEvidenceSourceReference(src: SourceFile, compiled: CompiledRubric): Result<LoadedEvidence> {
  const rulings = findRulingsInEvidence(src);
  const shape = parseWithSchema(EvidenceSchema, rulings.length > 0 ? withoutRulings(src) : src);
  if (!shape.ok) return { ok: false, diagnostics: sortDiagnostics([...rulings, ...shape.diagnostics]) };
  if (rulings.length > 0) return { ok: false, diagnostics: sortDiagnostics([...rulings, ...checkEvidence(src, shape.value, compiled).filter((d) => d.severity === 'error')]) };
  const diagnostics = sortDiagnostics(checkEvidence(src, shape.value, compiled));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, value: { evidence: shape.value, file: src.file, hash: hashText(src.text), warnings: diagnostics }, diagnostics };
}

/** Parse and validate evidence text (no I/O). */
/** Evidence text → source: JSON through the fast parser (same results and diagnostics, positions built only when needed). */
function parseEvidenceText(file: string, text: string): Result<SourceFile> {
  return file.toLowerCase().endsWith('.json') ? parseJsonSourceFast(file, text) : parseSource(file, text);
}

export function parseEvidence(file: string, text: string, compiled: CompiledRubric): Result<LoadedEvidence> {
  const src = parseEvidenceText(file, text);
  return src.ok ? checkEvidenceSource(src.value, compiled) : src;
}

/** Read and validate an evidence file. */
export async function loadEvidence(file: string, compiled: CompiledRubric, cwd?: string): Promise<Result<LoadedEvidence>> {
  const src = await readSource(file, cwd, parseEvidenceText);
  return src.ok ? checkEvidenceSource(src.value, compiled) : src;
}

export interface LoadedReview {
  review: Review;
  file: string;
  hash: string;
  /** Non-fatal findings (none today; kept for symmetry with LoadedEvidence). */
  warnings: Diagnostic[];
}

/** `LoadedEvidence` or a bare `Evidence`: the evidence a review is checked against. */
function evidenceOf(e: LoadedEvidence | Evidence | undefined): Evidence | undefined {
  if (e === undefined) return undefined;
  return 'hash' in e && 'warnings' in e ? (e as LoadedEvidence).evidence : (e as Evidence);
}

/**
 * Validate a parsed review source (the office's rulings for one agency) against a compiled rubric and, when given,
 * the agency's evidence (agency code, not-applicable decisions only on requested nodes).
 */
export function checkReviewSource(src: SourceFile, compiled: CompiledRubric, evidence?: LoadedEvidence | Evidence): Result<LoadedReview> {
  const shape = parseWithSchema(ReviewSchema, src);
  if (!shape.ok) return { ok: false, diagnostics: sortDiagnostics(shape.diagnostics) };
  const diagnostics = sortDiagnostics(checkReview(src, shape.value, compiled, evidenceOf(evidence)));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, value: { review: shape.value, file: src.file, hash: hashText(src.text), warnings: diagnostics }, diagnostics };
}

/** Parse and validate review text (no I/O). */
export function parseReview(file: string, text: string, compiled: CompiledRubric, evidence?: LoadedEvidence | Evidence): Result<LoadedReview> {
  const src = parseSource(file, text);
  return src.ok ? checkReviewSource(src.value, compiled, evidence) : src;
}

/** Read and validate a review file (same limits as evidence). */
export async function loadReview(file: string, compiled: CompiledRubric, cwd?: string, evidence?: LoadedEvidence | Evidence): Promise<Result<LoadedReview>> {
  const src = await readSource(file, cwd);
  return src.ok ? checkReviewSource(src.value, compiled, evidence) : src;
}

/**
 * Score loaded evidence: the full explained report. With the office's review its judgements, overrides, corrections
 * and not-applicable decisions count, and the report is `final` once nothing is pending; without one it is
 * `provisional` whenever the rubric has items only the office can rule on. Check the review against this evidence
 * first (parseReview / loadReview with the evidence): a decision on a node the evidence did not request has no effect.
 */
export function scoreEvidence(compiled: CompiledRubric, loaded: LoadedEvidence, review?: LoadedReview): Promise<ScoreReport> {
  return scoreAgency(compiled, loaded.evidence, {
    evidenceHash: loaded.hash,
    evidenceFile: loaded.file,
    engineVersion: ENGINE_VERSION,
    diagnostics: loaded.warnings,
    ...(review ? { review: { review: review.review, hash: review.hash, file: review.file } } : {}),
  });
}
