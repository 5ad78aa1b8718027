// An agency's evidence checked against the rubric: which rubric and version, facts (known, typed, in range, not
// derived), claims, not-applicable requests, rulings refused (they are the office's) — and the MISSING_FACT warning
// carried into the report. The office's review file has its own tests (review.test.ts).
import { describe, expect, it } from 'vitest';
import { formatDiagnostics, parseEvidence, scoreEvidence } from '../../src/index.js';
import { brief, checkEvidenceText, compileRubricText, EVIDENCE_FILE, single, yaml } from '../helpers/diagnostics.js';

const compiled = compileRubricText(yaml`
  id: demo-2024
  version: "2024.1"
  title: 测试细则
  classes: [A类, B类]
  facts:
    hasSystem: { label: 建立制度, type: boolean }
    trainings: { label: 举办培训班次数, type: integer, min: 0, max: 50, unit: 次 }
    timelyRate: { label: 按时办结率, type: percent }
    level: { label: 评价等级, type: enum, values: [优, 良, 差] }
    reportDate: { label: 年报公开日期, type: date }
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

/** Evidence with the three required header lines; `body` starts on line 4. */
const evidence = (body: string, rubric = '{ id: demo-2024, version: "2024.1" }'): string =>
  `rubric: ${rubric}\nagency: { name: 测试局, code: T01 }\nperiod: { year: 2024 }\n` + body;

describe('the rubric the evidence was written for', () => {
  it('evidence for another rubric (RUBRIC_MISMATCH)', () => {
    const c = checkEvidenceText(compiled, evidence('', '{ id: demo-2023, version: "2024.1" }'));
    expect(brief(single(c))).toEqual({ code: 'RUBRIC_MISMATCH', line: 1, column: 15, path: 'rubric.id' });
    expect(c.text).toMatchInlineSnapshot(`
      "evidence.yaml:1:15 错误 RUBRIC_MISMATCH rubric.id:证据材料对应的细则为 demo-2023（版本 2024.1），但当前细则为 demo-2024（《测试细则》，版本 2024.1）
        1 | rubric: { id: demo-2023, version: "2024.1" }
          |               ^
        提示：请用 --rubric 指定该证据材料对应的细则，或按当前细则重新填报（zwgk init --rubric <细则文件> 生成填报表）；细则不符，其他内容未再检查
      共 1 个错误，0 个警告"
    `);
  });

  it('evidence for another version of the rubric (VERSION_MISMATCH)', () => {
    const c = checkEvidenceText(compiled, evidence('', '{ id: demo-2024, version: "2023.2" }'));
    expect(brief(single(c))).toEqual({ code: 'VERSION_MISMATCH', line: 1, column: 35, path: 'rubric.version' });
    expect(c.text).toMatchInlineSnapshot(`
      "evidence.yaml:1:35 错误 VERSION_MISMATCH rubric.version:证据材料对应的细则版本为 2023.2，但当前细则版本为 2024.1（demo-2024，《测试细则》）
        1 | rubric: { id: demo-2024, version: "2023.2" }
          |                                   ^
        提示：请用 --rubric 指定该证据材料对应的细则，或按当前细则重新填报（zwgk init --rubric <细则文件> 生成填报表）；细则不符，其他内容未再检查
      共 1 个错误，0 个警告"
    `);
  });

  it('an agency class the rubric does not know', () => {
    const c = checkEvidenceText(compiled, 'rubric: { id: demo-2024, version: "2024.1" }\nagency: { name: 测试局, code: T01, class: C类 }\nperiod: { year: 2024 }\n');
    expect(brief(single(c))).toEqual({ code: 'SCHEMA_INVALID', line: 2, column: 40, path: 'agency.class' });
    expect(c.diagnostics[0]!.message).toBe('单位类别 "C类" 不在细则的类别 A类、B类 中');
  });
});

describe('facts', () => {
  it('an unknown fact, with a suggestion', () => {
    const c = checkEvidenceText(compiled, evidence('facts:\n  hasSytem: true\n'));
    const d = single(c);
    expect(brief(d)).toEqual({ code: 'UNKNOWN_FACT', line: 5, column: 3, path: 'facts.hasSytem' });
    expect(c.text).toMatchInlineSnapshot(`
      "evidence.yaml:5:3 错误 UNKNOWN_FACT facts.hasSytem:未定义的事实 "hasSytem"
        5 |   hasSytem: true
          |   ^
        提示：是否想写 "hasSystem"?
      共 1 个错误，0 个警告"
    `);
  });

  it('values of the wrong type, each at its value, naming the fact', () => {
    const c = checkEvidenceText(
      compiled,
      evidence(yaml`
        facts:
          hasSystem: 有
          trainings: 1.5
          level: 优秀
          reportDate: 2024/03/01
          timelyRate: "95"
      `),
    );
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'FACT_TYPE_MISMATCH', line: 5, column: 14, path: 'facts.hasSystem' },
      { code: 'FACT_TYPE_MISMATCH', line: 6, column: 14, path: 'facts.trainings' },
      { code: 'FACT_TYPE_MISMATCH', line: 7, column: 10, path: 'facts.level' },
      { code: 'FACT_TYPE_MISMATCH', line: 8, column: 15, path: 'facts.reportDate' },
      { code: 'FACT_TYPE_MISMATCH', line: 9, column: 15, path: 'facts.timelyRate' },
    ]);
    expect(c.text).toMatchInlineSnapshot(`
      "evidence.yaml:5:14 错误 FACT_TYPE_MISMATCH facts.hasSystem:事实 "hasSystem" 的值 "有" 类型不符,应为布尔值(true/false 或 是/否)
        5 |   hasSystem: 有
          |              ^
      evidence.yaml:6:14 错误 FACT_TYPE_MISMATCH facts.trainings:事实 "trainings" 的值 1.5 类型不符,应为整数
        6 |   trainings: 1.5
          |              ^
      evidence.yaml:7:10 错误 FACT_TYPE_MISMATCH facts.level:事实 "level" 的值 "优秀" 类型不符,应为枚举值:优、良、差
        7 |   level: 优秀
          |          ^
      evidence.yaml:8:15 错误 FACT_TYPE_MISMATCH facts.reportDate:事实 "reportDate" 的值 "2024/03/01" 类型不符,应为日期 YYYY-MM-DD
        8 |   reportDate: 2024/03/01
          |               ^
      evidence.yaml:9:15 错误 FACT_TYPE_MISMATCH facts.timelyRate:事实 "timelyRate" 的值 "95" 类型不符,应为0–100 的百分数
        9 |   timelyRate: "95"
          |               ^
      共 5 个错误，0 个警告"
    `);
  });

  it('是/否 are accepted for yes/no facts', () => {
    expect(checkEvidenceText(compiled, evidence('facts:\n  hasSystem: 是\n')).ok).toBe(true);
  });

  it('values out of the declared range (percent defaults to 0–100)', () => {
    const c = checkEvidenceText(compiled, evidence('facts:\n  trainings: 80\n  timelyRate: 120\n'));
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'FACT_OUT_OF_RANGE', line: 5, column: 14, path: 'facts.trainings' },
      { code: 'FACT_OUT_OF_RANGE', line: 6, column: 15, path: 'facts.timelyRate' },
    ]);
    expect(c.text).toMatchInlineSnapshot(`
      "evidence.yaml:5:14 错误 FACT_OUT_OF_RANGE facts.trainings:事实 "trainings" 的值 80 超出允许范围 [0, 50]
        5 |   trainings: 80
          |              ^
      evidence.yaml:6:15 错误 FACT_OUT_OF_RANGE facts.timelyRate:事实 "timelyRate" 的值 120 超出允许范围 [0, 100]
        6 |   timelyRate: 120
          |               ^
      共 2 个错误，0 个警告"
    `);
  });

  it('a derived fact filled in by hand (FACT_DERIVED_GIVEN)', () => {
    const c = checkEvidenceText(compiled, evidence('facts:\n  doubled: 3\n'));
    expect(brief(single(c))).toEqual({ code: 'FACT_DERIVED_GIVEN', line: 5, column: 3, path: 'facts.doubled' });
    expect(c.text).toMatchInlineSnapshot(`
      "evidence.yaml:5:3 错误 FACT_DERIVED_GIVEN facts.doubled:事实 "doubled" 由细则自动计算,不能手工填写或更正
        5 |   doubled: 3
          |   ^
      共 1 个错误，0 个警告"
    `);
  });

  it('a fact the evidence leaves out is a MISSING_FACT warning in the report, not an error', async () => {
    const r = parseEvidence(EVIDENCE_FILE, evidence('facts:\n  trainings: 2\n'), compiled);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const report = await scoreEvidence(compiled, r.value);
    const missing = report.diagnostics.filter((d) => d.code === 'MISSING_FACT');
    expect(missing.map((d) => [d.severity, d.path])).toEqual([['warning', 'facts.hasSystem']]);
    expect(formatDiagnostics(missing)).toMatchInlineSnapshot(`
      "警告 MISSING_FACT facts.hasSystem:缺少事实 "hasSystem",相关评分项按 0 分计并标记为缺少佐证
        提示：用于评分项 1 制度建设
      共 0 个错误，1 个警告"
    `);
  });
});

describe('claims, rulings and not-applicable requests', () => {
  it('a claim above the item\'s points, and a claim for an item that does not exist', () => {
    const c = checkEvidenceText(compiled, evidence('claims:\n  "1": 45\n  "4": 1\n'));
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'CLAIM_OUT_OF_RANGE', line: 5, column: 8, path: 'claims["1"]' },
      { code: 'UNKNOWN_NODE', line: 6, column: 3, path: 'claims["4"]' },
    ]);
    expect(c.text).toMatchInlineSnapshot(`
      "evidence.yaml:5:8 错误 CLAIM_OUT_OF_RANGE claims["1"]:自评分 45 超出该项分值范围 [0, 40]
        5 |   "1": 45
          |        ^
      evidence.yaml:6:3 错误 UNKNOWN_NODE claims["4"]:未定义的节点 "4"
        6 |   "4": 1
          |   ^
      共 2 个错误，0 个警告"
    `);
  });

  it('rulings are the office\'s: judgements, overrides, corrections in an evidence file are refused, each at its key', () => {
    const c = checkEvidenceText(
      compiled,
      evidence(yaml`
        facts: { trainings: 60 }
        judgements:
          "2": { score: 20, reason: 办理规范, by: 县政务公开办 }
        overrides:
          "1": { score: 40, reason: 制度健全, by: 县政务公开办 }
        corrections: { trainings: { value: 3, reason: 核实, by: 县政务公开办 } }
      `),
    );
    // Every other problem is still reported (the trainings value out of range).
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'FACT_OUT_OF_RANGE', line: 4, column: 21, path: 'facts.trainings' },
      { code: 'RULING_IN_EVIDENCE', line: 5, column: 1, path: 'judgements' },
      { code: 'RULING_IN_EVIDENCE', line: 7, column: 1, path: 'overrides' },
      { code: 'RULING_IN_EVIDENCE', line: 9, column: 1, path: 'corrections' },
    ]);
    expect(c.text).toMatchInlineSnapshot(`
      "evidence.yaml:4:21 错误 FACT_OUT_OF_RANGE facts.trainings:事实 "trainings" 的值 60 超出允许范围 [0, 50]
        4 | facts: { trainings: 60 }
          |                     ^
      evidence.yaml:5:1 错误 RULING_IN_EVIDENCE judgements:证据材料由单位填写,不能包含政务公开办的评审意见("judgements"):请把它写入政务公开办的评审文件,评分时用 --review <评审文件> 指定
        5 | judgements:
          | ^
        提示：评审文件的写法见 README「评审文件」一节;zwgk init --review --rubric <细则> <证据> 可生成空白评审文件
      evidence.yaml:7:1 错误 RULING_IN_EVIDENCE overrides:证据材料由单位填写,不能包含政务公开办的改定分("overrides"):请把它写入政务公开办的评审文件,评分时用 --review <评审文件> 指定
        7 | overrides:
          | ^
        提示：评审文件的写法见 README「评审文件」一节;zwgk init --review --rubric <细则> <证据> 可生成空白评审文件
      evidence.yaml:9:1 错误 RULING_IN_EVIDENCE corrections:证据材料由单位填写,不能包含政务公开办的事实更正("corrections"):请把它写入政务公开办的评审文件,评分时用 --review <评审文件> 指定
        9 | corrections: { trainings: { value: 3, reason: 核实, by: 县政务公开办 } }
          | ^
        提示：评审文件的写法见 README「评审文件」一节;zwgk init --review --rubric <细则> <证据> 可生成空白评审文件
      共 4 个错误，0 个警告"
    `);
  });

  it('not applicable declared for an item that may not be, and for an unknown item', () => {
    const c = checkEvidenceText(
      compiled,
      evidence(yaml`
        notApplicable:
          - { node: "3", reason: 本单位无年报编制任务 }
          - { node: "1", reason: 无此职能 }
          - { node: "5", reason: 无此职能 }
      `),
    );
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'NOT_APPLICABLE_NOT_ALLOWED', line: 6, column: 13, path: 'notApplicable[1].node' },
      { code: 'UNKNOWN_NODE', line: 7, column: 13, path: 'notApplicable[2].node' },
    ]);
    expect(c.text).toMatchInlineSnapshot(`
      "evidence.yaml:6:13 错误 NOT_APPLICABLE_NOT_ALLOWED notApplicable[1].node:节点 "1" 不允许声明为不适用
        6 |   - { node: "1", reason: 无此职能 }
          |             ^
        提示：只有细则注明可作合理缺项(mayBeNotApplicable: true)的项目才能声明不适用
      evidence.yaml:7:13 错误 UNKNOWN_NODE notApplicable[2].node:未定义的节点 "5"
        7 |   - { node: "5", reason: 无此职能 }
          |             ^
      共 2 个错误，0 个警告"
    `);
  });
});

describe('the shape of the evidence file', () => {
  it('missing, mistyped and misspelt fields are all reported', () => {
    const c = checkEvidenceText(
      compiled,
      yaml`
        rubric: { id: demo-2024, version: 2024.1 }
        agency: { name: 测试局 }
        period: { year: "2024" }
        claim:
          "1": 40
      `,
    );
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'SCHEMA_INVALID', line: 1, column: 35, path: 'rubric.version' },
      { code: 'SCHEMA_INVALID', line: 2, column: 9, path: 'agency.code' },
      { code: 'SCHEMA_INVALID', line: 3, column: 17, path: 'period.year' },
      { code: 'UNKNOWN_KEY', line: 4, column: 1, path: 'claim' },
    ]);
    expect(c.text).toMatchInlineSnapshot(`
      "evidence.yaml:1:35 错误 SCHEMA_INVALID rubric.version:"version" 应为文本,实际为数字 2024.1
        1 | rubric: { id: demo-2024, version: 2024.1 }
          |                                   ^
        提示：请加上引号,写成 "2024.1"
      evidence.yaml:2:9 错误 SCHEMA_INVALID agency.code:缺少必填字段 "code"(应为文本)
        2 | agency: { name: 测试局 }
          |         ^
      evidence.yaml:3:17 错误 SCHEMA_INVALID period.year:"year" 应为数字,实际为文本 "2024"
        3 | period: { year: "2024" }
          |                 ^
      evidence.yaml:4:1 错误 UNKNOWN_KEY claim:未知字段 "claim"
        4 | claim:
          | ^
        提示：是否想写 "claims"?
      共 4 个错误，0 个警告"
    `);
  });
});
