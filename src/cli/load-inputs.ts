// Loading a command's inputs with the diagnostics printed: shared by every command (and by commands-core.ts and
// commands-review.ts, which import each other's helpers through here rather than in a cycle).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadRubric } from '../api.js';
import type { CompiledRubric } from '../compile/compile-rubric.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../diagnostics/format-diagnostics.js';
import { kindOfFile, KIND_TEXT } from './file-kind.js';
import type { CliIo } from './io.js';

/** Print diagnostics with code frames (reading each file once for its frames). */
export async function printDiagnostics(io: CliIo, diags: readonly Diagnostic[]): Promise<void> {
  const sources = new Map<string, string>();
  for (const d of diags) {
    // Frame only the kinds of file the tool reads as input: never echo lines of an arbitrary file.
    if (d.file && d.line && !sources.has(d.file) && /\.(ya?ml|json)$/i.test(d.file)) {
      try {
        const buf = await readFile(resolve(io.cwd, d.file));
        if (buf.length <= 4 * 1024 * 1024) sources.set(d.file, buf.toString('utf8'));
      } catch {
        // No frame when the file cannot be re-read.
      }
    }
  }
  io.stderr(formatDiagnostics(diags, sources) + '\n');
}

/** Load a rubric, printing its diagnostics; null when it is invalid. */
export async function loadRubricOrReport(io: CliIo, file: string): Promise<CompiledRubric | null> {
  const res = await loadRubric(file, io.cwd);
  if (!res.ok) {
    // An evidence file given as the rubric: one line saying so, not every missing rubric field.
    if ((await kindOfFile(io.cwd, file)) === 'evidence') {
      io.stderr(`错误:${file} 看起来是${KIND_TEXT.evidence}(有 agency、facts/claims),不是细则;--rubric 应指向细则文件(如 rubrics/etuokeqianqi-2017.yaml),证据文件放在命令的第一个参数\n`);
      return null;
    }
    await printDiagnostics(io, res.diagnostics);
    return null;
  }
  return res.value;
}
