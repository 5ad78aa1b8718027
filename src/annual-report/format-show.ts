// `zwgk report show`: the parsed report for a person to compare with the page — JSON (the model) or Markdown
// (tables, sections, candidate facts with their sentences).
import { escapeControlCharsInJson, stripControlChars } from '../diagnostics/control-chars.js';
import type { AnnualReport } from './model.js';
import { formatTablesMarkdown } from './format-tables.js';

export const SHOW_FORMATS = ['json', 'md'] as const;
export type ShowFormat = (typeof SHOW_FORMATS)[number];

export function formatShowJson(report: AnnualReport): string {
  return escapeControlCharsInJson(JSON.stringify(report, null, 2) + '\n');
}

const FORMAT_NAME = { '2021': '2021 年格式', '2019': '2019 年试行格式', free: '自由格式（2019 年以前）' } as const;
const md = (s: string): string => s.replace(/([\\|*_`[\]<>#])/g, '\\$1');

export function formatShowMarkdown(report: AnnualReport): string {
  const out = [
    `# ${md(report.agency ?? '（单位未写明）')} ${report.year ?? ''}年度政府信息公开工作年度报告`,
    '',
    `- 文件：${md(report.file)}`,
    `- 格式：${FORMAT_NAME[report.format]}${report.traditional ? '（原文繁体，已转简体）' : ''}`,
    `- 发布日期：${report.publishedOn ?? '（页面未写明）'}`,
    '',
  ];
  if (report.format !== 'free') out.push('## 统计表', '', formatTablesMarkdown(report));
  if (report.candidates.length) {
    out.push('## 待确认的数字（候选事实）', '', '以下数字摘自正文或旧统计表，须经人工确认后才能作为事实使用。', '', '| 行 | 指标 | 数值 | 原文 |', '| ---: | --- | ---: | --- |');
    for (const c of report.candidates) out.push(`| ${c.at.line} | ${md(c.indicator ?? '')} | ${c.value}${c.unit ?? ''} | ${md(c.sentence)} |`);
    out.push('');
  }
  out.push('## 正文', '');
  for (const s of report.sections) out.push(`### ${md(s.heading)}`, '', md(s.text) || '（无正文）', '');
  return stripControlChars(out.join('\n'));
}
