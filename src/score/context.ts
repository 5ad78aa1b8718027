// What every scoring method sees: the compiled rubric, the agency's fact values and the rule outcomes.
import type { CompiledRubric, RuleOutcomes } from '../compile/compile-rubric.js';
import type { FactValues } from '../evidence/derive-facts.js';
import type { ConditionReason, NodeStatus, Reason } from '../report/score-report.js';
import type { Evidence } from '../schema/evidence-schema.js';
import type { ReviewJudgement } from '../schema/review-schema.js';
import type { NumberOrParam } from './numbers.js';
import type { Dec } from './decimal.js';
import { explainLeaf } from './explain.js';
import type { ExternalScore } from './external.js';
import { getOwn } from '../model/own-property.js';

export interface ScoredDeduction {
  id: string;
  reason: string;
  amount: Dec;
  count?: Dec;
  each?: Dec;
  applied: boolean;
  /** Under an exclusive overlap: the 1-based list positions this rule charged, when they are visible. */
  occurrences?: number[];
}

/** A leaf's result before tree aggregation (exact decimals). */
export interface LeafResult {
  score: Dec;
  status: NodeStatus;
  reasons: Reason[];
  deductions: ScoredDeduction[];
  missingFacts: string[];
  judgement?: ReviewJudgement;
  /** Judgement keys (node id or `<node>#<deduction>`) this leaf still waits for: the result is provisional. */
  pendingJudgements?: string[];
}

export type SiteState = { state: 'true' | 'false'; conditions: ConditionReason[] } | { state: 'missing'; missingFacts: string[] };

export interface ScoreContext {
  compiled: CompiledRubric;
  evidence: Evidence;
  values: FactValues;
  outcomes: RuleOutcomes;
  /** The office's judgements (from its review file), keyed by node id or `<node>#<deduction>`. */
  judgements: Readonly<Record<string, ReviewJudgement>>;
  /** Outcome of a condition site, `missing` when a fact it reads has no value. */
  site(key: string): SiteState;
  /** A numeric fact's value, or null when missing / not numeric. */
  number(fact: string): number | null;
  /** Resolve a number or {param} to a number. */
  resolve(v: NumberOrParam): number;
  /** Leaf scores supplied from outside (ScoreOptions.externalScores), keyed by node id. */
  externalScores?: ReadonlyMap<string, ExternalScore>;
}

export function createContext(
  compiled: CompiledRubric,
  evidence: Evidence,
  values: FactValues,
  outcomes: RuleOutcomes,
  judgements: Readonly<Record<string, ReviewJudgement>> = {},
  /** false: conditions are not explained (each site's `conditions` is empty) — for a summary that never reads them. */
  explain = true,
): ScoreContext {
  const facts = compiled.rubric.facts;
  const isMissing = (f: string): boolean => values.get(f) === null || values.get(f) === undefined;
  return {
    compiled,
    evidence,
    values,
    outcomes,
    judgements,
    site(key) {
      const site = compiled.siteByKey.get(key);
      const missingFacts = site ? site.requiredFacts.filter(isMissing) : [];
      if (missingFacts.length > 0) return { state: 'missing', missingFacts };
      const o = outcomes.get(key);
      if (!o) return { state: 'missing', missingFacts: [] };
      return { state: o.result ? 'true' : 'false', conditions: explain ? o.leaves.map((l) => explainLeaf(l, facts)) : [] };
    },
    number(fact) {
      const v = values.get(fact);
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    },
    resolve(v) {
      if (typeof v === 'number') return v;
      const p = getOwn(compiled.rubric.parameters, v.param)?.value;
      return typeof p === 'number' ? p : Number(p);
    },
  };
}
