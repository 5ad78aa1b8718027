// A comparison's summary of one agency straight from its assessment (assess/score-agency.ts assessAgency), without
// building the explained report: the nodes' rounded scores, maxima, statuses and losses, over-claims, totals, veto,
// checks and status — exactly the numbers buildReport writes (same rounding, same order), and nothing else. The
// summary is then made by the same summariseReport as from a full report, so the two paths cannot drift apart;
// tests/differential/summary-path.test.ts checks they give identical summaries and comparisons.
import { getOwn } from '../model/own-property.js';
import { ID_ORDER, outputRounder, outputTotals, type BuildInput } from '../report/build-report.js';
import { outputDifference, outputNumberMinus, outputOfNumber } from '../score/scaled.js';
import type { SummarySource } from './agency-summary.js';

/** The report-shaped source of a summary, made from an assessment. */
export function summarySource(input: BuildInput): SummarySource {
  const { compiled, evidence, results } = input;
  const out = outputRounder(compiled);
  const p = compiled.rubric.precision;
  const nodes: Array<SummarySource['nodes'][number]> = [];
  const overClaims: Array<SummarySource['overClaims'][number]> = [];
  let missingEvidence = 0;
  for (const f of compiled.model.nodes) {
    const r = results.get(f.id)!;
    const score = out(r.score);
    nodes.push({
      id: f.id,
      parent: f.parent,
      score,
      applicableMax: out(r.applicableMax),
      status: r.status,
      // The same exact helpers as buildReport (scaled integers; decimal.js only when a value does not fit).
      lost: f.kind === 'score' && r.status !== 'not_applicable' ? Math.max(0, outputDifference(r.applicableMax, r.score, p)) : 0,
    });
    if (r.status === 'missing_evidence') missingEvidence++;
    const claim = getOwn(evidence.claims, f.id);
    if (claim !== undefined) {
      const difference = outputNumberMinus(claim, r.score, p);
      if (difference > 0) overClaims.push({ id: f.id, claimed: outputOfNumber(claim, p), score, difference });
    }
  }
  overClaims.sort((a, b) => b.difference - a.difference || ID_ORDER.compare(a.id, b.id));
  const veto = input.assessmentVeto;
  return {
    agency: evidence.agency,
    period: evidence.period,
    evidence: { hash: input.opts.evidenceHash },
    totals: outputTotals(input, out),
    veto: veto ? { id: veto.id, title: veto.title } : null,
    nodes,
    overClaims,
    missingEvidence: { length: missingEvidence },
    diagnostics: input.diagnostics,
    checks: input.checks,
    status: input.status.status,
    pending: input.status.pending,
  };
}
