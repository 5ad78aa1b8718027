// Score report (or blank rubric skeleton) → SheetViewModel: the 自查评分表 as rows with merged cells, numbered,
// with every number formatted. Templates and table formatters only loop over what this builds.
//
// Grouping: the rows of the sheet are the nodes of the criterion level (具体标准); every shallower node is a merged
// cell (rowspan) in its level column; deeper nodes are clauses listed inside their row's criterion cell; a shallower
// leaf (a section or 目标要求 without children) is a row of its own whose cell spans the remaining level columns.
import type { ScoreReport } from '../report/score-report.js';
import { STATUS_TEXT } from '../formatters/labels.js';
import { typesetView } from './chinese-text.js';
import { buildDocumentView } from './document-view.js';
import { claimDifference, formatNumber, formatSigned, sumClaims } from './numbers.js';
import { evidenceView, lossReasonTexts } from './reason-lines.js';
import { sourceOfReport, type SheetSource, type SourceNode, type ViewOptions } from './sheet-source.js';
import type { ClauseView, ColumnView, LevelCellView, SheetRowView, SheetViewModel } from './view-types.js';
import { chineseDate } from './chinese-text.js';

/**
 * The level whose nodes are the rows: the index of "具体标准" in the rubric's level labels, else the level above
 * "评分项", else the last labelled level — never deeper than the tree.
 */
export function criterionLevel(levels: readonly string[], maxDepth: number): number {
  const explicit = levels.indexOf('具体标准');
  const clause = levels.indexOf('评分项');
  const wanted = explicit >= 0 ? explicit : clause > 0 ? clause - 1 : Math.max(0, levels.length - 1);
  return Math.max(0, Math.min(wanted, maxDepth));
}

/** Shared lookups for one build. */
export class SheetIndex {
  readonly byId = new Map<string, SourceNode>();
  private readonly claims = new Map<string, number | null>();

  constructor(readonly src: SheetSource) {
    for (const n of src.nodes) if (!this.byId.has(n.id)) this.byId.set(n.id, n);
  }

  node(id: string): SourceNode {
    const n = this.byId.get(id);
    if (!n) throw new Error(`report node ${id} is referenced but missing`);
    return n;
  }

  /** Descendants in document order, each with its depth below `n`. */
  descendants(n: SourceNode): SourceNode[] {
    const out: SourceNode[] = [];
    const walk = (x: SourceNode): void => {
      for (const c of x.children) {
        const cn = this.node(c);
        out.push(cn);
        walk(cn);
      }
    };
    walk(n);
    return out;
  }

  /** The node's own claim, else the sum of its children's claims (the report's own rule); null when none. */
  claimed(n: SourceNode): number | null {
    if (n.claimed !== undefined) return n.claimed;
    const cached = this.claims.get(n.id);
    if (cached !== undefined) return cached;
    const below = n.children.map((c) => this.claimed(this.node(c))).filter((c): c is number => c !== null);
    const v = below.length > 0 ? sumClaims(below, this.src.rubric.precision) : null;
    this.claims.set(n.id, v);
    return v;
  }
}

// 佐证材料 wide enough that a row's evidence list does not make it taller than its 具体标准 (seed: 附件1 in about 3 pages).
const COLUMN_WEIGHTS = { seq: 3, group: 7, criterion: 25.5, max: 4.5, claimed: 4.7, score: 4.7, reasons: 18.5, evidence: 24.6, remediation: 12 };

function buildColumns(levelHeaders: string[], showRemediation: boolean): ColumnView[] {
  const cols: Array<Omit<ColumnView, 'width'> & { weight: number }> = [
    { key: 'seq', label: '序号', level: null, numeric: false, weight: COLUMN_WEIGHTS.seq },
    ...levelHeaders.map((label, i) => ({
      key: 'level' as const,
      label,
      level: i,
      numeric: false,
      weight: i === levelHeaders.length - 1 ? COLUMN_WEIGHTS.criterion : COLUMN_WEIGHTS.group,
    })),
    { key: 'max', label: '分值', level: null, numeric: true, weight: COLUMN_WEIGHTS.max },
    { key: 'claimed', label: '自评分', level: null, numeric: true, weight: COLUMN_WEIGHTS.claimed },
    { key: 'score', label: '核定分', level: null, numeric: true, weight: COLUMN_WEIGHTS.score },
    { key: 'reasons', label: '扣分/失分原因', level: null, numeric: false, weight: COLUMN_WEIGHTS.reasons },
    { key: 'evidence', label: '佐证材料', level: null, numeric: false, weight: COLUMN_WEIGHTS.evidence },
  ];
  if (showRemediation) cols.push({ key: 'remediation', label: '整改情况', level: null, numeric: false, weight: COLUMN_WEIGHTS.remediation });
  const total = cols.reduce((a, c) => a + c.weight, 0);
  return cols.map(({ weight, ...c }) => ({ ...c, width: Math.round((weight * 1000) / total) / 10 }));
}

/** The number and status cells of a row (derived from the row type, not restated), plus the difference line. */
type NumberCells = Pick<
  SheetRowView,
  'maxText' | 'claimedText' | 'scoreText' | 'differenceText' | 'differenceClass' | 'statusText' | 'statusNote' | 'statusClass' | 'values' | 'overridden' | 'overrideText'
>;
interface Numbers extends NumberCells {
  diffLine: string | null;
}

function numbersOf(n: SourceNode, ix: SheetIndex): Numbers {
  const p = ix.src.rubric.precision;
  const blank = ix.src.blank || n.score === undefined;
  const claimed = blank ? null : ix.claimed(n);
  const score = blank ? null : (n.score ?? null);
  const difference =
    claimed === null || score === null ? null : n.difference !== undefined ? n.difference : claimDifference(claimed, score, p);
  const differenceClass = difference === null || difference === 0 ? '' : difference > 0 ? 'over' : 'under';
  let diffLine: string | null = null;
  if (differenceClass !== '' && difference !== null) {
    const amount = formatNumber(Math.abs(difference), p);
    diffLine = `自评${differenceClass === 'over' ? '高出' : '低于'}核定 ${amount} 分`;
  }
  // The office's override of this node (review file): the 核定分 is the override, marked with its reason.
  const override = blank ? undefined : n.voices?.reviewed?.rulings.find((r) => r.kind === 'override');
  return {
    overridden: override !== undefined,
    overrideText: override ? `改定：${override.reason}（${override.by}，${chineseDate(override.date)}）` : '',
    maxText: formatNumber(n.max, p),
    claimedText: formatNumber(claimed, p),
    scoreText: formatNumber(score, p),
    differenceText: formatSigned(difference, p),
    differenceClass,
    statusText: blank || !n.status ? '' : STATUS_TEXT[n.status],
    statusNote: blank || !n.status || n.status === 'met' ? '' : STATUS_TEXT[n.status],
    statusClass: blank || !n.status ? '' : n.status,
    diffLine,
    values: { max: n.max, claimed, score, difference },
  };
}

/** The number and status cells every scored row shows (item rows and subtotals alike). */
function numberCells(num: Numbers): NumberCells {
  const { diffLine: _diffLine, ...cells } = num;
  return cells;
}

/** Text compared without spaces and punctuation (half- or full-width), to see whether a clause restates its row. */
const bare = (s: string): string => s.replace(/[\s,,。.、;;::()()“”"'!!??]/g, '');

/** A clause whose title the row's 具体标准 already says in full: its first words only (the score line stays). */
function briefTitle(title: string, rowText: string): { brief: string; repeats: boolean } {
  const t = bare(title);
  if (t.length === 0 || !bare(rowText).includes(t)) return { brief: title, repeats: false };
  const chars = [...title];
  // Six characters and an ellipsis keep 「…（3分）得 3 分」 on one line of the printed 具体标准 column.
  return { brief: chars.length > 8 ? `${chars.slice(0, 6).join('')}…` : title, repeats: true };
}

function clauseView(c: SourceNode, row: SourceNode, ix: SheetIndex): ClauseView {
  const p = ix.src.rubric.precision;
  const scored = !ix.src.blank && c.score !== undefined;
  const { brief, repeats } = briefTitle(c.title, row.description ?? row.title);
  return {
    id: c.id,
    title: c.title,
    brief,
    repeats,
    maxText: formatNumber(c.max, p),
    scoreText: scored ? formatNumber(c.score, p) : '',
    statusText: scored && c.status ? STATUS_TEXT[c.status] : '',
    statusClass: scored && c.status ? c.status : '',
    indent: c.depth - row.depth - 1,
    lost: scored && ((c.lost ?? 0) > 0 || c.status === 'unmet' || c.status === 'missing_evidence' || c.status === 'error'),
  };
}

function levelCell(n: SourceNode, level: number, colspan: number, isCriterion: boolean, ix: SheetIndex, clauses: ClauseView[]): LevelCellView {
  const maxText = formatNumber(n.max, ix.src.rubric.precision);
  const text = isCriterion ? (n.description ?? n.title) : n.title;
  return {
    level,
    rowspan: 1,
    colspan,
    isCriterion,
    text,
    maxText: isCriterion ? '' : maxText,
    label: isCriterion ? text : `${n.title}（${maxText}分）`,
    note: n.note ?? '',
    clauses,
    id: n.id,
  };
}

function itemRow(n: SourceNode, rowLevel: number, ix: SheetIndex): SheetRowView {
  const below = ix.descendants(n);
  // On the blank form a clause the 具体标准 already states in full adds nothing; on a scored sheet its score line stays.
  const clauses = below.map((c) => clauseView(c, n, ix)).filter((c) => !(ix.src.blank && c.repeats));
  const cells: LevelCellView[] = [];
  if (n.depth >= rowLevel) cells.push(levelCell(n, n.depth, 1, true, ix, clauses));
  else if (n.description !== undefined) {
    // A shallower leaf with a full text: its title spans down to the criterion column, which holds the text.
    cells.push(levelCell(n, n.depth, rowLevel - n.depth, false, ix, []));
    // The note (「不在总分内…」) is printed once, under the title.
    cells.push({ ...levelCell(n, rowLevel, 1, true, ix, clauses), note: '' });
  } else {
    const cell = levelCell(n, n.depth, rowLevel - n.depth + 1, true, ix, clauses);
    cell.label = `${n.title}（${formatNumber(n.max, ix.src.rubric.precision)}分）`;
    cells.push(cell);
  }
  const num = numbersOf(n, ix);
  const reasons = ix.src.blank ? [] : [...(num.diffLine ? [num.diffLine] : []), ...lossReasonTexts(n), ...below.flatMap(lossReasonTexts)];
  const evidence = [n, ...below].flatMap((x) => (x.evidence ?? []).map(evidenceView));
  const remediation = [n, ...below].map((x) => x.remediation ?? '').filter((s) => s !== '');
  return {
    kind: 'item',
    isItem: true,
    isSubtotal: false,
    isTotal: false,
    seq: '',
    id: n.id,
    cells,
    ...numberCells(num),
    reasons: [...new Set(reasons)],
    evidence,
    remediation: remediation.join('\n'),
  };
}

function subtotalRow(section: SourceNode, levelCount: number, ix: SheetIndex): SheetRowView {
  const num = numbersOf(section, ix);
  const label: LevelCellView = {
    level: 1,
    rowspan: 1,
    colspan: levelCount - 1,
    isCriterion: false,
    text: '小计',
    maxText: '',
    label: '小计',
    note: '',
    clauses: [],
    id: '',
  };
  const reasons = ix.src.blank ? [] : [...(num.diffLine ? [num.diffLine] : []), ...lossReasonTexts(section)];
  return {
    kind: 'subtotal',
    isItem: false,
    isSubtotal: true,
    isTotal: false,
    seq: '',
    id: section.id,
    cells: [label],
    ...numberCells(num),
    reasons: [...new Set(reasons)],
    evidence: (section.evidence ?? []).map(evidenceView),
    remediation: section.remediation ?? '',
  };
}

function totalRow(ix: SheetIndex, levelCount: number): SheetRowView {
  const src = ix.src;
  const p = src.rubric.precision;
  const t = src.totals;
  const claimed = t?.claimed ?? null;
  const final = t ? t.final : null;
  const difference = claimed !== null && final !== null ? claimDifference(claimed, final, p) : null;
  const differenceClass = difference === null || difference === 0 ? '' : difference > 0 ? 'over' : 'under';
  const reasons: string[] = [];
  if (t) reasons.push(`基础分 ${formatNumber(t.base, p)} + 加分 ${formatNumber(t.bonus, p)} − 扣分 ${formatNumber(t.penalty, p)}；等次：${t.grade}${src.status === 'provisional' ? '（暂定）' : ''}`);
  if (src.veto) reasons.push(`单项否决：${src.veto.title}。${src.veto.reason}`);
  return {
    kind: 'total',
    isItem: false,
    isSubtotal: false,
    isTotal: true,
    seq: '',
    id: '',
    cells: [{ level: 0, rowspan: 1, colspan: levelCount, isCriterion: false, text: '总分', maxText: '', label: '总分', note: '', clauses: [], id: '' }],
    maxText: formatNumber(t ? t.max : src.rubric.total, p),
    claimedText: formatNumber(claimed, p),
    scoreText: formatNumber(final, p),
    differenceText: formatSigned(difference, p),
    differenceClass,
    statusText: '',
    statusNote: '',
    statusClass: '',
    overridden: false,
    overrideText: '',
    reasons,
    evidence: [],
    remediation: '',
    values: { max: t ? t.max : src.rubric.total, claimed, score: final, difference },
  };
}

/** Lay out the rows under `n` and put n's merged cell on the first of them. */
function layoutNode(n: SourceNode, rowLevel: number, levelCount: number, ix: SheetIndex): SheetRowView[] {
  if (n.depth >= rowLevel || n.children.length === 0) return [itemRow(n, rowLevel, ix)];
  const rows = n.children.flatMap((c) => layoutNode(ix.node(c), rowLevel, levelCount, ix));
  if (n.depth === 0 && levelCount >= 2) rows.push(subtotalRow(n, levelCount, ix));
  else if (!ix.src.blank) {
    // An intermediate group's own reasons (a cap, a zeroIf …) go on its first row, named.
    const own = lossReasonTexts(n).map((t) => `${n.title}:${t}`);
    if (own.length > 0) rows[0]!.reasons.push(...own);
  }
  const cell = levelCell(n, n.depth, 1, false, ix, []);
  cell.rowspan = rows.length;
  rows[0]!.cells.unshift(cell);
  return rows;
}

/**
 * Build the 自查评分表 view model.
 * @param src the report as a sheet source (sourceOfReport) or a blank skeleton (blank-report.ts)
 */
export function buildSheetView(src: SheetSource, opts: ViewOptions = {}): SheetViewModel {
  const ix = new SheetIndex(src);
  const maxDepth = src.nodes.reduce((m, n) => Math.max(m, n.depth), 0);
  const rowLevel = criterionLevel(src.rubric.levels, maxDepth);
  const levelCount = rowLevel + 1;
  const levelHeaders = Array.from({ length: levelCount }, (_, i) => src.rubric.levels[i] ?? `第${i + 1}级`);
  const rows = src.nodes.filter((n) => n.parent === null).flatMap((n) => layoutNode(n, rowLevel, levelCount, ix));
  let seq = 0;
  for (const r of rows) if (r.isItem) r.seq = String(++seq);
  rows.push(totalRow(ix, levelCount));
  const showRemediation = opts.remediation === true || src.nodes.some((n) => (n.remediation ?? '') !== '');
  // Chinese typography for every text the sheet prints (rubric and report texts were typed with half-width marks).
  return typesetView<SheetViewModel>({
    ...buildDocumentView(src, opts, '自查评分表'),
    view: 'sheet',
    columns: buildColumns(levelHeaders, showRemediation),
    levelHeaders,
    levelCount,
    showRemediation,
    rows,
    itemCount: seq,
    overClaimCount: src.overClaims.length,
    missingEvidenceCount: src.missingEvidence.length,
  });
}

/** The 经办人版 sheet of a score report. */
export function buildSheetViewModel(report: ScoreReport, opts: ViewOptions = {}): SheetViewModel {
  return buildSheetView(sourceOfReport(report), opts);
}
