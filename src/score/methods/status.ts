// Status and reason helpers shared by the scoring methods.
import type { FactDef } from '../../schema/fact-schema.js';
import type { NodeStatus, Reason } from '../../report/score-report.js';
import { dec, type Dec } from '../decimal.js';
import { negatedNumber } from '../scaled.js';
import type { LeafResult } from '../context.js';
import { getOwn } from '../../model/own-property.js';

/** met at full points, unmet at zero (or below), partial in between. */
export function statusFromScore(score: Dec, max: Dec): NodeStatus {
  if (score.gte(max)) return 'met';
  if (score.isZero() || score.isNegative()) return 'unmet'; // ≤ 0 without building a decimal 0
  return 'partial';
}

/** A leaf that needs a missing fact scores 0 and says which facts are missing (policy: never a silent guess). */
export function missingResult(missingFacts: string[], max: Dec, facts: Record<string, FactDef>): LeafResult {
  const uniq = [...new Set(missingFacts)].sort();
  const labels = uniq.map((f) => `${getOwn(facts, f)?.label ?? f}${getOwn(facts, f)?.source ? `(${getOwn(facts, f)!.source})` : ''}`);
  const reason: Reason = { kind: 'missing', text: `缺少佐证事实:${labels.join('、')},按 0 分计`, points: negatedNumber(max) };
  return { score: dec(0), status: 'missing_evidence', reasons: [reason], deductions: [], missingFacts: uniq };
}
