// The audit trail: one append-only row per state change (who, when, what, before → after, reason), written in the
// same transaction as the change itself, so a change without its entry (or an entry without its change) cannot exist.
import type { Db, Store, Tx } from '../db/store.js';
import type { Actor } from './actor.js';
import { requireAgency, requireRole } from './actor.js';
import { notFound } from './errors.js';

export interface AuditInput {
  assessmentId: number | null;
  agencyCode?: string | null;
  action: string;
  entity: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export async function recordAudit(tx: Tx | Db, at: Date, actor: Actor | null, e: AuditInput): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      at,
      actor_id: actor?.id ?? null,
      actor_name: actor ? `${actor.displayName}(${actor.username})` : '系统',
      assessment_id: e.assessmentId,
      agency_code: e.agencyCode ?? null,
      action: e.action,
      entity: e.entity,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
      reason: e.reason ?? null,
    })
    .execute();
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  agencyCode: string | null;
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface AuditFilter {
  agencyCode?: string;
  action?: string;
  limit?: number;
}

/**
 * The audit log of an assessment, oldest first. The office (admin, reviewer) sees everything; an agency user only
 * the entries about its own agency (and must name it); leaders do not read the log.
 */
export async function listAudit(store: Store, actor: Actor, assessmentId: number, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  requireRole(actor, ['admin', 'reviewer', 'agency'], '查看操作记录');
  const a = await store.db.selectFrom('assessments').select('id').where('id', '=', assessmentId).executeTakeFirst();
  if (!a) throw notFound(`考核 ${assessmentId}`);
  let agencyCode = filter.agencyCode;
  if (actor.role === 'agency') {
    agencyCode = actor.agencyCode ?? '';
    if (filter.agencyCode !== undefined) requireAgency(actor, filter.agencyCode);
  }
  let q = store.db.selectFrom('audit_log').selectAll().where('assessment_id', '=', assessmentId);
  if (agencyCode !== undefined) q = q.where('agency_code', '=', agencyCode);
  if (filter.action) q = q.where('action', '=', filter.action);
  const rows = await q.orderBy('id').limit(Math.min(filter.limit ?? 10000, 10000)).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actor: r.actor_name,
    agencyCode: r.agency_code,
    action: r.action,
    entity: r.entity,
    before: r.before,
    after: r.after,
    reason: r.reason,
  }));
}
