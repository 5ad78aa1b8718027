// The statistics-table companion sheet (附件2 等) as a GitHub-flavoured Markdown table: 序号 / 统计指标 / 单位 / 统计数,
// heading rows in bold, corrected values marked 〔核定，原填 …〕 and listed under the table.
import type { AnnexViewModel } from '../render/annex-view.js';
import { annexMetaLine } from './annex-xlsx.js';
import { escapeMarkdownCell, escapeMarkdownText } from './md.js';

export function renderAnnexMarkdown(vm: AnnexViewModel): string {
  const out: string[] = [];
  if (vm.attachmentLabel) out.push(escapeMarkdownText(vm.attachmentLabel), '');
  out.push(`# ${escapeMarkdownText(vm.title)}`, '', escapeMarkdownText(annexMetaLine(vm)), '');
  out.push(`| ${vm.columns.map((c) => escapeMarkdownCell(c.label)).join(' | ')} |`);
  out.push(`| ${vm.columns.map((c) => (c.key === 'indicator' ? '---' : ':---:')).join(' | ')} |`);
  for (const row of vm.rows) {
    const indicator = escapeMarkdownCell(row.indicator);
    const value = escapeMarkdownCell(row.valueText) + (row.corrected ? escapeMarkdownCell(`〔核定，原填 ${row.originalText}〕`) : '');
    out.push(`| ${escapeMarkdownCell(row.seq)} | ${row.isHeading ? `**${indicator}**` : indicator} | ${escapeMarkdownCell(row.unit)} | ${value} |`);
  }
  if (vm.checkSummary) {
    out.push('', escapeMarkdownText(`表内数据核验（勾稽关系）：${vm.checkSummary}`), '');
    vm.failedChecks.forEach((c, i) =>
      out.push(escapeMarkdownText(`${i + 1}. 【${c.outcomeText}·${c.severityText}】${c.message}${c.source ? `（${c.source}）` : ''}：${c.text}${c.resolutionText ? ` 处理情况：${c.resolutionText}` : ''}`)),
    );
  }
  if (vm.hasCorrections) {
    out.push('', `政务公开办核定的数值（共 ${vm.corrections.length} 项）：`, '');
    vm.corrections.forEach((x, i) =>
      out.push(escapeMarkdownText(`${i + 1}. 第${x.seq}行 ${x.indicator}：原填 ${x.originalText}，核定为 ${x.correctedText}${x.unit ? `（${x.unit}）` : ''}。${x.reason}（${x.by}，${x.dateText}）`)),
    );
  }
  const s = vm.signature;
  out.push('', escapeMarkdownText(`填表人：${s.preparedBy || '＿＿＿＿'}  审核人：${s.reviewedBy || '＿＿＿＿'}  单位盖章：  日期：${s.date || '＿＿＿＿'}`));
  out.push('', escapeMarkdownText(`细则 ${vm.rubric.id}（版本 ${vm.stamp.rubricVersion}）内容哈希 ${vm.stamp.rubricHash}；证据哈希 ${vm.stamp.evidenceHash || '无（空白表）'}${vm.stamp.reviewHash ? `；评审文件哈希 ${vm.stamp.reviewHash}` : ''}；引擎 ${vm.stamp.engine}`), '');
  return out.join('\n');
}
