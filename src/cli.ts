// The CLI: a thin adapter from argv to the library, returning an exit code (never calling process.exit).
//
//   src/bin/zwgk.js ──> cli.ts run() ──> cli/commands-*.ts ──> api.ts (load → validate → compile → score)
//                                                          └──> formatters/ (report → text | json | …)
// Commands are declared here and in cli/declare-*.ts from light modules only (names, options, help: cli/choices.ts);
// a command's module is imported inside its action, so `zwgk score` never loads exceljs, docx, fastify or playwright
// (tests/cli/lazy-commands.test.ts).
import { Command, CommanderError } from 'commander';
import type { ScoreFlags } from './cli/commands-core.js';
import { ENGINE_OPTION_HELP, SCORE_FORMATS } from './cli/choices.js';
import type { RenderFlags } from './cli/commands-render.js';
import { registerCompareCommand } from './cli/declare-compare.js';
import { registerAuthoringCommands } from './cli/declare-authoring.js';
import { registerServeCommand } from './cli/declare-serve.js';
import { registerReportCommands } from './cli/declare-report.js';
import { EXIT, UsageError, type CliIo } from './cli/io.js';
import { didYouMean } from './diagnostics/suggest.js';
import { chineseTypography } from './render/chinese-text.js';
import { ENGINE_VERSION } from './version.js';

export type { CliIo } from './cli/io.js';
export { EXIT } from './cli/io.js';

const quoted = (e: CommanderError): string => e.message.match(/'([^']+)'/)?.[1] ?? '';

/** commander prints its help headings in English; users read Chinese. */
function translateHelp(s: string): string {
  return s
    .replace(/^Usage: /gm, '用法：')
    .replace(/^Options:/gm, '选项：')
    .replace(/^Commands:/gm, '命令：')
    .replace(/^Arguments:/gm, '参数：')
    .split('\n')
    // "[选项]" is three columns narrower than "[options]": widen the gap before the description to keep it aligned.
    .map((line) => (line.includes('[options]') ? line.replace('[options]', '[选项]').replace(/^(\s+\S.*?)( {2,})/, '$1$2   ') : line))
    // `help [command]` in the command list: "[命令]" is three columns narrower too.
    .map((line) => (/^\s+help \[command\]\s/.test(line) ? line.replace('[command]', '[命令]').replace(/^(\s+\S.*?)( {2,})/, '$1$2   ') : line))
    .join('\n')
    .replace(/\[command\]/g, '[命令]')
    .replace(/\(default: /g, '(默认:')
    // The descriptions are Chinese sentences: full-width （）：，； beside Chinese (chineseTypography).
    .split('\n')
    .map(chineseTypography)
    .join('\n');
}

/** File-system errors that reach the CLI come from writing outputs: a user error, said in Chinese. */
const WRITE_ERRORS: Record<string, string> = {
  EISDIR: '这是一个文件夹，请给出文件名',
  ENOTDIR: '路径中有一段不是文件夹',
  // mkdir -p over an existing file: `--out plain/r.txt` where `plain` is a file.
  EEXIST: '路径中有一段是已存在的文件，不是文件夹',
  ENAMETOOLONG: '文件名过长',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '文件系统只读',
  ENOSPC: '磁盘空间不足',
};
const COMMANDER_MESSAGES: Record<string, (e: CommanderError) => string> = {
  'commander.unknownOption': (e) => `未知选项 ${quoted(e)}`,
  'commander.unknownCommand': (e) => `未知命令 ${quoted(e)}`,
  'commander.missingArgument': (e) => `缺少参数 <${quoted(e)}>`,
  'commander.optionMissingArgument': (e) => `选项 ${quoted(e)} 缺少取值`,
  'commander.missingMandatoryOptionValue': (e) => `缺少必填选项 ${quoted(e)}`,
  'commander.excessArguments': () => '参数过多',
};

const core = () => import('./cli/commands-core.js');

function buildProgram(io: CliIo, setCode: (c: number) => void): Command {
  const program = new Command('zwgk')
    .description('政务公开考核评价自查评分引擎')
    .version(ENGINE_VERSION, '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助,如 zwgk help compare')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(translateHelp(s)), writeErr: () => undefined })
    .showSuggestionAfterError(false);
  program
    .command('check')
    .description('检查评分细则(YAML)是否正确,列出全部问题')
    .argument('<rubric>', '细则文件')
    .action(async (rubric: string) => setCode(await (await core()).commandCheck(io, rubric)));
  program
    .command('compile')
    .description('把细则编译为 json-rules-engine 规则(JSON)并输出')
    .argument('<rubric>', '细则文件')
    .action(async (rubric: string) => setCode(await (await core()).commandCompile(io, rubric)));
  program
    .command('score')
    .description('按细则为一个单位的佐证材料评分,输出逐项得分报告')
    .argument('<evidence>', '单位的证据文件(YAML 或 JSON)')
    .option('-r, --rubric <rubric>', '细则文件(必填)')
    .option('-f, --format <format>', `输出格式:${SCORE_FORMATS.join('、')}(默认 text;省略时按 --out 的扩展名推断)`)
    .option('-o, --out <file>', '写入文件(原子写入),而不是输出到屏幕')
    .option('--strict', '缺少佐证事实或数据核验未通过(未经政务公开办处理)时报错(退出码 1)')
    .option('--template <dir>', '自定义模板目录(覆盖同名内置模板)')
    .option('--landscape', 'A4 横向打印')
    .option('--attachment-label <label>', '标题上方的附件标注,如 附件1(随文件印发时)')
    .option('--review <file>', '政务公开办的评审文件(评审意见、改定分、事实更正、不适用决定)')
    .option('--engine <engine>', ENGINE_OPTION_HELP)
    .action(async (evidence: string, flags: ScoreFlags) => setCode(await (await core()).commandScore(io, evidence, flags)));
  program
    .command('render')
    .description('渲染自查评分表:由细则生成空白表(--blank --rubric),或把已保存的 JSON 得分报告输出为各种格式;--annex 附件2 输出细则中的统计表')
    .argument('[report]', 'JSON 得分报告(zwgk score … --format json 的输出);与 --annex 同用时为单位的证据文件')
    .option('--blank', '由细则生成空白自查评分表(不评分,供下发填写)')
    .option('-r, --rubric <rubric>', '细则文件(--blank 时必填)')
    .option('-f, --format <format>', '输出格式:html(默认)、pdf、xlsx、md、csv;得分报告另可 summary-html、summary-pdf')
    .option('-o, --out <file>', '写入文件(原子写入);pdf、xlsx 必填')
    .option('--template <dir>', '自定义模板目录(覆盖同名内置模板)')
    .option('--landscape', 'A4 横向打印')
    .option('--attachment-label <label>', '标题上方的附件标注,如 附件1(随文件印发时)')
    .option('--annex <table>', '输出细则中的统计表(如 附件2):给出证据文件则填入统计数,加 --blank 则为空白表;格式 html、pdf、xlsx、md')
    .option('--review <file>', '与 --annex 和证据文件同用:政务公开办的评审文件,表中标出核定的数值')
    .option('--class <class>', '与 --blank 同用：只列出适用于该单位类别的评分项（如 B），类别见细则的 classes')
    .action(async (report: string | undefined, flags: RenderFlags) => setCode(await (await import('./cli/commands-render.js')).commandRender(io, report, flags)));
  program
    .command('demo')
    .description('为内置示例(鄂托克前旗住建局 2017)评分并输出摘要')
    .option('-o, --out-dir <dir>', '输出目录', 'out')
    .action(async (flags: { outDir: string }) => setCode(await (await import('./cli/commands-demo.js')).commandDemo(io, flags)));
  registerCompareCommand(program, io, setCode);
  registerAuthoringCommands(program, io, setCode);
  registerServeCommand(program, io, setCode);
  registerReportCommands(program, io, setCode);
  return program;
}

/** Run the CLI; returns the exit code (0 ok, 1 invalid input, 2 usage or internal error). */
export async function run(argv: string[], io: CliIo): Promise<number> {
  let code: number = EXIT.OK;
  const program = buildProgram(io, (c) => (code = c));
  try {
    if (argv.length === 0) {
      io.stdout(translateHelp(program.helpInformation()));
      return EXIT.USAGE;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.OK;
      let msg = COMMANDER_MESSAGES[err.code]?.(err) ?? err.message;
      if (err.code === 'commander.unknownOption') {
        // did-you-mean among the options of the command being run (or the program's own)
        const cmd = program.commands.find((c) => argv.includes(c.name())) ?? program;
        const hint = didYouMean(quoted(err).split('=')[0]!, cmd.options.map((o) => o.long).filter((l): l is string => l !== undefined));
        if (hint) msg += `。${hint}`;
      }
      if (err.code === 'commander.unknownCommand') {
        const hint = didYouMean(quoted(err), program.commands.map((c) => c.name()));
        msg += hint ? `。${hint}` : `。可用命令：${program.commands.map((c) => c.name()).join('、')}`;
      }
      io.stderr(`用法错误：${chineseTypography(msg)}\n运行 zwgk --help 查看用法\n`);
      return EXIT.USAGE;
    }
    if (err instanceof UsageError) {
      io.stderr(`用法错误：${chineseTypography(err.message)}\n`);
      return EXIT.USAGE;
    }
    const errno = (err as NodeJS.ErrnoException | null)?.code;
    if (errno && WRITE_ERRORS[errno]) {
      const path = (err as NodeJS.ErrnoException).path ?? '';
      io.stderr(`无法写入输出文件 ${path}：${WRITE_ERRORS[errno]}\n`);
      return EXIT.USAGE;
    }
    // A programmer bug: users read Chinese only; the English detail is for maintainers (ZWGK_DEBUG=1).
    const detail = process.env.ZWGK_DEBUG ? `\n${err instanceof Error ? err.stack ?? err.message : String(err)}` : '';
    io.stderr(`内部错误：程序遇到了意外情况，本次运行未完成。\n请把所用的命令和输入文件报告给维护者（设置环境变量 ZWGK_DEBUG=1 可看到技术细节）。${detail}\n`);
    return EXIT.USAGE;
  }
}
