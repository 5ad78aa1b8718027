// Human output of diagnostics: `file:line:col 错误 CODE path: message` plus a code frame and a hint.
import type { Diagnostic } from './diagnostic.js';
import { codeFrame } from './locate.js';

const SEVERITY_TEXT = { error: '错误', warning: '警告', info: '提示' } as const;

/** Format diagnostics for a terminal; `sources` maps file names to their text for code frames. */
export function formatDiagnostics(diags: readonly Diagnostic[], sources: ReadonlyMap<string, string> = new Map()): string {
  const lines: string[] = [];
  for (const d of diags) {
    const where = d.file ? `${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''} ` : '';
    const path = d.path ? ` ${d.path}` : '';
    lines.push(`${where}${SEVERITY_TEXT[d.severity]} ${d.code}${path}:${d.message}`);
    const text = d.file ? sources.get(d.file) : undefined;
    if (text && d.line) lines.push(codeFrame(text, d.line, d.column ?? 1));
    if (d.hint) lines.push(`  提示:${d.hint}`);
  }
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.filter((d) => d.severity === 'warning').length;
  lines.push(`共 ${errors} 个错误,${warnings} 个警告`);
  return lines.join('\n');
}
