// Export an assessment as files (the engine's own formats) and import the CLI's evidence files into one.
//
// Export layout (a folder, or the same paths in a zip):
//   assessment.json            year, title, windows, status, agencies, document hashes
//   rubric.yaml                the frozen rubric, byte for byte
//   evidence/<code>.json       each agency's current evidence
//   reviews/<code>.json        the office's current review (when there is one)
//   reports/<code>.json        the report of those files — `zwgk score evidence/<code>.json --rubric rubric.yaml
//                              [--review reviews/<code>.json] --format json` run in the folder prints it byte for byte
//   published/<code>.<stage>.json   every published report; compare.<stage>.json the published comparisons
//   attachments/<code>/<id>-<name>  uploaded attachments; audit-log.json the whole audit trail
//   annual-reports/<code>/<id>-<name>  uploaded annual reports, each with <id>-check.json (`zwgk report check
//                              <file> --format json` prints the same outcomes; with --previous when one was used)
import { importEvidenceForm } from '../../forms/import-form.js';
import { parseSource } from '../../load/parse-source.js';
import type { Store } from '../db/store.js';
import { requireRole, type Actor } from './actor.js';
import { loadAssessment } from './assessments.js';
import { listAudit } from './audit.js';
import { EXPORT_NAMES } from './engine.js';
import { invalid } from './errors.js';
import { canonicalJson, saveDraft, type SaveResult } from './submissions.js';
import { compiledOf, findSubmission } from './submission-context.js';
import { writeZip } from './zip-writer.js';
import * as api from '../../index.js';

export type ExportFiles = Array<[string, Uint8Array]>;

const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');

/** Every file of an assessment's export, in a fixed order (office administrators only). */
export async function exportAssessment(store: Store, actor: Actor, assessmentId: number): Promise<ExportFiles> {
  requireRole(actor, ['admin'], '导出考核');
  const a = await loadAssessment(store.db, assessmentId);
  const files: ExportFiles = [];
  const rubric = a.rubric ? await store.db.selectFrom('rubric_docs').select('text').where('id', '=', a.rubric.id).executeTakeFirstOrThrow() : null;
  if (rubric) files.push([EXPORT_NAMES.rubric, utf8(rubric.text)]);
  const subs = await store.db
    .selectFrom('agencies as g')
    .leftJoin('submissions as s', 's.agency_id', 'g.id')
    .leftJoin('evidence_docs as e', 'e.id', 's.evidence_doc_id')
    .leftJoin('review_docs as r', 'r.id', 's.review_doc_id')
    .select(['g.code', 'g.name', 'g.short_name', 'g.class', 'g.contact', 's.id as sid', 's.state', 's.version', 'e.text as etext', 'e.hash as ehash', 'e.report_text', 'r.text as rtext', 'r.hash as rhash', 'r.report_text as rreport', 'r.evidence_doc_id as r_ev', 's.evidence_doc_id'])
    .where('g.assessment_id', '=', assessmentId)
    .orderBy('g.code')
    .execute();
  const agencies = [];
  for (const s of subs) {
    agencies.push({ code: s.code, name: s.name, shortName: s.short_name, class: s.class, contact: s.contact, state: s.state ?? null, version: s.version ?? 0, evidenceHash: s.ehash ?? null, reviewHash: s.rhash ?? null });
    if (s.etext) files.push([EXPORT_NAMES.evidence(s.code), utf8(s.etext)]);
    const reviewCurrent = s.rtext && s.r_ev === s.evidence_doc_id;
    if (reviewCurrent) files.push([EXPORT_NAMES.review(s.code), utf8(s.rtext!)]);
    const report = reviewCurrent ? s.rreport : s.report_text;
    if (report) files.push([`reports/${s.code}.json`, utf8(report)]);
    if (s.sid) {
      const pubs = await store.db.selectFrom('reports').select(['id', 'stage', 'text']).where('submission_id', '=', s.sid).orderBy('id').execute();
      const lastByStage = new Map(pubs.map((p) => [p.stage, p.text]));
      for (const [stage, text] of lastByStage) files.push([`published/${s.code}.${stage}.json`, utf8(text)]);
      const atts = await store.db.selectFrom('attachments as t').innerJoin('blobs as b', 'b.hash', 't.hash').select(['t.id', 't.name', 'b.content']).where('t.submission_id', '=', s.sid).orderBy('t.id').execute();
      for (const t of atts) files.push([`attachments/${s.code}/${t.id}-${t.name}`, t.content]);
      const reports = await store.db.selectFrom('annual_report_checks as c').innerJoin('blobs as b', 'b.hash', 'c.hash').select(['c.id', 'c.name', 'c.check_json', 'b.content']).where('c.submission_id', '=', s.sid).orderBy('c.id').execute();
      for (const t of reports) {
        files.push([`annual-reports/${s.code}/${t.id}-${t.name}`, t.content]);
        files.push([`annual-reports/${s.code}/${t.id}-check.json`, utf8(canonicalJson(typeof t.check_json === 'string' ? JSON.parse(t.check_json) : t.check_json))]);
      }
    }
  }
  const pubs = await store.db.selectFrom('publications').select(['stage', 'text', 'hash']).where('assessment_id', '=', assessmentId).orderBy('id').execute();
  const lastPub = new Map(pubs.map((p) => [p.stage, p]));
  for (const [stage, p] of lastPub) files.push([`compare.${stage}.json`, utf8(p.text)]);
  const audit = await listAudit(store, actor, assessmentId);
  files.push(['audit-log.json', utf8(canonicalJson(audit))]);
  const meta = {
    id: a.id,
    year: a.year,
    title: a.title,
    status: a.status,
    rubric: a.rubric,
    windows: { submitDeadline: a.submitDeadline, reviewDeadline: a.reviewDeadline, appealDeadline: a.appealDeadline },
    agencies,
    publications: [...lastPub.values()].map((p) => ({ stage: p.stage, hash: p.hash })),
  };
  files.unshift(['assessment.json', utf8(canonicalJson(meta))]);
  return files;
}

/** The export as one zip archive. */
export async function exportAssessmentZip(store: Store, actor: Actor, assessmentId: number): Promise<Buffer> {
  return writeZip(await exportAssessment(store, actor, assessmentId));
}

/**
 * Import one of the CLI's evidence files (YAML/JSON evidence, or a filled xlsx form from `zwgk init`) as the
 * agency's draft. The agency is the one the file names (agency.code), unless `code` is given.
 */
export async function importEvidenceFile(store: Store, actor: Actor, assessmentId: number, file: string, bytes: Uint8Array, code?: string): Promise<SaveResult & { code: string }> {
  requireRole(actor, ['admin', 'agency'], '导入证据文件');
  const any = await store.db.selectFrom('agencies').select('code').where('assessment_id', '=', assessmentId).limit(1).executeTakeFirst();
  if (!any) throw invalid('该考核还没有单位名单');
  const probe = await findSubmission(store.db, assessmentId, code ?? actor.agencyCode ?? any.code).catch(() => null);
  if (!probe) throw invalid('考核尚未开始,不能导入证据');
  const compiled = compiledOf(probe);
  let data: unknown;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const res = await importEvidenceForm(bytes, compiled, { file });
    // Diagnostics come sorted by cell, warnings among them: the headline is the first error.
    if (!res.ok) throw invalid(`${file}:${res.diagnostics.find((d) => d.severity === 'error')?.message ?? '填报表有误'}`, res.diagnostics);
    data = res.value.evidence;
  } else {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw invalid(`${file}:不是 UTF-8 编码的文本文件`);
    }
    const checked = api.parseEvidence(file, text, compiled);
    if (!checked.ok) throw invalid(`${file}:${checked.diagnostics.find((d) => d.severity === 'error')?.message ?? '证据文件有误'}`, checked.diagnostics);
    const src = parseSource(file, text);
    if (!src.ok) throw invalid(`${file}:无法解析`, src.diagnostics);
    data = src.value.data;
  }
  const target = code ?? String((data as { agency?: { code?: unknown } })?.agency?.code ?? '');
  if (!target) throw invalid(`${file}:证据中没有单位代码(agency.code)`);
  const res = await saveDraft(store, actor, assessmentId, target, data, undefined, 'imported');
  return { ...res, code: target };
}
