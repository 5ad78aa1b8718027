// Annual reports (政府信息公开工作年度报告) in the service: an agency uploads its published report (the HTML page
// as saved, or its plain-text copy) for the assessment; the server reads and checks it with the engine's
// `checkUploadedReport` (H1–H6, S1–S12) and stores the file (content-addressed) and the outcome — one new row per
// upload, never overwritten, with an audit entry. When the assessment was copied from last year's and the agency
// uploaded a report there, that one is the "previous" report of the year-over-year checks (S1–S3, S8).
import { createHash } from 'node:crypto';
import { checkUploadedReport, type AnnualReportCheck } from '../../annual-report/index.js';
import { HTML_LIMITS } from '../../annual-report/html-reader.js';
import { LEVELS } from '../../annual-report/checks/run-checks.js';
import type { AnnualReport } from '../../annual-report/model.js';
import type { Store } from '../db/store.js';
import { requireAgency, requireRole, type Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { invalid, ServiceError } from './errors.js';
import { loadAssessment } from './assessments.js';
import { findSubmission, requireRead } from './submission-context.js';

export const ANNUAL_REPORT_LIMITS = { maxBytes: HTML_LIMITS.maxBytes, maxPerSubmission: 50, maxNameChars: 120 };

const MIME: Record<string, string> = { html: 'text/html', htm: 'text/html', txt: 'text/plain' };

/** Check the uploaded file's name; returns its content type (by extension; the content is checked by the reader). */
export function checkReportName(name: string): string {
  if (!name || name.length > ANNUAL_REPORT_LIMITS.maxNameChars) throw invalid(`年报文件名应为 1–${ANNUAL_REPORT_LIMITS.maxNameChars} 个字符`);
  if (/[\\/]/.test(name) || name.includes('..') || /[\u0000-\u001f\u007f-\u009f]/.test(name) || name.startsWith('.'))
    throw invalid(`年报文件名"${name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').slice(0, 60)}"不能包含路径(/ \\ ..)、控制字符或以点开头`);
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const mime = MIME[ext];
  if (!mime) throw new ServiceError('UNSUPPORTED_TYPE', `年报"${name}"的类型不受支持:请上传从政府网站另存的网页(.html、.htm)或复制出的文本(.txt)`);
  return mime;
}

export interface AnnualReportCheckView {
  id: number;
  agencyCode: string;
  agencyName: string;
  name: string;
  hash: string;
  size: number;
  outcome: AnnualReportCheck['summary']['outcome'];
  reportYear: number | null;
  /** Hash of last year's report the year-over-year checks compared with, when there was one. */
  previousHash: string | null;
  summary: AnnualReportCheck['summary'];
  by: string;
  createdAt: string;
}

export interface AnnualReportUploadResult extends AnnualReportCheckView {
  check: AnnualReportCheck;
}

/** The latest report the same agency uploaded in the assessment this one was copied from. */
async function previousReport(store: Store, previousId: number | null, code: string): Promise<{ report: AnnualReport; hash: string } | null> {
  if (previousId === null) return null;
  const row = await store.db
    .selectFrom('annual_report_checks as c')
    .innerJoin('submissions as s', 's.id', 'c.submission_id')
    .innerJoin('agencies as g', 'g.id', 's.agency_id')
    .innerJoin('blobs as b', 'b.hash', 'c.hash')
    .select(['c.name', 'c.hash', 'b.content'])
    .where('s.assessment_id', '=', previousId)
    .where('g.code', '=', code)
    .orderBy('c.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const res = checkUploadedReport(row.name, row.content);
  return res.ok ? { report: res.report, hash: row.hash } : null;
}

/** Upload and check an agency's annual report (the agency itself or the office, while the assessment is open). */
export async function uploadAnnualReport(store: Store, actor: Actor, assessmentId: number, code: string, input: { name: string; bytes: Uint8Array; level?: string }): Promise<AnnualReportUploadResult> {
  requireRole(actor, ['admin', 'agency'], '上传年度报告');
  requireAgency(actor, code);
  const mime = checkReportName(input.name);
  if (input.level !== undefined && input.level !== '' && !LEVELS.includes(input.level)) throw invalid(`单位层级"${input.level.slice(0, 20)}"不在可选范围内:${LEVELS.join('、')}`);
  if (input.bytes.length === 0) throw invalid(`年报"${input.name}"是空文件`);
  if (input.bytes.length > ANNUAL_REPORT_LIMITS.maxBytes) throw new ServiceError('TOO_LARGE', `年报"${input.name}"超过 ${ANNUAL_REPORT_LIMITS.maxBytes / 1024 / 1024} MiB`);
  const now = store.now();
  const ref = await findSubmission(store.db, assessmentId, code);
  if (ref.assessment.status !== 'open') throw new ServiceError('WRONG_STATE', ref.assessment.status === 'setup' ? '考核尚未开始,不能上传年度报告' : '填报阶段已结束,不能再上传年度报告');
  const deadline = ref.assessment.submit_deadline ?? null;
  if (deadline && now > new Date(deadline) && actor.role === 'agency') throw new ServiceError('WINDOW_CLOSED', '已过提交截止时间,不能再上传年度报告');
  const prev = await previousReport(store, ref.assessment.previous_id, code);
  const level = input.level ? { level: input.level } : {};
  const res = checkUploadedReport(input.name, input.bytes, { ...level, ...(prev ? { previous: prev.report } : {}) });
  if (!res.ok) throw invalid(`年报"${input.name}"无法读取:${res.diagnostics[0]?.message ?? '格式无法识别'}`, res.diagnostics);
  const check = res.check;
  const hash = createHash('sha256').update(input.bytes).digest('hex');
  const row = await store.db.transaction().execute(async (tx) => {
    const n = await tx.selectFrom('annual_report_checks').select((e) => e.fn.countAll<string>().as('n')).where('submission_id', '=', ref.submissionId).executeTakeFirstOrThrow();
    if (Number(n.n) >= ANNUAL_REPORT_LIMITS.maxPerSubmission) throw invalid(`每个单位最多上传 ${ANNUAL_REPORT_LIMITS.maxPerSubmission} 次年度报告`);
    await tx.insertInto('blobs').values({ hash, mime, size: input.bytes.length, content: input.bytes, created_at: now }).onConflict((oc) => oc.column('hash').doNothing()).execute();
    const r = await tx
      .insertInto('annual_report_checks')
      .values({ submission_id: ref.submissionId, name: input.name, hash, size: input.bytes.length, outcome: check.summary.outcome, report_year: check.report.year, previous_hash: prev?.hash ?? null, check_json: JSON.stringify(check), created_by: actor.id, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, now, actor, { assessmentId, agencyCode: code, action: 'annual-report.check', entity: `annual-report:${r.id}`, after: { name: input.name, hash, outcome: check.summary.outcome, year: check.report.year } });
    return r;
  });
  return {
    id: row.id,
    agencyCode: code,
    agencyName: ref.agency.name,
    name: input.name,
    hash,
    size: input.bytes.length,
    outcome: check.summary.outcome,
    reportYear: check.report.year,
    previousHash: prev?.hash ?? null,
    summary: check.summary,
    by: actor.displayName,
    createdAt: now.toISOString(),
    check,
  };
}

function baseQuery(store: Store, assessmentId: number) {
  return store.db
    .selectFrom('annual_report_checks as c')
    .innerJoin('submissions as s', 's.id', 'c.submission_id')
    .innerJoin('agencies as g', 'g.id', 's.agency_id')
    .innerJoin('users as u', 'u.id', 'c.created_by')
    .select(['c.id', 'c.name', 'c.hash', 'c.size', 'c.outcome', 'c.report_year', 'c.previous_hash', 'c.check_json', 'c.created_at', 'g.code', 'g.name as agency_name', 'u.display_name'])
    .where('s.assessment_id', '=', assessmentId);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

function toView(r: Row): AnnualReportCheckView {
  const check = (typeof r.check_json === 'string' ? JSON.parse(r.check_json) : r.check_json) as AnnualReportCheck;
  return {
    id: r.id,
    agencyCode: r.code,
    agencyName: r.agency_name,
    name: r.name,
    hash: r.hash,
    size: r.size,
    outcome: r.outcome,
    reportYear: r.report_year,
    previousHash: r.previous_hash,
    summary: check.summary,
    by: r.display_name,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** One agency's uploads, newest first (the agency itself and the office). */
export async function listAgencyAnnualReports(store: Store, actor: Actor, assessmentId: number, code: string): Promise<AnnualReportCheckView[]> {
  const ref = await findSubmission(store.db, assessmentId, code);
  requireRead(actor, ref);
  const rows = await baseQuery(store, assessmentId).where('g.code', '=', code).orderBy('c.id', 'desc').execute();
  return rows.map(toView);
}

/** The full check contract of one upload (same read rights as the agency's material). */
export async function getAnnualReportCheck(store: Store, actor: Actor, assessmentId: number, code: string, id: number): Promise<AnnualReportUploadResult> {
  const ref = await findSubmission(store.db, assessmentId, code);
  requireRead(actor, ref);
  const r = await baseQuery(store, assessmentId).where('g.code', '=', code).where('c.id', '=', id).executeTakeFirst();
  if (!r) throw new ServiceError('NOT_FOUND', `找不到年报核验记录 ${id}`);
  const check = (typeof r.check_json === 'string' ? JSON.parse(r.check_json) : r.check_json) as AnnualReportCheck;
  return { ...toView(r), check };
}

/** Every agency's latest upload, one row per agency in code order (the office: administrators and reviewers). */
export async function listAnnualReportOutcomes(store: Store, actor: Actor, assessmentId: number): Promise<Array<{ agencyCode: string; agencyName: string; latest: AnnualReportCheckView | null; uploads: number }>> {
  requireRole(actor, ['admin', 'reviewer'], '查看各单位的年报核验结果');
  await loadAssessment(store.db, assessmentId);
  const agencies = await store.db.selectFrom('agencies').select(['code', 'name']).where('assessment_id', '=', assessmentId).orderBy('code').execute();
  const rows = await baseQuery(store, assessmentId).orderBy('c.id', 'desc').execute();
  return agencies.map((g) => {
    const mine = rows.filter((r) => r.code === g.code);
    return { agencyCode: g.code, agencyName: g.name, latest: mine[0] ? toView(mine[0]) : null, uploads: mine.length };
  });
}
