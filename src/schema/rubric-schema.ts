// The rubric (考核评价细则) schema: the only source of rubric types (RubricInput before defaults, Rubric after).
import * as z from 'zod';
import { FactIdSchema, IdSchema, NumberOrParamSchema, PointsSchema, TextSchema } from './common.js';
import { ConditionSchema } from './condition-schema.js';
import { FactDefSchema } from './fact-schema.js';
import { ScoringSchema } from './scoring-schema.js';
import { OverrideSchema } from './override-schema.js';
import { CheckSchema } from './check-schema.js';

export const NODE_KINDS = ['score', 'bonus', 'penalty'] as const;
export const NA_POLICIES = ['reduce', 'renormalize', 'rescale', 'redistribute'] as const;

const NotApplicablePolicy = z.strictObject({
  /** M21 reduce: the applicable maximum shrinks; M18 renormalize: score × points / applicable points;
   *  M19 rescale: score × factor; M20 redistribute: the n/a points are spread over the applicable siblings. */
  policy: z.enum(NA_POLICIES),
  /** For rescale: a ratio such as "4/3" (kept exact as a fraction). */
  factor: z.string().regex(/^\d+(\.\d+)?(\/\d+(\.\d+)?)?$/, { message: 'FACTOR_PATTERN' }).optional(),
  /** For redistribute: evenly (平均计入) or in proportion to points. */
  spread: z.enum(['even', 'proportional']).default('even'),
});

const Override = z.strictObject({ when: ConditionSchema, reason: TextSchema });

export interface NodeInputShape {
  id: string;
  title: string;
  [key: string]: unknown;
}

const NodeBase = z.strictObject({
  id: IdSchema,
  title: z.string().min(1).max(500),
  /** Full text of the 具体标准 when it differs from the title. */
  description: TextSchema.optional(),
  points: PointsSchema.optional(),
  /** M23: percent of the parent's points instead of `points`. */
  weight: z.number().positive().max(100).optional(),
  /** score: counts toward the base; bonus / penalty: outside the total (M14–M17, M29). */
  kind: z.enum(NODE_KINDS).default('score'),
  /** Bonus/penalty cap, or the ceiling of a node whose children may sum above its points (`overflow: cap`). */
  cap: PointsSchema.optional(),
  /** Lowest score; null lets a node overdraw into its parent (M4). Default 0 (扣完为止). */
  floor: z.number().finite().nullable().default(0),
  /** Children may sum above this node's points; the node caps them (e.g. "一项可得2分,最高不超过6分"). */
  overflow: z.enum(['error', 'cap']).default('error'),
  /** Only agencies of these classes are assessed on this node; others: not applicable. */
  classes: z.array(z.string().min(1).max(20)).min(1).max(20).optional(),
  /** Whether an agency may declare this node not applicable (合理缺项). */
  mayBeNotApplicable: z.boolean().default(false),
  /** How this node's score treats not-applicable children. */
  notApplicable: NotApplicablePolicy.optional(),
  /** M6: score 0 when any holds (此项不得分). */
  zeroIf: z.array(Override).max(20).optional(),
  /** M12: score at most `ceiling` points when the condition holds, then the rules deduct. */
  ceilingIf: z.array(Override.extend({ ceiling: PointsSchema })).max(20).optional(),
  /** M15: a bonus entered only when a condition holds / a node's score reaches a bar. */
  eligibleIf: z
    .strictObject({
      node: IdSchema.optional(),
      atLeast: NumberOrParamSchema.optional(),
      above: NumberOrParamSchema.optional(),
      when: ConditionSchema.optional(),
      reason: TextSchema.optional(),
    })
    .optional(),
  /** Remark shown in sheets, e.g. "不在总分内,但得分可计入总分". */
  note: TextSchema.optional(),
  scoring: ScoringSchema.optional(),
});

export type RubricNode = z.output<typeof NodeBase> & { children?: RubricNode[] | undefined };
export type RubricNodeInput = z.input<typeof NodeBase> & { children?: RubricNodeInput[] | undefined };

export const NodeSchema: z.ZodType<RubricNode, RubricNodeInput> = z.lazy(() =>
  NodeBase.extend({ children: z.array(NodeSchema).max(200).optional() }),
);

export const VetoSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1).max(500),
  when: ConditionSchema,
  /** "assessment" (the whole sheet) or a node id (an item or a section). */
  target: z.string().min(1).max(64).default('assessment'),
  /** Fixed result score, e.g. 59 (判定为不合格(59分)); default 0. */
  score: PointsSchema.optional(),
  /** Grade forced by the veto (default: the lowest band). */
  grade: z.string().max(20).optional(),
  /** 不再对其他指标进行评分: nothing under the target is scored. */
  stopScoring: z.boolean().default(true),
  reason: TextSchema,
});

export const GradeSchema = z.strictObject({ name: z.string().min(1).max(20), min: z.number().finite() });

export const ParameterSchema = z.strictObject({
  label: z.string().min(1).max(200),
  value: z.union([z.number().finite(), z.string().max(200), z.boolean()]),
  unit: z.string().max(20).optional(),
  description: TextSchema.optional(),
});

/** A heading row of a statistics table (「一、主动公开情况」): no fact, printed as a section line. */
export const StatHeadingSchema = z.strictObject({
  row: z.number().int().min(1).max(9999),
  text: z.string().min(1).max(500),
  /** What the 单位 column shows on this row, e.g. 「—」 (default empty). */
  unit: z.string().max(20).optional(),
});

/** A statistics table (统计表) whose rows facts fill through `statRow`, e.g. 附件2 政务公开工作统计表. */
export const StatTableSchema = z.strictObject({
  /** Title without year or agency, e.g. 政务公开工作统计表 (printed as 「2017年度住建局政务公开工作统计表」). */
  title: z.string().min(1).max(200),
  /** Heading rows without a fact, in any order. */
  headings: z.array(StatHeadingSchema).max(1000).default([]),
});
export type StatTable = z.output<typeof StatTableSchema>;

export const RubricSchema = z.strictObject({
  id: IdSchema,
  version: z.string().min(1).max(40),
  title: z.string().min(1).max(500),
  issuer: z.string().max(200).optional(),
  year: z.number().int().min(1990).max(2100).optional(),
  description: TextSchema.optional(),
  /** The total of the score part (usually 100). */
  total: PointsSchema.default(100),
  /** Decimals shown (scores are exact internally). */
  precision: z.number().int().min(0).max(4).default(2),
  /** Labels of the tree levels, e.g. [考核项目, 目标要求, 具体标准, 评分项]. */
  levels: z.array(z.string().min(1).max(20)).max(8).default(['考核项目', '目标要求', '具体标准', '评分项']),
  /** Agency classes the rubric knows (A类, B类 …). */
  classes: z.array(z.string().min(1).max(20)).max(20).optional(),
  /** Overall caps of the bonus and penalty totals. */
  bonusCap: PointsSchema.optional(),
  penaltyCap: PointsSchema.optional(),
  /** The final score never goes below this (default 0). */
  finalFloor: z.number().finite().default(0),
  /** M25: grade bands, highest first; `min` inclusive. */
  grades: z.array(GradeSchema).max(10).default([
    { name: '优秀', min: 90 },
    { name: '良好', min: 80 },
    { name: '合格', min: 60 },
    { name: '不合格', min: -1e9 },
  ]),
  /** Grades read the final score, or the 100-scale normalised one. */
  gradeBasis: z.enum(['final', 'normalized']).default('final'),
  /** Default policy for not-applicable nodes (a node's own `notApplicable` wins). */
  notApplicable: NotApplicablePolicy.default({ policy: 'reduce', spread: 'even' }),
  parameters: z.record(FactIdSchema, ParameterSchema).default({}),
  facts: z.record(FactIdSchema, FactDefSchema).default({}),
  /** Statistics tables (统计表) facts fill by `statRow`, keyed by name (附件2); see `zwgk render --annex`. */
  statTables: z.record(z.string().min(1).max(20), StatTableSchema).optional(),
  vetoes: z.array(VetoSchema).max(50).default([]),
  /** Consistency checks (勾稽关系) over the facts, evaluated for every agency (src/checks/). */
  checks: z.array(CheckSchema).max(500).default([]),
  nodes: z.array(NodeSchema).min(1).max(200),
});

export type RubricInput = z.input<typeof RubricSchema>;
export type Rubric = z.output<typeof RubricSchema>;
export type Veto = z.output<typeof VetoSchema>;
export type Grade = z.output<typeof GradeSchema>;
export type Parameter = z.output<typeof ParameterSchema>;
export type NotApplicablePolicy = z.output<typeof NotApplicablePolicy>;

/**
 * The raw layer of a rubric that `extends` another (src/extends resolves it before RubricSchema runs).
 * Loose on purpose: every other key is a rubric field merged over the parent's and checked on the resolved rubric,
 * which never contains `extends` or `overrides`.
 */
export const RubricLayerSchema = z.looseObject({
  /** Path of the parent rubric, relative to this file. */
  extends: z.string().min(1).max(500),
  /** Ordered node operations applied to the parent's tree. */
  overrides: z.array(OverrideSchema).max(500).optional(),
});
export type RubricLayer = z.output<typeof RubricLayerSchema>;
