// Usage errors in Chinese with exit code 2: unknown commands and options, missing option values, no arguments.
import { describe, expect, it } from 'vitest';
import { cli, expectNoStack, SEED_RUBRIC } from '../helpers/cli.js';

describe('usage errors (exit 2, Chinese, no stack)', () => {
  it.each([
    [['chek', SEED_RUBRIC], '用法错误:未知命令 chek\n运行 zwgk --help 查看用法\n'],
    [['check', '--foo', SEED_RUBRIC], '用法错误:未知选项 --foo\n运行 zwgk --help 查看用法\n'],
    [['score', 'x.yaml', '--rubric'], '用法错误:选项 -r, --rubric <rubric> 缺少取值\n运行 zwgk --help 查看用法\n'],
    [['check', SEED_RUBRIC, 'extra.yaml'], '用法错误:参数过多\n运行 zwgk --help 查看用法\n'],
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

  it('--help and --version exit 0', async () => {
    expect((await cli(['--help'])).code).toBe(0);
    const v = await cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
