// Publication: provisional results to every agency (their sheets + the ranking), then — after the appeal window —
// final results, every report frozen with its hash. Reports and publications are append-only rows; the ranking is
// the engine's compare library run over the stored reports (summariseReport → buildCompareReport).
import { summariseReport } from '../../cohort/agency-summary.js';
import { buildBatchPlan } from '../../cohort/batch-plan.js';
import { buildCompareReport } from '../../cohort/build-compare-report.js';
import type { BaselineSection, CompareReport } from '../../cohort/compare-report.js';
import type { CompiledRubric } from '../../compile/compile-rubric.js';
import { hashText } from '../../load/hash.js';
import type { ScoreReport } from '../../report/score-report.js';
import type { Store, Tx } from '../db/store.js';
import { requireRole, type Actor } from './actor.js';
import { summarise } from './agencies.js';
import { recordAudit } from './audit.js';
import { compiledFor, EXPORT_NAMES, scoreDocuments } from './engine.js';
import { notFound, ServiceError } from './errors.js';
import { STATE_LABELS } from './state-machine.js';
import { canonicalJson, writeHooks } from './submissions.js';
import { baselineSection, previousYearDocs } from './year-over-year.js';

/** The comparison of a set of reports, as `zwgk compare --format json` builds it. */
export function compareReports(compiled: CompiledRubric, reports: Array<{ code: string; report: ScoreReport }>, baseline: BaselineSection | null = null): CompareReport {
  const plan = buildBatchPlan(compiled);
  const agencies = reports.map(({ code, report }) => summariseReport(report, plan, EXPORT_NAMES.evidence(code)));
  return buildCompareReport({ compiled, plan, agencies, rankInfo: [], leftOut: [], skipped: [], files: reports.length, baseline });
}

interface Current {
  submissionId: number;
  code: string;
  state: string;
  version: number;
  evidenceDocId: number | null;
  reviewDocId: number | null;
  evidenceText: string | null;
  reviewText: string | null;
}

async function currentDocs(tx: Tx | Store['db'], assessmentId: number, lock: boolean): Promise<Current[]> {
  let q = tx
    .selectFrom('submissions as s')
    .innerJoin('agencies as g', 'g.id', 's.agency_id')
    .leftJoin('evidence_docs as e', 'e.id', 's.evidence_doc_id')
    .leftJoin('review_docs as r', 'r.id', 's.review_doc_id')
    .select(['s.id', 'g.code', 's.state', 's.version', 's.evidence_doc_id', 's.review_doc_id', 'e.text as etext', 'r.text as rtext'])
    .where('s.assessment_id', '=', assessmentId)
    .orderBy('g.code');
  if (lock) q = q.forUpdate(['s']);
  const rows = await q.execute();
  return rows.map((r) => ({ submissionId: r.id, code: r.code, state: r.state, version: r.version, evidenceDocId: r.evidence_doc_id, reviewDocId: r.review_doc_id, evidenceText: r.etext, reviewText: r.rtext }));
}

async function lockAssessment(tx: Tx, id: number) {
  const a = await tx.selectFrom('assessments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!a) throw notFound(`考核 ${id}`);
  return { a };
}

type Scored = Awaited<ReturnType<typeof scoreDocuments>>;

/**
 * Score every submission's current documents — before the transaction, so a publication of hundreds of agencies does
 * not hold the database while the engine works; the transaction then checks nothing moved in between.
 */
async function scoreAll(compiled: CompiledRubric, subs: Current[]): Promise<Map<number, Scored>> {
  const out = new Map<number, Scored>();
  for (const s of subs) out.set(s.submissionId, await scoreDocuments(compiled, s.code, s.evidenceText!, s.reviewText));
  return out;
}

function requireUnchanged(before: Current[], now: Current[]): void {
  const key = (c: Current) => `${c.submissionId}:${c.version}:${c.evidenceDocId}:${c.reviewDocId}:${c.state}`;
  if (before.map(key).join() !== now.map(key).join()) throw new ServiceError('CONFLICT', '发布期间有单位的材料或复核意见发生了变化,请重新发布');
}

/** Freeze the scored documents as `stage` reports and store the comparison. */
async function publishStage(tx: Tx, actor: Actor, now: Date, assessmentId: number, compiled: CompiledRubric, subs: Current[], stage: 'provisional' | 'final', results: Map<number, Scored>, baseline: BaselineSection | null): Promise<CompareReport> {
  const scored: Array<{ code: string; report: ScoreReport }> = [];
  for (const s of subs) {
    const res = results.get(s.submissionId)!;
    const hash = hashText(res.reportText);
    const rep = await tx
      .insertInto('reports')
      .values({ submission_id: s.submissionId, stage, evidence_doc_id: s.evidenceDocId!, review_doc_id: s.reviewDocId, text: res.reportText, hash, created_by: actor.id, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.updateTable('submissions').set({ state: stage, report_id: rep.id, version: s.version + 1, updated_at: now, summary: JSON.stringify(summarise(res.report)) }).where('id', '=', s.submissionId).execute();
    await recordAudit(tx, now, actor, { assessmentId, agencyCode: s.code, action: `report.${stage}`, entity: `report:${rep.id}`, before: { state: s.state }, after: { state: stage, reportHash: hash, total: res.report.totals.final, grade: res.report.totals.grade } });
    scored.push({ code: s.code, report: res.report });
  }
  const compare = compareReports(compiled, scored, baseline);
  const text = canonicalJson(compare);
  const pub = await tx.insertInto('publications').values({ assessment_id: assessmentId, stage, text, hash: hashText(text), created_by: actor.id, created_at: now }).returning('id').executeTakeFirstOrThrow();
  await tx.updateTable('assessments').set({ status: stage }).where('id', '=', assessmentId).execute();
  await recordAudit(tx, now, actor, { assessmentId, action: `assessment.publish.${stage}`, entity: `publication:${pub.id}`, after: { status: stage, hash: hashText(text), agencies: scored.length } });
  return compare;
}

/** Publish provisional results: every submission must have been accepted by the office. */
export async function publishProvisional(store: Store, actor: Actor, assessmentId: number): Promise<CompareReport> {
  requireRole(actor, ['admin'], '公示初步结果');
  const check = (status: string, subs: Current[]): void => {
    if (status !== 'open') throw new ServiceError('WRONG_STATE', status === 'setup' ? '考核尚未开始,不能公示' : '结果已经公示');
    const notReady = subs.filter((s) => s.state !== 'accepted');
    if (notReady.length > 0)
      throw new ServiceError('WRONG_STATE', `还有 ${notReady.length} 个单位未复核通过,不能公示:${notReady.slice(0, 10).map((s) => `${s.code}(${STATE_LABELS[s.state as keyof typeof STATE_LABELS]})`).join('、')}${notReady.length > 10 ? '……' : ''}`);
  };
  return publish(store, actor, assessmentId, 'provisional', check);
}

/** Publish final results: after the appeal window closes and every appeal is resolved. */
export async function publishFinal(store: Store, actor: Actor, assessmentId: number): Promise<CompareReport> {
  requireRole(actor, ['admin'], '发布最终结果');
  const check = (status: string, subs: Current[], a: { appeal_deadline: Date | string | null }, now: Date): void => {
    if (status !== 'provisional') throw new ServiceError('WRONG_STATE', status === 'final' ? '最终结果已经发布' : '请先公示初步结果');
    if (a.appeal_deadline && now <= new Date(a.appeal_deadline)) throw new ServiceError('WINDOW_CLOSED', '申诉期尚未结束,不能发布最终结果');
    const pending = subs.filter((s) => s.state === 'appealed');
    if (pending.length > 0) throw new ServiceError('WRONG_STATE', `还有单位的申诉未处理:${pending.map((s) => s.code).join('、')}`);
  };
  return publish(store, actor, assessmentId, 'final', check);
}

async function publish(
  store: Store,
  actor: Actor,
  assessmentId: number,
  stage: 'provisional' | 'final',
  check: (status: string, subs: Current[], a: { appeal_deadline: Date | string | null }, now: Date) => void,
): Promise<CompareReport> {
  const now = store.now();
  const a0 = await store.db.selectFrom('assessments').selectAll().where('id', '=', assessmentId).executeTakeFirst();
  if (!a0) throw notFound(`考核 ${assessmentId}`);
  const subs0 = await currentDocs(store.db, assessmentId, false);
  check(a0.status, subs0, a0, now);
  const r = await store.db.selectFrom('rubric_docs').select(['text', 'hash']).where('id', '=', a0.rubric_doc_id!).executeTakeFirstOrThrow();
  const compiled = compiledFor(r.text, r.hash);
  const results = await scoreAll(compiled, subs0);
  // Final results of an assessment copied from last year's (final) one carry the year-over-year comparison.
  const previous = stage === 'final' ? await previousYearDocs(store, a0.previous_id) : null;
  const baseline = previous
    ? await baselineSection({ year: a0.year, rubricText: r.text, compiled, docs: subs0.map((s) => ({ code: s.code, evidenceText: s.evidenceText!, reviewText: s.reviewText })) }, previous)
    : null;
  return store.db.transaction().execute(async (tx) => {
    const { a } = await lockAssessment(tx, assessmentId);
    const subs = await currentDocs(tx, assessmentId, true);
    check(a.status, subs, a, now);
    requireUnchanged(subs0, subs);
    const out = await publishStage(tx, actor, now, assessmentId, compiled, subs, stage, results, baseline);
    await writeHooks.beforeCommit?.(`publish.${stage}`);
    return out;
  });
}

export interface PublicationView {
  stage: 'provisional' | 'final';
  hash: string;
  createdAt: string;
  compare: CompareReport;
}

/**
 * The latest publication (ranking and comparison). Office roles and leaders see it whole; an agency user sees only
 * its own row and the cohort figures, never other agencies' rows.
 */
export async function getPublication(store: Store, actor: Actor, assessmentId: number): Promise<PublicationView> {
  const p = await store.db.selectFrom('publications').selectAll().where('assessment_id', '=', assessmentId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!p) throw notFound('已公示的结果');
  let compare = JSON.parse(p.text) as CompareReport;
  if (actor.role === 'agency') {
    const own = actor.agencyCode;
    compare = { ...compare, agencies: compare.agencies.filter((r) => r.code === own) } as CompareReport;
    const c = compare as unknown as Record<string, unknown>;
    for (const k of ['overClaims', 'leftOut', 'heatmap', 'weakSpots']) if (Array.isArray(c[k])) c[k] = (c[k] as Array<{ code?: string }>).filter((x) => x.code === undefined || x.code === own);
  }
  return { stage: p.stage, hash: p.hash, createdAt: new Date(p.created_at).toISOString(), compare };
}

/** The published report of one agency (leaders and the office any agency; an agency only its own). */
export async function getPublishedReport(store: Store, actor: Actor, assessmentId: number, code: string): Promise<{ stage: string; hash: string; report: ScoreReport }> {
  if (actor.role === 'agency' && actor.agencyCode !== code) throw new ServiceError('FORBIDDEN', '无权查看其他单位的材料');
  const r = await store.db
    .selectFrom('reports as r')
    .innerJoin('submissions as s', 's.report_id', 'r.id')
    .innerJoin('agencies as g', 'g.id', 's.agency_id')
    .select(['r.stage', 'r.hash', 'r.text'])
    .where('s.assessment_id', '=', assessmentId)
    .where('g.code', '=', code)
    .executeTakeFirst();
  if (!r) throw notFound(`单位 ${code} 已公示的结果`);
  return { stage: r.stage, hash: r.hash, report: JSON.parse(r.text) as ScoreReport };
}
