// Read an evidence file's shape without a rubric (for `zwgk init --from`, pre-filling a form with earlier values).
import type { Result } from '../diagnostics/diagnostic.js';
import { parseSource } from '../load/parse-source.js';
import { EvidenceSchema, type Evidence } from '../schema/evidence-schema.js';
import { parseWithSchema } from '../schema/zod-issues.js';

/** Parse evidence text and check its shape only (rubric-specific checks happen when it is imported or scored). */
export function parseEvidenceData(file: string, text: string): Result<Evidence> {
  const src = parseSource(file, text);
  if (!src.ok) return src;
  return parseWithSchema(EvidenceSchema, src.value);
}
