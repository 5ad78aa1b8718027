// End-to-end golden files for the seed case (鄂托克前旗住建局 2017): the CLI's JSON report and text summary,
// byte-identical across runs. Regenerate only on purpose (`npx vitest run tests/golden -u`) and review the diff.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportNode, ScoreReport } from '../../src/index.js';
import { cli, SEED_EVIDENCE, SEED_RUBRIC } from '../helpers/cli.js';

interface RawNode {
  id: string;
  title: string;
  points: number;
  children?: RawNode[];
}

/** The rubric's nodes in document order, read straight from the YAML (independently of the engine). */
function rubricNodes(): Array<{ id: string; parent: string | null; title: string; max: number }> {
  const out: Array<{ id: string; parent: string | null; title: string; max: number }> = [];
  const walk = (n: RawNode, parent: string | null): void => {
    out.push({ id: n.id, parent, title: n.title, max: n.points });
    for (const c of n.children ?? []) walk(c, n.id);
  };
  for (const n of (parse(readFileSync(SEED_RUBRIC, 'utf8')) as { nodes: RawNode[] }).nodes) walk(n, null);
  return out;
}

const STATUSES = ['met', 'partial', 'unmet', 'deducted', 'vetoed', 'not_applicable', 'manual', 'missing_evidence', 'error'];

describe('golden report: etuokeqianqi-2017 / zhujianju', () => {
  let json: string;
  let report: ScoreReport;

  beforeAll(async () => {
    const r = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--format', 'json']);
    expect(r.code).toBe(0);
    json = r.stdout;
    report = JSON.parse(json) as ScoreReport;
  });

  it('the JSON report matches the golden file, byte for byte, on every run', async () => {
    const again = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--format', 'json']);
    expect(again.stdout).toBe(json);
    await expect(json).toMatchFileSnapshot('./__golden__/etuokeqianqi-2017-zhujianju.json');
  });

  it('the text summary matches the golden file, byte for byte, on every run', async () => {
    const first = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC]);
    const second = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC]);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    await expect(first.stdout).toMatchFileSnapshot('./__golden__/etuokeqianqi-2017-zhujianju.txt');
  });

  it('the claims (自查评分) total 74, as on the agency\'s own sheet', () => {
    expect(report.totals.claimed).toBe(74);
    expect(report.totals.max).toBe(100);
  });

  it('every node of the rubric is in `nodes`, in document order, with id/parent/title/max/score/status', () => {
    const expected = rubricNodes();
    expect(report.nodes.map((n) => n.id)).toEqual(expected.map((n) => n.id));
    for (const [i, n] of report.nodes.entries()) {
      expect(pick(n)).toEqual(expected[i]);
      expect(typeof n.score).toBe('number');
      expect(n.score).toBeGreaterThanOrEqual(0);
      expect(n.score).toBeLessThanOrEqual(n.max);
      expect(STATUSES).toContain(n.status);
    }
  });

  it('overClaims are sorted by difference, largest first, and each is a real over-claim', () => {
    const diffs = report.overClaims.map((o) => o.difference);
    expect(diffs.length).toBeGreaterThan(0);
    expect(diffs).toEqual([...diffs].sort((a, b) => b - a));
    for (const o of report.overClaims) {
      const n = report.nodes.find((x) => x.id === o.id)!;
      expect(o).toEqual({ id: n.id, title: n.title, claimed: n.claimed, score: n.score, difference: n.claimed! - n.score });
      expect(o.difference).toBeGreaterThan(0);
    }
    expect(report.overClaims[0]).toMatchObject({ id: '4.1.1', claimed: 4, score: 0, difference: 4 });
  });
});

describe('golden report: the same evidence with the office\'s bundled review (reviews/etqq-zjj.yaml)', () => {
  const REVIEW = 'examples/etuokeqianqi-2017/reviews/etqq-zjj.yaml';

  it('is final: 任务 judged 3 and 创新举措 0 by the office, the two failed checks resolved; 56 + 3 = 59', async () => {
    const r = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--review', REVIEW, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ScoreReport;
    expect(report).toMatchObject({ status: 'final', pending: [], totals: { base: 56, bonus: 3, final: 59, grade: '不合格' } });
  });

  it('the text summary matches its golden file', async () => {
    const r = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--review', REVIEW]);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('./__golden__/etuokeqianqi-2017-zhujianju-reviewed.txt');
  });
});

function pick(n: ReportNode): { id: string; parent: string | null; title: string; max: number } {
  return { id: n.id, parent: n.parent, title: n.title, max: n.max };
}
