// The streamed compare JSON (rows serialised a batch at a time at their depth in the report) is byte-identical to
// JSON.stringify of the whole report, whatever the rows hold: property test over random JSON rows with control
// characters, U+2028/2029, lone surrogates, -0, nested empty arrays/objects, and list sizes around the batch size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompareReport } from '../../src/cohort/compare-report.js';
import { viewOfReport } from '../../src/cohort/build-compare-report.js';
import { compareJsonChunks } from '../../src/formatters/compare/format-compare-json.js';
import { formatCompareReport } from '../../src/formatters/compare/compare-formatters.js';

const text = fc.oneof(fc.string(), fc.constantFrom('\u2028', '\u2029', '\ud800', 'a\udfffb', '\u001b[2K', '\u007f\u009b', '\u202e', '\r\n', '单位\t名称'));
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, text, fc.double(), fc.constant(-0), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(text, tie('v'), { maxKeys: 3 })),
})).v;
const row = fc.record({ code: text, name: text, extra: value });

function report(agencies: unknown[], overClaims: unknown[], checkFailures: unknown[]): CompareReport {
  // The contract's key order around the three streamed lists; the other keys' contents do not matter here.
  const between = { gradeDistribution: [{ grade: '优秀', count: 1 }], weakSpots: [], checks: [] };
  return { schemaVersion: '1', kind: 'compare', agencies, gradeDistribution: between.gradeDistribution, weakSpots: between.weakSpots, overClaims, checks: between.checks, checkFailures, rankCriteria: [], leftOut: [], skipped: [] } as unknown as CompareReport;
}

describe('compare JSON streaming', () => {
  it('equals JSON.stringify(report, null, 2) for random rows', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.array(value, { maxLength: 4 }), fc.array(value, { maxLength: 4 }), (a, o, c) => {
        const r = report(a, o, c);
        expect([...compareJsonChunks(viewOfReport(r))].join('')).toBe(JSON.stringify(r, null, 2) + '\n');
      }),
      { numRuns: 300 },
    );
  });

  it.each([0, 1, 255, 256, 257, 513])('equals the whole report with %i rows (batch boundaries)', (n) => {
    const rows = Array.from({ length: n }, (_, i) => ({ code: `a-${i}`, sections: [{ id: '1', children: [] }], nested: { x: [i, -0, 0.1] } }));
    const r = report(rows, rows.slice(0, 3), []);
    expect([...compareJsonChunks(viewOfReport(r))].join('')).toBe(JSON.stringify(r, null, 2) + '\n');
  });

  it('escapes the controls JSON.stringify leaves raw (DEL, C1, bidi) and nothing else', async () => {
    const r = report([{ code: 'x', name: '单位\u007f\u009b\u202e名' }], [], []);
    const out = (await formatCompareReport(viewOfReport(r), 'json')) as string;
    expect(out).toContain('单位\\u007f\\u009b\\u202e名');
    expect(JSON.parse(out)).toEqual(r);
  });
});
