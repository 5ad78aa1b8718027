// Score report → SummaryViewModel: the one-page 领导版 — section scores, points lost, and every item that lost
// points, sorted by the points fixing it would recover, with what earns them.
import type { ScoreReport } from '../report/score-report.js';
import { STATUS_TEXT } from '../formatters/labels.js';
import { typesetView } from './chinese-text.js';
import { buildDocumentView } from './document-view.js';
import { formatNumber, formatSigned } from './numbers.js';
import { fixActions } from './reason-lines.js';
import { sourceOfReport, type SheetSource, type SourceNode, type ViewOptions } from './sheet-source.js';
import { SheetIndex } from './view-model.js';
import type { FixView, SectionView, SummaryViewModel } from './view-types.js';

const KIND_TEXT = { score: '基础', bonus: '加分', penalty: '扣分' } as const;

function pathOf(n: SourceNode, ix: SheetIndex): string {
  const parts: string[] = [];
  let p = n.parent;
  while (p !== null) {
    const pn = ix.node(p);
    parts.unshift(pn.title);
    p = pn.parent;
  }
  return parts.join(' › ');
}

function sectionOf(n: SourceNode, ix: SheetIndex): string {
  let x = n;
  while (x.parent !== null) x = ix.node(x.parent);
  return x.title;
}

/**
 * Points an item would recover: what a score item lost (`lost`), or what a penalty item took off the total (its
 * `score`, the penalty applied). Bonus items lose nothing — they are listed as pending or simply not earned.
 */
function recoverable(n: SourceNode): number {
  if (n.kind === 'score') return n.lost ?? 0;
  if (n.kind === 'penalty') return n.score ?? 0;
  return 0;
}

/** The veto reason on a node vetoed by a veto aimed at it (not at an ancestor), with its real stake in `points`. */
function ownVeto(n: SourceNode): { text: string; points: number; conditions: string[] } | null {
  const r = (n.reasons ?? []).find((x) => x.kind === 'veto' && x.points !== undefined);
  return r ? { text: r.text, points: -(r.points ?? 0), conditions: (r.conditions ?? []).filter((c) => c.result).map((c) => c.text) } : null;
}

/**
 * An assessment veto is the one thing to fix: a single item with the points it really took (what the same facts
 * score without it), not one line per item it zeroed.
 */
function assessmentVetoFix(src: SheetSource): FixView[] {
  const v = src.veto!;
  const p = src.rubric.precision;
  const conditions = v.conditions.filter((c) => c.result).map((c) => c.text);
  return [
    {
      rank: '1',
      id: v.id,
      title: `单项否决：${v.title}`,
      path: '',
      section: '整体否决',
      lostText: formatNumber(v.stake ?? 0, p),
      statusText: STATUS_TEXT.vetoed,
      statusClass: 'vetoed',
      actions: [`消除否决情形：${v.reason}`, ...conditions, ...(v.finalWithoutVeto !== undefined ? [`消除后按现有佐证可得 ${formatNumber(v.finalWithoutVeto, p)} 分`] : [])],
    },
  ];
}

/**
 * Items to fix: leaves that lost points (unmet, partial, deducted, missing evidence, error …) or carry a penalty,
 * most points first, then in sheet order, each with what earns the points back. A node veto counts once, on its
 * target, with the points it took; the items under it are not listed one by one.
 */
function buildFixes(src: SheetSource, ix: SheetIndex): FixView[] {
  if (src.veto) return assessmentVetoFix(src);
  const p = src.rubric.precision;
  const underVeto = new Set<string>();
  const vetoed = new Map<string, NonNullable<ReturnType<typeof ownVeto>>>();
  for (const n of src.nodes) {
    if (n.parent !== null && underVeto.has(n.parent)) underVeto.add(n.id);
    const v = n.status === 'vetoed' ? ownVeto(n) : null;
    if (v && !underVeto.has(n.id)) {
      vetoed.set(n.id, v);
      underVeto.add(n.id);
    }
  }
  const lost = src.nodes
    .map((n, order) => ({ n, order, points: vetoed.has(n.id) ? vetoed.get(n.id)!.points : recoverable(n) }))
    .filter(({ n, points }) => points > 0 && (vetoed.has(n.id) || (n.children.length === 0 && !underVeto.has(n.id))));
  lost.sort((a, b) => b.points - a.points || a.order - b.order);
  return lost.map(({ n, points }, i) => ({
    rank: String(i + 1),
    id: n.id,
    title: n.title,
    path: pathOf(n, ix),
    section: sectionOf(n, ix),
    lostText: formatNumber(points, p),
    statusText: n.status ? STATUS_TEXT[n.status] : '',
    statusClass: n.status ?? '',
    actions: vetoed.has(n.id) ? [`消除否决情形：${vetoed.get(n.id)!.text}`, ...vetoed.get(n.id)!.conditions] : n.kind === 'penalty' ? penaltyActions(n, p) : fixActions(n, p),
  }));
}

/** A penalty is recovered by removing what triggered it. */
function penaltyActions(n: SourceNode, precision: number): string[] {
  const own = fixActions(n, precision);
  if (own.some((a) => a.startsWith('消除'))) return own;
  return (n.reasons ?? []).filter((r) => r.result !== false).map((r) => `消除扣分情形：${r.text}`);
}

function buildSections(src: SheetSource, ix: SheetIndex): SectionView[] {
  const p = src.rubric.precision;
  return src.nodes
    .filter((n) => n.parent === null)
    .map((n) => ({
      id: n.id,
      title: n.title,
      kindText: KIND_TEXT[n.kind],
      maxText: formatNumber(n.max, p),
      claimedText: formatNumber(ix.claimed(n), p),
      scoreText: formatNumber(n.score, p),
      lostText: n.kind === 'score' ? formatNumber(n.lost, p) : '',
      statusText: n.status ? STATUS_TEXT[n.status] : '',
      statusClass: n.status ?? '',
    }));
}

/** Build the 领导版 summary of a score report. */
export function buildSummaryViewModel(report: ScoreReport, opts: ViewOptions = {}): SummaryViewModel {
  const src = sourceOfReport(report);
  const ix = new SheetIndex(src);
  const p = src.rubric.precision;
  // Chinese typography for every text the summary prints (rubric and report texts were typed with half-width marks).
  return typesetView({
    ...buildDocumentView(src, opts, '自查评分摘要'),
    view: 'summary',
    sections: buildSections(src, ix),
    fixes: buildFixes(src, ix),
    pending: src.nodes
      .filter((n) => n.status === 'manual' && n.children.length === 0)
      .map((n) => ({ id: n.id, title: n.title, maxText: formatNumber(n.max, p) })),
    overClaims: src.overClaims.map((o) => ({
      id: o.id,
      title: o.title,
      claimedText: formatNumber(o.claimed, p),
      scoreText: formatNumber(o.score, p),
      differenceText: formatSigned(o.difference, p),
    })),
  } satisfies SummaryViewModel);
}
