// `zwgk render --annex 附件2`: a rubric's statistics table (统计表) as a companion sheet — blank (--blank --rubric), or
// filled from one agency's evidence (with the office's corrections when --review is given) — in html, pdf, xlsx or md.
import { resolve } from 'node:path';
import { loadEvidence } from '../api.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { BINARY_FORMATS } from '../formatters/index.js';
import { annexTables, buildAnnexView, type AnnexInput, type AnnexOptions } from '../render/annex-view.js';
import { ANNEX_FORMATS, isAnnexFormat, renderAnnexAs } from '../render/render-annex.js';
import type { RenderContext } from '../render/render-sheet.js';
import { checkAttachmentLabel, loadRubricOrReport, printDiagnostics } from './commands-core.js';
import { loadReviewOrReport } from './commands-review.js';
import { kindOfFile, KIND_TEXT } from './file-kind.js';
import { formatFromOut } from './format-from-out.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { emitOutput, renderOrExplain } from './output.js';

export interface AnnexFlags {
  annex?: string;
  blank?: boolean;
  rubric?: string;
  review?: string;
  format?: string;
  out?: string;
  template?: string;
  landscape?: boolean;
  attachmentLabel?: string;
}

export async function commandRenderAnnex(io: CliIo, evidenceFile: string | undefined, flags: AnnexFlags): Promise<number> {
  const table = (flags.annex ?? '').trim();
  if (table === '') throw new UsageError('--annex 须写统计表的名称，如 --annex 附件2');
  if (!flags.rubric) throw new UsageError('缺少 --rubric <细则文件>（统计表的行由细则中写了 statRow 的事实组成）');
  if (flags.blank && evidenceFile) throw new UsageError('--blank 生成空白统计表，不需要证据文件');
  if (!flags.blank && !evidenceFile) throw new UsageError(`请给出单位的证据文件（把统计数填入${table}），或加 --blank 生成空白统计表`);
  if (flags.blank && flags.review) throw new UsageError('--review 只用于填好的统计表：请给出证据文件，不加 --blank');
  const format = formatFromOut(flags.format, flags.out, ANNEX_FORMATS) ?? 'html';
  if (!isAnnexFormat(format)) {
    const hint = didYouMean(format, ANNEX_FORMATS);
    throw new UsageError(`统计表的输出格式只能是 ${ANNEX_FORMATS.join('、')}，不能是「${format}」${hint ? `。${hint}` : ''}`);
  }
  if (BINARY_FORMATS.has(format) && !flags.out) throw new UsageError(`${format} 是二进制格式，请用 --out <文件> 指定输出文件`);
  const opts: AnnexOptions = {};
  if (flags.landscape) opts.orientation = 'landscape';
  if (flags.attachmentLabel) opts.attachmentLabel = checkAttachmentLabel(flags.attachmentLabel);

  const compiled = await loadRubricOrReport(io, flags.rubric);
  if (!compiled) return EXIT.INVALID_INPUT;
  const tables = annexTables(compiled);
  if (tables.length === 0) {
    io.stderr(
      `错误：细则 ${flags.rubric} 没有统计表：没有哪个事实写明 statRow（统计表的表名和行号），无法生成${table}。\n` +
        `请在细则的 statTables 中声明统计表（如 附件2 政务公开工作统计表），并为表中各行的事实写 statRow；写法见 rubrics/README.md 中「统计表 statTables 与 statRow」一节。\n`,
    );
    return EXIT.INVALID_INPUT;
  }
  if (!tables.includes(table)) {
    const hint = didYouMean(table, tables);
    io.stderr(`错误：细则 ${flags.rubric} 没有统计表「${table}」；可选：${tables.join('、')}${hint ? `。${hint}` : ''}\n`);
    return EXIT.INVALID_INPUT;
  }

  const input: AnnexInput = {};
  if (evidenceFile) {
    const ev = await loadEvidence(evidenceFile, compiled, io.cwd);
    if (!ev.ok) {
      if ((await kindOfFile(io.cwd, evidenceFile)) === 'rubric') {
        io.stderr(`错误：${evidenceFile} 看起来是${KIND_TEXT.rubric}（有 nodes），不是单位的证据文件；请把证据文件放在第一个参数，细则用 --rubric 指定\n`);
        return EXIT.INVALID_INPUT;
      }
      await printDiagnostics(io, ev.diagnostics);
      return EXIT.INVALID_INPUT;
    }
    if (ev.value.warnings.length > 0) await printDiagnostics(io, ev.value.warnings);
    input.evidence = ev.value;
    if (flags.review) {
      const review = await loadReviewOrReport(io, flags.review, compiled, ev.value);
      if (!review) return EXIT.INVALID_INPUT;
      input.review = review;
    }
  }
  const vm = buildAnnexView(compiled, table, input, opts);
  if (vm.missingCount > 0) io.stderr(`提示：${table} 有 ${vm.missingCount} 行证据中未填数值，表中留空\n`);
  const ctx: RenderContext = {};
  if (flags.template) ctx.templateDir = resolve(io.cwd, flags.template);
  const output = await renderOrExplain(io, () => renderAnnexAs(vm, format, ctx));
  if (typeof output === 'number') return output;
  await emitOutput(io, output, flags.out);
  return EXIT.OK;
}
