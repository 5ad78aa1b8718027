// The second validation tier: what a shape-valid rubric means — references, operators, points, weights, order,
// paths, cycles and overlapping deductions. Every problem is collected, each pointing into the YAML.
import { describe, expect, it } from 'vitest';
import { brief, checkRubricText, single, yaml } from '../helpers/diagnostics.js';

const HEAD = yaml`
  id: demo
  version: "1"
  title: 测试细则
  parameters:
    minTrainings: { label: 每年至少培训次数, value: 1, unit: 次 }
  facts:
    hasSystem: { label: 建立制度, type: boolean }
    trainings: { label: 举办培训班次数, type: integer, min: 0, unit: 次 }
    level: { label: 评价等级, type: enum, values: [优, 良, 差] }
    reportDate: { label: 年报公开日期, type: date }
    monthly: { label: 每月发布条数, type: list, items: integer }
`;
// HEAD is lines 1–11; bodies start on line 12.
const rubric = (body: string): string => HEAD + body;
// The top level must add up to `total` (100): tests about one item append a filler sibling after the lines under test.
const filler = (points: number): string => `  - { id: "9", title: 其他, points: ${points}, scoring: { method: judgement } }\n`;


describe('references (UNKNOWN_FACT, UNKNOWN_PARAMETER, UNKNOWN_NODE)', () => {
  it('an unknown fact in a condition, with a suggestion', () => {
    const c = checkRubricText(rubric(yaml`
      nodes:
        - id: "1"
          title: 制度建设
          points: 100
          scoring:
            method: binary
            when: { fact: hasSytem, operator: equal, value: true }
    `));
    const d = single(c);
    expect(brief(d)).toEqual({ code: 'UNKNOWN_FACT', line: 18, column: 21, path: 'nodes[0].scoring.when.fact' });
    expect(d.hint).toBe('是否想写 "hasSystem"?');
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:18:21 错误 UNKNOWN_FACT nodes[0].scoring.when.fact:未定义的事实 "hasSytem"
        18 |       when: { fact: hasSytem, operator: equal, value: true }
           |                     ^
        提示：是否想写 "hasSystem"?
      共 1 个错误，0 个警告"
    `);
  });

  it('an unknown fact read by a scoring method and by a derived fact', () => {
    const c = checkRubricText(
      HEAD.replace('facts:\n', 'facts:\n  total: { label: 合计, type: integer, derive: { sum: [trainings, trainigs] } }\n') +
        yaml`
          nodes:
            - id: "1"
              title: 培训
              points: 100
              scoring: { method: percent, fact: trainingRate }
        `,
    );
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'UNKNOWN_FACT', line: 7, column: 65, path: 'facts.total.derive.sum' },
      { code: 'UNKNOWN_FACT', line: 17, column: 39, path: 'nodes[0].scoring.fact' },
    ]);
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:7:65 错误 UNKNOWN_FACT facts.total.derive.sum:未定义的事实 "trainigs"
        7 |   total: { label: 合计, type: integer, derive: { sum: [trainings, trainigs] } }
          |                                                                   ^
        提示：是否想写 "trainings"?
      rubric.yaml:17:39 错误 UNKNOWN_FACT nodes[0].scoring.fact:未定义的事实 "trainingRate"
        17 |     scoring: { method: percent, fact: trainingRate }
           |                                       ^
        提示：是否想写 "trainings"?
      共 2 个错误，0 个警告"
    `);
  });

  it('an unknown parameter is reported once, with a suggestion', () => {
    const c = checkRubricText(rubric(yaml`
      nodes:
        - id: "1"
          title: 培训
          points: 100
          scoring:
            method: binary
            when: { fact: trainings, operator: greaterThanInclusive, value: { param: minTraining } }
    `));
    const d = single(c);
    expect(brief(d)).toEqual({ code: 'UNKNOWN_PARAMETER', line: 18, column: 80, path: 'nodes[0].scoring.when.value.param' });
    expect(d.hint).toBe('是否想写 "minTrainings"?');
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:18:80 错误 UNKNOWN_PARAMETER nodes[0].scoring.when.value.param:未定义的参数 "minTraining"
        18 |       when: { fact: trainings, operator: greaterThanInclusive, value: { param: minTraining } }
           |                                                                                ^
        提示：是否想写 "minTrainings"?
      共 1 个错误，0 个警告"
    `);
  });

  it('a veto whose target is not a node, and a bonus whose eligibility reads an unknown node', () => {
    const c = checkRubricText(rubric(yaml`
      vetoes:
        - id: leak
          title: 发生失泄密
          when: { fact: hasSystem, operator: equal, value: false }
          target: "1.2"
          reason: 发生政府信息公开失泄密
      nodes:
        - id: "1"
          title: 组织领导
          points: 100
          children:
            - id: "1.1"
              title: 制度
              points: 100
              scoring: { method: binary, when: { fact: hasSystem, operator: equal, value: true } }
        - id: "9"
          title: 加分项
          kind: bonus
          points: 5
          eligibleIf: { node: "l", atLeast: 80 }
          scoring: { method: perOccurrence, per: { fact: trainings }, each: 1, max: 5 }
    `));
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'UNKNOWN_NODE', line: 16, column: 13, path: 'vetoes[0].target' },
      { code: 'UNKNOWN_NODE', line: 31, column: 25, path: 'nodes[1].eligibleIf.node' },
    ]);
    expect(c.diagnostics[0]!.hint).toBe('是否想写 "1.1"?');
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:16:13 错误 UNKNOWN_NODE vetoes[0].target:未定义的节点 "1.2"
        16 |     target: "1.2"
           |             ^
        提示：是否想写 "1.1"?
      rubric.yaml:31:25 错误 UNKNOWN_NODE nodes[1].eligibleIf.node:未定义的节点 "l"
        31 |     eligibleIf: { node: "l", atLeast: 80 }
           |                         ^
      共 2 个错误，0 个警告"
    `);
  });
});

describe('operators and compared values (UNKNOWN_OPERATOR, OPERATOR_TYPE_MISMATCH, VALUE_TYPE_MISMATCH)', () => {
  const leaf = (when: string): string =>
    rubric(yaml`
      nodes:
        - id: "1"
          title: 培训
          points: 100
          scoring:
            method: binary
            when: ${when}
    `);

  it('an unknown operator: a close spelling, or the operator an abbreviation means', () => {
    const typo = checkRubricText(leaf('{ fact: trainings, operator: greaterThanInclusiv, value: 1 }'));
    expect(brief(single(typo))).toEqual({ code: 'UNKNOWN_OPERATOR', line: 18, column: 42, path: 'nodes[0].scoring.when.operator' });
    expect(typo.text).toMatchInlineSnapshot(`
      "rubric.yaml:18:42 错误 UNKNOWN_OPERATOR nodes[0].scoring.when.operator:未知的运算符 "greaterThanInclusiv"
        18 |       when: { fact: trainings, operator: greaterThanInclusiv, value: 1 }
           |                                          ^
        提示：是否想写 "greaterThanInclusive"?
      共 1 个错误，0 个警告"
    `);
    const abbreviations = ['eq', '>=', '不低于', 'lte'].map((op) => single(checkRubricText(leaf(`{ fact: trainings, operator: "${op}", value: 1 }`))).hint);
    expect(abbreviations).toEqual(['是否想写 "equal"?', '是否想写 "greaterThanInclusive"?', '是否想写 "greaterThanInclusive"?', '是否想写 "lessThanInclusive"?']);
  });

  it('an operator that does not fit the fact type, listing the ones that do', () => {
    const c = checkRubricText(leaf('{ fact: reportDate, operator: lessThan, value: "2024-01-31" }'));
    const d = single(c);
    expect(brief(d)).toEqual({ code: 'OPERATOR_TYPE_MISMATCH', line: 18, column: 43, path: 'nodes[0].scoring.when.operator' });
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:18:43 错误 OPERATOR_TYPE_MISMATCH nodes[0].scoring.when.operator:运算符 "lessThan" 不适用于 date 类型的事实
        18 |       when: { fact: reportDate, operator: lessThan, value: "2024-01-31" }
           |                                           ^
        提示：date 类型可用的运算符:equal、notEqual、in、notIn、dateBefore、dateOnOrBefore、dateAfter、dateOnOrAfter
      共 1 个错误，0 个警告"
    `);
  });

  it('a scoring method that needs a number, given a yes/no fact', () => {
    const c = checkRubricText(rubric('nodes:\n  - { id: "1", title: 制度, points: 100, scoring: { method: percent, fact: hasSystem } }\n'));
    expect(brief(single(c))).toEqual({ code: 'OPERATOR_TYPE_MISMATCH', line: 13, column: 74, path: 'nodes[0].scoring.fact' });
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:13:74 错误 OPERATOR_TYPE_MISMATCH nodes[0].scoring.fact:计分方法 "percent" 不适用于 boolean 类型的事实
        13 |   - { id: "1", title: 制度, points: 100, scoring: { method: percent, fact: hasSystem } }
           |                                                                            ^
        提示：计分方法 percent 读取的事实 "hasSystem" 须为数值型(integer、number 或 percent)
      共 1 个错误，0 个警告"
    `);
  });

  it('a compared value of the wrong type: a quoted number, a value outside the enum, a date not written YYYY-MM-DD', () => {
    const quoted = checkRubricText(leaf('{ fact: trainings, operator: greaterThanInclusive, value: "1" }'));
    expect(brief(single(quoted))).toEqual({ code: 'VALUE_TYPE_MISMATCH', line: 18, column: 71, path: 'nodes[0].scoring.when.value' });
    expect(quoted.text).toMatchInlineSnapshot(`
      "rubric.yaml:18:71 错误 VALUE_TYPE_MISMATCH nodes[0].scoring.when.value:比较值 "1" 与事实类型不符,应为数字
        18 |       when: { fact: trainings, operator: greaterThanInclusive, value: "1" }
           |                                                                       ^
        提示：去掉引号,写成 value: 1
      共 1 个错误，0 个警告"
    `);
    const enumValue = single(checkRubricText(leaf('{ fact: level, operator: equal, value: 优秀 }')));
    expect(enumValue.message).toBe('比较值 "优秀" 与事实类型不符,应为以下之一:优、良、差');
    const date = single(checkRubricText(leaf('{ fact: reportDate, operator: dateOnOrBefore, value: "1月31日" }')));
    expect(date.message).toBe('比较值 "1月31日" 与事实类型不符,应为日期 YYYY-MM-DD');
  });

  it('a path that is not a plain property path (INVALID_PATH)', () => {
    const c = checkRubricText(leaf('{ fact: monthly, path: "$..[?(@.x)]", operator: greaterThanInclusive, value: 40 }'));
    const d = single(c);
    expect(brief(d)).toEqual({ code: 'INVALID_PATH', line: 18, column: 36, path: 'nodes[0].scoring.when.path' });
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:18:36 错误 INVALID_PATH nodes[0].scoring.when.path:path 只能是简单属性路径(如 $.a.b 或 $.items[0]),不能是 "$..[?(@.x)]"
        18 |       when: { fact: monthly, path: "$..[?(@.x)]", operator: greaterThanInclusive, value: 40 }
           |                                    ^
      共 1 个错误，0 个警告"
    `);
  });

  it('an empty all/any group (EMPTY_CONDITION), which json-rules-engine would treat as always true', () => {
    const c = checkRubricText(leaf('{ any: [] }'));
    expect(brief(single(c))).toEqual({ code: 'EMPTY_CONDITION', line: 18, column: 13, path: 'nodes[0].scoring.when' });
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:18:13 错误 EMPTY_CONDITION nodes[0].scoring.when:条件组为空:空的 all/any 永远成立,请至少写一个条件
        18 |       when: { any: [] }
           |             ^
      共 1 个错误，0 个警告"
    `);
  });
});

describe('points, weights and order (POINTS_MISMATCH, WEIGHTS_INVALID, LEVELS_UNORDERED, GRADES_UNORDERED, AMOUNT_EXCEEDS_POINTS)', () => {
  const two = (a: string, b: string, parent = 'points: 100'): string =>
    rubric(yaml`
      nodes:
        - id: "1"
          title: 组织领导
          ${parent}
          children:
            - { id: "1.1", title: 甲, ${a}, scoring: { method: binary, when: { fact: hasSystem, operator: equal, value: true } } }
            - { id: "1.2", title: 乙, ${b}, scoring: { method: binary, when: { fact: hasSystem, operator: equal, value: true } } }
    `);

  it("children's points that do not add up to the parent's", () => {
    const c = checkRubricText(two('points: 60', 'points: 30'));
    expect(brief(single(c))).toEqual({ code: 'POINTS_MISMATCH', line: 15, column: 13, path: 'nodes[0].points' });
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:15:13 错误 POINTS_MISMATCH nodes[0].points:下级分值合计 90 与本级分值 100 不一致(如属扣分项、加分项或按权重计分,请声明)
        15 |     points: 100
           |             ^
      共 1 个错误，0 个警告"
    `);
    const over = single(checkRubricText(two('points: 60', 'points: 50')));
    expect(over.hint).toBe('若下级合计允许超过本级、由本级封顶,请写 overflow: cap');
  });

  it("children's weights that do not total 100%, and mixed-source weights that do not either", () => {
    const c = checkRubricText(two('weight: 60', 'weight: 30'));
    expect(brief(single(c))).toEqual({ code: 'WEIGHTS_INVALID', line: 16, column: 5, path: 'nodes[0].children' });
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:16:5 错误 WEIGHTS_INVALID nodes[0].children:下级权重合计 90%,应为 100%
        16 |     children:
           |     ^
      共 1 个错误，0 个警告"
    `);
    const weighted = checkRubricText(
      HEAD.replace('facts:\n', 'facts:\n  online: { label: 网上考核得分率, type: percent }\n  onsite: { label: 现场考核得分率, type: percent }\n') +
        'nodes:\n  - id: "1"\n    title: 综合\n    points: 100\n    scoring:\n      method: weighted\n      inputs:\n        - { fact: online, weight: 80 }\n        - { fact: onsite, weight: 30 }\n',
    );
    expect(brief(single(weighted))).toEqual({ code: 'WEIGHTS_INVALID', line: 20, column: 7, path: 'nodes[0].scoring.inputs' });
    expect(weighted.diagnostics[0]!.message).toBe('下级权重合计 110%,应为 100%');
  });

  it('levels not from highest to lowest', () => {
    const c = checkRubricText(rubric(yaml`
      nodes:
        - id: "1"
          title: 培训
          points: 10
          scoring:
            method: levels
            levels:
              - { label: 良, points: 8, when: { fact: trainings, operator: greaterThanInclusive, value: 1 } }
              - { label: 优, points: 10, when: { fact: trainings, operator: greaterThanInclusive, value: 3 } }
              - { label: 差, points: 0 }
    ` + filler(90)));
    expect(brief(single(c))).toEqual({ code: 'LEVELS_UNORDERED', line: 20, column: 11, path: 'nodes[0].scoring.levels[1]' });
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:20:11 错误 LEVELS_UNORDERED nodes[0].scoring.levels[1]:等级须按分值从高到低排列:"优" 的分值高于前一等级
        20 |         - { label: 优, points: 10, when: { fact: trainings, operator: greaterThanInclusive, value: 3 } }
           |           ^
      共 1 个错误，0 个警告"
    `);
  });

  it('grade bands not from highest to lowest', () => {
    const c = checkRubricText(
      HEAD.replace('parameters:', 'grades:\n  - { name: 合格, min: 60 }\n  - { name: 优秀, min: 90 }\n  - { name: 不合格, min: 0 }\nparameters:') +
        'nodes:\n  - { id: "1", title: 制度, points: 100, scoring: { method: binary, when: { fact: hasSystem, operator: equal, value: true } } }\n',
    );
    expect(brief(single(c))).toEqual({ code: 'GRADES_UNORDERED', line: 6, column: 5, path: 'grades[1]' });
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:6:5 错误 GRADES_UNORDERED grades[1]:等次须按下限从高到低排列
        6 |   - { name: 优秀, min: 90 }
          |     ^
      共 1 个错误，0 个警告"
    `);
  });

  it('top-level items that do not add up to the total', () => {
    const c = checkRubricText(rubric(yaml`
      nodes:
        - { id: "1", title: 制度, points: 60, scoring: { method: binary, when: { fact: hasSystem, operator: equal, value: true } } }
        - { id: "2", title: 培训, points: 30, scoring: { method: judgement } }
        - { id: "3", title: 加分, kind: bonus, points: 10, scoring: { method: judgement } }
    `));
    // 60 + 30 = 90 ≠ total 100 (the bonus item is outside the total); total is defaulted, so the root is blamed.
    const d = single(c);
    expect(d.code).toBe('POINTS_MISMATCH');
    expect(d.actual).toBe('90');
    expect(d.expected).toBe('100');
    const fixed = checkRubricText(rubric(yaml`
      nodes:
        - { id: "1", title: 制度, points: 70, scoring: { method: binary, when: { fact: hasSystem, operator: equal, value: true } } }
        - { id: "2", title: 培训, points: 30, scoring: { method: judgement } }
        - { id: "3", title: 加分, kind: bonus, points: 10, scoring: { method: judgement } }
    `));
    expect(fixed.ok).toBe(true);
  });

  it('clauses worth more than the item', () => {
    const c = checkRubricText(rubric(yaml`
      nodes:
        - id: "1"
          title: 网站标识
          points: 10
          scoring:
            method: clauses
            clauses:
              - { id: logo, title: 显示党政机关网站标识, percent: 50, when: { fact: hasSystem, operator: equal, value: true } }
              - { id: info, title: 可查看网站基本信息, percent: 60, when: { fact: hasSystem, operator: equal, value: true } }
    ` + filler(90)));
    expect(brief(single(c))).toEqual({ code: 'AMOUNT_EXCEEDS_POINTS', line: 18, column: 7, path: 'nodes[0].scoring.clauses' });
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:18:7 错误 AMOUNT_EXCEEDS_POINTS nodes[0].scoring.clauses:条款合计 11 超过本项分值 10
        18 |       clauses:
           |       ^
      共 1 个错误，0 个警告"
    `);
  });
});

describe('structure (DUPLICATE_ID, METHOD_NEEDS_LEAF, LEAF_NEEDS_SCORING, DERIVED_CYCLE, DEDUCTION_OVERLAP_UNDECLARED)', () => {
  it('a duplicate node id names the line of the first one', () => {
    const c = checkRubricText(rubric(yaml`
      nodes:
        - id: "1"
          title: 组织领导
          points: 50
          scoring: { method: binary, when: { fact: hasSystem, operator: equal, value: true } }
        - id: "1"
          title: 制度建设
          points: 50
          scoring: { method: binary, when: { fact: hasSystem, operator: equal, value: true } }
    `));
    const d = single(c);
    expect(brief(d)).toEqual({ code: 'DUPLICATE_ID', line: 17, column: 9, path: 'nodes[1].id' });
    expect(d.expected).toBe(13);
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:17:9 错误 DUPLICATE_ID nodes[1].id:节点编号 "1" 重复,首次出现在第 13 行
        17 |   - id: "1"
           |         ^
      共 1 个错误，0 个警告"
    `);
  });

  it('duplicate ids among vetoes, clauses and deductions also cite the first line', () => {
    const c = checkRubricText(rubric(yaml`
      vetoes:
        - { id: leak, title: 失泄密, when: { fact: hasSystem, operator: equal, value: false }, reason: 发生失泄密 }
        - { id: leak, title: 泄密, when: { fact: hasSystem, operator: equal, value: false }, reason: 发生泄密 }
      nodes:
        - id: "1"
          title: 网站
          points: 50
          scoring:
            method: clauses
            clauses:
              - { id: logo, title: 标识, points: 20, when: { fact: hasSystem, operator: equal, value: true } }
              - { id: logo, title: 信息, points: 20, when: { fact: hasSystem, operator: equal, value: true } }
        - id: "2"
          title: 年报
          points: 50
          scoring:
            method: deduct
            deductions:
              - { id: late, reason: 未及时公开, when: { fact: hasSystem, operator: equal, value: false }, amount: 2 }
              - { id: late, reason: 未按要素撰写, when: { fact: trainings, operator: lessThan, value: 1 }, amount: 2 }
    `));
    expect(c.diagnostics.map((d) => [d.code, d.line, d.path, d.expected])).toEqual([
      ['DUPLICATE_ID', 14, 'vetoes[1].id', 13],
      ['DUPLICATE_ID', 23, 'nodes[0].scoring.clauses[1].id', 22],
      ['DUPLICATE_ID', 31, 'nodes[1].scoring.deductions[1].id', 30],
    ]);
    expect(c.diagnostics.map((d) => d.message)).toEqual([
      '否决项编号 "leak" 重复,首次出现在第 13 行',
      '条款编号 "logo" 重复,首次出现在第 22 行',
      '扣分规则编号 "late" 重复,首次出现在第 30 行',
    ]);
  });

  it('a node with children and its own scoring method; a leaf without one', () => {
    const c = checkRubricText(rubric(yaml`
      nodes:
        - id: "1"
          title: 组织领导
          points: 50
          scoring: { method: binary, when: { fact: hasSystem, operator: equal, value: true } }
          children:
            - { id: "1.1", title: 甲, points: 50, scoring: { method: binary, when: { fact: hasSystem, operator: equal, value: true } } }
        - id: "2"
          title: 制度建设
          points: 50
    `));
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'METHOD_NEEDS_LEAF', line: 16, column: 5, path: 'nodes[0].scoring' },
      { code: 'LEAF_NEEDS_SCORING', line: 19, column: 9, path: 'nodes[1]' },
    ]);
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:16:5 错误 METHOD_NEEDS_LEAF nodes[0].scoring:含下级节点的节点不能再定义计分方法 scoring
        16 |     scoring: { method: binary, when: { fact: hasSystem, operator: equal, value: true } }
           |     ^
      rubric.yaml:19:9 错误 LEAF_NEEDS_SCORING nodes[1]:末级节点须定义计分方法 scoring
        19 |   - id: "2"
           |         ^
      共 2 个错误，0 个警告"
    `);
  });

  it('derived facts that depend on each other', () => {
    const c = checkRubricText(
      HEAD.replace(
        'facts:\n',
        'facts:\n  corrected: { label: 被纠错数, type: integer, derive: { difference: [cases, upheld] } }\n  upheld: { label: 维持数, type: integer, derive: { difference: [cases, corrected] } }\n  cases: { label: 案件数, type: integer }\n',
      ) + 'nodes:\n  - { id: "1", title: 纠错, points: 100, scoring: { method: binary, when: { fact: corrected, operator: equal, value: 0 } } }\n',
    );
    expect(brief(single(c))).toEqual({ code: 'DERIVED_CYCLE', line: 7, column: 52, path: 'facts.corrected.derive' });
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:7:52 错误 DERIVED_CYCLE facts.corrected.derive:派生事实存在循环引用:corrected → upheld → corrected
        7 |   corrected: { label: 被纠错数, type: integer, derive: { difference: [cases, upheld] } }
          |                                                        ^
      共 1 个错误，0 个警告"
    `);
  });

  it('two deductions reading the same fact, without saying whether they stack', () => {
    const c = checkRubricText(rubric(yaml`
      nodes:
        - id: "1"
          title: 信息发布数量
          points: 20
          scoring:
            method: deduct
            deductions:
              - { id: blank, reason: 出现空白月每月扣5分, per: { fact: trainings }, each: 5 }
              - { id: low, reason: 数量低于标准扣5分, when: { fact: trainings, operator: lessThan, value: 1 }, amount: 5 }
    ` + filler(80)));
    expect(brief(single(c))).toEqual({ code: 'DEDUCTION_OVERLAP_UNDECLARED', line: 18, column: 7, path: 'nodes[0].scoring.deductions' });
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:18:7 错误 DEDUCTION_OVERLAP_UNDECLARED nodes[0].scoring.deductions:扣分规则 blank、low 依据同一事实,可能对同一事件重复扣分,请用 overlap: stack(叠加)或 exclusive(同一次只扣一次)声明
        18 |       deductions:
           |       ^
        提示：它们都读取事实 "trainings"
      共 1 个错误，0 个警告"
    `);
  });
});

describe('validation collects every problem', () => {
  it('a rubric with three different errors reports all three, in file order', () => {
    const c = checkRubricText(rubric(yaml`
      nodes:
        - id: "1"
          title: 组织领导
          points: 100
          children:
            - id: "1.1"
              title: 甲
              points: 50
              scoring: { method: binary, when: { fact: hasSytem, operator: equal, value: true } }
            - id: "1.1"
              title: 乙
              points: 50
              scoring: { method: binary, when: { fact: trainings, operator: eq, value: 1 } }
    `));
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'UNKNOWN_FACT', line: 20, column: 50, path: 'nodes[0].children[0].scoring.when.fact' },
      { code: 'DUPLICATE_ID', line: 21, column: 13, path: 'nodes[0].children[1].id' },
      { code: 'UNKNOWN_OPERATOR', line: 24, column: 71, path: 'nodes[0].children[1].scoring.when.operator' },
    ]);
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:20:50 错误 UNKNOWN_FACT nodes[0].children[0].scoring.when.fact:未定义的事实 "hasSytem"
        20 |         scoring: { method: binary, when: { fact: hasSytem, operator: equal, value: true } }
           |                                                  ^
        提示：是否想写 "hasSystem"?
      rubric.yaml:21:13 错误 DUPLICATE_ID nodes[0].children[1].id:节点编号 "1.1" 重复,首次出现在第 17 行
        21 |       - id: "1.1"
           |             ^
      rubric.yaml:24:71 错误 UNKNOWN_OPERATOR nodes[0].children[1].scoring.when.operator:未知的运算符 "eq"
        24 |         scoring: { method: binary, when: { fact: trainings, operator: eq, value: 1 } }
           |                                                                       ^
        提示：是否想写 "equal"?
      共 3 个错误，0 个警告"
    `);
  });

  it('shape errors in different places are all reported too', () => {
    const c = checkRubricText(rubric(yaml`
      precision: 9
      nodes:
        - id: "1"
          titel: 组织领导
          points: -5
          scoring: { method: binary, when: { fact: hasSystem, operator: equal, value: true } }
    `));
    expect(c.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['SCHEMA_INVALID', 'precision'],
      ['UNKNOWN_KEY', 'nodes[0].titel'],
      ['SCHEMA_INVALID', 'nodes[0].points'],
    ]);
  });
});
