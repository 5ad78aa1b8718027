// 复核台 · 复核意见(评审、改分、更正事实、不适用决定、数据核验处理)· 退回修改 / 复核通过 · 申诉队列与处理.
// Each action builds the next review document (the engine's review format) and stores it through the service,
// which scores it and writes the audit entry.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatDiagnostics } from '../../diagnostics/format-diagnostics.js';
import { listProgress } from '../../service/domain/agencies.js';
import { listAppeals, resolveAppeal } from '../../service/domain/appeals.js';
import { getAssessment } from '../../service/domain/assessments.js';
import { listAttachments } from '../../service/domain/attachments.js';
import { ServiceError } from '../../service/domain/errors.js';
import { compiledOf, findSubmission } from '../../service/domain/submission-context.js';
import { acceptSubmission, getSubmission, returnSubmission, saveReview } from '../../service/domain/submissions.js';
import type { ServiceContext } from '../../service/http/app.js';
import { judgementKeys } from '../../review/judgement-bounds.js';
import { buildAppealsPage } from '../pages/appeals-page.js';
import { withDone } from '../pages/chrome.js';
import { agencyBase } from '../pages/evidence-page.js';
import { applyReviewAction, buildReviewPage, type ReviewAction } from '../pages/review-page.js';
import { actorOf, chromeFor, formOf, idParam, sendPage, versionOf } from '../render-page.js';
import { attachmentsOf, loadAgency } from './agency-routes.js';

const KINDS = ['judgement', 'override', 'correction', 'na', 'check'] as const;

export function registerReviewRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const { store } = ctx;
  const A = '/a/:aid/agencies/:code';

  const reviewPage = async (req: FastifyRequest, reply: FastifyReply, extra: { error?: string; diagnostics?: string[] } = {}, status = 200) => {
    const c = await loadAgency(ctx, req);
    if (c.actor.role === 'agency' || c.actor.role === 'leader') throw new ServiceError('FORBIDDEN', '无权使用复核台（仅政务公开办）');
    const attachments = await attachmentsOf(ctx, c);
    const chrome = chromeFor(req, `复核 · ${c.submission.agency.name}`, 'review', { assessmentId: c.assessment.id, crumbs: [{ href: `/a/${c.assessment.id}/board`, label: '填报进度' }], ...(extra.error ? { flash: null } : {}) });
    return sendPage(reply, 'review', buildReviewPage({ chrome, actor: c.actor, assessment: c.assessment, compiled: c.compiled, submission: c.submission, attachments, ...extra }), status);
  };

  app.get(`${A}/review`, async (req, reply) => reviewPage(req, reply));

  app.post(`${A}/review`, async (req, reply) => {
    const c = await loadAgency(ctx, req);
    const f = formOf(req);
    const kind = KINDS.find((k) => k === f.kind);
    if (!kind) throw new ServiceError('INVALID', '未知的复核操作');
    const action: ReviewAction = { kind, key: (f.key ?? '').slice(0, 130), score: f.score, value: f.value, decision: f.decision, resolution: f.resolution, reason: f.reason ?? '' };
    const next = applyReviewAction(c.compiled, c.submission.review, c.submission.agency, action, c.actor, store.now());
    if ('error' in next) return reviewPage(req, reply, { error: next.error }, 400);
    try {
      await saveReview(store, c.actor, c.assessment.id, c.code, next.review, versionOf(f), action.reason.trim());
    } catch (err) {
      if (!(err instanceof ServiceError) || err.code !== 'INVALID') throw err;
      return reviewPage(req, reply, { error: err.message, diagnostics: err.diagnostics.length ? formatDiagnostics(err.diagnostics).trim().split('\n').slice(0, 30) : [] }, 400);
    }
    return reply.redirect(`${withDone(`${agencyBase(c.assessment.id, c.code)}/review`, 'ruled')}`, 303);
  });

  app.post(`${A}/return`, async (req, reply) => {
    const c = await loadAgency(ctx, req);
    const f = formOf(req);
    try {
      await returnSubmission(store, c.actor, c.assessment.id, c.code, f.message ?? '', versionOf(f));
    } catch (err) {
      if (err instanceof ServiceError && err.code === 'INVALID') return reviewPage(req, reply, { error: err.message }, 400);
      throw err;
    }
    return reply.redirect(withDone(`/a/${c.assessment.id}/board`, 'returned'), 303);
  });

  app.post(`${A}/accept`, async (req, reply) => {
    const c = await loadAgency(ctx, req);
    await acceptSubmission(store, c.actor, c.assessment.id, c.code, versionOf(formOf(req)));
    return reply.redirect(withDone(`/a/${c.assessment.id}/board`, 'accepted'), 303);
  });

  const queuePage = async (req: FastifyRequest, reply: FastifyReply, error = '', status = 200) => {
    const actor = actorOf(req);
    if (actor.role !== 'admin' && actor.role !== 'reviewer') throw new ServiceError('FORBIDDEN', '无权处理申诉（仅政务公开办）');
    const aid = idParam((req.params as Record<string, unknown>).aid, '考核');
    const assessment = await getAssessment(store, actor, aid);
    const appeals = await listAppeals(store, actor, aid);
    const progress = await listProgress(store, actor, aid);
    const names = new Map(progress.map((r) => [r.agency.code, r.agency.name]));
    const attachments = [];
    for (const code of new Set(appeals.map((x) => x.agencyCode))) {
      for (const x of await listAttachments(store, actor, aid, code)) attachments.push({ id: x.id, nodeId: x.nodeId, name: x.name, href: `${agencyBase(aid, code)}/attachments/file/${x.id}`, size: x.size, mime: x.mime });
    }
    const first = progress.find((r) => r.state !== null);
    const compiled = first ? compiledOf(await findSubmission(store.db, aid, first.agency.code)) : null;
    if (!compiled) throw new ServiceError('NOT_FOUND', '该考核还没有单位材料');
    const chrome = chromeFor(req, `${assessment.title} · 申诉处理`, 'appeals', { assessmentId: aid, ...(error ? { flash: null } : {}) });
    return sendPage(reply, 'appeals', buildAppealsPage({ chrome, actor, assessment, compiled, appeals, attachments, names, error }), status);
  };

  app.get('/a/:aid/appeals', async (req, reply) => queuePage(req, reply));

  app.post('/a/:aid/appeals/:id/resolve', async (req, reply) => {
    const actor = actorOf(req);
    const p = req.params as Record<string, unknown>;
    const aid = idParam(p.aid, '考核');
    const id = idParam(p.id, '申诉');
    const f = formOf(req);
    const outcome = f.outcome === 'upheld' || f.outcome === 'rejected' ? f.outcome : null;
    if (!outcome) return queuePage(req, reply, '请选择支持申诉或驳回', 400);
    const reason = (f.reason ?? '').trim();
    let review: unknown;
    if (outcome === 'upheld' && (f.score ?? '').trim() !== '') {
      const ap = (await listAppeals(store, actor, aid)).find((x) => x.id === id);
      if (!ap) throw new ServiceError('NOT_FOUND', `找不到申诉 ${id}`);
      const sub = await getSubmission(store, actor, aid, ap.agencyCode);
      const compiled = compiledOf(await findSubmission(store.db, aid, ap.agencyCode));
      const jKey = judgementKeys(compiled).find((k) => k === ap.nodeId || k.startsWith(`${ap.nodeId}#`));
      const next = applyReviewAction(compiled, sub.review, sub.agency, { kind: jKey ? 'judgement' : 'override', key: jKey ?? ap.nodeId, score: f.score, reason: `申诉 ${id}:${reason}` }, actor, store.now());
      if ('error' in next) return queuePage(req, reply, next.error, 400);
      review = next.review;
    }
    try {
      await resolveAppeal(store, actor, aid, id, { outcome, reason, ...(review !== undefined ? { review } : {}) });
    } catch (err) {
      if (err instanceof ServiceError && err.code === 'INVALID') return queuePage(req, reply, err.message, 400);
      throw err;
    }
    return reply.redirect(withDone(`/a/${aid}/appeals`, 'resolved'), 303);
  });
}
