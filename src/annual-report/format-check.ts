// Formatters of the check contract (AnnualReportCheck): text for the terminal, JSON (the contract itself) and a
// self-contained HTML page. Same input → byte-identical output (no timestamps).
import { escapeControlCharsInJson, stripControlChars } from '../diagnostics/control-chars.js';
import { OUTCOME_TEXT, type CheckResult } from './checks/check-types.js';
import type { AnnualReportCheck } from './check-report.js';
import type { AnnualReport } from './model.js';
import { formatTablesText } from './format-tables.js';
import { layoutOf } from './layout.js';
import { cellKey } from './model.js';

export const CHECK_FORMATS = ['text', 'json', 'html'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

const FORMAT_NAME = { '2021': '2021 年格式（国办公开办函〔2021〕30号）', '2019': '2019 年试行格式（国办公开办函〔2019〕60号）', free: '自由格式（2019 年以前）' } as const;
const KIND = { hard: '硬性', soft: '提示性', info: '说明' } as const;

function identity(c: AnnualReportCheck): string[] {
  const r = c.report;
  return [
    `年报：${r.file}`,
    `  单位：${r.agency ?? '（页面未写明）'}；年度：${r.year ?? '（未知）'}；发布日期：${r.publishedOn ?? '（页面未写明）'}`,
    `  格式：${FORMAT_NAME[r.format]}${r.traditional ? '；原文为繁体，已转为简体读取' : ''}`,
    ...(c.previous ? [`  上年年报：${c.previous.file}(${c.previous.year ?? '年度未知'})`] : []),
  ];
}

const readsText = (res: CheckResult['items'][number]): string =>
  res.reads.length && res.reads.length <= 12 ? `\n      读取：${res.reads.map((x) => `${x.report === '本年' ? '' : `[${x.report}]`}${x.ref} = ${x.value ?? '空白'}`).join('；')}` : '';

export function formatCheckText(c: AnnualReportCheck, report: AnnualReport): string {
  const out = [...identity(c), ''];
  if (report.format !== 'free') out.push(formatTablesText(report), '');
  else if (report.candidates.length) out.push(`自由格式年报没有统一统计表；正文和旧统计表中有 ${report.candidates.length} 个待确认的数字，用 zwgk report show 查看。`, '');
  out.push('核验结果');
  for (const r of c.results) {
    out.push(`  ${r.id.padEnd(3)} ${OUTCOME_TEXT[r.outcome]}(${r.outcome})  ${r.title}〔${KIND[r.kind]}〕  ${r.items.length} 项`);
    // Failures and warnings are shown with the cells read; items that are not assessable (blank cells) are
    // shown up to three per check, the rest counted (all of them are in --format json).
    let unassessed = 0;
    for (const i of r.items) {
      if (i.outcome === 'PASS' && r.id !== 'S5' && r.id !== 'S8' && r.id !== 'S9' && r.id !== 'S7') continue;
      if (i.outcome === 'NOT_ASSESSABLE' && ++unassessed > 3) continue;
      out.push(`    - ${OUTCOME_TEXT[i.outcome]}  ${i.label}：${i.detail}${i.outcome === 'FAIL' || i.outcome === 'WARN' ? readsText(i) : ''}`);
    }
    if (unassessed > 3) out.push(`    - 另有 ${unassessed - 3} 项无法判断（空白单元格），完整列表见 --format json`);
  }
  if (c.skipped.length) {
    out.push('', '未执行');
    for (const s of c.skipped) out.push(`  ${s.id.padEnd(3)} ${s.title}:${s.reason}`);
  }
  const s = c.summary;
  out.push('', `结论：${OUTCOME_TEXT[s.outcome]}（通过 ${s.PASS}，提醒 ${s.WARN}，不通过 ${s.FAIL}，无法判断 ${s.NOT_ASSESSABLE}）`);
  // Text from the report (agency, quoted sentences) reaches a terminal: control characters stripped.
  return stripControlChars(out.join('\n') + '\n');
}

export function formatCheckJson(c: AnnualReportCheck): string {
  return escapeControlCharsInJson(JSON.stringify(c, null, 2) + '\n');
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

export function formatCheckHtml(c: AnnualReportCheck, report: AnnualReport): string {
  return stripControlChars(checkHtml(c, report));
}

function checkHtml(c: AnnualReportCheck, report: AnnualReport): string {
  const cells = new Map(c.cells.map((x) => [cellKey(x.table, x.row, x.column), x]));
  const tables = layoutOf(report.format)
    .map(({ table, rows }) => {
      const body = rows
        .map((r) => `<tr><th>${esc(r.name)}${r.unit ? `(${esc(r.unit)})` : ''}</th>${r.columns.map((col) => {
          const x = cells.get(cellKey(table, r.name, col));
          return `<td title="${esc(col)}">${esc(x?.value ?? '空白')}</td>`;
        }).join('')}</tr>`)
        .join('\n');
      return `<h2>${table}</h2>\n<table>\n${body}\n</table>`;
    })
    .join('\n');
  const results = c.results
    .map((r) => {
      const items = r.items.map((i) => `<li class="${i.outcome}">${esc(OUTCOME_TEXT[i.outcome])}:${esc(i.label)} — ${esc(i.detail)}</li>`).join('');
      return `<tr class="${r.outcome}"><td>${r.id}</td><td>${esc(OUTCOME_TEXT[r.outcome])}</td><td>${esc(r.title)}<div class="basis">依据：${esc(r.basis)}</div><ul>${items}</ul></td></tr>`;
    })
    .join('\n');
  const skipped = c.skipped.map((s) => `<li>${s.id} ${esc(s.title)}:${esc(s.reason)}</li>`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>年报核验:${esc(c.report.agency ?? c.report.file)}</title>
<style>body{font-family:"Noto Sans CJK SC",sans-serif;margin:2em;font-size:14px}table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #999;padding:2px 6px}th{text-align:left;font-weight:normal}td{text-align:right}.FAIL td:nth-child(2){color:#b00;font-weight:bold}.WARN td:nth-child(2){color:#a60}.basis{color:#666;font-size:12px}#checks td{text-align:left;vertical-align:top}li.PASS{color:#555}</style></head>
<body><h1>政府信息公开工作年度报告核验</h1>
<p>${identity(c).map(esc).join('<br>')}</p>
${tables}
<h2>核验结果</h2>
<table id="checks">
${results}
</table>
${skipped ? `<h2>未执行</h2><ul>${skipped}</ul>` : ''}
<p>结论：${esc(OUTCOME_TEXT[c.summary.outcome])}（通过 ${c.summary.PASS}，提醒 ${c.summary.WARN}，不通过 ${c.summary.FAIL}，无法判断 ${c.summary.NOT_ASSESSABLE}）</p>
</body></html>
`;
}
