// The batch pipeline behind `zwgk compare`:
//
//   collect-inputs ──> score-cohort (pass 1 → duplicates → rank pass 2) ──> build-compare-report ──> formatters
//        │                  └── task-runner: in this thread, or worker-pool (one Engine per worker thread)
//        └── with a baseline: the same for last year's files (as-is, and carried into this year's rubric),
//            then baseline-split
//
// Input: rubric(s) already compiled by the caller (who prints their diagnostics). Output: the CompareReport.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { CompiledRubric } from '../compile/compile-rubric.js';
import type { AgencyRegister } from '../register/agency-register.js';
import type { ExternalScore } from '../score/external.js';
import type { AgencySummary } from '../cohort/agency-summary.js';
import { buildBaselineSection } from '../cohort/baseline-split.js';
import { buildBatchPlan } from '../cohort/batch-plan.js';
import { buildCompareView, materialiseReport, type CompareView } from '../cohort/build-compare-report.js';
import { collectInputFiles } from './run/collect-inputs.js';
import { collectReviews, unmatchedReviews } from './run/collect-reviews.js';
import { compareCodes } from '../cohort/ranking.js';
import type { CompareReport } from '../cohort/compare-report.js';
import type { ScoreReport } from '../report/score-report.js';
import { scoreCohort } from '../cohort/score-cohort.js';
import { FileScorer, type ScoreTask, type SummaryPath } from './run/score-file.js';
import { InProcessRunner, type TaskRunner } from './run/task-runner.js';
import { WorkerPool, type PoolLimits } from './run/worker-pool.js';

/** Below this many files, starting worker threads costs more than it saves. */
export const WORKER_THRESHOLD = 200;

export interface RubricInputs {
  /** Rubric file as given (read by workers). */
  file: string;
  compiled: CompiledRubric;
}

export interface CompareOptions {
  inputs: readonly string[];
  rubric: RubricInputs;
  /** Last year's evidence and rubric; `reviews`: last year's office reviews (`--baseline-reviews`). */
  baseline?: { inputs: readonly string[]; rubric: RubricInputs; reviews?: string };
  cwd: string;
  /** Worker threads to use (default: the machine's cores); 1 scores in this thread. */
  jobs?: number;
  /** auto: workers only for batches of WORKER_THRESHOLD files or more. */
  workers?: 'auto' | 'always' | 'never';
  onProgress?: (phase: string, done: number, total: number) => void;
  /** Agency register: which file is whose (this year's inputs). Without it a duplicated agency code leaves all its files out. */
  register?: AgencyRegister;
  /** Heap and time limits of each worker thread (defaults: WORKER_OLD_GENERATION_MB, TASK_TIMEOUT_MS). */
  workerLimits?: Partial<PoolLimits>;
  /** Folder of the office's review files (`--reviews`), matched to this year's agencies by agency code. */
  reviews?: string;
  /**
   * `direct` (default): each agency's summary straight from its assessment, no explained report built; `report`:
   * from the full report (the reference the differential test compares against). Outputs are identical.
   */
  summaryPath?: SummaryPath;
  /**
   * Called with each compared agency's full score report (the one `zwgk score` gives, with its review and rank
   * points), one at a time in agency-code order, after scoring — e.g. to write its 自查评分表 (`compare --sheets`).
   */
  onAgencyReport?: (code: string, report: ScoreReport) => Promise<void>;
}

/** Score each compared agency once more in this thread for its full report, in code order (memory: one at a time). */
async function reportEachAgency(
  opts: CompareOptions,
  agencies: ReadonlyMap<string, AgencySummary>,
  externals: ReadonlyMap<string, Array<[string, ExternalScore]>>,
  reviews: ReadonlyMap<string, string>,
  onProgress: (done: number, total: number) => void,
): Promise<void> {
  const scorer = new FileScorer({ current: opts.rubric.compiled }, opts.cwd, { current: reviews });
  const codes = [...agencies.keys()].sort(compareCodes);
  let done = 0;
  for (const code of codes) {
    const external = externals.get(code);
    const report = await scorer.report({ file: agencies.get(code)!.file, mode: 'current', ...(external ? { external } : {}) });
    if (report) await opts.onAgencyReport!(code, report);
    onProgress(++done, codes.length);
  }
}

async function createRunner(
  opts: CompareOptions,
  taskCount: number,
  reviews: { current: ReadonlyMap<string, string>; baseline: ReadonlyMap<string, string> },
): Promise<TaskRunner> {
  const jobs = Math.max(1, Math.floor(opts.jobs ?? availableParallelism()));
  const mode = opts.workers ?? 'auto';
  const useWorkers = mode === 'always' || (mode === 'auto' && jobs > 1 && taskCount >= WORKER_THRESHOLD);
  if (!useWorkers) {
    const b = opts.baseline?.rubric.compiled;
    return new InProcessRunner(new FileScorer({ current: opts.rubric.compiled, ...(b ? { baseline: b } : {}) }, opts.cwd, reviews, opts.summaryPath ?? 'direct'));
  }
  return WorkerPool.create(jobs, {
    rubric: opts.rubric.compiled.rubric,
    rubricFile: resolve(opts.cwd, opts.rubric.file),
    rubricHash: opts.rubric.compiled.hash,
    ...(opts.baseline
      ? {
          baselineRubric: opts.baseline.rubric.compiled.rubric,
          baselineRubricFile: resolve(opts.cwd, opts.baseline.rubric.file),
          baselineRubricHash: opts.baseline.rubric.compiled.hash,
        }
      : {}),
    cwd: opts.cwd,
    ...(opts.rubric.compiled.engine === 'reference' ? { engine: 'reference' as const } : {}),
    ...(opts.summaryPath === 'report' ? { summaries: 'report' as const } : {}),
    ...(reviews.current.size > 0 ? { reviews: [...reviews.current] } : {}),
    ...(reviews.baseline.size > 0 ? { baselineReviews: [...reviews.baseline] } : {}),
  }, opts.workerLimits);
}

/** Run a comparison; the whole CompareReport in memory. Never throws for bad evidence (it is reported in `leftOut`). */
export async function compareBatch(opts: CompareOptions): Promise<CompareReport> {
  return materialiseReport(await compareBatchView(opts));
}

/**
 * Run a comparison and return it as a view (rows made on demand), which the formatters stream: what the CLI uses,
 * so memory stays bounded by the agency summaries rather than by the size of the output.
 */
export async function compareBatchView(opts: CompareOptions): Promise<CompareView> {
  const compiled = opts.rubric.compiled;
  const plan = buildBatchPlan(compiled);
  const rubricFiles = [opts.rubric.file, ...(opts.baseline ? [opts.baseline.rubric.file] : [])];
  const reviews = opts.reviews !== undefined ? await collectReviews(opts.reviews, opts.cwd, compiled) : null;
  const current = await collectInputFiles(opts.inputs, opts.cwd, [...rubricFiles, ...(reviews?.files ?? [])]);
  const baselineReviews = opts.baseline?.reviews !== undefined ? await collectReviews(opts.baseline.reviews, opts.cwd, opts.baseline.rubric.compiled) : null;
  const previousFiles = opts.baseline ? await collectInputFiles(opts.baseline.inputs, opts.cwd, [...rubricFiles, ...(baselineReviews?.files ?? [])]) : null;
  const runner = await createRunner(opts, current.files.length + 2 * (previousFiles?.files.length ?? 0), {
    current: reviews?.byCode ?? new Map(),
    baseline: baselineReviews?.byCode ?? new Map(),
  });
  const progress = (phase: string) => (done: number, total: number) => opts.onProgress?.(phase, done, total);
  try {
    const cur = await scoreCohort({
      files: current.files,
      mode: 'current',
      runner,
      plan,
      compiled,
      preLeftOut: current.leftOut,
      ...(opts.register ? { register: opts.register } : {}),
      onProgress: progress('评分'),
    });
    if (reviews) {
      const seen = new Set([...cur.agencies.keys(), ...cur.leftOut.flatMap((l) => (l.code !== undefined ? [l.code] : []))]);
      cur.leftOut.push(...reviews.leftOut, ...unmatchedReviews(reviews, seen));
      cur.leftOut.sort((a, b) => compareCodes(a.file, b.file));
    }
    if (opts.onAgencyReport) await reportEachAgency(opts, cur.agencies, cur.externals, reviews?.byCode ?? new Map(), progress('评分表'));
    let baseline = null;
    if (opts.baseline && previousFiles) {
      const bCompiled = opts.baseline.rubric.compiled;
      const previous = await scoreCohort({
        files: previousFiles.files,
        mode: 'baseline',
        runner,
        plan: buildBatchPlan(bCompiled),
        compiled: bCompiled,
        preLeftOut: previousFiles.leftOut,
        onProgress: progress('基准年评分'),
      });
      if (baselineReviews) {
        const seen = new Set([...previous.agencies.keys(), ...previous.leftOut.flatMap((l) => (l.code !== undefined ? [l.code] : []))]);
        previous.leftOut.push(...baselineReviews.leftOut, ...unmatchedReviews(baselineReviews, seen));
      }
      const rescored = await scoreCohort({ files: previousFiles.files, mode: 'rescore', runner, plan, compiled, onProgress: progress('基准年按今年细则重算') });
      const bridged = await bridgeNotComparable(runner, cur.agencies, cur.externals, rescored.agencies, rescored.carry, rescored.externals);
      baseline = buildBaselineSection({ baselineRubric: bCompiled, current: cur.agencies, previous, rescored, bridged });
    }
    return buildCompareView({
      compiled,
      plan,
      agencies: cur.agencies.values(),
      rankInfo: cur.rankInfo,
      leftOut: cur.leftOut,
      skipped: cur.skipped,
      files: current.files.length + current.leftOut.length,
      baseline,
    });
  } finally {
    await runner.close();
  }
}

/**
 * For agencies whose re-scored baseline has not-comparable criteria: take this year's scores of those criteria and
 * rescore last year's carried evidence with them substituted (the "bridged" baseline of baseline-split.ts).
 */
async function bridgeNotComparable(
  runner: TaskRunner,
  current: Map<string, AgencySummary>,
  currentExternals: Map<string, Array<[string, ExternalScore]>>,
  rescored: Map<string, AgencySummary>,
  carry: Map<string, { notComparable: Array<{ id: string }> }>,
  rescoredExternals: Map<string, Array<[string, ExternalScore]>>,
): Promise<Map<string, AgencySummary>> {
  const wanted = new Map<string, string[]>();
  for (const [code, c] of carry) if (c.notComparable.length > 0 && current.has(code) && rescored.has(code)) wanted.set(code, c.notComparable.map((x) => x.id));
  const bridged = new Map<string, AgencySummary>();
  if (wanted.size === 0) return bridged;
  const scores = new Map<string, Record<string, number>>();
  const curTasks: ScoreTask[] = [...wanted].map(([code, ids]) => ({
    file: current.get(code)!.file,
    mode: 'current',
    leafScoresFor: ids,
    ...(currentExternals.has(code) ? { external: currentExternals.get(code)! } : {}),
  }));
  await runner.run(curTasks, (o) => {
    if (o.ok && o.summary.leafScores) scores.set(o.summary.agency.code, o.summary.leafScores);
  });
  const reTasks: ScoreTask[] = [];
  for (const [code, ids] of wanted) {
    const leaf = scores.get(code);
    if (!leaf) continue;
    const ext: Array<[string, ExternalScore]> = [...(rescoredExternals.get(code) ?? [])];
    for (const id of ids) if (leaf[id] !== undefined) ext.push([id, { score: leaf[id]!, kind: 'baseline', reason: '去年事实无法按今年细则计分,按今年得分代入' }]);
    reTasks.push({ file: rescored.get(code)!.file, mode: 'rescore', external: ext });
  }
  await runner.run(reTasks, (o) => {
    if (o.ok) bridged.set(o.summary.agency.code, o.summary);
  });
  return bridged;
}
