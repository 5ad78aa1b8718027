// Conditions in json-rules-engine's own syntax (all/any/not, fact/operator/value, value {fact} to compare two facts),
// plus {param} values resolved at compile time. `path` is checked to be a plain property path in validate.
import * as z from 'zod';
import { FactIdSchema, ParamRefSchema, TextSchema } from './common.js';

const ScalarValue = z.union([z.string().max(4000), z.number().finite(), z.boolean(), z.null()]);
export const ConditionValueSchema = z.union([
  ScalarValue,
  z.array(z.union([z.string().max(4000), z.number().finite(), z.boolean()])).max(1000),
  z.strictObject({ fact: FactIdSchema, path: z.string().max(200).optional() }),
  ParamRefSchema,
]);

export const FactConditionSchema = z.strictObject({
  fact: FactIdSchema,
  operator: z.string().min(1).max(64),
  value: ConditionValueSchema,
  path: z.string().max(200).optional(),
  /** Shown in explanations instead of the generated text. */
  name: TextSchema.optional(),
});

export type ConditionInput =
  | z.input<typeof FactConditionSchema>
  | { all: ConditionInput[]; name?: string }
  | { any: ConditionInput[]; name?: string }
  | { not: ConditionInput; name?: string };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema).max(200), name: TextSchema.optional() }),
    z.strictObject({ any: z.array(ConditionSchema).max(200), name: TextSchema.optional() }),
    z.strictObject({ not: ConditionSchema, name: TextSchema.optional() }),
    FactConditionSchema,
  ]),
);

export type FactCondition = z.output<typeof FactConditionSchema>;
export type Condition =
  | FactCondition
  | { all: Condition[]; name?: string | undefined }
  | { any: Condition[]; name?: string | undefined }
  | { not: Condition; name?: string | undefined };
