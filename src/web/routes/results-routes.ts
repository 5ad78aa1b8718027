// 考核结果 · 单位评分表(已公示)· 完整比较报告(HTML/Excel,引擎自己的比较视图)· 操作日志(筛选、导出 CSV).
// Leaders see only results; an agency sees its own published sheet (the domain layer filters the publication).
import type { FastifyInstance } from 'fastify';
import { formatCompareReport } from '../../formatters/compare/compare-formatters.js';
import { renderSheetAs } from '../../render/render-sheet.js';
import { buildSheetViewModel } from '../../render/view-model.js';
import { getAssessment } from '../../service/domain/assessments.js';
import { listAudit } from '../../service/domain/audit.js';
import { ServiceError } from '../../service/domain/errors.js';
import { getPublication, getPublishedReport } from '../../service/domain/publish.js';
import type { ServiceContext } from '../../service/http/app.js';
import { buildAuditPage, formatAuditCsv, readAuditFilter } from '../pages/audit-page.js';
import { buildResultsPage } from '../pages/results-page.js';
import { actorOf, chromeFor, codeParam, idParam, sendPage } from '../render-page.js';
import { sendDocument } from './agency-routes.js';

export function registerResultRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const { store } = ctx;

  app.get('/a/:aid/results', async (req, reply) => {
    const actor = actorOf(req);
    const aid = idParam((req.params as Record<string, unknown>).aid, '考核');
    const assessment = await getAssessment(store, actor, aid);
    let pub;
    try {
      pub = await getPublication(store, actor, aid);
    } catch (err) {
      if (err instanceof ServiceError && err.code === 'NOT_FOUND') {
        return sendPage(reply, 'message', { ...chromeFor(req, '考核结果', 'results', { assessmentId: aid }), heading: '考核结果', text: '结果尚未公示。政务公开办复核完所有单位并公示后，结果会显示在这里。', details: [], back: null });
      }
      throw err;
    }
    return sendPage(reply, 'results', buildResultsPage(chromeFor(req, `${assessment.title} · 考核结果`, 'results', { assessmentId: aid }), assessment, pub));
  });

  app.get('/a/:aid/results/compare.:format', async (req, reply) => {
    const actor = actorOf(req);
    const p = req.params as Record<string, unknown>;
    const aid = idParam(p.aid, '考核');
    const format = p.format === 'html' ? 'html' : p.format === 'xlsx' ? 'xlsx' : null;
    if (!format) throw new ServiceError('NOT_FOUND', '找不到该格式的比较报告');
    const pub = await getPublication(store, actor, aid);
    const body = await formatCompareReport(pub.compare, format);
    return sendDocument(reply, body, format === 'html' ? 'text/html; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `考核结果比较.${format}`, format === 'html' ? 'inline' : 'attachment');
  });

  app.get('/a/:aid/results/:code', async (req, reply) => {
    const actor = actorOf(req);
    const p = req.params as Record<string, unknown>;
    const aid = idParam(p.aid, '考核');
    const code = codeParam(p.code);
    const r = await getPublishedReport(store, actor, aid, code);
    const html = await renderSheetAs(buildSheetViewModel(r.report), 'html');
    return sendDocument(reply, html, 'text/html; charset=utf-8', `${r.report.agency.shortName ?? r.report.agency.name}-评分表.html`, 'inline');
  });

  app.get('/a/:aid/audit', async (req, reply) => {
    const actor = actorOf(req);
    if (actor.role !== 'admin' && actor.role !== 'reviewer') throw new ServiceError('FORBIDDEN', '无权查看操作日志（仅政务公开办）');
    const aid = idParam((req.params as Record<string, unknown>).aid, '考核');
    const assessment = await getAssessment(store, actor, aid);
    const filter = readAuditFilter(req.query);
    const entries = await listAudit(store, actor, aid, { ...(filter.agency ? { agencyCode: filter.agency } : {}), ...(filter.action ? { action: filter.action } : {}) });
    const q = new URLSearchParams({ ...(filter.agency ? { agency: filter.agency } : {}), ...(filter.action ? { action: filter.action } : {}) }).toString();
    return sendPage(reply, 'audit', buildAuditPage(chromeFor(req, `${assessment.title} · 操作日志`, 'audit', { assessmentId: aid }), `${assessment.title} · 操作日志`, entries, filter, { self: `/a/${aid}/audit`, csv: `/a/${aid}/audit.csv${q ? `?${q}` : ''}` }, true));
  });

  app.get('/a/:aid/audit.csv', async (req, reply) => {
    const actor = actorOf(req);
    if (actor.role !== 'admin' && actor.role !== 'reviewer') throw new ServiceError('FORBIDDEN', '无权导出操作日志（仅政务公开办）');
    const aid = idParam((req.params as Record<string, unknown>).aid, '考核');
    const filter = readAuditFilter(req.query);
    const entries = await listAudit(store, actor, aid, { ...(filter.agency ? { agencyCode: filter.agency } : {}), ...(filter.action ? { action: filter.action } : {}) });
    return sendDocument(reply, formatAuditCsv(entries), 'text/csv; charset=utf-8', `操作日志-${aid}.csv`, 'attachment');
  });
}
