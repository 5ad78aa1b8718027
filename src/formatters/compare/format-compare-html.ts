// `zwgk compare --format html`: one self-contained page (no network: a CSP forbids every fetch) with the sortable
// table, a bar chart of totals and a section heatmap as inline SVG. Rendered from templates/compare.hbs in this
// module's own isolated Handlebars environment (Handlebars.create(), strict, known helpers only, no helpers at
// all): every value is escaped; unescaped output ({{{ }}}, {{& }}) is refused when the template is compiled.
import Handlebars from 'handlebars';
import { readFile } from 'node:fs/promises';
import type { CompareReport } from '../../cohort/compare-report.js';
import { typesetView } from '../../render/chinese-text.js';
import { buildCompareHtmlView, type CompareHtmlOptions, type CompareHtmlView } from './compare-html-view.js';

export const COMPARE_TEMPLATE = new URL('../../../templates/compare.hbs', import.meta.url);

let compiled: Promise<HandlebarsTemplateDelegate<CompareHtmlView>> | null = null;

function assertEscapedOnly(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(assertEscapedOnly);
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (o.type === 'MustacheStatement' && o.escaped === false) throw new Error('templates/compare.hbs 使用了不转义输出（{{{ }}} 或 {{& }}）');
  for (const v of Object.values(o)) if (v && typeof v === 'object') assertEscapedOnly(v);
}

async function compileTemplate(): Promise<HandlebarsTemplateDelegate<CompareHtmlView>> {
  const text = await readFile(COMPARE_TEMPLATE, 'utf8');
  const env = Handlebars.create();
  const ast = env.parse(text);
  assertEscapedOnly(ast);
  return env.compile<CompareHtmlView>(ast, { strict: true, knownHelpersOnly: true });
}

/** Render the comparison as one HTML page. */
export async function formatCompareHtml(report: CompareReport, opts: CompareHtmlOptions = {}): Promise<string> {
  compiled ??= compileTemplate().catch((err) => {
    compiled = null;
    throw err;
  });
  const template = await compiled;
  // Chinese typography for every text the page shows (rubric titles, messages and notes typed with half-width marks).
  return template(typesetView(buildCompareHtmlView(report, opts)));
}
