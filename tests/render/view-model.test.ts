import { chineseTypography } from '../../src/render/chinese-text.js';
import { describe, expect, it } from 'vitest';
import { levelGrid } from '../../src/render/grid.js';
import { buildBlankSheetViewModel } from '../../src/render/blank-report.js';
import { buildSummaryViewModel } from '../../src/render/summary-view.js';
import { buildSheetViewModel, criterionLevel } from '../../src/render/view-model.js';
import type { SheetViewModel } from '../../src/render/view-types.js';
import { compileTree, group, leaf, scoreTree, seedReport } from './fixtures.js';

/** Rows as "seq:cells" strings, each cell as level[rRowspan][cColspan]:id. */
function shape(vm: SheetViewModel): string[] {
  return vm.rows.map(
    (r) => `${r.kind[0]}${r.seq}:${r.cells.map((c) => `${c.level}${c.rowspan > 1 ? `r${c.rowspan}` : ''}${c.colspan > 1 ? `c${c.colspan}` : ''}:${c.id || c.label}`).join(' ')}`,
  );
}

describe('criterionLevel', () => {
  it.each([
    [['考核项目', '目标要求', '具体标准', '评分项'], 3, 2],
    [['考核项目', '目标要求', '具体标准', '评分项'], 1, 1],
    [['一级指标', '二级指标', '评分项'], 4, 1],
    [['一级指标', '二级指标', '三级指标'], 4, 2],
    [['一级指标', '二级指标', '三级指标', '四级指标', '五级指标'], 2, 2],
  ])('levels %j, deepest depth %i → rows at level %i', (levels, maxDepth, expected) => {
    expect(criterionLevel(levels, maxDepth)).toBe(expected);
  });
});

describe('sheet view model of the seed example', () => {
  it('has one row per 具体标准 (and per shallower leaf), merged like 附件1', async () => {
    const { report } = await seedReport();
    const vm = buildSheetViewModel(report);
    expect(vm.levelHeaders).toEqual(['考核项目', '目标要求', '具体标准']);
    expect(vm.columns.map((c) => c.label)).toEqual(['序号', '考核项目', '目标要求', '具体标准', '分值', '自评分', '核定分', '扣分/失分原因', '佐证材料']);
    const criteria = report.nodes.filter((n) => n.depth === 2).length;
    const shallowLeaves = report.nodes.filter((n) => n.depth < 2 && n.children.length === 0).length;
    expect(vm.itemCount).toBe(criteria + shallowLeaves);
    expect(vm.itemCount).toBe(35);
    const rows = shape(vm);
    expect(rows[0]).toBe('i1:0r7:1 1:1.1 2:1.1.1');
    expect(rows[2]).toBe('i3:1r4:1.3 2:1.3.1');
    expect(rows[6]).toBe('s:1c2:小计');
    expect(rows.find((r) => r.includes(':7 '))).toBe('i33:0c2:7 2:7');
    expect(rows.find((r) => r.includes(':8 '))).toBe('i34:0r3:8 1c2:8.1');
    expect(rows.at(-1)).toBe('t:0c3:总分');
    // Every slot of the level columns is covered exactly once.
    expect(() => levelGrid(vm)).not.toThrow();
  });

  it('takes every number from the report, formatted to the rubric precision', async () => {
    const { report } = await seedReport();
    const vm = buildSheetViewModel(report);
    const byId = new Map(report.nodes.map((n) => [n.id, n]));
    for (const row of vm.rows.filter((r) => r.isItem || r.isSubtotal)) {
      const n = byId.get(row.id)!;
      expect(row.values.max).toBe(n.max);
      expect(row.values.score).toBe(n.score);
      expect(row.scoreText).toBe(String(n.score));
      if (n.claimed !== undefined) expect(row.values.difference).toBe(n.difference);
    }
    const total = vm.rows.at(-1)!;
    expect([total.values.max, total.values.claimed, total.values.score]).toEqual([report.totals.max, report.totals.claimed, report.totals.final]);
    expect(vm.totals.find((t) => t.key === 'final')!.value).toBe(String(report.totals.final));
    // A provisional grade is never printed as final: it carries 暂定.
    expect(vm.totals.find((t) => t.key === 'grade')!.value).toBe(`${report.totals.grade}${report.status === 'provisional' ? '（暂定）' : ''}`);
  });

  it('shows clauses with their scores, claimed-vs-computed differences and the reasons', async () => {
    const { report } = await seedReport();
    const vm = buildSheetViewModel(report);
    const row = vm.rows.find((r) => r.id === '4.2.1')!;
    const cell = row.cells.at(-1)!;
    expect(cell.clauses.map((c) => [c.title, c.maxText, c.scoreText, c.lost])).toEqual([
      ['依申请公开专栏，申请表网上下载和在线提交', '4', '0', true],
      ['依法依规办理，告知书格式、内容规范', '3', '0', true],
      ['被纠错率低于10%并及时整改', '3', '3', false],
    ]);
    expect([row.claimedText, row.scoreText, row.differenceText, row.differenceClass]).toEqual(['6', '3', '+3', 'over']);
    expect(row.reasons[0]).toBe('自评高出核定 3 分');
    expect(row.reasons.slice(1)).toEqual(report.nodes.filter((n) => n.parent === '4.2.1' && n.score < n.max).map((n) => chineseTypography(n.reasons[0]!.text)));
    expect(row.evidence.map((e) => e.title)).toEqual(['2017年度住建局政务公开工作统计表']);
    const met = vm.rows.find((r) => r.id === '1.1.1')!;
    expect([met.reasons, met.statusNote, met.statusText]).toEqual([[], '', '达标']);
    const deducted = vm.rows.find((r) => r.id === '4.1.4')!;
    expect(deducted.reasons[1]).toMatch(/^扣 4 分：重点领域信息公开栏目不全/);
  });

  it('sums section claims for 小计 rows from the claims the report carries', async () => {
    const { report } = await seedReport();
    const vm = buildSheetViewModel(report);
    const subtotals = vm.rows.filter((r) => r.isSubtotal).map((r) => [r.id, r.claimedText, r.scoreText]);
    expect(subtotals).toEqual([
      ['1', '15', '13'],
      ['2', '6', '3'],
      ['3', '5', '4'],
      ['4', '42', '31'],
      ['5', '2', '2'],
      ['6', '4', '3'],
      ['8', '', '0'],
    ]);
  });
});

describe('grouping is general (2 to 5 levels)', () => {
  it('2 levels: sections and criteria', async () => {
    const c = compileTree([group('1', [leaf('1.1', 4), leaf('1.2', 6)]), leaf('2', 5)], { levels: ['考核项目', '考核内容'] });
    const vm = buildSheetViewModel(await scoreTree(c, true));
    expect(vm.levelHeaders).toEqual(['考核项目', '考核内容']);
    expect(shape(vm)).toEqual(['i1:0r3:1 1:1.1', 'i2:1:1.2', 's:1:小计', 'i3:0c2:2', 't:0c2:总分']);
  });

  it('3 levels with shallower leaves at depth 0 and 1', async () => {
    const c = compileTree([
      group('1', [group('1.1', [leaf('1.1.1', 2), leaf('1.1.2', 3)]), leaf('1.2', 5, { description: '目标要求一级的叶子' })]),
      leaf('2', 5),
    ]);
    const vm = buildSheetViewModel(await scoreTree(c, false));
    expect(vm.levelHeaders).toEqual(['考核项目', '目标要求', '具体标准']);
    expect(shape(vm)).toEqual(['i1:0r4:1 1r2:1.1 2:1.1.1', 'i2:2:1.1.2', 'i3:1:1.2 2:1.2', 's:1c2:小计', 'i4:0c3:2', 't:0c3:总分']);
    expect(vm.rows[2]!.cells[1]!.text).toBe('目标要求一级的叶子');
    expect(() => levelGrid(vm)).not.toThrow();
  });

  it('5 levels: rows at 具体标准, deeper levels as indented clauses', async () => {
    const c = compileTree([group('1', [group('1.1', [group('1.1.1', [group('1.1.1.1', [leaf('1.1.1.1.1', 3), leaf('1.1.1.1.2', 3)]), leaf('1.1.1.2', 4)])])])], {
      levels: ['考核项目', '目标要求', '具体标准', '评分项', '评分细则'],
    });
    const report = await scoreTree(c, true, { claims: { '1.1.1.1.1': 3, '1.1.1.1.2': 2, '1.1.1.2': 4 } });
    const vm = buildSheetViewModel(report);
    expect(shape(vm)).toEqual(['i1:0r2:1 1:1.1 2:1.1.1', 's:1c2:小计', 't:0c3:总分']);
    const clauses = vm.rows[0]!.cells.at(-1)!.clauses;
    expect(clauses.map((x) => [x.id, x.indent])).toEqual([
      ['1.1.1.1', 0],
      ['1.1.1.1.1', 1],
      ['1.1.1.1.2', 1],
      ['1.1.1.2', 0],
    ]);
    // Claims made on the clauses add up on the criterion row (9 claimed, 10 computed).
    expect([vm.rows[0]!.claimedText, vm.rows[0]!.scoreText, vm.rows[0]!.differenceText, vm.rows[0]!.differenceClass]).toEqual(['9', '10', '-1', 'under']);
    expect(vm.rows[0]!.reasons[0]).toBe('自评低于核定 1 分');
  });
});

describe('blank form', () => {
  it('renders the rubric alone: same rows and merges, points filled, every score cell empty', async () => {
    const { compiled, report } = await seedReport();
    const blank = buildBlankSheetViewModel(compiled);
    const scored = buildSheetViewModel(report);
    expect(shape(blank)).toEqual(shape(scored));
    expect(blank.blank).toBe(true);
    expect(blank.agency.name).toBe('');
    expect(blank.rows.map((r) => r.maxText)).toEqual(scored.rows.map((r) => r.maxText));
    for (const r of blank.rows) {
      expect([r.claimedText, r.scoreText, r.differenceText, r.statusText, r.reasons.length, r.evidence.length]).toEqual(['', '', '', '', 0, 0]);
      for (const c of r.cells.flatMap((x) => x.clauses)) expect(c.scoreText).toBe('');
    }
    expect(blank.totals.filter((t) => t.key !== 'applicableMax').every((t) => t.value === '')).toBe(true);
    expect(blank.stamp.evidenceHash).toBe('');
    expect(blank.stamp.rubricHash).toBe(report.rubric.hash);
  });
});

describe('summary view model (领导版)', () => {
  it('lists every item that lost points, most recoverable points first, with what earns them', async () => {
    const { report } = await seedReport();
    const vm = buildSummaryViewModel(report);
    const lostLeaves = report.nodes.filter((n) => n.children.length === 0 && n.kind === 'score' && n.lost > 0);
    expect(vm.fixes.map((f) => f.id).sort()).toEqual(lostLeaves.map((n) => n.id).sort());
    const lost = vm.fixes.map((f) => Number(f.lostText));
    expect(lost).toEqual([...lost].sort((a, b) => b - a));
    const fix = (id: string) => vm.fixes.find((f) => f.id === id)!;
    expect(fix('2.1.3').actions).toEqual(['建立信息发布保密审查机制']);
    expect(fix('5.1.1.2').actions).toEqual(['政策解读稿件发布数：现为 0 篇，要求 ≥ 1 篇', '政策解读与相应的政策文件相互链接']);
    expect(fix('1.3.1').actions[0]).toMatch(/^补充佐证：/);
    expect(fix('4.1.4').actions[0]).toMatch(/^消除扣分情形：重点领域信息公开栏目不全.*（扣 4 分）$/);
    expect(vm.sections.map((s) => [s.title, s.scoreText, s.lostText]).slice(0, 2)).toEqual([
      ['组织领导', '13', '2'],
      ['制度机制建设', '3', '7'],
    ]);
    expect(vm.pending.map((p) => p.id)).toEqual(['7', '8.1']);
  });

  it('counts an applied penalty as points to recover', async () => {
    const c = compileTree(
      [leaf('1', 10), { id: 'p', title: '通报批评', kind: 'penalty', cap: 9, scoring: { method: 'perOccurrence', per: { fact: 'blame' }, each: 3 } }],
      { facts: { ok: { label: '达标', type: 'boolean' }, blame: { label: '通报批评次数', type: 'integer', min: 0 } } },
    );
    const report = await scoreTree(c, false, { facts: { ok: false, blame: 2 } });
    const vm = buildSummaryViewModel(report);
    expect(vm.fixes.map((f) => [f.id, f.lostText])).toEqual([
      ['1', '10'],
      ['p', '6'],
    ]);
    expect(vm.fixes[1]!.actions[0]).toMatch(/^消除扣分情形：/);
    const sheet = buildSheetViewModel(report);
    expect(sheet.rows.at(-1)!.reasons[0]).toBe('基础分 0 + 加分 0 − 扣分 6；等次：不合格');
  });
});
