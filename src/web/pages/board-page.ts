// 填报进度: every agency of an assessment with its status (未填报 / 填报中 / 已提交 / 已退回 / 已复核 / 申诉中 / 已公示),
// submission time, claimed vs computed total, over-claims, missing evidence and failed checks; filters; the list
// of agencies that have not submitted (催报名单). Pure: the service's progress rows in, page view out.
import type { AssessmentView } from '../../service/domain/assessments.js';
import type { ProgressRow } from '../../service/domain/agencies.js';
import { ASSESSMENT_STATUS_LABELS } from '../../service/domain/state-machine.js';
import { formatNumber } from '../../render/numbers.js';
import type { PageChrome } from './chrome.js';
import { agencyBase } from './evidence-page.js';
import { BOARD_STATES, dateTimeText, stateBadge } from './labels.js';

export interface BoardFilter {
  state: string;
  q: string;
  only: string;
}

const ONLY = [
  { key: 'overclaim', text: '自评偏高' },
  { key: 'missing', text: '缺少佐证' },
  { key: 'checks', text: '数据核验未通过' },
  { key: 'late', text: '逾期未提交' },
];

type Summary = { final?: number; claimed?: number | null; grade?: string; overClaims?: number; missingEvidence?: number; failedChecks?: number; status?: string };

function summaryOf(row: ProgressRow): Summary {
  const s = row.score as unknown;
  if (!s) return {};
  if (typeof s === 'string') {
    try {
      return JSON.parse(s) as Summary;
    } catch {
      return {};
    }
  }
  return s as Summary;
}

const SUBMITTED = new Set(['submitted', 'accepted', 'provisional', 'appealed', 'final']);

export function readBoardFilter(q: unknown): BoardFilter {
  const o = (q && typeof q === 'object' ? q : {}) as Record<string, unknown>;
  const s = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 100).trim() : '');
  return { state: s(o.state), q: s(o.q), only: s(o.only) };
}

export function buildBoardPage(chrome: PageChrome, a: AssessmentView, rows: ProgressRow[], filter: BoardFilter, now: Date, precision = 2) {
  const late = a.submitDeadline !== null && now.getTime() > Date.parse(a.submitDeadline);
  const view = rows.map((r) => {
    const sum = summaryOf(r);
    const badge = stateBadge(r.state, r.score !== null);
    const base = agencyBase(a.id, r.agency.code);
    const submitted = r.state !== null && SUBMITTED.has(r.state);
    return {
      code: r.agency.code,
      name: r.agency.name,
      class: r.agency.class ?? '',
      contact: r.agency.contact ?? '',
      stateKey: badge.key,
      stateText: badge.text,
      stateClass: badge.cls,
      openAppeals: r.openAppeals,
      submittedText: dateTimeText(r.submittedAt),
      updatedText: dateTimeText(r.updatedAt),
      claimedText: formatNumber(sum.claimed ?? null, precision),
      finalText: formatNumber(sum.final ?? null, precision),
      overClaims: sum.overClaims ?? 0,
      missing: sum.missingEvidence ?? 0,
      failedChecks: sum.failedChecks ?? 0,
      // The service's summary may not carry the check count; '—' rather than a 0 that was never counted.
      failedChecksText: sum.failedChecks === undefined ? (r.score ? '—' : '') : String(sum.failedChecks),
      highlight: (sum.overClaims ?? 0) > 0 || (sum.failedChecks ?? 0) > 0,
      submitted,
      links: [
        { href: `${base}/review`, label: '复核' },
        { href: `${base}/evidence`, label: '材料' },
      ],
    };
  });
  const keep = view.filter((r) => {
    if (filter.state && r.stateKey !== filter.state) return false;
    if (filter.q && !r.code.includes(filter.q) && !r.name.includes(filter.q)) return false;
    if (filter.only === 'overclaim' && r.overClaims === 0) return false;
    if (filter.only === 'missing' && r.missing === 0) return false;
    if (filter.only === 'checks' && r.failedChecks === 0) return false;
    if (filter.only === 'late' && r.submitted) return false;
    return true;
  });
  const counts = BOARD_STATES.map((s) => ({ ...s, cls: stateBadge(s.key === 'none' ? null : (s.key as never), true).cls, count: view.filter((r) => r.stateKey === s.key).length })).filter((c) => c.count > 0);
  const notSubmitted = view.filter((r) => !r.submitted);
  return {
    ...chrome,
    assessment: { id: a.id, title: a.title },
    statusText: ASSESSMENT_STATUS_LABELS[a.status],
    statusClass: a.status === 'open' ? 'filling' : a.status === 'setup' ? 'none' : 'published',
    deadlineText: dateTimeText(a.submitDeadline),
    counts,
    filter,
    stateOptions: BOARD_STATES.map((s) => ({ ...s, selected: s.key === filter.state })),
    onlyOptions: ONLY.map((o) => ({ ...o, selected: o.key === filter.only })),
    rows: keep,
    late: notSubmitted,
    lateNote: late ? `提交截止时间（${dateTimeText(a.submitDeadline)}）已过，以下单位逾期未提交。` : '以下单位尚未提交，可提前提醒。',
    urls: { self: `/a/${a.id}/board` },
  };
}
