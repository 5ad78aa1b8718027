// /api/assessments/:id/agencies/:code/…: one agency's submission — read, save draft (scored on the server), submit,
// the office's review, return, accept, history, attachments.
import * as z from 'zod';
import { listAttachments, readAttachment, uploadAttachment } from '../domain/attachments.js';
import { invalid } from '../domain/errors.js';
import { acceptSubmission, getSubmission, listHistory, returnSubmission, saveDraft, saveReview, submitEvidence, type SaveResult } from '../domain/submissions.js';
import { requireActor } from './auth.js';
import type { ServiceContext } from './app.js';
import { readUpload } from './uploads.js';
import { AgencyParams, EngineDocument, Version, type ZApp } from './types.js';

/** What a save answers: the new version and the live score (the full report, for the explanations). */
const saved = (r: SaveResult) => ({ version: r.version, state: r.state, totals: r.report.totals, overClaims: r.report.overClaims, missingEvidence: r.report.missingEvidence, report: r.report });

export function registerSubmissionRoutes(app: ZApp, ctx: ServiceContext): void {
  const { store } = ctx;
  const tags = ['填报与复核'];
  const base = '/api/assessments/:id/agencies/:code';

  app.get(base, { schema: { tags, summary: '单位的材料:状态、版本、证据、复核意见、当前得分报告、已公示的报告', params: AgencyParams } }, async (req) =>
    getSubmission(store, requireActor(req), req.params.id, req.params.code),
  );

  app.put(
    `${base}/evidence`,
    { schema: { tags, summary: '保存草稿(证据格式同命令行;每次保存即由引擎评分,返回实时得分)', params: AgencyParams, body: z.strictObject({ evidence: EngineDocument, version: Version }) } },
    async (req) => saved(await saveDraft(store, requireActor(req), req.params.id, req.params.code, req.body.evidence, req.body.version)),
  );

  app.post(`${base}/submit`, { schema: { tags, summary: '提交(提交后锁定,保留该版本)', params: AgencyParams, body: z.strictObject({ version: Version }) } }, async (req) =>
    saved(await submitEvidence(store, requireActor(req), req.params.id, req.params.code, req.body.version)),
  );

  app.put(
    `${base}/review`,
    { schema: { tags, summary: '保存复核意见(复核文件格式:酌情评分、改分、事实更正、合理缺项决定,均需理由)', params: AgencyParams, body: z.strictObject({ review: EngineDocument, version: Version, reason: z.string().max(2000).optional() }) } },
    async (req) => saved(await saveReview(store, requireActor(req), req.params.id, req.params.code, req.body.review, req.body.version, req.body.reason)),
  );

  app.post(`${base}/return`, { schema: { tags, summary: '退回修改(须写明修改意见)', params: AgencyParams, body: z.strictObject({ message: z.string().min(1).max(4000), version: Version }) } }, async (req) =>
    returnSubmission(store, requireActor(req), req.params.id, req.params.code, req.body.message, req.body.version),
  );

  app.post(`${base}/accept`, { schema: { tags, summary: '复核通过', params: AgencyParams, body: z.strictObject({ version: Version }) } }, async (req) =>
    acceptSubmission(store, requireActor(req), req.params.id, req.params.code, req.body.version),
  );

  app.get(`${base}/history`, { schema: { tags, summary: '历次保存的文档版本(哈希、时间、操作人)', params: AgencyParams } }, async (req) =>
    listHistory(store, requireActor(req), req.params.id, req.params.code),
  );

  app.get(`${base}/attachments`, { schema: { tags: ['附件'], summary: '附件列表', params: AgencyParams } }, async (req) => listAttachments(store, requireActor(req), req.params.id, req.params.code));

  app.post(
    `${base}/attachments`,
    { schema: { tags: ['附件'], summary: '上传附件(PDF、JPG、PNG、DOCX、XLSX;按内容识别类型;可选字段 nodeId 写在 file 之前)', params: AgencyParams, consumes: ['multipart/form-data'] } },
    async (req) => {
      const actor = requireActor(req);
      const up = await readUpload(req);
      const nodeId = up.fields.nodeId;
      if (nodeId !== undefined && (nodeId.length > 64 || !/^[\w.-]+$/.test(nodeId))) throw invalid('nodeId 格式不正确');
      return uploadAttachment(store, actor, req.params.id, req.params.code, { name: up.name, bytes: up.bytes, nodeId: nodeId ?? null });
    },
  );

  app.get(`${base}/attachments/:attachmentId`, { schema: { tags: ['附件'], summary: '下载附件', params: AgencyParams.extend({ attachmentId: z.coerce.number().int().positive().max(2 ** 31 - 1) }) } }, async (req, reply) => {
    const a = await readAttachment(store, requireActor(req), req.params.id, req.params.code, req.params.attachmentId);
    return reply
      .type(a.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.name)}`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(a.bytes));
  });
}
