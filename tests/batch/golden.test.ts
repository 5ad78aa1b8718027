import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir, type TempDir } from './helpers.js';
import { writeCounty } from './county.js';

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
    const res = await cli(['compare', 'county', '--rubric', 'rubric.yaml', '--format', format], t.dir);
    expect(res.code).toBe(0);
    await expect(res.stdout).toMatchFileSnapshot(`./golden/${golden}`);
  });
});
