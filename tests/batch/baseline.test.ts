import { describe, expect, it } from 'vitest';
import { compareIn, compile, countyRubric, evidence, reviewJson, tempDir } from './helpers.js';

const facts = { meetings: 1, system: false, posts: 60, hotline: true, hall: true };

describe('baseline split (year over year)', () => {
  it('when only the rubric changed, all of the change is rubric change', async () => {
    const t = tempDir();
    try {
      // Last year 1.1 and 1.2 were worth 20 + 20; this year 30 + 10. Same facts both years.
      const lastText = countyRubric({ version: '2023', points: [20, 20] });
      const thisText = countyRubric({ version: '2024', points: [30, 10] });
      const last = t.write('rubric-2023.yaml', lastText);
      const now = t.write('rubric-2024.yaml', thisText);
      t.write('2023/a.json', evidence({ code: 'a', cls: 'A', facts, version: '2023', year: 2023 }));
      t.write('2024/a.json', evidence({ code: 'a', cls: 'A', facts, version: '2024' }));
      const report = await compareIn(t.dir, {
        inputs: ['2024'],
        rubric: { file: now, compiled: compile(thisText) },
        baseline: { inputs: ['2023'], rubric: { file: last, compiled: compile(lastText) } },
      });
      const row = report.baseline!.agencies[0]!;
      expect(row).toMatchObject({ code: 'a', previous: 80, rescored: 90, current: 90, change: 10, rubricChange: 10, workChange: 0, notComparableChange: 0 });
      expect(row.notComparable).toEqual([]);
      expect(row.droppedFacts).toEqual([]);
    } finally {
      t.cleanup();
    }
  });

  it('last year\'s office review counts in both baseline terms (--baseline-reviews): a corrected fact is not mistaken for work', async () => {
    const t = tempDir();
    try {
      const lastText = countyRubric({ version: '2023', points: [20, 20] });
      const thisText = countyRubric({ version: '2024', points: [30, 10] });
      const last = t.write('rubric-2023.yaml', lastText);
      const now = t.write('rubric-2024.yaml', thisText);
      // Last year the agency wrote system: false; the office found the system in place and corrected it.
      t.write('2023/a.json', evidence({ code: 'a', cls: 'A', facts, version: '2023', year: 2023 }));
      t.write('reviews-2023/a.json', reviewJson('a', { corrections: { system: { value: true, reason: '查阅制度文件，已建立' } } }, 'county-test', '2023'));
      t.write('2024/a.json', evidence({ code: 'a', cls: 'A', facts: { ...facts, system: true }, version: '2024' }));
      const run = (reviews: boolean) =>
        compareIn(t.dir, {
          inputs: ['2024'],
          rubric: { file: now, compiled: compile(thisText) },
          baseline: { inputs: ['2023'], rubric: { file: last, compiled: compile(lastText) }, ...(reviews ? { reviews: 'reviews-2023' } : {}) },
        });
      // With the review: previous 20 + 20 + 20 + 20 + 20 = 100; re-scored (correction carried) 30 + 10 + 20 + 20 + 20 = 100;
      // current 100: nothing changed.
      expect((await run(true)).baseline!.agencies[0]).toMatchObject({ previous: 100, rescored: 100, current: 100, rubricChange: 0, workChange: 0 });
      // Without it: previous 80, re-scored 90 — the office's correction would read as 10 points of work.
      expect((await run(false)).baseline!.agencies[0]).toMatchObject({ previous: 80, rescored: 90, current: 100, rubricChange: 10, workChange: 10 });
    } finally {
      t.cleanup();
    }
  });

  it('splits a mixed change, and names criteria last year’s facts cannot decide', async () => {
    const t = tempDir();
    try {
      const lastText = countyRubric({ version: '2023', points: [20, 20] });
      // This year: points moved AND the hotline item reads a new fact (consultLine) last year's evidence lacks.
      const thisText = countyRubric({ version: '2024', points: [30, 10] }).replaceAll('hotline', 'consultLine');
      const last = t.write('rubric-2023.yaml', lastText);
      const now = t.write('rubric-2024.yaml', thisText);
      t.write('2023/a.json', evidence({ code: 'a', cls: 'A', facts, version: '2023', year: 2023 }));
      t.write('2023/gone.json', evidence({ code: 'gone', cls: 'A', facts, version: '2023', year: 2023 }));
      // The agency's work improved: it now has a system (1.2, 10 points this year).
      const { hotline, ...rest } = facts;
      t.write('2024/a.json', evidence({ code: 'a', cls: 'A', facts: { ...rest, consultLine: hotline, system: true }, version: '2024' }));
      t.write('2024/new.json', evidence({ code: 'new', cls: 'A', facts: { ...rest, consultLine: true }, version: '2024' }));
      const report = await compareIn(t.dir, {
        inputs: ['2024'],
        rubric: { file: now, compiled: compile(thisText) },
        baseline: { inputs: ['2023'], rubric: { file: last, compiled: compile(lastText) } },
      });
      const b = report.baseline!;
      const row = b.agencies.find((x) => x.code === 'a')!;
      // previous 80 (20+0+20+20+20); re-scored: 30 + 0 + 0 (2.1 undecidable) + 20 + 20 = 70;
      // bridged (2.1 at this year's 20) = 90; current 30 + 10 + 20 + 20 + 20 = 100.
      expect(row).toMatchObject({ previous: 80, rescored: 70, current: 100, change: 20, rubricChange: -10, notComparableChange: 20, workChange: 10 });
      expect(row.rubricChange + row.notComparableChange + row.workChange).toBe(row.change);
      expect(row.droppedFacts).toEqual(['hotline']);
      expect(row.notComparable).toEqual([{ id: '2.1', title: '开通咨询热线', reason: expect.stringContaining('consultLine') }]);
      expect(b.onlyInBaseline.map((x) => x.code)).toEqual(['gone']);
      expect(b.onlyInCurrent.map((x) => x.code)).toEqual(['new']);
    } finally {
      t.cleanup();
    }
  });
});
