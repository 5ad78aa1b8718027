// Appeals (申诉): inside the appeal window an agency appeals specific items of its provisional result with a reason
// (and attachments); the office resolves each one — upheld (the ruling changes: a new review document, the result
// re-published for that agency) or rejected (with the reason). A published result changes only this way.
import type { ScoreReport } from '../../report/score-report.js';
import { hashText } from '../../load/hash.js';
import type { Store } from '../db/store.js';
import { requireRole, type Actor } from './actor.js';
import { summarise } from './agencies.js';
import { recordAudit } from './audit.js';
import { scoreDocuments } from './engine.js';
import { invalid, notFound, ServiceError } from './errors.js';
import { canonicalJson, writeHooks } from './submissions.js';
import { compiledOf, findSubmission, requireAction } from './submission-context.js';

export interface AppealView {
  id: number;
  agencyCode: string;
  nodeId: string;
  reason: string;
  attachmentIds: number[];
  createdAt: string;
  by: string;
  ruling: null | { outcome: 'upheld' | 'rejected'; reason: string; at: string; by: string };
}

export const APPEAL_LIMITS = { perSubmission: 50, reasonChars: 4000 };

/** The agency appeals one item (node) of its provisional result. */
export async function fileAppeal(store: Store, actor: Actor, assessmentId: number, code: string, input: { nodeId: string; reason: string; attachmentIds?: number[] }): Promise<AppealView> {
  const now = store.now();
  const reason = input.reason.trim();
  if (!reason) throw invalid('申诉必须写明理由');
  if (reason.length > APPEAL_LIMITS.reasonChars) throw invalid(`申诉理由不能超过 ${APPEAL_LIMITS.reasonChars} 个字符`);
  const id = await store.db.transaction().execute(async (tx) => {
    const ref = await findSubmission(tx, assessmentId, code, true);
    requireAction(actor, ref, 'appeal', now);
    const compiled = compiledOf(ref);
    if (!compiled.model.byId.has(input.nodeId)) throw invalid(`评分细则中没有编号为"${input.nodeId.slice(0, 40)}"的考核项`);
    const count = await tx.selectFrom('appeals').select((e) => e.fn.countAll<string>().as('n')).where('submission_id', '=', ref.submissionId).executeTakeFirstOrThrow();
    if (Number(count.n) >= APPEAL_LIMITS.perSubmission) throw invalid(`每个单位最多提出 ${APPEAL_LIMITS.perSubmission} 项申诉`);
    const ids = [...new Set(input.attachmentIds ?? [])];
    if (ids.length > 0) {
      const own = await tx.selectFrom('attachments').select('id').where('submission_id', '=', ref.submissionId).where('id', 'in', ids).execute();
      if (own.length !== ids.length) throw invalid('申诉引用的附件不属于本单位');
    }
    const ap = await tx
      .insertInto('appeals')
      .values({ submission_id: ref.submissionId, node_id: input.nodeId, reason, attachment_ids: JSON.stringify(ids), created_by: actor.id, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.updateTable('submissions').set({ state: 'appealed', version: ref.version + 1, updated_at: now }).where('id', '=', ref.submissionId).where('version', '=', ref.version).execute();
    await recordAudit(tx, now, actor, { assessmentId, agencyCode: code, action: 'appeal.file', entity: `appeal:${ap.id}`, before: { state: ref.state }, after: { state: 'appealed', node: input.nodeId }, reason });
    await writeHooks.beforeCommit?.('appeal.file');
    return ap.id;
  });
  return (await listAppeals(store, actor, assessmentId, code)).find((a) => a.id === id)!;
}

/** Appeals of an assessment (office), or of one agency (that agency, or the office). */
export async function listAppeals(store: Store, actor: Actor, assessmentId: number, code?: string): Promise<AppealView[]> {
  requireRole(actor, ['admin', 'reviewer', 'agency'], '查看申诉');
  if (actor.role === 'agency' && code !== actor.agencyCode) throw new ServiceError('FORBIDDEN', '无权查看其他单位的申诉');
  let q = store.db
    .selectFrom('appeals as ap')
    .innerJoin('submissions as s', 's.id', 'ap.submission_id')
    .innerJoin('agencies as g', 'g.id', 's.agency_id')
    .innerJoin('users as u', 'u.id', 'ap.created_by')
    .leftJoin('appeal_rulings as ar', 'ar.appeal_id', 'ap.id')
    .leftJoin('users as ru', 'ru.id', 'ar.created_by')
    .select(['ap.id', 'g.code', 'ap.node_id', 'ap.reason', 'ap.attachment_ids', 'ap.created_at', 'u.display_name', 'ar.outcome', 'ar.reason as ruling_reason', 'ar.created_at as ruled_at', 'ru.display_name as ruled_by'])
    .where('s.assessment_id', '=', assessmentId)
    .orderBy('ap.id');
  if (code !== undefined) q = q.where('g.code', '=', code);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    agencyCode: r.code,
    nodeId: r.node_id,
    reason: r.reason,
    attachmentIds: r.attachment_ids,
    createdAt: new Date(r.created_at).toISOString(),
    by: r.display_name,
    ruling: r.outcome ? { outcome: r.outcome, reason: r.ruling_reason!, at: new Date(r.ruled_at!).toISOString(), by: r.ruled_by! } : null,
  }));
}

export interface ResolveInput {
  outcome: 'upheld' | 'rejected';
  reason: string;
  /** For an upheld appeal: the office's review document with the changed ruling. */
  review?: unknown;
}

/**
 * Resolve an appeal. Upheld with a review: the review is stored and the agency's provisional report re-issued
 * (new report row); when its last open appeal is resolved the submission returns to 已公示.
 */
export async function resolveAppeal(store: Store, actor: Actor, assessmentId: number, appealId: number, input: ResolveInput): Promise<{ appeal: AppealView; report: ScoreReport | null }> {
  requireRole(actor, ['admin', 'reviewer'], '处理申诉');
  const reason = input.reason.trim();
  if (!reason) throw invalid('处理申诉必须写明理由');
  if (input.outcome === 'rejected' && input.review !== undefined) throw invalid('驳回申诉时不能修改复核意见');
  const ap = await store.db
    .selectFrom('appeals as ap')
    .innerJoin('submissions as s', 's.id', 'ap.submission_id')
    .innerJoin('agencies as g', 'g.id', 's.agency_id')
    .select(['ap.id', 'g.code', 's.assessment_id'])
    .where('ap.id', '=', appealId)
    .executeTakeFirst();
  if (!ap || ap.assessment_id !== assessmentId) throw notFound(`申诉 ${appealId}`);
  const code = ap.code;
  const now = store.now();
  const pre = await findSubmission(store.db, assessmentId, code);
  requireAction(actor, pre, 'resolve', now);
  const reviewText = input.review !== undefined ? canonicalJson(input.review) : null;
  let scored: Awaited<ReturnType<typeof scoreDocuments>> | null = null;
  const evidence = await store.db.selectFrom('evidence_docs').select('text').where('id', '=', pre.evidenceDocId!).executeTakeFirstOrThrow();
  if (reviewText) scored = await scoreDocuments(compiledOf(pre), code, evidence.text, reviewText);
  const report = await store.db.transaction().execute(async (tx) => {
    const ref = await findSubmission(tx, assessmentId, code, true);
    requireAction(actor, ref, 'resolve', now);
    const done = await tx.selectFrom('appeal_rulings').select('appeal_id').where('appeal_id', '=', appealId).executeTakeFirst();
    if (done) throw new ServiceError('WRONG_STATE', '该申诉已经处理过');
    let reviewDocId: number | null = null;
    let reportId: number | null = null;
    if (scored && reviewText) {
      const rv = await tx
        .insertInto('review_docs')
        .values({ submission_id: ref.submissionId, evidence_doc_id: ref.evidenceDocId!, text: reviewText, hash: hashText(reviewText), report_text: scored.reportText, summary: JSON.stringify(summarise(scored.report)), reason: `申诉 ${appealId}:${reason}`, created_by: actor.id, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      reviewDocId = rv.id;
      const rep = await tx
        .insertInto('reports')
        .values({ submission_id: ref.submissionId, stage: 'provisional', evidence_doc_id: ref.evidenceDocId!, review_doc_id: rv.id, text: scored.reportText, hash: hashText(scored.reportText), created_by: actor.id, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      reportId = rep.id;
    }
    await tx.insertInto('appeal_rulings').values({ appeal_id: appealId, outcome: input.outcome, reason, review_doc_id: reviewDocId, created_by: actor.id, created_at: now }).execute();
    const open = await tx
      .selectFrom('appeals as a')
      .leftJoin('appeal_rulings as r', 'r.appeal_id', 'a.id')
      .select((e) => e.fn.countAll<string>().as('n'))
      .where('a.submission_id', '=', ref.submissionId)
      .where('r.appeal_id', 'is', null)
      .executeTakeFirstOrThrow();
    const state = Number(open.n) === 0 ? 'provisional' : 'appealed';
    await tx
      .updateTable('submissions')
      .set({
        state,
        version: ref.version + 1,
        updated_at: now,
        ...(reviewDocId ? { review_doc_id: reviewDocId, report_id: reportId!, summary: JSON.stringify(summarise(scored!.report)) } : {}),
      })
      .where('id', '=', ref.submissionId)
      .where('version', '=', ref.version)
      .execute();
    await recordAudit(tx, now, actor, {
      assessmentId,
      agencyCode: code,
      action: `appeal.${input.outcome}`,
      entity: `appeal:${appealId}`,
      before: { state: ref.state, reviewDoc: ref.reviewDocId },
      after: { state, outcome: input.outcome, ...(reviewDocId ? { reviewDoc: reviewDocId, total: scored!.report.totals.final } : {}) },
      reason,
    });
    await writeHooks.beforeCommit?.('appeal.resolve');
    return scored?.report ?? null;
  });
  const appeal = (await listAppeals(store, { ...actor, role: 'admin' }, assessmentId, code)).find((a) => a.id === appealId)!;
  return { appeal, report };
}

