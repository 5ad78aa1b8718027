// 我的自查填报: the agency's page over its submission — the evidence form (editable while the submission is a draft
// or returned, read-only after submission), the live score panel, the office's feedback, the printable sheet links
// and the submit confirmation (missing evidence and over-claims first). Pure: service views in, page view out.
import type { CompiledRubric } from '../../compile/compile-rubric.js';
import type { ScoreReport } from '../../report/score-report.js';
import { EvidenceSchema, type EvidenceInput } from '../../schema/evidence-schema.js';
import type { Actor } from '../../service/domain/actor.js';
import type { AssessmentView } from '../../service/domain/assessments.js';
import { ATTACHMENT_LIMITS } from '../../service/domain/attachments.js';
import type { SubmissionView } from '../../service/domain/submissions.js';
import { buildEvidenceForm, type AttachmentInput, type EvidenceFormView } from '../form/evidence-form-view.js';
import { formValuesOf, type FieldErrors, type FormValues } from '../form/form-fields.js';
import { buildLiveScore, type LiveScore } from '../form/live-score.js';
import type { PageChrome } from './chrome.js';
import { dateTimeText, stateBadge } from './labels.js';
import { formatNumber } from '../../render/numbers.js';

export interface EvidencePageView extends PageChrome {
  heading: string;
  assessment: { id: number; title: string; year: number };
  agency: { code: string; name: string };
  stateText: string;
  stateClass: string;
  deadlineText: string;
  version: number;
  form: EvidenceFormView;
  readOnlyText: string;
  general: string[];
  feedback: Array<{ when: string; text: string }>;
  sheetLinks: Array<{ href: string; label: string }>;
  urls: { save: string; live: string; confirm: string; submit: string };
  uploadForms: Array<{ anchor: string; action: string }>;
  uploadLimitText: string;
  totals: LiveScore['totals'];
  pendingCount: number;
  missing: LiveScore['missing'];
  overClaims: LiveScore['overClaims'];
}

type Ruling = { kind: string; key: string; score?: number; decision?: string; reason: string; by: string; date: string };

/** Every ruling of the office in a report, one line each: "7 任务:评审 4 分。按时完成…(复核人员,2026-11-24)". */
export function rulingLines(report: ScoreReport): Array<{ when: string; text: string }> {
  const out: Array<{ when: string; text: string }> = [];
  const p = report.rubric.precision;
  for (const n of report.nodes) {
    const rulings = ((n as { voices?: { reviewed: null | { rulings: Ruling[] } } }).voices?.reviewed?.rulings ?? []) as Ruling[];
    for (const r of rulings) {
      const what = r.kind === 'notApplicable' ? (r.decision === 'accepted' ? '同意不适用' : '不同意不适用') : `${r.kind === 'judgement' ? '评审' : '核定'} ${formatNumber(r.score ?? null, p)} 分`;
      out.push({ when: `${n.id} ${n.title}`, text: `${what}。${r.reason}(${r.by},${r.date})` });
    }
  }
  for (const c of (report as { corrections?: Array<{ label: string; original: unknown; corrected: unknown; reason: string; by: string; date: string }> }).corrections ?? [])
    out.push({ when: `更正 ${c.label}`, text: `${String(c.original ?? '未填')} → ${String(c.corrected)}。${c.reason}(${c.by},${c.date})` });
  for (const c of report.checks ?? []) if (c.resolution) out.push({ when: '数据核验', text: `${c.message}:${c.resolution.reason}(${c.resolution.by})` });
  return out;
}

/** Base URL of one agency's pages in one assessment. */
export function agencyBase(assessmentId: number, code: string): string {
  return `/a/${assessmentId}/agencies/${encodeURIComponent(code)}`;
}

/** The evidence document a first save starts from: the register's agency and the rubric's id, nothing filled. */
export function emptyEvidence(compiled: CompiledRubric, assessment: Pick<AssessmentView, 'year'>, sub: Pick<SubmissionView, 'agency'>): EvidenceInput {
  const a = sub.agency as { code: string; name: string; shortName?: string | null; class?: string | null };
  return {
    rubric: { id: compiled.rubric.id, version: compiled.rubric.version },
    agency: { name: a.name, code: a.code, ...(a.shortName ? { shortName: a.shortName } : {}), ...(a.class ? { class: a.class } : {}) },
    period: { year: assessment.year },
  };
}

/** The stored draft as form texts (empty when nothing was saved yet). */
export function storedFormValues(compiled: CompiledRubric, evidence: unknown): FormValues {
  if (!evidence) return {};
  const parsed = EvidenceSchema.safeParse(evidence);
  return parsed.success ? formValuesOf(compiled, parsed.data) : {};
}

/** Whether this actor may edit this submission's evidence now (the service decides again on save). */
export function canEdit(actor: Actor, sub: Pick<SubmissionView, 'state'>, assessment: Pick<AssessmentView, 'status'>): boolean {
  return actor.role === 'agency' && assessment.status === 'open' && (sub.state === 'draft' || sub.state === 'returned');
}

const READ_ONLY_TEXT: Record<string, string> = {
  submitted: '材料已提交，现为只读。政务公开办复核后，意见会显示在本页；如被退回，可修改后重新提交。',
  accepted: '材料已通过复核，现为只读。结果公示后可在本页查看评分表并提出申诉。',
  provisional: '初步结果已公示。如对某项结果有异议，请在申诉期内到“申诉”页提出。',
  appealed: '申诉处理中，材料为只读。',
  final: '最终结果已发布，材料为只读。',
};

export function buildEvidencePage(input: {
  chrome: PageChrome;
  actor: Actor;
  assessment: AssessmentView;
  compiled: CompiledRubric;
  submission: SubmissionView;
  values?: FormValues;
  errors?: FieldErrors;
  general?: string[];
  report?: ScoreReport | null;
  attachments?: AttachmentInput[];
}): EvidencePageView {
  const { assessment: a, submission: s, compiled } = input;
  const base = agencyBase(a.id, s.agency.code);
  const editable = canEdit(input.actor, s, a);
  const report = input.report !== undefined ? input.report : (s.published?.report ?? s.report);
  const values = input.values ?? storedFormValues(compiled, s.evidence);
  const errors = input.errors ?? {};
  const form = buildEvidenceForm({ compiled, values, errors, report, attachments: input.attachments ?? [], readOnly: !editable });
  const live = form.live ?? (report ? buildLiveScore(compiled, report) : null);
  const badge = stateBadge(s.state, s.evidence !== null);
  const feedback: EvidencePageView['feedback'] = [];
  if (s.message) feedback.push({ when: s.state === 'returned' ? '退回意见' : '意见', text: s.message });
  // The office's rulings, once the agency may see them (the service withholds the review until then).
  if (s.review && report) feedback.push(...rulingLines(report));
  const uploads: EvidencePageView['uploadForms'] = [];
  for (const sec of form.sections) for (const e of sec.entries) if (e.item) uploads.push({ anchor: e.item.anchor, action: `${base}/attachments/${encodeURIComponent(e.item.id)}?_csrf=${encodeURIComponent(input.chrome.csrf)}` });
  return {
    ...input.chrome,
    heading: input.actor.role === 'agency' ? '我的自查填报' : `${s.agency.name} · 自查材料`,
    assessment: { id: a.id, title: a.title, year: a.year },
    agency: { code: s.agency.code, name: s.agency.name },
    stateText: badge.text,
    stateClass: badge.cls,
    deadlineText: dateTimeText(a.submitDeadline),
    version: s.version,
    form,
    readOnlyText: editable ? '' : input.actor.role === 'agency' ? (READ_ONLY_TEXT[s.state] ?? '当前不在填报期，材料为只读。') : '政务公开办查看单位材料（只读）；复核请到复核页。',
    general: input.general ?? [],
    feedback,
    sheetLinks: report
      ? [
          { href: `${base}/sheet.html`, label: '打印评分表' },
          { href: `${base}/sheet.pdf`, label: 'PDF' },
          { href: `${base}/sheet.xlsx`, label: 'Excel' },
        ]
      : [],
    urls: { save: `${base}/evidence`, live: `${base}/evidence.json`, confirm: `${base}/submit`, submit: `${base}/submit` },
    uploadForms: editable ? uploads : [],
    uploadLimitText: `${Math.round(ATTACHMENT_LIMITS.maxBytes / 1024 / 1024)} MB`,
    totals: live?.totals ?? { finalText: '—', maxText: String(compiled.rubric.total), grade: '—', baseText: '', bonusText: '', penaltyText: '', applicableMaxText: '', claimedText: '', summary: '尚未评分' },
    pendingCount: live?.pendingCount ?? 0,
    missing: live?.missing ?? [],
    overClaims: live?.overClaims ?? [],
  };
}
