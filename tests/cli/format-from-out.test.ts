// `--out` implies the format: `--out r.xlsx` alone writes an xlsx workbook, and a --format that disagrees with the
// extension is refused in Chinese (exit 2) before anything is written.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatFromOut } from '../../src/cli/format-from-out.js';
import { cli, expectNoStack, SEED_EVIDENCE, SEED_RUBRIC, tempDirs } from '../helpers/cli.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());

describe('formatFromOut', () => {
  const score = ['text', 'json', 'html', 'summary-html', 'pdf', 'summary-pdf', 'xlsx', 'md', 'csv'];
  it.each([
    [undefined, undefined, undefined],
    [undefined, 'r.xlsx', 'xlsx'],
    [undefined, 'r.XLSX', 'xlsx'],
    [undefined, 'r.pdf', 'pdf'],
    [undefined, 'r.htm', 'html'],
    [undefined, 'r.txt', 'text'],
    [undefined, 'r.out', undefined],
    ['md', 'r.out', 'md'],
    ['summary-pdf', 'r.pdf', 'summary-pdf'],
    ['pfd', 'r.pdf', 'pfd'], // left to the command's own check (with its did-you-mean)
  ])('format %s, out %s → %s', (format, out, expected) => {
    expect(formatFromOut(format, out, score)).toBe(expected);
  });

  it('refuses a format that disagrees with the extension, naming both fixes', () => {
    expect(() => formatFromOut('md', 'dir/r.pdf', score)).toThrow('--format md 与输出文件 r.pdf 的扩展名不符(.pdf 应为 pdf 格式);请改用 --format pdf或把文件名改为 r.md');
  });

  it('refuses an extension the command cannot write', () => {
    expect(() => formatFromOut(undefined, 'r.docx', score)).toThrow('无法按文件名 r.docx 输出:本命令不能输出 docx 格式');
  });
});

describe('commands infer the format from --out', () => {
  it('score --out r.xlsx writes an xlsx workbook (a zip), not the text summary', async () => {
    const dir = dirs.make('zwgk-fmt-');
    const r = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--out', join(dir, 'r.xlsx')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'r.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('score --out r.json writes the JSON report', async () => {
    const dir = dirs.make('zwgk-fmt-');
    const r = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--out', join(dir, 'r.json')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).schemaVersion).toBeDefined();
  });

  it.each([
    [['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '-f', 'md'], 'x.pdf'],
    [['render', '--blank', '--rubric', SEED_RUBRIC, '-f', 'html'], 'x.xlsx'],
    [['compare', 'examples/etuokeqianqi-2017', '--rubric', SEED_RUBRIC, '-f', 'text'], 'x.html'],
    [['init', '--rubric', SEED_RUBRIC, '-f', 'yaml'], 'x.xlsx'],
    [['diff', SEED_RUBRIC, SEED_RUBRIC, '-f', 'md'], 'x.html'],
  ])('%j --out %s is refused (exit 2), nothing written', async (argv, name) => {
    const dir = dirs.make('zwgk-fmt-');
    const r = await cli([...argv, '--out', join(dir, name)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^用法错误：--format \S+ 与输出文件 x\.\w+ 的扩展名不符/);
    expect(existsSync(join(dir, name))).toBe(false);
    expectNoStack(r);
  });

  it('init --out form.xlsx writes the xlsx form without --format', async () => {
    const dir = dirs.make('zwgk-fmt-');
    const r = await cli(['init', '--rubric', SEED_RUBRIC, '--out', join(dir, 'form.xlsx')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'form.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
