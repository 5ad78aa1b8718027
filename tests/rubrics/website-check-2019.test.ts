// The 2019 website check (rubrics/website-check-2019.yaml): vetoes stop everything, the 100-point deduction part with
// per-indicator caps, the 30-point bonus entered only above 80, and the ×4/3 rescale for departments without service
// functions. Totals are hand-checked below; full reports are kept as golden files.
import { describe, expect, it } from 'vitest';
import { goldenJson, loadClean, scoreFile, scoreOf } from './helpers.js';

const RUBRIC = 'rubrics/website-check-2019.yaml';
const EXAMPLES = ['jiaotongju', 'danganguan', 'minzhengju-vetoed'];

describe('website-check-2019', () => {
  it('checks clean: 扣分指标 100 (办事服务 25 only for 有服务职能), 加分指标 30, six vetoes', async () => {
    const c = await loadClean(RUBRIC);
    expect(c.model.byId.get('K')!.max.toNumber()).toBe(100);
    expect(c.model.byId.get('K2')!.max.toNumber()).toBe(25);
    expect(c.model.byId.get('K2')!.node.classes).toEqual(['有服务职能']);
    expect(c.model.byId.get('J')!.kind).toBe('bonus');
    expect(c.rubric.vetoes).toHaveLength(6);
  });

  it('a department with service functions above 80 enters the bonus part (hand-checked)', async () => {
    const r = await scoreFile(await loadClean(RUBRIC), 'examples/website-check-2019/jiaotongju.yaml');
    // 发布解读 5 + 6 + 11 + 8 = 30; 办事服务 8 + 8 + 5 = 21; 互动交流 9 + 4 + 5 = 18; 功能设计 4 + 5 + (5 − 3×0.5) = 12.5
    expect(['K1', 'K2', 'K3', 'K4'].map((id) => scoreOf(r, id))).toEqual([30, 21, 18, 12.5]);
    // 扣分指标 30 + 21 + 18 + 12.5 = 81.5 > 80 → 加分 10 + 0 + 3 + 1 × 5 = 18; final 81.5 + 18 = 99.5
    expect(r.totals).toMatchObject({ base: 81.5, bonus: 18, penalty: 0, final: 99.5, grade: '合格' });
    expect(r.veto).toBeNull();
  });

  it('a department without service functions: 75 points × 4/3, below 80 so no bonus (hand-checked)', async () => {
    const r = await scoreFile(await loadClean(RUBRIC), 'examples/website-check-2019/danganguan.yaml');
    // 发布解读 6 + 9 + 11 + 8 = 34; 办事服务 not applicable; 互动交流 8 + 0 + 2 = 10; 功能设计 5 + 3 + 4.5 = 12.5
    expect(['K1', 'K3', 'K4'].map((id) => scoreOf(r, id))).toEqual([34, 10, 12.5]);
    expect(r.nodes.find((n) => n.id === 'K2')!.status).toBe('not_applicable');
    // (34 + 10 + 12.5) = 56.5 of 75; 56.5 × 4/3 = 226/3 = 75.333… → 75.33 at precision 2; ≤ 80 → bonus 0
    expect(r.totals).toMatchObject({ base: 75.33, bonus: 0, final: 75.33, applicableMax: 100, grade: '合格' });
    expect(r.nodes.find((n) => n.id === 'J')!.reasons.some((x) => x.kind === 'eligibility' && x.result === false)).toBe(true);
  });

  it('a veto stops scoring: 不合格, 0 points, nothing else scored', async () => {
    const r = await scoreFile(await loadClean(RUBRIC), 'examples/website-check-2019/minzhengju-vetoed.yaml');
    expect(r.veto).toMatchObject({ id: 'no-response', title: '互动回应差' });
    expect(r.totals).toMatchObject({ base: 0, bonus: 0, final: 0, grade: '不合格' });
    expect(r.nodes.filter((n) => n.kind === 'score').every((n) => n.status === 'vetoed')).toBe(true);
  });

  it.each(EXAMPLES)('matches the golden report: %s', async (name) => {
    const r = await scoreFile(await loadClean(RUBRIC), `examples/website-check-2019/${name}.yaml`);
    await expect(goldenJson(r)).toMatchFileSnapshot(`./golden/website-check-2019.${name}.json`);
  });
});
