// `zwgk report check|show|facts` declared for commander; the annual-report reader and checks
// (cli/commands-report.ts) are imported only when a command runs.
import type { Command } from 'commander';
import { REPORT_CHECK_FORMATS, REPORT_LEVELS, REPORT_SHOW_FORMATS } from './choices.js';
import type { CheckFlags, FactsFlags, ReadFlags } from './commands-report.js';
import type { CliIo } from './io.js';

const load = () => import('./commands-report.js');
const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

export function registerReportCommands(program: Command, io: CliIo, setCode: (c: number) => void): void {
  const report = program.command('report').description('政府信息公开工作年度报告:核验勾稽关系、查看解析结果、把表中数字写入证据').helpCommand(false);
  report
    .command('check')
    .description('核验年报(H1–H6 硬性、S1–S12 提示性);给出文件夹或多个文件时逐份核验并汇总成一张表')
    .argument('<report...>', '年报文件(网页 .html 或复制的文本 .txt),或存放年报的文件夹')
    .option('--previous <report>', '上一年度的年报(核验前后衔接与雷同)')
    .option('--level <level>', `单位层级(核验发布期限):${REPORT_LEVELS.join('、')}`)
    .option('--children <report>', '下级年报(汇总年报核验 S11;可重复,或给文件夹)', collect)
    .option('--year <year>', '年报未写明年度时指定')
    .option('--published <date>', '页面未写明发布日期时指定(YYYY-MM-DD)')
    .option('-f, --format <format>', `输出格式:${REPORT_CHECK_FORMATS.join('、')}(默认 text)`)
    .option('-o, --out <file>', '写入文件(原子写入),而不是输出到屏幕')
    .action(async (inputs: string[], flags: CheckFlags) => setCode(await (await load()).commandReportCheck(io, inputs, flags)));
  report
    .command('show')
    .description('输出解析出的年报(统计表、正文、待确认的数字),便于与原网页对照')
    .argument('<report>', '年报文件')
    .option('--year <year>', '年报未写明年度时指定')
    .option('--published <date>', '页面未写明发布日期时指定(YYYY-MM-DD)')
    .option('-f, --format <format>', `输出格式:${REPORT_SHOW_FORMATS.join('、')}(默认 md)`)
    .option('-o, --out <file>', '写入文件(原子写入),而不是输出到屏幕')
    .action(async (file: string, flags: ReadFlags & { format?: string; out?: string }) => setCode(await (await load()).commandReportShow(io, file, flags)));
  report
    .command('facts')
    .description('按细则中声明了 report 来源的事实,从年报读取数值和核验结果,写入(或合并到)证据文件')
    .argument('<report>', '年报文件')
    .option('-r, --rubric <rubric>', '细则文件(必填)')
    .option('--evidence <file>', '单位已填写的证据文件(YAML);给出时合并并报告不一致')
    .option('-o, --out <file>', '写入的证据文件(必填;可与 --evidence 相同)')
    .option('--previous <report>', '上一年度的年报(雷同、前后衔接)')
    .option('--level <level>', `单位层级(发布期限):${REPORT_LEVELS.join('、')}`)
    .option('--agency <name>', '单位名称(年报未写明时)')
    .option('--code <code>', '单位代码(新建证据文件时;默认取年报文件名)')
    .option('--year <year>', '年报未写明年度时指定')
    .option('--published <date>', '页面未写明发布日期时指定(YYYY-MM-DD)')
    .action(async (file: string, flags: FactsFlags) => setCode(await (await load()).commandReportFacts(io, file, flags)));
}
