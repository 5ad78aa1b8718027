// Scoring methods of a leaf criterion (a discriminated union on `method`), one per mechanism family.
// Numbers are points of the node unless named `percent` (percent of the node's points).
import * as z from 'zod';
import { FactIdSchema, IdSchema, NumberOrParamSchema, PointsSchema, TextSchema } from './common.js';
import { ConditionSchema } from './condition-schema.js';

/** M1/M6/M7-binary: full points when the condition holds, else 0. */
const Binary = z.strictObject({
  method: z.literal('binary'),
  when: ConditionSchema,
  failReason: TextSchema.optional(),
});

/** M8: additive partial credit, each clause worth points or a percent of the node. */
const Clauses = z.strictObject({
  method: z.literal('clauses'),
  clauses: z
    .array(
      z.strictObject({
        id: IdSchema,
        title: TextSchema,
        points: PointsSchema.optional(),
        percent: z.number().min(0).max(100).optional(),
        when: ConditionSchema,
        failReason: TextSchema.optional(),
      }),
    )
    .min(1)
    .max(50),
});

/** M9/M22: graded levels, first matching level wins; a level without `when` is the fallback. */
const Levels = z.strictObject({
  method: z.literal('levels'),
  levels: z
    .array(
      z.strictObject({
        label: z.string().min(1).max(100),
        points: PointsSchema.optional(),
        percent: z.number().min(0).max(100).optional(),
        when: ConditionSchema.optional(),
        reason: TextSchema.optional(),
      }),
    )
    .min(1)
    .max(20),
});

/** M10 proportional / linear: score interpolated between two anchors, clamped to them. */
const Linear = z.strictObject({
  method: z.literal('linear'),
  fact: FactIdSchema,
  from: z.strictObject({ value: NumberOrParamSchema, points: PointsSchema }),
  to: z.strictObject({ value: NumberOrParamSchema, points: PointsSchema }),
});

/** Partial credit by a percentage fact (0–100): points × value / 100. */
const Percent = z.strictObject({
  method: z.literal('percent'),
  fact: FactIdSchema,
});

/** How many times a per-occurrence rule fires: the fact's value, or whole steps below/above a threshold. */
export const PerSchema = z.strictObject({
  fact: FactIdSchema,
  below: NumberOrParamSchema.optional(),
  above: NumberOrParamSchema.optional(),
  step: z.number().positive().optional(),
});

export const DeductionSchema = z.strictObject({
  id: IdSchema,
  /** 失分原因 shown when it fires. */
  reason: TextSchema,
  when: ConditionSchema.optional(),
  /** M1: a fixed amount. */
  amount: PointsSchema.optional(),
  /** M13: a share of the node's points (50 = halving). */
  percentOfPoints: z.number().min(0).max(100).optional(),
  /** M2/M10: amount × count. */
  per: PerSchema.optional(),
  each: PointsSchema.optional(),
  /** Cap on this rule's total. */
  max: PointsSchema.optional(),
  /** M7: the assessor fixes the amount within bounds (judgements keyed `<node>#<deduction>`). */
  judgement: z.strictObject({ min: PointsSchema, max: PointsSchema }).optional(),
});

/** M1–M5, M10, M13: start from the points and deduct; floor at the node's floor (扣完为止 by default). */
const Deduct = z.strictObject({
  method: z.literal('deduct'),
  deductions: z.array(DeductionSchema).min(1).max(50),
  /** Required when two deductions read the same fact: stack (add up) or exclusive (only the largest counts). */
  overlap: z.enum(['stack', 'exclusive']).optional(),
  /** With `overlap: exclusive`: rule ids in order of precedence where rules count the same occurrence (default:
   *  the larger amount per occurrence first). */
  precedence: z.array(IdSchema).min(1).max(50).optional(),
  /** M5: total deductions never exceed this (default: no cap beyond the floor). */
  cap: PointsSchema.optional(),
});

/** M7/M22: an assessor's judgement within bounds, with a mandatory reason. */
const Judgement = z.strictObject({
  method: z.literal('judgement'),
  min: PointsSchema.default(0),
  max: PointsSchema.optional(),
  guidance: TextSchema.optional(),
});

/** M26: an externally supplied score (以…为准), read from a fact in points or percent. */
const External = z.strictObject({
  method: z.literal('external'),
  fact: FactIdSchema,
  scale: z.enum(['points', 'percent']).default('points'),
  authority: TextSchema,
});

/** M24: mixed-source weighting of percent facts, e.g. 网上 80% + 现场 20%. */
const Weighted = z.strictObject({
  method: z.literal('weighted'),
  inputs: z
    .array(z.strictObject({ fact: FactIdSchema, weight: z.number().positive().max(100), label: TextSchema.optional() }))
    .min(1)
    .max(20),
});

/** M14/M16: points per occurrence, capped (a bonus "一项可得2分,最高不超过6分"; a penalty "每次扣3分"). */
const PerOccurrence = z.strictObject({
  method: z.literal('perOccurrence'),
  per: PerSchema,
  each: PointsSchema,
  max: PointsSchema.optional(),
});

/** M17: stepped points by thresholds, optionally continuing every `every` beyond the last step. */
const Stepped = z.strictObject({
  method: z.literal('stepped'),
  fact: FactIdSchema,
  steps: z.array(z.strictObject({ atLeast: NumberOrParamSchema, points: PointsSchema })).min(1).max(20),
  beyond: z.strictObject({ from: NumberOrParamSchema, every: z.number().positive(), points: PointsSchema }).optional(),
});

/** M27 rank band: ranks after the previous band's `upTo` up to this `upTo` (inclusive). */
const RankBand = z.strictObject({
  upTo: z.number().int().min(1).max(1000000),
  /** One amount for every rank in the band, or one per rank in order ("依次赋予60、57、54、51、48分"). */
  points: z.union([PointsSchema, z.array(PointsSchema).min(1).max(1000)]),
});

/**
 * M27: points by rank among the agencies compared in one batch (`zwgk compare`), scored in a second pass once every
 * agency's first pass is known. Competition ranking (ties share a rank: 1, 1, 3). Scored alone, the item is `manual`.
 */
const Rank = z.strictObject({
  method: z.literal('rank'),
  /** What agencies are ranked by: a numeric fact, or another node's (first-pass) score. */
  basis: z.union([z.strictObject({ fact: FactIdSchema }), z.strictObject({ node: IdSchema })]),
  /** desc: the largest value ranks first; asc: the smallest. */
  order: z.enum(['desc', 'asc']).default('desc'),
  /** Ranked among every agency in the batch, or among agencies of the same class. */
  among: z.enum(['all', 'class']).default('all'),
  scheme: z.union([
    /** "排名1-5名的依次赋予60分、57分、54分、51分、48分". */
    z.strictObject({ bands: z.array(RankBand).min(1).max(50), otherwise: PointsSchema.default(0) }),
    /** "第1名满分,第2-5名按第1名的比例得分": points × value ÷ first's value (asc: first's ÷ value), up to rank `upTo`. */
    z.strictObject({ proportionalToFirst: z.literal(true), upTo: z.number().int().min(1).max(1000000).optional(), otherwise: PointsSchema.default(0) }),
  ]),
});

export const ScoringSchema = z.discriminatedUnion('method', [
  Binary,
  Clauses,
  Levels,
  Linear,
  Percent,
  Deduct,
  Judgement,
  External,
  Weighted,
  PerOccurrence,
  Stepped,
  Rank,
]);
export type Scoring = z.output<typeof ScoringSchema>;
export type ScoringMethod = Scoring['method'];
export type Deduction = z.output<typeof DeductionSchema>;
export type Per = z.output<typeof PerSchema>;
export type RankScoring = z.output<typeof Rank>;
