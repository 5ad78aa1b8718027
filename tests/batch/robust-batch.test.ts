import { describe, expect, it } from 'vitest';
import { cli, countyRubric, evidence, tempDir } from './helpers.js';
import type { CompareReport } from '../../src/cohort/compare-report.js';

const facts = { meetings: 1, system: true, posts: 60, hotline: true, hall: true };

describe('robust batches', () => {
  it('reports a broken file, an invalid one, a duplicate and another rubric’s evidence, scores the rest, exits 1', async () => {
    const t = tempDir();
    try {
      t.write('rubric.yaml', countyRubric());
      t.write('in/a.json', evidence({ code: 'a', cls: 'A', facts }));
      t.write('in/b.yaml', `rubric: { id: county-test, version: "1" }\nagency: { name: 乙单位, code: b, class: B }\nperiod: { year: 2024 }\nfacts:\n  meetings: 2\n  system: true\n  posts: 12\n  hotline: false\n`);
      // Broken YAML (unclosed flow mapping).
      t.write('in/broken.yaml', 'rubric: { id: county-test, version: "1"\nagency: { name: 坏文件, code: bad }\n');
      // Shape-valid but a fact of the wrong type, on line 8.
      t.write('in/invalid.yaml', `rubric: { id: county-test, version: "1" }\nagency: { name: 丙单位, code: c }\nperiod: { year: 2024 }\nfacts:\n  meetings: 1\n  system: true\n  posts: 3\n  hotline: 很多\n`);
      // The same agency twice: no winner is picked silently, both files are left out (issue 9).
      t.write('in/z-dup.json', evidence({ code: 'a', name: '重复', cls: 'A', facts }));
      // Evidence for another rubric.
      t.write('in/other.json', evidence({ code: 'o', facts, rubricId: 'another-rubric' }));
      // A copy of the rubric among the inputs is skipped, and non-evidence files are ignored.
      t.write('in/rubric-copy.yaml', countyRubric());
      t.write('in/notes.txt', 'not evidence');
      const res = await cli(['compare', 'in', '--rubric', 'rubric.yaml', '--format', 'json'], t.dir);
      expect(res.code).toBe(1);
      const report = JSON.parse(res.stdout) as CompareReport;
      expect(report.agencies.map((a) => a.code)).toEqual(['b']);
      expect(report.leftOut.map((f) => [f.file, f.reason])).toEqual([
        ['in/a.json', 'duplicate'],
        ['in/broken.yaml', 'invalid'],
        ['in/invalid.yaml', 'invalid'],
        ['in/other.json', 'wrongRubric'],
        ['in/z-dup.json', 'duplicate'],
      ]);
      const invalid = report.leftOut.find((f) => f.file === 'in/invalid.yaml')!;
      expect(invalid.messages[0]).toMatchObject({ code: 'FACT_TYPE_MISMATCH', line: 8, path: 'facts.hotline' });
      const broken = report.leftOut.find((f) => f.file === 'in/broken.yaml')!;
      expect(broken.messages[0]!.code).toBe('YAML_SYNTAX');
      expect(broken.messages[0]!.line).toBeGreaterThan(0);
      expect(report.leftOut.filter((f) => f.reason === 'duplicate').map((f) => f.code)).toEqual(['a', 'a']);
      expect(report.leftOut.find((f) => f.reason === 'wrongRubric')!.messages[0]!.code).toBe('RUBRIC_MISMATCH');
      expect(report.skipped).toEqual(['in/rubric-copy.yaml']);
      expect(report.counts).toEqual({ files: 7, scored: 1, leftOut: 5, skippedRubricFiles: 1, provisional: 0 });
      // stderr carries file:line:col CODE path for every left-out file.
      expect(res.stderr).toContain('in/invalid.yaml:8:');
      expect(res.stderr).toContain('FACT_TYPE_MISMATCH facts.hotline');
      expect(res.stderr).toContain('DUPLICATE_AGENCY');
    } finally {
      t.cleanup();
    }
  });

  it('exits 0 when everything was scored; usage errors exit 2; a missing input is left out', async () => {
    const t = tempDir();
    try {
      t.write('rubric.yaml', countyRubric());
      t.write('in/a.json', evidence({ code: 'a', cls: 'A', facts }));
      const ok = await cli(['compare', 'in', '--rubric', 'rubric.yaml'], t.dir);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('多单位比较');
      expect((await cli(['compare', 'in'], t.dir)).code).toBe(2);
      expect((await cli(['compare', 'in', '--rubric', 'rubric.yaml', '--format', 'xlsx'], t.dir)).code).toBe(2);
      const fmt = await cli(['compare', 'in', '--rubric', 'rubric.yaml', '--format', 'jsn'], t.dir);
      expect(fmt.code).toBe(2);
      expect(fmt.stderr).toContain('json');
      expect((await cli(['compare', 'in', '--rubric', 'rubric.yaml', '--baseline', 'in'], t.dir)).code).toBe(2);
      const missing = await cli(['compare', 'in', 'nowhere', '--rubric', 'rubric.yaml', '--format', 'json'], t.dir);
      expect(missing.code).toBe(1);
      expect((JSON.parse(missing.stdout) as CompareReport).leftOut).toEqual([expect.objectContaining({ file: 'nowhere', reason: 'unreadable' })]);
    } finally {
      t.cleanup();
    }
  });
});
