// The county 100-point table (rubrics/county-100-table.yaml): checks clean; the example agency's totals are
// hand-checked below and its full report is kept as a golden file.
import { describe, expect, it } from 'vitest';
import { goldenJson, loadClean, scoreFile, scoreOf } from './helpers.js';

const RUBRIC = 'rubrics/county-100-table.yaml';
const REVIEW = 'examples/county-100-table/reviews/county-jyj.yaml';

describe('county-100-table', () => {
  it('checks clean: 组织保障 6 + 主要载体建设 15 + 政府信息公开 79 = 100, plus a deduction-only block', async () => {
    const c = await loadClean(RUBRIC);
    const max = (id: string) => c.model.byId.get(id)!.max.toNumber();
    expect([max('1'), max('2.1'), max('2.2'), max('1') + max('2')]).toEqual([6, 15, 79, 100]);
    expect(c.model.byId.get('3')!.kind).toBe('penalty');
    expect(c.model.byId.get('2.1.1')!.node.scoring).toMatchObject({ method: 'external', authority: '以县外网办评价为准' });
  });

  it('scores 县教育局 with the office\'s review (hand-checked); without it the two judged items are pending', async () => {
    const alone = await scoreFile(await loadClean(RUBRIC), 'examples/county-100-table/jiaoyuju.yaml');
    // 2.2.9 and 2.2.10 not yet judged: 0 each, 64.5 − 5 − 2 = 57.5 in 政府信息公开; 84 − 7 − 1 = 76
    expect(alone).toMatchObject({ status: 'provisional', totals: { final: 76 } });
    expect(alone.pending.map((p) => p.id)).toEqual(['2.2.9', '2.2.10']);
    const report = await scoreFile(await loadClean(RUBRIC), 'examples/county-100-table/jiaoyuju.yaml', REVIEW);
    expect(report.status).toBe('final');
    // 主要载体建设: 门户网 5.5 (县外网办) + 新闻发布会 1 + 1 + 0 = 2 + 新媒体等 4 项 × 2 = 8, capped at 6 → 13.5
    expect([scoreOf(report, '2.1.1'), scoreOf(report, '2.1.2'), scoreOf(report, '2.1.3'), scoreOf(report, '2.1')]).toEqual([5.5, 2, 6, 13.5]);
    // 政府信息公开: 25 × 108/120 = 22.5; 1; 5 − 1×1 − 2×0.5 = 3; 4; 2; 4 × 5 = 20; 1; 5 − 1 = 4; 5 (judged); 2 (judged)
    //   22.5 + 1 + 3 + 4 + 2 + 20 + 1 + 4 + 5 + 2 = 64.5
    expect(['2.2.1', '2.2.2', '2.2.3', '2.2.4', '2.2.5', '2.2.6', '2.2.7', '2.2.8', '2.2.9', '2.2.10'].map((id) => scoreOf(report, id))).toEqual([22.5, 1, 3, 4, 2, 20, 1, 4, 5, 2]);
    expect(scoreOf(report, '2.2')).toBe(64.5);
    // base 6 + 13.5 + 64.5 = 84; penalty: 1 window item unpublished × 1 = 1; final 84 − 1 = 83 → 良好
    expect(report.totals).toMatchObject({ base: 84, bonus: 0, penalty: 1, final: 83, max: 100, grade: '良好', claimed: 91 });
  });

  it('matches the golden report', async () => {
    const report = await scoreFile(await loadClean(RUBRIC), 'examples/county-100-table/jiaoyuju.yaml', REVIEW);
    await expect(goldenJson(report)).toMatchFileSnapshot('./golden/county-100-table.jiaoyuju.json');
  });
});
