// Human output of diagnostics: `file:line:col 错误 CODE path: message` plus a code frame and a hint.
import type { Diagnostic } from './diagnostic.js';
import { stripControlChars } from './control-chars.js';
import { codeFrame } from './locate.js';

const SEVERITY_TEXT = { error: '错误', warning: '警告', info: '提示' } as const;

/**
 * At most this many diagnostics of one code are printed per file (as ESLint's and tsc's summaries do): a file with
 * 30,000 unknown keys gets 20 of them and a count of the rest, not 30,000 code frames.
 */
export const MAX_PRINTED_PER_CODE = 20;

/** Format diagnostics for a terminal; `sources` maps file names to their text for code frames. */
export function formatDiagnostics(diags: readonly Diagnostic[], sources: ReadonlyMap<string, string> = new Map(), maxPerCode = MAX_PRINTED_PER_CODE): string {
  const lines: string[] = [];
  const printed = new Map<string, number>();
  const hidden = new Map<string, { file: string; code: string; count: number }>();
  for (const d of diags) {
    const group = `${d.file ?? ''}\u0000${d.code}`;
    const n = (printed.get(group) ?? 0) + 1;
    printed.set(group, n);
    if (n > maxPerCode) {
      const h = hidden.get(group) ?? { file: d.file ?? '', code: d.code, count: 0 };
      h.count++;
      hidden.set(group, h);
      continue;
    }
    const where = d.file ? `${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''} ` : '';
    const path = d.path ? ` ${d.path}` : '';
    lines.push(`${where}${SEVERITY_TEXT[d.severity]} ${d.code}${path}:${d.message}`);
    const text = d.file ? sources.get(d.file) : undefined;
    if (text && d.line) lines.push(codeFrame(text, d.line, d.column ?? 1));
    if (d.hint) lines.push(`  提示：${d.hint}`);
  }
  for (const h of hidden.values()) lines.push(`${h.file ? `${h.file} ` : ''}另有 ${h.count} 条 ${h.code} 未逐条列出（同类共 ${h.count + maxPerCode} 条）`);
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.filter((d) => d.severity === 'warning').length;
  lines.push(`共 ${errors} 个错误，${warnings} 个警告`);
  // Messages quote input (names, keys, source lines): never let its control characters reach the terminal.
  return stripControlChars(lines.join('\n'));
}
