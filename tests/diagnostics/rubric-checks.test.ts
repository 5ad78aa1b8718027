// The rubric's `checks:` section (数据核验): what an author reads when a check is wrong, with file:line:col and caret.
import { describe, expect, it } from 'vitest';
import { checkRubricText, yaml } from '../helpers/diagnostics.js';

const rubric = (checks: string): string => yaml`
  id: r
  version: "1"
  title: 核验
  total: 10
  facts:
    received: { label: 收到申请数, type: integer }
    inPerson: { label: 当面申请数, type: integer }
    saysNone: { label: 正文称暂无申请, type: boolean }
  checks:
  ${checks}
  nodes:
    - { id: "1", title: 项, points: 10, scoring: { method: binary, when: { fact: received, operator: greaterThanInclusive, value: 0 } } }
`;

describe('checks: diagnostics as the author sees them', () => {
  it('an unknown fact (with a suggestion), a boolean in a sum and a value of the wrong type, all at once', () => {
    const c = checkRubricText(
      rubric(`  - { id: a, message: 合计, sumEquals: { total: recieved, parts: [inPerson, saysNone] } }
    - { id: b, message: 推断, implies: { if: { fact: saysNone, operator: equal, value: 是 }, then: { fact: received, operator: equal, value: 0 } } }`),
    );
    expect(c.diagnostics.map((d) => d.code)).toEqual(['UNKNOWN_FACT', 'OPERATOR_TYPE_MISMATCH', 'VALUE_TYPE_MISMATCH']);
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:10:47 错误 UNKNOWN_FACT checks[0].sumEquals.total:未定义的事实 "recieved"
        10 |   - { id: a, message: 合计, sumEquals: { total: recieved, parts: [inPerson, saysNone] } }
           |                                                 ^
        提示：是否想写 "received"?
      rubric.yaml:10:75 错误 OPERATOR_TYPE_MISMATCH checks[0].sumEquals.parts[1]:数据核验 "sumEquals" 不适用于 boolean 类型的事实
        10 |   - { id: a, message: 合计, sumEquals: { total: recieved, parts: [inPerson, saysNone] } }
           |                                                                             ^
        提示：sumEquals 只能读取数值型事实(integer、number 或 percent);是/否等事实请用 implies
      rubric.yaml:11:84 错误 VALUE_TYPE_MISMATCH checks[1].implies.if.value:比较值 "是" 与事实类型不符,应为布尔值(true/false)
        11 |   - { id: b, message: 推断, implies: { if: { fact: saysNone, operator: equal, value: 是 }, then: { fact: received, operator: equal, value: 0 } } }
           |                                                                                      ^
      共 3 个错误，0 个警告"
    `);
  });
});
