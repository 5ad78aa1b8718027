// Rubric validation of statistics-table rows (statRow / statTables): each mistake an author can make is one
// positioned Chinese diagnostic naming the fact and the row.
import { describe, expect, it } from 'vitest';
import { checkRubricText, single, yaml } from '../helpers/diagnostics.js';
import { SMALL_RUBRIC } from './annex-view.test.js';
import { rowNamedInSource } from '../../src/validate/check-stat-tables.js';

/** SMALL_RUBRIC with one line replaced (the line must exist). */
function edit(from: string, to: string): string {
  expect(SMALL_RUBRIC).toContain(from);
  return SMALL_RUBRIC.replace(from, to);
}

describe('statRow and statTables validation', () => {
  it('the valid rubric passes', () => {
    expect(checkRubricText(SMALL_RUBRIC).ok).toBe(true);
  });

  it.each([
    [
      'an undeclared table (with a did-you-mean)',
      edit('statRow: { table: 附件2, row: 6 }', 'statRow: { table: 附件3, row: 6 }'),
      'facts.fees.statRow.table',
      /统计表 附件3 未在 statTables 中声明（已声明：附件2）/,
    ],
    [
      'two facts on one row',
      edit('statRow: { table: 附件2, row: 6 }', 'statRow: { table: 附件2, row: 5 }'),
      'facts.hall.statRow.row',
      /统计表 附件2 第5行已由事实「fees」使用，事实「hall」不能再用同一行/,
    ],
    [
      'a fact on a heading row',
      edit('statRow: { table: 附件2, row: 6 }', 'statRow: { table: 附件2, row: 4 }'),
      'facts.fees.statRow.row',
      /第4行已由标题行「二、其他情况」使用/,
    ],
    [
      'source naming another row than statRow',
      edit('source: 附件2 第2行', 'source: 附件2 第12行'),
      'facts.total.statRow.row',
      /source 写「附件2 第12行」，与 statRow 的第2行不一致/,
    ],
  ])('%s', (_what, text, path, message) => {
    const d = single(checkRubricText(text));
    expect(d.code).toBe('SCHEMA_INVALID');
    expect(d.path).toBe(path);
    expect(d.message).toMatch(message);
    expect(d.line).toBeGreaterThan(0);
  });

  it('a statRow without any statTables says to declare the table', () => {
    const text = yaml`
      id: x
      version: "1"
      title: 示例
      facts:
        a: { label: 甲, type: integer, statRow: { table: 附件2, row: 1 } }
      nodes:
        - { id: "1", title: 甲, points: 100, scoring: { method: binary, when: { fact: a, operator: greaterThan, value: 0 } } }
    `;
    const d = single(checkRubricText(text));
    expect(d.message).toContain('细则没有声明统计表：请在 statTables 中写明 附件2 的标题');
    expect(d.line).toBe(5);
  });

  it('a derived fact cannot fill a row', () => {
    const text = edit('  fees:\n', '  sum:\n    label: 合计\n    type: integer\n    derive: { sum: [total, docs] }\n    statRow: { table: 附件2, row: 8 }\n  fees:\n');
    const d = single(checkRubricText(text));
    expect(d.path).toBe('facts.sum.statRow');
    expect(d.message).toContain('派生事实「sum」由细则自动计算，不能对应统计表的行');
  });

  it.each([
    // statRow shape: row a positive integer, text non-empty, no unknown keys
    ['statRow: { table: 附件2, row: 6 }', 'statRow: { table: 附件2, row: 0 }'],
    ['statRow: { table: 附件2, row: 6 }', 'statRow: { table: 附件2, row: 6.5 }'],
    ['statRow: { table: 附件2, row: 6 }', 'statRow: { table: 附件2, row: 6, line: 6 }'],
    ['statRow: { table: 附件2, row: 6 }', 'statRow: 附件2 第6行'],
    ['- { row: 1, text: "一、主动公开情况", unit: "—" }', '- { row: 1 }'],
  ])('refuses a malformed %s → %s', (from, to) => {
    const r = checkRubricText(edit(from, to));
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.line).toBeGreaterThan(0);
  });

  it.each([
    ['附件2 第63行', '附件2', 63],
    ['附件2第 7 行', '附件2', 7],
    ['自评材料', '附件2', null],
    ['附件3 第2行', '附件2', null],
    [undefined, '附件2', null],
  ] as const)('rowNamedInSource(%j, %s) = %j', (source, table, want) => {
    expect(rowNamedInSource(source, table)).toBe(want);
  });
});
