// The only stage that touches the file system for inputs: read a rubric or evidence file, bounded in size.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { makeDiagnostic, type Result } from '../diagnostics/diagnostic.js';
import { LIMITS, parseSource, type SourceFile } from './parse-source.js';

/**
 * Read and parse a YAML/JSON file. Missing, unreadable, oversized and malformed files become diagnostics.
 * @param parse the parser (parseSource; evidence passes one that takes JSON through the fast path).
 */
export async function readSource(file: string, cwd?: string, parse: (file: string, text: string) => Result<SourceFile> = parseSource): Promise<Result<SourceFile>> {
  // `file` is kept as typed for messages; reading resolves it against `cwd` when given.
  const path = cwd ? resolve(cwd, file) : file;
  try {
    const st = await stat(path);
    if (!st.isFile()) {
      const reason = st.isDirectory() ? '这是一个文件夹,不是文件' : '不是普通文件';
      return { ok: false, diagnostics: [makeDiagnostic('FILE_UNREADABLE', { file, reason })] };
    }
    if (st.size > LIMITS.maxBytes) {
      return { ok: false, diagnostics: [makeDiagnostic('FILE_TOO_LARGE', { file, actual: st.size, expected: LIMITS.maxBytes })] };
    }
    const buf = await readFile(path);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return parse(file, text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, diagnostics: [makeDiagnostic('FILE_NOT_FOUND', { file })] };
    const notUtf8 = err instanceof TypeError;
    const reason = code === 'EACCES' ? '没有读取权限' : notUtf8 ? '不是 UTF-8 编码的文本' : code ? `系统错误 ${code}` : '未知原因';
    // Files saved by WPS/Excel/Notepad on Chinese Windows are often GBK or UTF-16.
    const hint = notUtf8 ? '请用记事本或 WPS 打开,"另存为"时把编码选为 UTF-8 后再试' : undefined;
    return { ok: false, diagnostics: [makeDiagnostic('FILE_UNREADABLE', { file, reason, ...(hint ? { hint } : {}) })] };
  }
}
