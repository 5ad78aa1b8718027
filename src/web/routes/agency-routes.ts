// 我的自查填报: the evidence form (GET), a plain save (POST, works without script), the live save-and-score the page
// script calls (POST …/evidence.json), the submit confirmation and submit, attachment upload and viewing, the
// printable sheet (the engine's own HTML/PDF/xlsx), the agency's appeals and its own log. Authorization is the
// domain layer's: an agency user reaching another agency's URL gets the service's FORBIDDEN.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CompiledRubric } from '../../compile/compile-rubric.js';
import { buildSheetViewModel } from '../../render/view-model.js';
import { renderSheetAs } from '../../render/render-sheet.js';
import type { ScoreReport } from '../../report/score-report.js';
import type { EvidenceInput } from '../../schema/evidence-schema.js';
import type { Actor } from '../../service/domain/actor.js';
import { fileAppeal, listAppeals } from '../../service/domain/appeals.js';
import { getAssessment, type AssessmentView } from '../../service/domain/assessments.js';
import { listAttachments, readAttachment, uploadAttachment } from '../../service/domain/attachments.js';
import { listAudit } from '../../service/domain/audit.js';
import { ServiceError } from '../../service/domain/errors.js';
import { compiledOf, findSubmission } from '../../service/domain/submission-context.js';
import { canonicalJson, getSubmission, saveDraft, submitEvidence, type SubmissionView } from '../../service/domain/submissions.js';
import { scoreDocuments } from '../../service/domain/engine.js';
import type { ServiceContext } from '../../service/http/app.js';
import { fieldErrorsOf, mergeEvidenceParts } from '../form/evidence-draft.js';
import type { AttachmentInput } from '../form/evidence-form-view.js';
import { boundFormValues, fieldId, parseEvidenceForm, type EvidenceParts, type FieldErrors, type FormValues } from '../form/form-fields.js';
import { buildLiveScore } from '../form/live-score.js';
import { buildAppealsPage } from '../pages/appeals-page.js';
import { buildAuditPage, formatAuditCsv, readAuditFilter } from '../pages/audit-page.js';
import { withDone } from '../pages/chrome.js';
import { agencyBase, buildEvidencePage, canEdit, emptyEvidence } from '../pages/evidence-page.js';
import { actorOf, chromeFor, codeParam, contentDisposition, DOCUMENT_CSP, formOf, idParam, sendPage, versionOf } from '../render-page.js';

interface AgencyContext {
  actor: Actor;
  assessment: AssessmentView;
  code: string;
  submission: SubmissionView;
  compiled: CompiledRubric;
}

/** Load what every agency page needs; the domain functions refuse another agency's data. */
export async function loadAgency(ctx: ServiceContext, req: FastifyRequest): Promise<AgencyContext> {
  const actor = actorOf(req);
  const p = req.params as Record<string, unknown>;
  const aid = idParam(p.aid, '考核');
  const code = codeParam(p.code);
  const submission = await getSubmission(ctx.store, actor, aid, code);
  const assessment = await getAssessment(ctx.store, actor, aid);
  const compiled = compiledOf(await findSubmission(ctx.store.db, aid, code));
  return { actor, assessment, code, submission, compiled };
}

export async function attachmentsOf(ctx: ServiceContext, c: Pick<AgencyContext, 'actor' | 'assessment' | 'code'>): Promise<AttachmentInput[]> {
  const list = await listAttachments(ctx.store, c.actor, c.assessment.id, c.code);
  const base = agencyBase(c.assessment.id, c.code);
  return list.map((x) => ({ id: x.id, nodeId: x.nodeId, name: x.name, href: `${base}/attachments/file/${x.id}`, size: x.size, mime: x.mime }));
}

/**
 * Take the refused fields out of what is saved, keeping the value saved before for each (a mistyped figure never
 * erases the last good one; the page still shows the typed text with its message).
 */
export function keepSavedValues(parts: EvidenceParts, errors: FieldErrors, stored: EvidenceInput): EvidenceParts {
  const out: EvidenceParts = { facts: { ...parts.facts }, claims: { ...parts.claims }, evidence: { ...parts.evidence }, notApplicable: [...parts.notApplicable] };
  const own = <T>(o: Record<string, T> | undefined, k: string): T | undefined => (o && Object.hasOwn(o, k) ? o[k] : undefined);
  for (const name of Object.keys(errors)) {
    const [kind, ...rest] = name.split(':');
    const id = rest.join(':');
    if (kind === 'fact') {
      delete out.facts[id];
      const v = own(stored.facts as Record<string, EvidenceParts['facts'][string]> | undefined, id);
      if (v !== undefined) out.facts[id] = v;
    } else if (kind === 'claim') {
      delete out.claims[id];
      const v = own(stored.claims as Record<string, number | null> | undefined, id);
      if (typeof v === 'number') out.claims[id] = v;
    } else if (kind === 'na') {
      out.notApplicable = out.notApplicable.filter((x) => x.node !== id);
      const v = (stored.notApplicable ?? []).find((x) => x.node === id);
      if (v) out.notApplicable.push({ node: v.node, reason: v.reason });
    } else if (kind === 'cite') {
      const m = /^(.*):(\d+):[a-zA-Z]+$/.exec(id);
      if (m && out.evidence[m[1]!]) out.evidence[m[1]!] = out.evidence[m[1]!]!.filter((_c, i) => i !== Number(m[2]));
    }
  }
  return out;
}

/**
 * The score an agency sees while its submission is back with it (已退回): its current draft with the office's rulings
 * so far (the service carries them over on resubmission), scored by the service's engine door. Other states: the
 * report as given. A review that no longer fits the draft (e.g. a withdrawn not-applicable request) falls back to
 * the draft's own score.
 */
export async function withOfficeRulings(c: Pick<AgencyContext, 'submission' | 'compiled' | 'code'>, evidence: unknown, report: ScoreReport | null): Promise<ScoreReport | null> {
  if (c.submission.state !== 'returned' || !c.submission.review || !evidence) return report;
  try {
    return (await scoreDocuments(c.compiled, c.code, canonicalJson(evidence), canonicalJson(c.submission.review))).report;
  } catch (err) {
    if (err instanceof ServiceError) return report;
    throw err;
  }
}

interface SaveOutcome {
  saved: boolean;
  version: number;
  report: ScoreReport | null;
  errors: FieldErrors;
  general: string[];
}

/**
 * Save the form as a draft: readable fields are saved; a field the form or the engine refuses is left out of the
 * saved document and reported next to itself (its text stays on the page), so nothing typed is lost.
 */
export async function saveForm(ctx: ServiceContext, c: AgencyContext, values: FormValues, version: number | undefined): Promise<SaveOutcome> {
  const parsed = parseEvidenceForm(c.compiled, values);
  const errors: FieldErrors = { ...parsed.errors };
  const stored = (c.submission.evidence as EvidenceInput | null) ?? emptyEvidence(c.compiled, c.assessment, c.submission);
  let parts = keepSavedValues(parsed.parts, errors, stored);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const doc = mergeEvidenceParts(stored, parts);
      const r = await saveDraft(ctx.store, c.actor, c.assessment.id, c.code, doc, version);
      return { saved: true, version: r.version, report: await withOfficeRulings(c, doc, r.report), errors, general: [] };
    } catch (err) {
      if (!(err instanceof ServiceError) || err.code !== 'INVALID' || err.diagnostics.length === 0) throw err;
      const mapped = fieldErrorsOf(err.diagnostics, parts);
      if (Object.keys(mapped.errors).length === 0 || mapped.general.length > 0) {
        return { saved: false, version: c.submission.version, report: null, errors: { ...errors, ...mapped.errors }, general: mapped.general.length > 0 ? mapped.general : [err.message] };
      }
      Object.assign(errors, mapped.errors);
      parts = keepSavedValues(parts, mapped.errors, { ...stored, facts: {}, claims: {}, notApplicable: [] });
    }
  }
  return { saved: false, version: c.submission.version, report: null, errors, general: ['部分内容无法保存，请按提示更正后再试'] };
}

export function sendDocument(reply: FastifyReply, body: string | Uint8Array, type: string, name: string, disposition: 'inline' | 'attachment'): FastifyReply {
  return reply
    .header('content-security-policy', DOCUMENT_CSP)
    .header('cache-control', 'no-store')
    .header('content-disposition', contentDisposition(disposition, name))
    .type(type)
    .send(typeof body === 'string' ? body : Buffer.from(body));
}

export function registerAgencyRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const { store } = ctx;
  const A = '/a/:aid/agencies/:code';

  const renderForm = async (req: FastifyRequest, reply: FastifyReply, c: AgencyContext, extra: { values?: FormValues; errors?: FieldErrors; general?: string[]; report?: ScoreReport | null } = {}, status = 200) => {
    const attachments = await attachmentsOf(ctx, c);
    const chrome = chromeFor(req, c.actor.role === 'agency' ? '我的自查填报' : `${c.submission.agency.name} 自查材料`, 'evidence', { assessmentId: c.assessment.id });
    const report = extra.report !== undefined ? extra.report : c.submission.state === 'returned' ? await withOfficeRulings(c, c.submission.evidence, c.submission.report) : undefined;
    return sendPage(reply, 'evidence', buildEvidencePage({ chrome, actor: c.actor, assessment: c.assessment, compiled: c.compiled, submission: c.submission, attachments, ...extra, ...(report !== undefined ? { report } : {}) }), status);
  };

  app.get(`${A}/evidence`, async (req, reply) => renderForm(req, reply, await loadAgency(ctx, req)));

  // Plain form POST (no script): save, then back to the page; with errors, the page again with what was typed.
  app.post(`${A}/evidence`, async (req, reply) => {
    const c = await loadAgency(ctx, req);
    const values = boundFormValues(req.body);
    const out = await saveForm(ctx, c, values, versionOf(formOf(req)));
    if (out.saved && Object.keys(out.errors).length === 0) return reply.redirect(withDone(`${agencyBase(c.assessment.id, c.code)}/evidence`, 'saved'), 303);
    const fresh = out.saved ? await loadAgency(ctx, req) : c;
    return renderForm(req, reply, fresh, { values, errors: out.errors, general: out.general, report: out.report ?? fresh.submission.report }, 422);
  });

  // The page script's autosave: save and score, answer the live score and the field errors as JSON.
  app.post(`${A}/evidence.json`, async (req, reply) => {
    const c = await loadAgency(ctx, req);
    if (!canEdit(c.actor, c.submission, c.assessment)) throw new ServiceError('WRONG_STATE', '材料当前为只读，不能保存');
    const values = boundFormValues(req.body);
    const out = await saveForm(ctx, c, values, versionOf(formOf(req)));
    const live = out.report ? buildLiveScore(c.compiled, out.report, out.errors) : null;
    const errorCount = Object.keys(out.errors).length;
    return reply.status(out.saved ? 200 : 422).send({
      ok: out.saved,
      version: out.version,
      message: out.saved ? (errorCount > 0 ? `已保存；有 ${errorCount} 处填写需要更正（未保存这几处）` : '已自动保存并重新评分') : out.general.join(';'),
      live,
      errors: Object.entries(out.errors).map(([name, message]) => ({ inputId: fieldId(name), message })),
      general: out.general,
    });
  });

  app.get(`${A}/submit`, async (req, reply) => {
    const c = await loadAgency(ctx, req);
    const report = await withOfficeRulings(c, c.submission.evidence, c.submission.report);
    const live = report ? buildLiveScore(c.compiled, report) : null;
    const base = agencyBase(c.assessment.id, c.code);
    return sendPage(reply, 'submit-confirm', {
      ...chromeFor(req, '提交前确认', 'submit', { assessmentId: c.assessment.id }),
      agency: { name: c.submission.agency.name },
      totals: live?.totals ?? { finalText: '—', maxText: String(c.compiled.rubric.total), grade: '—', claimedText: '' },
      missing: (live?.missing ?? []).map((m) => ({ ...m, anchor: fieldId(m.id).slice(2) })),
      overClaims: live?.overClaims ?? [],
      pendingCount: live?.pendingCount ?? 0,
      canSubmit: canEdit(c.actor, c.submission, c.assessment) && report !== null,
      version: c.submission.version,
      urls: { submit: `${base}/submit`, back: `${base}/evidence` },
    });
  });

  app.post(`${A}/submit`, async (req, reply) => {
    const c = await loadAgency(ctx, req);
    await submitEvidence(store, c.actor, c.assessment.id, c.code, versionOf(formOf(req)));
    return reply.redirect(withDone(`${agencyBase(c.assessment.id, c.code)}/evidence`, 'submitted'), 303);
  });

  app.post(`${A}/attachments/:node`, async (req, reply) => {
    const c = await loadAgency(ctx, req);
    const node = String((req.params as Record<string, unknown>).node ?? '');
    if (!c.compiled.model.byId.has(node)) throw new ServiceError('NOT_FOUND', `评分细则中没有编号为"${node.slice(0, 40)}"的项目`);
    const file = await req.file();
    if (!file || !file.filename) throw new ServiceError('INVALID', '请先选择要上传的文件');
    const bytes = await file.toBuffer();
    await uploadAttachment(store, c.actor, c.assessment.id, c.code, { name: file.filename, bytes, nodeId: node });
    return reply.redirect(`${withDone(`${agencyBase(c.assessment.id, c.code)}/evidence`, 'uploaded')}#item-${fieldId(node).slice(2)}`, 303);
  });

  app.get(`${A}/attachments/file/:id`, async (req, reply) => {
    const actor = actorOf(req);
    const p = req.params as Record<string, unknown>;
    const f = await readAttachment(store, actor, idParam(p.aid, '考核'), codeParam(p.code), idParam(p.id, '附件'));
    const inline = f.mime === 'application/pdf' || f.mime.startsWith('image/');
    // PDFs open in the browser's own viewer (it needs object-src); nothing in an attachment may run script.
    return reply
      .header('content-security-policy', f.mime === 'application/pdf' ? "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'" : "default-src 'none'; frame-ancestors 'self'")
      .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', f.name))
      .header('cache-control', 'private, max-age=300')
      .type(f.mime)
      .send(Buffer.from(f.bytes));
  });

  app.get(`${A}/sheet.:format`, async (req, reply) => {
    const c = await loadAgency(ctx, req);
    const format = String((req.params as Record<string, unknown>).format);
    if (format !== 'html' && format !== 'pdf' && format !== 'xlsx') throw new ServiceError('NOT_FOUND', '找不到该格式的评分表');
    const report = c.submission.published?.report ?? c.submission.report;
    if (!report) throw new ServiceError('NOT_FOUND', '尚未填报，没有评分表');
    const body = await renderSheetAs(buildSheetViewModel(report), format);
    const name = `${c.submission.agency.shortName ?? c.submission.agency.name}-${c.assessment.year}-自查评分表.${format}`;
    const type = format === 'html' ? 'text/html; charset=utf-8' : format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return sendDocument(reply, body, type, name, format === 'xlsx' ? 'attachment' : 'inline');
  });

  app.get(`${A}/appeals`, async (req, reply) => {
    const c = await loadAgency(ctx, req);
    const appeals = await listAppeals(store, c.actor, c.assessment.id, c.code);
    const attachments = await attachmentsOf(ctx, c);
    const chrome = chromeFor(req, '申诉', 'appeals', { assessmentId: c.assessment.id });
    return sendPage(reply, 'appeals', buildAppealsPage({ chrome, actor: c.actor, assessment: c.assessment, compiled: c.compiled, appeals, attachments, own: c }));
  });

  app.post(`${A}/appeals`, async (req, reply) => {
    const c = await loadAgency(ctx, req);
    const fields: Record<string, string> = {};
    let upload: { name: string; bytes: Buffer } | null = null;
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.filename && bytes.length > 0) upload = { name: part.filename, bytes };
      } else if (typeof part.value === 'string' && (part.fieldname === 'nodeId' || part.fieldname === 'reason')) fields[part.fieldname] = part.value.slice(0, 8000);
    }
    const nodeId = fields.nodeId ?? '';
    if (!c.compiled.model.byId.has(nodeId)) throw new ServiceError('INVALID', '请选择要申诉的项目');
    if (!(fields.reason ?? '').trim()) throw new ServiceError('INVALID', '申诉必须写明理由');
    const ids: number[] = [];
    if (upload) ids.push((await uploadAttachment(store, c.actor, c.assessment.id, c.code, { name: upload.name, bytes: upload.bytes, nodeId })).id);
    await fileAppeal(store, c.actor, c.assessment.id, c.code, { nodeId, reason: fields.reason ?? '', attachmentIds: ids });
    return reply.redirect(withDone(`${agencyBase(c.assessment.id, c.code)}/appeals`, 'appealed'), 303);
  });

  app.get(`${A}/log`, async (req, reply) => {
    const actor = actorOf(req);
    const p = req.params as Record<string, unknown>;
    const aid = idParam(p.aid, '考核');
    const code = codeParam(p.code);
    const filter = readAuditFilter(req.query);
    const entries = await listAudit(store, actor, aid, { agencyCode: code, ...(filter.action ? { action: filter.action } : {}) });
    const base = agencyBase(aid, code);
    return sendPage(reply, 'audit', buildAuditPage(chromeFor(req, '操作记录', 'audit', { assessmentId: aid }), `本单位的操作记录（${code}）`, entries, { ...filter, agency: code }, { self: `${base}/log`, csv: `${base}/log.csv` }, false));
  });

  app.get(`${A}/log.csv`, async (req, reply) => {
    const actor = actorOf(req);
    const p = req.params as Record<string, unknown>;
    const code = codeParam(p.code);
    const entries = await listAudit(store, actor, idParam(p.aid, '考核'), { agencyCode: code });
    return sendDocument(reply, formatAuditCsv(entries), 'text/csv; charset=utf-8', `操作记录-${code}.csv`, 'attachment');
  });
}
