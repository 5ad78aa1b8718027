// Shared steps of every submission operation: find the submission of (assessment, agency) with its assessment and
// rubric, check the actor may touch it, the action is allowed from its state, the window is open and the version
// the writer read is still current. Optimistic versioning: a stale version gets a 409 with the current one.
import type { AssessmentsTable, SubmissionState } from '../db/schema.js';
import type { Store, Tx } from '../db/store.js';
import type { Selectable } from 'kysely';
import { requireAgency, requireRole, type Actor } from './actor.js';
import { cachedCompiled, compiledFor } from './engine.js';
import { notFound, ServiceError } from './errors.js';
import { ACTION_LABELS, refuseTransition, TRANSITIONS, type SubmissionAction } from './state-machine.js';
import type { CompiledRubric } from '../../compile/compile-rubric.js';

export interface SubmissionRef {
  submissionId: number;
  assessment: Selectable<AssessmentsTable>;
  agency: { id: number; code: string; name: string; shortName: string | null; class: string | null };
  state: SubmissionState;
  version: number;
  evidenceDocId: number | null;
  reviewDocId: number | null;
  reportId: number | null;
  message: string | null;
  submittedAt: Date | null;
  updatedAt: Date;
  rubric: { id: number; hash: string; fileName: string };
  /** The frozen rubric, compiled (once per content hash, cached across requests). */
  compiled: CompiledRubric;
}

/** Load a submission by assessment id and agency code (optionally locking it for the transaction). */
export async function findSubmission(db: Store['db'] | Tx, assessmentId: number, code: string, lock = false): Promise<SubmissionRef> {
  let q = db
    .selectFrom('submissions as s')
    .innerJoin('agencies as g', 'g.id', 's.agency_id')
    .select(['s.id', 's.state', 's.version', 's.evidence_doc_id', 's.review_doc_id', 's.report_id', 's.message', 's.submitted_at', 's.updated_at'])
    .select(['g.id as gid', 'g.code', 'g.name', 'g.short_name', 'g.class'])
    .where('s.assessment_id', '=', assessmentId)
    .where('g.code', '=', code);
  if (lock) q = q.forUpdate();
  const s = await q.executeTakeFirst();
  if (!s) throw notFound(`考核 ${assessmentId} 中单位 ${code} 的材料(考核尚未开始,或单位不在名单中)`);
  const a = await db.selectFrom('assessments').selectAll().where('id', '=', assessmentId).executeTakeFirstOrThrow();
  const r = await db.selectFrom('rubric_docs').select(['id', 'hash', 'file_name']).where('id', '=', a.rubric_doc_id!).executeTakeFirstOrThrow();
  // The rubric text (tens of KB) is read only when this process has not compiled that content yet.
  const compiled = cachedCompiled(r.hash) ?? compiledFor((await db.selectFrom('rubric_docs').select('text').where('id', '=', r.id).executeTakeFirstOrThrow()).text, r.hash);
  return {
    submissionId: s.id,
    assessment: a,
    agency: { id: s.gid, code: s.code, name: s.name, shortName: s.short_name, class: s.class },
    state: s.state,
    version: s.version,
    evidenceDocId: s.evidence_doc_id,
    reviewDocId: s.review_doc_id,
    reportId: s.report_id,
    message: s.message,
    submittedAt: s.submitted_at ? new Date(s.submitted_at) : null,
    updatedAt: new Date(s.updated_at),
    rubric: { id: r.id, hash: r.hash, fileName: r.file_name },
    compiled,
  };
}

export const compiledOf = (ref: SubmissionRef): CompiledRubric => ref.compiled;

const fmt = (d: Date): string => d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

/** Who may read a submission: office roles, and its own agency. Leaders read only published reports. */
export function requireRead(actor: Actor, ref: SubmissionRef): void {
  requireAgency(actor, ref.agency.code);
  requireRole(actor, ['admin', 'reviewer', 'agency'], '查看单位的填报材料');
}

/** Check role, ownership, assessment status, state and window for `action`; throws the Chinese reason. */
export function requireAction(actor: Actor, ref: SubmissionRef, action: SubmissionAction, now: Date): void {
  const t = TRANSITIONS[action];
  requireRole(actor, t.roles, ACTION_LABELS[action]);
  requireAgency(actor, ref.agency.code);
  if (ref.assessment.status !== t.assessment) {
    const reason = ref.assessment.status === 'final' ? '最终结果已发布' : ref.assessment.status === 'provisional' ? '结果已公示,只能通过申诉更改' : ref.assessment.status === 'setup' ? '考核尚未开始' : '当前阶段';
    throw new ServiceError('WRONG_STATE', `${reason},不能${ACTION_LABELS[action]}`);
  }
  const refusal = refuseTransition(action, ref.state);
  if (refusal) throw new ServiceError('WRONG_STATE', refusal);
  // Windows bind everybody, the office included: to accept late material the office extends the window (audited).
  let window = t.window;
  if (window === 'submit' && ref.state === 'returned') window = 'review';
  const deadline = window === 'submit' ? ref.assessment.submit_deadline : window === 'review' ? ref.assessment.review_deadline : window === 'appeal' ? ref.assessment.appeal_deadline : null;
  if (deadline && now > new Date(deadline)) {
    const label = window === 'submit' ? '提交截止时间' : window === 'review' ? (ref.state === 'returned' ? '退回修改的截止时间(复核截止时间)' : '复核截止时间') : '申诉截止时间';
    throw new ServiceError('WINDOW_CLOSED', `已过${label}(${fmt(new Date(deadline))}),不能${ACTION_LABELS[action]}`);
  }
}

/** The optimistic version check: the writer must have read the current version. */
export function requireVersion(ref: SubmissionRef, expected: number | undefined): void {
  if (expected === undefined) return;
  if (expected !== ref.version)
    throw new ServiceError('CONFLICT', `该单位的材料已被他人修改(您看到的是第 ${expected} 版,当前为第 ${ref.version} 版),请刷新后在最新版本上重新修改`, [], { currentVersion: ref.version });
}

/** Bump the version and move the state; the WHERE on the old version makes a lost update impossible. */
export async function advance(
  tx: Tx,
  ref: SubmissionRef,
  now: Date,
  set: Partial<{ state: SubmissionState; evidence_doc_id: number; review_doc_id: number; report_id: number; message: string | null; submitted_at: Date; summary: string }>,
): Promise<number> {
  const res = await tx
    .updateTable('submissions')
    .set({ ...set, version: ref.version + 1, updated_at: now })
    .where('id', '=', ref.submissionId)
    .where('version', '=', ref.version)
    .returning('version')
    .executeTakeFirst();
  if (!res) throw new ServiceError('CONFLICT', '该单位的材料已被他人修改,请刷新后重试', [], {});
  return ref.version + 1;
}
