// The fact catalogue: what evidence an agency supplies (or the engine derives from it), typed and bounded.
import * as z from 'zod';
import { FactIdSchema, TextSchema } from './common.js';

export const FACT_TYPES = ['boolean', 'integer', 'number', 'percent', 'date', 'enum', 'text', 'list'] as const;
export type FactType = (typeof FACT_TYPES)[number];

const FactList = z.array(FactIdSchema).min(1).max(100);

/** Safe built-ins only: no expression strings, no eval. */
export const DeriveSchema = z.union([
  z.strictObject({ sum: FactList }),
  z.strictObject({ min: FactList }),
  z.strictObject({ max: FactList }),
  z.strictObject({ difference: z.tuple([FactIdSchema, FactIdSchema]) }),
  z.strictObject({
    ratio: z.strictObject({
      numerator: FactIdSchema,
      denominator: FactIdSchema,
      /** Multiply by 100 to give a percent. */
      percent: z.boolean().default(false),
      /** What a zero denominator means: a fixed value, or the fact is missing (criteria using it → missing_evidence). */
      onZeroDenominator: z.union([z.strictObject({ value: z.number().finite() }), z.literal('missing')]),
    }),
  }),
  z.strictObject({
    count: z.union([
      /** How many of these boolean facts are true. */
      z.strictObject({ trueOf: FactList }),
      /** How many list elements satisfy a comparison. */
      z.strictObject({
        list: FactIdSchema,
        operator: z.enum(['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']),
        value: z.union([z.number().finite(), z.string().max(200), z.boolean()]),
      }),
      /** How many elements a list has. */
      z.strictObject({ itemsOf: FactIdSchema }),
    ]),
  }),
  z.strictObject({ daysBetween: z.strictObject({ from: FactIdSchema, to: FactIdSchema }) }),
]);
export type Derive = z.output<typeof DeriveSchema>;

/**
 * Where `zwgk report facts` reads a fact from a published annual report (政府信息公开工作年度报告): a table cell named
 * `表X/行/列` (e.g. `表四/行政复议/结果纠正`), the sum of several cells, or whether the listed checks (H1–H6, S1–S12)
 * all came out with one of the given outcomes. Names are checked against the report layout when the facts are read.
 */
export const ReportSourceSchema = z.union([
  z.strictObject({ cell: z.string().min(1).max(200) }),
  z.strictObject({ sum: z.array(z.string().min(1).max(200)).min(1).max(50) }),
  z.strictObject({
    checks: z.array(z.string().min(1).max(10)).min(1).max(30),
    is: z.array(z.enum(['PASS', 'FAIL', 'WARN', 'NOT_ASSESSABLE'])).min(1).max(4),
  }),
]);
export type ReportSource = z.output<typeof ReportSourceSchema>;

/**
 * The row of a statistics table (统计表, e.g. 附件2 政务公开工作统计表) this fact fills. `zwgk render --annex` prints the
 * table's facts in row order (with the headings declared in the rubric's `statTables`) as a companion sheet.
 */
export const StatRowSchema = z.strictObject({
  /** The table's name as declared in `statTables`, e.g. 附件2. */
  table: z.string().min(1).max(20),
  /** 行号 in the table (1-based). */
  row: z.number().int().min(1).max(9999),
  /** The row's wording in the printed table when it differs from `label` (e.g. 「其中,规范性文件数」). */
  text: z.string().min(1).max(500).optional(),
});
export type StatRow = z.output<typeof StatRowSchema>;

export const FactDefSchema = z.strictObject({
  label: z.string().min(1).max(200),
  type: z.enum(FACT_TYPES),
  unit: z.string().max(20).optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  /** Allowed values of an enum fact. */
  values: z.array(z.string().min(1).max(100)).min(1).max(100).optional(),
  /** Element type of a list fact. */
  items: z.enum(['number', 'integer', 'text', 'date', 'boolean']).optional(),
  /** Where the figure comes from, e.g. "附件2 第63行". */
  source: z.string().max(200).optional(),
  description: TextSchema.optional(),
  derive: DeriveSchema.optional(),
  /** Read from an annual report by `zwgk report facts` (see ReportSourceSchema). */
  report: ReportSourceSchema.optional(),
  /** The statistics-table row this fact fills (see StatRowSchema); keep `source` as the human text. */
  statRow: StatRowSchema.optional(),
});
export type FactDef = z.output<typeof FactDefSchema>;
