// `zwgk demo` (npm start): score the bundled example agency (鄂托克前旗住建局 2017, seed 003), write its
// 自查评分表 (HTML, xlsx) and 领导版 summary (HTML) into the output directory, and print the summary.
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, resolve } from 'node:path';
import { loadEvidence, scoreEvidence } from '../api.js';
import { renderHtml } from '../formatters/html.js';
import { renderSheetXlsx } from '../formatters/xlsx.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { formatSummaryText } from '../render/summary-text.js';
import { buildSummaryViewModel } from '../render/summary-view.js';
import { buildSheetViewModel } from '../render/view-model.js';
import { loadRubricOrReport, printDiagnostics } from './commands-core.js';
import { EXIT, type CliIo } from './io.js';
import { renderOrExplain } from './output.js';

export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_RUBRIC = join(PACKAGE_ROOT, 'rubrics', 'etuokeqianqi-2017.yaml');
export const DEMO_EVIDENCE = join(PACKAGE_ROOT, 'examples', 'etuokeqianqi-2017', 'zhujianju.yaml');

/** A file-name-safe stem from agency data (letters, digits, CJK, - and _ only). */
function fileStem(s: string): string {
  return s.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 60) || 'agency';
}

export async function commandDemo(io: CliIo, flags: { outDir: string }): Promise<number> {
  const rel = (p: string): string => relative(io.cwd, p) || p;
  const compiled = await loadRubricOrReport(io, rel(DEMO_RUBRIC));
  if (!compiled) return EXIT.INVALID_INPUT;
  const ev = await loadEvidence(rel(DEMO_EVIDENCE), compiled, io.cwd);
  if (!ev.ok) {
    await printDiagnostics(io, ev.diagnostics);
    return EXIT.INVALID_INPUT;
  }
  const report = await scoreEvidence(compiled, ev.value);
  const summary = buildSummaryViewModel(report);
  const stem = `${fileStem(report.agency.shortName ?? report.agency.code)}-${report.period.year}`;
  const dir = resolve(io.cwd, flags.outDir);
  const files = [
    { name: `${stem}-自查评分表.html`, what: '自查评分表（经办人版，浏览器打开后可打印）', make: () => renderHtml(buildSheetViewModel(report)) },
    { name: `${stem}-自查评分表.xlsx`, what: '自查评分表（Excel / WPS）', make: () => renderSheetXlsx(buildSheetViewModel(report)) },
    { name: `${stem}-领导版摘要.html`, what: '领导版摘要（一页）', make: () => renderHtml(summary) },
  ];
  const written: string[] = [];
  for (const f of files) {
    const out = await renderOrExplain(io, f.make);
    if (typeof out === 'number') return out;
    const path = join(dir, f.name);
    await writeFileAtomic(path, out);
    written.push(`  ${rel(path)}  ${f.what}`);
  }
  io.stdout(formatSummaryText(summary));
  io.stdout(
    `\n已生成：\n${written.join('\n')}\n` +
      `\n打印 PDF（需要 chromium 和 fonts-noto-cjk）：\n` +
      `  npx zwgk score ${rel(DEMO_EVIDENCE)} --rubric ${rel(DEMO_RUBRIC)} --format pdf --out ${rel(join(dir, `${stem}-自查评分表.pdf`))}\n`,
  );
  return EXIT.OK;
}
