// Property tests: a report generated to satisfy H1–H4 always passes them (as `|` text and as an HTML page), and
// breaking one cell of 表三/表四 fails exactly the equations that read that cell.
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCheckReport } from '../../src/annual-report/check-report.js';
import { resultLeaves } from '../../src/annual-report/layout.js';
import { cellKey, type AnnualReport } from '../../src/annual-report/model.js';
import { parseAnnualReport } from '../../src/annual-report/read-report.js';
import { consistentT3, consistentT4, toHtml, toPipeText, type Figures } from './helpers/make-report.js';

const six = fc.array(fc.nat({ max: 30 }), { minLength: 6, maxLength: 6 });

const figures = fc
  .record({
    format: fc.constantFrom('2021' as const, '2019' as const),
    leaves: fc.array(six, { minLength: 21, maxLength: 21 }),
    sparse: fc.array(fc.boolean(), { minLength: 21, maxLength: 21 }),
    carried: six,
    forward: six,
    t4: fc.array(fc.array(fc.nat({ max: 9 }), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
    html: fc.boolean(),
    fullWidth: fc.boolean(),
  })
  .map(({ format, leaves, sparse, carried, forward, t4, html, fullWidth }) => {
    // Most leaves of real reports are zero: keep a random subset.
    const ids = resultLeaves(format).map((r) => r.id);
    const given = Object.fromEntries(ids.map((id, i) => [id, sparse[i] ? leaves[i]! : [0, 0, 0, 0, 0, 0]]));
    const f: Figures = {
      format,
      year: format === '2021' ? 2023 : 2020,
      agency: '示例县某局',
      t2: {},
      t3: consistentT3(format, given, carried, forward),
      t4: consistentT4(t4),
      sections: ['总体情况。', '', '', '', '问题与改进。', '无。'],
    };
    return { f, html, fullWidth };
  });

function parse({ f, html, fullWidth }: { f: Figures; html: boolean; fullWidth: boolean }): AnnualReport {
  const text = html ? toHtml(f, { fullWidthDigits: fullWidth, splitCells: fullWidth }) : toPipeText(f);
  const res = parseAnnualReport(html ? 'r.html' : 'r.txt', text);
  if (!res.ok) throw new Error(res.diagnostics.map((d) => d.message).join(';'));
  expect(res.diagnostics).toEqual([]);
  return res.value;
}

const HARD_SUMS = ['H1', 'H2', 'H3', 'H4'];

describe('properties of the checks', () => {
  it('a report generated to satisfy H1–H4 always passes them, whatever the reader', () => {
    fc.assert(
      fc.property(figures, (g) => {
        const c = buildCheckReport(parse(g));
        for (const id of [...HARD_SUMS, 'H5']) expect(c.results.find((r) => r.id === id)?.outcome).toBe('PASS');
      }),
      { numRuns: 40 },
    );
  });

  it('breaking one cell of 表三/表四 fails exactly the checks (and items) that read it', () => {
    fc.assert(
      fc.property(figures, fc.nat(), fc.integer({ min: 1, max: 5 }), (g, pick, delta) => {
        const report = parse(g);
        const candidates = report.cells.filter((c) => c.table !== '表二');
        const cell = candidates[pick % candidates.length]!;
        const ref = cellKey(cell.table, cell.row, cell.column);
        cell.value = new Decimal(cell.value!).plus(delta).toFixed();
        const c = buildCheckReport(report);
        for (const r of c.results.filter((x) => HARD_SUMS.includes(x.id))) {
          for (const item of r.items) {
            const reads = item.reads.some((x) => x.ref === ref);
            expect(item.outcome, `${r.id} ${item.label}`).toBe(reads ? 'FAIL' : 'PASS');
          }
        }
        const failed = c.results.filter((r) => r.outcome === 'FAIL').map((r) => r.id);
        const readers = c.results.filter((r) => HARD_SUMS.includes(r.id) && r.items.some((i) => i.reads.some((x) => x.ref === ref))).map((r) => r.id);
        expect(failed).toEqual(readers);
        expect(failed.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});
