import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

  it('workers score with the rubric the main thread validated, not the file as it is now', async () => {
    const compiled = compile(COUNTY_RUBRIC);
    const opts = { inputs: ['county'], rubric: { file: 'rubric.yaml', compiled }, cwd: t.dir, reviews: 'reviews' };
    const inProcess = await compareBatch({ ...opts, workers: 'never' });
    const file = join(t.dir, 'rubric.yaml');
    const before = (() => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    })();
    // The file edited (here: made invalid) after the main thread compiled it: the workers never read it.
    writeFileSync(file, 'id: [broken\n');
    try {
      expect(await compareBatch({ ...opts, workers: 'always', jobs: 2 })).toEqual(inProcess);
    } finally {
      if (before !== null) writeFileSync(file, before);
    }
  });
});
