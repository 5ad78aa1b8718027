// One entry point from a statistics-table companion view model (附件2 等, annex-view.ts) to its formats:
// HTML (templates/annex.hbs), PDF (that HTML printed by Chromium, A4, 第N页/共M页), xlsx and Markdown.
import { renderAnnexMarkdown } from '../formatters/annex-md.js';
import { renderAnnexXlsx } from '../formatters/annex-xlsx.js';
import { printHtmlToPdf } from '../formatters/pdf.js';
import type { AnnexViewModel } from './annex-view.js';
import { loadTemplateSet } from './handlebars-env.js';
import type { RenderContext } from './render-sheet.js';

export const ANNEX_FORMATS = ['html', 'pdf', 'xlsx', 'md'] as const;
export type AnnexFormat = (typeof ANNEX_FORMATS)[number];

export function isAnnexFormat(f: string): f is AnnexFormat {
  return (ANNEX_FORMATS as readonly string[]).includes(f);
}

export async function renderAnnexHtml(vm: AnnexViewModel, templateDir?: string): Promise<string> {
  const set = await loadTemplateSet(templateDir);
  return set.render('annex', vm);
}

/** Render the companion sheet in a format; xlsx and pdf give bytes. */
export async function renderAnnexAs(vm: AnnexViewModel, format: AnnexFormat, ctx: RenderContext = {}): Promise<string | Uint8Array> {
  switch (format) {
    case 'html':
      return renderAnnexHtml(vm, ctx.templateDir);
    case 'pdf':
      return printHtmlToPdf(await renderAnnexHtml(vm, ctx.templateDir), { orientation: vm.page.orientation, chromiumPath: ctx.chromiumPath });
    case 'xlsx':
      return renderAnnexXlsx(vm);
    case 'md':
      return renderAnnexMarkdown(vm);
  }
}
