// A worker that dies costs only its file: the pool replaces it and the batch goes on (issue 9). The heavy file is
// generated here: a 49,000-item list stays under the parser's item limit but exceeds a deliberately small worker heap.
import { describe, expect, it } from 'vitest';
import { compareBatch } from '../../src/batch/compare-batch.js';
import type { CompareReport } from '../../src/cohort/compare-report.js';
import { cli, compile, countyRubric, evidence, tempDir } from '../batch/helpers.js';
import { expectNoInternals } from './expect-clean.js';

const facts = { meetings: 1, system: true, posts: 60, hotline: true, hall: true };

describe('worker pool under a poisoned batch', () => {
  it('leaves out the file whose worker died, replaces the worker and scores every other file', async () => {
    const t = tempDir();
    try {
      const rubricText = countyRubric();
      t.write('rubric.yaml', rubricText);
      const codes = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'];
      for (const code of codes) t.write(`in/${code}.json`, evidence({ code, cls: 'A', facts }));
      const heavy = `rubric: { id: county-test, version: "1" }\nagency: { name: 重文件, code: heavy }\nperiod: { year: 2024 }\nfacts:\n  meetings: [${'"xxxxxxxxxxxxxxxxxxxx",'.repeat(49_000)}"x"]\n`;
      t.write('in/a0-heavy.yaml', heavy);
      const report = await compareBatch({
        inputs: ['in'],
        rubric: { file: 'rubric.yaml', compiled: compile(rubricText) },
        cwd: t.dir,
        workers: 'always',
        jobs: 2,
        workerLimits: { heapMb: 40 },
      });
      expect(report.agencies.map((a) => a.code)).toEqual(codes);
      expect(report.leftOut.map((f) => [f.file, f.reason, f.messages[0]?.code])).toEqual([['in/a0-heavy.yaml', 'aborted', 'RESOURCE_LIMIT']]);
      expect(report.leftOut[0]!.messages[0]!.message).toMatch(/内存上限/);
    } finally {
      t.cleanup();
    }
  }, 60_000);

  it('compare over 199 good files and a 2 MiB million-item list scores every good file and lists the bad one', async () => {
    const t = tempDir();
    try {
      t.write('rubric.yaml', countyRubric());
      for (let i = 0; i < 199; i++) t.write(`in/${String(i).padStart(3, '0')}.json`, evidence({ code: `c${i}`, cls: 'A', facts }));
      t.write('in/000-poison.yaml', `rubric: { id: county-test, version: "1" }\nagency: { name: 毒文件, code: p }\nperiod: { year: 2024 }\nfacts:\n  meetings: [${'1,'.repeat(1_000_000)}1]\n`);
      // 200 files: the default runs on worker threads.
      const r = await cli(['compare', 'in', '--rubric', 'rubric.yaml', '--format', 'json', '--jobs', '2'], t.dir);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout) as CompareReport;
      expect(report.counts.scored).toBe(199);
      expect(report.leftOut.map((f) => [f.file, f.reason, f.messages[0]!.code])).toEqual([['in/000-poison.yaml', 'invalid', 'TOO_MANY_ITEMS']]);
      expect(r.stderr).toContain('in/000-poison.yaml:5:');
      expectNoInternals(r);
    } finally {
      t.cleanup();
    }
  }, 120_000);

  it('a file that takes longer than the time limit is stopped and left out (TIMEOUT); the pool goes on', async () => {
    const t = tempDir();
    try {
      const rubricText = countyRubric();
      t.write('rubric.yaml', rubricText);
      // ~90,000 values: about a second to compose, far beyond the 200 ms limit set for this test.
      t.write('in/slow.yaml', `rubric: { id: county-test, version: "1" }\nagency: { name: 慢文件, code: slow }\nperiod: { year: 2024 }\nfacts:\n  meetings: [${'1,'.repeat(90_000)}1]\n`);
      const report = await compareBatch({
        inputs: ['in'],
        rubric: { file: 'rubric.yaml', compiled: compile(rubricText) },
        cwd: t.dir,
        workers: 'always',
        jobs: 1,
        workerLimits: { taskTimeoutMs: 200 },
      });
      expect(report.leftOut.map((f) => [f.file, f.reason, f.messages[0]?.code])).toEqual([['in/slow.yaml', 'aborted', 'TIMEOUT']]);
    } finally {
      t.cleanup();
    }
  }, 60_000);
});
