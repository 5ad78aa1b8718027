// The Diagnostic data type shared by every stage, and the Result wrapper stages return.
import { type DiagnosticCode, formatMessage, type MessageData } from './codes.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** Dotted path into the document, e.g. `nodes[0].children[2].scoring.when.fact`. */
  path?: string;
  nodeId?: string;
  expected?: unknown;
  actual?: unknown;
  /** "Did you mean" or other advice, in Chinese. */
  hint?: string;
}

export type Result<T> = { ok: true; value: T; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

export type PathSegment = string | number;

/** Render a path array as `a.b[0].c`. */
export function toDotPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Build a diagnostic whose message comes from the code table. */
export function makeDiagnostic(
  code: DiagnosticCode,
  data: Omit<MessageData, 'path'> & { severity?: Severity; file?: string; path?: readonly PathSegment[]; nodeId?: string; hint?: string },
): Diagnostic {
  const d: Diagnostic = {
    code,
    severity: data.severity ?? 'error',
    message: formatMessage(code, { ...data, path: data.path ? toDotPath(data.path) : undefined }),
  };
  if (data.file !== undefined) d.file = data.file;
  if (data.path !== undefined) d.path = toDotPath(data.path);
  if (data.nodeId !== undefined) d.nodeId = data.nodeId;
  if (data.expected !== undefined) d.expected = data.expected;
  if (data.actual !== undefined) d.actual = data.actual;
  if (data.hint !== undefined) d.hint = data.hint;
  return d;
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/** Sort by file, line, column, code so that output order never depends on discovery order. */
export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return [...diags].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code) ||
      (a.path ?? '').localeCompare(b.path ?? ''),
  );
}
