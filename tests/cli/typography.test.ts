// What `zwgk score` prints for people — the text report on stdout, the pending and missing-evidence notes on stderr —
// uses Chinese punctuation: no half-width , ; : ( ) next to a Chinese character (the rubric's own titles are typeset
// as the printed sheets typeset them). The diagnostics printer's fixed parts (「提示：」, 「共 N 个错误，M 个警告」) too.
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/diagnostics/format-diagnostics.js';
import { makeDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { cli, SEED_EVIDENCE, SEED_RUBRIC, tempDirs } from '../helpers/cli.js';

const HALF_BESIDE_HAN = /[\u3400-\u9fff][,;:()]|[,;:()][\u3400-\u9fff]/;

/** Lines with a half-width mark beside a Chinese character. */
const offending = (text: string): string[] => text.split('\n').filter((l) => HALF_BESIDE_HAN.test(l));

describe('Chinese typography of what the CLI prints', () => {
  it('zwgk score: the text report and the notes on stderr', async () => {
    const r = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('结果：暂定，待政务公开办评定 4 项（见文末）');
    expect(offending(r.stdout)).toEqual([]);
    expect(offending(r.stderr)).toEqual([]);
  });

  it('zwgk score --format json: the pending list on stderr', async () => {
    const r = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--format', 'json']);
    expect(r.stderr).toContain('提示：评分结果为暂定（provisional），以下 4 项待政务公开办评定');
    expect(offending(r.stderr)).toEqual([]);
  });

  it('the diagnostics printer: hint prefix, the count of the rest, the summary line', () => {
    const d = makeDiagnostic('UNKNOWN_FACT', { file: 'a.yaml', actual: 'x', path: ['facts', 'x'], hint: '是否想写 y' });
    const out = formatDiagnostics(Array.from({ length: 3 }, () => d), new Map(), 1);
    expect(out).toContain('  提示：是否想写 y');
    expect(out).toContain('未逐条列出（同类共 3 条）');
    expect(out.split('\n').at(-1)).toBe('共 3 个错误，0 个警告');
  });

  it.each([['--help'], ['score', '--help'], ['compare', '--help'], ['render', '--help'], ['report', '--help']])('zwgk %s', async (...argv) => {
    const r = await cli(argv);
    expect(r.code).toBe(0);
    expect(offending(r.stdout)).toEqual([]);
  });

  it('a usage error', async () => {
    const r = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--format', 'jsn']);
    expect(r.code).toBe(2);
    expect(offending(r.stderr)).toEqual([]);
  });

  it('zwgk demo (npm start): the leader summary and the list of files written', async () => {
    const dirs = tempDirs();
    try {
      const r = await cli(['demo', '--out-dir', dirs.make('zwgk-demo-')]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('已生成：');
      expect(offending(r.stdout)).toEqual([]);
    } finally {
      dirs.removeAll();
    }
  });
});
