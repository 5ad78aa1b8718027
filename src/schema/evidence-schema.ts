// The evidence file one agency supplies: facts, citations, claims (自评分), not-applicable *requests* and 整改情况.
// Rulings (judgements, overrides, corrections, decisions) are the office's and live in the review file
// (review-schema.ts); an evidence file that carries them is refused before this schema runs (RULING_IN_EVIDENCE).
import * as z from 'zod';
import { DateStringSchema, FactIdSchema, IdSchema, PointsSchema, TextSchema } from './common.js';

/**
 * Any number, finite or not: whether `.nan`, `.inf` or 1e309 fits is decided against the fact's declared type
 * (check-evidence), so the message names that type rather than the first branch of this union.
 */
const AnyNumberSchema = z.custom<number>((v) => typeof v === 'number');

export const FactValueSchema = z.union([
  z.boolean(),
  AnyNumberSchema,
  z.string().max(4000),
  z.null(),
  z.array(z.union([AnyNumberSchema, z.string().max(4000), z.boolean()])).max(1000),
]);

export const CitationSchema = z.strictObject({
  title: z.string().min(1).max(500),
  /** 文号, e.g. 鄂前政办发〔2018〕8号 */
  docNumber: z.string().max(100).optional(),
  url: z.string().max(2000).optional(),
  date: DateStringSchema.optional(),
  note: TextSchema.optional(),
});

export const EvidenceSchema = z.strictObject({
  rubric: z.strictObject({ id: IdSchema, version: z.string().min(1).max(40) }),
  agency: z.strictObject({
    name: z.string().min(1).max(200),
    /** Short name used in titles, e.g. 住建局. */
    shortName: z.string().max(50).optional(),
    code: z.string().min(1).max(64),
    class: z.string().max(20).optional(),
  }),
  period: z.strictObject({ year: z.number().int().min(1990).max(2100), label: z.string().max(100).optional() }),
  /** 填表人 / 审核人 / 填表日期 for the printed sheet. */
  preparedBy: z.string().max(50).optional(),
  reviewedBy: z.string().max(50).optional(),
  date: DateStringSchema.optional(),
  facts: z.record(FactIdSchema, FactValueSchema).default({}),
  evidence: z.record(IdSchema, z.array(CitationSchema).max(100)).default({}),
  /** 自评分; null = not claimed (the blank form from `zwgk init` lists every item with null), dropped here. */
  claims: z
    .record(IdSchema, PointsSchema.nullable())
    .default({})
    .transform((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)) as Record<string, number>),
  /** 合理缺项 requests: the office accepts or rejects each in its review; until then the node is scored as applicable. */
  notApplicable: z.array(z.strictObject({ node: IdSchema, reason: z.string().min(1).max(2000) })).max(200).default([]),
  /** 整改情况 per node. */
  remediation: z.record(IdSchema, TextSchema).default({}),
});

export type EvidenceInput = z.input<typeof EvidenceSchema>;
export type Evidence = z.output<typeof EvidenceSchema>;
export type Citation = z.output<typeof CitationSchema>;
export type FactValue = z.output<typeof FactValueSchema>;
