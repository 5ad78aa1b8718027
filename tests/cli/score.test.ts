// `zwgk score` in-process: text by default, --format json, --out (atomic, nothing left behind), --strict,
// unknown formats, evidence for another rubric — exit codes 0/1/2 and never a stack trace.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cli, expectNoStack, SEED_EVIDENCE, SEED_RUBRIC, tempDirs, type CliResult } from '../helpers/cli.js';

const temp = tempDirs();
afterAll(temp.removeAll);

let last: CliResult | undefined;
const zwgk = async (argv: string[], cwd?: string): Promise<CliResult> => (last = await cli(argv, cwd));
afterEach(() => {
  if (last) expectNoStack(last);
  last = undefined;
});

const SCORE = ['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC];
const MISSING_WARNING = '警告：1 项缺少佐证事实，按 0 分计（加 --strict 则视为错误）：\n  1.3.1 纳入绩效评估，权重不低于4%：缺少 performanceWeight\n';

describe('zwgk score', () => {
  it('prints the Chinese text report by default (exit 0), the missing-evidence warning on stderr', async () => {
    const r = await zwgk(SCORE);
    expect(r.code).toBe(0);
    // Without the office's review the result is provisional: said first, then the missing evidence. The report on
    // the screen lists what is pending at its end, so stderr only points there (no item printed twice).
    expect(r.stderr).toMatch(/^提示：评分结果为暂定（provisional），4 项待政务公开办评定，见输出末尾「待政务公开办评定」/);
    expect(r.stderr).not.toContain('proactive-website');
    expect(r.stderr).toContain(MISSING_WARNING);
    // Each failed check once in full (under 数据核验), once by id in the pending list.
    expect(r.stdout.split('应不少于在本部门门户网站公开的条数').length - 1).toBe(1);
    expect(r.stdout).toContain('  proactive-website（见上文「数据核验」）：数据核验未通过（错误级），待政务公开办处理\n');
    expect(r.stdout).toContain('鄂托克前旗住房和城乡规划建设局');
    expect(r.stdout).toContain('2017年鄂托克前旗政务公开工作考核评价细则');
    expect(r.stdout).not.toMatch(/^\s*[{[]/);
  });

  it('--format json prints the report contract; stderr lists what is pending (the JSON is not for reading)', async () => {
    const r = await zwgk([...SCORE, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^提示：评分结果为暂定（provisional），以下 4 项待政务公开办评定/);
    expect(r.stderr).toContain('  7 任务：酌情评分项，待政务公开办评定\n');
    expect(r.stderr).toContain('  proactive-website 主动公开政府信息总数（不同渠道发相同信息计1条）应不少于在本部门门户网站公开的条数：数据核验未通过（错误级），待政务公开办处理\n');
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ schemaVersion: expect.any(String), rubric: { id: 'etuokeqianqi-2017' }, agency: { shortName: '住建局' } });
    expect(report.totals.claimed).toBe(74);
    expect(report.missingEvidence).toEqual([{ id: '1.3.1', title: '纳入绩效评估,权重不低于4%', facts: ['performanceWeight'] }]);
  });

  it('--out writes the file atomically: the same bytes as stdout, nothing else left in the directory', async () => {
    const dir = temp.make('zwgk-out-');
    const out = join(dir, 'reports', 'zhujianju.json');
    const printed = await zwgk([...SCORE, '--format', 'json']);
    const r = await zwgk([...SCORE, '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(MISSING_WARNING);
    expect(r.stderr.endsWith(`已写入 ${out}\n`)).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe(printed.stdout);
    expect(readdirSync(join(dir, 'reports'))).toEqual(['zhujianju.json']);
    // Written again over the old file: replaced, still no temporary file beside it.
    writeFileSync(out, 'old');
    expect((await zwgk([...SCORE, '--format', 'json', '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(printed.stdout);
    expect(readdirSync(join(dir, 'reports'))).toEqual(['zhujianju.json']);
  });

  it('--out relative to the working directory', async () => {
    const dir = temp.make('zwgk-out-');
    const r = await zwgk(['score', join(process.cwd(), SEED_EVIDENCE), '-r', join(process.cwd(), SEED_RUBRIC), '-o', 'report.txt'], dir);
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['report.txt']);
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toContain('鄂托克前旗住房和城乡规划建设局');
  });

  it('--out that cannot be written (a directory): exit 2, no stack, no temporary file left', async () => {
    const dir = temp.make('zwgk-out-');
    mkdirSync(join(dir, 'taken'));
    const r = await zwgk([...SCORE, '--format', 'json', '--out', join(dir, 'taken')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(join(dir, 'taken'))).toEqual([]);
  });

  it('--strict with missing facts: exit 1, the items listed, no report', async () => {
    const r = await zwgk([...SCORE, '--strict']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toContain('错误：--strict 模式下不允许缺少佐证，以下 1 项缺少事实：\n  1.3.1 纳入绩效评估，权重不低于4%：缺少 performanceWeight\n');
  });

  it('an unknown --format: exit 2 with a suggestion, before any file is read', async () => {
    const r = await zwgk(['score', 'no-such-evidence.yaml', '--rubric', SEED_RUBRIC, '--format', 'jsn']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^用法错误：未知的输出格式 "jsn"，可选：text、json/);
    expect(r.stderr).toContain('是否想写 "json"?');
  });

  it('--rubric missing: exit 2', async () => {
    const r = await zwgk(['score', SEED_EVIDENCE]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: '用法错误：缺少 --rubric <细则文件>\n' });
  });

  it('evidence written for another rubric: exit 1, RUBRIC_MISMATCH at the rubric id', async () => {
    const dir = temp.make('zwgk-ev-');
    const text = readFileSync(SEED_EVIDENCE, 'utf8').replace('rubric: { id: etuokeqianqi-2017, version: "2017.1" }', 'rubric: { id: etuokeqianqi-2018, version: "2018.1" }');
    writeFileSync(join(dir, 'other.yaml'), text);
    const line = text.split('\n').findIndex((l) => l.startsWith('rubric:')) + 1;
    const r = await zwgk(['score', 'other.yaml', '--rubric', join(process.cwd(), SEED_RUBRIC)], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `other.yaml:${line}:15 错误 RUBRIC_MISMATCH rubric.id:证据材料对应的细则为 etuokeqianqi-2018（版本 2018.1），但当前细则为 etuokeqianqi-2017（《2017年鄂托克前旗政务公开工作考核评价细则》，2017年度，版本 2017.1）\n` +
        `  ${line} | rubric: { id: etuokeqianqi-2018, version: "2018.1" }\n` +
        `  ${' '.repeat(String(line).length)} |               ^\n` +
        '  提示：请用 --rubric 指定该证据材料对应的细则，或按当前细则重新填报（zwgk init --rubric <细则文件> 生成填报表）；细则不符，其他内容未再检查\n' +
        '共 1 个错误，0 个警告\n',
    );
  });

  it('evidence that is not there, and a rubric that is not valid: exit 1', async () => {
    const missing = await zwgk(['score', 'examples/no-such.yaml', '--rubric', SEED_RUBRIC]);
    expect(missing).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('examples/no-such.yaml 错误 FILE_NOT_FOUND:找不到文件') });
    const dir = temp.make('zwgk-ev-');
    writeFileSync(join(dir, 'bad.yaml'), 'id: bad\n');
    const bad = await zwgk(['score', join(process.cwd(), SEED_EVIDENCE), '--rubric', 'bad.yaml'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('缺少必填字段 "version"');
  });
});
