// Score one cohort of evidence files (this year's, or last year's) as a batch: first pass for every file, the
// duplicate rule, then — when the rubric has rank-relative criteria (M27) — ranks from the first pass and a second
// pass that rescores every agency with its rank points. Keeps one AgencySummary per agency code.
//
// Duplicate rule: when two files carry the same agency code, the file whose path sorts first (plain code-point
// order) is scored and the others are left out and flagged — independent of the order the files were given in.
import type { CompiledRubric } from '../compile/compile-rubric.js';
import type { ExternalScore } from '../score/external.js';
import type { AgencySummary } from './agency-summary.js';
import type { BatchPlan } from './batch-plan.js';
import type { LeftOutFile, RankCriterionInfo } from './compare-report.js';
import { computeRankScores } from './rank-criteria.js';
import { compareCodes } from './ranking.js';
import type { CarryInfo, ScoreTask, TaskMode, TaskOutcome } from './score-file.js';
import type { TaskRunner } from './task-runner.js';

export interface CohortResult {
  /** Scored agencies by code (the kept file for duplicates). */
  agencies: Map<string, AgencySummary>;
  carry: Map<string, CarryInfo>;
  /** Rank points given in the second pass, by code. */
  externals: Map<string, Array<[string, ExternalScore]>>;
  rankInfo: RankCriterionInfo[];
  leftOut: LeftOutFile[];
  /** Rubric files found among the inputs. */
  skipped: string[];
}

export interface CohortProgress {
  (done: number, total: number): void;
}

export interface CohortInput {
  files: readonly string[];
  mode: TaskMode;
  runner: TaskRunner;
  /** The plan and rubric the cohort is scored under (this year's for current/rescore). */
  plan: BatchPlan;
  compiled: CompiledRubric;
  /** Files already known to be unusable (missing inputs, wrong extension). */
  preLeftOut?: LeftOutFile[];
  onProgress?: CohortProgress;
}

/** Score a cohort: first pass, duplicates, rank second pass. */
export async function scoreCohort(input: CohortInput): Promise<CohortResult> {
  const { files, mode, runner, plan, compiled } = input;
  const byCode = new Map<string, { kept: TaskOutcome & { ok: true }; others: string[] }>();
  const leftOut: LeftOutFile[] = [...(input.preLeftOut ?? [])];
  const skipped: string[] = [];
  const passes = plan.rankNodes.length > 0 ? 2 : 1;
  let done = 0;
  let total = files.length * passes;
  const tick = (): void => input.onProgress?.(++done, total);

  await runner.run(
    files.map((file) => ({ file, mode })),
    (o) => {
      tick();
      if (!o.ok) {
        if (o.reason === 'rubricFile') skipped.push(o.file);
        else leftOut.push({ file: o.file, reason: o.reason, ...(o.code !== undefined ? { code: o.code } : {}), messages: o.messages });
        return;
      }
      const code = o.summary.agency.code;
      const prev = byCode.get(code);
      if (!prev) byCode.set(code, { kept: o, others: [] });
      else if (compareCodes(o.file, prev.kept.file) < 0) {
        prev.others.push(prev.kept.file);
        prev.kept = o;
      } else prev.others.push(o.file);
    },
  );
  const agencies = new Map<string, AgencySummary>();
  const carry = new Map<string, CarryInfo>();
  for (const code of [...byCode.keys()].sort(compareCodes)) {
    const { kept, others } = byCode.get(code)!;
    agencies.set(code, kept.summary);
    if (kept.carry) carry.set(code, kept.carry);
    for (const file of others)
      leftOut.push({
        file,
        reason: 'duplicate',
        code,
        keptFile: kept.file,
        // A batch-level finding, not a property of one file: its code lives with the comparison contract (README).
        messages: [{ code: 'DUPLICATE_AGENCY', severity: 'error', message: `单位代码 "${code}" 重复:已采用 ${kept.file},本文件未计入比较`, path: 'agency.code' }],
      });
  }

  let externals = new Map<string, Array<[string, ExternalScore]>>();
  let rankInfo: RankCriterionInfo[] = [];
  if (plan.rankNodes.length > 0) {
    const rs = computeRankScores(plan.rankNodes, compiled, [...agencies.values()]);
    externals = rs.externals;
    rankInfo = rs.info;
    const tasks: ScoreTask[] = [];
    for (const [code, a] of agencies) {
      const ext = externals.get(code);
      if (ext) tasks.push({ file: a.file, mode, external: ext });
    }
    total = files.length + tasks.length;
    await runner.run(tasks, (o) => {
      tick();
      if (!o.ok) {
        // The file changed or vanished between the passes: leave it out rather than mix passes.
        const code = [...agencies].find(([, a]) => a.file === o.file)?.[0];
        if (code !== undefined) agencies.delete(code);
        leftOut.push({ file: o.file, reason: o.reason === 'rubricFile' ? 'invalid' : o.reason, messages: o.messages });
        return;
      }
      const code = o.summary.agency.code;
      const first = agencies.get(code);
      if (!first || first.file !== o.file) return;
      if (first.rankBasis) o.summary.rankBasis = first.rankBasis;
      if (first.rankApplies) o.summary.rankApplies = first.rankApplies;
      agencies.set(code, o.summary);
      if (o.carry) carry.set(code, o.carry);
    });
  }
  leftOut.sort((a, b) => compareCodes(a.file, b.file));
  skipped.sort(compareCodes);
  return { agencies, carry, externals, rankInfo, leftOut, skipped };
}
