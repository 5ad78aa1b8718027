// Turn json-rules-engine's per-condition results into Chinese explanations (fact, value seen, value expected).
import type { LeafOutcome } from '../compile/compile-rubric.js';
import { OPERATOR_TEXT } from '../compile/operators.js';
import type { ConditionReason } from '../report/score-report.js';
import type { FactDef } from '../schema/fact-schema.js';
import { getOwn } from '../model/own-property.js';

/** A fact value as a Chinese reader expects it: 是/否, 缺失 for missing, lists joined. */
export function formatValue(v: unknown, unit?: string): string {
  if (v === null || v === undefined) return '缺失';
  if (v === true) return '是';
  if (v === false) return '否';
  if (Array.isArray(v)) return `[${v.map((x) => formatValue(x)).join('、')}]`;
  if (typeof v === 'number') return unit && unit !== '是/否' ? `${v} ${unit}` : String(v);
  return String(v);
}

export function explainLeaf(leaf: LeafOutcome, facts: Record<string, FactDef>): ConditionReason {
  const def = getOwn(facts, leaf.fact);
  const label = def?.label ?? leaf.fact;
  const unit = def?.unit;
  const expected = leaf.valueResult !== undefined ? leaf.valueResult : leaf.value;
  const actual = leaf.factResult === undefined ? null : leaf.factResult;
  const op = OPERATOR_TEXT[leaf.operator] ?? leaf.operator;
  const where = def?.source ? `(${def.source})` : '';
  let requirement: string;
  if (leaf.operator === 'isTrue') requirement = `要求为${expected === false ? '否' : '是'}`;
  else if (leaf.operator === 'nonEmpty') requirement = expected === false ? '要求为空' : '要求非空';
  else if (leaf.operator === 'between' && Array.isArray(expected)) requirement = `要求介于 ${expected[0]}–${expected[1]}`;
  else if (leaf.operator === 'equal' && typeof expected === 'boolean') requirement = `要求为${expected ? '是' : '否'}`;
  else requirement = `要求 ${op} ${formatValue(expected, typeof expected === 'number' ? unit : undefined)}`;
  const text = `${leaf.name ?? label}${where} = ${formatValue(actual, unit)},${requirement}:${leaf.result ? '满足' : '不满足'}`;
  const r: ConditionReason = { fact: leaf.fact, label, operator: leaf.operator, actual, expected, result: leaf.result, text };
  if (unit !== undefined) r.unit = unit;
  if (def?.source !== undefined) r.source = def.source;
  return r;
}
