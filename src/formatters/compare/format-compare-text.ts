// `zwgk compare --format text` (default): a Chinese plain-text comparison for the terminal — the ranked table of
// agencies × sections, grade distribution, the county's weak spots, over-claims, rank criteria, the baseline split
// and the files left out.
import { displayWidth, padDisplay, truncateDisplay } from '../labels.js';
import type { CompareView } from '../../cohort/build-compare-report.js';
import type { AgencyRow } from '../../cohort/compare-report.js';
import { agencyLabel, baselineNotes, CHUNK_CHARS, cellText, checkFailureLines, gradeText, KIND_TEXT, leftOutLines, num, overClaimHead, percent, signedNum } from './format-common.js';

function table(headers: string[], rows: string[][], rightAligned: (i: number) => boolean): string[] {
  const widths = headers.map((h) => displayWidth(h));
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  const line = (cells: string[]): string => cells.map((c, i) => padDisplay(c, widths[i]!, rightAligned(i))).join('  ').trimEnd();
  return [line(headers), ...rows.map(line)];
}

function tableRow(a: AgencyRow): string[] {
  return [
    String(a.rank.normalized),
    String(a.rank.final),
    truncateDisplay(agencyLabel(a), 16),
    a.class ?? '',
    ...a.sections.map((s) => cellText(s)),
    num(a.totals.final),
    num(a.totals.applicableMax),
    num(a.totals.normalized),
    gradeText(a),
    num(a.totals.claimed),
    signedNum(a.claimDifference),
  ];
}

/** The text comparison in chunks; the ranked table is streamed row by row (two passes: widths, then lines). */
export function* compareTextChunks(view: CompareView): Generator<string> {
  const report = view.head;
  const out: string[] = [];
  const r = report.rubric;
  const c = report.counts;
  out.push(`${r.title}（版本 ${r.version}）多单位比较`);
  out.push(
    `参评单位 ${c.scored} 个${c.provisional > 0 ? `（其中结果暂定 ${c.provisional} 个，照常排名，等次标“暂定”）` : ''}；输入文件 ${c.files} 个，未计入 ${c.leftOut} 个${c.skippedRubricFiles > 0 ? `,跳过细则或评审文件 ${c.skippedRubricFiles} 个` : ''}`,
  );
  out.push(`排名规则：${report.ranking.description}。表格按百分制排名排序。`);
  for (const b of report.ranking.bases) out.push(`  ${b.label}:${b.description}`);
  out.push('');

  const sectionHeads = report.sections.map((s) => truncateDisplay(`${s.title}${KIND_TEXT[s.kind]}`, 12));
  const headers = ['百分制排名', '总分排名', '单位', '类别', ...sectionHeads, '总分', '适用满分', '百分制', '等次', '自评', '自评差额'];
  const textCols = new Set([2, 3, 4 + report.sections.length + 3]);
  const order = view.tableOrder();
  const widths = headers.map((h) => displayWidth(h));
  for (const i of order) tableRow(view.row(i)).forEach((cell, k) => (widths[k] = Math.max(widths[k] ?? 0, displayWidth(cell))));
  const line = (cells: string[]): string => cells.map((cell, k) => padDisplay(cell, widths[k]!, !textCols.has(k))).join('  ').trimEnd();
  out.push(line(headers));
  yield out.join('\n') + '\n';
  out.length = 0;
  let buf = '';
  for (const i of order) {
    buf += line(tableRow(view.row(i))) + '\n';
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = '';
    }
  }
  yield buf;
  out.push(`  各部分满分：${report.sections.map((s) => `${s.title} ${s.max}`).join('，')}`);
  out.push('');

  out.push(`等次分布：${report.gradeDistribution.map((g) => `${g.grade} ${g.count} 个（${percent(g.share)}）`).join('，')}`);
  out.push('');

  if (report.weakSpots.length > 0) {
    out.push(`普遍失分项（按失分合计从多到少，共 ${report.weakSpots.length} 项）：`);
    const wsRows = report.weakSpots.map((w) => [
      w.id,
      truncateDisplay(w.title, 30),
      truncateDisplay(w.sectionTitle, 10),
      num(w.max),
      `${w.agenciesLost}/${w.agenciesAssessed}`,
      num(w.totalLost),
      num(w.averageLost),
    ]);
    out.push(...table(['编号', '指标', '所属部分', '分值', '失分单位/参评', '失分合计', '平均失分'], wsRows, (i) => i >= 3).map((l) => `  ${l}`));
    out.push('');
  }

  if (view.overClaimCount > 0) {
    out.push(`自评高于佐证支持的单位（${view.overClaimCount} 个，按高出分值从多到少）：`);
    for (let k = 0; k < view.overClaimCount; k++) {
      const o = view.overClaim(k);
      const head = overClaimHead(o);
      out.push(`  ${o.name}（${o.code}）：${head}`);
      for (const i of o.items) out.push(`    ${i.id} ${i.title}：自评 ${num(i.claimed)}，核定 ${num(i.score)}，高出 ${num(i.difference)}`);
      if (out.length > 2000) {
        yield out.join('\n') + '\n';
        out.length = 0;
      }
    }
    out.push('');
  }

  if (view.checkFailureCount > 0) {
    out.push(`数据核验未通过的单位（${view.checkFailureCount} 个，共 ${report.checks.length} 项核验）：`);
    for (let k = 0; k < view.checkFailureCount; k++) {
      const f = view.checkFailure(k);
      const l = checkFailureLines(report, f);
      out.push(`  ${f.name}（${f.code}）：${l.head}`);
      for (const i of l.items) out.push(`    ${i}`);
      if (out.length > 2000) {
        yield out.join('\n') + '\n';
        out.length = 0;
      }
    }
    out.push('');
  } else if (report.checks.length > 0) {
    out.push(`数据核验：全部单位通过（或无法核验）细则规定的 ${report.checks.length} 项核验。`, '');
  }

  if (report.rankCriteria.length > 0) {
    out.push('排名类指标（各单位第一轮评分后统一排名，第二轮计分）：');
    for (const k of report.rankCriteria)
      out.push(`  ${k.id} ${k.title}（${num(k.max)}分）：按${k.basis.label}${k.order === 'desc' ? '从高到低' : '从低到高'}${k.among === 'class' ? '在同类单位中' : ''}排名，${k.scheme}；参加排名 ${k.ranked} 个`);
    out.push('');
  }

  const b = report.baseline;
  if (b) {
    out.push(`与基准年比较（基准细则：${b.rubric.title}，版本 ${b.rubric.version}）：`);
    out.push('  变化 = 细则变化（去年事实按今年细则重算 − 去年得分）+ 无法比较部分 + 工作变化（今年得分 − 重算得分）');
    const bRows = b.agencies.map((x) => [
      truncateDisplay(x.name, 16),
      num(x.previous),
      num(x.rescored),
      num(x.current),
      signedNum(x.change),
      signedNum(x.rubricChange),
      signedNum(x.notComparableChange),
      signedNum(x.workChange),
    ]);
    out.push(...table(['单位', '去年得分', '按今年细则重算', '今年得分', '变化', '细则变化', '无法比较', '工作变化'], bRows, (i) => i > 0).map((l) => `  ${l}`));
    for (const l of baselineNotes(b)) out.push(`  ${l}`);
    if (b.onlyInBaseline.length > 0) out.push(`  仅基准年有材料：${b.onlyInBaseline.map((x) => `${x.name}（${x.code}）`).join('、')}`);
    if (b.onlyInCurrent.length > 0) out.push(`  基准年无材料：${b.onlyInCurrent.map((x) => `${x.name}（${x.code}）`).join('、')}`);
    for (const f of b.leftOut) for (const l of leftOutLines(f)) out.push(`  基准年未计入：${l}`);
    out.push('');
  }

  if (report.leftOut.length > 0) {
    out.push(`未计入比较的文件（${report.leftOut.length} 个）：`);
    for (const f of report.leftOut) for (const l of leftOutLines(f)) out.push(`  ${l}`);
    out.push('');
  }
  if (report.skipped.length > 0) out.push(`已跳过的细则或评审文件：${report.skipped.join('、')}`, '');
  out.push(`细则 ${r.id} ${r.hash.slice(0, 19)}… 引擎 ${report.engine.name} ${report.engine.version} 报告格式 ${report.schemaVersion}`);
  yield out.join('\n') + '\n';
}
