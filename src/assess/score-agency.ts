// The assessment of one agency, above the stages it drives: evidence values → derived facts → rules run → leaf methods
// (score/) → tree aggregation → totals → checks (checks/) → status and the ScoreReport contract (report/). score/ and
// report/ never import this folder. Pure apart from awaiting the rules run.
import type { CompiledRubric } from '../compile/compile-rubric.js';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FactValues } from '../evidence/derive-facts.js';
import type { ConditionReason, ScoreReport } from '../report/score-report.js';
import { buildReport, type BuildInput, type ReportOptions } from '../report/build-report.js';
import type { Evidence } from '../schema/evidence-schema.js';
import type { Veto } from '../schema/rubric-schema.js';
import type { Review } from '../schema/review-schema.js';
import { acceptedNotApplicable, correctedValues } from '../review/apply-review.js';
import { computeStatus } from '../report/status.js';
import { aggregateTree } from '../score/aggregate.js';
import { createContext } from '../score/context.js';
import { computeTotals } from '../score/totals.js';
import { measureVetoStakes } from '../score/veto-stake.js';
import { evaluateChecks } from '../checks/evaluate-checks.js';
import type { ExternalScore } from '../score/external.js';
import { collectFactValues } from './collect-fact-values.js';

/** Nodes not applicable to this agency: by class, or requested (合理缺项) and accepted by the office; descendants inherit. */
function collectNotApplicable(compiled: CompiledRubric, evidence: Evidence, review: Review | null): Map<string, string> {
  const na = new Map<string, string>();
  const declared = acceptedNotApplicable(evidence, review);
  const cls = evidence.agency.class;
  for (const f of compiled.model.nodes) {
    const parentReason = f.parent ? na.get(f.parent) : undefined;
    if (parentReason !== undefined) na.set(f.id, parentReason);
    else if (f.node.classes && (cls === undefined || !f.node.classes.includes(cls)))
      na.set(f.id, `仅适用于 ${f.node.classes.join('、')} 类单位${cls ? `,本单位为 ${cls} 类` : ''}`);
    else if (declared.has(f.id)) na.set(f.id, declared.get(f.id)!);
  }
  return na;
}

/**
 * One MISSING_FACT warning per missing evidence fact that an applicable node (or an undecided veto) needs, naming
 * who needs it. Facts used only by not-applicable nodes are not warned about: they cannot change the score.
 */
function missingFactWarnings(compiled: CompiledRubric, values: FactValues, notApplicable: Map<string, string>, undecidedVetoes: Set<string>): Diagnostic[] {
  const users = new Map<string, string[]>();
  for (const [key, facts] of compiled.factUsers) {
    const isVeto = key.startsWith('veto:');
    if (isVeto ? !undecidedVetoes.has(key) : notApplicable.has(key)) continue;
    for (const f of facts) {
      if (values.get(f) !== null && values.get(f) !== undefined) continue;
      const who = isVeto ? `否决项 ${key.slice(5)}(无法判断,按未触发处理)` : `${key} ${compiled.model.byId.get(key)?.node.title ?? ''}`.trim();
      users.set(f, [...(users.get(f) ?? []), who]);
    }
  }
  return [...users.keys()].sort().map((f) =>
    makeDiagnostic('MISSING_FACT', { severity: 'warning', actual: f, path: ['facts', f], hint: `用于评分项 ${users.get(f)!.join('、')}` }),
  );
}

export interface ScoreOptions extends ReportOptions {
  /** Warnings from evidence validation, carried into the report. */
  diagnostics?: Diagnostic[];
  /** Leaves scored from outside (rank points in a batch's second pass, M27), keyed by node id. */
  externalScores?: ReadonlyMap<string, ExternalScore>;
  /**
   * false: the per-condition explanations (fact, value seen, requirement) are not built — every reason's
   * `conditions` is empty. Only for an assessment that is summarised and never turned into a report.
   */
  explainConditions?: boolean;
}

/** Score one agency's (validated) evidence against a compiled rubric. */
export async function scoreAgency(compiled: CompiledRubric, evidence: Evidence, opts: ScoreOptions): Promise<ScoreReport> {
  return buildReport(await assessAgency(compiled, evidence, opts));
}

/**
 * Everything of an assessment but the report: exact results, totals, checks and status, as `buildReport` takes them.
 * A comparison summarises this directly (src/cohort/summarise-assessment.ts) instead of building every report.
 */
export async function assessAgency(compiled: CompiledRubric, evidence: Evidence, opts: ScoreOptions): Promise<BuildInput> {
  const review = opts.review?.review ?? null;
  const values = collectFactValues(compiled, evidence, correctedValues(compiled, review));
  const engineFacts: Record<string, unknown> = {};
  for (const [k, v] of values) engineFacts[k] = v;
  const outcomes = await compiled.runRules(engineFacts);
  const ctx = createContext(compiled, evidence, values, outcomes, review?.judgements ?? {}, opts.explainConditions !== false);
  if (opts.externalScores) ctx.externalScores = opts.externalScores;
  const diagnostics: Diagnostic[] = [...(opts.diagnostics ?? [])];

  let assessmentVeto: Veto | null = null;
  const nodeVetoes = new Map<string, Veto>();
  const vetoConditions = new Map<string, ConditionReason[]>();
  const undecidedVetoes = new Set<string>();
  for (const v of compiled.rubric.vetoes) {
    const st = ctx.site(`veto:${v.id}`);
    if (st.state === 'missing') {
      // Policy: a veto that cannot be decided does not fire; the missing facts are warned about below.
      undecidedVetoes.add(`veto:${v.id}`);
      continue;
    }
    if (st.state !== 'true') continue;
    vetoConditions.set(v.id, st.conditions);
    if (v.target === 'assessment') assessmentVeto ??= v;
    else if (!nodeVetoes.has(v.target)) nodeVetoes.set(v.target, v);
  }
  const model = compiled.model;
  const notApplicable = collectNotApplicable(compiled, evidence, review);
  const treeInput = { ctx, notApplicable, vetoConditions, ...(review ? { overrides: new Map(Object.entries(review.overrides)) } : {}) };
  const results = aggregateTree(model.nodes, model.byId, { ...treeInput, nodeVetoes, stopAll: assessmentVeto?.stopScoring ? assessmentVeto : null });
  const totals = computeTotals(model, results, ctx, assessmentVeto);
  const vetoStakes = measureVetoStakes(model, ctx, treeInput, results, totals, { assessment: assessmentVeto, nodes: nodeVetoes });
  diagnostics.push(...missingFactWarnings(compiled, values, notApplicable, undecidedVetoes));
  // Checks read the values the engine scored with (the office's corrections applied); its resolutions are carried.
  const checks = evaluateChecks(compiled.rubric.checks, compiled.rubric.facts, values, review?.checks ?? {});
  const status = computeStatus({ compiled, results, evidence, review, assessmentVetoStops: assessmentVeto?.stopScoring === true, checks });
  return { compiled, evidence, results, totals, assessmentVeto, vetoConditions: assessmentVeto ? vetoConditions.get(assessmentVeto.id) ?? [] : [], checks, status, vetoStakes, diagnostics, opts };
}
