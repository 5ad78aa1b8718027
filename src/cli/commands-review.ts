// The office's review on the command line: `zwgk score … --review <file>` loads it (checked against the rubric and
// the agency's evidence), `zwgk init --review --rubric R <evidence>` writes a blank review listing what is pending.
import { buildBlankReview, formatBlankReview, loadEvidence, loadReview, scoreEvidence, type LoadedEvidence, type LoadedReview } from '../api.js';
import type { CompiledRubric } from '../compile/compile-rubric.js';
import { emitOutput } from './output.js';
import { loadRubricOrReport, printDiagnostics } from './load-inputs.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { chineseTypography } from '../render/chinese-text.js';

/** Load a review for this evidence, printing its diagnostics; null when it is invalid. */
export async function loadReviewOrReport(io: CliIo, file: string, compiled: CompiledRubric, evidence: LoadedEvidence): Promise<LoadedReview | null> {
  const res = await loadReview(file, compiled, io.cwd, evidence);
  if (!res.ok) {
    await printDiagnostics(io, res.diagnostics);
    return null;
  }
  return res.value;
}

/**
 * Tell the user on stderr that the result is provisional and what it waits for (never silently final). When the text
 * report is printed to the screen it ends with the same list: then one line pointing there, so nothing shows twice.
 */
export function printPending(io: CliIo, pending: ReadonlyArray<{ id: string; title: string; why: string }>, listedInOutput = false): void {
  if (pending.length === 0) return;
  if (listedInOutput) {
    io.stderr(`提示：评分结果为暂定（provisional），${pending.length} 项待政务公开办评定，见输出末尾「待政务公开办评定」（评审文件用 --review 指定）\n`);
    return;
  }
  const list = pending.map((p) => `  ${p.id} ${chineseTypography(`${p.title}：${p.why}`)}`).join('\n');
  io.stderr(`提示：评分结果为暂定（provisional），以下 ${pending.length} 项待政务公开办评定（评审文件用 --review 指定）：\n${list}\n`);
}

/** `zwgk init --review --rubric <r> <evidence> [--out file]`: a blank review for one agency. */
export async function commandInitReview(io: CliIo, evidenceFile: string | undefined, flags: { rubric?: string; out?: string; format?: string }): Promise<number> {
  if (!flags.rubric) throw new UsageError('缺少 --rubric <细则文件>');
  if (!evidenceFile) throw new UsageError('init --review 需要单位的证据文件:zwgk init --review --rubric <细则> <证据文件>');
  if (flags.format !== undefined && flags.format !== 'yaml') throw new UsageError(`评审文件只有 yaml 格式,不能是 "${flags.format}"`);
  const compiled = await loadRubricOrReport(io, flags.rubric);
  if (!compiled) return EXIT.INVALID_INPUT;
  const ev = await loadEvidence(evidenceFile, compiled, io.cwd);
  if (!ev.ok) {
    await printDiagnostics(io, ev.diagnostics);
    return EXIT.INVALID_INPUT;
  }
  const report = await scoreEvidence(compiled, ev.value);
  const blank = buildBlankReview(compiled, ev.value.evidence, report);
  await emitOutput(io, formatBlankReview(compiled, ev.value.evidence, blank, report), flags.out);
  return EXIT.OK;
}
