// The 领导版 summary as terminal text (printed by `npm start` / `zwgk demo`).
import { padDisplay, truncateDisplay } from '../formatters/labels.js';
import type { SummaryViewModel } from './view-types.js';

/**
 * @param maxFixes how many items to fix to list before "…其余 N 项"
 */
export function formatSummaryText(vm: SummaryViewModel, maxFixes = 10): string {
  const out: string[] = [];
  const get = (k: string): string => vm.totals.find((t) => t.key === k)?.value ?? '';
  out.push(vm.title);
  out.push(`单位：${vm.agency.name}  考核年度：${vm.periodText}${vm.dateText ? `  填报日期：${vm.dateText}` : ''}`);
  const claimed = get('claimed');
  out.push(
    `总分 ${get('final')}  等次：${vm.grade}  （基础分 ${get('base')}，加分 ${get('bonus')}，扣分 ${get('penalty')}；适用满分 ${get('applicableMax')}）` +
      (claimed ? `  自评总分 ${claimed}` : ''),
  );
  if (vm.veto) out.push(`单项否决：${vm.veto.title}。${vm.veto.reason}`);
  out.push('', '各考核项目：');
  for (const s of vm.sections) {
    out.push(
      `  ${padDisplay(truncateDisplay(s.title, 16), 16)} 分值 ${padDisplay(s.maxText, 3, true)}  自评 ${padDisplay(s.claimedText || '—', 3, true)}  核定 ${padDisplay(s.scoreText, 3, true)}  ${s.lostText && s.lostText !== '0' ? `失 ${s.lostText} 分` : s.statusText}`,
    );
  }
  out.push('', `优先整改事项（按可挽回分值排序，共 ${vm.fixes.length} 项）：`);
  for (const f of vm.fixes.slice(0, maxFixes)) {
    out.push(`  ${padDisplay(f.rank + '.', 3, true)} ${f.title}（${f.section}）  可挽回 ${f.lostText} 分`);
    for (const a of f.actions) out.push(`       → ${truncateDisplay(a, 100)}`);
  }
  if (vm.fixes.length > maxFixes) out.push(`  …其余 ${vm.fixes.length - maxFixes} 项见领导版摘要`);
  if (vm.overClaims.length > 0) out.push('', `自评高于核定的项目 ${vm.overClaims.length} 项（逐项说明见自查评分表）。`);
  if (vm.failedChecks.length > 0) {
    out.push('', `数据核验未通过 ${vm.failedChecks.length} 项（${vm.checkSummary}）：`);
    for (const c of vm.failedChecks) out.push(`  · ${c.message}（${c.severityText}；${truncateDisplay(c.valuesText, 80)}${c.resolutionText ? `；${c.resolutionText}` : ''}）`);
  }
  if (vm.pending.length > 0) out.push(`待评审（人工评分）事项：${vm.pending.map((p) => `${p.title}（${p.maxText}分）`).join('；')}，暂按 0 分计。`);
  return out.join('\n') + '\n';
}
