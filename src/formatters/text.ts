// The default `--format text`: a readable Chinese summary — the tree with claimed and computed scores side by side,
// then, for every row whose claim differs from the computed score or that lost points, the reasons.
import type { ReportNode, ScoreReport } from '../report/score-report.js';
import { padDisplay, signed, STATUS_TEXT, truncateDisplay } from './labels.js';
import { checkSummaryText, resolutionLabel } from '../render/check-view.js';
import { chineseTypography } from '../render/chinese-text.js';

function row(n: ReportNode): string {
  const indent = '  '.repeat(n.depth);
  // Typeset before padding: a full-width bracket is two columns wide.
  const title = padDisplay(truncateDisplay(`${indent}${n.id} ${chineseTypography(n.title)}`, 46), 46);
  const claimed = n.claimed !== undefined ? String(n.claimed) : '';
  const diff = n.difference !== undefined && n.difference !== 0 ? signed(n.difference) : '';
  const overridden = n.voices.reviewed?.rulings.some((r) => r.kind === 'override') ? '·改定' : '';
  return `${title} ${padDisplay(String(n.max), 5, true)} ${padDisplay(claimed, 5, true)} ${padDisplay(String(n.score), 5, true)} ${padDisplay(diff, 6, true)}  ${STATUS_TEXT[n.status]}${overridden}`;
}

function explain(n: ReportNode, byId: Map<string, ReportNode>): string[] {
  const lines: string[] = [];
  const head = n.claimed !== undefined ? `自评 ${n.claimed}，核定 ${n.score}（${signed(n.difference ?? 0)}）` : `核定 ${n.score} / ${n.max}`;
  lines.push(`【${n.id}】${n.title}:${head}`);
  for (const r of n.reasons) {
    if (r.result === false && r.kind === 'deduction') continue;
    lines.push(`    · ${r.text}`);
    for (const c of r.conditions ?? []) lines.push(`        - ${c.text}`);
  }
  for (const id of n.children) {
    const c = byId.get(id)!;
    if (c.score === c.applicableMax && c.status !== 'not_applicable') continue;
    const first = c.reasons.find((r) => r.result !== false || r.kind !== 'deduction');
    lines.push(`    · ${c.id} ${c.title}:${c.score} / ${c.max}(${STATUS_TEXT[c.status]})${first ? `——${first.text}` : ''}`);
  }
  for (const e of n.evidence) lines.push(`    佐证:${e.title}${e.docNumber ? `(${e.docNumber})` : ''}${e.url ? ` ${e.url}` : ''}`);
  return lines;
}

function hasOwnReasons(n: ReportNode): boolean {
  return n.children.length === 0 || n.reasons.length > 0;
}

/** 数据核验: the summary, then every check that did not pass (failed first), with the values seen. */
function checkLines(report: ScoreReport): string[] {
  if (report.checks.length === 0) return [];
  const out = ['', `数据核验（勾稽关系）：${checkSummaryText(report.checks)}`];
  const shown = [...report.checks.filter((c) => c.outcome === 'fail'), ...report.checks.filter((c) => c.outcome === 'not_assessable')];
  for (const c of shown) {
    const tag = c.outcome === 'fail' ? `未通过·${c.severity === 'error' ? '错误' : '提示'}` : '无法核验';
    out.push(`  【${tag}】${c.id} ${c.message}`, `      ${c.text}`);
    if (c.resolution) out.push(`      处理:${resolutionLabel(c.resolution.resolution)}——${c.resolution.reason}(${c.resolution.by})`);
  }
  return out;
}

export function formatText(report: ScoreReport): string {
  const t = report.totals;
  const byId = new Map(report.nodes.map((n) => [n.id, n]));
  const a = report.agency;
  const out: string[] = [];
  out.push(`${report.rubric.title}(版本 ${report.rubric.version})`);
  out.push(`单位:${a.name}${a.shortName ? `(${a.shortName})` : ''}${a.class ? `  类别:${a.class}` : ''}  年度:${report.period.year}`);
  out.push(
    `总分 ${t.final} / ${t.max}${report.status === 'provisional' ? '(暂定)' : ''}  等次:${t.grade}${report.status === 'provisional' ? '(暂定)' : ''}  (基础分 ${t.base},加分 ${t.bonus},扣分 ${t.penalty};适用满分 ${t.applicableMax},百分制 ${t.normalized})` +
      (t.claimed !== null ? `  自评 ${t.claimed}` : ''),
  );
  if (report.veto) out.push(`单项否决:${report.veto.title}。${report.veto.reason}`);
  out.push(
    report.status === 'provisional'
      ? `结果:暂定,待政务公开办评定 ${report.pending.length} 项(见文末)`
      : `结果:最终${report.review ? `(已计入评审文件${report.review.file ? ` ${report.review.file}` : ''})` : ''}`,
  );
  out.push('');
  const tableFrom = out.length;
  out.push(`${padDisplay('编号 项目', 46)} ${padDisplay('分值', 5, true)} ${padDisplay('自评', 5, true)} ${padDisplay('核定', 5, true)} ${padDisplay('差额', 6, true)}  状态`);
  for (const n of report.nodes) out.push(row(n));
  const tableTo = out.length;
  const differing = report.nodes.filter((n) => n.difference !== undefined && n.difference !== 0);
  if (differing.length > 0) {
    out.push('', '自评与核定不一致的项目:');
    for (const n of differing) out.push(...explain(n, byId));
  }
  const lost = report.nodes.filter((n) => n.lost > 0 && hasOwnReasons(n) && !(n.difference !== undefined && n.difference !== 0) && n.children.length === 0);
  if (lost.length > 0) {
    out.push('', '其他失分项目:');
    for (const n of lost) out.push(...explain(n, byId));
  }
  if (report.overClaims.length > 0) {
    out.push('', `自评高于佐证支持的项目(${report.overClaims.length} 项):`);
    for (const o of report.overClaims) out.push(`  ${o.id} ${o.title}:自评 ${o.claimed},核定 ${o.score},高出 ${o.difference}`);
  }
  if (report.missingEvidence.length > 0) {
    out.push('', `缺少佐证的项目(${report.missingEvidence.length} 项,按 0 分计):`);
    for (const m of report.missingEvidence) out.push(`  ${m.id} ${m.title}:缺少 ${m.facts.join('、')}`);
  }
  out.push(...checkLines(report));
  // Evidence warnings other than missing facts (listed above), e.g. a percent entered as 0.05 instead of 5.
  const warnings = report.diagnostics.filter((d) => d.code !== 'MISSING_FACT');
  if (warnings.length > 0) {
    out.push('', `证据材料的提醒(${warnings.length} 条):`);
    for (const d of warnings) out.push(`  ${d.path ? `${d.path}:` : ''}${d.message}${d.hint ? `(${d.hint})` : ''}`);
  }
  const overridden = report.nodes.filter((n) => n.voices.reviewed?.rulings.some((r) => r.kind === 'override'));
  if (overridden.length > 0) {
    out.push('', `政务公开办改定的项目(${overridden.length} 项):`);
    for (const n of overridden) {
      const o = n.voices.reviewed!.rulings.find((r) => r.kind === 'override')!;
      out.push(`  ${n.id} ${n.title}:计算 ${n.voices.computed ?? '—'},改定 ${n.score}——${o.reason}(${o.by},${o.date})`);
    }
  }
  if (report.corrections.length > 0) {
    out.push('', `政务公开办更正的事实(${report.corrections.length} 项,按更正值评分):`);
    for (const c of report.corrections) out.push(`  ${c.label}(${c.fact}):原值 ${JSON.stringify(c.original)} → 更正 ${JSON.stringify(c.corrected)}——${c.reason}(${c.by},${c.date})`);
  }
  if (report.pending.length > 0) {
    out.push('', `待政务公开办评定(${report.pending.length} 项,评定前结果为暂定):`);
    // A failed check's message and values are shown under 数据核验 above: here only what it waits for.
    for (const p of report.pending) out.push(p.kind === 'check' ? `  ${p.id}(见上文「数据核验」):${p.why}` : `  ${p.id} ${p.title}:${p.why}`);
  }
  out.push('', `细则 ${report.rubric.hash.slice(0, 19)}… 证据 ${report.evidence.hash.slice(0, 19)}… 引擎 ${report.engine.name} ${report.engine.version}`);
  // Chinese typography for every line the formatter wrote (the rubric's and the agency's texts included, as the
  // printed sheets do); the score table's rows were typeset before they were padded into columns.
  return out.map((line, i) => (i >= tableFrom && i < tableTo ? line : chineseTypography(line))).join('\n') + '\n';
}
