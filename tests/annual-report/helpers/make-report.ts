// Builds annual reports for tests: figures that satisfy H1–H4 by construction, rendered as `|` text (the seed 002
// layout) or as an HTML page in the shape of saved government pages (rowspan labels, colspan headers, cells split
// across <p>/<span>, full-width digits, the unit in its own element).
import { resultLeaves, T2_ROWS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_ROWS } from '../../../src/annual-report/layout.js';

export type Val = number | string | null;

export interface Figures {
  format: '2021' | '2019';
  year: number;
  agency: string;
  /** 表二 by official row name. */
  t2: Record<string, Val[]>;
  /** 表三 by row id (layout.ts), seven columns each. */
  t3: Record<string, Val[]>;
  /** 表四: 15 values (复议 5, 直接起诉 5, 复议后起诉 5). */
  t4: Val[];
  /** Sections 一 … 六 (text after each heading). */
  sections: [string, string, string, string, string, string];
  published?: string;
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/**
 * 表三 consistent with H1–H3: leaves and 结转下年度 by column (6 applicant columns), 上年结转 capped so that
 * 一 = (七) + 四 − 二 stays ≥ 0; every 总计 is the row sum.
 */
export function consistentT3(format: '2021' | '2019', leaves: Record<string, number[]>, carried: number[], forward: number[]): Record<string, number[]> {
  const withTotal = (xs: number[]): number[] => [...xs, sum(xs)];
  const t3: Record<string, number[]> = {};
  const total = [0, 0, 0, 0, 0, 0];
  for (const r of resultLeaves(format)) {
    const v = leaves[r.id] ?? [0, 0, 0, 0, 0, 0];
    t3[r.id] = withTotal(v);
    v.forEach((x, i) => (total[i]! += x));
  }
  const carriedOk = carried.map((c, i) => Math.min(c, total[i]! + forward[i]!));
  t3.total = withTotal(total);
  t3.forward = withTotal(forward);
  t3.carried = withTotal(carriedOk);
  t3.new = withTotal(total.map((t, i) => t + forward[i]! - carriedOk[i]!));
  return t3;
}

/** 表四 consistent with H4 from the four results of each of the three groups. */
export function consistentT4(groups: number[][]): number[] {
  return groups.flatMap((g) => [...g, sum(g)]);
}

export const SECTION_HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

const show = (v: Val): string => (v === null ? '' : String(v));

/** The seed-002 layout: one cell per line ending in ` |`, rows padded with `||`. */
export function toPipeText(f: Figures): string {
  const out: string[] = [`${f.agency}${f.year}年政府信息公开工作年度报告`, ...(f.published ? [`发布时间:${f.published}`] : []), SECTION_HEADINGS[0]!, f.sections[0], SECTION_HEADINGS[1]!];
  const cell = (s: string): void => void out.push(`${s === '' ? '/' : s} |`);
  for (const r of T2_ROWS[f.format]) {
    out.push('信息内容 |', ...r.columns.map((c) => `${c} |`), '||');
    cell(r.name);
    (f.t2[r.name] ?? r.columns.map(() => 0)).forEach((v) => cell(show(v)));
    out.push('||');
  }
  out.push(SECTION_HEADINGS[2]!, '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |', '申请人情况 |', '||||||||', '自然人 |', '法人或其他组织 |', '总计 |', '|||||||');
  for (const c of T3_COLUMNS.slice(1, 6)) out.push(`${c} |`);
  out.push('|||||');
  let group = '';
  for (const r of T3_ROWS[f.format]) {
    if (r.id === 'open') out.push('三、本年度办理结果 |');
    const g = r.name.includes('/') && !r.name.startsWith('三、') ? r.name.split('/')[0]! : '';
    if (g && g !== group) out.push(`${g.replace('（', '(').replace('）', ')')} |`);
    group = g;
    cell(r.name.split('/').pop()!.replace('（', '(').replace('）', ')'));
    (f.t3[r.id] ?? []).forEach((v) => cell(show(v)));
    out.push('||');
  }
  out.push(SECTION_HEADINGS[3]!, '行政复议 |', '行政诉讼 |', '|||||||||||||');
  for (const c of T4_COLUMNS) out.push(`${c} |`);
  out.push('未经复议直接起诉 |', '复议后起诉 |', '||||||||');
  for (let k = 0; k < 2; k++) for (const c of T4_COLUMNS) out.push(`${c} |`);
  out.push('|||||');
  f.t4.forEach((v) => cell(show(v)));
  out.push(SECTION_HEADINGS[4]!, f.sections[4], SECTION_HEADINGS[5]!, f.sections[5]);
  return out.join('\n') + '\n';
}

const FULL = '０１２３４５６７８９';
const fullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => FULL[Number(d)]!).replace('.', '．');
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface HtmlQuirks {
  /** Write digits full-width (１２). */
  fullWidthDigits?: boolean;
  /** Split numbers across <p><span> (<p><span>1</span><span>2</span></p>). */
  splitCells?: boolean;
}

function htmlValue(v: Val, q: HtmlQuirks): string {
  if (v === null) return '<td></td>';
  let s = show(v);
  if (q.fullWidthDigits) s = fullWidth(s);
  if (q.splitCells && s.length > 1) return `<td><p style="text-align:center"><span>${esc(s.slice(0, 1))}</span><span lang="EN-US">${esc(s.slice(1))}</span></p></td>`;
  return `<td><p align="center">${esc(s)}</p></td>`;
}

/** A saved report page: <head> with title and a script, layout table around the content, data tables with spans. */
export function toHtml(f: Figures, q: HtmlQuirks = {}): string {
  const p = (s: string): string => s.split('\n').map((l) => `<p style="text-indent:2em"><span style="font-family:仿宋">${esc(l)}</span></p>`).join('\n');
  const t2 = T2_ROWS[f.format]
    .map((r) => {
      const unit = r.unit ? `<span>(单位:</span><span>${r.unit}</span><span>)</span>` : '';
      return `<table border="1" cellspacing="0"><tbody>
<tr><td colspan="${r.columns.length + 1}"><p><strong>第二十条</strong></p></td></tr>
<tr><td><p>信息内容</p></td>${r.columns.map((c, i) => `<td><p>${esc(c)}${i === r.columns.length - 1 ? unit : ''}</p></td>`).join('')}</tr>
<tr><td><p>${esc(r.name)}</p></td>${(f.t2[r.name] ?? r.columns.map(() => 0)).map((v) => htmlValue(v, q)).join('')}</tr>
</tbody></table>`;
    })
    .join('\n');
  const rows = T3_ROWS[f.format];
  const resultRows = rows.filter((r) => r.name.startsWith('三、') || r.name.startsWith('（'));
  let t3 = `<table border="1" cellspacing="0" style="width:100%"><tbody>
<tr><td colspan="3" rowspan="3"><p>(本列数据的勾稽关系为:第一项加第二项之和,</p><p>等于第三项加第四项之和)</p></td><td colspan="7"><p>申请人情况</p></td></tr>
<tr><td rowspan="2"><p>自然人</p></td><td colspan="5"><p>法人或其他组织</p></td><td rowspan="2"><p>总计</p></td></tr>
<tr>${T3_COLUMNS.slice(1, 6).map((c) => `<td><p>${c.length === 4 ? `${c.slice(0, 2)}<br>${c.slice(2)}` : c}</p></td>`).join('')}</tr>\n`;
  let group = '';
  for (const r of rows) {
    const values = (f.t3[r.id] ?? []).map((v) => htmlValue(v, q)).join('');
    const leaf = r.name.split('/').pop()!;
    let lead = '';
    if (r.id === 'open') lead += `<td rowspan="${resultRows.length}"><p>三、本年度办理结果</p></td>`;
    const g = r.name.includes('/') && !r.name.startsWith('三、') ? r.name.split('/')[0]! : '';
    if (g && g !== group) lead += `<td rowspan="${rows.filter((x) => x.name.startsWith(`${g}/`)).length}"><p>${esc(g)}</p></td>`;
    group = g;
    if (!r.name.includes('/')) t3 += `<tr><td colspan="3"><p>${esc(r.name)}</p></td>${values}</tr>\n`;
    else if (!g) t3 += `<tr>${lead}<td colspan="2"><p>${esc(leaf)}</p></td>${values}</tr>\n`;
    else t3 += `<tr>${lead}<td><p>${esc(leaf)}</p></td>${values}</tr>\n`;
  }
  t3 += '</tbody></table>';
  const t4 = `<table border="1" cellspacing="0"><tbody>
<tr><td colspan="5" rowspan="2"><p>行政复议</p></td><td colspan="10"><p>行政诉讼</p></td></tr>
<tr><td colspan="5"><p>未经复议直接起诉</p></td><td colspan="5"><p>复议后起诉</p></td></tr>
<tr>${[...T4_COLUMNS, ...T4_COLUMNS, ...T4_COLUMNS].map((c) => `<td><p>${c}</p></td>`).join('')}</tr>
<tr>${f.t4.map((v) => htmlValue(v, q)).join('')}</tr>
</tbody></table>`;
  const body = [
    `<h1>${esc(f.agency)}${f.year}年政府信息公开工作年度报告</h1>`,
    f.published ? `<div class="info"><span>发布时间:</span><span>${f.published} 09:30</span></div>` : '',
    `<p><strong>${SECTION_HEADINGS[0]}</strong></p>`, p(f.sections[0]),
    `<p><strong>${SECTION_HEADINGS[1]}</strong></p>`, t2,
    `<p><strong>${SECTION_HEADINGS[2]}</strong></p>`, t3,
    `<p><strong>${SECTION_HEADINGS[3]}</strong></p>`, t4,
    `<p><strong>${SECTION_HEADINGS[4]}</strong></p>`, p(f.sections[4]),
    `<p><strong>${SECTION_HEADINGS[5]}</strong></p>`, p(f.sections[5]),
  ].join('\n');
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>${esc(f.agency)}${f.year}年政府信息公开工作年度报告</title>
<script>var _hmt = _hmt || []; document.write("<table><tr><td>行政复议</td><td>99</td></tr></table>");</script>
<style>.info{color:#666}</style></head>
<body><table class="layout" width="1000"><tr><td class="nav"><a href="/">首页</a> &gt; 政府信息公开年报</td></tr>
<tr><td class="content">
${body}
</td></tr></table>
<script src="/js/share.js"></script></body></html>
`;
}
