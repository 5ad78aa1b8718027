// The facts one agency is scored with: every catalogue fact with the agency's value (null when missing), the
// office's corrections applied, derived facts computed. Shared by the full report, the batch summary path and the bench.
import type { CompiledRubric } from '../compile/compile-rubric.js';
import { deriveFacts, type FactValues } from '../evidence/derive-facts.js';
import { normaliseFactValue } from '../evidence/check-evidence.js';
import type { Evidence } from '../schema/evidence-schema.js';

/**
 * Every catalogue fact with the agency's value (null when missing), derived facts computed.
 * @param corrected the office's corrected values (review file), which replace the agency's before deriving.
 */
export function collectFactValues(compiled: CompiledRubric, evidence: Evidence, corrected?: ReadonlyMap<string, unknown>): FactValues {
  const values: FactValues = new Map();
  const facts = compiled.rubric.facts;
  for (const id of compiled.factIds) {
    const def = facts[id]!;
    if (def.derive) continue;
    const raw = Object.prototype.hasOwnProperty.call(evidence.facts, id) ? evidence.facts[id] : undefined;
    const v = corrected?.has(id) ? corrected.get(id) : raw === undefined ? null : normaliseFactValue(def, raw);
    values.set(id, v === undefined ? null : v);
  }
  deriveFacts(facts, compiled.derivedOrder, values);
  return values;
}
