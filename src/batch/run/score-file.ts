// One batch task: read one evidence file, validate it against the rubric, score it (the full explained report,
// exactly what `zwgk score` produces) and reduce the report to an AgencySummary. The same code runs in a worker
// thread and, for small batches, in the main thread, so both paths give identical results.
import { resolve } from 'node:path';
import { checkEvidenceSource, checkReviewSource, type LoadedEvidence } from '../../api.js';
import type { Review } from '../../schema/review-schema.js';
import type { ScoreReport } from '../../report/score-report.js';
import type { CompiledRubric } from '../../compile/compile-rubric.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { MAX_PRINTED_PER_CODE } from '../../diagnostics/format-diagnostics.js';
import type { Evidence } from '../../schema/evidence-schema.js';
import type { ExternalScore } from '../../score/external.js';
import { assessAgency } from '../../assess/score-agency.js';
import { buildReport } from '../../report/build-report.js';
import { summarySource } from '../../cohort/summarise-assessment.js';
import { collectFactValues } from '../../assess/collect-fact-values.js';
import { ENGINE_VERSION } from '../../version.js';
import { summariseReport, type AgencySummary } from '../../cohort/agency-summary.js';
import { buildBatchPlan, type BatchPlan } from '../../cohort/batch-plan.js';
import { carryEvidence, carryReview, findNotComparable } from '../../cohort/carry-evidence.js';
import type { LeftOutFile, LeftOutMessage, LeftOutReason, NotComparableCriterion } from '../../cohort/compare-report.js';
import { looksLikeReview, looksLikeRubric, readEvidenceSource } from './read-evidence.js';

/**
 * current: this year's evidence under this year's rubric; baseline: last year's evidence under last year's rubric;
 * rescore: last year's evidence carried into this year's rubric (the baseline split's middle term).
 */
export type TaskMode = 'current' | 'baseline' | 'rescore';

export interface ScoreTask {
  /** File as the user gave it (shown in messages); read relative to the batch's cwd. */
  file: string;
  mode: TaskMode;
  /** Second pass: leaf scores fixed from outside (rank points, baseline substitution). */
  external?: Array<[string, ExternalScore]>;
  /** Leaves whose scores the summary should carry. */
  leafScoresFor?: string[];
}

export interface CarryInfo {
  droppedFacts: string[];
  notComparable: NotComparableCriterion[];
}

export type TaskOutcome =
  | { ok: true; file: string; summary: AgencySummary; carry?: CarryInfo; reviewLeftOut?: LeftOutFile }
  | { ok: false; file: string; reason: LeftOutReason | 'rubricFile'; code?: string; messages: LeftOutMessage[] };

/** Where a comparison's agency summaries come from (see FileScorer). */
export type SummaryPath = 'direct' | 'report';

export interface ScorerRubrics {
  current: CompiledRubric;
  baseline?: CompiledRubric;
}

/**
 * The error messages of a left-out file, at most MAX_PRINTED_PER_CODE per code plus one line counting the rest (a
 * file with 30,000 unknown keys must not put 30,000 lines in the report and on the terminal).
 */
function messagesOf(diags: readonly Diagnostic[]): LeftOutMessage[] {
  const seen = new Map<string, number>();
  const kept: Diagnostic[] = [];
  for (const d of diags) {
    if (d.severity !== 'error') continue;
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (n <= MAX_PRINTED_PER_CODE) kept.push(d);
  }
  const rest: LeftOutMessage[] = [];
  for (const [code, n] of seen)
    if (n > MAX_PRINTED_PER_CODE) rest.push({ code, severity: 'error', message: `另有 ${n - MAX_PRINTED_PER_CODE} 条 ${code} 未逐条列出（同类共 ${n} 条）` });
  return kept
    .map((d): LeftOutMessage => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      ...(d.line !== undefined ? { line: d.line } : {}),
      ...(d.column !== undefined ? { column: d.column } : {}),
      ...(d.path !== undefined ? { path: d.path } : {}),
      ...(d.hint !== undefined ? { hint: d.hint } : {}),
    }))
    .concat(rest);
}

function codeOf(data: unknown): string | undefined {
  const a = (data as { agency?: { code?: unknown } } | null)?.agency;
  return a && typeof a.code === 'string' ? a.code : undefined;
}

/** Basis values of the rank criteria for one agency (first pass). */
function rankBasis(plan: BatchPlan, compiled: CompiledRubric, evidence: Evidence, summaryNodes: Map<string, { score: number; na: boolean }>): {
  basis: Array<number | null>;
  applies: boolean[];
} {
  let values: Map<string, unknown> | null = null;
  const basis: Array<number | null> = [];
  const applies: boolean[] = [];
  for (const r of plan.rankNodes) {
    applies.push(!summaryNodes.get(r.id)!.na);
    const b = r.spec.basis;
    if ('fact' in b) {
      values ??= collectFactValues(compiled, evidence);
      const v = values.get(b.fact);
      basis.push(typeof v === 'number' && Number.isFinite(v) ? v : null);
    } else {
      const n = summaryNodes.get(b.node);
      basis.push(n && !n.na ? n.score : null);
    }
  }
  return { basis, applies };
}

/** Scores batch tasks against compiled rubrics; one instance per thread (one Engine per rubric per thread). */
export class FileScorer {
  readonly plans: { current: BatchPlan; baseline?: BatchPlan };

  /**
   * @param reviews the office's review file for each agency code: this year's (`compare --reviews`) and last year's
   *   (`--baseline-reviews`, also carried into this year's rubric for the re-scored baseline).
   * @param summaries `direct` (default): summaries straight from the assessment; `report`: from the full explained
   *   report, as before the summary path (the differential test compares the two).
   */
  constructor(
    private readonly rubrics: ScorerRubrics,
    private readonly cwd: string,
    private readonly reviews: { current?: ReadonlyMap<string, string>; baseline?: ReadonlyMap<string, string> } = {},
    private readonly summaries: SummaryPath = 'direct',
  ) {
    this.plans = { current: buildBatchPlan(rubrics.current), ...(rubrics.baseline ? { baseline: buildBatchPlan(rubrics.baseline) } : {}) };
  }

  /** Run one task; never throws for bad input (an internal error becomes an `invalid` outcome). */
  async run(task: ScoreTask, keep?: (report: ScoreReport) => void): Promise<TaskOutcome> {
    try {
      return await this.runUnsafe(task, keep);
    } catch (err) {
      // A programmer bug, said in Chinese (the English exception text is not for the officer's report).
      void err;
      const message = '内部错误:评分本文件时程序出现意外情况,本文件未计入比较;请把该文件报告给维护者';
      return { ok: false, file: task.file, reason: 'invalid', messages: [{ code: 'INTERNAL_ERROR', severity: 'error', message }] };
    }
  }

  /**
   * The full score report of one task — exactly what `zwgk score` (with the agency's review, and the rank points of
   * a comparison's second pass in `task.external`) gives — or null when the file is left out. Used to write each
   * agency's 自查评分表 beside the comparison (`compare --sheets`).
   */
  async report(task: ScoreTask): Promise<ScoreReport | null> {
    let kept: ScoreReport | null = null;
    const outcome = await this.run(task, (r) => (kept = r));
    return outcome.ok ? kept : null;
  }

  private async runUnsafe(task: ScoreTask, keep?: (report: ScoreReport) => void): Promise<TaskOutcome> {
    const { file, mode } = task;
    const loadUnder = mode === 'current' ? this.rubrics.current : this.rubrics.baseline;
    if (!loadUnder) throw new Error('没有提供基准年细则');
    const src = readEvidenceSource(resolve(this.cwd, file), file);
    if (!src.ok) {
      const reason = src.diagnostics.some((d) => d.code === 'FILE_NOT_FOUND' || d.code === 'FILE_UNREADABLE' || d.code === 'FILE_TOO_LARGE') ? 'unreadable' : 'invalid';
      return { ok: false, file, reason, messages: messagesOf(src.diagnostics) };
    }
    // Rubric and review files found among the evidence inputs are skipped (listed), not scored and not errors.
    if (looksLikeRubric(src.value.data) || looksLikeReview(src.value.data)) return { ok: false, file, reason: 'rubricFile', messages: [] };
    const checked = checkEvidenceSource(src.value, loadUnder);
    if (!checked.ok) {
      const code = codeOf(src.value.data);
      // Evidence for another rubric (or version): that one finding explains every other (unknown facts, nodes …).
      const mismatch = checked.diagnostics.filter((d) => d.code === 'RUBRIC_MISMATCH' || d.code === 'VERSION_MISMATCH');
      const reason = mismatch.length > 0 ? 'wrongRubric' : 'invalid';
      return { ok: false, file, reason, ...(code !== undefined ? { code } : {}), messages: messagesOf(mismatch.length > 0 ? mismatch : checked.diagnostics) };
    }
    const loaded = checked.value;
    const external = task.external && task.external.length > 0 ? new Map(task.external) : undefined;
    let evidence = loaded.evidence;
    let scoreUnder = loadUnder;
    let plan = mode === 'baseline' ? this.plans.baseline! : this.plans.current;
    let carried: ReturnType<typeof carryEvidence> | null = null;
    if (mode === 'rescore') {
      carried = carryEvidence(loaded.evidence, this.rubrics.current);
      evidence = carried.evidence;
      scoreUnder = this.rubrics.current;
      plan = this.plans.current;
    }
    const loadedReview = this.loadReview(loaded, mode === 'current' ? 'current' : 'baseline', loadUnder);
    // The re-scored baseline reads last year's review as it carries into this year's rubric.
    const review = loadedReview?.ok && carried ? { ok: true as const, value: { ...loadedReview.value, review: carryReview(loadedReview.value.review, this.rubrics.current) } } : loadedReview;
    // The explained report only where it is wanted (a sheet) or read (the baseline's not-comparable criteria); a
    // comparison otherwise summarises the assessment directly (the same numbers, no explanations built).
    const wantReport = keep !== undefined || carried !== null || this.summaries === 'report';
    const assessed = await assessAgency(scoreUnder, evidence, {
      ...(wantReport ? {} : { explainConditions: false }),
      evidenceHash: loaded.hash,
      evidenceFile: file,
      engineVersion: ENGINE_VERSION,
      diagnostics: mode === 'rescore' ? [] : loaded.warnings,
      ...(external ? { externalScores: external } : {}),
      ...(review?.ok ? { review: review.value } : {}),
    });
    const report = wantReport ? buildReport(assessed) : null;
    if (report) keep?.(report);
    const source = report ?? summarySource(assessed);
    const summary = summariseReport(source, plan, file, task.leafScoresFor);
    if (plan.rankNodes.length > 0 && !external) {
      const nodes = new Map(source.nodes.map((n) => [n.id, { score: n.score, na: n.status === 'not_applicable' }]));
      const r = rankBasis(plan, scoreUnder, evidence, nodes);
      summary.rankBasis = r.basis;
      summary.rankApplies = r.applies;
    }
    if (carried) {
      return { ok: true, file, summary, carry: { droppedFacts: carried.droppedFacts, notComparable: findNotComparable(report!, loadUnder, this.rubrics.current, carried) } };
    }
    return { ok: true, file, summary, ...(review && !review.ok && mode !== 'rescore' ? { reviewLeftOut: review.leftOut } : {}) };
  }

  /**
   * The office's review for this agency, checked against its evidence; a review that does not fit (a not-applicable
   * decision the evidence never asked for …) is left out and the agency scored without it (provisional).
   */
  private loadReview(
    loaded: LoadedEvidence,
    year: 'current' | 'baseline',
    rubric: CompiledRubric,
  ): { ok: true; value: { review: Review; hash: string; file: string } } | { ok: false; leftOut: LeftOutFile } | null {
    const code = loaded.evidence.agency.code;
    const file = this.reviews[year]?.get(code);
    if (file === undefined) return null;
    const src = readEvidenceSource(resolve(this.cwd, file), file);
    const checked = src.ok ? checkReviewSource(src.value, rubric, loaded) : src;
    if (!checked.ok) return { ok: false, leftOut: { file, reason: src.ok ? 'invalid' : 'unreadable', code, messages: messagesOf(checked.diagnostics) } };
    return { ok: true, value: { review: checked.value.review, hash: checked.value.hash, file } };
  }
}
