// The agency register of an assessment and the progress board built on it (one row per agency with its state).
import type { ReportSummary, SubmissionState } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { requireRole, type Actor } from './actor.js';
import { loadAssessment } from './assessments.js';
import { recordAudit } from './audit.js';
import { ServiceError } from './errors.js';
import { parseRegister, type RegisterRow } from './register-parse.js';

export interface AgencyRow extends RegisterRow {
  id: number;
}

/** Import (add or update) the register from CSV/xlsx bytes; allowed before final publication. */
export async function importRegister(store: Store, actor: Actor, assessmentId: number, file: string, bytes: Uint8Array): Promise<{ added: number; updated: number }> {
  requireRole(actor, ['admin'], '导入单位名单');
  const rows = await parseRegister(file, bytes);
  return addAgencies(store, actor, assessmentId, rows, file);
}

/** Add or update agencies by code (an assessment already open gets a submission for each new agency). */
export async function addAgencies(store: Store, actor: Actor, assessmentId: number, rows: RegisterRow[], source = 'api'): Promise<{ added: number; updated: number }> {
  requireRole(actor, ['admin'], '导入单位名单');
  const now = store.now();
  return store.db.transaction().execute(async (tx) => {
    const a = await tx.selectFrom('assessments').select('status').where('id', '=', assessmentId).forUpdate().executeTakeFirst();
    if (!a) throw new ServiceError('NOT_FOUND', `找不到考核 ${assessmentId}`);
    if (a.status === 'provisional' || a.status === 'final') throw new ServiceError('WRONG_STATE', '结果已公示,不能再修改单位名单');
    let added = 0;
    let updated = 0;
    for (const r of rows) {
      const old = await tx.selectFrom('agencies').selectAll().where('assessment_id', '=', assessmentId).where('code', '=', r.code).executeTakeFirst();
      const values = { name: r.name, short_name: r.shortName, class: r.class, contact: r.contact };
      if (old) {
        if (old.name === r.name && old.short_name === r.shortName && old.class === r.class && old.contact === r.contact) continue;
        await tx.updateTable('agencies').set(values).where('id', '=', old.id).execute();
        updated++;
        await recordAudit(tx, now, actor, { assessmentId, agencyCode: r.code, action: 'agency.update', entity: `agency:${r.code}`, before: { name: old.name, shortName: old.short_name, class: old.class, contact: old.contact }, after: r, reason: source });
      } else {
        const ins = await tx.insertInto('agencies').values({ assessment_id: assessmentId, code: r.code, ...values }).returning('id').executeTakeFirstOrThrow();
        if (a.status === 'open') await tx.insertInto('submissions').values({ assessment_id: assessmentId, agency_id: ins.id, state: 'draft', version: 0, updated_at: now }).execute();
        added++;
        await recordAudit(tx, now, actor, { assessmentId, agencyCode: r.code, action: 'agency.add', entity: `agency:${r.code}`, after: r, reason: source });
      }
    }
    return { added, updated };
  });
}

export interface ProgressRow {
  agency: AgencyRow;
  /** null before the assessment opens. */
  state: SubmissionState | null;
  /** 未填报 when nothing was saved yet, else the state's label. */
  version: number;
  submittedAt: string | null;
  updatedAt: string | null;
  message: string | null;
  /** Live or reviewed score of the current documents; null before the first save. */
  score: ReportSummary | null;
  openAppeals: number;
}

/**
 * The progress board: every agency with its state and scores. Office roles and leaders see all agencies; an agency
 * user only its own row.
 */
export async function listProgress(store: Store, actor: Actor, assessmentId: number): Promise<ProgressRow[]> {
  await loadAssessment(store.db, assessmentId);
  let q = store.db
    .selectFrom('agencies as g')
    .leftJoin('submissions as s', 's.agency_id', 'g.id')
    .select(['g.id', 'g.code', 'g.name', 'g.short_name', 'g.class', 'g.contact', 's.id as sid', 's.state', 's.version', 's.submitted_at', 's.updated_at', 's.message', 's.summary'])
    .select((eb) =>
      eb
        .selectFrom('appeals as ap')
        .leftJoin('appeal_rulings as ar', 'ar.appeal_id', 'ap.id')
        .whereRef('ap.submission_id', '=', 's.id')
        .where('ar.appeal_id', 'is', null)
        .select((e2) => e2.fn.countAll<string>().as('n'))
        .as('open_appeals'),
    )
    .where('g.assessment_id', '=', assessmentId)
    .orderBy('g.code');
  if (actor.role === 'agency') q = q.where('g.code', '=', actor.agencyCode ?? '');
  const rows = await q.execute();
  return rows.map((r) => ({
    agency: { id: r.id, code: r.code, name: r.name, shortName: r.short_name, class: r.class, contact: r.contact },
    state: r.state ?? null,
    version: r.version ?? 0,
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null,
    message: r.message ?? null,
    score: r.summary ?? null,
    openAppeals: Number(r.open_appeals ?? 0),
  }));
}

/** The board's figures of a score report. */
export function summarise(report: { totals: { final: number; claimed: number | null; grade: string }; overClaims: unknown[]; missingEvidence: unknown[]; checks?: ReadonlyArray<{ outcome: string }>; status?: string }): ReportSummary {
  return {
    final: report.totals.final,
    claimed: report.totals.claimed,
    grade: report.totals.grade,
    overClaims: report.overClaims.length,
    missingEvidence: report.missingEvidence.length,
    // Rubric checks (勾稽关系) that came out 'fail', resolved by the office or not (the board's 未通过核验 column).
    failedChecks: (report.checks ?? []).filter((c) => c.outcome === 'fail').length,
    ...(typeof report.status === 'string' ? { status: report.status } : {}),
  };
}
