import { describe, expect, it } from 'vitest';
import { compareIn, compile, countyRubric, evidence, tempDir } from './helpers.js';

describe('over-claims', () => {
  it('lists agencies whose claims exceed what their evidence supports, by how much and where, largest first', async () => {
    const t = tempDir();
    try {
      const text = countyRubric();
      const r = t.write('rubric.yaml', text);
      const facts = { meetings: 1, system: false, posts: 5, hotline: false, hall: true };
      // x: claims 1.2 (20, scored 0) and 2.1 (20, scored 0) → total claimed 100 vs 60: +40.
      t.write('in/x.json', evidence({ code: 'x', cls: 'A', facts, claims: { '1': 40, '2': 40, '3': 20, '1.2': 20, '2.1': 20 } }));
      // y: one item over-claimed by 20, total honest elsewhere → +20.
      t.write('in/y.json', evidence({ code: 'y', cls: 'A', facts: { ...facts, hotline: true }, claims: { '1': 40, '2': 20, '3': 20 } }));
      // z: honest.
      t.write('in/z.json', evidence({ code: 'z', cls: 'A', facts, claims: { '1': 20, '2': 0, '3': 20 } }));
      const report = await compareIn(t.dir, { inputs: ['in'], rubric: { file: r, compiled: compile(text) } });
      expect(report.overClaims.map((o) => [o.code, o.claimed, o.final, o.difference])).toEqual([
        ['x', 100, 20 + 0 + 20, 60],
        ['y', 80, 60, 20],
      ]);
      const x = report.overClaims[0]!;
      expect(x.items.map((i) => [i.id, i.difference])).toEqual([
        ['2', 40],
        ['1', 20],
        ['1.2', 20],
        ['2.1', 20],
      ]);
      const z = report.agencies.find((a) => a.code === 'z')!;
      expect(z.claimDifference).toBe(0);
      expect(z.overClaimItems).toBe(0);
    } finally {
      t.cleanup();
    }
  });
});
