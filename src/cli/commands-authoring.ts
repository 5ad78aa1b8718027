// Commands for offices writing rubrics and collecting forms: resolve (print an `extends` rubric merged),
// diff (what changed between two rubrics), init (a blank evidence form, YAML or xlsx), import (a filled xlsx → evidence).
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { compileResolvedRubric, loadRubricSource } from '../api.js';
import { hasErrors, makeDiagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { diffRubrics } from '../diff/diff-rubrics.js';
import { DIFF_FORMATS, formatDiff, type DiffFormat } from '../diff/format-diff.js';
import { buildRevisionTable } from '../diff/revision-table.js';
import { stringifyRubricData } from '../extends/resolve-extends.js';
import { buildEvidenceWorkbook, writeWorkbook } from '../forms/xlsx-form.js';
import { buildYamlForm } from '../forms/yaml-form.js';
import { FORM_LIMITS, importEvidenceForm } from '../forms/import-form.js';
import { emitOutput } from './output.js';
import { loadRubricOrReport, printDiagnostics } from './commands-core.js';
import { formatFromOut } from './format-from-out.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { parseEvidenceData } from '../forms/evidence-data.js';
import { classProblem } from '../model/class-scope.js';

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
  if (format === 'docx' && !flags.out) throw new UsageError('docx 是二进制格式，请用 --out <文件> 指定输出文件');
  const a = await loadRubricOrReport(io, oldFile);
  const b = await loadRubricOrReport(io, newFile);
  if (!a || !b) return EXIT.INVALID_INPUT;
  const d = diffRubrics(a, b);
  // md, html and docx carry the 三栏对照表 (原条款 / 修订后条款 / 修订说明); docx holds it alone.
  const table = format === 'text' ? undefined : buildRevisionTable(d, a, b);
  // The docx library is loaded only for docx (resolve, init and import never need it).
  const output = format === 'docx' ? await (await import('../diff/format-revision-docx.js')).formatRevisionDocx(table!) : formatDiff(d, format, table);
  await emitOutput(io, output, flags.out);
  return EXIT.OK;
}

export const FORM_FORMATS = ['yaml', 'xlsx'] as const;

/** `zwgk init --rubric <r> [--format yaml|xlsx] [--from evidence] [--class B]`: a blank (or pre-filled) evidence form. */
export async function commandInit(io: CliIo, flags: { rubric?: string; format?: string; out?: string; from?: string; class?: string }): Promise<number> {
  if (!flags.rubric) throw new UsageError('缺少 --rubric <细则文件>');
  const format = choose(formatFromOut(flags.format, flags.out, FORM_FORMATS), FORM_FORMATS, 'yaml', '表单格式');
  if (format === 'xlsx' && !flags.out) throw new UsageError('xlsx 是二进制格式,请用 --out <文件> 指定输出文件');
  const compiled = await loadRubricOrReport(io, flags.rubric);
  if (!compiled) return EXIT.INVALID_INPUT;
  const agencyClass = flags.class;
  const classError = agencyClass === undefined ? null : classProblem(compiled.model, agencyClass);
  if (classError) throw new UsageError(classError);
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
    const fromClass = prefill.agency.class;
    if (agencyClass !== undefined && fromClass !== undefined && fromClass !== '' && fromClass !== agencyClass)
      throw new UsageError(`--from 的证据文件 ${flags.from} 中单位类别为 ${fromClass}，与 --class ${agencyClass} 不一致`);
  }
  const opts = { ...(prefill ? { evidence: prefill } : {}), ...(agencyClass !== undefined ? { agencyClass } : {}) };
  if (format === 'xlsx') {
    const wb = await buildEvidenceWorkbook(compiled, opts);
    await emitOutput(io, await writeWorkbook(wb), flags.out);
  } else await emitOutput(io, buildYamlForm(compiled, opts), flags.out);
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
