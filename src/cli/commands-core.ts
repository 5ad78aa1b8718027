// The core commands: check (validate a rubric), compile (print the json-rules-engine rules), score (one agency).
import { resolve } from 'node:path';
import { loadEvidence, scoreEvidence } from '../api.js';
import { withRuleEngine } from '../compile/compile-rubric.js';
import { CUSTOM_OPERATORS } from '../compile/operators.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { BINARY_FORMATS, formatReport, formatters, isFormatterName, type FormatContext, type FormatterName } from '../formatters/index.js';
import { formatFromOut } from './format-from-out.js';
import { kindOfFile, KIND_TEXT } from './file-kind.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { emitOutput, renderOrExplain } from './output.js';
import { loadReviewOrReport, printPending } from './commands-review.js';
import { parseEngine } from './engine-option.js';
import { loadRubricOrReport, printDiagnostics } from './load-inputs.js';
import { chineseTypography } from '../render/chinese-text.js';

// Other commands import these two from here.
export { loadRubricOrReport, printDiagnostics } from './load-inputs.js';

export async function commandCheck(io: CliIo, rubricFile: string): Promise<number> {
  const compiled = await loadRubricOrReport(io, rubricFile);
  if (!compiled) return EXIT.INVALID_INPUT;
  const m = compiled.model;
  io.stdout(
    `细则检查通过:${rubricFile}\n` +
      `  ${compiled.rubric.title}(${compiled.rubric.id} 版本 ${compiled.rubric.version})\n` +
      `  ${m.nodes.length} 个节点,${compiled.factIds.length} 个事实,${Object.keys(compiled.rubric.parameters).length} 个参数,` +
      `${compiled.rules.length} 条规则,总分 ${compiled.rubric.total}\n`,
  );
  return EXIT.OK;
}

export async function commandCompile(io: CliIo, rubricFile: string): Promise<number> {
  const compiled = await loadRubricOrReport(io, rubricFile);
  if (!compiled) return EXIT.INVALID_INPUT;
  const used = new Set<string>();
  const visit = (c: unknown): void => {
    if (Array.isArray(c)) c.forEach(visit);
    else if (c && typeof c === 'object') {
      const o = c as Record<string, unknown>;
      if (typeof o.operator === 'string' && o.operator in CUSTOM_OPERATORS) used.add(o.operator);
      Object.values(o).forEach(visit);
    }
  };
  compiled.rules.forEach((r) => visit(r.conditions));
  const artifact = {
    rubric: { id: compiled.rubric.id, version: compiled.rubric.version, hash: compiled.hash },
    engineOptions: { allowUndefinedFacts: false, pathResolver: 'own-property paths only ($.a.b[0])' },
    customOperators: [...used].sort(),
    facts: compiled.factIds,
    rules: compiled.rules,
    // The rubric's consistency checks (勾稽关系) as validated (defaults filled in): not json-rules-engine rules, they
    // are evaluated by src/checks/ on the same fact values and never change a score.
    checks: compiled.rubric.checks,
  };
  io.stdout(JSON.stringify(artifact, null, 2) + '\n');
  return EXIT.OK;
}

export interface ScoreFlags {
  rubric?: string;
  format?: string;
  out?: string;
  strict?: boolean;
  template?: string;
  landscape?: boolean;
  /** 附件 label above the title (附件1). */
  attachmentLabel?: string;
  /** The office's review file for this agency. */
  review?: string;
  /** Rule runner: compiled closures (default) or reference (json-rules-engine). */
  engine?: string;
}

/** `--attachment-label`: a short label such as 附件1 (at most 20 characters, no control characters). */
export function checkAttachmentLabel(label: string): string {
  const t = label.trim();
  // eslint-disable-next-line no-control-regex
  if (t.length === 0 || t.length > 20 || /[\u0000-\u001f\u007f]/.test(t)) throw new UsageError(`--attachment-label 须为 1–20 个字符的附件标注(如 附件1),而不是 "${label}"`);
  return t;
}

/** Validate a --format value (usage error with a suggestion when unknown). */
export function checkFormat(format: string | undefined): FormatterName {
  const f = format ?? 'text';
  if (!isFormatterName(f)) {
    const hint = didYouMean(f, Object.keys(formatters));
    throw new UsageError(`未知的输出格式 "${f}",可选:${Object.keys(formatters).join('、')}${hint ? `。${hint}` : ''}`);
  }
  return f;
}

export async function commandScore(io: CliIo, evidenceFile: string, flags: ScoreFlags): Promise<number> {
  if (!flags.rubric) throw new UsageError('缺少 --rubric <细则文件>');
  const format = checkFormat(formatFromOut(flags.format, flags.out, Object.keys(formatters)));
  if (BINARY_FORMATS.has(format) && !flags.out) throw new UsageError(`${format} 是二进制格式,请用 --out <文件> 指定输出文件`);
  const engine = parseEngine(flags.engine);
  const loaded = await loadRubricOrReport(io, flags.rubric);
  if (!loaded) return EXIT.INVALID_INPUT;
  const compiled = withRuleEngine(loaded, engine);
  const ev = await loadEvidence(evidenceFile, compiled, io.cwd);
  if (!ev.ok) {
    if ((await kindOfFile(io.cwd, evidenceFile)) === 'rubric') {
      io.stderr(`错误:${evidenceFile} 看起来是${KIND_TEXT.rubric}(有 nodes),不是单位的证据文件;请把证据文件放在第一个参数,细则用 --rubric 指定\n`);
      return EXIT.INVALID_INPUT;
    }
    await printDiagnostics(io, ev.diagnostics);
    return EXIT.INVALID_INPUT;
  }
  // Warnings about the evidence (e.g. PERCENT_SCALE_SUSPECT: 5% typed as 0.05) would otherwise cost points silently.
  if (ev.value.warnings.length > 0) await printDiagnostics(io, ev.value.warnings);
  let review;
  if (flags.review) {
    review = await loadReviewOrReport(io, flags.review, compiled, ev.value);
    if (!review) return EXIT.INVALID_INPUT;
  }
  const report = await scoreEvidence(compiled, ev.value, review);
  // The text report printed to the screen lists what is pending itself (at its end).
  printPending(io, report.pending, format === 'text' && !flags.out);
  if (report.missingEvidence.length > 0) {
    const list = report.missingEvidence.map((m) => `  ${m.id} ${chineseTypography(m.title)}：缺少 ${m.facts.join('、')}`).join('\n');
    if (flags.strict) {
      io.stderr(`错误：--strict 模式下不允许缺少佐证，以下 ${report.missingEvidence.length} 项缺少事实：\n${list}\n`);
      return EXIT.INVALID_INPUT;
    }
    io.stderr(`警告：${report.missingEvidence.length} 项缺少佐证事实，按 0 分计（加 --strict 则视为错误）：\n${list}\n`);
  }
  // Failed consistency checks (勾稽关系) of error severity not yet resolved in the review are already listed as pending
  // above; --strict refuses them, with the values seen.
  const openChecks = report.checks.filter((c) => c.outcome === 'fail' && c.severity === 'error' && !c.resolution);
  if (flags.strict && openChecks.length > 0) {
    const list = openChecks.map((c) => `  ${c.id} ${c.message}\n      ${c.text}`).join('\n');
    io.stderr(`错误:--strict 模式下数据核验须全部通过或已由政务公开办处理,以下 ${openChecks.length} 项未通过:\n${list}\n`);
    return EXIT.INVALID_INPUT;
  }
  const ctx: FormatContext = {};
  if (flags.template) ctx.templateDir = resolve(io.cwd, flags.template);
  if (flags.landscape) ctx.orientation = 'landscape';
  if (flags.attachmentLabel) ctx.attachmentLabel = checkAttachmentLabel(flags.attachmentLabel);
  // Chromium missing or a broken --template: a Chinese message, exit 2, no stack.
  const output = await renderOrExplain(io, () => formatReport(report, format, ctx));
  if (typeof output === 'number') return output;
  await emitOutput(io, output, flags.out);
  return EXIT.OK;
}
