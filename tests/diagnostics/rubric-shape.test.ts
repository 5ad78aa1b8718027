// The first validation tier (zod): shapes and types of a rubric, turned into positioned Chinese diagnostics.
import { describe, expect, it } from 'vitest';
import { brief, checkRubricText, single, yaml } from '../helpers/diagnostics.js';

/** A valid one-node rubric; tests break one thing in it. */
const VALID = yaml`
  id: demo
  version: "2024.1"
  title: 测试细则
  facts:
    hasSystem: { label: 建立制度, type: boolean }
  nodes:
    - id: "1"
      title: 制度建设
      points: 100
      scoring:
        method: binary
        when: { fact: hasSystem, operator: equal, value: true }
`;

const breakIt = (from: string, to: string): string => {
  expect(VALID).toContain(from);
  return VALID.replace(from, to);
};

describe('the valid base rubric', () => {
  it('passes', () => {
    expect(checkRubricText(VALID).ok).toBe(true);
  });
});

describe('wrong types (SCHEMA_INVALID)', () => {
  it('text where a number belongs, at the value', () => {
    const c = checkRubricText(breakIt('title: 测试细则', 'title: 测试细则\ntotal: 一百').replace('points: 100', 'points: "100"'));
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'SCHEMA_INVALID', line: 4, column: 8, path: 'total' },
      { code: 'SCHEMA_INVALID', line: 10, column: 13, path: 'nodes[0].points' },
    ]);
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:4:8 错误 SCHEMA_INVALID total:"total" 应为数字,实际为文本 "一百"
        4 | total: 一百
          |        ^
      rubric.yaml:10:13 错误 SCHEMA_INVALID nodes[0].points:"points" 应为数字,实际为文本 "100"
        10 |     points: "100"
           |             ^
      共 2 个错误，0 个警告"
    `);
  });

  it('a number where text belongs (a version such as 2024.1) asks to quote it', () => {
    const c = checkRubricText(breakIt('version: "2024.1"', 'version: 2024.10'));
    expect(brief(single(c))).toEqual({ code: 'SCHEMA_INVALID', line: 2, column: 10, path: 'version' });
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:2:10 错误 SCHEMA_INVALID version:"version" 应为文本,实际为数字 2024.1
        2 | version: 2024.10
          |          ^
        提示：请加上引号,写成 "2024.10"
      共 1 个错误，0 个警告"
    `);
  });

  it('a mapping where a list belongs', () => {
    const c = checkRubricText(yaml`
      id: demo
      version: "1"
      title: 测试细则
      nodes:
        id: "1"
        title: 制度建设
    `);
    expect(brief(single(c))).toEqual({ code: 'SCHEMA_INVALID', line: 5, column: 3, path: 'nodes' });
    expect(c.diagnostics[0]!.message).toBe('"nodes" 应为列表,实际为映射');
  });

  it('an empty file and a file that is a single word', () => {
    const empty = checkRubricText('# 只有注释\n');
    expect(brief(single(empty))).toEqual({ code: 'SCHEMA_INVALID', line: 1, column: 1, path: '' });
    expect(empty.text).toMatchInlineSnapshot(`
      "rubric.yaml:1:1 错误 SCHEMA_INVALID:文件内容为空(或只有注释)
        1 | # 只有注释
          | ^
      共 1 个错误，0 个警告"
    `);
    expect(checkRubricText('细则\n').diagnostics[0]!.message).toBe('文件顶层应为"键: 值"形式的映射,实际为文本 "细则"');
  });

  it('a value outside a closed list, with a suggestion', () => {
    const c = checkRubricText(breakIt('type: boolean', 'type: bool').replace('points: 100', 'points: 100\n    kind: bonsu'));
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'SCHEMA_INVALID', line: 5, column: 35, path: 'facts.hasSystem.type' },
      { code: 'SCHEMA_INVALID', line: 10, column: 11, path: 'nodes[0].kind' },
    ]);
    expect(c.diagnostics.map((d) => d.hint)).toEqual(['是否想写 "boolean"?', '是否想写 "bonus"?']);
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:5:35 错误 SCHEMA_INVALID facts.hasSystem.type:"type" 的值 文本 "bool" 无效,应为以下之一:"boolean"、"integer"、"number"、"percent"、"date"、"enum"、"text"、"list"
        5 |   hasSystem: { label: 建立制度, type: bool }
          |                                       ^
        提示：是否想写 "boolean"?
      rubric.yaml:10:11 错误 SCHEMA_INVALID nodes[0].kind:"kind" 的值 文本 "bonsu" 无效,应为以下之一:"score"、"bonus"、"penalty"
        10 |     kind: bonsu
           |           ^
        提示：是否想写 "bonus"?
      共 2 个错误，0 个警告"
    `);
  });

  it('an unknown scoring method, with a suggestion', () => {
    const c = checkRubricText(breakIt('method: binary', 'method: binray'));
    const d = single(c);
    expect(brief(d)).toEqual({ code: 'SCHEMA_INVALID', line: 11, column: 15, path: 'nodes[0].scoring.method' });
    expect(d.message).toContain('"binary"、"clauses"、"levels"');
    expect(d.hint).toBe('是否想写 "binary"?');
  });

  it('a fact id that is not an identifier, at the key and at its use', () => {
    const c = checkRubricText(VALID.replaceAll('hasSystem', 'has-system'));
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'SCHEMA_INVALID', line: 5, column: 3, path: 'facts["has-system"]' },
      { code: 'SCHEMA_INVALID', line: 12, column: 21, path: 'nodes[0].scoring.when.fact' },
    ]);
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:5:3 错误 SCHEMA_INVALID facts["has-system"]:键名 "has-system" 无效:事实/参数编号只能使用英文字母、数字和下划线,且不能以数字开头
        5 |   has-system: { label: 建立制度, type: boolean }
          |   ^
      rubric.yaml:12:21 错误 SCHEMA_INVALID nodes[0].scoring.when.fact:事实/参数编号只能使用英文字母、数字和下划线,且不能以数字开头(实际为 文本 "has-system")
        12 |       when: { fact: has-system, operator: equal, value: true }
           |                     ^
      共 2 个错误，0 个警告"
    `);
  });
});

describe('missing and unknown keys (SCHEMA_INVALID, UNKNOWN_KEY)', () => {
  it('a required key that is missing points at the mapping that lacks it', () => {
    const c = checkRubricText(breakIt('    title: 制度建设\n', ''));
    expect(brief(single(c))).toEqual({ code: 'SCHEMA_INVALID', line: 7, column: 5, path: 'nodes[0].title' });
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:7:5 错误 SCHEMA_INVALID nodes[0].title:缺少必填字段 "title"(应为文本)
        7 |   - id: "1"
          |     ^
      共 1 个错误，0 个警告"
    `);
  });

  it('a misspelt key gets "did you mean" (pionts → points)', () => {
    const c = checkRubricText(breakIt('points: 100', 'pionts: 100'));
    const d = single(c);
    expect(brief(d)).toEqual({ code: 'UNKNOWN_KEY', line: 9, column: 5, path: 'nodes[0].pionts' });
    expect(d.hint).toBe('是否想写 "points"?');
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:9:5 错误 UNKNOWN_KEY nodes[0].pionts:未知字段 "pionts"
        9 |     pionts: 100
          |     ^
        提示：是否想写 "points"?
      共 1 个错误，0 个警告"
    `);
  });

  it('a misspelt required key is reported once, as the typo (not also as "missing title")', () => {
    const c = checkRubricText(breakIt('    title: 制度建设', '    titel: 制度建设'));
    expect(c.diagnostics.map(brief)).toEqual([{ code: 'UNKNOWN_KEY', line: 8, column: 5, path: 'nodes[0].titel' }]);
    expect(c.diagnostics[0]!.hint).toBe('是否想写 "title"?');
  });

  it('a misspelt key inside a condition (a union of shapes) suggests from every shape', () => {
    const op = checkRubricText(breakIt('operator: equal', 'operater: equal'));
    expect(op.diagnostics.map(brief)).toEqual([{ code: 'UNKNOWN_KEY', line: 12, column: 32, path: 'nodes[0].scoring.when.operater' }]);
    expect(op.diagnostics[0]!.hint).toBe('是否想写 "operator"?');

    const all = checkRubricText(breakIt('when: { fact: hasSystem, operator: equal, value: true }', 'when:\n          alll:\n            - { fact: hasSystem, operator: equal, value: true }'));
    expect(all.diagnostics.map(brief)).toEqual([{ code: 'UNKNOWN_KEY', line: 13, column: 11, path: 'nodes[0].scoring.when.alll' }]);
    expect(all.text).toMatchInlineSnapshot(`
      "rubric.yaml:13:11 错误 UNKNOWN_KEY nodes[0].scoring.when.alll:未知字段 "alll"
        13 |           alll:
           |           ^
        提示：是否想写 "all"?
      共 1 个错误，0 个警告"
    `);
  });

  it('an unknown key with nothing close lists the allowed keys', () => {
    const c = checkRubricText(breakIt('title: 测试细则', 'title: 测试细则\n备注: 无'));
    expect(brief(single(c))).toEqual({ code: 'UNKNOWN_KEY', line: 4, column: 1, path: '["备注"]' });
    expect(c.diagnostics[0]!.hint).toMatch(/^允许的字段:id、version、title、/);
  });
});

describe('ids must be quoted (ID_NOT_STRING)', () => {
  it('an unquoted 1.10 is read as the number 1.1: asks to quote it as written', () => {
    const c = checkRubricText(breakIt('- id: "1"', '- id: 1.10'));
    const d = single(c);
    expect(brief(d)).toEqual({ code: 'ID_NOT_STRING', line: 7, column: 9, path: 'nodes[0].id' });
    expect(d).toMatchObject({ actual: '1.10', expected: '1.10' });
    expect(c.text).toMatchInlineSnapshot(`
      "rubric.yaml:7:9 错误 ID_NOT_STRING nodes[0].id:编号必须是字符串:请给 1.10 加上引号,写成 "1.10"
        7 |   - id: 1.10
          |         ^
        提示：YAML 会把不带引号的 1.10 读成数字 1.1
      共 1 个错误，0 个警告"
    `);
  });

  it('an unquoted whole number as an id, and an unquoted veto target', () => {
    const c = checkRubricText(
      breakIt('- id: "1"', '- id: 1').replace(
        'nodes:',
        'vetoes:\n  - { id: leak, title: 失泄密, when: { fact: hasSystem, operator: equal, value: false }, target: 1.0, reason: 发生失泄密 }\nnodes:',
      ),
    );
    expect(c.diagnostics.map(brief)).toEqual([
      { code: 'ID_NOT_STRING', line: 7, column: 95, path: 'vetoes[0].target' },
      { code: 'ID_NOT_STRING', line: 9, column: 9, path: 'nodes[0].id' },
    ]);
    expect(c.diagnostics.map((d) => d.hint)).toEqual(['YAML 会把不带引号的 1.0 读成数字 1', '编号一律加引号,以免 1.10 这样的编号被读成数字 1.1']);
  });
});
