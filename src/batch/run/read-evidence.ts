// Read and parse one evidence file for a batch: bounded size, strict UTF-8, JSON through the fast parser (YAML
// through the ordinary one). Failures become the same diagnostics readSource gives. The one batch stage that
// touches the file system; synchronous because each worker scores one file after another anyway.
import { readFileSync } from 'node:fs';
import { makeDiagnostic, type Result } from '../../diagnostics/diagnostic.js';
import { parseJsonSourceFast } from '../../load/parse-json-fast.js';
import { LIMITS, parseSource, type SourceFile } from '../../load/parse-source.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Read `path` (shown as `file` in diagnostics) and parse it.
 * @returns the parsed source, or diagnostics (FILE_NOT_FOUND, FILE_UNREADABLE, FILE_TOO_LARGE, YAML_SYNTAX …).
 */
export function readEvidenceSource(path: string, file: string): Result<SourceFile> {
  let text: string;
  try {
    const buf = readFileSync(path);
    if (buf.length > LIMITS.maxBytes) return { ok: false, diagnostics: [makeDiagnostic('FILE_TOO_LARGE', { file, actual: buf.length, expected: LIMITS.maxBytes })] };
    text = decoder.decode(buf);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, diagnostics: [makeDiagnostic('FILE_NOT_FOUND', { file })] };
    const reason =
      code === 'EACCES' ? '没有读取权限' : code === 'EISDIR' ? '不是普通文件' : err instanceof TypeError ? '不是 UTF-8 编码的文本' : code ?? (err instanceof Error ? err.message : String(err));
    return { ok: false, diagnostics: [makeDiagnostic('FILE_UNREADABLE', { file, reason })] };
  }
  return file.toLowerCase().endsWith('.json') ? parseJsonSourceFast(file, text) : parseSource(file, text);
}

/** A parsed document that looks like the office's review file (rulings for an agency, no period or facts): skipped. */
export function looksLikeReview(data: unknown): boolean {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  const o = data as Record<string, unknown>;
  const rulings = ['judgements', 'overrides', 'corrections', 'notApplicable', 'checks'].some((k) => Object.prototype.hasOwnProperty.call(o, k) && o[k] !== null && typeof o[k] === 'object' && !Array.isArray(o[k]));
  return rulings && 'agency' in o && !('period' in o) && !('facts' in o);
}

/** A parsed document that looks like a rubric (a node tree, no agency): skipped, not scored. */
export function looksLikeRubric(data: unknown): boolean {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  const o = data as Record<string, unknown>;
  return Array.isArray(o.nodes) && !('agency' in o);
}
