// `zwgk render`: the blank 自查评分表 from a rubric alone (--blank --rubric), or any format of a saved JSON score
// report (zwgk score --format json), e.g. to print a batch's reports later.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BINARY_FORMATS, formatReport, formatters, type FormatContext } from '../formatters/index.js';
import { buildBlankSheetViewModel } from '../render/blank-report.js';
import { isSheetFormat, renderSheetAs, SHEET_FORMATS } from '../render/render-sheet.js';
import type { ScoreReport } from '../report/score-report.js';
import { parseScoreReport } from '../report/report-schema.js';
import { checkAttachmentLabel, checkFormat, loadRubricOrReport, printDiagnostics } from './commands-core.js';
import { formatFromOut } from './format-from-out.js';
import { commandRenderAnnex } from './commands-annex.js';
import { classProblem } from '../model/class-scope.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { emitOutput, renderOrExplain } from './output.js';

export interface RenderFlags {
  blank?: boolean;
  rubric?: string;
  format?: string;
  out?: string;
  template?: string;
  landscape?: boolean;
  attachmentLabel?: string;
  /** --annex 附件2: the rubric's statistics table instead of the sheet (commands-annex.ts). */
  annex?: string;
  /** The office's review (corrected values), with --annex and an evidence file. */
  review?: string;
  /** --class B: only the items that apply to that agency class (with --blank). */
  class?: string;
}

const MAX_REPORT_BYTES = 64 * 1024 * 1024;

function contextOf(io: CliIo, flags: RenderFlags): FormatContext {
  const ctx: FormatContext = {};
  if (flags.template) ctx.templateDir = resolve(io.cwd, flags.template);
  if (flags.landscape) ctx.orientation = 'landscape';
  if (flags.attachmentLabel) ctx.attachmentLabel = checkAttachmentLabel(flags.attachmentLabel);
  return ctx;
}

async function readReport(io: CliIo, file: string): Promise<ScoreReport | null> {
  const path = resolve(io.cwd, file);
  let text: string;
  try {
    if ((await stat(path)).size > MAX_REPORT_BYTES) throw new UsageError(`得分报告文件过大(超过 64 MB):${file}`);
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : code === 'EISDIR' ? '这是一个文件夹' : '无法读取';
    throw new UsageError(`无法读取得分报告 ${file}:${why}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`${file} 不是有效的 JSON`);
  }
  // The contract's schema first: a truncated or edited report gets the file and field named, never a crash.
  const r = parseScoreReport(file, data);
  if (!r.ok) {
    await printDiagnostics(io, r.diagnostics);
    return null;
  }
  return r.value;
}

export async function commandRender(io: CliIo, reportFile: string | undefined, flags: RenderFlags): Promise<number> {
  if (flags.annex !== undefined && flags.class !== undefined) throw new UsageError('--class 不能与 --annex 同用：统计表不分单位类别');
  if (flags.annex !== undefined) return commandRenderAnnex(io, reportFile, flags);
  if (flags.review) throw new UsageError('--review 只用于 --annex(填好的统计表);得分报告已包含评审结果');
  if (flags.blank) {
    if (reportFile) throw new UsageError('--blank 由细则生成空白表,不需要得分报告文件');
    if (!flags.rubric) throw new UsageError('缺少 --rubric <细则文件>(空白表由细则生成)');
    const format = formatFromOut(flags.format, flags.out, SHEET_FORMATS) ?? 'html';
    if (!isSheetFormat(format)) throw new UsageError(`空白表的输出格式只能是 ${SHEET_FORMATS.join('、')},不能是 "${format}"`);
    if (BINARY_FORMATS.has(format) && !flags.out) throw new UsageError(`${format} 是二进制格式,请用 --out <文件> 指定输出文件`);
    const compiled = await loadRubricOrReport(io, flags.rubric);
    if (!compiled) return EXIT.INVALID_INPUT;
    const classError = flags.class === undefined ? null : classProblem(compiled.model, flags.class);
    if (classError) throw new UsageError(classError);
    const ctx = contextOf(io, flags);
    const vm = buildBlankSheetViewModel(compiled, { ...(ctx.orientation ? { orientation: ctx.orientation } : {}), ...(ctx.attachmentLabel ? { attachmentLabel: ctx.attachmentLabel } : {}) }, flags.class);
    const output = await renderOrExplain(io, () => renderSheetAs(vm, format, ctx));
    if (typeof output === 'number') return output;
    await emitOutput(io, output, flags.out);
    return EXIT.OK;
  }
  if (!reportFile) throw new UsageError('请用 --blank --rubric <细则> 生成空白表,或给出一个 JSON 得分报告文件');
  if (flags.class !== undefined) throw new UsageError('--class 只用于 --blank（按单位类别生成空白表）；得分报告已按单位的类别评分');
  const format = checkFormat(formatFromOut(flags.format, flags.out, Object.keys(formatters)) ?? 'html');
  if (BINARY_FORMATS.has(format) && !flags.out) throw new UsageError(`${format} 是二进制格式,请用 --out <文件> 指定输出文件`);
  const report = await readReport(io, reportFile);
  if (!report) return EXIT.INVALID_INPUT;
  const output = await renderOrExplain(io, () => formatReport(report, format, contextOf(io, flags)));
  if (typeof output === 'number') return output;
  await emitOutput(io, output, flags.out);
  return EXIT.OK;
}
