import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir, type TempDir } from './helpers.js';
import { writeCounty } from './county.js';
import { createRandom } from '../../src/bench/random.js';

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rnd = createRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('determinism', () => {
  let t: TempDir;
  let files: string[];
  beforeAll(() => {
    t = tempDir();
    files = writeCounty(t, true).files;
  });
  afterAll(() => t.cleanup());

  it.each(['json', 'csv', 'text', 'html'])('shuffled input order gives identical %s bytes (duplicate rule included)', async (format) => {
    const outputs = new Set<string>();
    for (const seed of [1, 2, 3]) {
      const res = await cli(['compare', ...shuffled(files, seed), '--rubric', 'rubric.yaml', '--format', format], t.dir);
      expect(res.code).toBe(1); // the duplicate is left out
      outputs.add(res.stdout);
    }
    const folder = await cli(['compare', 'county', '--rubric', 'rubric.yaml', '--format', format], t.dir);
    outputs.add(folder.stdout);
    expect(outputs.size).toBe(1);
  });
});
