// Score report → SummaryViewModel: the one-page 领导版 — section scores, points lost, and every item that lost
// points, sorted by the points fixing it would recover, with what earns them.
import type { ScoreReport } from '../report/score-report.js';
import { STATUS_TEXT } from '../formatters/labels.js';
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

/**
 * Items to fix: leaves that lost points (unmet, partial, deducted, missing evidence, error …) or carry a penalty,
 * most points first, then in sheet order, each with what earns the points back.
 */
function buildFixes(src: SheetSource, ix: SheetIndex): FixView[] {
  const p = src.rubric.precision;
  const lost = src.nodes.map((n, order) => ({ n, order, points: recoverable(n) })).filter(({ n, points }) => n.children.length === 0 && points > 0);
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
    actions: n.kind === 'penalty' ? penaltyActions(n, p) : fixActions(n, p),
  }));
}

/** A penalty is recovered by removing what triggered it. */
function penaltyActions(n: SourceNode, precision: number): string[] {
  const own = fixActions(n, precision);
  if (own.some((a) => a.startsWith('消除'))) return own;
  return (n.reasons ?? []).filter((r) => r.result !== false).map((r) => `消除扣分情形:${r.text}`);
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
  return {
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
  };
}
