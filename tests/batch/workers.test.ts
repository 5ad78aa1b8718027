import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareBatch } from '../../src/batch/compare-batch.js';
import { compile, tempDir, type TempDir } from './helpers.js';
import { COUNTY_RUBRIC, writeCounty } from './county.js';

describe('worker threads', () => {
  let t: TempDir;
  beforeAll(() => {
    t = tempDir();
    writeCounty(t, true);
  });
  afterAll(() => t.cleanup());

  it('gives the same comparison as scoring in-process (tsx loads the worker inside vitest)', async () => {
    const compiled = compile(COUNTY_RUBRIC);
    const opts = { inputs: ['county'], rubric: { file: 'rubric.yaml', compiled }, cwd: t.dir, reviews: 'reviews' };
    const inProcess = await compareBatch({ ...opts, workers: 'never' });
    const inWorkers = await compareBatch({ ...opts, workers: 'always', jobs: 2 });
    expect(inWorkers).toEqual(inProcess);
    // Nine files, two of them with the same agency code: both are left out (no winner is picked silently).
    expect(inProcess.counts.scored).toBe(7);
    expect(inProcess.rankCriteria[0]!.ranked).toBe(7);
    expect(inProcess.leftOut.map((f) => f.reason)).toEqual(['duplicate', 'duplicate']);
    // The office's review reached the worker: qx-05's not-applicable request (2.1, 20 points) is accepted (out of 80), final.
    expect(inWorkers.agencies.find((a) => a.code === 'qx-05')).toMatchObject({ status: 'final', totals: { applicableMax: 80 } });
  });
});
