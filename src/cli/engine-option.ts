// `--engine compiled|reference` on score and compare: which rule runner scores (the compiled closures by default;
// json-rules-engine itself on demand, e.g. to confirm a result against the reference).
import { RULE_ENGINES, type RuleEngineKind } from '../compile/compile-rubric.js';
import { UsageError } from './io.js';

/** Validate an --engine value (usage error in Chinese when unknown). */
export function parseEngine(value: string | undefined): RuleEngineKind {
  if (value === undefined) return 'compiled';
  if ((RULE_ENGINES as readonly string[]).includes(value)) return value as RuleEngineKind;
  throw new UsageError(`--engine 须为 ${RULE_ENGINES.join(' 或 ')},而不是 "${value}"`);
}
