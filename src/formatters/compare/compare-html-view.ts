// The view model of the HTML comparison (templates/compare.hbs): every string and every SVG coordinate is
// computed here, so the template only places escaped values. Input: the CompareReport contract only.
import type { CompareReport } from '../../cohort/compare-report.js';
import { agencyLabel, baselineNotes, cellText, checkFailureLines, KIND_TEXT, leftOutLines, LEFT_OUT_TEXT, mainCells, mainHeaders, num, orderedRows, overClaimHead, percent, signedNum } from './format-common.js';


/** At most this many agencies are drawn in the charts (the table always lists every agency). */
export const CHART_ROWS = 300;

/**
 * Agencies per drawing of a chart: each drawing, the first with its heading and note, fits an A4 landscape page (an SVG is never split cleanly across
 * pages: one taller than a page was sliced through its bars, its heading left alone on the page before).
 */
export const CHART_PART_ROWS = 24;

const partsOf = <T>(xs: readonly T[]): T[][] => Array.from({ length: Math.max(1, Math.ceil(xs.length / CHART_PART_ROWS)) }, (_, k) => xs.slice(k * CHART_PART_ROWS, (k + 1) * CHART_PART_ROWS));

export interface HtmlCell {
  text: string;
  /** Sort key (numbers as numbers, "-1" for not applicable). */
  v: string;
  cls: string;
  /** Link of the cell (the 单位名称 cell to that agency's sheet, `compare --sheets`); '' for none. */
  href: string;
}

export interface CompareHtmlOptions {
  /** Agency code → relative link to its 自查评分表 (sheets/<file>.html), for the agencies that have one. */
  sheetHrefs?: ReadonlyMap<string, string>;
}

/** Red (0) → amber → green (1) for a score ratio; grey for not applicable. */
export function heatColour(ratio: number | null): string {
  if (ratio === null) return '#e5e7eb';
  const r = Math.max(0, Math.min(1, ratio));
  const hue = Math.round(r * 120);
  return `hsl(${hue}, 65%, ${Math.round(72 - r * 12)}%)`;
}

/**
 * Heatmap colour of one section cell: a pending item is pending (blue), not a loss; not applicable is grey; a bonus
 * not earned and a penalty not incurred are neutral (never a failure colour); a bonus earned is green, a penalty
 * taken red; score sections run red → green by their share of the applicable maximum.
 */
export function heatFill(kind: 'score' | 'bonus' | 'penalty', c: { score: number; notApplicable: boolean; pending?: boolean }, denom: number): string {
  if (c.pending) return PENDING_FILL;
  if (c.notApplicable || denom <= 0) return heatColour(null);
  if (kind === 'bonus') return c.score > 0 ? heatColour(1) : NEUTRAL_FILL;
  if (kind === 'penalty') return c.score > 0 ? heatColour(0) : NEUTRAL_FILL;
  return heatColour(c.score / denom);
}
const PENDING_FILL = '#c7d7f5';
const NEUTRAL_FILL = '#f3f4f6';

export function buildCompareHtmlView(report: CompareReport, opts: CompareHtmlOptions = {}) {
  const rows = orderedRows(report);
  const headers = mainHeaders(report);
  const nameCol = headers.indexOf('单位名称');
  // Text columns that may wrap (so 总分, 等次 and 自评 stay on a 1400 px screen); 证据文件 is left off the printed page.
  const colClass = headers.map((h, i) => ({ 单位代码: 'code', 单位名称: 'name', 等次: 'grade', 结果: 'result', 证据文件: 'file' })[h] ?? (i >= 5 && i < 5 + report.sections.length ? 'section' : ''));
  const numericCols = new Set<number>();
  const tableRows = rows.map((a) => {
    const cells = mainCells(a);
    return {
      cells: cells.map((c, i): HtmlCell => {
        if (typeof c === 'number') numericCols.add(i);
        const text = c === null ? '' : typeof c === 'number' ? num(c) : c;
        const v = typeof c === 'number' ? String(c) : c === '不适用' ? '-1' : c ?? '';
        const href = i === nameCol ? (opts.sheetHrefs?.get(a.code) ?? '') : '';
        return { text, v, cls: typeof c === 'number' || c === '不适用' ? 'num' : colClass[i]!, href };
      }),
      grade: a.totals.grade,
    };
  });
  const head = headers.map((label, i) => ({ label, type: numericCols.has(i) || (i >= 5 && i < 5 + report.sections.length) ? 'num' : 'text', cls: colClass[i]! }));

  // Bar chart of totals (final scores), best first.
  const charted = rows.slice(0, CHART_ROWS);
  const labelW = 150;
  const barMax = 520;
  const rowH = 20;
  const top = Math.max(report.rubric.total, ...charted.map((a) => a.totals.final), 1);
  const bar = (a: (typeof charted)[number], i: number) => {
    const w = Math.max(0, (a.totals.final / top) * barMax);
    return {
      y: 24 + i * rowH,
      textY: 24 + i * rowH + 14,
      w: w.toFixed(1),
      label: agencyLabel(a),
      value: `${num(a.totals.final)}（百分制 ${num(a.totals.normalized)}）`,
      valueX: (labelW + w + 6).toFixed(1),
      colour: heatColour(a.totals.applicableMax > 0 ? a.totals.final / a.totals.applicableMax : 0),
    };
  };
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => ({ x: (labelW + t * barMax).toFixed(1), label: num(Math.round(t * top * 10) / 10) }));
  const chart = {
    width: labelW + barMax + 170,
    labelW,
    labelX: labelW - 6,
    ticks,
    parts: partsOf(charted).map((part) => ({ height: 24 + part.length * rowH + 10, axisY: 24 + part.length * rowH, bars: part.map(bar) })),
  };

  // Heatmap: agencies × sections, colour = score ÷ applicable maximum.
  const cellW = 92;
  const cellH = 22;
  const hLabelW = 150;
  const heatCols = report.sections.map((s, j) => ({ x: hLabelW + j * cellW + cellW / 2, label: `${s.title}${KIND_TEXT[s.kind]}`.slice(0, 8) }));
  const heatRow = (a: (typeof charted)[number], i: number) => ({
    y: 40 + i * cellH,
    textY: 40 + i * cellH + 15,
    label: agencyLabel(a),
    cells: a.sections.map((c, j) => {
      const s = report.sections[j]!;
      const denom = c.notApplicable ? 0 : s.kind === 'score' ? c.applicableMax : s.max;
      return {
        x: hLabelW + j * cellW,
        textX: hLabelW + j * cellW + cellW / 2,
        fill: heatFill(s.kind, c, denom),
        text: cellText(c),
        title: `${agencyLabel(a)} · ${s.title}:${c.notApplicable ? '不适用' : `${num(c.score)} / ${num(denom)}${c.pending ? '(含待政务公开办评定事项,暂按已评部分计)' : ''}`}`,
      };
    }),
  });
  const heatmap = {
    width: hLabelW + report.sections.length * cellW + 10,
    cellW: cellW - 2,
    cellH: cellH - 2,
    labelX: hLabelW - 6,
    cols: heatCols,
    parts: partsOf(charted).map((part) => ({ height: 40 + part.length * cellH + 10, rows: part.map(heatRow) })),
  };

  const r = report.rubric;
  const b = report.baseline;
  return {
    title: `${r.title} · 多单位比较`,
    subtitle: `细则版本 ${r.version}；参评单位 ${report.counts.scored} 个${report.counts.provisional > 0 ? `（其中结果暂定 ${report.counts.provisional} 个，照常排名，等次标“暂定”）` : ''}，输入文件 ${report.counts.files} 个，未计入 ${report.counts.leftOut} 个`,
    rankingRule: report.ranking.description,
    sheetsNote: opts.sheetHrefs && opts.sheetHrefs.size > 0 ? `点击单位名称打开该单位的自查评分表（在本页所在文件夹的 sheets 文件夹中，共 ${opts.sheetHrefs.size} 份）。` : '',
    bases: report.ranking.bases.map((x) => ({ label: x.label, description: x.description })),
    head,
    rows: tableRows,
    chart,
    chartNote: rows.length > CHART_ROWS ? `图中仅显示百分制排名前 ${CHART_ROWS} 的单位，完整名单见上表。` : '',
    heatmap,
    grades: report.gradeDistribution.map((g) => ({ grade: g.grade, count: g.count, share: percent(g.share) })),
    weakSpots: report.weakSpots.map((w) => ({
      id: w.id,
      title: w.title,
      section: w.sectionTitle,
      max: num(w.max),
      lost: `${w.agenciesLost}/${w.agenciesAssessed}`,
      total: num(w.totalLost),
      average: num(w.averageLost),
    })),
    overClaims: report.overClaims.map((o) => ({
      name: `${o.name}(${o.code})`,
      head: overClaimHead(o),
      items: o.items.map((i) => `${i.id} ${i.title}：自评 ${num(i.claimed)}，核定 ${num(i.score)}，高出 ${num(i.difference)}`),
    })),
    checkCount: report.checks.length,
    checkFailures: report.checkFailures.map((f) => ({ name: `${f.name}(${f.code})`, ...checkFailureLines(report, f, false) })),
    rankCriteria: report.rankCriteria.map(
      (k) => `${k.id} ${k.title}（${num(k.max)}分）：按${k.basis.label}${k.order === 'desc' ? '从高到低' : '从低到高'}${k.among === 'class' ? '在同类单位中' : ''}排名，${k.scheme}；参加排名 ${k.ranked} 个`,
    ),
    baseline: b
      ? {
          rubric: `${b.rubric.title}（版本 ${b.rubric.version}）`,
          rows: b.agencies.map((x) => ({
            name: x.name,
            previous: num(x.previous),
            rescored: num(x.rescored),
            current: num(x.current),
            change: signedNum(x.change),
            rubricChange: signedNum(x.rubricChange),
            notComparableChange: signedNum(x.notComparableChange),
            workChange: signedNum(x.workChange),
          })),
          notes: baselineNotes(b),
          onlyInBaseline: b.onlyInBaseline.map((x) => `${x.name}(${x.code})`).join('、'),
          onlyInCurrent: b.onlyInCurrent.map((x) => `${x.name}(${x.code})`).join('、'),
        }
      : null,
    leftOut: report.leftOut.map((f) => ({ file: f.file, reason: LEFT_OUT_TEXT[f.reason], lines: leftOutLines(f) })),
    skipped: report.skipped.join('、'),
    footer: `细则 ${r.id} ${r.hash} · 引擎 ${report.engine.name} ${report.engine.version} · 报告格式 ${report.schemaVersion}`,
  };
}

export type CompareHtmlView = ReturnType<typeof buildCompareHtmlView>;
