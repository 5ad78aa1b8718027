// 复核台: one agency's sheet with the claimed, computed and reviewed scores side by side, over-claims and failed checks
// highlighted, citations and attachments, and per item the office's actions (rule on a judgement, override with a
// reason, decide a not-applicable request); fact corrections and check resolutions below. Also the pure step from a
// posted action to the next review document (the engine's review format), which the service stores and scores.
import type { CompiledRubric } from '../../compile/compile-rubric.js';
import { STATUS_TEXT } from '../../formatters/labels.js';
import { formatNumber } from '../../render/numbers.js';
import { lossReasonTexts } from '../../render/reason-lines.js';
import type { ReportNode, ScoreReport } from '../../report/score-report.js';
import { judgementBounds, judgementKeys } from '../../review/judgement-bounds.js';
import type { ReviewInput } from '../../schema/review-schema.js';
import type { Actor } from '../../service/domain/actor.js';
import type { AssessmentView } from '../../service/domain/assessments.js';
import type { SubmissionView } from '../../service/domain/submissions.js';
import type { AttachmentInput } from '../form/evidence-form-view.js';
import { factText, fieldId, parseFactText } from '../form/form-fields.js';
import { formRows } from '../form/form-rows.js';
import type { PageChrome } from './chrome.js';
import { agencyBase } from './evidence-page.js';
import { dateTimeText, stateBadge } from './labels.js';

const RULING_KIND = { judgement: '评审', override: '改分', notApplicable: '不适用申请' } as const;

function rulingText(r: { kind: keyof typeof RULING_KIND; key: string; score?: number; decision?: string; reason: string; by: string; date: string }, p: number): string {
  const what = r.kind === 'notApplicable' ? (r.decision === 'accepted' ? '同意不适用' : '不同意不适用') : `${RULING_KIND[r.kind]} ${r.key}:${formatNumber(r.score ?? null, p)} 分`;
  return `${what}。${r.reason}(${r.by},${r.date})`;
}

/** The agency's not-applicable requests, by node (the evidence's `notApplicable` list). */
function naRequests(evidence: unknown): Map<string, string> {
  const list = (evidence as { notApplicable?: Array<{ node?: unknown; reason?: unknown }> } | null)?.notApplicable;
  const out = new Map<string, string>();
  if (Array.isArray(list)) for (const x of list) if (typeof x?.node === 'string' && typeof x.reason === 'string') out.set(x.node, x.reason);
  return out;
}

export function buildReviewPage(input: {
  chrome: PageChrome;
  actor: Actor;
  assessment: AssessmentView;
  compiled: CompiledRubric;
  submission: SubmissionView;
  attachments: AttachmentInput[];
  error?: string;
  diagnostics?: string[];
}) {
  const { compiled, submission: s, assessment: a } = input;
  const report = s.report as ScoreReport | null;
  const p = compiled.rubric.precision;
  const base = agencyBase(a.id, s.agency.code);
  const { rowOf } = formRows(compiled);
  const byId = new Map((report?.nodes ?? []).map((n) => [n.id, n]));
  const requests = naRequests(s.evidence);
  const review = (s.review ?? null) as ReviewInput | null;
  const pendingKeys = new Set((report?.pending ?? []).map((x) => x.id));
  const failedNodes = new Set<string>();
  const keys = judgementKeys(compiled);
  const canRule = input.actor.role !== 'leader' && input.actor.role !== 'agency' && ['submitted', 'accepted', 'appealed'].includes(s.state);
  const sections = compiled.model.nodes
    .filter((n) => n.parent === null)
    .map((top) => {
      const rows = compiled.model.nodes
        .filter((n) => rowOf.get(n.id) === n.id && (n.id === top.id || isUnder(compiled, n.id, top.id)))
        .map((row) => {
          const rn = byId.get(row.id);
          const under = compiled.model.nodes.filter((n) => rowOf.get(n.id) === row.id);
          const reportUnder = under.map((n) => byId.get(n.id)).filter((x): x is ReportNode => x !== undefined);
          const voices = (rn as (ReportNode & { voices?: { claimed: number | null; computed: number | null; reviewed: null | { score: number | null } } }) | undefined)?.voices;
          const claimed = voices?.claimed ?? rn?.claimed ?? null;
          const computed = voices ? voices.computed : (rn?.score ?? null);
          const reviewed = voices?.reviewed ? voices.reviewed.score : null;
          const rulings = reportUnder.flatMap((x) => ((x as { voices?: { reviewed: null | { rulings: Parameters<typeof rulingText>[0][] } } }).voices?.reviewed?.rulings ?? []).map((r) => rulingText(r, p)));
          const jKeys = keys.filter((k) => under.some((n) => k === n.id || k.startsWith(`${n.id}#`)));
          const anchor = fieldId(row.id).slice(2);
          return {
            id: row.id,
            anchor,
            text: row.node.description ?? row.node.title,
            maxText: formatNumber(row.max.toNumber(), p),
            claimedText: formatNumber(claimed, p),
            computedText: computed === null ? '—' : formatNumber(computed, p),
            reviewedText: reviewed === null ? '' : formatNumber(reviewed, p),
            finalText: formatNumber(rn?.score ?? null, p),
            overClaim: claimed !== null && rn !== undefined && claimed > rn.score,
            failed: failedNodes.has(row.id),
            statusText: rn ? STATUS_TEXT[rn.status] : '',
            pending: jKeys.some((k) => pendingKeys.has(k)) || pendingKeys.has(row.id),
            reasons: [...new Set(reportUnder.flatMap((x) => lossReasonTexts(x)))],
            rulings,
            naRequest: requests.get(row.id) ?? '',
            evidence: under.flatMap((n) => byId.get(n.id)?.evidence ?? []).map((c) => ({ title: c.title, docNumber: c.docNumber ?? '' })),
            attachments: input.attachments
              .filter((x) => x.nodeId !== null && under.some((n) => n.id === x.nodeId))
              .map((x) => ({ name: x.name, href: x.href, image: x.mime.startsWith('image/') })),
            judgements: jKeys.map((k) => {
              const b = judgementBounds(compiled, k)!;
              const cur = review?.judgements?.[k] ?? null;
              return { key: k, inputId: fieldId(k).slice(2), min: b.min, max: b.max, score: cur ? String(cur.score) : '', reason: cur?.reason ?? '', pending: pendingKeys.has(k) };
            }),
            nodes: under.map((n) => ({ id: n.id, title: n.node.title })),
          };
        });
      const tn = byId.get(top.id);
      return { id: top.id, title: top.node.title, maxText: formatNumber(top.max.toNumber(), p), scoreText: formatNumber(tn?.score ?? null, p), rows };
    });
  const t = report?.totals;
  const facts = Object.entries(compiled.rubric.facts)
    .filter(([, d]) => !d.derive)
    .map(([id, d]) => {
      const v = (s.evidence as { facts?: Record<string, unknown> } | null)?.facts?.[id];
      return { id, label: d.label, valueText: v === undefined || v === null ? '未填' : factText(d, v) };
    });
  const badge = stateBadge(s.state, s.evidence !== null);
  return {
    ...input.chrome,
    assessment: { id: a.id, title: a.title },
    agency: { code: s.agency.code, name: s.agency.name },
    stateText: badge.text,
    stateClass: badge.cls,
    version: s.version,
    submittedText: dateTimeText(s.submittedAt),
    message: s.message ?? '',
    error: input.error ?? '',
    diagnostics: input.diagnostics ?? [],
    totals: {
      claimedText: formatNumber(t?.claimed ?? null, p),
      finalText: formatNumber(t?.final ?? null, p),
      maxText: formatNumber(t?.max ?? compiled.rubric.total, p),
      grade: t?.grade ?? '',
      baseText: formatNumber(t?.base ?? null, p),
      bonusText: formatNumber(t?.bonus ?? null, p),
      penaltyText: formatNumber(t?.penalty ?? null, p),
    },
    pendingCount: report?.pending?.length ?? 0,
    overClaimCount: report?.overClaims.length ?? 0,
    ...splitChecks((report?.checks ?? []).map((c) => ({
      id: c.id,
      message: c.message,
      failed: c.outcome === 'fail',
      outcomeText: c.outcome === 'fail' ? '未通过' : c.outcome === 'pass' ? '通过' : '无法核验',
      valuesText: c.text,
      resolutionText: c.resolution ? `已处理：${c.resolution.reason}(${c.resolution.by})` : c.outcome === 'fail' && c.severity === 'error' ? '待政务公开办处理' : '',
      canResolve: canRule && c.outcome === 'fail' && !c.resolution,
    }))),
    sections,
    facts,
    corrections: (report?.corrections ?? []).map((c) => `${c.label}:${String(c.original ?? '未填')} → ${String(c.corrected)}。${c.reason}(${c.by},${c.date})`),
    canRule,
    canDecide: canRule && (s.state === 'submitted' || s.state === 'accepted'),
    urls: {
      evidence: `${base}/evidence`,
      sheet: `${base}/sheet.html`,
      rule: `${base}/review`,
      accept: `${base}/accept`,
      return: `${base}/return`,
    },
  };
}

/** Failed checks first (with their actions), the rest behind a disclosure; and a one-line count. */
function splitChecks<T extends { failed: boolean; outcomeText: string }>(checks: T[]): { checks: T[]; failedChecks: T[]; passedChecks: T[]; checkSummary: string } {
  const failedChecks = checks.filter((c) => c.failed);
  const passedChecks = checks.filter((c) => !c.failed);
  const notAssessable = passedChecks.filter((c) => c.outcomeText === '无法核验').length;
  const checkSummary = `共 ${checks.length} 项：未通过 ${failedChecks.length} 项，通过 ${passedChecks.length - notAssessable} 项${notAssessable ? `,无法核验 ${notAssessable} 项` : ''}。`;
  return { checks, failedChecks, passedChecks, checkSummary };
}

function isUnder(compiled: CompiledRubric, id: string, ancestor: string): boolean {
  let x = compiled.model.byId.get(id);
  while (x && x.parent !== null) {
    if (x.parent === ancestor) return true;
    x = compiled.model.byId.get(x.parent);
  }
  return false;
}

/** A review action posted from the desk. */
export interface ReviewAction {
  kind: 'judgement' | 'override' | 'correction' | 'na' | 'check';
  key: string;
  score?: string;
  value?: string;
  decision?: string;
  resolution?: string;
  reason: string;
}

/** Today in Beijing time, YYYY-MM-DD (the review format's `date`). */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * The next review document: the current one (or a blank one for this agency) with one ruling added or replaced,
 * signed by the actor. Returns a Chinese message instead when the action cannot be read.
 */
export function applyReviewAction(compiled: CompiledRubric, current: unknown, agency: { code: string; name: string }, action: ReviewAction, actor: Actor, now: Date): { review: ReviewInput } | { error: string } {
  const cur = (current && typeof current === 'object' ? current : {}) as Partial<ReviewInput>;
  const review: ReviewInput = {
    rubric: { id: compiled.rubric.id, version: compiled.rubric.version },
    agency: { code: agency.code, name: agency.name },
    judgements: { ...(cur.judgements ?? {}) },
    overrides: { ...(cur.overrides ?? {}) },
    corrections: { ...(cur.corrections ?? {}) },
    notApplicable: { ...(cur.notApplicable ?? {}) },
    checks: { ...(cur.checks ?? {}) },
  };
  const reason = action.reason.trim();
  if (!reason) return { error: '请写明理由（每项复核意见都必须有理由）' };
  if (reason.length > 2000) return { error: '理由不能超过 2000 个字' };
  const signed = { reason, by: actor.displayName, date: beijingDate(now) };
  const score = (): number | string => {
    const n = Number((action.score ?? '').trim());
    return (action.score ?? '').trim() !== '' && Number.isFinite(n) && n >= 0 ? n : '请填写不小于 0 的分数';
  };
  switch (action.kind) {
    case 'judgement': {
      const b = judgementBounds(compiled, action.key);
      if (!b) return { error: `${action.key} 不是酌情评分项` };
      const s = score();
      if (typeof s === 'string') return { error: s };
      if (s < b.min || s > b.max) return { error: `评审分应在 ${b.min}–${b.max} 分之间` };
      review.judgements![action.key] = { score: s, ...signed };
      return { review };
    }
    case 'override': {
      const n = compiled.model.byId.get(action.key);
      if (!n) return { error: `找不到项目 ${action.key}` };
      const s = score();
      if (typeof s === 'string') return { error: s };
      if (s > n.max.toNumber()) return { error: `核定分不能超过该项分值 ${formatNumber(n.max.toNumber(), compiled.rubric.precision)} 分` };
      review.overrides![action.key] = { score: s, ...signed };
      return { review };
    }
    case 'correction': {
      const def = Object.hasOwn(compiled.rubric.facts, action.key) ? compiled.rubric.facts[action.key] : undefined;
      if (!def || def.derive) return { error: `找不到可更正的事实 ${action.key}` };
      const v = parseFactText(def, action.value ?? '');
      if ('error' in v) return { error: `${def.label}:${v.error}` };
      review.corrections![action.key] = { value: v.value, ...signed };
      return { review };
    }
    case 'na': {
      if (action.decision !== 'accepted' && action.decision !== 'rejected') return { error: '请选择同意或不同意' };
      review.notApplicable![action.key] = { decision: action.decision, ...signed };
      return { review };
    }
    case 'check': {
      if (action.resolution !== 'accepted' && action.resolution !== 'corrected') return { error: '请选择处理结果' };
      review.checks![action.key] = { resolution: action.resolution, ...signed };
      return { review };
    }
  }
}
