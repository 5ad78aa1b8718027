// Consistency checks (勾稽关系) declared in a rubric: named assertions over facts, kept as data.
// No expression strings and no path expressions: each check is one of five built-in shapes whose facts are listed
// explicitly, so the facts a check reads are known (and validated) before any evidence is seen.
import * as z from 'zod';
import { FactIdSchema, IdSchema, TextSchema } from './common.js';

export const CHECK_SEVERITIES = ['error', 'warning'] as const;
export const CHECK_KINDS = ['sumEquals', 'equal', 'lessOrEqual', 'greaterOrEqual', 'implies'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** A fact id, or a plain number (e.g. `lessOrEqual: [correctionRate, 100]`). */
export const CheckOperandSchema = z.union([FactIdSchema, z.number().finite()]);
export type CheckOperand = z.output<typeof CheckOperandSchema>;

const Pair = z.tuple([CheckOperandSchema, CheckOperandSchema]);

export const CHECK_OPERATORS = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'] as const;
export type CheckOperator = (typeof CHECK_OPERATORS)[number];

/** One side of an `implies`: a single fact compared with a literal value. */
export const CheckClauseSchema = z.strictObject({
  fact: FactIdSchema,
  operator: z.enum(CHECK_OPERATORS),
  value: z.union([z.number().finite(), z.boolean(), z.string().min(1).max(200)]),
});
export type CheckClause = z.output<typeof CheckClauseSchema>;

export const CheckSchema = z.strictObject({
  id: IdSchema,
  /** error: the result stays provisional until the office resolves the failure; warning: shown only. */
  severity: z.enum(CHECK_SEVERITIES).default('error'),
  /** What the check asserts, in the office's words (shown on every failure). */
  message: z.string().min(1).max(500),
  /** Where the identity comes from, e.g. "附件2 第21行 = 第22–25行之和". */
  source: z.string().max(200).optional(),
  /** Largest difference still counted as equal (money in 万元 rounds: `tolerance: 0.01`). Default 0. */
  tolerance: z.number().finite().min(0).max(1e9).optional(),
  // Exactly one of the five shapes below (checked in src/validate/check-checks.ts).
  /** `total` equals the sum of `parts`. */
  sumEquals: z.strictObject({ total: CheckOperandSchema, parts: z.array(CheckOperandSchema).min(1).max(100) }).optional(),
  /** The two sides are equal. */
  equal: Pair.optional(),
  /** The first side is at most the second. */
  lessOrEqual: Pair.optional(),
  /** The first side is at least the second. */
  greaterOrEqual: Pair.optional(),
  /** When `if` holds, `then` must hold too (e.g. a narrative "暂无依申请公开" implies 收到申请数 = 0). */
  implies: z.strictObject({ if: CheckClauseSchema, then: CheckClauseSchema }).optional(),
});

export type CheckInput = z.input<typeof CheckSchema>;
export type Check = z.output<typeof CheckSchema>;
