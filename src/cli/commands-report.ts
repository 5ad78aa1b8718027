// `zwgk report check|show|facts`: annual reports (政府信息公开工作年度报告). check runs H1–H6/S1–S12 (exit 1 on a FAIL
// or, in batch use over a folder, on any FAIL or unreadable file); show prints the parsed tables; facts writes the
// rubric's report-sourced facts into an evidence file (or merges them into the agency's own, reporting conflicts).
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { parseEvidence } from '../api.js';
import { checkReportsBatch, formatBatchJson, formatBatchText, listReportFiles } from '../annual-report/batch-check.js';
import { buildCheckReport } from '../annual-report/check-report.js';
import type { CheckOptions } from '../annual-report/checks/check-context.js';
import { LEVELS } from '../annual-report/checks/run-checks.js';
import { CHECK_FORMATS, formatCheckHtml, formatCheckJson, formatCheckText } from '../annual-report/format-check.js';
import { formatShowJson, formatShowMarkdown, SHOW_FORMATS } from '../annual-report/format-show.js';
import type { AnnualReport } from '../annual-report/model.js';
import { loadAnnualReport, type ReadOptions } from '../annual-report/read-report.js';
import { mergeReportFacts, readReportFacts } from '../annual-report/report-facts.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { loadRubricOrReport, printDiagnostics } from './commands-core.js';
import { formatFromOut } from './format-from-out.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { emitOutput } from './output.js';

export interface ReadFlags {
  year?: string;
  published?: string;
}
export interface CheckFlags extends ReadFlags {
  previous?: string;
  level?: string;
  children?: string[];
  format?: string;
  out?: string;
}

function choose<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, what: string): T {
  const v = value ?? fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  const hint = didYouMean(v, allowed);
  throw new UsageError(`未知的${what} "${v}",可选:${allowed.join('、')}${hint ? `。${hint}` : ''}`);
}

function readOptions(flags: ReadFlags): ReadOptions {
  const opts: ReadOptions = {};
  if (flags.year !== undefined) {
    const y = Number(flags.year);
    if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new UsageError(`--year 须为 2000–2100 的年份,而不是 "${flags.year}"`);
    opts.year = y;
  }
  if (flags.published !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(flags.published) || Number.isNaN(Date.parse(flags.published))) throw new UsageError(`--published 须写成 YYYY-MM-DD,而不是 "${flags.published}"`);
    opts.publishedOn = flags.published;
  }
  return opts;
}

function checkLevel(level: string | undefined): string | undefined {
  if (level === undefined) return undefined;
  return choose(level, LEVELS, LEVELS[0]!, '单位层级');
}

/** Files whose cells could not all be read (errors printed but the rest of the report read). */
const partlyUnreadable = new WeakSet<AnnualReport>();

/** Load a report, printing its diagnostics (warnings too); null when it cannot be read. */
async function loadReportOrExplain(io: CliIo, file: string, opts: ReadOptions = {}): Promise<AnnualReport | null> {
  const res = await loadAnnualReport(file, io.cwd, opts);
  if (res.diagnostics.length) await printDiagnostics(io, res.diagnostics);
  if (res.ok && hasErrors(res.diagnostics)) partlyUnreadable.add(res.value);
  return res.ok ? res.value : null;
}

async function isDirectory(io: CliIo, p: string): Promise<boolean> {
  return (await stat(resolve(io.cwd, p)).catch(() => null))?.isDirectory() ?? false;
}

export async function commandReportCheck(io: CliIo, inputs: string[], flags: CheckFlags): Promise<number> {
  const format = choose(formatFromOut(flags.format, flags.out, CHECK_FORMATS), CHECK_FORMATS, 'text', '输出格式');
  const level = checkLevel(flags.level);
  if (inputs.length > 1 || (await isDirectory(io, inputs[0]!))) {
    if (flags.previous || flags.children || flags.year || flags.published) throw new UsageError('批量核验(文件夹或多个文件)不能同时使用 --previous、--children、--year 或 --published(它们只适用于一份年报)');
    if (format === 'html') throw new UsageError('批量核验的输出格式为 text 或 json');
    const files = await listReportFiles(inputs, io.cwd);
    if (files.length === 0) throw new UsageError(`${inputs.join('、')} 中没有年报文件(.html、.htm、.shtml、.txt)`);
    const rows = await checkReportsBatch(files, io.cwd, level ? { level } : {});
    await emitOutput(io, format === 'json' ? formatBatchJson(rows) : formatBatchText(rows), flags.out);
    return rows.some((r) => !r.check || r.check.summary.outcome === 'FAIL') ? EXIT.INVALID_INPUT : EXIT.OK;
  }
  const report = await loadReportOrExplain(io, inputs[0]!, readOptions(flags));
  if (!report) return EXIT.INVALID_INPUT;
  const opts: CheckOptions = level ? { level } : {};
  if (flags.previous) {
    const prev = await loadReportOrExplain(io, flags.previous);
    if (!prev) return EXIT.INVALID_INPUT;
    opts.previous = prev;
  }
  if (flags.children?.length) {
    opts.children = [];
    for (const f of await listReportFiles(flags.children, io.cwd)) {
      const child = await loadReportOrExplain(io, f);
      if (!child) return EXIT.INVALID_INPUT;
      opts.children.push(child);
    }
  }
  const check = buildCheckReport(report, opts);
  const text = format === 'json' ? formatCheckJson(check) : format === 'html' ? formatCheckHtml(check, report) : formatCheckText(check, report);
  await emitOutput(io, text, flags.out);
  // A cell that could not be read is an error in the input even when no check fails because of it.
  return check.summary.FAIL > 0 || partlyUnreadable.has(report) ? EXIT.INVALID_INPUT : EXIT.OK;
}

export async function commandReportShow(io: CliIo, file: string, flags: ReadFlags & { format?: string; out?: string }): Promise<number> {
  const format = choose(formatFromOut(flags.format, flags.out, SHOW_FORMATS), SHOW_FORMATS, 'md', '输出格式');
  const report = await loadReportOrExplain(io, file, readOptions(flags));
  if (!report) return EXIT.INVALID_INPUT;
  await emitOutput(io, format === 'json' ? formatShowJson(report) : formatShowMarkdown(report), flags.out);
  return EXIT.OK;
}

export interface FactsFlags extends CheckFlags {
  rubric?: string;
  evidence?: string;
  agency?: string;
  code?: string;
}

export async function commandReportFacts(io: CliIo, file: string, flags: FactsFlags): Promise<number> {
  if (!flags.rubric) throw new UsageError('缺少 --rubric <细则文件>');
  if (!flags.out) throw new UsageError('缺少 --out <证据文件>(可与 --evidence 相同,即就地合并)');
  if (extname(flags.out).toLowerCase() === '.json' || (flags.evidence && extname(flags.evidence).toLowerCase() === '.json')) throw new UsageError('report facts 读写 YAML 证据文件(.yaml);JSON 证据请先用 zwgk init --from 转为 YAML');
  const level = checkLevel(flags.level);
  const compiled = await loadRubricOrReport(io, flags.rubric);
  if (!compiled) return EXIT.INVALID_INPUT;
  const report = await loadReportOrExplain(io, file, readOptions(flags));
  if (!report) return EXIT.INVALID_INPUT;
  const opts: CheckOptions = level ? { level } : {};
  if (flags.previous) {
    const prev = await loadReportOrExplain(io, flags.previous);
    if (!prev) return EXIT.INVALID_INPUT;
    opts.previous = prev;
  }
  const check = buildCheckReport(report, opts);
  const read = readReportFacts(compiled.rubric.facts, report, check, flags.rubric);
  const diags: Diagnostic[] = [...read.diagnostics];
  if (hasErrors(diags)) {
    await printDiagnostics(io, diags);
    return EXIT.INVALID_INPUT;
  }
  let existing: { file: string; text: string } | null = null;
  if (flags.evidence) {
    try {
      existing = { file: flags.evidence, text: await readFile(resolve(io.cwd, flags.evidence), 'utf8') };
    } catch {
      throw new UsageError(`无法读取证据文件 ${flags.evidence}`);
    }
    // Merge only into evidence that is itself valid for this rubric (syntax, schema, fact types).
    const before = parseEvidence(flags.evidence, existing.text, compiled);
    if (!before.ok) {
      await printDiagnostics(io, before.diagnostics);
      return EXIT.INVALID_INPUT;
    }
  }
  const agency = flags.agency ?? report.agency;
  const year = report.year;
  if (!existing && (!agency || year === null)) throw new UsageError(`年报未写明${!agency ? '单位名称(请用 --agency 指定)' : '报告年度(请用 --year 指定)'}`);
  const merged = mergeReportFacts(existing, read.facts, {
    rubric: { id: compiled.rubric.id, version: compiled.rubric.version },
    agency: { name: agency ?? '', code: flags.code ?? basename(file, extname(file)) },
    year: year ?? 0,
  });
  diags.push(...merged.diagnostics);
  // The result must be valid evidence for this rubric: check it before writing.
  const valid = parseEvidence(flags.out, merged.text, compiled);
  if (!valid.ok) {
    await printDiagnostics(io, [...diags, ...valid.diagnostics]);
    return EXIT.INVALID_INPUT;
  }
  if (diags.length) await printDiagnostics(io, diags);
  await emitOutput(io, merged.text, flags.out);
  io.stderr(`从年报写入 ${read.facts.length} 个事实:${read.facts.map((f) => `${f.id} = ${f.value}`).join(',') || '无'}\n`);
  return EXIT.OK;
}
