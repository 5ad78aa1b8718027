// `zwgk compare --format json`: the CompareReport contract, exactly `JSON.stringify(report, null, 2)` plus a newline,
// produced in chunks — the agency rows are serialised one at a time from the view, so a very large batch never
// holds its whole JSON text in memory.
import type { CompareView } from './build-compare-report.js';

const MARKER = '\n  "agencies": [],\n';
const CHUNK = 1 << 16;

export function* compareJsonChunks(view: CompareView): Generator<string> {
  const text = JSON.stringify(view.head, null, 2);
  const at = text.indexOf(MARKER);
  if (view.size === 0 || at < 0) {
    yield text + '\n';
    return;
  }
  yield text.slice(0, at) + '\n  "agencies": [';
  let buf = '';
  for (let i = 0; i < view.size; i++) {
    buf += (i > 0 ? ',' : '') + '\n    ' + JSON.stringify(view.row(i), null, 2).replace(/\n/g, '\n    ');
    if (buf.length >= CHUNK) {
      yield buf;
      buf = '';
    }
  }
  yield buf + '\n  ],\n' + text.slice(at + MARKER.length) + '\n';
}
