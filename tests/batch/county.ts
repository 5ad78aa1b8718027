// A small generated county for the golden, determinism and worker tests: eight agencies against the county test
// rubric with a rank criterion — two classes, a declared not-applicable item, ties, over-claims, a duplicate.
import { countyRubric, evidence, reviewJson, type EvidenceSpec, type TempDir } from './helpers.js';

export const COUNTY_RUBRIC = countyRubric({ rank: 'bands' });

const NAMES = ['教育局', '卫健委', '财政局', '民政局', '交通运输局', '住建局', '自然资源局', '农牧局'];

export function countySpecs(): EvidenceSpec[] {
  return NAMES.map((name, i) => {
    const code = `qx-${String(i + 1).padStart(2, '0')}`;
    const spec: EvidenceSpec = {
      code,
      name: `测试县${name}`,
      cls: i % 3 === 2 ? 'B' : 'A',
      facts: { meetings: i % 4 === 3 ? 0 : 2, system: i % 2 === 0, posts: [120, 80, 80, 45, 30, 200, 10, 80][i], hotline: i !== 5, hall: i % 5 !== 1 },
      claims: { '1': 40, '2': 40 - (i % 3) * 10, ...(i % 3 === 2 ? {} : { '3': 20 }) },
    };
    if (i === 4) spec.notApplicable = [{ node: '2.1', reason: '本单位不设咨询热线' }];
    return spec;
  });
}

/**
 * Write the county into `dir/county/` (plus the rubric), and the office's reviews into `dir/reviews/`: the one
 * not-applicable request (qx-05, 2.1) accepted. Returns the evidence paths.
 */
export function writeCounty(t: TempDir, withDuplicate = false): { rubric: string; files: string[] } {
  const rubric = t.write('rubric.yaml', COUNTY_RUBRIC);
  const files = countySpecs().map((s) => t.write(`county/${s.code}.json`, evidence(s)));
  t.write('reviews/qx-05.json', reviewJson('qx-05', { notApplicable: { '2.1': { decision: 'accepted', reason: '经核实,该局不设咨询热线' } } }));
  if (withDuplicate) files.push(t.write('county/zz-copy-of-01.json', evidence({ ...countySpecs()[0]!, name: '重复提交' })));
  return { rubric, files };
}
