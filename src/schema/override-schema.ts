// The raw-input layer of a rubric that `extends` another: the ordered node operations of `overrides`.
// Only keys are checked strictly here; the values a `set`/`add`/`replace` brings in are checked by RubricSchema
// on the resolved rubric (with diagnostics relocated to this file), so each rule lives in one schema only.
import * as z from 'zod';
import { IdSchema } from './common.js';

/** Node fields a `set` may change (`children` is changed by add/remove/move, never by set). */
export const SETTABLE_NODE_FIELDS = [
  'id',
  'title',
  'description',
  'points',
  'weight',
  'kind',
  'cap',
  'floor',
  'overflow',
  'classes',
  'mayBeNotApplicable',
  'notApplicable',
  'zeroIf',
  'ceilingIf',
  'eligibleIf',
  'note',
  'scoring',
] as const;

/** Change fields of a node in place; a field set to null is removed (e.g. `classes: null`). */
export const SetOpSchema = z.strictObject({
  set: IdSchema,
  ...Object.fromEntries(SETTABLE_NODE_FIELDS.map((k) => [k, z.unknown().optional()])),
});

/** Remove a node and its subtree. */
export const RemoveOpSchema = z.strictObject({ remove: IdSchema });

/** Position of a moved or added node: under a parent (appended), or right after / before a sibling. */
const Position = { after: IdSchema.optional(), before: IdSchema.optional() };

/** Move a node (with its subtree) to another parent and/or position. */
export const MoveOpSchema = z.strictObject({ move: IdSchema, to: IdSchema.optional(), ...Position });

/** Add a new node (a full node, children allowed). */
export const AddOpSchema = z.strictObject({ add: z.unknown(), under: IdSchema.optional(), ...Position });

/** Replace a node (and its subtree) by another, in the same place. */
export const ReplaceOpSchema = z.strictObject({ replace: IdSchema, with: z.unknown() });

export const OverrideSchema = z.union([SetOpSchema, RemoveOpSchema, MoveOpSchema, AddOpSchema, ReplaceOpSchema]);

export const OVERRIDE_KINDS = ['set', 'remove', 'move', 'add', 'replace'] as const;
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];
export type SetOp = z.output<typeof SetOpSchema>;
export type MoveOp = z.output<typeof MoveOpSchema>;
export type AddOp = z.output<typeof AddOpSchema>;
export type Override = z.output<typeof OverrideSchema>;
