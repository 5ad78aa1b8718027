// The library's stage functions, composed: what the CLI and other tools call. Only loadX touch the file system.
import { compileRubric, type CompiledRubric } from './compile/compile-rubric.js';
import { hasErrors, sortDiagnostics, type Diagnostic, type Result } from './diagnostics/diagnostic.js';
import { checkEvidence } from './evidence/check-evidence.js';
import { hashText } from './load/hash.js';
import { parseSource, type SourceFile } from './load/parse-source.js';
import { readSource } from './load/read-source.js';
import type { ScoreReport } from './report/score-report.js';
import { EvidenceSchema, type Evidence } from './schema/evidence-schema.js';
import { RubricSchema } from './schema/rubric-schema.js';
import { parseWithSchema } from './schema/zod-issues.js';
import { scoreAgency } from './score/score-agency.js';
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

/** Parse, validate and compile rubric text (no I/O). */
export function parseRubric(file: string, text: string): Result<CompiledRubric> {
  const src = parseSource(file, text);
  return src.ok ? compileRubricSource(src.value) : src;
}

/** Read, validate and compile a rubric file. */
export async function loadRubric(file: string, cwd?: string): Promise<Result<CompiledRubric>> {
  const src = await readSource(file, cwd);
  return src.ok ? compileRubricSource(src.value) : src;
}

/** Validate a parsed evidence source against a compiled rubric. */
export function checkEvidenceSource(src: SourceFile, compiled: CompiledRubric): Result<LoadedEvidence> {
  const shape = parseWithSchema(EvidenceSchema, src);
  if (!shape.ok) return { ok: false, diagnostics: sortDiagnostics(shape.diagnostics) };
  const diagnostics = sortDiagnostics(checkEvidence(src, shape.value, compiled));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, value: { evidence: shape.value, file: src.file, hash: hashText(src.text), warnings: diagnostics }, diagnostics };
}

/** Parse and validate evidence text (no I/O). */
export function parseEvidence(file: string, text: string, compiled: CompiledRubric): Result<LoadedEvidence> {
  const src = parseSource(file, text);
  return src.ok ? checkEvidenceSource(src.value, compiled) : src;
}

/** Read and validate an evidence file. */
export async function loadEvidence(file: string, compiled: CompiledRubric, cwd?: string): Promise<Result<LoadedEvidence>> {
  const src = await readSource(file, cwd);
  return src.ok ? checkEvidenceSource(src.value, compiled) : src;
}

/** Score loaded evidence: the full explained report. */
export function scoreEvidence(compiled: CompiledRubric, loaded: LoadedEvidence): Promise<ScoreReport> {
  return scoreAgency(compiled, loaded.evidence, {
    evidenceHash: loaded.hash,
    evidenceFile: loaded.file,
    engineVersion: ENGINE_VERSION,
    diagnostics: loaded.warnings,
  });
}
