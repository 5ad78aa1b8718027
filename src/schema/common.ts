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

export const DateStringSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'DATE_PATTERN' });

export const TextSchema = z.string().max(4000);
