// The comparison formatters, a typed registry like src/formatters: each reads only the comparison (a CompareView:
// the CompareReport contract with rows made on demand) and yields its output in chunks, so JSON, CSV and text of
// a very large batch stream to the file or terminal. HTML, xlsx and docx are built whole (county-sized outputs), their
// modules (Handlebars, exceljs, docx) loaded only when that format is asked for.
import { materialiseReport, viewOfReport, type CompareView } from '../../cohort/build-compare-report.js';
import { escapeControlCharsInJson, stripControlChars } from '../../diagnostics/control-chars.js';
import type { CompareReport } from '../../cohort/compare-report.js';
import { compareCsvChunks } from './format-compare-csv.js';
import { compareJsonChunks } from './format-compare-json.js';
import { compareTextChunks } from './format-compare-text.js';
import type { NoticeOptions } from './format-compare-docx.js';

export type CompareChunk = string | Uint8Array;
/** Options only some formats read (the 通报's 主送, 发文机关 and date). */
export interface CompareFormatOptions {
  notice?: NoticeOptions;
  /** html: agency code → relative link to its 自查评分表 (`compare --sheets`). */
  sheetHrefs?: ReadonlyMap<string, string>;
}
export type CompareFormatter = (view: CompareView, opts: CompareFormatOptions) => Iterable<CompareChunk> | AsyncIterable<CompareChunk>;

async function* whole(make: () => Promise<CompareChunk>): AsyncGenerator<CompareChunk> {
  yield await make();
}

export const compareFormatters = {
  text: compareTextChunks,
  json: compareJsonChunks,
  csv: compareCsvChunks,
  html: (v: CompareView, o: CompareFormatOptions) =>
    whole(async () => (await import('./format-compare-html.js')).formatCompareHtml(materialiseReport(v), o.sheetHrefs ? { sheetHrefs: o.sheetHrefs } : {})),
  xlsx: (v: CompareView) => whole(async () => (await import('./format-compare-xlsx.js')).formatCompareXlsx(materialiseReport(v))),
  docx: (v: CompareView, o: CompareFormatOptions) => whole(async () => (await import('./format-compare-docx.js')).formatCompareDocx(materialiseReport(v), o.notice)),
} satisfies Record<string, CompareFormatter>;

export type CompareFormatName = keyof typeof compareFormatters;

export const BINARY_COMPARE_FORMATS: ReadonlySet<CompareFormatName> = new Set(['xlsx', 'docx']);

export function isCompareFormatName(name: string): name is CompareFormatName {
  return Object.prototype.hasOwnProperty.call(compareFormatters, name);
}

/** The chunks of one format. */
export function compareChunks(view: CompareView, format: CompareFormatName, opts: CompareFormatOptions = {}): Iterable<CompareChunk> | AsyncIterable<CompareChunk> {
  const chunks = compareFormatters[format](view, opts);
  return stripped(chunks, format === 'json' ? escapeControlCharsInJson : stripControlChars);
}

/** Second defence after the parser's refusal: no control character from evidence reaches a terminal or file. */
async function* stripped(chunks: Iterable<CompareChunk> | AsyncIterable<CompareChunk>, clean: (s: string) => string): AsyncGenerator<CompareChunk> {
  // A CR at the end of a chunk may be the first half of a CRLF split across chunks: hold it for the next one.
  let held = '';
  for await (const c of chunks) {
    if (typeof c !== 'string') {
      if (held) yield clean(held);
      held = '';
      yield c;
      continue;
    }
    const s = held + c;
    held = s.endsWith('\r') ? '\r' : '';
    yield clean(held ? s.slice(0, -1) : s);
  }
  if (held) yield clean(held);
}

/** A whole output in memory (library use and tests): text formats as one string, xlsx as bytes. */
export async function formatCompareReport(report: CompareReport | CompareView, format: CompareFormatName): Promise<string | Uint8Array> {
  const view = 'head' in report ? report : viewOfReport(report);
  const parts: CompareChunk[] = [];
  for await (const c of compareChunks(view, format)) parts.push(c);
  if (parts.length === 1 && typeof parts[0] !== 'string') return parts[0]!;
  return parts.join('');
}
