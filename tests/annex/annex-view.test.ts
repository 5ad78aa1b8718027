// The statistics-table companion sheet's view model (附件2): rows in row order with headings between the facts,
// units, blanks, value text (是/否, exact numbers, lists), the office's corrections, and the seed's whole 附件2.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEvidence, parseReview, type CompiledRubric } from '../../src/index.js';
import { annexTables, buildAnnexView, fullWidthPunctuation } from '../../src/render/annex-view.js';
import { compileRubricText, yaml } from '../helpers/diagnostics.js';
import { SEED_EVIDENCE, SEED_RUBRIC } from '../helpers/cli.js';
import { parseRubric } from '../../src/index.js';

/** A small rubric whose facts are declared out of row order on purpose. */
export const SMALL_RUBRIC = yaml`
  id: stat-demo
  version: "1"
  title: 统计表示例细则
  year: 2024
  statTables:
    附件2:
      title: 政务公开工作统计表
      headings:
        - { row: 4, text: "二、其他情况", unit: "—" }
        - { row: 1, text: "一、主动公开情况", unit: "—" }
  facts:
    fees:
      label: 收取的费用
      type: number
      unit: 万元
      statRow: { table: 附件2, row: 6 }
    total:
      label: 主动公开政府信息总数
      type: integer
      unit: 条
      source: 附件2 第2行
      statRow: { table: 附件2, row: 2, text: "(一)主动公开政府信息总数(不同渠道发相同信息计1条)" }
    hall:
      label: 是否设立实体办事大厅
      type: boolean
      unit: 是/否
      statRow: { table: 附件2, row: 5 }
    items:
      label: 网上办理事项
      type: list
      items: text
      statRow: { table: 附件2, row: 7 }
    docs:
      label: 其中,规范性文件数
      type: integer
      unit: 条
      statRow: { table: 附件2, row: 3 }
    notInTable:
      label: 自评材料中的事实
      type: boolean
  nodes:
    - id: "1"
      title: 公开
      points: 100
      scoring: { method: binary, when: { fact: total, operator: greaterThan, value: 0 } }
`;

const EVIDENCE = yaml`
  rubric: { id: stat-demo, version: "1" }
  agency: { name: 某县住房和城乡建设局, shortName: 住建局, code: zjj }
  period: { year: 2024 }
  date: 2025-01-12
  preparedBy: 张三
  facts:
    total: 30
    docs: null
    hall: true
    fees: 0.3
    items: [不动产登记, 房屋租赁备案]
`;

const compiled = (): CompiledRubric => compileRubricText(SMALL_RUBRIC);

function filled(review?: string) {
  const c = compiled();
  const ev = parseEvidence('evidence.yaml', EVIDENCE, c);
  if (!ev.ok) throw new Error(JSON.stringify(ev.diagnostics));
  const input: Parameters<typeof buildAnnexView>[2] = { evidence: ev.value };
  if (review) {
    const r = parseReview('review.yaml', review, c, ev.value);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    input.review = r.value;
  }
  return buildAnnexView(c, '附件2', input);
}

describe('annex view model: row order, headings, units, values', () => {
  it('lists headings and facts by row number, whatever order the rubric declares them in', () => {
    const vm = buildAnnexView(compiled(), '附件2');
    expect(vm.rows.map((r) => [r.seq, r.kind, r.indicator, r.unit])).toEqual([
      ['1', 'heading', '一、主动公开情况', '—'],
      ['2', 'fact', '（一）主动公开政府信息总数（不同渠道发相同信息计1条）', '条'],
      ['3', 'fact', '其中，规范性文件数', '条'],
      ['4', 'heading', '二、其他情况', '—'],
      ['5', 'fact', '是否设立实体办事大厅', '是/否'],
      ['6', 'fact', '收取的费用', '万元'],
      ['7', 'fact', '网上办理事项', ''],
    ]);
  });

  it('the blank form: every value empty, nothing counted as missing, a title without agency', () => {
    const vm = buildAnnexView(compiled(), '附件2');
    expect(vm.blank).toBe(true);
    expect(vm.rows.every((r) => r.valueText === '' && r.valueNumber === null && !r.missing)).toBe(true);
    expect(vm.missingCount).toBe(0);
    expect(vm.title).toBe('2024年度政务公开工作统计表');
    expect(vm.attachmentLabel).toBe('附件2');
    expect(vm.agency.name).toBe('');
    expect(vm.stamp.evidenceHash).toBe('');
  });

  it.each([
    // row, valueText, valueNumber, missing
    ['2', '30', 30, false],
    ['3', '', null, true], // null in the evidence: a blank cell
    ['5', '是', null, false],
    ['6', '0.3', 0.3, false], // exactly as given, no float noise
    ['7', '不动产登记、房屋租赁备案', null, false],
  ] as const)('row %s of the filled table shows %j', (seq, text, num, missing) => {
    const row = filled().rows.find((r) => r.seq === seq)!;
    expect(row.valueText).toBe(text);
    expect(row.valueNumber).toBe(num);
    expect(row.missing).toBe(missing);
    expect(row.corrected).toBe(false);
  });

  it('the filled table names the agency and year in the title, with Chinese dates', () => {
    const vm = filled();
    expect(vm.title).toBe('2024年度住建局政务公开工作统计表');
    expect(vm.dateText).toBe('2025年1月12日');
    expect(vm.signature).toEqual({ preparedBy: '张三', reviewedBy: '', date: '2025年1月12日' });
    expect(vm.missingCount).toBe(1);
    expect(vm.rows.filter((r) => r.isHeading).every((r) => r.valueText === '')).toBe(true);
  });

  it('a value the office corrected shows the corrected figure, the original, and the reason below', () => {
    const vm = filled(yaml`
      rubric: { id: stat-demo, version: "1" }
      agency: { code: zjj }
      corrections:
        total: { value: 28, reason: 两条重复计数, by: 县政务公开办, date: 2025-01-20 }
        docs: { value: 3, reason: 补填, by: 县政务公开办, date: 2025-01-20 }
    `);
    const total = vm.rows.find((r) => r.seq === '2')!;
    expect(total).toMatchObject({ valueText: '28', valueNumber: 28, corrected: true, originalText: '30' });
    expect(vm.rows.find((r) => r.seq === '3')).toMatchObject({ valueText: '3', corrected: true, originalText: '未填', missing: false });
    expect(vm.corrections).toEqual([
      { seq: '2', indicator: total.indicator, originalText: '30', correctedText: '28', unit: '条', reason: '两条重复计数', by: '县政务公开办', dateText: '2025年1月20日' },
      { seq: '3', indicator: '其中，规范性文件数', originalText: '未填', correctedText: '3', unit: '条', reason: '补填', by: '县政务公开办', dateText: '2025年1月20日' },
    ]);
    expect(vm.hasCorrections).toBe(true);
    expect(vm.missingCount).toBe(0);
  });

  it.each([
    ['主动公开(不同渠道计1条)', '主动公开（不同渠道计1条）'],
    ['其中,规范性文件数', '其中，规范性文件数'],
    ['Total (all)', 'Total (all)'],
  ])('full-width punctuation in Chinese text: %s', (input, want) => {
    expect(fullWidthPunctuation(input)).toBe(want);
  });
});

describe('annex view model: the seed rubric 附件2 (seed 003)', () => {
  const r = parseRubric(SEED_RUBRIC, readFileSync(SEED_RUBRIC, 'utf8'));
  if (!r.ok) throw new Error('seed rubric invalid');
  const seed = r.value;
  const ev = parseEvidence(SEED_EVIDENCE, readFileSync(SEED_EVIDENCE, 'utf8'), seed);
  if (!ev.ok) throw new Error('seed evidence invalid');

  it('has rows 1–70 in order, the 8 title rows as headings, as in the seed table', () => {
    expect(annexTables(seed)).toEqual(['附件2']);
    const vm = buildAnnexView(seed, '附件2', { evidence: ev.value });
    expect(vm.rows.map((x) => x.row)).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    expect(vm.rows.filter((x) => x.isHeading).map((x) => x.row)).toEqual([1, 5, 10, 12, 20, 54, 61, 65]);
    expect(vm.title).toBe('2017年度住建局政务公开工作统计表');
  });

  it.each([
    // The seed's 附件2 (统计数 column) as the agency filled it.
    [2, '（一）主动公开政府信息总数（不同渠道发相同信息计1条）', '条', '30'],
    [6, '1.在本部门门户网站公开政府信息数', '条', '45'],
    [35, '涉及商业秘密', '件', '1'],
    [53, '七、依申请公开信息收取的费用', '万元', '0'],
    [56, '（二）设置政府信息公开查阅点数', '个', ''],
    [64, '（三）接受培训人数', '人次', '50'],
    [66, '（一）是否设立实体办事大厅', '是/否', '是'],
    [69, '（四）部门网站是否具备网上办事功能', '是/否', '否'],
  ] as const)('row %i: %s (%s) = %j', (row, indicator, unit, value) => {
    const vm = buildAnnexView(seed, '附件2', { evidence: ev.value });
    const x = vm.rows.find((y) => y.row === row)!;
    expect([x.indicator, x.unit, x.valueText]).toEqual([indicator, unit, value]);
  });
});

describe('annex view model: checks within the table (勾稽关系)', () => {
  const r = parseRubric(SEED_RUBRIC, readFileSync(SEED_RUBRIC, 'utf8'));
  if (!r.ok) throw new Error('seed rubric invalid');
  const seed = r.value;
  const ev = parseEvidence(SEED_EVIDENCE, readFileSync(SEED_EVIDENCE, 'utf8'), seed);
  if (!ev.ok) throw new Error('seed evidence invalid');
  const REVIEW = 'examples/etuokeqianqi-2017/reviews/etqq-zjj.yaml';

  it('lists only the checks that read nothing but this table, and marks the rows of a failed one', () => {
    const vm = buildAnnexView(seed, '附件2', { evidence: ev.value });
    // 20 checks in the rubric; the narrative contradiction (总结正文) and one other read facts outside 附件2.
    expect(seed.rubric.checks).toHaveLength(20);
    expect(vm.checkSummary).toBe('共 18 项：通过 17 项，未通过 1 项（错误级 1 项，其中待处理 1 项），无法核验 0 项');
    expect(vm.failedChecks.map((c) => [c.id, c.resolutionText])).toEqual([['proactive-website', '待政务公开办处理']]);
    expect(vm.rows.filter((x) => x.checkFailed).map((x) => x.row)).toEqual([2, 6]);
  });

  it('shows the office\'s resolution from the review, and checks the corrected figures', () => {
    const rv = parseReview(REVIEW, readFileSync(REVIEW, 'utf8'), seed, ev.value);
    if (!rv.ok) throw new Error('review invalid');
    const vm = buildAnnexView(seed, '附件2', { evidence: ev.value, review: rv.value });
    expect(vm.failedChecks).toHaveLength(1);
    expect(vm.failedChecks[0]!.resolutionText).toMatch(/^认可原数据：经电话核实/);
    // Correcting row 6 to 30 makes the check pass.
    const fixed = parseReview('r.yaml', 'rubric: { id: etuokeqianqi-2017, version: "2017.1" }\nagency: { code: etqq-zjj }\ncorrections:\n  websitePosts: { value: 30, reason: 核实, by: 办, date: 2018-01-25 }\n', seed, ev.value);
    if (!fixed.ok) throw new Error('review invalid');
    const after = buildAnnexView(seed, '附件2', { evidence: ev.value, review: fixed.value });
    expect(after.failedChecks).toEqual([]);
    expect(after.checkSummary).toBe('共 18 项：通过 18 项，未通过 0 项，无法核验 0 项');
    expect(after.rows.some((x) => x.checkFailed)).toBe(false);
  });

  it('the blank form has no checks', () => {
    const vm = buildAnnexView(seed, '附件2');
    expect([vm.checkSummary, vm.failedChecks]).toEqual(['', []]);
  });
});

describe('annex view model: any declaration order (property)', () => {
  it('rows come out once each, ascending, headings as headings, whatever order facts and headings are declared in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 25 }), fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), (rowNums, isHeading) => {
        const headings = rowNums.filter((_, i) => isHeading[i]);
        const facts = rowNums.filter((_, i) => !isHeading[i]);
        if (facts.length === 0) return;
        const text = [
          'id: prop',
          'version: "1"',
          'title: 性质测试',
          'statTables:',
          '  附件2:',
          '    title: 统计表',
          `    headings: [${headings.map((r) => `{ row: ${r}, text: 标题${r} }`).join(', ')}]`,
          'facts:',
          ...facts.map((r) => `  f${r}: { label: 数${r}, type: integer, unit: 件, statRow: { table: 附件2, row: ${r} } }`),
          'nodes:',
          `  - { id: "1", title: 甲, points: 100, scoring: { method: binary, when: { fact: f${facts[0]}, operator: greaterThan, value: 0 } } }`,
        ].join('\n');
        const vm = buildAnnexView(compileRubricText(text), '附件2');
        expect(vm.rows.map((x) => x.row)).toEqual([...rowNums].sort((a, b) => a - b));
        for (const x of vm.rows) {
          expect(x.isHeading).toBe(headings.includes(x.row));
          expect(x.indicator).toBe(`${x.isHeading ? '标题' : '数'}${x.row}`);
          expect(x.unit).toBe(x.isHeading ? '' : '件');
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('annex view model is documented', () => {
  it('the README names every field of AnnexViewModel and of its rows (for custom annex.hbs templates)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const at = readme.indexOf('统计表（`annex.hbs`');
    expect(at).toBeGreaterThan(0);
    const doc = readme.slice(at, readme.indexOf('\n\n', at));
    const vm = buildAnnexView(compileRubricText(SMALL_RUBRIC), '附件2');
    const missing = [...Object.keys(vm), ...Object.keys(vm.rows[0]!), ...Object.keys(vm.columns[0]!)].filter((k) => !doc.includes(`\`${k}`));
    expect(missing).toEqual([]);
  });
});
