// Rubric diff: rename (same id, new title) vs renumber (matched by title) vs remove + add; a move; points shifted
// between sections with section totals before → after; thresholds; the three output formats; the real 2017 → 2018.
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { diffRubrics, formatDiff, loadRubric, parseRubric, type CompiledRubric } from '../../src/index.js';

function rubric(nodes: string, extra = ''): CompiledRubric {
  const text = `id: r
version: "1"
title: 测试细则
parameters:
  minCount: { label: 最低次数, value: 1, unit: 次 }
facts:
  a: { label: 事实A, type: boolean }
  n: { label: 次数, type: integer, min: 0 }
${extra}nodes:
${nodes}`;
  const r = parseRubric('r.yaml', text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`).join('\n'));
  return r.value;
}

const leaf = (id: string, title: string, points: number, cond = '{ fact: a, operator: equal, value: true }'): string =>
  `      - { id: "${id}", title: "${title}", points: ${points}, scoring: { method: binary, when: ${cond} } }\n`;
const section = (id: string, title: string, points: number, children: string): string =>
  `  - id: "${id}"\n    title: ${title}\n    points: ${points}\n    children:\n${children}`;

const OLD = rubric(
  section('1', '第一部分', 60, leaf('1.1', '建立信息公开工作制度', 20) + leaf('1.2', '按时发布政府信息公开年度报告', 20) + leaf('1.3', '设置依申请公开栏目', 20)) +
    section('2', '第二部分', 40, leaf('2.1', '开展政务公开业务培训', 20, '{ fact: n, operator: greaterThanInclusive, value: { param: minCount } }') + leaf('2.2', '公开政策解读材料', 20)),
);

describe('diffRubrics', () => {
  it('tells a rename (same id), a renumber (matched by title) and a remove + add apart', () => {
    const NEW = rubric(
      section('1', '第一部分', 60, leaf('1.1', '建立健全信息公开工作制度', 20) + leaf('1.4', '按时发布政府信息公开年度报告', 20) + leaf('1.5', '网站适老化改造', 20)) +
        section('2', '第二部分', 40, leaf('2.1', '开展政务公开业务培训', 20, '{ fact: n, operator: greaterThanInclusive, value: { param: minCount } }') + leaf('2.2', '公开政策解读材料', 20)),
    );
    const d = diffRubrics(OLD, NEW);
    const c11 = d.changed.find((c) => c.new.id === '1.1')!;
    expect(c11).toMatchObject({ matchedBy: 'id', retitled: true, renumbered: false, moved: false });
    const c14 = d.changed.find((c) => c.new.id === '1.4')!;
    expect(c14).toMatchObject({ matchedBy: 'title', renumbered: true, retitled: false, similarity: 1, old: { id: '1.2' } });
    expect(d.removed.map((n) => n.id)).toEqual(['1.3']);
    expect(d.added.map((n) => n.id)).toEqual(['1.5']);
  });

  it('reports a move with the parents before and after', () => {
    const NEW = rubric(
      section('1', '第一部分', 40, leaf('1.1', '建立信息公开工作制度', 20) + leaf('1.3', '设置依申请公开栏目', 20)) +
        section('2', '第二部分', 60, leaf('2.1', '开展政务公开业务培训', 20, '{ fact: n, operator: greaterThanInclusive, value: { param: minCount } }') + leaf('1.2', '按时发布政府信息公开年度报告', 20) + leaf('2.2', '公开政策解读材料', 20)),
    );
    const d = diffRubrics(OLD, NEW);
    const moved = d.changed.filter((c) => c.moved);
    expect(moved.map((c) => [c.new.id, c.old.parent?.id, c.new.parent?.id])).toEqual([['1.2', '1', '2']]);
    expect(formatDiff(d, 'text')).toContain('1.2 按时发布政府信息公开年度报告：由「1 第一部分」移至「2 第二部分」');
  });

  it('shows points shifted between sections with section totals before → after', () => {
    const NEW = rubric(
      section('1', '第一部分', 50, leaf('1.1', '建立信息公开工作制度', 10) + leaf('1.2', '按时发布政府信息公开年度报告', 20) + leaf('1.3', '设置依申请公开栏目', 20)) +
        section('2', '第二部分', 50, leaf('2.1', '开展政务公开业务培训', 30, '{ fact: n, operator: greaterThanInclusive, value: { param: minCount } }') + leaf('2.2', '公开政策解读材料', 20)),
    );
    const d = diffRubrics(OLD, NEW);
    expect(d.sections.map((s) => [s.id, s.before, s.after])).toEqual([['1', 60, 50], ['2', 40, 50]]);
    expect(d.total).toEqual({ before: 100, after: 100 });
    expect(d.changed.filter((c) => c.pointsChanged).map((c) => [c.new.id, c.old.max, c.new.max])).toEqual([['1', 60, 50], ['1.1', 20, 10], ['2', 40, 50], ['2.1', 20, 30]]);
    const text = formatDiff(d, 'text');
    expect(text).toMatch(/1\s+第一部分\s+60\s+50\s+−10/);
    expect(text).toMatch(/基本分合计\s+100\s+100/);
  });

  it('reports a changed threshold parameter, with the items using it, and a changed rule', () => {
    const text2 = `id: r\nversion: "2"\ntitle: 测试细则\nparameters:\n  minCount: { label: 最低次数, value: 2, unit: 次 }\nfacts:\n  a: { label: 事实A, type: boolean }\n  n: { label: 次数, type: integer, min: 0 }\nnodes:\n${section('1', '第一部分', 60, leaf('1.1', '建立信息公开工作制度', 20) + leaf('1.2', '按时发布政府信息公开年度报告', 20) + leaf('1.3', '设置依申请公开栏目', 20, '{ fact: a, operator: equal, value: false }'))}${section('2', '第二部分', 40, leaf('2.1', '开展政务公开业务培训', 20, '{ fact: n, operator: greaterThanInclusive, value: { param: minCount } }') + leaf('2.2', '公开政策解读材料', 20))}`;
    const r2 = parseRubric('r2.yaml', text2);
    if (!r2.ok) throw new Error('r2');
    const d = diffRubrics(OLD, r2.value);
    expect(d.parameters).toEqual([{ id: 'minCount', label: '最低次数', change: 'changed', details: ['取值：1次 → 2次', '用于：2.1'] }]);
    expect(d.changed.find((c) => c.new.id === '1.3')!.rules).toEqual(['计分规则：达标得分:事实A = 是 → 达标得分:事实A = 否']);
    expect(d.changed.find((c) => c.new.id === '2.1')!.rules[0]).toContain('最低次数(1次) → 达标得分:次数 ≥ 最低次数(2次)');
  });

  it('renders Markdown tables and escaped HTML', () => {
    const NEW = rubric(
      section('1', '第一部分', 60, leaf('1.1', '建立<script>alert(1)</script>制度 | 规范', 20) + leaf('1.2', '按时发布政府信息公开年度报告', 20) + leaf('1.3', '设置依申请公开栏目', 20)) +
        section('2', '第二部分', 40, leaf('2.1', '开展政务公开业务培训', 20, '{ fact: n, operator: greaterThanInclusive, value: { param: minCount } }') + leaf('2.2', '公开政策解读材料', 20)),
    );
    const d = diffRubrics(OLD, NEW);
    const html = formatDiff(d, 'html');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert（1）&lt;/script&gt;'); // Chinese text: （） full-width
    expect(html).toContain('<html lang="zh-CN">');
    const md = formatDiff(d, 'md');
    expect(md).toContain('| 编号 | 考核项目 | 修订前 | 修订后 | 变化 |');
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('\\| 规范');
  });

  it('identical rubrics → nothing to report', () => {
    const d = diffRubrics(OLD, OLD);
    expect(d.identical).toBe(true);
    expect(formatDiff(d, 'text')).toContain('两份细则内容相同');
  });
});

describe('2017 → 2018 (the bundled rubrics)', () => {
  it('shows the year\'s changes', async () => {
    const a = await loadRubric('rubrics/etuokeqianqi-2017.yaml');
    const b = await loadRubric('rubrics/etuokeqianqi-2018.yaml');
    if (!a.ok || !b.ok) throw new Error('rubrics invalid');
    const d = diffRubrics(a.value, b.value);
    expect(d.removed.map((n) => n.id)).toEqual(['4.1.8']);
    expect(d.added.map((n) => n.id)).toEqual(['5.1.2', '6.2.1B', '6.3.1B']);
    const moved = d.changed.find((c) => c.new.id === '5.4.2')!;
    expect(moved).toMatchObject({ old: { id: '4.1.6', parent: { id: '4.1' } }, new: { parent: { id: '5.4' } }, moved: true, renumbered: true });
    // Points moved between sections, total kept: 4 政府信息公开 50 → 44, 5 回应解读 15 → 20, 6 政务服务 5 → 6.
    expect(d.sections.filter((s) => s.before !== s.after).map((s) => [s.id, s.before, s.after])).toEqual([['4', 50, 44], ['5', 15, 20], ['6', 5, 6]]);
    expect(d.total).toEqual({ before: 100, after: 100 });
    expect(d.parameters[0]).toMatchObject({ id: 'performanceWeightMin', details: expect.arrayContaining(['取值：4% → 5%']) });
    expect(d.facts.filter((f) => f.change === 'removed').map((f) => f.id)).toEqual(['budgetReportedToPlatform', 'releasePlatformSupported']);
  });

  it('zwgk diff via the CLI, all three formats', async () => {
    for (const format of ['text', 'md', 'html']) {
      let stdout = '';
      const code = await run(['diff', 'rubrics/etuokeqianqi-2017.yaml', 'rubrics/etuokeqianqi-2018.yaml', '--format', format], {
        stdout: (s) => (stdout += s),
        stderr: () => undefined,
        cwd: process.cwd(),
      });
      expect(code).toBe(0);
      expect(stdout).toContain('4.1.8');
    }
    let err = '';
    const bad = await run(['diff', 'rubrics/etuokeqianqi-2017.yaml', 'rubrics/etuokeqianqi-2018.yaml', '--format', 'htm'], { stdout: () => undefined, stderr: (s) => (err += s), cwd: process.cwd() });
    expect(bad).toBe(2);
    expect(err).toContain('是否想写 "html"');
  });
});

describe('diff html: one bullet per line (issue 13)', () => {
  it('marked items sit in a list without its own bullets, the mark standing in for it', async () => {
    const { cli } = await import('../helpers/cli.js');
    const r = await cli(['diff', 'rubrics/etuokeqianqi-2017.yaml', 'rubrics/etuokeqianqi-2018.yaml', '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ul.items { list-style: none;');
    // every item with a mark is inside a ul.items, never a plain (bulleted) ul
    const lists = [...r.stdout.matchAll(/<ul( class="[^"]*")?>([\s\S]*?)<\/ul>/g)];
    for (const [, cls, inner] of lists) if (/<span class="mark">/.test(inner!.split('<ul>')[0]!)) expect(cls).toBe(' class="items"');
  });
});
