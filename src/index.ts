// Public API: the stage functions and the report contract. The CLI imports only this module.
export * from './api.js';
export { parseSource, LIMITS, type SourceFile } from './load/parse-source.js';
export { readSource } from './load/read-source.js';
export { hashText } from './load/hash.js';
export { compileRubric, type CompiledRubric } from './compile/compile-rubric.js';
export { scoreAgency } from './score/score-agency.js';
export { buildRubricModel, type RubricModel, type FlatNode } from './model/rubric-model.js';
export * from './report/score-report.js';
export * from './diagnostics/diagnostic.js';
export { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnostics/codes.js';
export { formatDiagnostics } from './diagnostics/format-diagnostics.js';
export { RubricSchema, type Rubric, type RubricInput, type RubricNode } from './schema/rubric-schema.js';
export { EvidenceSchema, type Evidence, type EvidenceInput } from './schema/evidence-schema.js';
export { formatters, formatReport, type FormatterName } from './formatters/index.js';
export { writeFileAtomic } from './io/write-atomic.js';
export { ENGINE_VERSION } from './version.js';
