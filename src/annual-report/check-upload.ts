// One call for a service route: the bytes of an uploaded report → its check contract, or the diagnostics that say
// why it cannot be read. Bounded like the file reader (size, then the HTML limits while parsing).
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { buildCheckReport, type AnnualReportCheck } from './check-report.js';
import type { CheckOptions } from './checks/check-context.js';
import { HTML_LIMITS } from './html-reader.js';
import type { AnnualReport } from './model.js';
import { BINARY_HINT, binaryKind, decodeReport, parseAnnualReport, type ReadOptions } from './read-report.js';

export type UploadedReportResult =
  | { ok: true; report: AnnualReport; check: AnnualReportCheck; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** Read and check an uploaded report (`file` is the name shown in messages). Pure: no file system. */
export function checkUploadedReport(file: string, bytes: Uint8Array, opts: CheckOptions & ReadOptions = {}): UploadedReportResult {
  if (bytes.length > HTML_LIMITS.maxBytes) return { ok: false, diagnostics: [makeDiagnostic('FILE_TOO_LARGE', { file, actual: bytes.length, expected: HTML_LIMITS.maxBytes })] };
  const kind = binaryKind(bytes);
  if (kind) return { ok: false, diagnostics: [makeDiagnostic('FILE_UNREADABLE', { file, reason: `这是 ${kind} 文件,不是年报网页或文本`, hint: BINARY_HINT })] };
  const text = decodeReport(bytes);
  if (text === null) return { ok: false, diagnostics: [makeDiagnostic('FILE_UNREADABLE', { file, reason: '既不是 UTF-8 也不是 GBK/GB18030 编码的文本' })] };
  const { year, publishedOn, ...checkOpts } = opts;
  const res = parseAnnualReport(file, text, { ...(year !== undefined ? { year } : {}), ...(publishedOn !== undefined ? { publishedOn } : {}) });
  if (!res.ok) return res;
  return { ok: true, report: res.value, check: buildCheckReport(res.value, checkOpts), diagnostics: res.diagnostics };
}
