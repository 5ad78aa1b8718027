import { describe, expect, it } from 'vitest';
import { compareIn, compile, countyRubric, evidence, tempDir } from './helpers.js';
import { parseEvidence, parseRubric, scoreEvidence } from '../../src/index.js';

const base = { meetings: 1, system: true, hotline: true, hall: true };

describe('rank-relative criteria (M27)', () => {
  it('scored alone, a rank item is manual at 0 points with the reason', async () => {
    const c = compile(countyRubric({ rank: 'bands' }));
    const ev = parseEvidence('e.json', evidence({ code: 'x', cls: 'A', facts: { ...base, posts: 10 } }), c);
    if (!ev.ok) throw new Error('evidence');
    const report = await scoreEvidence(c, ev.value);
    const node = report.nodes.find((n) => n.id === '2.2')!;
    expect(node.status).toBe('manual');
    expect(node.score).toBe(0);
    expect(node.reasons[0]!.text).toContain('排名类指标须在批量比较中计分');
  });

  it('gives band points by rank in a second pass, ties sharing a rank (1, 2, 2, 4, 5, 6)', async () => {
    const t = tempDir();
    try {
      const text = countyRubric({ rank: 'bands' });
      const r = t.write('rubric.yaml', text);
      const posts = { a: 90, b: 70, c: 70, d: 50, e: 40, f: 10 };
      for (const [code, p] of Object.entries(posts)) t.write(`in/${code}.json`, evidence({ code, cls: 'A', facts: { ...base, posts: p } }));
      t.write('in/g.json', evidence({ code: 'g', cls: 'A', facts: { ...base, posts: null } }));
      const report = await compareIn(t.dir, { inputs: ['in'], rubric: { file: r, compiled: compile(text) } });
      const finals = Object.fromEntries(report.agencies.map((a) => [a.code, a.totals.final]));
      // 80 from the other items + rank points: 1st 20, 2nd/2nd 16, 4th 8 (band 4–5), 5th 8, 6th 2 (otherwise).
      expect(finals).toEqual({ a: 100, b: 96, c: 96, d: 88, e: 88, f: 82, g: 80 });
      expect(report.rankCriteria).toEqual([
        expect.objectContaining({ id: '2.2', ranked: 6, order: 'desc', among: 'all', basis: { fact: 'posts', label: '主动公开信息数' } }),
      ]);
      expect(report.rankCriteria[0]!.scheme).toBe('第1–3名依次得 20、16、12 分;第4–5名各得 8 分;其余 2 分');
      // The rank points feed the agency's rank like any other points.
      expect(report.agencies.find((a) => a.code === 'b')!.rank.final).toBe(2);
      expect(report.agencies.find((a) => a.code === 'd')!.rank.final).toBe(4);
    } finally {
      t.cleanup();
    }
  });

  it('"第1名满分,其余按比例": proportional to the first, up to rank 3', async () => {
    const t = tempDir();
    try {
      const text = countyRubric({ rank: 'proportional' });
      const r = t.write('rubric.yaml', text);
      const posts = { a: 80, b: 60, c: 20, d: 10 };
      for (const [code, p] of Object.entries(posts)) t.write(`in/${code}.json`, evidence({ code, cls: 'A', facts: { ...base, posts: p } }));
      const report = await compareIn(t.dir, { inputs: ['in'], rubric: { file: r, compiled: compile(text) } });
      const finals = Object.fromEntries(report.agencies.map((a) => [a.code, a.totals.final]));
      // 20 × 60/80 = 15; 20 × 20/80 = 5; rank 4 beyond upTo → 0.
      expect(finals).toEqual({ a: 100, b: 95, c: 85, d: 80 });
    } finally {
      t.cleanup();
    }
  });

  it.each([
    { name: 'bands out of order', scheme: '{ bands: [{ upTo: 3, points: 10 }, { upTo: 2, points: 5 }] }', reason: '名次段须按名次从前到后排列' },
    { name: 'per-rank list of the wrong length', scheme: '{ bands: [{ upTo: 3, points: [20, 16] }] }', reason: '共 3 个名次,但列出了 2 个分值' },
    { name: 'points above the item', scheme: '{ bands: [{ upTo: 1, points: 25 }] }', reason: '超过本项分值' },
    { name: 'a later rank worth more', scheme: '{ bands: [{ upTo: 2, points: [10, 12] }] }', reason: '名次靠后的分值' },
  ])('validation: $name', ({ scheme, reason }) => {
    const text = countyRubric({ rank: 'bands' }).replace(/scheme:\n\s+bands:\n(\s+- .*\n)+\s+otherwise: 2/, `scheme: ${scheme}`);
    const r = parseRubric('r.yaml', text);
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.message.includes(reason));
    expect(d, JSON.stringify(r.diagnostics)).toBeDefined();
    expect(d!.line).toBeGreaterThan(0);
  });

  it('validation: a basis node that contains a rank item, and an unknown basis fact', () => {
    const selfRef = countyRubric({ rank: 'bands' }).replace('basis: { fact: posts }', 'basis: { node: "2" }');
    const r1 = parseRubric('r.yaml', selfRef);
    expect(r1.ok).toBe(false);
    expect(r1.diagnostics.map((d) => d.code)).toContain('SCHEMA_INVALID');
    const unknown = countyRubric({ rank: 'bands' }).replace('basis: { fact: posts }', 'basis: { fact: postz }');
    const r2 = parseRubric('r.yaml', unknown);
    expect(r2.ok).toBe(false);
    expect(r2.diagnostics.find((d) => d.code === 'UNKNOWN_FACT')?.hint).toContain('posts');
  });
});
