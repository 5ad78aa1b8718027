// `zwgk compare <files or folders…> --rubric <r>`: score many agencies, rank them, find the county's weak spots and
// over-claims, optionally against last year (--baseline … --baseline-rubric …). Exit 0 when every file was
// scored, 1 when any file was left out (unreadable, invalid, duplicate agency, another rubric's evidence) — the
// rest are still scored and reported — or the rubric is invalid; 2 for usage errors.
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { CompareView } from '../cohort/build-compare-report.js';
import { withRuleEngine } from '../compile/compile-rubric.js';
import { compareBatchView } from '../batch/compare-batch.js';
import { BINARY_COMPARE_FORMATS, compareChunks, compareFormatters, isCompareFormatName, type CompareFormatName } from '../formatters/compare/compare-formatters.js';
import { leftOutLines } from '../formatters/compare/format-common.js';
import { createProgressBar } from '../batch/run/progress-bar.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { writeChunksAtomic } from '../batch/run/write-chunks.js';
import { openSheetsFolder, SHEETS_FOLDER, SheetsFolderError, type SheetsFolder } from '../batch/run/agency-sheets.js';
import type { ScoreReport } from '../report/score-report.js';
import { makeDiagnostic } from '../diagnostics/diagnostic.js';
import { parseRegister, REGISTER_LIMITS, type AgencyRegister } from '../register/agency-register.js';
import { loadRubricOrReport, printDiagnostics } from './commands-core.js';
import { parseEngine } from './engine-option.js';
import { formatFromOut } from './format-from-out.js';
import { EXIT, UsageError, type CliIo } from './io.js';

export interface CompareFlags {
  rubric?: string;
  format?: string;
  out?: string;
  baseline?: string[];
  baselineRubric?: string;
  jobs?: string;
  register?: string;
  /** Folder of the office's review files, matched by agency code (this year's, and last year's). */
  reviews?: string;
  baselineReviews?: string;
  /** Rule runner: compiled closures (default) or reference (json-rules-engine), in every worker too. */
  engine?: string;
  /** The 通报 (docx): 主送, 发文机关, 成文日期. */
  recipients?: string;
  issuer?: string;
  noticeDate?: string;
  /** html: write each agency's 自查评分表 to sheets/ beside --out and link the ranking rows to them. */
  sheets?: boolean;
}

/** Read and parse `--register`, printing its diagnostics; null when it cannot be used. */
async function loadRegisterOrReport(io: CliIo, file: string): Promise<AgencyRegister | null> {
  const path = resolve(io.cwd, file);
  const st = await stat(path).catch(() => null);
  if (!st || !st.isFile()) {
    await printDiagnostics(io, [makeDiagnostic('FILE_NOT_FOUND', { file })]);
    return null;
  }
  if (st.size > REGISTER_LIMITS.maxBytes * 5) {
    await printDiagnostics(io, [makeDiagnostic('FILE_TOO_LARGE', { file, actual: st.size, expected: REGISTER_LIMITS.maxBytes * 5 })]);
    return null;
  }
  const res = await parseRegister(file, await readFile(path));
  if (!res.ok) {
    await printDiagnostics(io, res.diagnostics);
    return null;
  }
  return res.value;
}

function checkCompareFormat(format: string | undefined): CompareFormatName {
  const f = format ?? 'text';
  if (!isCompareFormatName(f)) {
    const names = Object.keys(compareFormatters);
    const hint = didYouMean(f, names);
    throw new UsageError(`未知的输出格式 "${f}",可选:${names.join('、')}${hint ? `。${hint}` : ''}`);
  }
  return f;
}

/** A short line of the 通报 given on the command line: at most 200 characters, no control characters. */
function noticeText(s: string, option: string): string {
  // eslint-disable-next-line no-control-regex
  if (s.length > 200 || /[\u0000-\u001f\u007f]/.test(s)) throw new UsageError(`${option} 须为不超过 200 个字符的一行文字`);
  return s.trim();
}

function parseJobs(jobs: string | undefined): number | undefined {
  if (jobs === undefined) return undefined;
  const n = Number(jobs);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--jobs 须为 1–256 的整数,而不是 "${jobs}"`);
  return n;
}

function reportLeftOut(io: CliIo, report: CompareView['head']): number {
  let n = 0;
  for (const f of report.leftOut) {
    n++;
    for (const l of leftOutLines(f)) io.stderr(`${l}\n`);
  }
  for (const f of report.baseline?.leftOut ?? []) {
    n++;
    for (const l of leftOutLines(f)) io.stderr(`基准年 ${l}\n`);
  }
  return n;
}

/** The sheets folder beside --out (`--sheets`), or null after saying why it cannot be used. */
async function openSheetsOrExplain(io: CliIo, out: string): Promise<SheetsFolder | null> {
  try {
    return await openSheetsFolder(resolve(io.cwd, out));
  } catch (err) {
    if (!(err instanceof SheetsFolderError)) throw err;
    io.stderr(`错误：${err.message}\n`);
    return null;
  }
}

export async function commandCompare(io: CliIo, inputs: string[], flags: CompareFlags): Promise<number> {
  if (!flags.rubric) throw new UsageError('缺少 --rubric <细则文件>');
  const format = checkCompareFormat(formatFromOut(flags.format, flags.out, Object.keys(compareFormatters)));
  if (BINARY_COMPARE_FORMATS.has(format) && !flags.out) throw new UsageError(`${format} 是二进制格式,请用 --out <文件> 指定输出文件`);
  if (flags.sheets && format !== 'html') throw new UsageError(`--sheets 只用于 --format html（排名表中的单位名称链接到各单位的自查评分表），不能与 ${format} 同用`);
  if (flags.sheets && !flags.out) throw new UsageError('--sheets 须与 --out <文件.html> 同用：各单位的自查评分表写在该文件旁的 sheets 文件夹中');
  const hasBaseline = flags.baseline !== undefined && flags.baseline.length > 0;
  if (hasBaseline !== (flags.baselineRubric !== undefined)) throw new UsageError('--baseline <去年的证据…> 与 --baseline-rubric <去年的细则> 须同时提供');
  if (flags.baselineReviews !== undefined && !hasBaseline) throw new UsageError('--baseline-reviews <去年的评审文件夹> 须与 --baseline、--baseline-rubric 同用');
  const jobs = parseJobs(flags.jobs);
  const engine = parseEngine(flags.engine);
  const loaded = await loadRubricOrReport(io, flags.rubric);
  if (!loaded) return EXIT.INVALID_INPUT;
  const compiled = withRuleEngine(loaded, engine);
  const register = flags.register !== undefined ? await loadRegisterOrReport(io, flags.register) : undefined;
  if (register === null) return EXIT.INVALID_INPUT;
  let baseline;
  if (hasBaseline) {
    const bLoaded = await loadRubricOrReport(io, flags.baselineRubric!);
    if (!bLoaded) return EXIT.INVALID_INPUT;
    const b = withRuleEngine(bLoaded, engine);
    baseline = { inputs: flags.baseline!, rubric: { file: flags.baselineRubric!, compiled: b }, ...(flags.baselineReviews !== undefined ? { reviews: flags.baselineReviews } : {}) };
  }
  const sheets = flags.sheets ? await openSheetsOrExplain(io, flags.out!) : undefined;
  if (sheets === null) return EXIT.INVALID_INPUT;
  const bar = createProgressBar(io.stderr, io.isTTY === true);
  let view: CompareView;
  try {
    view = await compareBatchView({
      inputs,
      rubric: { file: flags.rubric, compiled },
      ...(baseline ? { baseline } : {}),
      cwd: io.cwd,
      ...(jobs !== undefined ? { jobs } : {}),
      ...(register ? { register } : {}),
      ...(flags.reviews !== undefined ? { reviews: flags.reviews } : {}),
      onProgress: (phase, done, total) => bar.update(phase, done, total),
      ...(sheets ? { onAgencyReport: (code: string, report: ScoreReport) => sheets.write(code, report) } : {}),
    });
  } finally {
    bar.done();
  }
  const report = view.head;
  const leftOut = reportLeftOut(io, report);
  if (report.counts.files === 0) {
    io.stderr('未找到任何 .yaml、.yml 或 .json 证据文件\n');
    return EXIT.INVALID_INPUT;
  }
  const notice = { ...(flags.recipients ? { recipients: noticeText(flags.recipients, '--recipients') } : {}), ...(flags.issuer ? { issuer: noticeText(flags.issuer, '--issuer') } : {}), ...(flags.noticeDate ? { date: noticeText(flags.noticeDate, '--notice-date') } : {}) };
  const chunks = compareChunks(view, format, { notice, ...(sheets ? { sheetHrefs: sheets.hrefs } : {}) });
  if (flags.out) {
    await writeChunksAtomic(resolve(io.cwd, flags.out), chunks);
    io.stderr(`已写入 ${flags.out}\n`);
    if (sheets) io.stderr(`已写入 ${sheets.hrefs.size} 份单位自查评分表到 ${join(dirname(flags.out), SHEETS_FOLDER)}${sep}（排名表中的单位名称链接到各自的评分表）\n`);
  } else for await (const c of chunks) io.stdout(typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
  io.stderr(`已比较 ${report.counts.scored} 个单位${leftOut > 0 ? `;${leftOut} 个文件未计入(见上),退出码 1` : ''}\n`);
  return leftOut > 0 ? EXIT.INVALID_INPUT : EXIT.OK;
}
