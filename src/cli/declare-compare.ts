// `zwgk compare` declared for commander (name, arguments, options, help); its module (cli/commands-compare.ts, with
// the batch runner and the formatters) is imported only when the command runs.
import type { Command } from 'commander';
import { COMPARE_FORMATS, ENGINE_OPTION_HELP } from './choices.js';
import type { CompareFlags } from './commands-compare.js';
import type { CliIo } from './io.js';

const load = () => import('./commands-compare.js');

/** Add `compare` to the CLI program (called from src/cli.ts). */
export function registerCompareCommand(program: Command, io: CliIo, setCode: (c: number) => void): void {
  program
    .command('compare')
    .description('多单位比较:批量评分、排名(并列)、普遍失分项、自评偏高、与上年比较')
    .argument('<inputs...>', '证据文件或文件夹(.yaml/.yml/.json,文件夹递归查找)')
    .option('-r, --rubric <rubric>', '细则文件(必填)')
    .option('-f, --format <format>', `输出格式:${COMPARE_FORMATS.join('、')}(默认 text;省略时按 --out 的扩展名推断)`)
    .option('-o, --out <file>', '写入文件(原子写入),而不是输出到屏幕')
    .option('--baseline <files...>', '上一年度的证据文件或文件夹(与 --baseline-rubric 同用)')
    .option('--baseline-rubric <rubric>', '上一年度的细则文件')
    .option('-j, --jobs <n>', '并行评分线程数(默认为 CPU 核数;1 表示不开线程)')
    .option('--register <file>', '单位名册(.csv 或 .xlsx:单位代码、单位名称、类别、证据文件),据此判定单位代码重复或冒用')
    .option('--reviews <dir>', '政务公开办评审文件所在的文件夹(按单位代码与证据对应);没有评审文件的单位结果为暂定')
    .option('--baseline-reviews <dir>', '上一年度的评审文件所在的文件夹(与 --baseline 同用)')
    .option('--engine <engine>', ENGINE_OPTION_HELP)
    .option('--recipients <text>', '通报(--format docx)的主送机关,如 "各苏木镇人民政府,旗直各部门"')
    .option('--issuer <text>', '通报的发文机关署名')
    .option('--notice-date <text>', '通报的成文日期,如 2018年3月1日(不给则留空待填)')
    .option('--sheets', '与 --format html --out 同用:把各单位的自查评分表写在输出文件旁的 sheets 文件夹中,排名表的单位名称链接到它')
    .action(async (inputs: string[], flags: CompareFlags) => setCode(await (await load()).commandCompare(io, inputs, flags)));
}
