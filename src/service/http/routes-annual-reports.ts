// Annual reports in the service: an agency uploads its published report (multipart, field `file`; optional field
// `level` before it), the server checks it and stores the outcome; the agency lists its uploads, the office sees
// every agency's latest outcome in one table.
import * as z from 'zod';
import { getAnnualReportCheck, listAgencyAnnualReports, listAnnualReportOutcomes, uploadAnnualReport } from '../domain/annual-reports.js';
import { requireActor } from './auth.js';
import type { ServiceContext } from './app.js';
import { readUpload } from './uploads.js';
import { AgencyParams, IdParams, type ZApp } from './types.js';

export function registerAnnualReportRoutes(app: ZApp, ctx: ServiceContext): void {
  const { store } = ctx;
  const tags = ['年度报告'];
  const base = '/api/assessments/:id/agencies/:code/annual-reports';

  app.post(
    base,
    { schema: { tags, summary: '上传本单位的政府信息公开工作年度报告(网页 .html/.htm 或文本 .txt;可选字段 level 为单位层级,写在 file 之前),服务器核验勾稽关系并保存结果', params: AgencyParams, consumes: ['multipart/form-data'] } },
    async (req) => {
      const actor = requireActor(req);
      const up = await readUpload(req);
      return uploadAnnualReport(store, actor, req.params.id, req.params.code, { name: up.name, bytes: up.bytes, ...(up.fields.level !== undefined ? { level: up.fields.level } : {}) });
    },
  );

  app.get(base, { schema: { tags, summary: '本单位历次上传的年报及核验结果(最新在前)', params: AgencyParams } }, async (req) => listAgencyAnnualReports(store, requireActor(req), req.params.id, req.params.code));

  app.get(`${base}/:checkId`, { schema: { tags, summary: '一次年报核验的完整结果(表格单元格、每条核验及其读取的数值)', params: AgencyParams.extend({ checkId: z.coerce.number().int().positive().max(2 ** 31 - 1) }) } }, async (req) =>
    getAnnualReportCheck(store, requireActor(req), req.params.id, req.params.code, req.params.checkId),
  );

  app.get('/api/assessments/:id/annual-reports', { schema: { tags, summary: '各单位最近一次年报核验结果(政务公开办)', params: IdParams } }, async (req) => listAnnualReportOutcomes(store, requireActor(req), req.params.id));
}
