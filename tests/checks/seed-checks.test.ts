// The seed rubric's 附件2 identities and narrative contradictions on the bundled 住建局 example (seed 003).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEvidence, parseReview, scoreEvidence } from '../../src/api.js';
import ExcelJS from 'exceljs';
import { buildYamlForm } from '../../src/forms/yaml-form.js';
import { buildEvidenceWorkbook, writeWorkbook } from '../../src/forms/xlsx-form.js';
import { compileOk, scoreOk } from '../helpers/score.js';

const rubric = compileOk(readFileSync('rubrics/etuokeqianqi-2017.yaml', 'utf8'), 'rubrics/etuokeqianqi-2017.yaml');
const zhujianju = readFileSync('examples/etuokeqianqi-2017/zhujianju.yaml', 'utf8');

const failed = (r: Awaited<ReturnType<typeof scoreOk>>) => r.checks.filter((c) => c.outcome === 'fail').map((c) => c.id);

/** Change one fact line of the example (`  name: value   # comment`). */
function withFact(text: string, fact: string, value: number): string {
  const re = new RegExp(`^(  ${fact}: )[^#\\n]*`, 'm');
  expect(re.test(text)).toBe(true);
  return text.replace(re, `$1${value} `);
}

describe('etuokeqianqi-2017 checks on the 住建局 example', () => {
  it('declares every internal identity of 附件2', () => {
    const sums = rubric.rubric.checks.filter((c) => c.sumEquals).map((c) => c.source);
    // rows 21, 26, 29, 33, 44, 48, 57 are the totals of 附件2 with their parts listed beneath them
    expect(sums).toEqual([
      '附件2 第21行 = 第22–25行之和',
      '附件2 第26行 = 第27行 + 第28行',
      '附件2 第29行 = 第30–33行与第40–43行之和',
      '附件2 第33行 = 第34–39行之和',
      '附件2 第44行 = 第45–47行之和',
      '附件2 第48行 = 第49–51行之和',
      '附件2 第57行 = 第58行 + 第59行',
    ]);
  });

  it('finds the two contradictions of the real submission, with the values seen', async () => {
    const r = await scoreOk(rubric, zhujianju, 'zhujianju.yaml');
    expect(failed(r)).toEqual(['proactive-website', 'narrative-no-applications']);
    const website = r.checks.find((c) => c.id === 'proactive-website')!;
    expect(website.values.map((v) => [v.fact, v.value])).toEqual([
      ['proactiveTotal', 30],
      ['websitePosts', 45],
    ]);
    const narrative = r.checks.find((c) => c.id === 'narrative-no-applications')!;
    expect(narrative.values.map((v) => [v.fact, v.value])).toEqual([
      ['noApplicationsStated', true],
      ['applicationsReceived', 2],
    ]);
    expect(narrative.severity).toBe('error');
    // every other check passes: none of them reads a blank row of 附件2
    expect(r.checks.filter((c) => c.outcome === 'not_assessable')).toEqual([]);
    expect(r.totals.final).toBe(56);
  });

  it('breaking three sums of 附件2 gives three more failures (and the same score)', async () => {
    let broken = withFact(zhujianju, 'applicationsInPerson', 3); // row 21: 2 ≠ 3 + 0 + 0 + 0
    broken = withFact(broken, 'staffFullTime', 2); // row 57: 2 ≠ 2 + 1
    broken = withFact(broken, 'reconsiderationsUpheld', 1); // row 44: 0 ≠ 1 + 0 + 0
    const r = await scoreOk(rubric, broken, 'zhujianju-broken.yaml');
    expect(failed(r)).toEqual(['proactive-website', 'applications-by-channel', 'narrative-no-applications', 'reconsiderations-by-outcome', 'staff-by-type'].sort((a, b) => order(a) - order(b)));
    expect(r.totals.final).toBe(56);
  });

  it('a blank row makes the checks reading it not assessable, never a pass', async () => {
    const r = await scoreOk(rubric, zhujianju.replace(/^  staffPartTime: 1 /m, '  staffPartTime: null '), 'zhujianju-blank.yaml');
    expect(r.checks.find((c) => c.id === 'staff-by-type')!.outcome).toBe('not_assessable');
  });
});

describe('the evidence form tells the agency which checks a fact takes part in', () => {
  it('lists the identities under each fact of 附件2, and says how many checks there are', () => {
    const form = buildYamlForm(rubric);
    expect(form).toContain('# 细则规定了 20 项数据核验（勾稽关系）');
    const block = form.slice(form.indexOf('【收到申请数】'), form.indexOf('applicationsReceived:'));
    expect(block).toContain('核验：附件2 第21行 = 第22–25行之和；附件2 第26行 ≤ 第21行；附件2 第29行 ≤ 第21行；总结正文「依申请公开方面」与附件2 第21行');
  });

  it('the xlsx form carries the same notes in the 说明 column of the 事实 sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeWorkbook(await buildEvidenceWorkbook(rubric))) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('事实')!;
    // Columns by header: the fact id is in the (hidden) 编号 column, the notes in 说明.
    const col = (h: string): number => (ws.getRow(1).values as unknown[]).indexOf(h);
    let row = 0;
    ws.eachRow((r, n) => void (r.getCell(col('编号')).value === 'applicationsReceived' && (row = n)));
    expect(String(ws.getCell(row, col('说明')).value)).toBe('核验：附件2 第21行 = 第22–25行之和\n核验：附件2 第26行 ≤ 第21行\n核验：附件2 第29行 ≤ 第21行\n核验：总结正文「依申请公开方面」与附件2 第21行');
  });
});

describe('the office resolves failed checks in its review', () => {
  const review = readFileSync('examples/etuokeqianqi-2017/reviews/etqq-zjj.yaml', 'utf8');
  const score = async (reviewText: string | null) => {
    const ev = parseEvidence('zhujianju.yaml', zhujianju, rubric);
    if (!ev.ok) throw new Error('evidence invalid');
    if (reviewText === null) return scoreEvidence(rubric, ev.value);
    const rv = parseReview('etqq-zjj.yaml', reviewText, rubric, ev.value);
    if (!rv.ok) throw new Error(JSON.stringify(rv.diagnostics));
    return scoreEvidence(rubric, ev.value, rv.value);
  };

  it('without the review: provisional, the two failed checks pending', async () => {
    const r = await score(null);
    expect(r.status).toBe('provisional');
    expect(r.pending.filter((p) => p.kind === 'check').map((p) => p.id)).toEqual(['proactive-website', 'narrative-no-applications']);
    expect(r.checks.filter((c) => c.resolution)).toEqual([]);
  });

  it('with the bundled review: each failed check carries the resolution, none is pending, the result is final', async () => {
    const r = await score(review);
    expect(r.status).toBe('final');
    expect(r.pending).toEqual([]);
    expect(r.checks.filter((c) => c.outcome === 'fail').map((c) => [c.id, c.resolution?.resolution, c.resolution?.by])).toEqual([
      ['proactive-website', 'accepted', '旗政务公开办'],
      ['narrative-no-applications', 'accepted', '旗政务公开办'],
    ]);
  });

  it('a review that resolves only one failed check leaves the other pending', async () => {
    const partial = review.replace(/\n  narrative-no-applications:[\s\S]*?date: 2018-01-25\n/, '\n');
    expect(partial).not.toBe(review);
    const r = await score(partial);
    expect(r.status).toBe('provisional');
    expect(r.pending.map((p) => p.id)).toEqual(['narrative-no-applications']);
  });

  it('a correction of the facts makes the check pass on the corrected values, and the resolution is shown', async () => {
    const corrected = review
      .replace(/\nchecks:\n/, `\ncorrections:\n  websitePosts: { value: 30, reason: 门户网站45条含转载信息，本单位制发30条, by: 旗政务公开办, date: 2018-01-25 }\nchecks:\n`)
      .replace('proactive-website:\n    resolution: accepted', 'proactive-website:\n    resolution: corrected');
    const r = await score(corrected);
    const c = r.checks.find((x) => x.id === 'proactive-website')!;
    expect([c.outcome, c.resolution?.resolution, c.values.map((v) => v.value)]).toEqual(['pass', 'corrected', [30, 30]]);
  });
});

function order(id: string): number {
  return rubric.rubric.checks.findIndex((c) => c.id === id);
}
