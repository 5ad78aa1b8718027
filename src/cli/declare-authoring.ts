// `zwgk resolve|diff|init|import` declared for commander; their modules (cli/commands-authoring.ts with exceljs and
// the rubric differ, cli/commands-review.ts) are imported only when a command runs.
import type { Command } from 'commander';
import { UsageError, type CliIo } from './io.js';

const load = () => import('./commands-authoring.js');

/** Register resolve / diff / init / import on the program (kept here so cli.ts only gains one line). */
export function registerAuthoringCommands(program: Command, io: CliIo, setCode: (c: number) => void): void {
  program
    .command('resolve')
    .description('输出合并继承(extends)后的完整细则(YAML),并检查它')
    .argument('<rubric>', '细则文件')
    .option('-o, --out <file>', '写入文件(原子写入),而不是输出到屏幕')
    .action(async (rubric: string, flags: { out?: string }) => setCode(await (await load()).commandResolve(io, rubric, flags)));
  program
    .command('diff')
    .description('对比两份细则:新增、删除、移动、改名的条目,分值与各部分合计,规则、阈值和事实的变化')
    .argument('<old>', '修订前的细则')
    .argument('<new>', '修订后的细则')
    .option('-f, --format <format>', '输出格式：text（默认）、md、html、docx（md、html 附三栏对照表，docx 为三栏对照表）；省略时按 --out 的扩展名推断')
    .option('-o, --out <file>', '写入文件（原子写入），而不是输出到屏幕（docx 必填）')
    .action(async (oldFile: string, newFile: string, flags: { format?: string; out?: string }) => setCode(await (await load()).commandDiff(io, oldFile, newFile, flags)));
  program
    .command('init')
    .description('按细则生成供各单位填写的佐证材料填报表(YAML 带中文注释,或 Excel);加 --review 则为一个单位生成政务公开办的空白评审文件')
    .argument('[evidence]', '单位的证据文件(仅 --review 时使用)')
    .option('-r, --rubric <rubric>', '细则文件(必填)')
    .option('-f, --format <format>', '表单格式:yaml(默认)、xlsx;省略时按 --out 的扩展名推断')
    .option('-o, --out <file>', '写入文件(xlsx 必填)')
    .option('--from <evidence>', '用已有的证据文件预先填好表单')
    .option('--review', '生成空白评审文件(列出该单位待评定的事项)')
    .option('--class <class>', '只列出适用于该单位类别的评分项和事实（如 B），类别见细则的 classes')
    .action(async (evidence: string | undefined, flags: { rubric?: string; format?: string; out?: string; from?: string; review?: boolean; class?: string }) => {
      if (flags.review && flags.class !== undefined) throw new UsageError('--class 不能与 --review 同用：评审文件按证据文件中的单位类别生成');
      if (flags.review) return setCode(await (await import('./commands-review.js')).commandInitReview(io, evidence, flags));
      if (evidence !== undefined) throw new UsageError(`init 生成填报表时不接受证据文件参数 "${evidence}"(预填请用 --from;生成评审文件请加 --review)`);
      setCode(await (await load()).commandInit(io, flags));
    });
  program
    .command('import')
    .description('把填好的 Excel 填报表转换为证据文件(YAML),并按细则校验')
    .argument('<form>', '填好的 xlsx 填报表')
    .option('-r, --rubric <rubric>', '细则文件(必填)')
    .option('-o, --out <file>', '写入证据文件(原子写入),而不是输出到屏幕')
    .action(async (form: string, flags: { rubric?: string; out?: string }) => setCode(await (await load()).commandImport(io, form, flags)));
}
