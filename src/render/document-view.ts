// The parts of a printed document shared by the 经办人版 sheet and the 领导版 summary: header fields, the totals
// block (基础分/加分/扣分/总分/适用满分/等次), the signature block and the reproducibility stamp.
import type { DocumentView, TotalsItemView } from './view-types.js';
import { formatNumber } from './numbers.js';
import { chineseDate, titleWithSuffix } from './chinese-text.js';
import type { SheetSource, ViewOptions } from './sheet-source.js';
import { buildCheckViews, checkSummaryText } from './check-view.js';

/** The grade as printed: a provisional grade always carries 暂定 (never printed as if final). */
function gradeText(src: SheetSource): string {
  const g = src.totals?.grade ?? '';
  return g && src.status === 'provisional' ? `${g}（暂定）` : g;
}

function totalsItems(src: SheetSource): TotalsItemView[] {
  const p = src.rubric.precision;
  const t = src.totals;
  const v = (n: number | null | undefined): string => (t ? formatNumber(n, p) : '');
  const items: TotalsItemView[] = [
    { key: 'base', label: '基础分', value: v(t?.base) },
    { key: 'bonus', label: '加分', value: v(t?.bonus) },
    { key: 'penalty', label: '扣分', value: v(t?.penalty) },
    { key: 'final', label: '总分', value: v(t?.final) },
    { key: 'applicableMax', label: '适用满分', value: t ? formatNumber(t.applicableMax, p) : formatNumber(src.rubric.total, p) },
  ];
  // The 100-scale score only tells something when not-applicable items shrank the maximum.
  if (t && t.applicableMax !== t.max) items.push({ key: 'normalized', label: '百分制得分', value: v(t.normalized) });
  items.push({ key: 'grade', label: '等次', value: t ? gradeText(src) : '' });
  if (t && t.claimed !== null) items.push({ key: 'claimed', label: '自评总分', value: v(t.claimed) });
  return items;
}

const PENDING_KIND_TEXT = { judgement: '酌情评分', notApplicable: '合理缺项申请', check: '数据核验' } as const;

/** "待政务公开办评定 4 项:酌情评分 2 项、数据核验 2 项", or '' when nothing is pending. */
function pendingSummary(pending: NonNullable<SheetSource['pending']>): string {
  if (pending.length === 0) return '';
  const counts = (Object.keys(PENDING_KIND_TEXT) as Array<keyof typeof PENDING_KIND_TEXT>)
    .map((k) => [PENDING_KIND_TEXT[k], pending.filter((p) => p.kind === k).length] as const)
    .filter(([, n]) => n > 0);
  return `待政务公开办评定 ${pending.length} 项：${counts.map(([t, n]) => `${t} ${n} 项`).join('、')}`;
}

/** Header, totals, signature and stamp fields for either view. */
export function buildDocumentView(src: SheetSource, opts: ViewOptions, suffix: string): DocumentView {
  const r = src.rubric;
  const year = src.period?.year ?? r.year;
  const orientation = opts.orientation ?? 'portrait';
  const checks = buildCheckViews(src.checks ?? []);
  return {
    lang: 'zh-CN',
    blank: src.blank,
    title: `${opts.title ?? titleWithSuffix(r.title, suffix)}${src.status === 'provisional' ? '（暂定）' : ''}`,
    rubric: {
      id: r.id,
      title: r.title,
      version: r.version,
      issuer: r.issuer ?? '',
      year: r.year !== undefined ? String(r.year) : '',
      precision: r.precision,
    },
    agency: {
      name: src.agency?.name ?? '',
      shortName: src.agency?.shortName ?? '',
      code: src.agency?.code ?? '',
      class: src.agency?.class ?? '',
    },
    periodText: src.period?.label ?? (year !== undefined ? `${year}年度` : ''),
    dateText: chineseDate(src.evidence?.date ?? ''),
    attachmentLabel: opts.attachmentLabel ?? '',
    page: { size: 'A4', orientation, landscape: orientation === 'landscape' },
    totals: totalsItems(src),
    grade: gradeText(src),
    provisional: src.status === 'provisional',
    statusText: src.blank || src.status === undefined ? '' : src.status === 'provisional' ? '暂定' : '最终',
    pendingItems: (src.pending ?? []).map((p) => ({ kind: p.kind, id: p.id, title: p.title, why: p.why })),
    pendingSummary: pendingSummary(src.pending ?? []),
    veto: src.veto ? { title: src.veto.title, reason: src.veto.reason } : null,
    checks,
    failedChecks: checks.filter((c) => c.failed),
    checkSummary: checkSummaryText(src.checks ?? []),
    signature: {
      preparedBy: src.evidence?.preparedBy ?? '',
      reviewedBy: src.evidence?.reviewedBy ?? '',
      date: chineseDate(src.evidence?.date ?? ''),
    },
    stamp: {
      rubricHash: r.hash,
      evidenceHash: src.evidence?.hash ?? '',
      reviewHash: src.review?.hash ?? '',
      engine: `${src.engine.name} ${src.engine.version}`,
      schemaVersion: src.schemaVersion,
      rubricVersion: r.version,
    },
  };
}
