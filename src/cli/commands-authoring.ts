// Commands for offices writing rubrics and collecting forms: resolve (print an `extends` rubric merged),
// diff (what changed between two rubrics), init (a blank evidence form, YAML or xlsx), import (a filled xlsx → evidence).
import type { Command } from 'commander';
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { compileResolvedRubric, loadRubricSource } from '../api.js';
import { hasErrors, makeDiagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { diffRubrics } from '../diff/diff-rubrics.js';
import { DIFF_FORMATS, formatDiff, type DiffFormat } from '../diff/format-diff.js';
import { stringifyRubricData } from '../extends/resolve-extends.js';
import { buildEvidenceWorkbook, writeWorkbook } from '../forms/xlsx-form.js';
import { buildYamlForm } from '../forms/yaml-form.js';
import { FORM_LIMITS, importEvidenceForm } from '../forms/import-form.js';
import { emitOutput } from './output.js';
import { loadRubricOrReport, printDiagnostics } from './commands-core.js';
import { commandInitReview } from './commands-review.js';
import { formatFromOut } from './format-from-out.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { parseEvidenceData } from '../forms/evidence-data.js';

function choose<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, what: string): T {
  const v = value ?? fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  const hint = didYouMean(v, allowed);
  throw new UsageError(`未知的${what} "${v}",可选:${allowed.join('、')}${hint ? `。${hint}` : ''}`);
}

/** `zwgk resolve <rubric>`: the rubric with its `extends` chain merged, as YAML (validated; problems on stderr). */
export async function commandResolve(io: CliIo, rubricFile: string, flags: { out?: string }): Promise<number> {
  const res = await loadRubricSource(rubricFile, io.cwd);
  if (!res.ok) {
    await printDiagnostics(io, res.diagnostics);
    return EXIT.INVALID_INPUT;
  }
  const chain = res.value.chain.map((s) => s.file).join(' ← ');
  const header =
    `# 由 zwgk resolve 生成:合并继承(extends)后的完整细则,请勿直接修改本文件,修改请改原细则。\n` + `# 继承链:${chain}\n`;
  const compiled = compileResolvedRubric(res.value);
  if (compiled.diagnostics.length > 0) await printDiagnostics(io, compiled.diagnostics);
  await emitOutput(io, header + stringifyRubricData(res.value.source.data), flags.out);
  return hasErrors(compiled.diagnostics) ? EXIT.INVALID_INPUT : EXIT.OK;
}

/** `zwgk diff <old> <new>`: the year's changes for review before publishing. */
export async function commandDiff(io: CliIo, oldFile: string, newFile: string, flags: { format?: string; out?: string }): Promise<number> {
  const format = choose<DiffFormat>(formatFromOut(flags.format, flags.out, DIFF_FORMATS), DIFF_FORMATS, 'text', '对比输出格式');
  const a = await loadRubricOrReport(io, oldFile);
  const b = await loadRubricOrReport(io, newFile);
  if (!a || !b) return EXIT.INVALID_INPUT;
  await emitOutput(io, formatDiff(diffRubrics(a, b), format), flags.out);
  return EXIT.OK;
}

export const FORM_FORMATS = ['yaml', 'xlsx'] as const;

/** `zwgk init --rubric <r> [--format yaml|xlsx] [--from evidence]`: a blank (or pre-filled) evidence form. */
export async function commandInit(io: CliIo, flags: { rubric?: string; format?: string; out?: string; from?: string }): Promise<number> {
  if (!flags.rubric) throw new UsageError('缺少 --rubric <细则文件>');
  const format = choose(formatFromOut(flags.format, flags.out, FORM_FORMATS), FORM_FORMATS, 'yaml', '表单格式');
  if (format === 'xlsx' && !flags.out) throw new UsageError('xlsx 是二进制格式,请用 --out <文件> 指定输出文件');
  const compiled = await loadRubricOrReport(io, flags.rubric);
  if (!compiled) return EXIT.INVALID_INPUT;
  let prefill;
  if (flags.from) {
    const text = await readFile(resolve(io.cwd, flags.from), 'utf8').catch(() => null);
    if (text === null) throw new UsageError(`无法读取 --from 文件 ${flags.from}`);
    const ev = parseEvidenceData(flags.from, text);
    if (!ev.ok) {
      await printDiagnostics(io, ev.diagnostics);
      return EXIT.INVALID_INPUT;
    }
    prefill = ev.value;
  }
  if (format === 'xlsx') {
    const wb = await buildEvidenceWorkbook(compiled, prefill ? { evidence: prefill } : {});
    await emitOutput(io, await writeWorkbook(wb), flags.out);
  } else await emitOutput(io, buildYamlForm(compiled, prefill ? { evidence: prefill } : {}), flags.out);
  return EXIT.OK;
}

/** `zwgk import <filled.xlsx> --rubric <r>`: a filled form → evidence YAML, validated like any evidence file. */
export async function commandImport(io: CliIo, formFile: string, flags: { rubric?: string; out?: string }): Promise<number> {
  if (!flags.rubric) throw new UsageError('缺少 --rubric <细则文件>');
  const compiled = await loadRubricOrReport(io, flags.rubric);
  if (!compiled) return EXIT.INVALID_INPUT;
  // Never read more than a form can be: the zip guard refuses the rest, but only after the bytes are in memory.
  const size = (await stat(resolve(io.cwd, formFile)).catch(() => null))?.size ?? 0;
  if (size > FORM_LIMITS.maxBytes) {
    await printDiagnostics(io, [makeDiagnostic('ARCHIVE_TOO_LARGE', { file: formFile, reason: `文件本身有 ${size} 字节,超过上限 ${FORM_LIMITS.maxBytes} 字节` })]);
    return EXIT.INVALID_INPUT;
  }
  const buf = await readFile(resolve(io.cwd, formFile)).catch(() => null);
  if (buf === null) {
    io.stderr(`错误:找不到或无法读取表单文件 ${formFile}\n`);
    return EXIT.INVALID_INPUT;
  }
  const res = await importEvidenceForm(buf, compiled, { file: formFile, outName: flags.out ? basename(flags.out) : undefined });
  if (res.diagnostics.length > 0) await printDiagnostics(io, res.diagnostics);
  if (!res.ok) return EXIT.INVALID_INPUT;
  await emitOutput(io, res.value.yaml, flags.out);
  return EXIT.OK;
}

/** Register resolve / diff / init / import on the program (kept here so cli.ts only gains one line). */
export function registerAuthoringCommands(program: Command, io: CliIo, setCode: (c: number) => void): void {
  program
    .command('resolve')
    .description('输出合并继承(extends)后的完整细则(YAML),并检查它')
    .argument('<rubric>', '细则文件')
    .option('-o, --out <file>', '写入文件(原子写入),而不是输出到屏幕')
    .action(async (rubric: string, flags: { out?: string }) => setCode(await commandResolve(io, rubric, flags)));
  program
    .command('diff')
    .description('对比两份细则:新增、删除、移动、改名的条目,分值与各部分合计,规则、阈值和事实的变化')
    .argument('<old>', '修订前的细则')
    .argument('<new>', '修订后的细则')
    .option('-f, --format <format>', '输出格式:text(默认)、md、html;省略时按 --out 的扩展名推断')
    .option('-o, --out <file>', '写入文件(原子写入),而不是输出到屏幕')
    .action(async (oldFile: string, newFile: string, flags: { format?: string; out?: string }) => setCode(await commandDiff(io, oldFile, newFile, flags)));
  program
    .command('init')
    .description('按细则生成供各单位填写的佐证材料填报表(YAML 带中文注释,或 Excel);加 --review 则为一个单位生成政务公开办的空白评审文件')
    .argument('[evidence]', '单位的证据文件(仅 --review 时使用)')
    .option('-r, --rubric <rubric>', '细则文件(必填)')
    .option('-f, --format <format>', '表单格式:yaml(默认)、xlsx;省略时按 --out 的扩展名推断')
    .option('-o, --out <file>', '写入文件(xlsx 必填)')
    .option('--from <evidence>', '用已有的证据文件预先填好表单')
    .option('--review', '生成空白评审文件(列出该单位待评定的事项)')
    .action(async (evidence: string | undefined, flags: { rubric?: string; format?: string; out?: string; from?: string; review?: boolean }) => {
      if (flags.review) return setCode(await commandInitReview(io, evidence, flags));
      if (evidence !== undefined) throw new UsageError(`init 生成填报表时不接受证据文件参数 "${evidence}"(预填请用 --from;生成评审文件请加 --review)`);
      setCode(await commandInit(io, flags));
    });
  program
    .command('import')
    .description('把填好的 Excel 填报表转换为证据文件(YAML),并按细则校验')
    .argument('<form>', '填好的 xlsx 填报表')
    .option('-r, --rubric <rubric>', '细则文件(必填)')
    .option('-o, --out <file>', '写入证据文件(原子写入),而不是输出到屏幕')
    .action(async (form: string, flags: { rubric?: string; out?: string }) => setCode(await commandImport(io, form, flags)));
}
