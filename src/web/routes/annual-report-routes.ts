// 年度报告 pages: the agency's upload page with its outcomes (GET/POST /a/:aid/agencies/:code/annual-report) and the
// office's table of every agency's latest outcome (GET /a/:aid/annual-reports). Authorization is the domain
// layer's (an agency reaching another agency's page gets FORBIDDEN).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { getAnnualReportCheck, listAgencyAnnualReports, listAnnualReportOutcomes, uploadAnnualReport } from '../../service/domain/annual-reports.js';
import { requireAgency, requireRole } from '../../service/domain/actor.js';
import { ServiceError } from '../../service/domain/errors.js';
import { findSubmission } from '../../service/domain/submission-context.js';
import type { ServiceContext } from '../../service/http/app.js';
import { withDone } from '../pages/chrome.js';
import { buildAgencyAnnualReportPage, buildOfficeAnnualReportsPage } from '../pages/annual-report-page.js';
import { actorOf, chromeFor, codeParam, idParam, sendPage } from '../render-page.js';

const A = '/a/:aid/agencies/:code';

export function registerAnnualReportPages(app: FastifyInstance, ctx: ServiceContext): void {
  const { store } = ctx;
  const params = (req: FastifyRequest) => {
    const p = req.params as Record<string, unknown>;
    return { aid: idParam(p.aid, '考核'), code: codeParam(p.code) };
  };

  app.get(`${A}/annual-report`, async (req, reply) => {
    const actor = actorOf(req);
    const { aid, code } = params(req);
    const uploads = await listAgencyAnnualReports(store, actor, aid, code);
    const ref = await findSubmission(store.db, aid, code);
    const latest = uploads[0] ? (await getAnnualReportCheck(store, actor, aid, code, uploads[0].id)).check : null;
    const chrome = chromeFor(req, '年度报告', 'annual-report', { assessmentId: aid });
    const mayUpload = (actor.role === 'agency' || actor.role === 'admin') && ref.assessment.status === 'open';
    const action = mayUpload ? `/a/${aid}/agencies/${encodeURIComponent(code)}/annual-report?_csrf=${encodeURIComponent(chrome.csrf)}` : null;
    return sendPage(reply, 'annual-report', buildAgencyAnnualReportPage({ chrome, agencyName: ref.agency.name, action, uploads, latest }));
  });

  app.post(`${A}/annual-report`, async (req, reply) => {
    const actor = actorOf(req);
    const { aid, code } = params(req);
    requireRole(actor, ['admin', 'agency'], '上传年度报告');
    requireAgency(actor, code);
    if (!req.isMultipart()) throw new ServiceError('INVALID', '请通过页面上的"上传并核验"表单选择年报文件上传');
    let level = '';
    let upload: { name: string; bytes: Buffer } | null = null;
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.filename && bytes.length > 0) upload = { name: part.filename, bytes };
      } else if (part.fieldname === 'level' && typeof part.value === 'string') level = part.value.slice(0, 40);
    }
    if (!upload) throw new ServiceError('INVALID', '请先选择要上传的年报文件');
    await uploadAnnualReport(store, actor, aid, code, { ...upload, ...(level ? { level } : {}) });
    return reply.redirect(withDone(`/a/${aid}/agencies/${encodeURIComponent(code)}/annual-report`, 'reportChecked'), 303);
  });

  app.get('/a/:aid/annual-reports', async (req, reply) => {
    const actor = actorOf(req);
    const aid = idParam((req.params as Record<string, unknown>).aid, '考核');
    const rows = await listAnnualReportOutcomes(store, actor, aid);
    return sendPage(reply, 'annual-reports', buildOfficeAnnualReportsPage({ chrome: chromeFor(req, '年报核验', 'annual-reports', { assessmentId: aid }), assessmentId: aid, rows }));
  });
}
