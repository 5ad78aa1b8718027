// Output helpers shared by the score, render and demo commands: atomic writes, and rendering errors (Chromium
// missing, a broken custom template) printed in Chinese with exit code 2 and no stack trace.
import { resolve } from 'node:path';
import type { FormatOutput } from '../formatters/index.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { isRenderError } from '../render/errors.js';
import { EXIT, type CliIo } from './io.js';

/**
 * Run a rendering step; a RenderError (Chromium missing, bad custom template) is printed in Chinese, exit code 2,
 * no stack trace.
 */
export async function renderOrExplain(io: CliIo, produce: () => Promise<FormatOutput>): Promise<FormatOutput | number> {
  try {
    return await produce();
  } catch (err) {
    if (!isRenderError(err)) throw err;
    const kind = err.code.startsWith('CHROMIUM') || err.code === 'CJK_FONT_MISSING' ? '环境错误' : err.code.startsWith('TEMPLATE') ? '模板错误' : '用法错误';
    io.stderr(`${kind}:${err.message}\n`);
    return EXIT.USAGE;
  }
}

/** Write output to --out atomically, or to stdout (text formats only). */
export async function emitOutput(io: CliIo, output: FormatOutput, out: string | undefined): Promise<void> {
  if (out) {
    await writeFileAtomic(resolve(io.cwd, out), output);
    io.stderr(`已写入 ${out}\n`);
  } else io.stdout(typeof output === 'string' ? output : Buffer.from(output).toString('utf8'));
}

