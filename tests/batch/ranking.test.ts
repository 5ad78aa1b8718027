import { describe, expect, it } from 'vitest';
import { competitionRanks } from '../../src/cohort/ranking.js';
import { countyRubric, evidence, tempDir, compile, compareIn } from './helpers.js';

describe('competition ranking (1, 1, 3)', () => {
  it.each([
    { values: [90, 80, 90, 70], order: 'desc' as const, ranks: [1, 3, 1, 4] },
    { values: [50, 50, 50], order: 'desc' as const, ranks: [1, 1, 1] },
    { values: [3, 1, 2, 1], order: 'asc' as const, ranks: [4, 1, 3, 1] },
    { values: [88.5, 88.5, 88.4, 88.5], order: 'desc' as const, ranks: [1, 1, 4, 1] },
    { values: [], order: 'desc' as const, ranks: [] },
  ])('$values $order → $ranks', ({ values, order, ranks }) => {
    expect(competitionRanks(values, order)).toEqual(ranks);
  });

  it('ranks tied agencies together in the comparison, on the final and the normalised score', async () => {
    const t = tempDir();
    try {
      const r = t.write('rubric.yaml', countyRubric());
      // A and B tie on 80 (final); C 60.
      t.write('in/a.json', evidence({ code: 'a', cls: 'A', facts: { meetings: 1, system: true, posts: 60, hotline: true, hall: false } }));
      t.write('in/b.json', evidence({ code: 'b', cls: 'A', facts: { meetings: 1, system: false, posts: 60, hotline: true, hall: true } }));
      t.write('in/c.json', evidence({ code: 'c', cls: 'A', facts: { meetings: 0, system: false, posts: 60, hotline: true, hall: true } }));
      const report = await compareIn(t.dir, { inputs: ['in'], rubric: { file: r, compiled: compile(countyRubric()) } });
      const byCode = Object.fromEntries(report.agencies.map((a) => [a.code, a]));
      expect(byCode.a!.totals.final).toBe(80);
      expect(byCode.b!.totals.final).toBe(80);
      expect(byCode.c!.totals.final).toBe(60);
      expect([byCode.a!.rank.final, byCode.b!.rank.final, byCode.c!.rank.final]).toEqual([1, 1, 3]);
      expect([byCode.a!.rank.normalized, byCode.b!.rank.normalized, byCode.c!.rank.normalized]).toEqual([1, 1, 3]);
      expect(report.ranking.rule).toBe('competition');
      expect(report.agencies.map((a) => a.code)).toEqual(['a', 'b', 'c']);
    } finally {
      t.cleanup();
    }
  });
});
