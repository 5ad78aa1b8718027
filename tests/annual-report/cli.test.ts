// `zwgk report check|show|facts` in-process: exit codes, outputs, batch over a folder, facts into evidence.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEvidence, loadRubric, scoreEvidence } from '../../src/index.js';
import { cli, expectNoStack, tempDirs } from '../helpers/cli.js';

const temp = tempDirs();
afterAll(temp.removeAll);

const FIX = 'tests/annual-report/fixtures/';
const SEED_002 = `${FIX}seed-002_e5b39d85801b4d29.txt`;
const RUBRIC = 'rubrics/annual-report-2024.yaml';

describe('zwgk report check', () => {
  it('seed 002: every table printed, every check that runs passes, exit 0', async () => {
    const r = await cli(['report', 'check', SEED_002]);
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const t of ['表二', '表三', '表四']) expect(r.stdout).toMatch(new RegExp(`^${t}$`, 'm'));
    const checkLines = r.stdout.split('\n').filter((l) => /^ {2}[HS]\d+\s+\S+\((PASS|FAIL|WARN|NOT_ASSESSABLE)\)/.test(l));
    expect(checkLines.map((l) => l.trim().split(/\s+/)[0])).toEqual(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'S4', 'S5', 'S6', 'S7', 'S10', 'S12']);
    expect(checkLines.every((l) => l.includes('通过(PASS)'))).toBe(true);
    for (const fig of ['文中 16件 =', '文中 127件 =', '文中 15件 =', '文中 2896.904万元 =']) expect(r.stdout).toContain(fig);
    expect(r.stdout).toContain('结论：通过（通过 12，提醒 0，不通过 0，无法判断 0）');
  });

  it('a genuine 勾稽 failure exits 1 and names the cells', async () => {
    const r = await cli(['report', 'check', `${FIX}pipe-2022-rowlines-h1-fail.txt`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('H1  不通过(FAIL)');
    expect(r.stdout).toContain('读取：表三/一、本年新收政府信息公开申请数量/自然人 = 10；表三/二、上年结转政府信息公开申请数量/自然人 = 2');
  });

  it('--format json is the versioned contract; --format html escapes and is self-contained', async () => {
    const j = await cli(['report', 'check', `${FIX}pipe-2024-current.txt`, '--previous', `${FIX}pipe-2023-previous.txt`, '--level', '县级部门', '--format', 'json']);
    expect(j.code).toBe(0);
    const data = JSON.parse(j.stdout);
    expect(data).toMatchObject({ schemaVersion: 1, level: '县级部门', previous: { year: 2023 }, report: { year: 2024, format: '2021' }, summary: { outcome: 'WARN', FAIL: 0, WARN: 1 } });
    expect(data.results.map((x: { id: string }) => x.id)).toEqual(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'S1', 'S2', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'S10', 'S12']);
    const h = await cli(['report', 'check', `${FIX}html-2021-spans.html`, '--format', 'html']);
    expect(h.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(h.stdout).not.toMatch(/<script/i);
    expect(h.stdout).toContain('示例县自然资源局');
  });

  it('an unknown level or format is a usage error with a suggestion', async () => {
    const r = await cli(['report', 'check', SEED_002, '--level', '县级部']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^用法错误：未知的单位层级 "县级部"，可选：县级部门、/);
    expect((await cli(['report', 'check', SEED_002, '--format', 'xml'])).code).toBe(2);
  });

  it('a missing file is reported in Chinese, exit 1', async () => {
    const r = await cli(['report', 'check', `${FIX}nope.html`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('错误 FILE_NOT_FOUND:找不到文件');
    expectNoStack(r);
  });

  it('batch over a folder: one row per file, a bad file never stops the batch', async () => {
    const dir = temp.make('zwgk-reports-');
    for (const f of ['seed-002_e5b39d85801b4d29.txt', 'pipe-2022-rowlines-h1-fail.txt', 'html-2022-blank-cells.html']) copyFileSync(FIX + f, join(dir, f));
    writeFileSync(join(dir, 'empty.html'), '<html><body></body></html>');
    writeFileSync(join(dir, 'scan.pdf'), '%PDF-1.4 scanned report');
    writeFileSync(join(dir, 'notes.xlsx'), 'ignored: not a report file');
    const r = await cli(['report', 'check', dir, '--level', '县级部门']);
    expectNoStack(r);
    expect(r.code).toBe(1);
    const rows = r.stdout.split('\n');
    expect(rows[0]).toMatch(/^文件\s+单位\s+年度\s+格式\s+H1\s+H2/);
    expect(rows.filter((l) => l.startsWith(dir)).map((l) => l.slice(dir.length + 1).split(/\s+/)[0])).toEqual([
      'empty.html',
      'html-2022-blank-cells.html',
      'pipe-2022-rowlines-h1-fail.txt',
      'scan.pdf',
      'seed-002_e5b39d85801b4d29.txt',
    ]);
    expect(r.stdout).toMatch(/empty\.html.*无法读取:.*REPORT_NOT_RECOGNIZED/);
    expect(r.stdout).toMatch(/scan\.pdf.*无法读取:.*这是 PDF 文件/);
    expect(r.stdout).toMatch(/pipe-2022-rowlines-h1-fail\.txt\s+示例县教育局\s+2022\s+2021\s+✗/);
    expect(r.stdout).toContain('共 5 份年报:不通过 1 份,无法读取 2 份');
    const j = await cli(['report', 'check', dir, '--format', 'json']);
    expect(JSON.parse(j.stdout).reports).toHaveLength(5);
  });
});

describe('zwgk report show', () => {
  it('md: tables for 2021 reports; candidate facts with their sentences for free-form ones', async () => {
    const a = await cli(['report', 'show', SEED_002, '--format', 'md']);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('| 行政事业性收费(万元) | 2896.904 |');
    const b = await cli(['report', 'show', `${FIX}seed-004_c487b475468ca4a1.txt`]);
    expect(b.stdout).toContain('## 待确认的数字（候选事实）');
    expect(b.stdout).toMatch(/\| 7 \| 一、主动公开情况\/主动公开政府信息数 \| 783篇 \| .*全年共主动公开政府信息783篇/);
  });

  it('json: the model itself', async () => {
    const r = await cli(['report', 'show', `${FIX}seed-001_388bdfa86b858c1f.txt`, '--format', 'json']);
    const m = JSON.parse(r.stdout);
    expect(m).toMatchObject({ format: 'free', traditional: true, agency: '洪江区', year: 2016 });
    expect(m.candidates.length).toBeGreaterThan(10);
  });
});

describe('zwgk report facts', () => {
  it('writes a new evidence file the bundled rubric scores (hand-computed 18 of 25)', async () => {
    const dir = temp.make('zwgk-facts-');
    const out = join(dir, 'zjj.yaml');
    const r = await cli(['report', 'facts', `${FIX}pipe-2024-current.txt`, '--rubric', RUBRIC, '--previous', `${FIX}pipe-2023-previous.txt`, '--level', '县级部门', '--code', 'zjj', '--out', out]);
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('从年报写入 5 个事实:correctedCases = 0,reportDataAccurate = true,reportFormatOk = true,reportOnTime = true,reportSimilar = true');
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('reportSimilar: true # 年报核验 S8 WARN');
    const compiled = await loadRubric(RUBRIC);
    if (!compiled.ok) throw new Error('rubric');
    const ev = await loadEvidence(out, compiled.value);
    if (!ev.ok) throw new Error(ev.diagnostics.map((d) => d.message).join());
    const report = await scoreEvidence(compiled.value, ev.value);
    // 按时 4 + 格式 3 + 数据准确 5 + 雷同 −5 → 0 + 被纠错 0 件 6 + 年报专栏(未填)0 = 18.
    expect(report.totals.final).toBe(18);
  });

  it('merges into the agency\'s evidence, keeping its comments and reporting a typed value that differs', async () => {
    const dir = temp.make('zwgk-facts-');
    const ev = join(dir, 'ev.yaml');
    writeFileSync(ev, '# 单位自填\nrubric: { id: annual-report-2024, version: "2024.1" }\nagency: { name: 示例县自然资源局, code: zrzyj }\nperiod: { year: 2024 }\nfacts:\n  correctedCases: 1 # 单位手填\n  reportInPortalColumn: true\n');
    const r = await cli(['report', 'facts', `${FIX}html-2021-spans.html`, '--rubric', RUBRIC, '--evidence', ev, '--out', ev]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('警告 REPORT_FACT_CONFLICT:事实 "correctedCases" 证据中已填 1,年报为 2;已按年报写入,请核实');
    const text = readFileSync(ev, 'utf8');
    expect(text.startsWith('# 单位自填\n')).toBe(true);
    expect(text).toContain('reportInPortalColumn: true');
    expect(text).toMatch(/correctedCases: 2 # 年报 表四\/行政复议\/结果纠正 = 1 \+ 表四\/行政诉讼\(未经复议直接起诉\)\/结果纠正 = 1/);
  });

  it('refuses to merge into evidence that is itself broken, and leaves it untouched', async () => {
    const dir = temp.make('zwgk-facts-');
    const ev = join(dir, 'ev.yaml');
    const broken = 'rubric: { id: annual-report-2024, version: "2024.1" }\nfacts:\n  correctedCases: [1\n';
    writeFileSync(ev, broken);
    const r = await cli(['report', 'facts', SEED_002, '--rubric', RUBRIC, '--evidence', ev, '--out', ev]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('错误 YAML_SYNTAX');
    expect(readFileSync(ev, 'utf8')).toBe(broken);
  });

  it('the bundled example evidence is what report facts produced from seed 002, and scores 25', async () => {
    const compiled = await loadRubric(RUBRIC);
    if (!compiled.ok) throw new Error('rubric');
    const ev = await loadEvidence('examples/annual-report-2024/qiyang-zhujianju.yaml', compiled.value);
    if (!ev.ok) throw new Error(ev.diagnostics.map((d) => d.message).join());
    expect((await scoreEvidence(compiled.value, ev.value)).totals.final).toBe(25);
    const dir = temp.make('zwgk-facts-');
    const copy = join(dir, 'q.yaml');
    copyFileSync('examples/annual-report-2024/qiyang-zhujianju.yaml', copy);
    await cli(['report', 'facts', SEED_002, '--rubric', RUBRIC, '--evidence', copy, '--out', copy]);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync('examples/annual-report-2024/qiyang-zhujianju.yaml', 'utf8'));
  });
});

describe('usage errors of report commands', () => {
  it.each([
    [['report', 'check', FIX, '--previous', SEED_002], /^用法错误：批量核验/],
    [['report', 'check', FIX, '--format', 'html'], /^用法错误：批量核验的输出格式为 text 或 json/],
    [['report', 'check', SEED_002, '--year', '二〇二四'], /^用法错误：--year 须为 2000–2100 的年份/],
    [['report', 'check', SEED_002, '--published', '2025/01/20'], /^用法错误：--published 须写成 YYYY-MM-DD/],
    [['report', 'facts', SEED_002, '--out', 'x.yaml'], /^用法错误：缺少 --rubric/],
    [['report', 'facts', SEED_002, '--rubric', RUBRIC], /^用法错误：缺少 --out/],
    [['report', 'show', SEED_002, '--format', 'xlsx'], /^用法错误：未知的输出格式 "xlsx"，可选：json、md/],
  ])('%j', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
