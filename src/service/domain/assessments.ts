// An assessment (one year's 考核): created by the office with a rubric, windows and the agency register; opened
// (the rubric is then frozen with its hash); copied to the next year with a new rubric.
import { hashText } from '../../load/hash.js';
import type { AssessmentStatus } from '../db/schema.js';
import type { Store, Tx } from '../db/store.js';
import { requireRole, type Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { compileRubricText, EXPORT_NAMES, standaloneRubricText } from './engine.js';
import { invalid, notFound, ServiceError } from './errors.js';

export interface Windows {
  /** ISO date-times; null = no deadline. */
  submitDeadline: string | null;
  reviewDeadline: string | null;
  appealDeadline: string | null;
}

export interface AssessmentView extends Windows {
  id: number;
  year: number;
  title: string;
  status: AssessmentStatus;
  rubric: { id: number; hash: string; rubricId: string; version: string } | null;
  previousId: number | null;
  createdAt: string;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export async function loadAssessment(db: Store['db'] | Tx, id: number): Promise<AssessmentView> {
  const a = await db
    .selectFrom('assessments as a')
    .leftJoin('rubric_docs as r', 'r.id', 'a.rubric_doc_id')
    .select(['a.id', 'a.year', 'a.title', 'a.status', 'a.submit_deadline', 'a.review_deadline', 'a.appeal_deadline', 'a.previous_id', 'a.created_at'])
    .select(['r.id as rid', 'r.hash', 'r.rubric_key', 'r.rubric_version'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!a) throw notFound(`考核 ${id}`);
  return {
    id: a.id,
    year: a.year,
    title: a.title,
    status: a.status,
    rubric: a.rid ? { id: a.rid, hash: a.hash!, rubricId: a.rubric_key!, version: a.rubric_version! } : null,
    submitDeadline: iso(a.submit_deadline),
    reviewDeadline: iso(a.review_deadline),
    appealDeadline: iso(a.appeal_deadline),
    previousId: a.previous_id,
    createdAt: iso(a.created_at)!,
  };
}

/** Every role may list assessments (an agency user sees only those its agency takes part in). */
export async function listAssessments(store: Store, actor: Actor): Promise<AssessmentView[]> {
  let q = store.db.selectFrom('assessments').select('id').orderBy('id');
  if (actor.role === 'agency') {
    q = q.where('id', 'in', store.db.selectFrom('agencies').select('assessment_id').where('code', '=', actor.agencyCode ?? ''));
  }
  const ids = await q.execute();
  return Promise.all(ids.map((r) => loadAssessment(store.db, r.id)));
}

export async function getAssessment(store: Store, actor: Actor, id: number): Promise<AssessmentView> {
  const a = await loadAssessment(store.db, id);
  if (actor.role === 'agency') {
    const mine = await store.db.selectFrom('agencies').select('id').where('assessment_id', '=', id).where('code', '=', actor.agencyCode ?? '').executeTakeFirst();
    if (!mine) throw notFound(`考核 ${id}`);
  }
  return a;
}

function checkWindows(w: Windows): void {
  const parsed: Array<[string, number | null]> = [
    ['提交截止时间', w.submitDeadline === null ? null : Date.parse(w.submitDeadline)],
    ['复核截止时间', w.reviewDeadline === null ? null : Date.parse(w.reviewDeadline)],
    ['申诉截止时间', w.appealDeadline === null ? null : Date.parse(w.appealDeadline)],
  ];
  for (const [label, t] of parsed) if (t !== null && !Number.isFinite(t)) throw invalid(`${label}不是有效的日期时间`);
  const [s, r] = [parsed[0]![1], parsed[1]![1]];
  if (s !== null && r !== null && r < s) throw invalid('复核截止时间不能早于提交截止时间');
}

export interface CreateAssessmentInput extends Partial<Windows> {
  year: number;
  title: string;
  rubricText?: string;
  rubricFileName?: string;
  /** Parents of a rubric written with `extends` (file name → text); it is stored merged. */
  rubricParents?: Record<string, string>;
}

/** The office creates an assessment (status 筹备中), optionally with its rubric. */
export async function createAssessment(store: Store, actor: Actor, input: CreateAssessmentInput, previousId: number | null = null, fallbackParent?: string): Promise<AssessmentView> {
  requireRole(actor, ['admin'], '创建考核');
  const w: Windows = { submitDeadline: input.submitDeadline ?? null, reviewDeadline: input.reviewDeadline ?? null, appealDeadline: input.appealDeadline ?? null };
  checkWindows(w);
  const rubricText = input.rubricText !== undefined ? standaloneRubricText(input.rubricText, input.rubricParents, fallbackParent) : undefined;
  const compiled = rubricText !== undefined ? compileRubricText(rubricText) : null;
  const now = store.now();
  const id = await store.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('assessments')
      .values({
        year: input.year,
        title: input.title,
        status: 'setup',
        submit_deadline: w.submitDeadline,
        review_deadline: w.reviewDeadline,
        appeal_deadline: w.appealDeadline,
        previous_id: previousId,
        created_by: actor.id,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, now, actor, { assessmentId: row.id, action: 'assessment.create', entity: `assessment:${row.id}`, after: { year: input.year, title: input.title, ...w } });
    if (compiled && rubricText !== undefined) await insertRubric(tx, now, actor, row.id, rubricText, input.rubricFileName ?? EXPORT_NAMES.rubric, compiled);
    return row.id;
  });
  return loadAssessment(store.db, id);
}

async function insertRubric(tx: Tx, now: Date, actor: Actor, assessmentId: number, text: string, fileName: string, compiled: ReturnType<typeof compileRubricText>): Promise<void> {
  const hash = hashText(text);
  const doc = await tx
    .insertInto('rubric_docs')
    .values({ assessment_id: assessmentId, file_name: fileName.slice(0, 200), text, hash, rubric_key: compiled.rubric.id, rubric_version: compiled.rubric.version, created_by: actor.id, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const before = await tx.selectFrom('assessments').select('rubric_doc_id').where('id', '=', assessmentId).executeTakeFirstOrThrow();
  await tx.updateTable('assessments').set({ rubric_doc_id: doc.id }).where('id', '=', assessmentId).execute();
  await recordAudit(tx, now, actor, {
    assessmentId,
    action: 'rubric.upload',
    entity: `rubric:${doc.id}`,
    before: before.rubric_doc_id === null ? null : { rubricDoc: before.rubric_doc_id },
    after: { rubricDoc: doc.id, hash, rubricId: compiled.rubric.id, version: compiled.rubric.version },
  });
}

/** Upload (replace) the rubric while the assessment is still in setup; validated by the engine's `check`. */
export async function uploadRubric(store: Store, actor: Actor, assessmentId: number, uploaded: string, fileName = EXPORT_NAMES.rubric, parents: Record<string, string> = {}): Promise<AssessmentView> {
  requireRole(actor, ['admin'], '修改评分细则');
  const current = await store.db.selectFrom('assessments').select('status').where('id', '=', assessmentId).executeTakeFirst();
  if (!current) throw notFound(`考核 ${assessmentId}`);
  if (current.status !== 'setup') throw new ServiceError('WRONG_STATE', '考核已开始,评分细则已冻结,不能再修改');
  const text = standaloneRubricText(uploaded, parents);
  const compiled = compileRubricText(text);
  const now = store.now();
  await store.db.transaction().execute(async (tx) => {
    const a = await tx.selectFrom('assessments').select('status').where('id', '=', assessmentId).forUpdate().executeTakeFirst();
    if (!a) throw notFound(`考核 ${assessmentId}`);
    if (a.status !== 'setup') throw new ServiceError('WRONG_STATE', '考核已开始,评分细则已冻结,不能再修改');
    await insertRubric(tx, now, actor, assessmentId, text, fileName, compiled);
  });
  return loadAssessment(store.db, assessmentId);
}

/** Set the windows (any time before final publication; every change is audited). */
export async function setWindows(store: Store, actor: Actor, assessmentId: number, w: Windows, reason?: string): Promise<AssessmentView> {
  requireRole(actor, ['admin'], '设置考核时间');
  checkWindows(w);
  const now = store.now();
  await store.db.transaction().execute(async (tx) => {
    const a = await tx.selectFrom('assessments').selectAll().where('id', '=', assessmentId).forUpdate().executeTakeFirst();
    if (!a) throw notFound(`考核 ${assessmentId}`);
    if (a.status === 'final') throw new ServiceError('WRONG_STATE', '最终结果已发布,不能再修改时间');
    await tx.updateTable('assessments').set({ submit_deadline: w.submitDeadline, review_deadline: w.reviewDeadline, appeal_deadline: w.appealDeadline }).where('id', '=', assessmentId).execute();
    await recordAudit(tx, now, actor, {
      assessmentId,
      action: 'assessment.windows',
      entity: `assessment:${assessmentId}`,
      before: { submitDeadline: iso(a.submit_deadline), reviewDeadline: iso(a.review_deadline), appealDeadline: iso(a.appeal_deadline) },
      after: w,
      reason: reason ?? null,
    });
  });
  return loadAssessment(store.db, assessmentId);
}

/** Open the assessment to agencies: the rubric is frozen (its hash recorded) and every agency gets a submission. */
export async function openAssessment(store: Store, actor: Actor, assessmentId: number): Promise<AssessmentView> {
  requireRole(actor, ['admin'], '开始考核');
  const now = store.now();
  await store.db.transaction().execute(async (tx) => {
    const a = await tx.selectFrom('assessments').selectAll().where('id', '=', assessmentId).forUpdate().executeTakeFirst();
    if (!a) throw notFound(`考核 ${assessmentId}`);
    if (a.status !== 'setup') throw new ServiceError('WRONG_STATE', '考核已经开始');
    if (a.rubric_doc_id === null) throw invalid('请先上传评分细则');
    const agencies = await tx.selectFrom('agencies').select('id').where('assessment_id', '=', assessmentId).execute();
    if (agencies.length === 0) throw invalid('请先导入单位名单');
    const rubric = await tx.selectFrom('rubric_docs').select(['hash']).where('id', '=', a.rubric_doc_id).executeTakeFirstOrThrow();
    await tx.updateTable('assessments').set({ status: 'open' }).where('id', '=', assessmentId).execute();
    for (const ag of agencies) {
      await tx
        .insertInto('submissions')
        .values({ assessment_id: assessmentId, agency_id: ag.id, state: 'draft', version: 0, updated_at: now })
        .onConflict((oc) => oc.column('agency_id').doNothing())
        .execute();
    }
    await recordAudit(tx, now, actor, { assessmentId, action: 'assessment.open', entity: `assessment:${assessmentId}`, before: { status: 'setup' }, after: { status: 'open', rubricHash: rubric.hash } });
  });
  return loadAssessment(store.db, assessmentId);
}

/** The frozen rubric text of an assessment (any role that may see the assessment). */
export async function getRubricText(store: Store, assessmentId: number): Promise<{ text: string; hash: string; fileName: string }> {
  const r = await store.db
    .selectFrom('assessments as a')
    .innerJoin('rubric_docs as r', 'r.id', 'a.rubric_doc_id')
    .select(['r.text', 'r.hash', 'r.file_name'])
    .where('a.id', '=', assessmentId)
    .executeTakeFirst();
  if (!r) throw notFound('该考核的评分细则');
  return { text: r.text, hash: r.hash, fileName: r.file_name };
}
