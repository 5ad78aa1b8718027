// The readers: seed 002 (pipe text) imported completely, HTML pages with spans/split cells/full-width digits, the
// 2019 trial format, blank cells kept as null, row-per-line pipe text, and candidate facts from free-form reports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellKey, indexCells, type AnnualReport } from '../../src/annual-report/model.js';
import { loadAnnualReport, parseAnnualReport } from '../../src/annual-report/read-report.js';

const FIX = 'tests/annual-report/fixtures/';
const SEED_002 = `${FIX}seed-002_e5b39d85801b4d29.txt`;

async function load(name: string): Promise<{ report: AnnualReport; codes: string[] }> {
  const res = await loadAnnualReport(FIX + name);
  if (!res.ok) throw new Error(res.diagnostics.map((d) => d.message).join('; '));
  return { report: res.value, codes: res.diagnostics.map((d) => d.code) };
}

const value = (r: AnnualReport, table: '表二' | '表三' | '表四', row: string, column: string): string | null | undefined =>
  indexCells(r).get(cellKey(table, row, column))?.value;

const T3_NEW = '一、本年新收政府信息公开申请数量';
const T3_TOTAL = '三、本年度办理结果/（七）总计';
const T3_OPEN = '三、本年度办理结果/（一）予以公开';
const T3_UNABLE1 = '（四）无法提供/1.本机关不掌握相关政府信息';

describe('seed 002 (2024, 2021 format, `|` text)', () => {
  it('imports every cell of 表二/表三/表四 with no diagnostic', async () => {
    const { report, codes } = await load('seed-002_e5b39d85801b4d29.txt');
    expect(codes).toEqual([]);
    expect(report).toMatchObject({ reader: 'pipe-text', format: '2021', year: 2024, agency: null, publishedOn: null, traditional: false });
    // 表二 10 cells (3 + 3 + 1 + 1 + 1 + 1), 表三 25 rows × 7, 表四 15: every one read, none blank.
    expect(report.cells.length).toBe(10 + 175 + 15);
    expect(report.cells.filter((c) => c.value === null)).toEqual([]);
  });

  it('reads the figures the text quotes and the non-zero cells exactly', async () => {
    const { report } = await load('seed-002_e5b39d85801b4d29.txt');
    expect(value(report, '表二', '行政许可', '本年处理决定数量')).toBe('127');
    expect(value(report, '表二', '行政处罚', '本年处理决定数量')).toBe('15');
    expect(value(report, '表二', '行政强制', '本年处理决定数量')).toBe('0');
    expect(value(report, '表二', '行政事业性收费', '本年收费金额')).toBe('2896.904');
    expect(indexCells(report).get(cellKey('表二', '行政事业性收费', '本年收费金额'))?.unit).toBe('万元');
    expect(value(report, '表三', T3_NEW, '自然人')).toBe('16');
    expect(value(report, '表三', T3_NEW, '总计')).toBe('16');
    expect(value(report, '表三', T3_OPEN, '总计')).toBe('12');
    expect(value(report, '表三', T3_UNABLE1, '自然人')).toBe('4');
    expect(value(report, '表三', T3_TOTAL, '总计')).toBe('16');
    expect(value(report, '表四', '行政复议', '结果纠正')).toBe('0');
    const nonZero = report.cells.filter((c) => c.value !== '0').map((c) => `${c.table}/${c.row}/${c.column}=${c.value}`);
    expect(nonZero).toEqual([
      '表二/行政许可/本年处理决定数量=127',
      '表二/行政处罚/本年处理决定数量=15',
      '表二/行政事业性收费/本年收费金额=2896.904',
      `表三/${T3_NEW}/自然人=16`,
      `表三/${T3_NEW}/总计=16`,
      `表三/${T3_OPEN}/自然人=12`,
      `表三/${T3_OPEN}/总计=12`,
      `表三/${T3_UNABLE1}/自然人=4`,
      `表三/${T3_UNABLE1}/总计=4`,
      `表三/${T3_TOTAL}/自然人=16`,
      `表三/${T3_TOTAL}/总计=16`,
    ]);
  });

  it('keeps the six sections and the line each cell was read from', async () => {
    const { report } = await load('seed-002_e5b39d85801b4d29.txt');
    expect(report.sections.map((s) => s.heading)).toEqual(['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
    expect(report.sections[5]!.text).toBe('无。');
    const lines = readFileSync(SEED_002, 'utf8').split('\n');
    const fee = indexCells(report).get(cellKey('表二', '行政事业性收费', '本年收费金额'))!;
    expect(lines[fee.at!.line - 1]).toBe('2896.904 |');
  });
});

describe('HTML pages as saved from government sites', () => {
  it('2021 format with rowspan labels, cells split across <p>/<span>, full-width digits, scripts ignored', async () => {
    const { report, codes } = await load('html-2021-spans.html');
    expect(codes).toEqual([]);
    expect(report).toMatchObject({ reader: 'html', format: '2021', year: 2021, agency: '示例县自然资源局', publishedOn: '2022-01-25' });
    expect(report.cells.filter((c) => c.value === null)).toEqual([]);
    // Hand-computed: 自然人 leaves 20+2+1+6+1+1 = 31, 商业企业 3+1 = 4, 法律服务机构 1 → (七)总计 36;
    // 结转下年度 2, 上年结转 1 → 一 = 36 + 2 − 1 = 37.
    expect(value(report, '表三', T3_TOTAL, '自然人')).toBe('31');
    expect(value(report, '表三', T3_TOTAL, '总计')).toBe('36');
    expect(value(report, '表三', T3_NEW, '总计')).toBe('37');
    expect(value(report, '表三', T3_NEW, '法律服务机构')).toBe('1');
    expect(value(report, '表二', '行政事业性收费', '本年收费金额')).toBe('18651.06');
    expect(value(report, '表二', '行政规范性文件', '现行有效件数')).toBe('12');
    // The script writes a fake 表四 row (行政复议 | 99): never read.
    expect(['行政复议', '行政诉讼(未经复议直接起诉)', '行政诉讼(复议后起诉)'].map((r) => value(report, '表四', r, '总计'))).toEqual(['2', '2', '0']);
    expect(value(report, '表四', '行政诉讼(未经复议直接起诉)', '尚未审结')).toBe('1');
  });

  it('blank detail cells stay null (never 0)', async () => {
    const { report } = await load('html-2022-blank-cells.html');
    const blank = report.cells.filter((c) => c.value === null);
    // The 总计 column of the 21 result leaves is blank on the page; everything else is filled.
    expect(blank.length).toBe(21);
    expect(blank.every((c) => c.table === '表三' && c.column === '总计' && c.raw === '')).toBe(true);
    expect(value(report, '表三', T3_OPEN, '自然人')).toBe('8');
    expect(value(report, '表三', T3_OPEN, '总计')).toBeNull();
    expect(value(report, '表三', T3_TOTAL, '总计')).toBe('12');
  });

  it('2019 trial format: its own 表二 columns, negative 本年增/减, units in cells, single (六)其他处理 row', async () => {
    const { report, codes } = await load('html-2020-trial.html');
    expect(codes).toEqual([]);
    expect(report.format).toBe('2019');
    expect(report.cells.filter((c) => c.table === '表三').length).toBe(23 * 7);
    expect(value(report, '表二', '行政许可', '本年增/减')).toBe('-18');
    expect(value(report, '表二', '行政处罚', '本年增/减')).toBe('-15');
    const procurement = indexCells(report).get(cellKey('表二', '政府集中采购', '采购总金额'))!;
    expect(procurement).toMatchObject({ value: '75394432.52', unit: '元', raw: '75394432.52元' });
    expect(value(report, '表三', '三、本年度办理结果/（六）其他处理', '总计')).toBe('4');
  });
});

describe('a real page: 2019年上海市人民政府办公厅政府信息公开工作年度报告 (2019 trial format, published 2020-01-31)', () => {
  it('reads the real figures, keeps its &nbsp; cells blank and strips 「251000元」', async () => {
    const { report, codes } = await load('real-shanghai-2019.html');
    expect(codes).toEqual([]);
    expect(report).toMatchObject({ format: '2019', year: 2019, agency: '上海市人民政府办公厅', publishedOn: '2020-01-31' });
    // 表二 22 cells, 表三 23 × 7, 表四 15; hand count of the page's blank cells: 126 in 表三, 9 in 表四.
    expect(report.cells.length).toBe(22 + 161 + 15);
    expect(report.cells.filter((c) => c.value === null && c.table === '表三').length).toBe(126);
    expect(report.cells.filter((c) => c.value === null && c.table === '表四').length).toBe(9);
    expect(value(report, '表三', T3_NEW, '自然人')).toBe('821');
    expect(value(report, '表三', T3_NEW, '总计')).toBe('859');
    expect(value(report, '表三', T3_NEW, '科研机构')).toBeNull();
    expect(value(report, '表三', T3_OPEN, '总计')).toBeNull();
    expect(value(report, '表三', T3_TOTAL, '总计')).toBe('805');
    expect(value(report, '表三', '四、结转下年度继续办理', '总计')).toBe('72');
    expect(value(report, '表四', '行政复议', '总计')).toBe('7');
    expect(value(report, '表四', '行政复议', '结果纠正')).toBeNull();
    expect(indexCells(report).get(cellKey('表二', '政府集中采购', '采购总金额'))).toMatchObject({ value: '251000', unit: '元', raw: '251000元' });
    expect(value(report, '表二', '规章', '对外公开总数量')).toBe('524');
  });
});

describe('pipe text with one table row per line', () => {
  it('reads 「label | v | v |」 rows and the 「三、本年度办理结果」 label sharing the first row', async () => {
    const { report, codes } = await load('pipe-2022-rowlines-h1-fail.txt');
    expect(codes).toEqual([]);
    expect(report).toMatchObject({ format: '2021', year: 2022, agency: '示例县教育局', publishedOn: '2023-01-16' });
    expect(value(report, '表三', '二、上年结转政府信息公开申请数量', '自然人')).toBe('2');
    expect(value(report, '表三', T3_OPEN, '总计')).toBe('7');
    expect(value(report, '表四', '行政复议', '结果纠正')).toBe('1');
    expect(value(report, '表二', '行政许可', '本年处理决定数量')).toBe('18');
  });

  it('a row with a missing cell is left blank and reported, never shifted', () => {
    const text = readFileSync(`${FIX}pipe-2022-rowlines-h1-fail.txt`, 'utf8').replace('二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |', '二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 2 |');
    const res = parseAnnualReport('r.txt', text);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.diagnostics.map((d) => [d.code, d.line])).toEqual([['REPORT_CELL_COUNT', 27]]);
    expect(res.value.cells.filter((c) => c.row === '二、上年结转政府信息公开申请数量').map((c) => c.value)).toEqual([null, null, null, null, null, null, null]);
  });
});

describe('free-form reports before 2019: candidate facts with their sentences', () => {
  it('seed 004 (信阳, 2016): figures in the text, each with the sentence it came from', async () => {
    const { report } = await load('seed-004_c487b475468ca4a1.txt');
    expect(report).toMatchObject({ format: 'free', year: 2016, publishedOn: '2017-02-23', cells: [] });
    const first = report.candidates[0]!;
    expect(first).toMatchObject({ indicator: '一、主动公开情况/主动公开政府信息数', value: '783', unit: '篇', label: '全年共主动公开政府信息783篇' });
    expect(first.sentence).toContain('全年共主动公开政府信息783篇');
    const pick = (ind: string): string[] => report.candidates.filter((c) => c.indicator === ind).map((c) => `${c.value}${c.unit}`);
    expect(pick('三、依申请公开情况/收到申请数')).toEqual(['0条']);
    expect(pick('二、回应解读情况/政策解读稿件发布数')).toEqual(['4条', '4条']);
    expect(pick('九、会议和培训情况/培训班数')).toEqual(['3次']);
  });

  it('seed 000 (株洲, 2016): 主动公开 432条, 依申请 29件 (网上 19, 邮寄 10), 行政诉讼 3件', async () => {
    const { report } = await load('seed-000_10528649c128ffb3.txt');
    expect(report).toMatchObject({ format: 'free', year: 2016, agency: '株洲市住房和城乡建设局', publishedOn: '2017-03-14' });
    const shown = report.candidates.map((c) => `${c.indicator}=${c.value}${c.unit}`);
    expect(shown).toEqual(
      expect.arrayContaining([
        '一、主动公开情况/主动公开政府信息数=432条',
        '三、依申请公开情况/收到申请数=29件',
        '三、依申请公开情况/网络申请数=19件',
        '三、依申请公开情况/信函申请数=10件',
        '五、行政诉讼数量=3件',
      ]),
    );
    expect(report.candidates.find((c) => c.value === '29')!.sentence).toBe('今年收到29件依申请公开事项,其中网上申请19件,邮寄申请10件,我局均及时对申请人进行了回复,提供了相关材料给申请人。');
  });

  it('seed 003 (鄂托克前旗住建局, 2017): the 附件2 statistics table becomes candidates, the 附件1 score sheet does not', async () => {
    const { report } = await load('seed-003_8d5c68cf3dfa9998.txt');
    expect(report).toMatchObject({ format: 'free', year: 2017 });
    const table = report.candidates.filter((c) => c.at.line >= 79);
    const by = new Map(table.map((c) => [c.indicator, `${c.value}${c.unit ?? ''}`]));
    expect(by.get('三、依申请公开情况/(一)收到申请数')).toBe('2件');
    expect(by.get('三、依申请公开情况/1.当面申请数')).toBe('2件');
    expect(by.get('三、依申请公开情况/其中,涉及国家秘密')).toBe('0件');
    expect(by.get('七、依申请公开信息收取的费用')).toBe('0万元');
    expect(by.get('九、政务公开会议和培训情况/(三)接受培训人数')).toBe('50人次');
    expect(table.find((c) => c.value === '50')!.sentence).toBe('64 | (三)接受培训人数 | 人次 | 50 |');
    // 附件1 (自查评分表, lines 38–76) holds scores, not statistics.
    expect(report.candidates.filter((c) => c.at.line >= 38 && c.at.line < 77)).toEqual([]);
  });

  it('seed 001 (洪江区, 2016) is traditional: read as simplified, the old statistics table becomes candidates', async () => {
    const { report } = await load('seed-001_388bdfa86b858c1f.txt');
    expect(report).toMatchObject({ format: 'free', traditional: true, year: 2016, agency: '洪江区' });
    const byIndicator = new Map(report.candidates.map((c) => [c.indicator, `${c.value}${c.unit ?? ''}`]));
    expect(byIndicator.get('五、行政诉讼数量')).toBe('13件');
    expect(byIndicator.get('四、行政复议数量')).toBe('2件');
    expect(byIndicator.get('九、政府信息公开会议和培训情况/(三)接受培训人员数')).toBe('62人次');
    expect(byIndicator.get('八、机构建设和保障经费情况/(四)政府信息公开专项经费(不包括用于政府公报编辑管理及政府网站建设维护等方面的经费)')).toBe('8万元');
    // Sentences are kept in simplified characters.
    expect(report.candidates.every((c) => !/[區開報數]/.test(c.sentence))).toBe(true);
  });
});

describe('blank cells in `|` text', () => {
  it('an empty piece between two cells of one line is a blank cell (null); padding at the line ends is not', () => {
    const text = readFileSync(`${FIX}pipe-2022-rowlines-h1-fail.txt`, 'utf8').replace('二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |', '二、上年结转政府信息公开申请数量 | 2 |  | / | 0 | 0 | 0 | 2 |');
    const res = parseAnnualReport('r.txt', text);
    expect(res.ok && res.diagnostics).toEqual([]);
    if (!res.ok) return;
    expect(res.value.cells.filter((c) => c.row === '二、上年结转政府信息公开申请数量').map((c) => c.value)).toEqual(['2', null, null, '0', '0', '0', '2']);
  });
});

describe('format detection', () => {
  it('a 2019 表三 whose (六)其他处理 row is blank is still the 2019 format, without 表二 to tell', () => {
    const html = readFileSync(`${FIX}real-shanghai-2019.html`, 'utf8');
    const withoutT2 = html.replace(/<p>二、主动公开政府信息情况<\/p><table[\s\S]*?<\/table>/, '<p>二、主动公开政府信息情况</p>');
    expect(withoutT2).not.toContain('本年新<br />制作数量');
    const res = parseAnnualReport('p.html', withoutT2);
    expect(res.ok && res.value.format).toBe('2019');
  });
});
