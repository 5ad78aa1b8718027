// Diagnostics of the annual-report stages, positioned at a line (and column) of the report file.
import type { DiagnosticCode, MessageData } from '../diagnostics/codes.js';
import { makeDiagnostic, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import type { SourcePos } from './model.js';

export function reportDiagnostic(
  code: DiagnosticCode,
  file: string,
  at: SourcePos | undefined,
  data: Omit<MessageData, 'path'> & { severity?: Severity; hint?: string },
): Diagnostic {
  const d = makeDiagnostic(code, { ...data, file });
  if (at && at.line > 0) {
    d.line = at.line;
    if (at.column) d.column = at.column;
  }
  return d;
}
