// One entry point from a sheet view model (a report's or the blank form's) to any sheet format. Each format's writer
// (Handlebars, exceljs, Chromium through playwright-core) is imported when that format is asked for, so scoring to
// text or json loads none of them.
import type { SheetViewModel, SummaryViewModel } from './view-types.js';

export const SHEET_FORMATS = ['html', 'pdf', 'xlsx', 'md', 'csv'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

export interface RenderContext {
  /** --template <dir>: overrides built-in templates/partials by file name (HTML and PDF). */
  templateDir?: string;
  /** Chromium executable (default $CHROMIUM_PATH, then /usr/bin/chromium). */
  chromiumPath?: string;
}

const html = () => import('../formatters/html.js');
const pdf = () => import('../formatters/pdf.js');

export function isSheetFormat(f: string): f is SheetFormat {
  return (SHEET_FORMATS as readonly string[]).includes(f);
}

/** Render the 自查评分表 in a format. Binary formats (xlsx, pdf) give bytes. */
export async function renderSheetAs(vm: SheetViewModel, format: SheetFormat, ctx: RenderContext = {}): Promise<string | Uint8Array> {
  switch (format) {
    case 'html':
      return (await html()).renderHtml(vm, ctx.templateDir);
    case 'pdf':
      return (await pdf()).printHtmlToPdf(await (await html()).renderHtml(vm, ctx.templateDir), { orientation: vm.page.orientation, chromiumPath: ctx.chromiumPath });
    case 'xlsx':
      return (await import('../formatters/xlsx.js')).renderSheetXlsx(vm);
    case 'md':
      return (await import('../formatters/md.js')).renderSheetMarkdown(vm);
    case 'csv':
      return (await import('../formatters/csv.js')).renderSheetCsv(vm);
  }
}

/** Render the 领导版 summary as HTML or PDF. */
export async function renderSummaryAs(vm: SummaryViewModel, format: 'html' | 'pdf', ctx: RenderContext = {}): Promise<string | Uint8Array> {
  const page = await (await html()).renderHtml(vm, ctx.templateDir);
  return format === 'html' ? page : (await pdf()).printHtmlToPdf(page, { orientation: vm.page.orientation, chromiumPath: ctx.chromiumPath });
}
