// Publication, appeals, results and the audit trail.
import * as z from 'zod';
import { fileAppeal, listAppeals, resolveAppeal } from '../domain/appeals.js';
import { listAudit, type AuditEntry } from '../domain/audit.js';
import { getPublication, getPublishedReport, publishFinal, publishProvisional } from '../domain/publish.js';
import { requireActor } from './auth.js';
import type { ServiceContext } from './app.js';
import { stripControlChars } from '../../diagnostics/control-chars.js';
import { AgencyCode, AgencyParams, EngineDocument, IdParams, type ZApp } from './types.js';

const csvCell = (v: unknown): string => {
  let s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The audit log as CSV for Excel (UTF-8 with BOM, CRLF, formula-safe). */
export function auditCsv(entries: AuditEntry[]): string {
  const head = ['序号', '时间', '操作人', '单位代码', '操作', '对象', '修改前', '修改后', '理由'];
  const rows = entries.map((e) => [e.id, e.at, e.actor, e.agencyCode, e.action, e.entity, e.before, e.after, e.reason].map(csvCell).join(','));
  return stripControlChars('\uFEFF' + [head.join(','), ...rows].join('\r\n') + '\r\n'); // CRLF kept
}

export function registerResultRoutes(app: ZApp, ctx: ServiceContext): void {
  const { store } = ctx;

  app.post('/api/assessments/:id/publish/provisional', { schema: { tags: ['公示'], summary: '公示初步结果(全部单位复核通过后;管理员)', params: IdParams } }, async (req) => {
    const c = await publishProvisional(store, requireActor(req), req.params.id);
    return { stage: 'provisional', agencies: c.agencies.length };
  });

  app.post('/api/assessments/:id/publish/final', { schema: { tags: ['公示'], summary: '发布最终结果(申诉期结束、申诉处理完毕后;管理员)', params: IdParams } }, async (req) => {
    const c = await publishFinal(store, requireActor(req), req.params.id);
    return { stage: 'final', agencies: c.agencies.length };
  });

  app.get('/api/assessments/:id/results', { schema: { tags: ['公示'], summary: '已公示的排名与比较(单位只看到本单位一行)', params: IdParams } }, async (req) => getPublication(store, requireActor(req), req.params.id));

  app.get('/api/assessments/:id/agencies/:code/report', { schema: { tags: ['公示'], summary: '单位已公示的得分报告(带哈希)', params: AgencyParams } }, async (req) =>
    getPublishedReport(store, requireActor(req), req.params.id, req.params.code),
  );

  app.post(
    '/api/assessments/:id/agencies/:code/appeals',
    { schema: { tags: ['申诉'], summary: '对公示结果的某一项提出申诉(申诉期内;本单位)', params: AgencyParams, body: z.strictObject({ nodeId: z.string().min(1).max(64), reason: z.string().min(1).max(4000), attachmentIds: z.array(z.number().int().positive()).max(20).optional() }) } },
    async (req) => fileAppeal(store, requireActor(req), req.params.id, req.params.code, req.body),
  );

  app.get('/api/assessments/:id/agencies/:code/appeals', { schema: { tags: ['申诉'], summary: '本单位的申诉及处理结果', params: AgencyParams } }, async (req) =>
    listAppeals(store, requireActor(req), req.params.id, req.params.code),
  );

  app.get('/api/assessments/:id/appeals', { schema: { tags: ['申诉'], summary: '全部申诉(政务公开办)', params: IdParams } }, async (req) => {
    const actor = requireActor(req);
    return listAppeals(store, actor, req.params.id, actor.role === 'agency' ? (actor.agencyCode ?? '') : undefined);
  });

  app.post(
    '/api/assessments/:id/appeals/:appealId/resolve',
    {
      schema: {
        tags: ['申诉'],
        summary: '处理申诉:支持(可附修改后的复核意见,结果随之更新)或驳回,均需理由',
        params: IdParams.extend({ appealId: z.coerce.number().int().positive().max(2 ** 31 - 1) }),
        body: z.strictObject({ outcome: z.enum(['upheld', 'rejected']), reason: z.string().min(1).max(4000), review: EngineDocument.optional() }),
      },
    },
    async (req) => {
      const r = await resolveAppeal(store, requireActor(req), req.params.id, req.params.appealId, req.body);
      return { appeal: r.appeal, totals: r.report?.totals ?? null };
    },
  );

  app.get(
    '/api/assessments/:id/audit',
    { schema: { tags: ['操作记录'], summary: '操作记录(政务公开办看全部;单位只看本单位);format=csv 导出', params: IdParams, querystring: z.strictObject({ agency: AgencyCode.optional(), action: z.string().max(60).optional(), format: z.enum(['json', 'csv']).optional() }) } },
    async (req, reply) => {
      const q = req.query;
      const entries = await listAudit(store, requireActor(req), req.params.id, { ...(q.agency ? { agencyCode: q.agency } : {}), ...(q.action ? { action: q.action } : {}) });
      if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="audit-${req.params.id}.csv"`).send(auditCsv(entries));
      return entries;
    },
  );
}
