// Usage errors in Chinese with exit code 2: unknown commands and options, missing option values, no arguments.
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/formatters/labels.js';
import { cli, expectNoStack, SEED_RUBRIC } from '../helpers/cli.js';

describe('usage errors (exit 2, Chinese, no stack)', () => {
  it.each([
    [['chek', SEED_RUBRIC], '用法错误：未知命令 chek。是否想写 "check"?\n运行 zwgk --help 查看用法\n'],
    [['frobnicate'], '用法错误：未知命令 frobnicate。可用命令：check、compile、score、render、demo、compare、resolve、diff、init、import、serve、report\n运行 zwgk --help 查看用法\n'],
    [['check', '--foo', SEED_RUBRIC], '用法错误：未知选项 --foo\n运行 zwgk --help 查看用法\n'],
    [['score', 'x.yaml', '--rubric'], '用法错误：选项 -r, --rubric <rubric> 缺少取值\n运行 zwgk --help 查看用法\n'],
    [['check', SEED_RUBRIC, 'extra.yaml'], '用法错误：参数过多\n运行 zwgk --help 查看用法\n'],
  ])('zwgk %j', async (argv, stderr) => {
    const r = await cli(argv);
    expect(r).toEqual({ code: 2, stdout: '', stderr });
    expectNoStack(r);
  });

  it('no arguments at all: the help on stdout, exit 2', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('政务公开考核评价自查评分引擎');
    expect(r.stdout).toContain('check <rubric>');
    expect(r.stderr).toBe('');
  });

  it('help is in Chinese, with the description column aligned after translation', async () => {
    const r = await cli(['--help']);
    expect(r.stdout).toMatch(/^用法：zwgk \[选项\] \[命令\]/);
    expect(r.stdout).toContain('\n选项：\n');
    expect(r.stdout).toContain('\n命令：\n');
    expect(r.stdout).not.toMatch(/Usage:|Options:|Commands:|\[options\]/);
    // every command line starts its description at the same terminal column (CJK characters are two columns wide)
    const cols = r.stdout
      .split('\n')
      .filter((l) => /^  [a-z]+ /.test(l))
      .map((l) => {
        const gap = 2 + l.slice(2).search(/ {2,}\S/); // after the two-space indent
        return displayWidth(l.slice(0, gap)) + l.slice(gap).search(/\S/);
      });
    expect(cols.length).toBeGreaterThan(5);
    expect(new Set(cols).size).toBe(1);
  });

  it('--out naming a folder is a usage error that names the folder, not a temporary file', async () => {
    const r = await cli(['score', 'examples/etuokeqianqi-2017/zhujianju.yaml', '--rubric', SEED_RUBRIC, '--format', 'json', '--out', 'examples']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法写入输出文件');
    expect(r.stderr).toContain('这是一个文件夹');
    expect(r.stderr).not.toContain('.tmp');
    expectNoStack(r);
  });

  it('--help and --version exit 0', async () => {
    expect((await cli(['--help'])).code).toBe(0);
    const v = await cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
