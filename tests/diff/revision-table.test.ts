// The 三栏对照表 (原条款 / 修订后条款 / 修订说明, issue 13): rows built from a pair of small rubrics against hand-written
// expectations; the changed characters marked; the bundled 2017 → 2018 pair as a Markdown golden.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charDiff } from '../../src/diff/char-diff.js';
import { formatRevisionHtmlSection, formatRevisionMarkdown } from '../../src/diff/format-revision-table.js';
import { buildRevisionTable, chinesePunctuation, clauseLineText, type RevisionRow } from '../../src/diff/revision-table.js';
import { diffRubrics, loadRubric, parseRubric, type CompiledRubric } from '../../src/index.js';

function rubric(version: string, params: string, nodes: string): CompiledRubric {
  const text = `id: r
version: "${version}"
title: 测试细则
parameters:
${params}facts:
  a: { label: 建立制度, type: boolean }
  n: { label: 培训次数, type: integer, min: 0, unit: 次 }
  y: { label: 年报按时发布, type: boolean }
nodes:
${nodes}`;
  const r = parseRubric(`r${version}.yaml`, text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`).join('\n'));
  return r.value;
}

const OLD = rubric(
  '2023',
  '  minTrain: { label: 最低培训次数, value: 1, unit: 次 }\n',
  `  - id: "1"
    title: 制度建设
    points: 60
    children:
      - { id: "1.1", title: 建立信息公开工作制度, description: "建立信息公开工作制度,并按要求执行(20分)。", points: 20, scoring: { method: binary, when: { fact: a, operator: equal, value: true } } }
      - { id: "1.2", title: 开展业务培训, points: 20, scoring: { method: binary, when: { fact: n, operator: greaterThanInclusive, value: { param: minTrain } } } }
      - { id: "1.3", title: 设置依申请公开栏目, points: 20, scoring: { method: binary, when: { fact: a, operator: equal, value: true } } }
  - id: "2"
    title: 年报
    points: 40
    children:
      - { id: "2.1", title: 按时发布年度报告, points: 40, scoring: { method: binary, when: { fact: y, operator: equal, value: true } } }
`,
);

const NEW = rubric(
  '2024',
  '  minTrain: { label: 最低培训次数, value: 2, unit: 次 }\n',
  `  - id: "1"
    title: 制度建设
    points: 50
    children:
      - { id: "1.1", title: 建立信息公开工作制度, description: "建立健全信息公开工作制度,并按要求执行(10分)。", points: 10, scoring: { method: binary, when: { fact: a, operator: equal, value: true } } }
      - { id: "1.2", title: 开展业务培训, points: 20, scoring: { method: binary, when: { fact: n, operator: greaterThanInclusive, value: { param: minTrain } } } }
      - { id: "1.4", title: 网站适老化改造, points: 20, scoring: { method: binary, when: { fact: a, operator: equal, value: true } } }
  - id: "2"
    title: 年报
    points: 50
    children:
      - { id: "2.1", title: 按时发布年度报告, points: 40, scoring: { method: binary, when: { fact: y, operator: equal, value: true } } }
      - { id: "2.2", title: 开展业务培训并考核, points: 10, scoring: { method: binary, when: { fact: n, operator: greaterThanInclusive, value: 3 } } }
`,
);

/** A row as plain text: [id, change, 原条款 lines, 修订后条款 lines, 修订说明]. */
function plainRow(r: RevisionRow): [string, string, string[] | null, string[] | null, string[]] {
  return [r.id, r.change, r.old?.map(clauseLineText) ?? null, r.new?.map(clauseLineText) ?? null, r.notes];
}

/** The changed characters of a row's clauses: [old marks, new marks]. */
function marks(r: RevisionRow): [string[], string[]] {
  const m = (lines: RevisionRow['old']): string[] => (lines ?? []).flatMap((l) => l.segments.filter((s) => s.changed).map((s) => s.text));
  return [m(r.old), m(r.new)];
}

describe('三栏对照表 rows (two small rubrics, expected rows written by hand)', () => {
  const table = buildRevisionTable(diffRubrics(OLD, NEW), OLD, NEW);
  const expected: Array<ReturnType<typeof plainRow>> = [
    ['1', 'changed', ['1 制度建设（60分）'], ['1 制度建设（50分）'], ['分值由60分调整为50分']],
    [
      '1.1',
      'changed',
      ['1.1 建立信息公开工作制度（20分）', '具体标准：建立信息公开工作制度，并按要求执行（20分）。', '评分办法：达标得分：建立制度 = 是'],
      ['1.1 建立信息公开工作制度（10分）', '具体标准：建立健全信息公开工作制度，并按要求执行（10分）。', '评分办法：达标得分：建立制度 = 是'],
      ['分值由20分调整为10分', '修改具体标准文字'],
    ],
    [
      '1.2',
      'changed',
      ['1.2 开展业务培训（20分）', '评分办法：达标得分：培训次数 ≥ 最低培训次数（1次）'],
      ['1.2 开展业务培训（20分）', '评分办法：达标得分：培训次数 ≥ 最低培训次数（2次）'],
      ['阈值「最低培训次数」由1次调整为2次'],
    ],
    // a removed indicator stays where it stood (after 1.2), before what was added in its place
    ['1.3', 'removed', ['1.3 设置依申请公开栏目（20分）', '评分办法：达标得分：建立制度 = 是'], null, ['删除该指标（原20分，位于「1 制度建设」）']],
    ['1.4', 'added', null, ['1.4 网站适老化改造（20分）', '评分办法：达标得分：建立制度 = 是'], ['新增指标（20分，位于「1 制度建设」）']],
    ['2', 'changed', ['2 年报（40分）'], ['2 年报（50分）'], ['分值由40分调整为50分']],
    ['2.2', 'added', null, ['2.2 开展业务培训并考核（10分）', '评分办法：达标得分：培训次数 ≥ 3次'], ['新增指标（10分，位于「2 年报」）']],
  ];
  it.each(expected.map((row, i) => [row[0], row[1], i, row] as const))('%s (%s)', (_id, _change, i, row) => {
    expect(plainRow(table.rows[i]!)).toEqual(row);
    expect(table.rows[i]!.no).toBe(i + 1);
  });
  it('has exactly these rows, with the three column heads', () => {
    expect(table.rows.map((r) => r.id)).toEqual(expected.map((r) => r[0]));
    expect(table.head).toEqual(['原条款', '修订后条款', '修订说明']);
    expect(table.sources).toEqual(['修订前：《测试细则》（版本 2023）', '修订后：《测试细则》（版本 2024）']);
  });
  it('marks only the changed characters: points, the added words, the threshold', () => {
    const byId = new Map(table.rows.map((r) => [r.id, r]));
    expect(marks(byId.get('1.1')!)).toEqual([['2', '2'], ['1', '健全', '1']]); // heading 20→10, 健全 added, (20分)→(10分)
    expect(marks(byId.get('1.2')!)).toEqual([['1'], ['2']]);
    // an added or removed clause has nothing to compare against: nothing marked
    expect(marks(byId.get('1.4')!)).toEqual([[], []]);
  });
  it('renders 「（新增）」 and 「（删除）」 in the empty column of the Markdown table', () => {
    const md = formatRevisionMarkdown(table);
    expect(md).toContain('| 原条款 | 修订后条款 | 修订说明 |');
    expect(md).toContain('| （新增） | 1.4 网站适老化改造（20分）<br>评分办法：达标得分：建立制度 = 是 | 新增指标（20分，位于「1 制度建设」） |');
    expect(md).toContain('| 1.3 设置依申请公开栏目（20分）<br>评分办法：达标得分：建立制度 = 是 | （删除） |');
    expect(md).toContain('具体标准：建立<b>健全</b>信息公开工作制度，并按要求执行（<b>1</b>0分）。');
  });
  it('a change that leaves the printed rule alone (only the failure wording) still has its 修订说明', () => {
    const nodes = (reason: string) => `  - { id: "1", title: 年报, points: 100, scoring: { method: binary, when: { fact: y, operator: equal, value: true }, failReason: ${reason} } }\n`;
    const a = rubric('2023', '  minTrain: { label: 最低培训次数, value: 1, unit: 次 }\n', nodes('未按时发布'));
    const b = rubric('2024', '  minTrain: { label: 最低培训次数, value: 1, unit: 次 }\n', nodes('未在规定时间发布'));
    expect(buildRevisionTable(diffRubrics(a, b), a, b).rows.map((r) => [r.id, r.notes])).toEqual([['1', ['修改不得分时的说明文字']]]);
  });

  it('identical rubrics: no rows, the table says so', () => {
    const t = buildRevisionTable(diffRubrics(OLD, OLD), OLD, OLD);
    expect(t.rows).toEqual([]);
    expect(formatRevisionMarkdown(t)).toContain('没有需要对照的条款修订。');
  });
});

describe('charDiff', () => {
  const cases: Array<[string, string, string[], string[]]> = [
    ['权重不低于4%', '权重不低于5%', ['4'], ['5']],
    ['建立制度', '建立健全制度', [], ['健全']],
    ['及时上报平台', '及时上报', ['平台'], []],
    ['相同', '相同', [], []],
    // a lone common character between two changes is folded into the change
    ['甲的乙', '丙的丁', ['甲的乙'], ['丙的丁']],
  ];
  it.each(cases)('%s → %s', (a, b, oldMarks, newMarks) => {
    const d = charDiff(a, b);
    expect(d.old.map((s) => s.text).join('')).toBe(a);
    expect(d.new.map((s) => s.text).join('')).toBe(b);
    expect(d.old.filter((s) => s.changed).map((s) => s.text)).toEqual(oldMarks);
    expect(d.new.filter((s) => s.changed).map((s) => s.text)).toEqual(newMarks);
  });

  it('property: the segments give back both texts, and the unchanged parts of both sides are the same text', () => {
    const text = fc.string({ unit: fc.constantFrom('政', '务', '公', '开', '的', '，', '1', '2', '分', '（', '）'), maxLength: 30 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = charDiff(a, b);
        expect(d.old.map((s) => s.text).join('')).toBe(a);
        expect(d.new.map((s) => s.text).join('')).toBe(b);
        const same = (segs: typeof d.old): string => segs.filter((s) => !s.changed).map((s) => s.text).join('');
        expect(same(d.old)).toBe(same(d.new));
        if (a === b) expect(d.old.every((s) => !s.changed)).toBe(true);
      }),
    );
  });
});

describe('escaping', () => {
  it('rubric text cannot inject markup into the HTML table or break the Markdown table', () => {
    const EVIL = rubric('2025', '  minTrain: { label: 最低培训次数, value: 1, unit: 次 }\n', `  - id: "1"\n    title: 制度建设\n    points: 100\n    children:\n      - { id: "1.1", title: "建立<script>alert(1)</script>制度 | 规范", points: 100, scoring: { method: binary, when: { fact: a, operator: equal, value: true } } }\n`);
    const t = buildRevisionTable(diffRubrics(OLD, EVIL), OLD, EVIL);
    const html = formatRevisionHtmlSection(t);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    const md = formatRevisionMarkdown(t);
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('\\| 规范');
  });
});

describe('chinesePunctuation', () => {
  it.each([
    ['公开,(2分)', '公开，（2分）'],
    ['达标得分:权重 ≥ 下限(4%)', '达标得分：权重 ≥ 下限（4%）'],
    ['公开， （2分） 并及时上报', '公开，（2分）并及时上报'],
    ['see https://x.cn/a', 'see https://x.cn/a'],
    ['网址 https://x.cn/a', '网址 https://x.cn/a'],
  ])('%s → %s', (a, b) => expect(chinesePunctuation(a)).toBe(b));
});

describe('2017 → 2018 (the bundled pair)', () => {
  it('the 三栏对照表 in Markdown matches the golden', async () => {
    const a = await loadRubric('rubrics/etuokeqianqi-2017.yaml');
    const b = await loadRubric('rubrics/etuokeqianqi-2018.yaml');
    if (!a.ok || !b.ok) throw new Error('rubrics invalid');
    const t = buildRevisionTable(diffRubrics(a.value, b.value), a.value, b.value);
    // removed 4.1.8 sits after 4.1.7.2 (where it stood), the moved 4.1.6 under 5.4 as 5.4.2
    const ids = t.rows.map((r) => r.id);
    expect(ids.indexOf('4.1.8')).toBe(ids.indexOf('4.1.7.2') + 1);
    expect(t.rows.find((r) => r.id === '5.4.2')!.notes).toEqual(['编号由 4.1.6 改为 5.4.2', '由「4.1 主动公开」移至「5.4 公众参与」']);
    await expect(formatRevisionMarkdown(t)).toMatchFileSnapshot('./__golden__/revision-2017-2018.md');
  });
});
