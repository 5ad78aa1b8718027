// The parts of a printed document shared by the 经办人版 sheet and the 领导版 summary: header fields, the totals
// block (基础分/加分/扣分/总分/适用满分/等次), the signature block and the reproducibility stamp.
import type { DocumentView, TotalsItemView } from './view-types.js';
import { formatNumber } from './numbers.js';
import type { SheetSource, ViewOptions } from './sheet-source.js';
import { buildCheckViews, checkSummaryText } from './check-view.js';

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
  items.push({ key: 'grade', label: '等次', value: t ? t.grade : '' });
  if (t && t.claimed !== null) items.push({ key: 'claimed', label: '自评总分', value: v(t.claimed) });
  return items;
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
    title: opts.title ?? `${r.title}${suffix}`,
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
    dateText: src.evidence?.date ?? '',
    page: { size: 'A4', orientation, landscape: orientation === 'landscape' },
    totals: totalsItems(src),
    grade: src.totals?.grade ?? '',
    veto: src.veto ? { title: src.veto.title, reason: src.veto.reason } : null,
    checks,
    failedChecks: checks.filter((c) => c.failed),
    checkSummary: checkSummaryText(src.checks ?? []),
    signature: {
      preparedBy: src.evidence?.preparedBy ?? '',
      reviewedBy: src.evidence?.reviewedBy ?? '',
      date: src.evidence?.date ?? '',
    },
    stamp: {
      rubricHash: r.hash,
      evidenceHash: src.evidence?.hash ?? '',
      engine: `${src.engine.name} ${src.engine.version}`,
      schemaVersion: src.schemaVersion,
      rubricVersion: r.version,
    },
  };
}
