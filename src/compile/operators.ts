// The operators a rubric may use: json-rules-engine's built-ins plus the custom ones the mechanisms need
// (dates for M30, ranges, flags). Each custom operator is total: a null or ill-typed fact value is simply false.
import type { FactType } from '../schema/fact-schema.js';

export const BUILTIN_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Custom operators: name → (factValue, compareValue) → boolean. ISO dates compare as strings. */
export const CUSTOM_OPERATORS: Record<string, (a: unknown, b: unknown) => boolean> = {
  between: (a, b) => isNum(a) && Array.isArray(b) && b.length === 2 && isNum(b[0]) && isNum(b[1]) && a >= b[0] && a <= b[1],
  dateBefore: (a, b) => isDate(a) && isDate(b) && a < b,
  dateOnOrBefore: (a, b) => isDate(a) && isDate(b) && a <= b,
  dateAfter: (a, b) => isDate(a) && isDate(b) && a > b,
  dateOnOrAfter: (a, b) => isDate(a) && isDate(b) && a >= b,
  isTrue: (a, b) => (a === true) === (b !== false),
  nonEmpty: (a, b) => (typeof a === 'string' ? a.trim().length > 0 : Array.isArray(a) ? a.length > 0 : false) === (b !== false),
};

export const KNOWN_OPERATORS = new Set<string>([...BUILTIN_OPERATORS, ...Object.keys(CUSTOM_OPERATORS)]);

const NUMERIC: FactType[] = ['integer', 'number', 'percent'];

/** Which fact types each operator accepts (undefined = any). */
export const OPERATOR_TYPES: Record<string, FactType[] | undefined> = {
  lessThan: NUMERIC,
  lessThanInclusive: NUMERIC,
  greaterThan: NUMERIC,
  greaterThanInclusive: NUMERIC,
  between: NUMERIC,
  dateBefore: ['date'],
  dateOnOrBefore: ['date'],
  dateAfter: ['date'],
  dateOnOrAfter: ['date'],
  isTrue: ['boolean'],
  nonEmpty: ['text', 'list'],
  contains: ['list', 'text'],
  doesNotContain: ['list', 'text'],
};

/** Chinese symbol or phrase for explanations. */
export const OPERATOR_TEXT: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: '属于',
  notIn: '不属于',
  contains: '包含',
  doesNotContain: '不包含',
  between: '介于',
  dateBefore: '早于',
  dateOnOrBefore: '不晚于',
  dateAfter: '晚于',
  dateOnOrAfter: '不早于',
  isTrue: '为',
  nonEmpty: '非空',
};
