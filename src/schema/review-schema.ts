// The review file the assessing office (政务公开办) keeps for one agency: its rulings, kept apart from the agency's own
// evidence. Judgements, score overrides, fact corrections, decisions on not-applicable requests and resolutions of
// failed consistency checks; every entry says who ruled and when. Same limits style as the evidence schema.
import * as z from 'zod';
import { DateStringSchema, FactIdSchema, IdSchema, PointsSchema } from './common.js';
import { FactValueSchema } from './evidence-schema.js';

const Reason = z.string().min(1, { message: 'REASON_REQUIRED' }).max(2000);
const By = z.string().min(1).max(100);

/** Who ruled and when: required on every entry of a review. */
const Signed = { reason: Reason, by: By, date: DateStringSchema };

/** 酌情给分 / 酌情扣分: a score within the rubric's bounds for a judged item or a judged deduction. */
export const ReviewJudgementSchema = z.strictObject({ score: PointsSchema, ...Signed });

/** The office replaces the score of any node (leaf or parent); the reason is mandatory. */
export const ReviewOverrideSchema = z.strictObject({ score: PointsSchema, ...Signed });

/** A fact's value as the office found it; the engine scores with it and the report shows both values. */
export const ReviewCorrectionSchema = z.strictObject({ value: FactValueSchema, ...Signed });

/** The office's decision on an agency's not-applicable (合理缺项) request. */
export const ReviewNotApplicableSchema = z.strictObject({ decision: z.enum(['accepted', 'rejected']), ...Signed });

/**
 * The office's resolution of a failed consistency check (勾稽关系) of error severity: `accepted` (the figures are
 * right as they are, e.g. explained by the agency) or `corrected` (the office corrected the facts, see corrections).
 */
export const ReviewCheckSchema = z.strictObject({ resolution: z.enum(['accepted', 'corrected']), ...Signed });

/** `null` = listed but not yet ruled (the blank review from `zwgk init --review` lists every pending item so). */
const entries = <T extends z.ZodType>(key: z.ZodType<string>, value: T, max: number) =>
  z
    .record(key, value.nullable())
    .default({})
    .refine((r) => Object.keys(r).length <= max, { message: `TOO_MANY_ENTRIES` })
    .transform((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)) as Record<string, z.output<T>>);

export const ReviewSchema = z.strictObject({
  rubric: z.strictObject({ id: IdSchema, version: z.string().min(1).max(40) }),
  agency: z.strictObject({ code: z.string().min(1).max(64), name: z.string().min(1).max(200).optional() }),
  /** Keyed by node id, or `<node>#<deduction>` for a judged deduction. */
  judgements: entries(z.string().max(130), ReviewJudgementSchema, 2000),
  /** Keyed by node id. */
  overrides: entries(IdSchema, ReviewOverrideSchema, 2000),
  /** Keyed by fact id. */
  corrections: entries(FactIdSchema, ReviewCorrectionSchema, 2000),
  /** Keyed by node id: the decision on the evidence's not-applicable request for that node. */
  notApplicable: entries(IdSchema, ReviewNotApplicableSchema, 200),
  /** Keyed by the rubric's check id. */
  checks: entries(z.string().min(1).max(130), ReviewCheckSchema, 2000),
});

export type ReviewInput = z.input<typeof ReviewSchema>;
export type Review = z.output<typeof ReviewSchema>;
export type ReviewJudgement = z.output<typeof ReviewJudgementSchema>;
export type ReviewOverride = z.output<typeof ReviewOverrideSchema>;
export type ReviewCorrection = z.output<typeof ReviewCorrectionSchema>;
export type ReviewNotApplicable = z.output<typeof ReviewNotApplicableSchema>;
export type ReviewCheck = z.output<typeof ReviewCheckSchema>;

