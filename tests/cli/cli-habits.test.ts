// CLI habits (issue 13): a transposed format name suggests the right one, unknown options get a did-you-mean among
// the command's own options, and `zwgk help <command>` prints that command's help in Chinese.
import { describe, expect, it } from 'vitest';
import { closestMatch } from '../../src/diagnostics/suggest.js';
import { cli, SEED_EVIDENCE, SEED_RUBRIC } from '../helpers/cli.js';

describe('CLI habits', () => {
  it.each([
    ['pfd', ['text', 'json', 'html', 'pdf', 'md', 'csv'], 'pdf'],
    ['mdd', ['text', 'md', 'pdf'], 'md'],
    ['xslx', ['xlsx', 'csv'], 'xlsx'],
  ])('closestMatch(%j) = %j', (typed, candidates, expected) => expect(closestMatch(typed, candidates)).toBe(expected));

  it('--format pfd suggests pdf', async () => {
    const r = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--format', 'pfd', '--out', 'x.out']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是否想写 "pdf"?');
  });

  it.each([
    [['score', SEED_EVIDENCE, '--rubrc', SEED_RUBRIC], '--rubric'],
    [['compare', 'examples', '--rubric', SEED_RUBRIC, '--baseline-rubic', 'x'], '--baseline-rubric'],
    [['render', '--blank', '--landscpe'], '--landscape'],
  ])('%j suggests %s', async (argv, option) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`是否想写 "${option}"?`);
  });

  it('swapped evidence and rubric: one line saying what the file looks like, exit 1', async () => {
    const r = await cli(['score', SEED_RUBRIC, '--rubric', SEED_EVIDENCE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`错误:${SEED_EVIDENCE} 看起来是单位的证据文件(有 agency、facts/claims),不是细则;--rubric 应指向细则文件(如 rubrics/etuokeqianqi-2017.yaml),证据文件放在命令的第一个参数\n`);
    const r2 = await cli(['score', SEED_RUBRIC, '--rubric', SEED_RUBRIC]);
    expect(r2.code).toBe(1);
    expect(r2.stderr.trim().split('\n')).toHaveLength(1);
    expect(r2.stderr).toContain('看起来是考核评价细则(有 nodes),不是单位的证据文件');
  });

  it('zwgk help compare prints the compare help in Chinese, exit 0', async () => {
    const r = await cli(['help', 'compare']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法：zwgk compare \[选项\]/);
    expect(r.stdout).not.toMatch(/Usage:|Options:|\(default:/);
  });

  it('the main help lists `help [命令]` aligned with the other commands', async () => {
    const r = await cli(['--help']);
    const line = r.stdout.split('\n').find((l) => l.startsWith('  help '))!;
    const check = r.stdout.split('\n').find((l) => l.startsWith('  check '))!;
    expect(line).toMatch(/^  help \[命令\]/);
    const col = (l: string): number => {
      const gap = 2 + l.slice(2).search(/ {2,}\S/);
      return [...l.slice(0, gap)].reduce((w, ch) => w + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0) + l.slice(gap).search(/\S/);
    };
    expect(col(line)).toBe(col(check));
  });
});
