// `--format html` (经办人版 sheet) and `summary-html` (领导版): view model → Handlebars templates (built-in, or
// overridden by --template <dir>).
import type { ScoreReport } from '../report/score-report.js';
import { loadTemplateSet } from '../render/handlebars-env.js';
import type { ViewOptions } from '../render/sheet-source.js';
import { buildSummaryViewModel } from '../render/summary-view.js';
import { buildSheetViewModel } from '../render/view-model.js';
import type { SheetViewModel, SummaryViewModel } from '../render/view-types.js';

/** Render a sheet or summary view model to an HTML document. */
export async function renderHtml(vm: SheetViewModel | SummaryViewModel, templateDir?: string): Promise<string> {
  const set = await loadTemplateSet(templateDir);
  return set.render(vm.view, vm);
}

/** The report as HTML: the full sheet, or the leader summary. */
export function formatHtml(report: ScoreReport, view: 'sheet' | 'summary', opts: ViewOptions, templateDir?: string): Promise<string> {
  const vm = view === 'summary' ? buildSummaryViewModel(report, opts) : buildSheetViewModel(report, opts);
  return renderHtml(vm, templateDir);
}
