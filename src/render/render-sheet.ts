// One entry point from a sheet view model (a report's or the blank form's) to any sheet format.
import { renderSheetCsv } from '../formatters/csv.js';
import { renderHtml } from '../formatters/html.js';
import { renderSheetMarkdown } from '../formatters/md.js';
import { printHtmlToPdf } from '../formatters/pdf.js';
import { renderSheetXlsx } from '../formatters/xlsx.js';
import type { SheetViewModel, SummaryViewModel } from './view-types.js';

export const SHEET_FORMATS = ['html', 'pdf', 'xlsx', 'md', 'csv'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

export interface RenderContext {
  /** --template <dir>: overrides built-in templates/partials by file name (HTML and PDF). */
  templateDir?: string;
  /** Chromium executable (default $CHROMIUM_PATH, then /usr/bin/chromium). */
  chromiumPath?: string;
}

export function isSheetFormat(f: string): f is SheetFormat {
  return (SHEET_FORMATS as readonly string[]).includes(f);
}

/** Render the 自查评分表 in a format. Binary formats (xlsx, pdf) give bytes. */
export async function renderSheetAs(vm: SheetViewModel, format: SheetFormat, ctx: RenderContext = {}): Promise<string | Uint8Array> {
  switch (format) {
    case 'html':
      return renderHtml(vm, ctx.templateDir);
    case 'pdf':
      return printHtmlToPdf(await renderHtml(vm, ctx.templateDir), { orientation: vm.page.orientation, chromiumPath: ctx.chromiumPath });
    case 'xlsx':
      return renderSheetXlsx(vm);
    case 'md':
      return renderSheetMarkdown(vm);
    case 'csv':
      return renderSheetCsv(vm);
  }
}

/** Render the 领导版 summary as HTML or PDF. */
export async function renderSummaryAs(vm: SummaryViewModel, format: 'html' | 'pdf', ctx: RenderContext = {}): Promise<string | Uint8Array> {
  const html = await renderHtml(vm, ctx.templateDir);
  return format === 'html' ? html : printHtmlToPdf(html, { orientation: vm.page.orientation, chromiumPath: ctx.chromiumPath });
}
