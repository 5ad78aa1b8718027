// The office's review on the command line: `score --review` (provisional → final for the bundled 住建局 example),
// rulings refused in an evidence file (file and line named), `init --review` writing a blank review that parses back.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScoreReport } from '../../src/index.js';
import { cli, expectNoStack, SEED_EVIDENCE, SEED_RUBRIC, tempDirs } from '../helpers/cli.js';

const temp = tempDirs();
afterAll(temp.removeAll);
const SEED_REVIEW = 'examples/etuokeqianqi-2017/reviews/etqq-zjj.yaml';

describe('zwgk score --review', () => {
  it('住建局 alone is provisional (56, 不合格 暂定); with the bundled office review it is final (56 + 3 for 任务 = 59)', async () => {
    const alone = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--format', 'json']);
    const reviewed = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--review', SEED_REVIEW, '--format', 'json']);
    expect([alone.code, reviewed.code]).toEqual([0, 0]);
    const a = JSON.parse(alone.stdout) as ScoreReport;
    const r = JSON.parse(reviewed.stdout) as ScoreReport;
    expect(a).toMatchObject({ schemaVersion: '1.1.0', status: 'provisional', review: null, totals: { final: 56, grade: '不合格' } });
    expect(a.pending.filter((p) => p.kind === 'judgement').map((p) => [p.id, p.node, p.title])).toEqual([
      ['7', '7', '任务'],
      ['8.1', '8.1', '政务公开工作有创新举措'],
    ]);
    expect(r).toMatchObject({ status: 'final', pending: [], review: { file: SEED_REVIEW, agencyCode: 'etqq-zjj' }, totals: { final: 59, bonus: 3, grade: '不合格' } });
    const task = r.nodes.find((n) => n.id === '7')!;
    expect(task.voices).toEqual({
      claimed: null,
      computed: null,
      reviewed: { score: 3, rulings: [expect.objectContaining({ kind: 'judgement', key: '7', score: 3, by: '旗政务公开办', date: '2018-01-25' })] },
      final: 3,
    });
    expect(reviewed.stderr).not.toContain('暂定');
  });

  it('a review for another agency: exit 1, REVIEW_AGENCY_MISMATCH at its agency code', async () => {
    const r = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--review', 'examples/etuokeqianqi-2017/reviews/etqq-jyj.yaml']);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('examples/etuokeqianqi-2017/reviews/etqq-jyj.yaml:5:17 错误 REVIEW_AGENCY_MISMATCH agency.code:评审文件对应的单位代码为 "etqq-jyj",但证据材料的单位代码为 "etqq-zjj"');
  });
});

describe('rulings in an evidence file are refused', () => {
  it('the issue\'s case: 住建局 signing its own 任务 judgement as the office — exit 1, file and line, told where it belongs', async () => {
    const dir = temp.make('zwgk-ruling-');
    const file = join(dir, 'zhujianju.yaml');
    const text = readFileSync(SEED_EVIDENCE, 'utf8');
    const line = text.split('\n').length + 1; // appended after the last line
    writeFileSync(file, `${text.replace(/\n*$/, '\n')}judgements:\n  "7": { score: 5, by: 旗政务公开办, reason: 已核实 }\n`);
    const r = await cli(['score', file, '--rubric', join(process.cwd(), SEED_RUBRIC)], dir);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`zhujianju.yaml:${line - 1}:1 错误 RULING_IN_EVIDENCE judgements:证据材料由单位填写,不能包含政务公开办的评审意见("judgements"):请把它写入政务公开办的评审文件`);
  });
});

describe('zwgk init --review', () => {
  it('writes a blank review listing what 住建局 waits for; it parses back, and scoring with it is still provisional', async () => {
    const dir = temp.make('zwgk-init-review-');
    const out = join(dir, 'etqq-zjj.yaml');
    const r = await cli(['init', '--review', '--rubric', SEED_RUBRIC, SEED_EVIDENCE, '--out', out]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('agency: { code: etqq-zjj, name: 鄂托克前旗住房和城乡规划建设局 }');
    expect(text).toMatch(/# 7 任务\(酌情给分 0–5 分\)\n\s+"7": null/);
    expect(text).toMatch(/"8\.1": null/);
    const scored = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--review', out, '--format', 'json']);
    expect(scored.code).toBe(0);
    const report = JSON.parse(scored.stdout) as ScoreReport;
    expect(report.status).toBe('provisional');
    expect(report.pending.map((p) => p.id).slice(0, 2)).toEqual(['7', '8.1']);
  });

  it('an evidence file without --review is a usage error (exit 2)', async () => {
    const r = await cli(['init', '--rubric', SEED_RUBRIC, SEED_EVIDENCE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('生成评审文件请加 --review');
  });
});
