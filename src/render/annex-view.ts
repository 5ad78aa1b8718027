// A statistics table (统计表, e.g. 附件2 政务公开工作统计表) as a companion sheet: the rubric's facts that declare a
// `statRow` in that table, with the table's heading rows, in row order — 序号 (the row number), 统计指标, 单位, 统计数.
// Filled from one agency's evidence (with the office's corrections from a review shown as such), or blank for the
// form an office circulates. Templates (templates/annex.hbs) and the xlsx/md writers only loop over what this builds.
import { collectFactValues } from '../assess/collect-fact-values.js';
import { evaluateChecks } from '../checks/evaluate-checks.js';
import type { CompiledRubric } from '../compile/compile-rubric.js';
import { correctedValues } from '../review/apply-review.js';
import { buildCheckViews, checkSummaryText } from './check-view.js';
import type { CheckView } from './view-types.js';
import { normaliseFactValue } from '../evidence/check-evidence.js';
import type { Evidence } from '../schema/evidence-schema.js';
import type { FactDef } from '../schema/fact-schema.js';
import type { Review } from '../schema/review-schema.js';
import { ENGINE_VERSION } from '../version.js';
import { chineseDate } from './chinese-text.js';
import { formatNumber } from './numbers.js';

export interface AnnexColumnView {
  key: 'seq' | 'indicator' | 'unit' | 'value';
  label: string;
  /** Share of the table width in percent. */
  width: number;
}

/** One row of the table: a heading (「一、主动公开情况」, no value) or a fact's row. */
export interface AnnexRowView {
  kind: 'heading' | 'fact';
  isHeading: boolean;
  /** 序号: the row number in the table, as text. */
  seq: string;
  row: number;
  /** 统计指标: the row's wording in the table (statRow.text, else the fact's label). */
  indicator: string;
  unit: string;
  /** Fact id ('' for a heading). */
  factId: string;
  /** 统计数 as printed: the corrected value when the office corrected it; '' when blank or on the blank form. */
  valueText: string;
  /** The number itself for spreadsheets (null when the value is not a number). */
  valueNumber: number | null;
  /** The office corrected this value in its review. */
  corrected: boolean;
  /** The agency's own value when corrected ('' otherwise; 「未填」 when it gave none). */
  originalText: string;
  /** A value cell left empty although the evidence is not blank (the agency gave no figure). */
  missing: boolean;
  /** The row's figure takes part in a table check (勾稽关系) that failed. */
  checkFailed: boolean;
}

/** One correction of a value by the office, listed under the table. */
export interface AnnexCorrectionView {
  seq: string;
  indicator: string;
  originalText: string;
  correctedText: string;
  unit: string;
  reason: string;
  by: string;
  dateText: string;
}

export interface AnnexViewModel {
  view: 'annex';
  lang: 'zh-CN';
  /** The blank form: no agency, every value cell empty. */
  blank: boolean;
  /** The table's name in the rubric, e.g. 附件2. */
  table: string;
  /** Printed above the title (default: the table's name when it is an 附件 label). */
  attachmentLabel: string;
  /** e.g. 2017年度住建局政务公开工作统计表 (blank: 2017年度政务公开工作统计表). */
  title: string;
  rubric: { id: string; title: string; version: string; issuer: string; year: string };
  agency: { name: string; shortName: string; code: string };
  /** e.g. "2017年度". */
  periodText: string;
  /** The evidence's date in Chinese (2018年1月12日), '' when none. */
  dateText: string;
  page: { size: 'A4'; orientation: 'portrait' | 'landscape'; landscape: boolean };
  columns: AnnexColumnView[];
  rows: AnnexRowView[];
  /** Fact rows without a value (0 on the blank form). */
  missingCount: number;
  corrections: AnnexCorrectionView[];
  hasCorrections: boolean;
  /**
   * The rubric's consistency checks (勾稽关系) that read only this table's figures, evaluated on the values shown
   * (the office's corrections applied): "共 12 项:通过 11 项,未通过 1 项 …"; '' on the blank form or when none.
   */
  checkSummary: string;
  /** Those checks that failed, with the office's resolution when given. */
  failedChecks: CheckView[];
  signature: { preparedBy: string; reviewedBy: string; date: string };
  stamp: { rubricVersion: string; rubricHash: string; evidenceHash: string; reviewHash: string; engine: string };
}

export interface AnnexInput {
  evidence?: { evidence: Evidence; hash: string };
  review?: { review: Review; hash: string };
}

export interface AnnexOptions {
  orientation?: 'portrait' | 'landscape';
  attachmentLabel?: string;
}

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Half-width ( ) , ; : in Chinese text → full-width (the seed tables' labels were typed with half-width marks). */
export function fullWidthPunctuation(s: string): string {
  if (!/[\u4e00-\u9fff]/.test(s)) return s;
  return s.replace(/\(/g, '（').replace(/\)/g, '）').replace(/,/g, '，').replace(/;/g, '；').replace(/:(?!\/\/)/g, '：');
}

/** The statistics tables a rubric's facts fill, in declaration order (tables without a fact left out). */
export function annexTables(compiled: CompiledRubric): string[] {
  const declared = Object.keys(compiled.rubric.statTables ?? {});
  const used = new Set(Object.values(compiled.rubric.facts).flatMap((d) => (d.statRow ? [d.statRow.table] : [])));
  return declared.filter((t) => used.has(t));
}

/** A fact value as the table prints it: 是/否, numbers exactly as given (no float noise), lists joined with 、. */
export function factValueText(def: FactDef, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return formatNumber(v, 10);
  if (Array.isArray(v)) return v.map((x) => factValueText(def, x)).join('、');
  if (def.type === 'date' && typeof v === 'string') return chineseDate(v);
  return String(v);
}

function valueNumber(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

const COLUMNS: AnnexColumnView[] = [
  { key: 'seq', label: '序号', width: 8 },
  { key: 'indicator', label: '统计指标', width: 64 },
  { key: 'unit', label: '单位', width: 10 },
  { key: 'value', label: '统计数', width: 18 },
];

/**
 * The companion sheet of `table` (e.g. 附件2), filled from `input.evidence` (and the office's corrections in
 * `input.review`), or blank when no evidence is given.
 * @throws Error when the rubric does not declare the table (callers check annexTables first)
 */
export function buildAnnexView(compiled: CompiledRubric, table: string, input: AnnexInput = {}, opts: AnnexOptions = {}): AnnexViewModel {
  const r = compiled.rubric;
  const tables = r.statTables ?? {};
  if (!own(tables, table)) throw new Error(`statTables has no ${table}`);
  const t = tables[table]!;
  const ev = input.evidence?.evidence;
  const corrections = input.review?.review.corrections ?? {};
  const blank = ev === undefined;

  const rows: AnnexRowView[] = [];
  for (const h of t.headings) {
    rows.push({
      kind: 'heading',
      isHeading: true,
      seq: String(h.row),
      row: h.row,
      indicator: fullWidthPunctuation(h.text),
      unit: h.unit ?? '',
      factId: '',
      valueText: '',
      valueNumber: null,
      corrected: false,
      originalText: '',
      missing: false,
      checkFailed: false,
    });
  }
  const correctionViews: Array<AnnexCorrectionView & { row: number }> = [];
  for (const [id, def] of Object.entries(r.facts)) {
    const s = def.statRow;
    if (!s || s.table !== table) continue;
    const indicator = fullWidthPunctuation(s.text ?? def.label);
    const unit = def.unit ?? '';
    let value: unknown = null;
    let corrected = false;
    let originalText = '';
    if (ev) {
      const given = own(ev.facts, id) ? normaliseFactValue(def, ev.facts[id]) : null;
      value = given ?? null;
      if (own(corrections, id)) {
        const c = corrections[id]!;
        const fixed = normaliseFactValue(def, c.value);
        if (fixed !== undefined) {
          corrected = true;
          originalText = factValueText(def, value) || '未填';
          value = fixed;
          correctionViews.push({
            row: s.row,
            seq: String(s.row),
            indicator,
            originalText,
            correctedText: factValueText(def, fixed) || '空白',
            unit,
            reason: c.reason,
            by: c.by,
            dateText: chineseDate(c.date),
          });
        }
      }
    }
    const valueText = factValueText(def, value);
    rows.push({
      kind: 'fact',
      isHeading: false,
      seq: String(s.row),
      row: s.row,
      indicator,
      unit,
      factId: id,
      valueText,
      valueNumber: valueNumber(value),
      corrected,
      originalText,
      missing: !blank && valueText === '',
      checkFailed: false,
    });
  }
  // Row numbers are unique within a table (checked with the rubric); the id breaks a tie only for safety.
  rows.sort((a, b) => a.row - b.row || a.factId.localeCompare(b.factId));

  // Checks within the table (every fact they read is one of its rows), on the values the table shows.
  const tableFacts = new Set(rows.filter((x) => x.factId !== '').map((x) => x.factId));
  const inTable = ev
    ? evaluateChecks(r.checks, r.facts, collectFactValues(compiled, ev, correctedValues(compiled, input.review?.review ?? null)), input.review?.review.checks ?? {}).filter(
        (c) => c.values.length > 0 && c.values.every((v) => tableFacts.has(v.fact)),
      )
    : [];
  const failedFacts = new Set(inTable.filter((c) => c.outcome === 'fail').flatMap((c) => c.values.map((v) => v.fact)));
  for (const x of rows) x.checkFailed = failedFacts.has(x.factId);
  correctionViews.sort((a, b) => a.row - b.row);

  const year = ev?.period.year ?? r.year;
  const who = ev ? (ev.agency.shortName ?? ev.agency.name) : '';
  const orientation = opts.orientation ?? 'portrait';
  return {
    view: 'annex',
    lang: 'zh-CN',
    blank,
    table,
    attachmentLabel: opts.attachmentLabel ?? (/^附件/.test(table) ? table : ''),
    title: `${year !== undefined ? `${year}年度` : ''}${who}${t.title}`,
    rubric: { id: r.id, title: r.title, version: r.version, issuer: r.issuer ?? '', year: r.year !== undefined ? String(r.year) : '' },
    agency: { name: ev?.agency.name ?? '', shortName: ev?.agency.shortName ?? '', code: ev?.agency.code ?? '' },
    periodText: ev?.period.label ?? (year !== undefined ? `${year}年度` : ''),
    dateText: chineseDate(ev?.date ?? ''),
    page: { size: 'A4', orientation, landscape: orientation === 'landscape' },
    columns: COLUMNS.map((c) => ({ ...c })),
    rows,
    missingCount: rows.filter((x) => x.missing).length,
    corrections: correctionViews.map(({ row: _row, ...c }) => c),
    hasCorrections: correctionViews.length > 0,
    checkSummary: checkSummaryText(inTable),
    failedChecks: buildCheckViews(inTable).filter((c) => c.failed),
    signature: { preparedBy: ev?.preparedBy ?? '', reviewedBy: ev?.reviewedBy ?? '', date: chineseDate(ev?.date ?? '') },
    stamp: {
      rubricVersion: r.version,
      rubricHash: compiled.hash,
      evidenceHash: input.evidence?.hash ?? '',
      reviewHash: input.review?.hash ?? '',
      engine: `zwgk-score ${ENGINE_VERSION}`,
    },
  };
}
