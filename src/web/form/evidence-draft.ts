// From the form to an evidence document and back: the parts the form edits merged over the rest of the stored
// draft (rubric, agency, period, judgements kept as they are), and the engine's evidence diagnostics tied to the
// form field they are about (facts.x → fact:x, claims["1.1"] → claim:1.1, notApplicable[2] → na:<node>).
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { EvidenceInput } from '../../schema/evidence-schema.js';
import { fieldName, type EvidenceParts, type FieldErrors } from './form-fields.js';

/** The stored draft with the form's parts put in place of its facts, claims, citations and n/a requests. */
export function mergeEvidenceParts(base: EvidenceInput, parts: EvidenceParts): EvidenceInput {
  return { ...base, facts: parts.facts, claims: parts.claims, evidence: parts.evidence, notApplicable: parts.notApplicable };
}

/** Split a dotted diagnostic path: `claims["1.1.1"]` → ['claims', '1.1.1'], `notApplicable[0].node` → ['notApplicable', 0, 'node']. */
export function splitPath(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  const re = /(?:^|\.)([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3]!) as string);
    if (re.lastIndex >= path.length) break;
  }
  return out;
}

/** The form field a diagnostic is about, or null when it concerns no field of the form. */
export function fieldOfDiagnostic(d: Diagnostic, parts: Pick<EvidenceParts, 'notApplicable'>): string | null {
  if (!d.path) return null;
  const p = splitPath(d.path);
  const [head, key, third] = p;
  if (head === 'facts' && typeof key === 'string') return fieldName.fact(key);
  if (head === 'claims' && typeof key === 'string') return fieldName.claim(key);
  if (head === 'notApplicable' && typeof key === 'number') {
    const na = parts.notApplicable[key];
    return na ? fieldName.na(na.node) : null;
  }
  if (head === 'evidence' && typeof key === 'string' && typeof third === 'number') {
    const f = p[3];
    return fieldName.cite(key, third, f === 'docNumber' || f === 'url' || f === 'date' || f === 'note' ? f : 'title');
  }
  return null;
}

/**
 * Errors of the engine's evidence check, by field. Diagnostics about no field (a wrong rubric version …) are
 * returned apart, for the page's message area.
 */
export function fieldErrorsOf(diagnostics: readonly Diagnostic[], parts: Pick<EvidenceParts, 'notApplicable'>): { errors: FieldErrors; general: string[] } {
  const errors: FieldErrors = {};
  const general: string[] = [];
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    const f = fieldOfDiagnostic(d, parts);
    const text = d.hint ? `${d.message}(${d.hint})` : d.message;
    if (f === null) general.push(text);
    else if (!Object.hasOwn(errors, f)) errors[f] = text;
  }
  return { errors, general };
}
