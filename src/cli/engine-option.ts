// `--engine compiled|reference` on score and compare: which rule runner scores (the compiled closures by default;
// json-rules-engine itself on demand, e.g. to confirm a result against the reference).
import { RULE_ENGINES, type RuleEngineKind } from '../compile/compile-rubric.js';
import { UsageError } from './io.js';

export const ENGINE_OPTION_HELP = '规则执行方式:compiled(默认,预编译规则)或 reference(json-rules-engine 原样执行,用于核对)';

/** Validate an --engine value (usage error in Chinese when unknown). */
export function parseEngine(value: string | undefined): RuleEngineKind {
  if (value === undefined) return 'compiled';
  if ((RULE_ENGINES as readonly string[]).includes(value)) return value as RuleEngineKind;
  throw new UsageError(`--engine 须为 ${RULE_ENGINES.join(' 或 ')},而不是 "${value}"`);
}
