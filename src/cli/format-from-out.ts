// The output format implied by `--out`'s extension: `--out r.xlsx` without `--format` writes xlsx (not the text
// summary into a file named .xlsx), and `-f md --out r.pdf` is refused rather than writing Markdown into a .pdf.
import { basename, extname } from 'node:path';
import { UsageError } from './io.js';

/** Extension → the family of formats that write it. Unknown extensions (.out, .log, none) imply nothing. */
const EXTENSION_FAMILY: Readonly<Record<string, string>> = {
  '.txt': 'text',
  '.json': 'json',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.xlsx': 'xlsx',
  '.md': 'md',
  '.markdown': 'md',
  '.csv': 'csv',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.docx': 'docx',
};

const FAMILY_EXTENSION: Readonly<Record<string, string>> = { text: '.txt', json: '.json', html: '.html', pdf: '.pdf', xlsx: '.xlsx', md: '.md', csv: '.csv', yaml: '.yaml', docx: '.docx' };

/** `summary-pdf` writes a .pdf, `summary-html` a .html; every other format is its own family. */
export function formatFamily(format: string): string {
  return format.replace(/^summary-/, '');
}

function familyOfFile(out: string): string | undefined {
  const ext = extname(out).toLowerCase();
  return Object.prototype.hasOwnProperty.call(EXTENSION_FAMILY, ext) ? EXTENSION_FAMILY[ext] : undefined;
}

/**
 * The effective `--format`: the one given, else the one `--out`'s extension names (first of `allowed` in that
 * family), else undefined (the command's default). Throws a Chinese usage error when the given format and the
 * extension disagree, or when the extension names a format this command cannot write.
 */
export function formatFromOut(format: string | undefined, out: string | undefined, allowed: readonly string[]): string | undefined {
  if (out === undefined) return format;
  const family = familyOfFile(out);
  if (family === undefined) return format;
  const name = basename(out);
  if (format === undefined) {
    const match = allowed.find((f) => formatFamily(f) === family);
    if (match !== undefined) return match;
    throw new UsageError(`无法按文件名 ${name} 输出:本命令不能输出 ${family} 格式(可选:${allowed.join('、')});请用 --format 指定格式并改用相应的扩展名`);
  }
  // An unknown --format is reported by the command's own check (with its did-you-mean).
  if (!allowed.includes(format)) return format;
  if (formatFamily(format) === family) return format;
  const wanted = FAMILY_EXTENSION[formatFamily(format)];
  const instead = allowed.find((f) => formatFamily(f) === family);
  const fixes = [instead !== undefined ? `改用 --format ${instead}` : undefined, wanted !== undefined ? `把文件名改为 ${name.slice(0, name.length - extname(name).length)}${wanted}` : undefined].filter(Boolean);
  throw new UsageError(`--format ${format} 与输出文件 ${name} 的扩展名不符(${extname(name)} 应为 ${family} 格式);请${fixes.join('或')}`);
}
