// The check registry (H1–H6, S1–S12) as data — id, kind, title, official basis, when it applies — and the runner
// that turns one report (plus last year's, the agency level, a summary's children) into CheckResult[].
import type { AnnualReport } from '../model.js';
import { checkH5, checkH6, checkS10, checkS12, checkS4 } from './cell-checks.js';
import { CheckContext, type CheckOptions } from './check-context.js';
import { combineOutcomes, type CheckItem, type CheckKind, type CheckResult, type Outcome, type SkippedCheck } from './check-types.js';
import { deadlineDate, DEADLINES, findDeadline, OLD_DEADLINE } from './deadline.js';
import { equationsH1, equationsH2, equationsH3, equationsH4, equationsS1, equationsS11, equationsS2, equationsS3, isTableFormat, type Equation } from './equations.js';
import { checkO1 } from './old-table-checks.js';
import { checkS5, checkS6, checkS7, checkS8 } from './text-checks.js';

interface CheckSpec {
  id: string;
  kind: CheckKind;
  title: string;
  basis: string;
  /** Why the check cannot run on this input (null = it runs). */
  skip(ctx: CheckContext): string | null;
  run(ctx: CheckContext): CheckItem[];
}

const needTables = (ctx: CheckContext): string | null => (isTableFormat(ctx.report.format) ? null : '自由格式年报没有统一统计表');
const needPrevious = (ctx: CheckContext): string | null => needTables(ctx) ?? (ctx.previous ? (isTableFormat(ctx.previous.format) ? null : '上年年报没有统一统计表') : '未提供上年年报(--previous)');
const onlyFormat = (f: '2021' | '2019', rest: (ctx: CheckContext) => string | null) => (ctx: CheckContext): string | null =>
  ctx.report.format === f ? rest(ctx) : `仅适用于 ${f} 年格式`;

/** Equations become items: a mismatch fails a hard check and warns on a soft one. */
const equations = (make: (ctx: CheckContext) => Equation[], onMismatch: Outcome) => (ctx: CheckContext): CheckItem[] =>
  make(ctx).map((eq) => ctx.evaluate(eq, onMismatch));

const fmt = (ctx: CheckContext): '2021' | '2019' => ctx.report.format as '2021' | '2019';

const GB21 = '国办公开办函〔2021〕30号';
const GB19 = '国办公开办函〔2019〕60号';

export const CHECKS: readonly CheckSpec[] = [
  { id: 'H1', kind: 'hard', title: '表三各列:一 + 二 = 三(七)总计 + 四', basis: `表三表头印明「本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和」(${GB21}、${GB19})`, skip: needTables, run: equations((c) => equationsH1(fmt(c)), 'FAIL') },
  { id: 'H2', kind: 'hard', title: '表三各列:(七)总计 = (一)至(六)各项之和', basis: '表格结构:(三)至(六)是办理结果的分组,部分公开「只计这一情形,不计其他情形」', skip: needTables, run: equations((c) => equationsH2(fmt(c)), 'FAIL') },
  { id: 'H3', kind: 'hard', title: '表三各行:总计 = 自然人 + 法人或其他组织', basis: '表格结构(总计列)', skip: needTables, run: equations((c) => equationsH3(fmt(c)), 'FAIL') },
  { id: 'H4', kind: 'hard', title: '表四:总计 = 维持 + 纠正 + 其他 + 尚未审结', basis: '表格结构(行政复议、未经复议直接起诉、复议后起诉各设总计)', skip: needTables, run: equations(() => equationsH4(), 'FAIL') },
  { id: 'H5', kind: 'hard', title: '单元格取值合法', basis: '表格含义:件数为非负整数;2019 年格式「本年增/减」可为负;金额为小数', skip: needTables, run: checkH5 },
  { id: 'H6', kind: 'hard', title: '年报格式与报告年度相符', basis: `${GB19}(2019—2020 年度)、${GB21}(2021 年度起)`, skip: () => null, run: checkH6 },
  { id: 'S1', kind: 'soft', title: '本年「上年结转」= 上年「结转下年度继续办理」', basis: '前后年度衔接(逻辑关系)', skip: needPrevious, run: equations((c) => equationsS1(fmt(c), c.previous!.format as '2021' | '2019'), 'WARN') },
  { id: 'S2', kind: 'soft', title: '表二:现行有效 = 上年现行有效 + 本年制发 − 本年废止', basis: '前后年度衔接;全面清理文件后常不成立,只提醒', skip: onlyFormat('2021', (c) => needPrevious(c) ?? (c.previous!.format === '2021' ? null : '上年年报不是 2021 年格式(无「现行有效件数」)')), run: equations(() => equationsS2(), 'WARN') },
  { id: 'S3', kind: 'soft', title: '表二(2019 年格式):项目数量与公开总数量前后衔接', basis: `${GB19} 表二栏目含义;重新核定事项时常不成立,只提醒`, skip: onlyFormat('2019', (c) => needPrevious(c) ?? (c.previous!.format === '2019' ? null : '上年年报不是 2019 年格式')), run: equations(() => equationsS3(), 'WARN') },
  { id: 'S4', kind: 'soft', title: '(六)其他处理占比不偏高', basis: `${GB19}:对「其他处理」数量偏高的行政机关要了解情况(阈值为政策选择,默认 10%)`, skip: needTables, run: checkS4 },
  { id: 'S5', kind: 'soft', title: '正文引用的数字与表格一致', basis: '实践:总体情况所述件数应与表二、表三、表四一致', skip: needTables, run: checkS5 },
  { id: 'S6', kind: 'soft', title: '第六部分报告信息处理费收取情况', basis: `${GB21}:收取信息处理费的情况「在此处专门报告」`, skip: onlyFormat('2021', () => null), run: checkS6 },
  { id: 'S7', kind: 'soft', title: '第一部分「总体情况」不超过一千字', basis: `${GB21}:篇幅原则上不超过一千字`, skip: onlyFormat('2021', () => null), run: checkS7 },
  { id: 'S8', kind: 'soft', title: '第五部分不与上年雷同', basis: `${GB19}、${GB21}:不得出现敷衍了事甚至年年雷同现象`, skip: (c) => (c.previous ? null : '未提供上年年报(--previous)'), run: checkS8 },
  { id: 'S9', kind: 'soft', title: '按时发布', basis: '政府信息公开条例第四十九条及各级发布期限', skip: (c) => (c.opts.level ? (c.report.year === null ? '报告年度未知' : c.report.publishedOn ? null : '页面未写发布日期(可用 --published 指定)') : '未指定单位层级(--level)'), run: checkS9 },
  { id: 'S10', kind: 'soft', title: '空白单元格不当作 0', basis: '实践:空白或「/」单元格使相关勾稽关系无法判断', skip: needTables, run: checkS10 },
  { id: 'S11', kind: 'soft', title: '汇总年报表三 = 各下级之和', basis: '年报「逐级汇总」要求', skip: (c) => needTables(c) ?? ((c.opts.children?.length ?? 0) > 0 ? null : '未提供下级年报(--children)'), run: equations((c) => equationsS11(fmt(c), c.opts.children!.length), 'WARN') },
  { id: 'S12', kind: 'info', title: '单元格内的单位已剥离', basis: '实践:2019 年格式表二常把单位写在单元格内(如「251000元」)', skip: needTables, run: checkS12 },
  { id: 'O1', kind: 'soft', title: '旧统计表审核关系(待确认的数字)', basis: '2019 年以前政府信息公开统计表的审核关系(收到申请数 = 四种方式之和、各数量 = 其下各项之和等);数字是候选事实,须人工确认', skip: (c) => (c.report.format !== 'free' ? '仅适用于 2019 年以前的统计表' : c.report.candidates.some((x) => x.from === 'table') ? null : '年报没有旧统计表'), run: checkO1 },
];

function checkS9(ctx: CheckContext): CheckItem[] {
  // Reports on years up to 2018 fall under the 2008 条例 (第三十一条: every agency by 3月31日).
  const d = ctx.report.year! <= 2018 ? OLD_DEADLINE : findDeadline(ctx.opts.level!)!;
  const due = deadlineDate(ctx.report.year!, d);
  const on = ctx.report.publishedOn!;
  const ok = on <= due;
  return [{ label: `${d.level}发布期限`, outcome: ok ? 'PASS' : 'WARN', reads: [], detail: `发布日期 ${on},期限 ${due}(${d.basis})${ok ? '' : ',逾期'}` }];
}

export const LEVELS: readonly string[] = DEADLINES.map((d) => d.level);

export interface CheckRun {
  results: CheckResult[];
  skipped: SkippedCheck[];
}

/** Run every check that applies. @throws Error for an unknown level (the CLI validates --level first). */
export function runChecks(report: AnnualReport, opts: CheckOptions = {}): CheckRun {
  if (opts.level !== undefined && !findDeadline(opts.level)) throw new Error(`unknown level ${opts.level}`);
  const ctx = new CheckContext(report, opts);
  const results: CheckResult[] = [];
  const skipped: SkippedCheck[] = [];
  for (const spec of CHECKS) {
    const why = spec.skip(ctx);
    if (why) {
      skipped.push({ id: spec.id, title: spec.title, reason: why });
      continue;
    }
    const items = spec.run(ctx);
    if (items.length === 0) {
      skipped.push({ id: spec.id, title: spec.title, reason: spec.id === 'S5' ? '正文没有引用表中数字' : '没有可核对的内容' });
      continue;
    }
    results.push({ id: spec.id, kind: spec.kind, title: spec.title, basis: spec.basis, outcome: combineOutcomes(items.map((i) => i.outcome)), items });
  }
  return { results, skipped };
}
