// `zwgk compare --format csv`: the main table (agencies × sections, totals, ranks) for Excel/WPS with Chinese
// text: UTF-8 with BOM, CRLF line ends, RFC 4180 quoting, and a leading ' on text cells that start with
// = + - @ (or a tab/CR) so a spreadsheet never evaluates them as formulas.
import type { CompareView } from '../../cohort/build-compare-report.js';
import { CHUNK_CHARS, mainCells, mainHeaders } from './format-common.js';

/** One CSV cell: numbers as they are; text formula-neutralised and quoted when needed. */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Object.is(v, -0) ? '0' : String(v);
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function* compareCsvChunks(view: CompareView): Generator<string> {
  let buf = '\ufeff' + mainHeaders(view.head).map(csvCell).join(',') + '\r\n';
  for (const i of view.tableOrder()) {
    buf += mainCells(view.row(i)).map(csvCell).join(',') + '\r\n';
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = '';
    }
  }
  yield buf;
}
