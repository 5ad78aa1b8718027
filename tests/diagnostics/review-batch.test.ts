// `zwgk compare … --reviews DIR`: reviews are matched to agencies by agency code. A review that matches no agency,
// two reviews for one code, and a review that does not fit its agency's evidence are left out with a diagnostic that
// names the review file and line (exit 1); the agency is still scored and ranked, provisional.
import { afterAll, describe, expect, it } from 'vitest';
import { cli, countyRubric, evidence, reviewJson, tempDir } from '../batch/helpers.js';

const t = tempDir();
afterAll(() => t.cleanup());
const facts = { meetings: 2, system: true, posts: 60, hotline: true, hall: true };

describe('compare --reviews', () => {
  it('unmatched, duplicate and unfitting reviews are left out and named; every agency is still ranked', async () => {
    t.write('rubric.yaml', countyRubric());
    t.write('in/a.json', evidence({ code: 'a', cls: 'A', facts }));
    t.write('in/b.json', evidence({ code: 'b', cls: 'A', facts, notApplicable: [{ node: '2.1', reason: '不设热线' }] }));
    const accept = { notApplicable: { '2.1': { decision: 'accepted', reason: '经核实不设热线' } } };
    t.write('reviews/1-b.json', reviewJson('b', accept));
    t.write('reviews/2-b-again.json', reviewJson('b', accept));
    t.write('reviews/3-zz.json', reviewJson('zz', {}));
    t.write('reviews/4-a.json', reviewJson('a', accept)); // a never asked for 2.1 to be not applicable
    const r = await cli(['compare', 'in', '--rubric', 'rubric.yaml', '--reviews', 'reviews', '--format', 'json'], t.dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.counts).toMatchObject({ scored: 2, provisional: 0 });
    expect(report.agencies.map((x: { code: string; status: string; totals: { applicableMax: number } }) => [x.code, x.status, x.totals.applicableMax])).toEqual([
      ['a', 'final', 100],
      ['b', 'final', 80],
    ]);
    expect(report.leftOut.map((f: { file: string; reason: string; messages: Array<{ code: string }> }) => [f.file, f.reason, f.messages[0]!.code])).toEqual([
      ['reviews/2-b-again.json', 'duplicate', 'DUPLICATE_REVIEW'],
      ['reviews/3-zz.json', 'invalid', 'REVIEW_UNMATCHED'],
      ['reviews/4-a.json', 'invalid', 'REVIEW_NOT_REQUESTED'],
    ]);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('reviews/')).join('\n')).toMatchInlineSnapshot(`
      "reviews/2-b-again.json:7:13 错误 DUPLICATE_REVIEW agency.code:单位代码 "b" 有两份评审文件,已采用 reviews/1-b.json(每个单位只能有一份评审文件:请合并或删除多余的一份)
      reviews/3-zz.json:7:13 错误 REVIEW_UNMATCHED agency.code:评审文件的单位代码 "zz" 不属于任何参评单位(评审文件按单位代码(agency.code)与证据文件对应,请核对代码)
      reviews/4-a.json:10:5 错误 REVIEW_NOT_REQUESTED notApplicable["2.1"]:证据材料没有申请节点 "2.1" 不适用,不能对它作出不适用决定(证据材料没有申请任何节点不适用)"
    `);
  });
});
