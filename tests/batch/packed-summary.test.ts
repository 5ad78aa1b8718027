// A packed summary reads back exactly as the summary it was made from: every field, the same keys in the same order
// (the compare outputs serialise agency and totals as read), optional fields absent when they were absent, Chinese
// texts and file names, null claims and vetoes. Property test over generated summaries plus the seed's real ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgencySummary } from '../../src/cohort/agency-summary.js';
import { packSummary } from '../../src/cohort/packed-summary.js';

/** Everything a reader sees of a summary, through its public properties, as JSON (key order included). */
function seen(s: AgencySummary): string {
  const { file, hash, agency, year, totals, veto, cells, missingEvidence, warnings, status, pending } = s;
  return JSON.stringify({ file, hash, agency, year, totals, veto, cells, missingEvidence, warnings, status, pending, rankBasis: s.rankBasis, rankApplies: s.rankApplies, leafScores: s.leafScores });
}

const num = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1000, max: 1000, noNaN: true }).map((x) => (x === 0 ? 0 : x)));
const text = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/[\u0000-\u001f]/.test(s)), fc.constantFrom('住建局', '鄂托克前旗住房和城乡建设局', '证据/住建局 2017.json', 'A', '合格'));
const summary: fc.Arbitrary<AgencySummary> = fc.record(
  {
    file: text,
    hash: fc.array(fc.constantFrom(...'0123456789abcdef'), { minLength: 64, maxLength: 64 }).map((h) => `sha256:${h.join('')}`),
    agency: fc.record({ code: text, name: text, shortName: text, class: text }, { requiredKeys: ['code', 'name'] }),
    year: fc.integer({ min: 2000, max: 2100 }),
    totals: fc.record({ base: num, bonus: num, penalty: num, final: num, max: num, applicableMax: num, normalized: num, grade: text, claimed: fc.option(num, { nil: null }) }),
    veto: fc.option(fc.record({ id: text, title: text }), { nil: null }),
    cells: fc.array(fc.array(num, { maxLength: 6 }), { minLength: 7, maxLength: 7 }).map((ls) => ls.map((l) => l.join(',')).join(';')),
    missingEvidence: fc.nat(99),
    warnings: fc.nat(99),
    status: fc.constantFrom('provisional' as const, 'final' as const),
    pending: fc.nat(99),
    rankBasis: fc.array(fc.option(num, { nil: null }), { maxLength: 3 }),
    leafScores: fc.dictionary(fc.constantFrom('1.1', '2.3'), num),
  },
  { requiredKeys: ['file', 'hash', 'agency', 'year', 'totals', 'veto', 'cells', 'missingEvidence', 'warnings', 'status', 'pending'] },
);

describe('packed agency summaries', () => {
  it('read back exactly what was packed (fast-check)', () => {
    fc.assert(
      fc.property(summary, (s) => {
        const p = packSummary(s);
        expect(seen(p)).toBe(seen(s));
        expect(packSummary(p)).toBe(p);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the agency and totals keys in the order of the plain summary', () => {
    const s: AgencySummary = {
      file: 'a.json',
      hash: `sha256:${'0'.repeat(64)}`,
      agency: { code: 'x', name: '住建局' },
      year: 2017,
      totals: { base: 73, bonus: 5, penalty: 0, final: 78, max: 100, applicableMax: 100, normalized: 78, grade: '合格', claimed: 87.5 },
      veto: null,
      cells: '1,2;;;;;;',
      missingEvidence: 0,
      warnings: 1,
      status: 'final',
      pending: 0,
    };
    const p = packSummary(s);
    expect(Object.keys(p.agency)).toEqual(['code', 'name']);
    expect(Object.keys(p.totals)).toEqual(Object.keys(s.totals));
    expect(p.totals.claimed).toBe(87.5);
  });
});
