// An agency's submission: drafts scored on every save, submit (locked), the office's review document, return with a
// message or accept. Each write is one transaction: a new append-only document row, the submission's pointer and
// version moved, and the audit entry — all or nothing. Scoring (CPU) runs before the transaction opens.
import { hashText } from '../../load/hash.js';
import type { ScoreReport } from '../../report/score-report.js';
import type { Store, Tx } from '../db/store.js';
import type { Actor } from './actor.js';
import { summarise } from './agencies.js';
import { recordAudit } from './audit.js';
import { scoreDocuments, type Scored } from './engine.js';
import { invalid } from './errors.js';
import { STATE_LABELS } from './state-machine.js';
import { advance, compiledOf, findSubmission, requireAction, requireRead, requireVersion, type SubmissionRef } from './submission-context.js';

/** Test seam: called inside a write transaction just before it commits (a throw here = a crash mid-write). */
export const writeHooks: { beforeCommit?: (what: string, agencyCode?: string) => void | Promise<void> } = {};

/** Documents are stored as the JSON text the engine reads: two-space indent, final newline. */
export const canonicalJson = (doc: unknown): string => JSON.stringify(doc, null, 2) + '\n';

export interface SubmissionView {
  assessmentId: number;
  agency: SubmissionRef['agency'];
  state: SubmissionRef['state'];
  stateLabel: string;
  version: number;
  message: string | null;
  submittedAt: string | null;
  updatedAt: string;
  evidence: unknown | null;
  review: unknown | null;
  /** The current score: evidence with the office's review (when the reader may see the review), else evidence alone. */
  report: ScoreReport | null;
  /** The published report (provisional or final), when there is one. */
  published: { stage: 'provisional' | 'final'; hash: string; report: ScoreReport } | null;
}

/** Read a submission (its own agency, or the office). */
export async function getSubmission(store: Store, actor: Actor, assessmentId: number, code: string): Promise<SubmissionView> {
  const ref = await findSubmission(store.db, assessmentId, code);
  requireRead(actor, ref);
  const ev = ref.evidenceDocId ? await store.db.selectFrom('evidence_docs').select(['text', 'report_text']).where('id', '=', ref.evidenceDocId).executeTakeFirstOrThrow() : null;
  const rv = ref.reviewDocId ? await store.db.selectFrom('review_docs').select(['text', 'report_text', 'evidence_doc_id']).where('id', '=', ref.reviewDocId).executeTakeFirstOrThrow() : null;
  // An agency sees the office's rulings once the submission is back with it or published.
  const seesReview = actor.role !== 'agency' || ['returned', 'provisional', 'appealed', 'final'].includes(ref.state);
  const rep = ref.reportId ? await store.db.selectFrom('reports').select(['stage', 'hash', 'text']).where('id', '=', ref.reportId).executeTakeFirstOrThrow() : null;
  const reviewCurrent = rv && rv.evidence_doc_id === ref.evidenceDocId;
  const reportText = seesReview && rv && reviewCurrent ? rv.report_text : (ev?.report_text ?? null);
  return {
    assessmentId,
    agency: ref.agency,
    state: ref.state,
    stateLabel: STATE_LABELS[ref.state],
    version: ref.version,
    message: ref.message,
    submittedAt: ref.submittedAt?.toISOString() ?? null,
    updatedAt: ref.updatedAt.toISOString(),
    evidence: ev ? JSON.parse(ev.text) : null,
    review: seesReview && rv ? JSON.parse(rv.text) : null,
    report: reportText ? (JSON.parse(reportText) as ScoreReport) : null,
    published: rep ? { stage: rep.stage, hash: rep.hash, report: JSON.parse(rep.text) as ScoreReport } : null,
  };
}

async function currentReviewText(store: Store | { db: Tx }, ref: SubmissionRef): Promise<string | null> {
  if (!ref.reviewDocId) return null;
  const r = await store.db.selectFrom('review_docs').select('text').where('id', '=', ref.reviewDocId).executeTakeFirstOrThrow();
  return r.text;
}

async function currentEvidenceText(db: Store['db'] | Tx, ref: SubmissionRef): Promise<string> {
  if (!ref.evidenceDocId) throw invalid('该单位尚未填报任何材料');
  const r = await db.selectFrom('evidence_docs').select('text').where('id', '=', ref.evidenceDocId).executeTakeFirstOrThrow();
  return r.text;
}

function checkEvidenceOwner(ref: SubmissionRef, evidence: unknown): void {
  const ag = (evidence as { agency?: { code?: unknown } } | null)?.agency;
  if (ag && typeof ag === 'object' && ag.code !== undefined && ag.code !== ref.agency.code)
    throw invalid(`证据中的单位代码(agency.code)为"${String(ag.code).slice(0, 64)}",与本单位代码 ${ref.agency.code} 不一致`);
}

export interface SaveResult {
  version: number;
  state: SubmissionRef['state'];
  report: ScoreReport;
}

async function insertEvidence(tx: Tx, ref: SubmissionRef, actor: Actor, now: Date, kind: 'draft' | 'submitted' | 'imported' | 'seed', text: string, scored: Scored): Promise<number> {
  const doc = await tx
    .insertInto('evidence_docs')
    .values({ submission_id: ref.submissionId, kind, text, hash: hashText(text), report_text: scored.reportText, summary: JSON.stringify(summarise(scored.report)), created_by: actor.id, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return doc.id;
}

/** Save a draft of the agency's evidence (a JSON object in the evidence format); scored on the server. */
export async function saveDraft(store: Store, actor: Actor, assessmentId: number, code: string, evidence: unknown, expectedVersion?: number, kind: 'draft' | 'imported' | 'seed' = 'draft'): Promise<SaveResult> {
  const pre = await findSubmission(store.db, assessmentId, code);
  requireAction(actor, pre, 'save', store.now());
  requireVersion(pre, expectedVersion);
  checkEvidenceOwner(pre, evidence);
  const text = canonicalJson(evidence);
  const scored = await scoreDocuments(compiledOf(pre), code, text);
  const now = store.now();
  return store.db.transaction().execute(async (tx) => {
    const ref = await findSubmission(tx, assessmentId, code, true);
    requireAction(actor, ref, 'save', now);
    requireVersion(ref, expectedVersion ?? pre.version);
    const docId = await insertEvidence(tx, ref, actor, now, kind, text, scored);
    const version = await advance(tx, ref, now, { evidence_doc_id: docId, summary: JSON.stringify(summarise(scored.report)) });
    await recordAudit(tx, now, actor, {
      assessmentId,
      agencyCode: code,
      action: kind === 'draft' ? 'evidence.save' : `evidence.${kind}`,
      entity: `evidence:${docId}`,
      before: ref.evidenceDocId ? { evidenceDoc: ref.evidenceDocId, version: ref.version } : null,
      after: { evidenceDoc: docId, version, hash: hashText(text), total: scored.report.totals.final },
    });
    await writeHooks.beforeCommit?.('evidence.save', code);
    return { version, state: ref.state, report: scored.report };
  });
}

/** Submit the current draft: the document is kept as a new 'submitted' row and locked for the agency. */
export async function submitEvidence(store: Store, actor: Actor, assessmentId: number, code: string, expectedVersion?: number): Promise<SaveResult> {
  const pre = await findSubmission(store.db, assessmentId, code);
  requireAction(actor, pre, 'submit', store.now());
  requireVersion(pre, expectedVersion);
  const text = await currentEvidenceText(store.db, pre);
  const scored = await scoreDocuments(compiledOf(pre), code, text);
  const reviewText = await currentReviewText(store, pre);
  const withReview = reviewText ? await scoreDocuments(compiledOf(pre), code, text, reviewText).catch(() => null) : null;
  const now = store.now();
  return store.db.transaction().execute(async (tx) => {
    const ref = await findSubmission(tx, assessmentId, code, true);
    requireAction(actor, ref, 'submit', now);
    requireVersion(ref, expectedVersion ?? pre.version);
    if (ref.evidenceDocId !== pre.evidenceDocId) requireVersion(ref, pre.version);
    const docId = await insertEvidence(tx, ref, actor, now, 'submitted', text, scored);
    const set: Parameters<typeof advance>[3] = { state: 'submitted', evidence_doc_id: docId, submitted_at: now, message: null, summary: JSON.stringify(summarise((withReview ?? scored).report)) };
    if (withReview && reviewText) {
      // The office's rulings so far carry over to the corrected evidence (a new review row, same text).
      const rv = await tx
        .insertInto('review_docs')
        .values({ submission_id: ref.submissionId, evidence_doc_id: docId, text: reviewText, hash: hashText(reviewText), report_text: withReview.reportText, summary: JSON.stringify(summarise(withReview.report)), reason: '随重新提交的材料沿用', created_by: actor.id, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      set.review_doc_id = rv.id;
    }
    const version = await advance(tx, ref, now, set);
    await recordAudit(tx, now, actor, { assessmentId, agencyCode: code, action: 'evidence.submit', entity: `evidence:${docId}`, before: { state: ref.state }, after: { state: 'submitted', evidenceDoc: docId, hash: hashText(text), version } });
    await writeHooks.beforeCommit?.('evidence.submit');
    return { version, state: 'submitted' as const, report: scored.report };
  });
}

/** The office saves its review document (judgements, overrides, corrections, decisions) for a submission. */
export async function saveReview(store: Store, actor: Actor, assessmentId: number, code: string, review: unknown, expectedVersion?: number, reason?: string, tx0?: Tx): Promise<SaveResult> {
  const pre = await findSubmission(tx0 ?? store.db, assessmentId, code);
  requireAction(actor, pre, 'review', store.now());
  requireVersion(pre, expectedVersion);
  const evidenceText = await currentEvidenceText(tx0 ?? store.db, pre);
  const text = canonicalJson(review);
  const scored = await scoreDocuments(compiledOf(pre), code, evidenceText, text);
  const now = store.now();
  const body = async (tx: Tx): Promise<SaveResult> => {
    const ref = await findSubmission(tx, assessmentId, code, true);
    requireAction(actor, ref, 'review', now);
    requireVersion(ref, expectedVersion ?? pre.version);
    if (ref.evidenceDocId !== pre.evidenceDocId) requireVersion(ref, pre.version);
    const rv = await tx
      .insertInto('review_docs')
      .values({ submission_id: ref.submissionId, evidence_doc_id: ref.evidenceDocId!, text, hash: hashText(text), report_text: scored.reportText, summary: JSON.stringify(summarise(scored.report)), reason: reason ?? null, created_by: actor.id, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const version = await advance(tx, ref, now, { review_doc_id: rv.id, summary: JSON.stringify(summarise(scored.report)) });
    await recordAudit(tx, now, actor, {
      assessmentId,
      agencyCode: code,
      action: 'review.save',
      entity: `review:${rv.id}`,
      before: ref.reviewDocId ? { reviewDoc: ref.reviewDocId } : null,
      after: { reviewDoc: rv.id, hash: hashText(text), total: scored.report.totals.final, version },
      reason: reason ?? null,
    });
    await writeHooks.beforeCommit?.('review.save');
    return { version, state: ref.state, report: scored.report };
  };
  return tx0 ? body(tx0) : store.db.transaction().execute(body);
}

/** Return a submission to the agency for correction, with a message (mandatory). */
export async function returnSubmission(store: Store, actor: Actor, assessmentId: number, code: string, message: string, expectedVersion?: number): Promise<{ version: number }> {
  if (!message.trim()) throw invalid('退回时必须写明需要修改的内容');
  return moveState(store, actor, assessmentId, code, 'return', 'returned', expectedVersion, message.trim().slice(0, 4000));
}

/** Accept a submission after review. */
export async function acceptSubmission(store: Store, actor: Actor, assessmentId: number, code: string, expectedVersion?: number): Promise<{ version: number }> {
  return moveState(store, actor, assessmentId, code, 'accept', 'accepted', expectedVersion, null);
}

async function moveState(store: Store, actor: Actor, assessmentId: number, code: string, action: 'return' | 'accept', to: 'returned' | 'accepted', expectedVersion: number | undefined, message: string | null): Promise<{ version: number }> {
  const now = store.now();
  return store.db.transaction().execute(async (tx) => {
    const ref = await findSubmission(tx, assessmentId, code, true);
    requireAction(actor, ref, action, now);
    requireVersion(ref, expectedVersion);
    const version = await advance(tx, ref, now, { state: to, message });
    await recordAudit(tx, now, actor, { assessmentId, agencyCode: code, action: `submission.${action}`, entity: `submission:${ref.submissionId}`, before: { state: ref.state }, after: { state: to, version }, reason: message });
    await writeHooks.beforeCommit?.(`submission.${action}`);
    return { version };
  });
}

export interface HistoryEntry {
  kind: string;
  id: number;
  hash: string;
  at: string;
  by: string;
}

/** Every stored document version of a submission (evidence and, for the office, reviews), oldest first. */
export async function listHistory(store: Store, actor: Actor, assessmentId: number, code: string): Promise<HistoryEntry[]> {
  const ref = await findSubmission(store.db, assessmentId, code);
  requireRead(actor, ref);
  const ev = await store.db.selectFrom('evidence_docs as d').innerJoin('users as u', 'u.id', 'd.created_by').select(['d.id', 'd.kind', 'd.hash', 'd.created_at', 'u.display_name']).where('submission_id', '=', ref.submissionId).execute();
  const rv = actor.role === 'agency' ? [] : await store.db.selectFrom('review_docs as d').innerJoin('users as u', 'u.id', 'd.created_by').select(['d.id', 'd.hash', 'd.created_at', 'u.display_name']).where('submission_id', '=', ref.submissionId).execute();
  const out = [
    ...ev.map((r) => ({ kind: `evidence.${r.kind}`, id: r.id, hash: r.hash, at: new Date(r.created_at).toISOString(), by: r.display_name })),
    ...rv.map((r) => ({ kind: 'review', id: r.id, hash: r.hash, at: new Date(r.created_at).toISOString(), by: r.display_name })),
  ];
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.kind < b.kind ? -1 : 1));
}
