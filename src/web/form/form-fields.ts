// The evidence form's fields: their names, the raw text each holds, and the conversion of a posted form (the raw
// texts) into the evidence parts the agency edits — facts, claims (自评分), citations, not-applicable requests —
// with a Chinese message per field that cannot be read. Pure: raw strings in, typed values and errors out; the
// engine's own evidence check runs afterwards (evidence-draft.ts) and its findings are tied to the same fields.
import type { CompiledRubric } from '../../compile/compile-rubric.js';
import type { Evidence } from '../../schema/evidence-schema.js';
import type { FactDef } from '../../schema/fact-schema.js';
import { numericRange } from '../../forms/fact-catalogue.js';

/** Raw form texts by field name (what the browser posts, what the page shows back). */
export type FormValues = Record<string, string>;
/** Chinese message by field name. */
export type FieldErrors = Record<string, string>;

/** Citation columns in the form, in display order. */
export const CITATION_FIELDS = ['title', 'docNumber', 'url', 'date', 'note'] as const;
export type CitationField = (typeof CITATION_FIELDS)[number];
/** Citations per item the form offers (existing ones plus one blank row). */
export const MAX_CITATIONS_PER_ITEM = 20;
const MAX_FIELDS = 5000;
const MAX_FIELD_CHARS = 4000;

export const fieldName = {
  fact: (id: string) => `fact:${id}`,
  claim: (id: string) => `claim:${id}`,
  na: (id: string) => `na:${id}`,
  cite: (node: string, i: number, f: CitationField) => `cite:${node}:${i}:${f}`,
};

/** An HTML id for a field name: ids keep [A-Za-z0-9_.-] and encode anything else, so two names never collide. */
export function fieldId(name: string): string {
  return 'f-' + name.replace(/[^A-Za-z0-9_.-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`);
}

/** The parts of the evidence the form edits. */
export interface EvidenceParts {
  facts: Record<string, Evidence['facts'][string]>;
  claims: Record<string, number>;
  evidence: Record<string, Array<Evidence['evidence'][string][number]>>;
  notApplicable: Array<{ node: string; reason: string }>;
}

const BOOL_TEXT: Record<string, boolean> = { 是: true, 否: false, true: true, false: false };

/** Text of a fact value as the form shows it. */
export function factText(def: FactDef, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (def.type === 'boolean' && typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'boolean' ? (x ? '是' : '否') : String(x))).join('\n');
  return String(v);
}

function parseNumber(s: string): number | null {
  const t = s.replace(/[,,\s]/g, '').replace(/[%%]$/, '');
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : null;
}

function rangeError(def: FactDef, n: number): string | null {
  const { min, max } = numericRange(def);
  const unit = def.type === 'percent' ? '%' : def.unit ?? '';
  if (min !== undefined && n < min) return `不能小于 ${min}${unit}`;
  if (max !== undefined && n > max) return `不能大于 ${max}${unit}`;
  return null;
}

/**
 * A fact's text → its value (null when blank), or a Chinese message saying what was expected.
 * Percent facts are entered as percents (85 or 85%), never as fractions.
 */
export function parseFactText(def: FactDef, raw: string): { value: Evidence['facts'][string] } | { error: string } {
  const s = raw.trim();
  if (s === '') return { value: null };
  switch (def.type) {
    case 'boolean': {
      const b = BOOL_TEXT[s];
      return b === undefined ? { error: '请选择“是”或“否”' } : { value: b };
    }
    case 'integer':
    case 'number':
    case 'percent': {
      const n = parseNumber(s);
      if (n === null) return { error: `“${s}”不是数字，请填写阿拉伯数字${def.type === 'percent' ? '（如 85 表示 85%）' : ''}` };
      if (def.type === 'integer' && !Number.isInteger(n)) return { error: `“${s}”不是整数，请填写整数` };
      const r = rangeError(def, n);
      return r ? { error: r } : { value: n };
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) ? { value: s } : { error: '请按 年-月-日 填写日期，如 2017-05-10' };
    case 'enum':
      return (def.values ?? []).includes(s) ? { value: s } : { error: `请从下列选项中选择：${(def.values ?? []).join('、')}` };
    case 'list': {
      const items = s.split(/\r?\n/).map((x) => x.trim()).filter((x) => x !== '');
      if (def.items === 'number' || def.items === 'integer') {
        const nums = items.map(parseNumber);
        const bad = items.find((_x, i) => nums[i] === null || (def.items === 'integer' && !Number.isInteger(nums[i])));
        return bad !== undefined ? { error: `第 ${items.indexOf(bad) + 1} 行“${bad}”不是${def.items === 'integer' ? '整数' : '数字'}` } : { value: nums as number[] };
      }
      if (def.items === 'boolean') {
        const bad = items.find((x) => BOOL_TEXT[x] === undefined);
        return bad !== undefined ? { error: `第 ${items.indexOf(bad) + 1} 行“${bad}”不是 是/否` } : { value: items.map((x) => BOOL_TEXT[x]!) };
      }
      return { value: items };
    }
    default:
      return { value: s };
  }
}

/** A claim's text → points, or a message. Bounds against the item's maximum are the engine's check. */
export function parseClaimText(raw: string): { value: number | null } | { error: string } {
  const s = raw.trim();
  if (s === '') return { value: null };
  const n = parseNumber(s);
  if (n === null) return { error: `“${s}”不是数字，请填写自评分（如 3 或 2.5）` };
  if (n < 0) return { error: '自评分不能为负数' };
  return { value: n };
}

/** The raw texts of an evidence's editable parts (to show a stored draft in the form). */
export function formValuesOf(compiled: CompiledRubric, ev: Pick<Evidence, 'facts' | 'claims' | 'evidence' | 'notApplicable'>): FormValues {
  const out: FormValues = {};
  for (const [id, v] of Object.entries(ev.facts)) {
    const def = Object.hasOwn(compiled.rubric.facts, id) ? compiled.rubric.facts[id] : undefined;
    if (def) out[fieldName.fact(id)] = factText(def, v);
  }
  for (const [id, v] of Object.entries(ev.claims)) out[fieldName.claim(id)] = String(v);
  for (const na of ev.notApplicable) out[fieldName.na(na.node)] = na.reason;
  for (const [node, list] of Object.entries(ev.evidence)) {
    list.forEach((c, i) => {
      for (const f of CITATION_FIELDS) out[fieldName.cite(node, i, f)] = c[f] ?? '';
    });
  }
  return out;
}

/** Keep only string fields of a posted body, bounded in count and length; drop prototype-like keys. */
export function boundFormValues(body: unknown): FormValues {
  const out: FormValues = Object.create(null) as FormValues;
  if (!body || typeof body !== 'object') return out;
  let n = 0;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (++n > MAX_FIELDS) break;
    if (k === '__proto__' || k === 'constructor' || k === 'prototype' || k.length > 200) continue;
    const s = Array.isArray(v) ? v.find((x) => typeof x === 'string') : v;
    if (typeof s === 'string') out[k] = s.length > MAX_FIELD_CHARS ? s.slice(0, MAX_FIELD_CHARS) : s;
  }
  return out;
}

/**
 * Read the posted form: every field the rubric knows, converted, with a message per unreadable field. Fields the
 * rubric does not know are ignored (a stale page after a rubric change must not break the save).
 */
export function parseEvidenceForm(compiled: CompiledRubric, values: FormValues): { parts: EvidenceParts; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const parts: EvidenceParts = { facts: {}, claims: {}, evidence: {}, notApplicable: [] };
  const get = (name: string): string | undefined => (Object.hasOwn(values, name) ? values[name] : undefined);
  for (const [id, def] of Object.entries(compiled.rubric.facts)) {
    if (def.derive) continue;
    const raw = get(fieldName.fact(id));
    if (raw === undefined) continue;
    const r = parseFactText(def, raw);
    if ('error' in r) errors[fieldName.fact(id)] = r.error;
    else parts.facts[id] = r.value;
  }
  for (const n of compiled.model.nodes) {
    const claim = get(fieldName.claim(n.id));
    if (claim !== undefined) {
      const r = parseClaimText(claim);
      if ('error' in r) errors[fieldName.claim(n.id)] = r.error;
      else if (r.value !== null) parts.claims[n.id] = r.value;
    }
    const na = get(fieldName.na(n.id));
    if (na !== undefined && na.trim() !== '') parts.notApplicable.push({ node: n.id, reason: na.trim() });
    const cites: EvidenceParts['evidence'][string] = [];
    for (let i = 0; i < MAX_CITATIONS_PER_ITEM; i++) {
      const row = Object.fromEntries(CITATION_FIELDS.map((f) => [f, (get(fieldName.cite(n.id, i, f)) ?? '').trim()])) as Record<CitationField, string>;
      if (CITATION_FIELDS.every((f) => row[f] === '')) continue;
      if (row.title === '') {
        errors[fieldName.cite(n.id, i, 'title')] = '请填写材料名称（填了文号、网址或日期的佐证材料必须有名称）';
        continue;
      }
      if (row.date !== '' && !(/^\d{4}-\d{2}-\d{2}$/.test(row.date) && !Number.isNaN(Date.parse(row.date)))) {
        errors[fieldName.cite(n.id, i, 'date')] = '请按 年-月-日 填写日期，如 2017-05-10';
        continue;
      }
      if (row.url !== '' && !/^https?:\/\/\S+$/i.test(row.url)) {
        errors[fieldName.cite(n.id, i, 'url')] = '网址应以 http:// 或 https:// 开头';
        continue;
      }
      const c: EvidenceParts['evidence'][string][number] = { title: row.title };
      for (const f of ['docNumber', 'url', 'date', 'note'] as const) if (row[f] !== '') c[f] = row[f];
      cites.push(c);
    }
    if (cites.length > 0) parts.evidence[n.id] = cites;
  }
  return { parts, errors };
}
