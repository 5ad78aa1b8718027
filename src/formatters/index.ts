// The formatter registry: each formatter consumes only the ScoreReport. Binary formats return bytes.
//   text, json           — terminal summary and the report contract
//   html, pdf            — the 自查评分表 (经办人版) printed from Handlebars templates
//   summary-html/-pdf    — the one-page 领导版
//   xlsx, md, csv        — the same sheet for Excel/WPS, Markdown and spreadsheets
import type { ScoreReport } from '../report/score-report.js';
import { renderSheetAs, renderSummaryAs, type RenderContext, type SheetFormat } from '../render/render-sheet.js';
import type { ViewOptions } from '../render/sheet-source.js';
import { buildSummaryViewModel } from '../render/summary-view.js';
import { buildSheetViewModel } from '../render/view-model.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';
import { escapeControlCharsInJson, stripControlChars } from '../diagnostics/control-chars.js';

export interface FormatContext extends RenderContext {
  orientation?: 'portrait' | 'landscape';
  /** For html/pdf: the full sheet (default) or the leader summary (the same as summary-html / summary-pdf). */
  view?: 'sheet' | 'summary';
  /** Always show the 整改情况 column. */
  remediation?: boolean;
  /** 附件 label printed above the title (附件1). */
  attachmentLabel?: string;
}

export type FormatOutput = string | Uint8Array;
export type Formatter = (report: ScoreReport, ctx: FormatContext) => FormatOutput | Promise<FormatOutput>;

function viewOptions(ctx: FormatContext): ViewOptions {
  const o: ViewOptions = {};
  if (ctx.orientation) o.orientation = ctx.orientation;
  if (ctx.remediation) o.remediation = true;
  if (ctx.attachmentLabel) o.attachmentLabel = ctx.attachmentLabel;
  return o;
}

const sheet =
  (format: SheetFormat): Formatter =>
  (r, ctx) =>
    format === 'html' || format === 'pdf'
      ? ctx.view === 'summary'
        ? renderSummaryAs(buildSummaryViewModel(r, viewOptions(ctx)), format, ctx)
        : renderSheetAs(buildSheetViewModel(r, viewOptions(ctx)), format, ctx)
      : renderSheetAs(buildSheetViewModel(r, viewOptions(ctx)), format, ctx);

const summary =
  (format: 'html' | 'pdf'): Formatter =>
  (r, ctx) =>
    renderSummaryAs(buildSummaryViewModel(r, viewOptions(ctx)), format, ctx);

export const formatters = {
  text: (r) => formatText(r),
  json: (r) => formatJson(r),
  html: sheet('html'),
  'summary-html': summary('html'),
  pdf: sheet('pdf'),
  'summary-pdf': summary('pdf'),
  xlsx: sheet('xlsx'),
  md: sheet('md'),
  csv: sheet('csv'),
} satisfies Record<string, Formatter>;

export type FormatterName = keyof typeof formatters;

/** Formats whose output is bytes: they need --out. */
export const BINARY_FORMATS: ReadonlySet<string> = new Set<FormatterName>(['xlsx', 'pdf', 'summary-pdf']);

export function isFormatterName(name: string): name is FormatterName {
  return Object.prototype.hasOwnProperty.call(formatters, name);
}

export async function formatReport(report: ScoreReport, format: FormatterName, ctx: FormatContext = {}): Promise<FormatOutput> {
  const out = await formatters[format](report, ctx);
  // Second defence after the parser's refusal: no control character from a report reaches a terminal or file.
  // (JSON escapes them itself, and a saved report read back by `zwgk render` may predate the refusal.)
  if (typeof out !== 'string') return out;
  return format === 'json' ? escapeControlCharsInJson(out) : stripControlChars(out);
}
