// The rubric's `checks:` section is validated like the rest of the rubric: every problem a positioned diagnostic.
import { describe, expect, it } from 'vitest';
import { bodyDiagnostics } from '../helpers/mechanism.js';

const body = (checks: string): string => `
total: 10
facts:
  received: { label: 收到申请数, type: integer }
  inPerson: { label: 当面申请数, type: integer }
  saysNone: { label: 正文称暂无申请, type: boolean }
  kind: { label: 类别, type: enum, values: [甲, 乙] }
checks:
${checks}
nodes:
  - id: "1"
    title: 项
    points: 10
    scoring: { method: binary, when: { fact: received, operator: greaterThanInclusive, value: 0 } }
`;

const brief = (checks: string) => bodyDiagnostics(body(checks)).map((d) => [d.code, d.path, d.line]);

describe('checks: semantic validation', () => {
  it('a sound section passes', () => {
    expect(brief(`  - { id: a, message: 和, sumEquals: { total: received, parts: [inPerson] } }
  - { id: b, message: 推断, implies: { if: { fact: saysNone, operator: equal, value: true }, then: { fact: received, operator: equal, value: 0 } } }
  - { id: c, message: 枚举, implies: { if: { fact: kind, operator: equal, value: 甲 }, then: { fact: received, operator: lessThan, value: 5 } } }`)).toEqual([]);
  });

  it.each([
    {
      name: 'unknown fact in a sum (with a suggestion)',
      checks: '  - { id: a, message: 和, sumEquals: { total: recieved, parts: [inPerson] } }',
      want: [['UNKNOWN_FACT', 'checks[0].sumEquals.total', 11]],
    },
    {
      name: 'unknown fact in an implies',
      checks: '  - { id: a, message: 推断, implies: { if: { fact: saysNone, operator: equal, value: true }, then: { fact: nope, operator: equal, value: 0 } } }',
      want: [['UNKNOWN_FACT', 'checks[0].implies.then.fact', 11]],
    },
    {
      name: 'arithmetic over a boolean fact',
      checks: '  - { id: a, message: 比较, lessOrEqual: [saysNone, received] }',
      want: [['OPERATOR_TYPE_MISMATCH', 'checks[0].lessOrEqual[0]', 11]],
    },
    {
      name: 'no assertion',
      checks: '  - { id: a, message: 空 }',
      want: [['SCHEMA_INVALID', 'checks[0].id', 11]],
    },
    {
      name: 'two assertions',
      checks: '  - { id: a, message: 两个, equal: [received, inPerson], lessOrEqual: [received, inPerson] }',
      want: [['SCHEMA_INVALID', 'checks[0].id', 11]],
    },
    {
      name: 'numbers only',
      checks: '  - { id: a, message: 常数, equal: [1, 1] }',
      want: [['SCHEMA_INVALID', 'checks[0].equal', 11]],
    },
    {
      name: 'value of the wrong type in an implies',
      checks: '  - { id: a, message: 推断, implies: { if: { fact: saysNone, operator: equal, value: 1 }, then: { fact: received, operator: equal, value: 0 } } }',
      want: [['VALUE_TYPE_MISMATCH', 'checks[0].implies.if.value', 11]],
    },
    {
      name: 'an enum value not in the list',
      checks: '  - { id: a, message: 推断, implies: { if: { fact: kind, operator: equal, value: 丙 }, then: { fact: received, operator: equal, value: 0 } } }',
      want: [['VALUE_TYPE_MISMATCH', 'checks[0].implies.if.value', 11]],
    },
    {
      name: 'ordering a boolean',
      checks: '  - { id: a, message: 推断, implies: { if: { fact: saysNone, operator: lessThan, value: true }, then: { fact: received, operator: equal, value: 0 } } }',
      want: [['OPERATOR_TYPE_MISMATCH', 'checks[0].implies.if.operator', 11]],
    },
    {
      name: 'tolerance on an implies',
      checks: '  - { id: a, message: 推断, tolerance: 1, implies: { if: { fact: saysNone, operator: equal, value: true }, then: { fact: received, operator: equal, value: 0 } } }',
      want: [['SCHEMA_INVALID', 'checks[0].tolerance', 11]],
    },
    {
      name: 'duplicate ids name the first line',
      checks: '  - { id: a, message: 一, equal: [received, inPerson] }\n  - { id: a, message: 二, equal: [received, inPerson] }',
      want: [['DUPLICATE_ID', 'checks[1].id', 12]],
    },
  ])('$name', ({ checks, want }) => {
    expect(brief(checks)).toEqual(want);
  });

  it('an unknown severity or key is a shape error', () => {
    expect(brief('  - { id: a, message: 和, severity: fatal, equal: [received, inPerson] }').map((x) => x[0])).toEqual(['SCHEMA_INVALID']);
    expect(brief('  - { id: a, message: 和, expr: "received == inPerson" }').map((x) => x[0])).toContain('UNKNOWN_KEY');
  });
});
