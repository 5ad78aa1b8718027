// Score one cohort of evidence files (this year's, or last year's) as a batch: first pass for every file, the
// duplicate rule, then — when the rubric has rank-relative criteria (M27) — ranks from the first pass and a second
// pass that rescores every agency with its rank points. Keeps one AgencySummary per agency code.
//
// Duplicate rule: a winner is never picked silently. When several files carry the same agency code, all of them are
// left out (DUPLICATE_AGENCY, naming each) — a file that copies another agency's code, named to sort first, must not
// push the genuine one out. An agency register (--register) decides instead: a file is scored only when its code
// is registered, its class agrees and it is the file the register names for that code (src/register/).
import type { CompiledRubric } from '../compile/compile-rubric.js';
import { isRegisteredFile, type AgencyRegister } from '../register/agency-register.js';
import type { ExternalScore } from '../score/external.js';
import type { AgencySummary } from './agency-summary.js';
import { packSummary } from './packed-summary.js';
import type { BatchPlan } from './batch-plan.js';
import type { LeftOutFile, RankCriterionInfo } from './compare-report.js';
import { computeRankScores } from './rank-criteria.js';
import { compareCodes } from './ranking.js';
import type { CarryInfo, ScoreTask, TaskMode, TaskOutcome } from '../batch/run/score-file.js';
import type { TaskRunner } from '../batch/run/task-runner.js';

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
  /** Which file is whose (this year's cohort only); without it a duplicated code leaves all its files out. */
  register?: AgencyRegister;
  onProgress?: CohortProgress;
}

/**
 * The one file scored for an agency code, or null; every other file with that code goes to `leftOut` with its
 * reason. Batch-level findings, not properties of one file: their codes (DUPLICATE_AGENCY, NOT_IN_REGISTER,
 * REGISTER_MISMATCH) live with the comparison contract (README).
 */
function pickAgencyFile(
  code: string,
  files: Array<TaskOutcome & { ok: true }>,
  register: AgencyRegister | undefined,
  leftOut: LeftOutFile[],
): (TaskOutcome & { ok: true }) | null {
  let candidates = files;
  const rejected: LeftOutFile[] = [];
  if (register) {
    const entry = register.entries.get(code);
    if (!entry) {
      for (const f of files)
        leftOut.push({
          file: f.file,
          reason: 'register',
          code,
          messages: [{ code: 'NOT_IN_REGISTER', severity: 'error', message: `单位代码 "${code}" 不在单位名册 ${register.file} 中,本文件未计入比较`, path: 'agency.code' }],
        });
      return null;
    }
    candidates = [];
    for (const f of files) {
      const cls = f.summary.agency.class;
      const why = !isRegisteredFile(entry, f.file)
        ? `单位名册(${entry.at})中单位代码 "${code}"(${entry.name})的证据文件是 ${entry.file},不是本文件`
        : entry.class !== undefined && cls !== entry.class
          ? `单位名册(${entry.at})中 "${code}"(${entry.name})的类别为 ${entry.class},本文件写的是 ${cls ?? '(未填)'}`
          : null;
      if (why === null) candidates.push(f);
      else rejected.push({ file: f.file, reason: 'register', code, messages: [{ code: 'REGISTER_MISMATCH', severity: 'error', message: `${why};未计入比较`, path: 'agency.code' }] });
    }
  }
  const kept = candidates.length === 1 ? candidates[0]! : null;
  for (const r of rejected) leftOut.push(kept ? { ...r, keptFile: kept.file } : r);
  if (kept) return kept;
  const names = candidates.map((f) => f.file).join('、');
  for (const f of candidates)
    leftOut.push({
      file: f.file,
      reason: 'duplicate',
      code,
      messages: [
        {
          code: 'DUPLICATE_AGENCY',
          severity: 'error',
          message: `单位代码 "${code}" 同时出现在 ${candidates.length} 个文件中(${names}),无法判断哪一份是该单位提交的,均未计入比较`,
          path: 'agency.code',
          hint: register ? '单位名册中该单位没有写明证据文件:请在名册的「证据文件」列写明' : '请核实后删除冒用代码的文件,或用 --register 单位名册 写明每个单位的证据文件',
        },
      ],
    });
  return null;
}

/** Score a cohort: first pass, duplicates, rank second pass. */
export async function scoreCohort(input: CohortInput): Promise<CohortResult> {
  const { files, mode, runner, plan, compiled } = input;
  const byCode = new Map<string, Array<TaskOutcome & { ok: true }>>();
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
      // Kept until the end of the batch: packed (~0.6 KB instead of ~1.1 KB per agency; packed-summary.ts).
      const kept = { ...o, summary: packSummary(o.summary) };
      const code = kept.summary.agency.code;
      const list = byCode.get(code);
      if (list) list.push(kept);
      else byCode.set(code, [kept]);
    },
  );
  const agencies = new Map<string, AgencySummary>();
  const carry = new Map<string, CarryInfo>();
  for (const code of [...byCode.keys()].sort(compareCodes)) {
    const kept = pickAgencyFile(code, byCode.get(code)!.sort((a, b) => compareCodes(a.file, b.file)), input.register, leftOut);
    if (!kept) continue;
    agencies.set(code, kept.summary);
    if (kept.carry) carry.set(code, kept.carry);
    // The agency's review did not fit its evidence: scored without it (provisional), the review file listed.
    if (kept.reviewLeftOut) leftOut.push(kept.reviewLeftOut);
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
      agencies.set(code, packSummary(o.summary));
      if (o.carry) carry.set(code, o.carry);
    });
  }
  leftOut.sort((a, b) => compareCodes(a.file, b.file));
  skipped.sort(compareCodes);
  return { agencies, carry, externals, rankInfo, leftOut, skipped };
}
