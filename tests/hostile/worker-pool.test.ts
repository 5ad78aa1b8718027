// A worker that dies costs only its file: the pool replaces it and the batch goes on (issue 9). The heavy file is
// generated here: a 49,000-item list stays under the parser's item limit but exceeds a deliberately small worker heap.
import { describe, expect, it } from 'vitest';
import { compareBatch } from '../../src/batch/compare-batch.js';
import { compile, countyRubric, evidence, tempDir } from '../batch/helpers.js';

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
});
