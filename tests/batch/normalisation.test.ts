import { describe, expect, it } from 'vitest';
import { compareIn, compile, countyRubric, evidence, reviewJson, tempDir } from './helpers.js';

describe('normalisation across classes and not-applicable items', () => {
  it('shows the raw score against each agency’s own maximum and the 100-scale score side by side', async () => {
    const t = tempDir();
    try {
      const text = countyRubric();
      const r = t.write('rubric.yaml', text);
      const all = { meetings: 2, system: true, posts: 60, hotline: true, hall: true };
      // 甲类: assessed on all 100 points, loses 1.2 (20).
      t.write('in/jia.json', evidence({ code: 'jia', cls: 'A', facts: { ...all, system: false } }));
      // 乙类: section 3 (20 points) does not apply → out of 80; loses 1.1 and 1.2 (40) → 40/80 = 50.
      t.write('in/yi.json', evidence({ code: 'yi', cls: 'B', facts: { ...all, meetings: 0, system: false } }));
      // 乙类 with 2.1 declared not applicable (合理缺项) → out of 60, all met → 60/60 = 100.
      //   (the request counts once the office accepts it in its review)
      t.write('in/bing.json', evidence({ code: 'bing', cls: 'B', facts: all, notApplicable: [{ node: '2.1', reason: '本单位不设咨询热线' }] }));
      t.write('reviews/bing.json', reviewJson('bing', { notApplicable: { '2.1': { decision: 'accepted', reason: '经核实不设咨询热线' } } }));
      const report = await compareIn(t.dir, { inputs: ['in'], rubric: { file: r, compiled: compile(text) }, reviews: 'reviews' });
      const a = Object.fromEntries(report.agencies.map((x) => [x.code, x]));
      expect(a.jia!.totals).toMatchObject({ final: 80, applicableMax: 100, normalized: 80 });
      expect(a.yi!.totals).toMatchObject({ final: 40, applicableMax: 80, normalized: 50 });
      expect(a.bing!.totals).toMatchObject({ final: 60, applicableMax: 60, normalized: 100 });
      // Raw ranking favours the agency with more applicable points; the normalised one does not.
      expect([a.jia!.rank.final, a.bing!.rank.final, a.yi!.rank.final]).toEqual([1, 2, 3]);
      expect([a.bing!.rank.normalized, a.jia!.rank.normalized, a.yi!.rank.normalized]).toEqual([1, 2, 3]);
      // Section cells mark not-applicable parts; weak spots count only agencies assessed on the item.
      expect(a.yi!.sections.find((s) => s.id === '3')).toMatchObject({ notApplicable: true, applicableMax: 0 });
      const hall = report.weakSpots.find((w) => w.id === '3.1');
      expect(hall).toBeUndefined();
      const sys = report.weakSpots.find((w) => w.id === '1.2')!;
      expect(sys).toMatchObject({ agenciesLost: 2, agenciesAssessed: 3, totalLost: 40, averageLost: 13.33 });
      expect(report.weakSpots.find((w) => w.id === '1.1')).toMatchObject({ agenciesLost: 1, agenciesAssessed: 3 });
      expect(report.ranking.bases.map((b) => b.key)).toEqual(['final', 'normalized']);
    } finally {
      t.cleanup();
    }
  });
});
