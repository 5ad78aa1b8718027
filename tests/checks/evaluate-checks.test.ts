// Declared consistency checks (勾稽关系): each shape evaluated on hand-made facts, exact decimals and tolerance,
// and the rule that a blank fact is not zero (not_assessable, never a silent pass or fail).
import { describe, expect, it } from 'vitest';
import { evaluateChecks, unresolvedFailures } from '../../src/checks/evaluate-checks.js';
import type { FactValues } from '../../src/evidence/derive-facts.js';
import { CheckSchema, type CheckInput } from '../../src/schema/check-schema.js';
import type { FactDef } from '../../src/schema/fact-schema.js';
import { scoreBody } from '../helpers/mechanism.js';

const FACTS: Record<string, FactDef> = {
  received: { label: '收到申请数', type: 'integer', unit: '件', source: '第21行' },
  inPerson: { label: '当面申请数', type: 'integer', unit: '件' },
  online: { label: '网络申请数', type: 'integer', unit: '件' },
  total: { label: '经费合计', type: 'number', unit: '万元' },
  partA: { label: '经费甲', type: 'number', unit: '万元' },
  partB: { label: '经费乙', type: 'number', unit: '万元' },
  saysNone: { label: '正文称暂无申请', type: 'boolean' },
};

const run = (check: CheckInput, facts: Record<string, unknown>) => {
  const values: FactValues = new Map(Object.keys(FACTS).map((k) => [k, k in facts ? facts[k] : null]));
  return evaluateChecks([CheckSchema.parse(check)], FACTS, values)[0]!;
};

const sum: CheckInput = { id: 's', message: '收到申请数应等于分项之和', sumEquals: { total: 'received', parts: ['inPerson', 'online'] } };
const money: CheckInput = { id: 'm', message: '经费合计', tolerance: 0.01, sumEquals: { total: 'total', parts: ['partA', 'partB'] } };
const le: CheckInput = { id: 'le', message: '网络申请不多于收到申请', lessOrEqual: ['online', 'received'] };
const ge: CheckInput = { id: 'ge', message: '收到申请不少于当面申请', greaterOrEqual: ['received', 'inPerson'] };
const eq: CheckInput = { id: 'eq', message: '相等', equal: ['received', 2] };
const implies: CheckInput = {
  id: 'i',
  message: '正文称暂无申请,收到申请数应为0',
  implies: { if: { fact: 'saysNone', operator: 'equal', value: true }, then: { fact: 'received', operator: 'equal', value: 0 } },
};

describe('evaluateChecks: outcomes by shape (hand-computed)', () => {
  it.each([
    // check, facts → outcome
    { name: 'sum 2 = 2 + 0', check: sum, facts: { received: 2, inPerson: 2, online: 0 }, outcome: 'pass' },
    { name: 'sum 2 ≠ 2 + 1', check: sum, facts: { received: 2, inPerson: 2, online: 1 }, outcome: 'fail' },
    { name: 'sum with a blank part', check: sum, facts: { received: 2, inPerson: 2 }, outcome: 'not_assessable' },
    { name: 'sum with a blank total', check: sum, facts: { inPerson: 0, online: 0 }, outcome: 'not_assessable' },
    // 0.1 + 0.2 = 0.3 exactly (a float sum would be 0.30000000000000004)
    { name: 'money 0.3 = 0.1 + 0.2 exactly', check: money, facts: { total: 0.3, partA: 0.1, partB: 0.2 }, outcome: 'pass' },
    { name: 'money within tolerance 0.01', check: money, facts: { total: 10.01, partA: 5, partB: 5 }, outcome: 'pass' },
    { name: 'money beyond tolerance', check: money, facts: { total: 10.02, partA: 5, partB: 5 }, outcome: 'fail' },
    { name: '1 ≤ 2', check: le, facts: { online: 1, received: 2 }, outcome: 'pass' },
    { name: '2 ≤ 2', check: le, facts: { online: 2, received: 2 }, outcome: 'pass' },
    { name: '3 ≤ 2', check: le, facts: { online: 3, received: 2 }, outcome: 'fail' },
    { name: '2 ≥ 3', check: ge, facts: { received: 2, inPerson: 3 }, outcome: 'fail' },
    { name: '2 ≥ 2', check: ge, facts: { received: 2, inPerson: 2 }, outcome: 'pass' },
    { name: 'equal to a literal', check: eq, facts: { received: 2 }, outcome: 'pass' },
    { name: 'not equal to a literal', check: eq, facts: { received: 3 }, outcome: 'fail' },
    { name: 'implies: 暂无 but 2 received', check: implies, facts: { saysNone: true, received: 2 }, outcome: 'fail' },
    { name: 'implies: 暂无 and 0 received', check: implies, facts: { saysNone: true, received: 0 }, outcome: 'pass' },
    { name: 'implies: antecedent false (nothing to check)', check: implies, facts: { saysNone: false, received: 2 }, outcome: 'pass' },
    { name: 'implies: antecedent false, consequent blank', check: implies, facts: { saysNone: false }, outcome: 'pass' },
    { name: 'implies: antecedent blank', check: implies, facts: { received: 2 }, outcome: 'not_assessable' },
    { name: 'implies: consequent blank', check: implies, facts: { saysNone: true }, outcome: 'not_assessable' },
  ])('$name → $outcome', ({ check, facts, outcome }) => {
    expect(run(check, facts).outcome).toBe(outcome);
  });

  it('keeps the values seen, blank as null, in reading order', () => {
    const r = run(sum, { received: 2, inPerson: 2 });
    expect(r.values.map((v) => [v.fact, v.value])).toEqual([
      ['received', 2],
      ['inPerson', 2],
      ['online', null],
    ]);
    expect(r.text).toContain('网络申请数空白');
  });

  it('explains a failed sum with the difference', () => {
    const r = run(sum, { received: 2, inPerson: 2, online: 1 });
    expect(r.text).toBe('收到申请数(第21行) 2 件;分项合计 2 + 1 = 3,相差 1');
  });

  it('a resolution from the review is carried on a failed check, and only unresolved error failures remain', () => {
    const values: FactValues = new Map<string, unknown>([['received', 2], ['inPerson', 2], ['online', 1], ['saysNone', true]]);
    const checks = [CheckSchema.parse(sum), CheckSchema.parse({ ...le, severity: 'warning', lessOrEqual: ['received', 'online'] }), CheckSchema.parse(implies)];
    const resolved = evaluateChecks(checks, FACTS, values, { s: { resolution: 'accepted', reason: '已核实', by: '旗政务公开办' } });
    expect(resolved.map((r) => [r.id, r.outcome, r.resolution?.by ?? null])).toEqual([
      ['s', 'fail', '旗政务公开办'],
      ['le', 'fail', null],
      ['i', 'fail', null],
    ]);
    // the warning does not hold a result back; the resolved error does not either
    expect(unresolvedFailures(resolved).map((r) => r.id)).toEqual(['i']);
  });
});

describe('checks in the score report', () => {
  const body = `
    total: 10
    facts:
      received: { label: 收到申请数, type: integer, unit: 件 }
      inPerson: { label: 当面申请数, type: integer, unit: 件 }
      online: { label: 网络申请数, type: integer, unit: 件 }
    checks:
      - id: by-channel
        message: 收到申请数应等于当面、网络申请数之和
        sumEquals: { total: received, parts: [inPerson, online] }
      - id: online-le
        severity: warning
        message: 网络申请数不多于收到申请数
        lessOrEqual: [online, received]
    nodes:
      - id: "1"
        title: 依申请公开
        points: 10
        scoring: { method: binary, when: { fact: received, operator: greaterThanInclusive, value: 0 } }
  `;
  it.each([
    { facts: { received: 3, inPerson: 2, online: 1 }, outcomes: ['pass', 'pass'] },
    { facts: { received: 2, inPerson: 2, online: 1 }, outcomes: ['fail', 'pass'] },
    { facts: { received: 0, inPerson: 0, online: 1 }, outcomes: ['fail', 'fail'] },
    { facts: { received: 2, inPerson: 2 }, outcomes: ['not_assessable', 'not_assessable'] },
  ])('$facts → $outcomes; the score does not move', async ({ facts, outcomes }) => {
    const r = await scoreBody(body, facts);
    expect(r.checks.map((c) => c.outcome)).toEqual(outcomes);
    expect(r.checks.map((c) => c.severity)).toEqual(['error', 'warning']);
    expect(r.totals.final).toBe(10);
  });
});
