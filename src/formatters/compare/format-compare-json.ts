// `zwgk compare --format json`: the CompareReport contract, exactly `JSON.stringify(report, null, 2)` plus a newline,
// produced in chunks — agency rows, over-claims and agencies with failed checks are serialised one at a time from the view, so a very large
// batch never holds its whole JSON text (or all its rows) in memory.
import type { CompareView } from '../../cohort/build-compare-report.js';

import { CHUNK_CHARS as CHUNK } from './format-common.js';

/** The top-level lists streamed from the view, in the contract's key order. */
function lazyLists(view: CompareView): Array<{ key: string; size: number; item: (i: number) => unknown }> {
  return [
    { key: 'agencies', size: view.size, item: view.row },
    { key: 'overClaims', size: view.overClaimCount, item: view.overClaim },
    { key: 'checkFailures', size: view.checkFailureCount, item: view.checkFailure },
  ];
}

export function* compareJsonChunks(view: CompareView): Generator<string> {
  const text = JSON.stringify(view.head, null, 2);
  let from = 0;
  for (const list of lazyLists(view)) {
    const marker = `\n  "${list.key}": [],\n`;
    const at = text.indexOf(marker, from);
    if (at < 0) throw new Error(`内部错误：JSON 中找不到 ${list.key}`);
    if (list.size === 0) continue;
    yield text.slice(from, at) + `\n  "${list.key}": [`;
    let buf = '';
    for (let i = 0; i < list.size; i++) {
      buf += (i > 0 ? ',' : '') + '\n    ' + JSON.stringify(list.item(i), null, 2).replace(/\n/g, '\n    ');
      if (buf.length >= CHUNK) {
        yield buf;
        buf = '';
      }
    }
    yield buf + '\n  ],\n';
    from = at + marker.length;
  }
  yield text.slice(from) + '\n';
}
