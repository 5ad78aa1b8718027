// Semantic checks of conditions: facts and parameters exist, operators are known and fit the fact's type,
// compared values have the right type, groups are not empty, `path` is a plain property path.
import { makeDiagnostic, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { KNOWN_OPERATORS, OPERATOR_TYPES } from '../compile/operators.js';
import type { Condition } from '../schema/condition-schema.js';
import type { FactDef } from '../schema/fact-schema.js';
import type { Parameter } from '../schema/rubric-schema.js';
import { walkCondition } from '../model/rule-sites.js';
import { getOwn } from '../model/own-property.js';

/** Plain own-property paths only: `$.a.b`, `$.items[0]`, `a.b`. Anything else could reach jsonpath's evaluator. */
export const PLAIN_PATH = /^(\$)?(\.?[A-Za-z_][A-Za-z0-9_]*|\[\d{1,4}\])+$/;

/** Spellings authors bring from spreadsheets, code or Chinese rubric text, mapped to the operator they mean. */
const OPERATOR_ALIASES: Record<string, string> = {
  '=': 'equal',
  '==': 'equal',
  eq: 'equal',
  equals: 'equal',
  等于: 'equal',
  '!=': 'notEqual',
  '<>': 'notEqual',
  ne: 'notEqual',
  neq: 'notEqual',
  不等于: 'notEqual',
  '<': 'lessThan',
  lt: 'lessThan',
  小于: 'lessThan',
  低于: 'lessThan',
  '<=': 'lessThanInclusive',
  lte: 'lessThanInclusive',
  le: 'lessThanInclusive',
  小于等于: 'lessThanInclusive',
  不超过: 'lessThanInclusive',
  不高于: 'lessThanInclusive',
  '>': 'greaterThan',
  gt: 'greaterThan',
  大于: 'greaterThan',
  超过: 'greaterThan',
  高于: 'greaterThan',
  '>=': 'greaterThanInclusive',
  gte: 'greaterThanInclusive',
  ge: 'greaterThanInclusive',
  大于等于: 'greaterThanInclusive',
  不低于: 'greaterThanInclusive',
  不少于: 'greaterThanInclusive',
};

/** "Did you mean" for an unknown operator: a known alias first, then the closest spelling. */
function suggestOperator(op: string): string | undefined {
  const alias = OPERATOR_ALIASES[op] ?? OPERATOR_ALIASES[op.toLowerCase()];
  return alias ? `是否想写 "${alias}"?` : didYouMean(op, KNOWN_OPERATORS);
}

/** The operators that accept a fact of this type, for the hint of OPERATOR_TYPE_MISMATCH. */
export function operatorsFor(type: string): string[] {
  return [...KNOWN_OPERATORS].filter((op) => {
    const types = OPERATOR_TYPES[op];
    return !types || (types as string[]).includes(type);
  });
}

/** A quoted number where a number is wanted: tell the author to drop the quotes. */
function quotedNumberHint(v: unknown, want: string): string | undefined {
  return typeof v === 'string' && want === '数字' && v.trim() !== '' && Number.isFinite(Number(v)) ? `去掉引号,写成 value: ${v.trim()}` : undefined;
}

export interface ConditionContext {
  facts: Record<string, FactDef>;
  parameters: Record<string, Parameter>;
  add: (d: Diagnostic, path: PathSegment[], preferKey?: boolean) => void;
}

function valueFits(def: FactDef, v: unknown, operator: string): string | null {
  const numeric = def.type === 'integer' || def.type === 'number' || def.type === 'percent';
  if (operator === 'in' || operator === 'notIn') return Array.isArray(v) ? null : '列表';
  if (operator === 'between') return Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number') ? null : '两个数字组成的列表 [下限, 上限]';
  if (operator === 'isTrue' || operator === 'nonEmpty') return typeof v === 'boolean' ? null : '布尔值';
  if (def.type === 'list' && (operator === 'contains' || operator === 'doesNotContain')) return Array.isArray(v) || v === null ? '单个值' : null;
  if (numeric) return typeof v === 'number' ? null : '数字';
  if (def.type === 'boolean') return typeof v === 'boolean' ? null : '布尔值(true/false)';
  if (def.type === 'date') return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? null : '日期 YYYY-MM-DD';
  if (def.type === 'enum') return typeof v === 'string' && (def.values ?? []).includes(v) ? null : `以下之一:${(def.values ?? []).join('、')}`;
  if (def.type === 'text') return typeof v === 'string' ? null : '文本';
  return null;
}

/** Check one condition tree rooted at `path`. */
export function checkCondition(c: Condition, path: PathSegment[], ctx: ConditionContext): void {
  walkCondition(
    c,
    path,
    (leaf, p) => {
      const def = getOwn(ctx.facts, leaf.fact);
      if (!def) {
        const hint = didYouMean(leaf.fact, Object.keys(ctx.facts));
        ctx.add(makeDiagnostic('UNKNOWN_FACT', { actual: leaf.fact, path: [...p, 'fact'], ...(hint ? { hint } : {}) }), [...p, 'fact']);
      }
      if (!KNOWN_OPERATORS.has(leaf.operator)) {
        const hint = suggestOperator(leaf.operator);
        ctx.add(makeDiagnostic('UNKNOWN_OPERATOR', { actual: leaf.operator, path: [...p, 'operator'], ...(hint ? { hint } : {}) }), [...p, 'operator']);
      } else if (def) {
        const types = OPERATOR_TYPES[leaf.operator];
        // With a path into a list (e.g. `$[11]`, December of a monthly list) the operator compares one element,
        // so it must fit the list's element type; an untyped list leaves the element type unknown (not checked).
        const compared = leaf.path !== undefined && def.type === 'list' ? def.items : def.type;
        if (types && compared !== undefined && !types.includes(compared)) {
          const hint = `${compared} 类型可用的运算符:${operatorsFor(compared).join('、')}`;
          ctx.add(makeDiagnostic('OPERATOR_TYPE_MISMATCH', { reason: '运算符', actual: leaf.operator, expected: compared, path: [...p, 'operator'], hint }), [...p, 'operator']);
        }
      }
      if (leaf.path !== undefined && !PLAIN_PATH.test(leaf.path)) {
        ctx.add(makeDiagnostic('INVALID_PATH', { actual: leaf.path, path: [...p, 'path'] }), [...p, 'path']);
      }
      const v = leaf.value;
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        if ('fact' in v) {
          if (!getOwn(ctx.facts, v.fact)) {
            const hint = didYouMean(v.fact, Object.keys(ctx.facts));
            ctx.add(makeDiagnostic('UNKNOWN_FACT', { actual: v.fact, path: [...p, 'value', 'fact'], ...(hint ? { hint } : {}) }), [...p, 'value', 'fact']);
          }
          if (v.path !== undefined && !PLAIN_PATH.test(v.path)) ctx.add(makeDiagnostic('INVALID_PATH', { actual: v.path, path: [...p, 'value', 'path'] }), [...p, 'value', 'path']);
          return;
        }
        const param = getOwn(ctx.parameters, v.param);
        // An unknown parameter is reported once, with every other {param} of the rubric, by checkRubric.
        if (!param) return;
        if (def && leaf.path === undefined && KNOWN_OPERATORS.has(leaf.operator)) {
          const want = valueFits(def, param.value, leaf.operator);
          if (want) ctx.add(makeDiagnostic('VALUE_TYPE_MISMATCH', { actual: param.value, expected: want, path: [...p, 'value'] }), [...p, 'value']);
        }
        return;
      }
      if (def && leaf.path === undefined && KNOWN_OPERATORS.has(leaf.operator)) {
        const want = valueFits(def, v, leaf.operator);
        const hint = want ? quotedNumberHint(v, want) : undefined;
        if (want) ctx.add(makeDiagnostic('VALUE_TYPE_MISMATCH', { actual: v, expected: want, path: [...p, 'value'], ...(hint ? { hint } : {}) }), [...p, 'value']);
      }
    },
    (_kind, items, p) => {
      if (items.length === 0) ctx.add(makeDiagnostic('EMPTY_CONDITION', { path: p }), p);
    },
  );
}
