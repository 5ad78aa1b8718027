// Small zod building blocks shared by the rubric and evidence schemas.
import * as z from 'zod';

/** Ids are strings; `1.10` unquoted would be read by YAML as the number 1.1, so numbers are refused (ID_NOT_STRING). */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}_][\p{L}\p{N}_.\-]*$/u, { message: 'ID_PATTERN' });

export const FactIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'FACT_ID_PATTERN' });

/** Scores and points: finite, at most 4 decimals (exact decimal arithmetic keeps them exact). */
export const PointsSchema = z.number().finite().min(0).max(100000);

export const SignedNumberSchema = z.number().finite();

/** A number, or a reference to a declared parameter. */
export const ParamRefSchema = z.strictObject({ param: FactIdSchema });
export const NumberOrParamSchema = z.union([z.number().finite(), ParamRefSchema]);

/** Whether a YYYY-MM-DD string names a day that exists (2025-02-30 does not; Date.parse would roll it to March 2). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return mo >= 1 && mo <= 12 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export const DateStringSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'DATE_PATTERN' })
  .refine(isCalendarDate, { message: 'DATE_IMPOSSIBLE' });

export const TextSchema = z.string().max(4000);
