// /api/assessments…: create, rubric, windows, open, register import, progress board, copy to next year, export/import.
import * as z from 'zod';
import { addAgencies, importRegister, listProgress } from '../domain/agencies.js';
import { createAssessment, getAssessment, getRubricText, listAssessments, openAssessment, setWindows, uploadRubric } from '../domain/assessments.js';
import { exportAssessmentZip, importEvidenceFile } from '../domain/export-import.js';
import { invalid } from '../domain/errors.js';
import { copyAssessment } from '../domain/next-year.js';
import { requireActor } from './auth.js';
import type { ServiceContext } from './app.js';
import { readUpload } from './uploads.js';
import { IdParams, Windows, type ZApp } from './types.js';

const RubricText = z.string().min(1).max(2 * 1024 * 1024).describe('评分细则 YAML 全文');
const Parents = z.record(z.string().max(200), RubricText).refine((r) => Object.keys(r).length <= 8, { message: '上级细则最多 8 个' }).optional().describe('细则使用 extends 时的上级细则(文件名 → YAML 全文);保存时合并为完整细则');
const Year = z.number().int().min(1990).max(2100);
const Title = z.string().min(1).max(200);

export function registerAssessmentRoutes(app: ZApp, ctx: ServiceContext): void {
  const { store } = ctx;
  const tags = ['考核'];

  app.get('/api/assessments', { schema: { tags, summary: '考核列表(单位只看到本单位参加的考核)' } }, async (req) => listAssessments(store, requireActor(req)));

  app.post(
    '/api/assessments',
    { schema: { tags, summary: '创建考核(管理员)', body: z.strictObject({ year: Year, title: Title, rubric: RubricText.optional(), rubricFileName: z.string().max(200).optional(), rubricParents: Parents, windows: Windows.partial().optional() }) } },
    async (req) => {
      const b = req.body;
      return createAssessment(store, requireActor(req), { year: b.year, title: b.title, ...(b.rubric !== undefined ? { rubricText: b.rubric } : {}), ...(b.rubricFileName ? { rubricFileName: b.rubricFileName } : {}), ...(b.rubricParents ? { rubricParents: b.rubricParents } : {}), ...(b.windows ?? {}) });
    },
  );

  app.get('/api/assessments/:id', { schema: { tags, summary: '考核详情', params: IdParams } }, async (req) => getAssessment(store, requireActor(req), req.params.id));

  app.get('/api/assessments/:id/rubric', { schema: { tags, summary: '评分细则 YAML(冻结后与其哈希一致)', params: IdParams } }, async (req, reply) => {
    await getAssessment(store, requireActor(req), req.params.id);
    const r = await getRubricText(store, req.params.id);
    return reply.type('application/yaml; charset=utf-8').header('x-content-hash', r.hash).send(r.text);
  });

  app.put('/api/assessments/:id/rubric', { schema: { tags, summary: '上传或替换评分细则(仅筹备阶段,管理员)', params: IdParams, body: z.strictObject({ rubric: RubricText, fileName: z.string().max(200).optional(), parents: Parents }) } }, async (req) =>
    uploadRubric(store, requireActor(req), req.params.id, req.body.rubric, req.body.fileName, req.body.parents ?? {}),
  );

  app.put('/api/assessments/:id/windows', { schema: { tags, summary: '设置提交、复核、申诉截止时间(管理员)', params: IdParams, body: Windows.extend({ reason: z.string().max(2000).optional() }) } }, async (req) => {
    const { reason, ...w } = req.body;
    return setWindows(store, requireActor(req), req.params.id, w, reason);
  });

  app.post('/api/assessments/:id/open', { schema: { tags, summary: '开始考核:冻结细则,各单位开始填报(管理员)', params: IdParams } }, async (req) => openAssessment(store, requireActor(req), req.params.id));

  app.post('/api/assessments/:id/register', { schema: { tags, summary: '导入单位名单(CSV 或 xlsx,multipart 字段 file;管理员)', params: IdParams, consumes: ['multipart/form-data'] } }, async (req) => {
    const actor = requireActor(req);
    const up = await readUpload(req);
    return importRegister(store, actor, req.params.id, up.name, up.bytes);
  });

  app.post(
    '/api/assessments/:id/agencies',
    {
      schema: {
        tags,
        summary: '添加或更新单位(JSON;管理员)',
        params: IdParams,
        body: z.strictObject({
          agencies: z
            .array(z.strictObject({ code: z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/), name: z.string().min(1).max(200), shortName: z.string().max(50).nullable().optional(), class: z.string().max(20).nullable().optional(), contact: z.string().max(200).nullable().optional() }))
            .min(1)
            .max(5000),
        }),
      },
    },
    async (req) => addAgencies(store, requireActor(req), req.params.id, req.body.agencies.map((a) => ({ code: a.code, name: a.name, shortName: a.shortName ?? null, class: a.class ?? null, contact: a.contact ?? null }))),
  );

  app.get('/api/assessments/:id/progress', { schema: { tags, summary: '进度看板:各单位状态、提交时间、核定分与自评分(单位只看到本单位)', params: IdParams } }, async (req) => {
    const actor = requireActor(req);
    await getAssessment(store, actor, req.params.id);
    return listProgress(store, actor, req.params.id);
  });

  app.post('/api/assessments/:id/copy', { schema: { tags, summary: '复制到下一年度(新细则;管理员)', params: IdParams, body: z.strictObject({ year: Year, title: Title, rubric: RubricText }) } }, async (req) =>
    copyAssessment(store, requireActor(req), req.params.id, { year: req.body.year, title: req.body.title, rubricText: req.body.rubric }),
  );

  app.get('/api/assessments/:id/export', { schema: { tags, summary: '导出整个考核为 zip(细则、证据、复核意见、报告、附件、操作记录;管理员)', params: IdParams } }, async (req, reply) => {
    const zip = await exportAssessmentZip(store, requireActor(req), req.params.id);
    return reply.type('application/zip').header('content-disposition', `attachment; filename="assessment-${req.params.id}.zip"`).send(zip);
  });

  app.post(
    '/api/assessments/:id/import',
    { schema: { tags, summary: '导入命令行的证据文件(YAML/JSON)或填好的 xlsx 填报表为草稿(multipart 字段 file,可选字段 code)', params: IdParams, consumes: ['multipart/form-data'] } },
    async (req) => {
      const actor = requireActor(req);
      const up = await readUpload(req);
      const code = up.fields.code;
      if (code !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(code)) throw invalid('单位代码格式不正确');
      const res = await importEvidenceFile(store, actor, req.params.id, up.name, up.bytes, code);
      return { code: res.code, version: res.version, state: res.state, totals: res.report.totals };
    },
  );
}
