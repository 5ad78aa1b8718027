// `--format md`: the sheet as a GitHub-flavoured Markdown table. Markdown has no merged cells: a group's label is
// printed on its first row and left empty below. Text goes through this format's own escaper (never Handlebars').
import { evidenceLines, levelCellLines, levelGrid, metaLine } from '../render/grid.js';
import type { SheetViewModel } from '../render/view-types.js';

/** Escape text for a GFM table cell: Markdown punctuation backslash-escaped, HTML specials as entities, line breaks as <br>. */
export function escapeMarkdownCell(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#!]/g, (ch) => `\\${ch}`)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('<br>');
}

/** Escape text for a Markdown paragraph or heading (line breaks become spaces). */
export function escapeMarkdownText(s: string): string {
  return escapeMarkdownCell(s).replace(/<br>/g, ' ');
}

const cell = (lines: string[]): string => escapeMarkdownCell(lines.join('\n'));

/** Render a sheet view model (report or blank form) as Markdown. */
export function renderSheetMarkdown(vm: SheetViewModel): string {
  const out: string[] = [];
  out.push(`# ${escapeMarkdownText(vm.title)}`, '', escapeMarkdownText(metaLine(vm)), '');
  out.push(`| ${vm.columns.map((c) => escapeMarkdownCell(c.label)).join(' | ')} |`);
  out.push(`| ${vm.columns.map((c) => (c.numeric || c.key === 'seq' ? ':---:' : '---')).join(' | ')} |`);
  const grid = levelGrid(vm);
  vm.rows.forEach((row, r) => {
    const cells: string[] = [];
    for (const col of vm.columns) {
      switch (col.key) {
        case 'seq':
          cells.push(escapeMarkdownCell(row.seq));
          break;
        case 'level': {
          // Merged cells: the label on the cell's first row only; 小计 / 总分 in bold.
          const slot = grid[r]![col.level!]!;
          const text = slot.origin ? cell(levelCellLines(slot.cell)) : '';
          cells.push(text !== '' && slot.cell.id === '' ? `**${text}**` : text);
          break;
        }
        case 'max':
          cells.push(escapeMarkdownCell(row.maxText));
          break;
        case 'claimed':
          cells.push(escapeMarkdownCell(row.claimedText));
          break;
        case 'score':
          cells.push(cell([row.overridden ? `${row.scoreText}（改定）` : row.scoreText, row.statusNote]));
          break;
        case 'reasons':
          cells.push(cell(row.reasons));
          break;
        case 'evidence':
          cells.push(cell(evidenceLines(row)));
          break;
        case 'remediation':
          cells.push(escapeMarkdownCell(row.remediation));
          break;
      }
    }
    out.push(`| ${cells.join(' | ')} |`);
  });
  out.push('');
  out.push(vm.totals.map((t) => `**${escapeMarkdownText(t.label)}**：${escapeMarkdownText(t.value) || '＿＿＿＿'}`).join(' · '));
  if (vm.veto) out.push('', `**单项否决**：${escapeMarkdownText(`${vm.veto.title}。${vm.veto.reason}`)}`);
  if (vm.checks.length > 0) {
    out.push('', '## 数据核验（勾稽关系）', '', escapeMarkdownText(vm.checkSummary), '');
    out.push('| 序号 | 核验内容 | 级别 | 结果 | 所见数值与说明 | 处理情况 |', '| :---: | --- | :---: | :---: | --- | --- |');
    for (const c of vm.checks) {
      const outcome = c.failed ? `**${escapeMarkdownCell(c.outcomeText)}**` : escapeMarkdownCell(c.outcomeText);
      out.push(`| ${c.seq} | ${cell([c.message, c.source])} | ${escapeMarkdownCell(c.severityText)} | ${outcome} | ${escapeMarkdownCell(c.text)} | ${escapeMarkdownCell(c.resolutionText)} |`);
    }
  }
  if (vm.pendingItems.length > 0) {
    out.push('', `**待政务公开办评定事项（共 ${vm.pendingItems.length} 项，评定前结果为暂定）**`, '');
    vm.pendingItems.forEach((p, i) => out.push(`${i + 1}. ${escapeMarkdownText(`${p.id} ${p.title}：${p.why}`)}`));
  }
  const s = vm.signature;
  out.push('', `填表人：${escapeMarkdownText(s.preparedBy) || '＿＿＿＿＿＿'}  审核人：${escapeMarkdownText(s.reviewedBy) || '＿＿＿＿＿＿'}  单位盖章：  日期：${escapeMarkdownText(s.date) || '＿＿＿＿＿＿'}`);
  out.push('', '---', '');
  out.push(
    `细则 ${escapeMarkdownText(vm.rubric.id)}（版本 ${escapeMarkdownText(vm.stamp.rubricVersion)}）内容哈希 ${escapeMarkdownText(vm.stamp.rubricHash)}  `,
    `证据哈希 ${vm.stamp.evidenceHash ? escapeMarkdownText(vm.stamp.evidenceHash) : '无（空白表）'}${vm.stamp.reviewHash ? ` · 评审文件哈希 ${escapeMarkdownText(vm.stamp.reviewHash)}` : ''}  `,
    `引擎 ${escapeMarkdownText(vm.stamp.engine)} · 报告格式 ${escapeMarkdownText(vm.stamp.schemaVersion)}`,
  );
  return out.join('\n') + '\n';
}
