import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, compile, tempDir, type TempDir } from './helpers.js';
import { COUNTY_RUBRIC, writeCounty } from './county.js';
import { compareBatchView } from '../../src/batch/compare-batch.js';
import { materialiseReport } from '../../src/cohort/build-compare-report.js';
import { compareJsonChunks } from '../../src/formatters/compare/format-compare-json.js';

describe('golden outputs for a small generated county', () => {
  let t: TempDir;
  beforeAll(() => {
    t = tempDir();
    writeCounty(t);
  });
  afterAll(() => t.cleanup());

  it.each([
    ['json', 'county.json'],
    ['csv', 'county.csv'],
    ['text', 'county.txt'],
  ])('%s', async (format, golden) => {
    const res = await cli(['compare', 'county', '--rubric', 'rubric.yaml', '--reviews', 'reviews', '--format', format], t.dir);
    expect(res.code).toBe(0);
    await expect(res.stdout).toMatchFileSnapshot(`./golden/${golden}`);
  });

  it('streamed JSON is byte-identical to JSON.stringify of the whole report', async () => {
    const compiled = compile(COUNTY_RUBRIC);
    const view = await compareBatchView({ inputs: ['county'], rubric: { file: 'rubric.yaml', compiled }, cwd: t.dir, workers: 'never', reviews: 'reviews' });
    const streamed = [...compareJsonChunks(view)].join('');
    expect(streamed).toBe(JSON.stringify(materialiseReport(view), null, 2) + '\n');
  });
});
