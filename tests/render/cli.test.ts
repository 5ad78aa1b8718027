// The render-related CLI in-process: render --blank, render of a saved report, the missing-Chromium message, demo.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { formatReport } from '../../src/index.js';
import { tempDirs } from '../helpers/temp-dirs.js';
import { SEED_EVIDENCE, SEED_RUBRIC, seedReport } from './fixtures.js';

const temp = tempDirs();
afterAll(temp.removeAll);

async function cli(argv: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

const ROOT = process.cwd();
const savedPath = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (savedPath === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = savedPath;
});

describe('zwgk render --blank', () => {
  it('writes the blank form from the rubric alone (csv to stdout, xlsx to a file)', async () => {
    const csv = await cli(['render', '--blank', '--rubric', SEED_RUBRIC, '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\uFEFF序号,考核项目,目标要求,具体标准,分值,自评分,核定分')).toBe(true);
    expect(csv.stdout).toContain('\r\n1,组织领导（15分）,主要负责人亲自抓（5分）,');
    const dir = temp.make('zwgk-cli-');
    const x = await cli(['render', '--blank', '--rubric', resolve(SEED_RUBRIC), '--format', 'xlsx', '--out', 'blank.xlsx'], dir);
    expect(x).toMatchObject({ code: 0, stderr: '已写入 blank.xlsx\n' });
    expect(readFileSync(join(dir, 'blank.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
    const html = await cli(['render', '--blank', '--rubric', SEED_RUBRIC]);
    expect(html.stdout).toContain('<span class="agency">单位：<span class="blank-line"></span></span>');
  });

  it('refuses wrong combinations with a Chinese usage error (exit 2)', async () => {
    expect(await cli(['render', '--blank', '--rubric', SEED_RUBRIC, '--format', 'xlsx'])).toMatchObject({ code: 2, stderr: expect.stringContaining('请用 --out') });
    expect(await cli(['render', '--blank', '--rubric', SEED_RUBRIC, '--format', 'json'])).toMatchObject({ code: 2, stderr: expect.stringContaining('空白表的输出格式只能是') });
    expect(await cli(['render', '--blank'])).toMatchObject({ code: 2, stderr: expect.stringContaining('缺少 --rubric') });
    expect(await cli(['render'])).toMatchObject({ code: 2 });
  });
});

describe('zwgk render <report.json>', () => {
  it('renders a saved JSON report in any format', async () => {
    const { report } = await seedReport();
    const dir = temp.make('zwgk-cli-');
    writeFileSync(join(dir, 'report.json'), (await formatReport(report, 'json')) as string);
    const md = await cli(['render', 'report.json', '--format', 'md'], dir);
    expect(md.code).toBe(0);
    expect(md.stdout).toBe(await formatReport(report, 'md'));
    writeFileSync(join(dir, 'bad.json'), '{"schemaVersion":"1.0.0"}');
    expect(await cli(['render', 'bad.json'], dir)).toMatchObject({ code: 1, stderr: expect.stringContaining('不是 zwgk 得分报告') });
    // A truncated report names the file and the missing field (issue 9: it crashed with an English TypeError).
    const truncated = JSON.parse((await formatReport(report, 'json')) as string) as Record<string, unknown>;
    delete truncated.agency;
    writeFileSync(join(dir, 'truncated.json'), JSON.stringify(truncated));
    const t = await cli(['render', 'truncated.json', '--format', 'text'], dir);
    expect(t).toMatchObject({ code: 1, stderr: expect.stringContaining('truncated.json 错误 SCHEMA_INVALID agency:缺少字段 "agency"') });
    expect(t.stderr).not.toMatch(/Cannot read|TypeError|内部错误/);
  });
});

describe('missing Chromium', () => {
  it('score --format pdf explains in Chinese how to install it: exit 2, no stack trace', async () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    const dir = temp.make('zwgk-cli-');
    const r = await cli(['score', resolve(SEED_EVIDENCE), '--rubric', resolve(SEED_RUBRIC), '--format', 'pdf', '--out', 'x.pdf'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('环境错误:未找到 Chromium 浏览器（/nonexistent/chromium）');
    expect(r.stderr).toContain('apt-get install chromium fonts-noto-cjk');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});

describe('zwgk demo (npm start)', () => {
  it('writes the seed sheet as HTML and xlsx (and the leader summary) and prints the summary with the paths', async () => {
    const dir = temp.make('zwgk-demo-');
    const r = await cli(['demo'], dir);
    expect(r.code).toBe(0);
    const files = readdirSync(join(dir, 'out')).sort();
    expect(files).toEqual(['住建局-2017-自查评分表.html', '住建局-2017-自查评分表.xlsx', '住建局-2017-领导版摘要.html']);
    expect(r.stdout).toContain('总分 56  等次：不合格（暂定）');
    expect(r.stdout).toContain('优先整改事项（按可挽回分值排序，共 23 项）');
    for (const f of files) expect(r.stdout).toContain(join('out', f));
    expect(readFileSync(join(dir, 'out', files[0]!), 'utf8')).toContain('<h1>2017年鄂托克前旗政务公开工作考核评价细则自查评分表（暂定）</h1>');
    expect(process.cwd()).toBe(ROOT);
  });
});
