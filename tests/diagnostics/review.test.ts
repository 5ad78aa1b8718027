// The office's review file checked against the rubric and the agency's evidence: the rubric and agency it was written
// for, judgements (bounds, only on judged items, a reason), overrides within the node's points, corrections of the
// fact's type and range, not-applicable decisions only on requested nodes, resolutions only of declared checks.
import { describe, expect, it } from 'vitest';
import { brief, checkReviewText, compileRubricText, single, yaml } from '../helpers/diagnostics.js';

const compiled = compileRubricText(yaml`
  id: demo-2024
  version: "2024.1"
  title: 测试细则
  facts:
    hasSystem: { label: 建立制度, type: boolean }
    trainings: { label: 举办培训班次数, type: integer, min: 0, max: 50, unit: 次 }
    doubled: { label: 培训次数合计, type: integer, derive: { sum: [trainings, trainings] } }
  nodes:
    - id: "1"
      title: 制度建设
      points: 40
      scoring: { method: binary, when: { fact: hasSystem, operator: equal, value: true } }
    - id: "2"
      title: 依申请公开办理
      points: 30
      scoring: { method: judgement, min: 0, max: 20 }
    - id: "3"
      title: 年报
      points: 30
      mayBeNotApplicable: true
      scoring:
        method: deduct
        deductions:
          - { id: late, reason: 未及时公开, judgement: { min: 1, max: 5 } }
          - { id: few, reason: 未开展培训, when: { fact: trainings, operator: lessThan, value: 1 }, amount: 5 }
`);

const EVIDENCE = 'rubric: { id: demo-2024, version: "2024.1" }\nagency: { name: 测试局, code: T01 }\nperiod: { year: 2024 }\nfacts: { hasSystem: true, trainings: 2 }\n';
const WITH_REQUEST = EVIDENCE + 'notApplicable:\n  - { node: "3", reason: 本单位无年报编制任务 }\n';

/** A review with the two header lines; `body` starts on line 3. */
const review = (body: string, header = 'rubric: { id: demo-2024, version: "2024.1" }\nagency: { code: T01 }'): string => `${header}\n${body}`;

describe('which rubric and which agency', () => {
  it('a review written for another rubric version (REVIEW_RUBRIC_MISMATCH)', () => {
    const c = checkReviewText(compiled, EVIDENCE, review('', 'rubric: { id: demo-2024, version: "2023.1" }\nagency: { code: T01 }'));
    expect(brief(single(c))).toEqual({ code: 'REVIEW_RUBRIC_MISMATCH', line: 1, column: 35, path: 'rubric.version' });
    expect(c.text).toMatchInlineSnapshot(`
      "review.yaml:1:35 错误 REVIEW_RUBRIC_MISMATCH rubric.version:评审文件对应的细则为 demo-2024 版本 2023.1,但当前细则为 demo-2024 版本 2024.1
        1 | rubric: { id: demo-2024, version: "2023.1" }
          |                                   ^
      共 1 个错误，0 个警告"
    `);
  });

  it('a review of another agency (REVIEW_AGENCY_MISMATCH)', () => {
    const c = checkReviewText(compiled, EVIDENCE, review('', 'rubric: { id: demo-2024, version: "2024.1" }\nagency: { code: T02, name: 另一局 }'));
    expect(brief(single(c))).toEqual({ code: 'REVIEW_AGENCY_MISMATCH', line: 2, column: 17, path: 'agency.code' });
    expect(c.text).toMatchInlineSnapshot(`
      "review.yaml:2:17 错误 REVIEW_AGENCY_MISMATCH agency.code:评审文件对应的单位代码为 "T02",但证据材料的单位代码为 "T01"
        2 | agency: { code: T02, name: 另一局 }
          |                 ^
      共 1 个错误，0 个警告"
    `);
  });
});

describe('judgements', () => {
  it('outside their bounds (an item, and a judged deduction)', () => {
    const c = checkReviewText(
      compiled,
      EVIDENCE,
      review(yaml`
        judgements:
          "2": { score: 25, reason: 办理规范, by: 县政务公开办, date: 2025-01-10 }
          "3#late": { score: 9, reason: 年报迟报两个月, by: 县政务公开办, date: 2025-01-10 }
      `),
    );
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'JUDGEMENT_OUT_OF_BOUNDS', line: 4, column: 17, path: 'judgements["2"].score' },
      { code: 'JUDGEMENT_OUT_OF_BOUNDS', line: 5, column: 22, path: 'judgements["3#late"].score' },
    ]);
    expect(c.text).toMatchInlineSnapshot(`
      "review.yaml:4:17 错误 JUDGEMENT_OUT_OF_BOUNDS judgements["2"].score:评审分 25 超出允许范围 [0, 20]
        4 |   "2": { score: 25, reason: 办理规范, by: 县政务公开办, date: 2025-01-10 }
          |                 ^
      review.yaml:5:22 错误 JUDGEMENT_OUT_OF_BOUNDS judgements["3#late"].score:评审分 9 超出允许范围 [1, 5]
        5 |   "3#late": { score: 9, reason: 年报迟报两个月, by: 县政务公开办, date: 2025-01-10 }
          |                      ^
      共 2 个错误，0 个警告"
    `);
  });

  it('on an item that is not judged: the hint lists the ones that are; an unknown node gets a suggestion', () => {
    const c = checkReviewText(
      compiled,
      EVIDENCE,
      review(yaml`
        judgements:
          "1": { score: 40, reason: 制度健全, by: 县政务公开办, date: 2025-01-10 }
          "3#few": { score: 1, reason: 培训少, by: 县政务公开办, date: 2025-01-10 }
          "22": { score: 1, reason: 笔误, by: 县政务公开办, date: 2025-01-10 }
      `),
    );
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'JUDGEMENT_NOT_ALLOWED', line: 4, column: 3, path: 'judgements["1"]' },
      { code: 'JUDGEMENT_NOT_ALLOWED', line: 5, column: 3, path: 'judgements["3#few"]' },
      { code: 'UNKNOWN_NODE', line: 6, column: 3, path: 'judgements["22"]' },
    ]);
    expect(c.text).toMatchInlineSnapshot(`
      "review.yaml:4:3 错误 JUDGEMENT_NOT_ALLOWED judgements["1"]:"1" 不是酌情评分项(或酌情扣分规则),不能给出评审分
        4 |   "1": { score: 40, reason: 制度健全, by: 县政务公开办, date: 2025-01-10 }
          |   ^
        提示：本细则可评审的项目:2、3#late
      review.yaml:5:3 错误 JUDGEMENT_NOT_ALLOWED judgements["3#few"]:"3#few" 不是酌情评分项(或酌情扣分规则),不能给出评审分
        5 |   "3#few": { score: 1, reason: 培训少, by: 县政务公开办, date: 2025-01-10 }
          |   ^
        提示：本细则可评审的项目:2、3#late
      review.yaml:6:3 错误 UNKNOWN_NODE judgements["22"]:未定义的节点 "22"
        6 |   "22": { score: 1, reason: 笔误, by: 县政务公开办, date: 2025-01-10 }
          |   ^
        提示：是否想写 "2"?
      共 3 个错误，0 个警告"
    `);
  });

  it('who and when are required on every entry; an empty reason is refused', () => {
    const c = checkReviewText(compiled, EVIDENCE, review('judgements:\n  "2": { score: 10, reason: "" }\n'));
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'SCHEMA_INVALID', line: 4, column: 8, path: 'judgements["2"].by' },
      { code: 'SCHEMA_INVALID', line: 4, column: 8, path: 'judgements["2"].date' },
      { code: 'SCHEMA_INVALID', line: 4, column: 29, path: 'judgements["2"].reason' },
    ]);
  });

  it('a reason cut in two by an ASCII comma inside { } gets advice to quote it', () => {
    const c = checkReviewText(compiled, EVIDENCE, review('judgements:\n  "2": { score: 10, reason: 台账基本完整,个别件答复格式不规范, by: 县政务公开办, date: 2025-01-10 }\n'));
    expect(brief(single(c))).toEqual({ code: 'UNKNOWN_KEY', line: 4, column: 36, path: 'judgements["2"]["个别件答复格式不规范"]' });
    expect(c.text).toMatchInlineSnapshot(`
      "review.yaml:4:36 错误 UNKNOWN_KEY judgements["2"]["个别件答复格式不规范"]:未知字段 "个别件答复格式不规范"
        4 |   "2": { score: 10, reason: 台账基本完整,个别件答复格式不规范, by: 县政务公开办, date: 2025-01-10 }
          |                                          ^
        提示：花括号里的英文逗号把文字截断了:请给整段文字加引号,写成 reason: "台账基本完整,个别件答复格式不规范"
      共 1 个错误，0 个警告"
    `);
  });
});

describe('overrides, corrections, not-applicable decisions, check resolutions', () => {
  it('an override above the node\'s points (REVIEW_OVERRIDE_OUT_OF_RANGE)', () => {
    const c = checkReviewText(compiled, EVIDENCE, review('overrides:\n  "1": { score: 45, reason: 制度健全, by: 县政务公开办, date: 2025-01-10 }\n'));
    expect(brief(single(c))).toEqual({ code: 'REVIEW_OVERRIDE_OUT_OF_RANGE', line: 4, column: 17, path: 'overrides["1"].score' });
    expect(c.text).toMatchInlineSnapshot(`
      "review.yaml:4:17 错误 REVIEW_OVERRIDE_OUT_OF_RANGE overrides["1"].score:改定分 45 超出该项分值范围 [0, 40]
        4 |   "1": { score: 45, reason: 制度健全, by: 县政务公开办, date: 2025-01-10 }
          |                 ^
      共 1 个错误，0 个警告"
    `);
  });

  it('corrections: an unknown fact, a derived fact, a value of the wrong type and one out of range', () => {
    const c = checkReviewText(
      compiled,
      EVIDENCE,
      review(yaml`
        corrections:
          trainigs: { value: 3, reason: 核实, by: 县政务公开办, date: 2025-01-10 }
          doubled: { value: 4, reason: 核实, by: 县政务公开办, date: 2025-01-10 }
          hasSystem: { value: 3, reason: 核实, by: 县政务公开办, date: 2025-01-10 }
          trainings: { value: 60, reason: 核实, by: 县政务公开办, date: 2025-01-10 }
      `),
    );
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'UNKNOWN_FACT', line: 4, column: 3, path: 'corrections.trainigs' },
      { code: 'FACT_DERIVED_GIVEN', line: 5, column: 3, path: 'corrections.doubled' },
      { code: 'FACT_TYPE_MISMATCH', line: 6, column: 23, path: 'corrections.hasSystem.value' },
      { code: 'FACT_OUT_OF_RANGE', line: 7, column: 23, path: 'corrections.trainings.value' },
    ]);
    expect(c.text).toMatchInlineSnapshot(`
      "review.yaml:4:3 错误 UNKNOWN_FACT corrections.trainigs:未定义的事实 "trainigs"
        4 |   trainigs: { value: 3, reason: 核实, by: 县政务公开办, date: 2025-01-10 }
          |   ^
        提示：是否想写 "trainings"?
      review.yaml:5:3 错误 FACT_DERIVED_GIVEN corrections.doubled:事实 "doubled" 由细则自动计算,不能手工填写或更正
        5 |   doubled: { value: 4, reason: 核实, by: 县政务公开办, date: 2025-01-10 }
          |   ^
        提示：派生事实由细则自动计算,请更正它所依据的事实
      review.yaml:6:23 错误 FACT_TYPE_MISMATCH corrections.hasSystem.value:事实 "hasSystem" 的值 3 类型不符,应为布尔值(true/false 或 是/否)
        6 |   hasSystem: { value: 3, reason: 核实, by: 县政务公开办, date: 2025-01-10 }
          |                       ^
      review.yaml:7:23 错误 FACT_OUT_OF_RANGE corrections.trainings.value:事实 "trainings" 的值 60 超出允许范围 [0, 50]
        7 |   trainings: { value: 60, reason: 核实, by: 县政务公开办, date: 2025-01-10 }
          |                       ^
      共 4 个错误，0 个警告"
    `);
  });

  it('a not-applicable decision on a node the evidence did not request (REVIEW_NOT_REQUESTED)', () => {
    const body = 'notApplicable:\n  "3": { decision: accepted, reason: 无年报任务, by: 县政务公开办, date: 2025-01-10 }\n';
    expect(checkReviewText(compiled, WITH_REQUEST, review(body)).ok).toBe(true);
    const c = checkReviewText(compiled, EVIDENCE, review(body));
    expect(brief(single(c))).toEqual({ code: 'REVIEW_NOT_REQUESTED', line: 4, column: 3, path: 'notApplicable["3"]' });
    expect(c.text).toMatchInlineSnapshot(`
      "review.yaml:4:3 错误 REVIEW_NOT_REQUESTED notApplicable["3"]:证据材料没有申请节点 "3" 不适用,不能对它作出不适用决定
        4 |   "3": { decision: accepted, reason: 无年报任务, by: 县政务公开办, date: 2025-01-10 }
          |   ^
        提示：证据材料没有申请任何节点不适用
      共 1 个错误，0 个警告"
    `);
  });

  it('a resolution of a check the rubric does not declare (UNKNOWN_CHECK)', () => {
    const c = checkReviewText(compiled, EVIDENCE, review('checks:\n  sum-row-2: { resolution: accepted, reason: 口径不同, by: 县政务公开办, date: 2025-01-10 }\n'));
    expect(brief(single(c))).toEqual({ code: 'UNKNOWN_CHECK', line: 4, column: 3, path: 'checks["sum-row-2"]' });
    expect(c.text).toMatchInlineSnapshot(`
      "review.yaml:4:3 错误 UNKNOWN_CHECK checks["sum-row-2"]:细则中没有编号为 "sum-row-2" 的数据核验规则
        4 |   sum-row-2: { resolution: accepted, reason: 口径不同, by: 县政务公开办, date: 2025-01-10 }
          |   ^
        提示：本细则没有声明数据核验规则(checks)
      共 1 个错误，0 个警告"
    `);
  });

  it('entries written null (not yet ruled, as `zwgk init --review` lists them) are accepted and ignored', () => {
    const c = checkReviewText(compiled, WITH_REQUEST, review('judgements:\n  "2": null\n  "3#late": null\nnotApplicable:\n  "3": null\n'));
    expect(c.ok).toBe(true);
  });
});
