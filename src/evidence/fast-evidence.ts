// A validator compiled per rubric for the common case: evidence that is well formed and fits the rubric. It does in
// one pass what the reference path does in two — the zod shape check (EvidenceSchema, schema/evidence-schema.ts) and
// the rubric's error checks (checkEvidence: rubric id/version, class, fact types and ranges, unknown facts and nodes,
// claims within points, not-applicable requests allowed) — and returns the very value zod would produce.
// It answers only "accepted, here is the value" or "not sure": on any problem, or anything unusual (a __proto__ or
// constructor key, an undefined value, a non-plain object), it returns undefined and the caller runs the reference
// path, so every message stays exactly what zod and checkEvidence say. tests/evidence/fast-evidence.test.ts checks it
// against zod + checkEvidence on random, near-valid and hostile documents for every bundled rubric.
import type { CompiledRubric } from '../compile/compile-rubric.js';
import type { Citation, Evidence, FactValue } from '../schema/evidence-schema.js';
import type { FactDef } from '../schema/fact-schema.js';
import { isCalendarDate } from '../schema/common.js';
import { dec } from '../score/decimal.js';

type Obj = Record<string, unknown>;

// The same patterns as schema/common.ts (IdSchema, DateStringSchema). Catalogue fact ids and node ids passed
// FactIdSchema / IdSchema when the rubric was loaded, so a key found among them needs no second test.
const ID_RE = /^[\p{L}\p{N}_][\p{L}\p{N}_.\-]*$/u;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A plain object the reference path reads the same way: Object.prototype, no own `constructor`/`__proto__` key. */
function plain(v: unknown): v is Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
  return !Object.prototype.hasOwnProperty.call(v, 'constructor') && !Object.prototype.hasOwnProperty.call(v, '__proto__');
}

const str = (v: unknown, min: number, max: number): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const isId = (v: unknown): v is string => str(v, 1, 64) && ID_RE.test(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && DATE_RE.test(v) && isCalendarDate(v);

/** Every own key of `o` is one of `allowed` (strictObject). */
function onlyKeys(o: Obj, allowed: ReadonlySet<string>): boolean {
  for (const k in o) if (!allowed.has(k)) return false;
  return true;
}

/** An optional key: absent, or present with a value that `ok` accepts (an explicit undefined is left to zod). */
function optional(o: Obj, key: string, ok: (v: unknown) => boolean): boolean {
  if (!(key in o)) return true;
  const v = o[key];
  return v !== undefined && ok(v);
}

const RUBRIC_KEYS = new Set(['id', 'version']);
const AGENCY_KEYS = new Set(['name', 'shortName', 'code', 'class']);
const PERIOD_KEYS = new Set(['year', 'label']);
const CITATION_KEYS = new Set(['title', 'docNumber', 'url', 'date', 'note']);
const NA_KEYS = new Set(['node', 'reason']);
const TOP_KEYS = new Set(['rubric', 'agency', 'period', 'preparedBy', 'reviewedBy', 'date', 'facts', 'evidence', 'claims', 'notApplicable', 'remediation']);

function citation(v: unknown): Citation | undefined {
  if (!plain(v) || !onlyKeys(v, CITATION_KEYS) || !str(v.title, 1, 500)) return undefined;
  if (!optional(v, 'docNumber', (x) => str(x, 0, 100)) || !optional(v, 'url', (x) => str(x, 0, 2000))) return undefined;
  if (!optional(v, 'date', isDate) || !optional(v, 'note', (x) => str(x, 0, 4000))) return undefined;
  const out: Citation = { title: v.title };
  if ('docNumber' in v) out.docNumber = v.docNumber as string;
  if ('url' in v) out.url = v.url as string;
  if ('date' in v) out.date = v.date as string;
  if ('note' in v) out.note = v.note as string;
  return out;
}

/** Whether a fact value given for `def` passes both zod's FactValueSchema and checkEvidence (type, range, not derived). */
export type FactCheck = (v: unknown) => boolean;

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const safeInt = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);
const shortString = (x: unknown): x is string => typeof x === 'string' && x.length <= 4000;

/** The fact check for one catalogue entry (normaliseFactValue + the range of factValueProblem, and zod's limits). */
function factCheck(def: FactDef): FactCheck {
  if (def.derive) return () => false;
  const lo = def.min ?? (def.type === 'percent' ? 0 : undefined);
  const hi = def.max ?? (def.type === 'percent' ? 100 : undefined);
  const inRange = (n: number): boolean => !((lo !== undefined && n < lo) || (hi !== undefined && n > hi));
  switch (def.type) {
    case 'boolean':
      return (v) => v === null || typeof v === 'boolean' || v === '是' || v === '否';
    case 'integer':
      return (v) => v === null || (safeInt(v) && inRange(v));
    case 'number':
    case 'percent':
      return (v) => v === null || (finite(v) && inRange(v));
    case 'date':
      return (v) => v === null || (shortString(v) && isDate(v));
    case 'enum': {
      const values = new Set(def.values ?? []);
      return (v) => v === null || (shortString(v) && values.has(v));
    }
    case 'text':
      return (v) => v === null || shortString(v);
    case 'list': {
      const it = def.items;
      const item: (x: unknown) => boolean =
        it === undefined
          ? (x) => typeof x === 'number' || shortString(x) || typeof x === 'boolean'
          : it === 'number'
            ? finite
            : it === 'integer'
              ? safeInt
              : it === 'boolean'
                ? (x) => typeof x === 'boolean'
                : it === 'date'
                  ? (x) => shortString(x) && isDate(x)
                  : shortString;
      // Holes (sparse arrays) are left to zod.
      return (v) => v === null || (Array.isArray(v) && v.length <= 1000 && Object.keys(v).length === v.length && v.every(item));
    }
  }
}

export type EvidenceValidator = (data: unknown) => Evidence | undefined;

/** Compile the validator for one rubric (see the file comment). */
export function compileEvidenceValidator(compiled: CompiledRubric): EvidenceValidator {
  const r = compiled.rubric;
  const facts = new Map<string, FactCheck>();
  for (const id of Object.keys(r.facts)) facts.set(id, factCheck(r.facts[id]!));
  const nodes = new Map<string, { maxNumber: number; node: (typeof compiled.model.nodes)[number] }>();
  for (const f of compiled.model.nodes) nodes.set(f.id, { maxNumber: f.max.toNumber(), node: f });
  const classes = r.classes ? new Set(r.classes) : null;
  /** A claim within [0, 100000] (zod) and not above the node's maximum (checkEvidence compares exact decimals). */
  const claimOk = (id: string, v: number): boolean => {
    const n = nodes.get(id)!;
    // Rounding to the nearest double is monotonic, so a claim below the maximum's double is below the maximum.
    return v < n.maxNumber || !dec(v).gt(n.node.max);
  };

  return (data) => {
    if (!plain(data) || !onlyKeys(data, TOP_KEYS)) return undefined;
    // rubric
    const ru = data.rubric;
    if (!plain(ru) || !onlyKeys(ru, RUBRIC_KEYS) || ru.id !== r.id || ru.version !== r.version || !isId(ru.id) || !str(ru.version, 1, 40)) return undefined;
    // agency
    const ag = data.agency;
    if (!plain(ag) || !onlyKeys(ag, AGENCY_KEYS) || !str(ag.name, 1, 200) || !str(ag.code, 1, 64)) return undefined;
    if (!optional(ag, 'shortName', (x) => str(x, 0, 50)) || !optional(ag, 'class', (x) => str(x, 0, 20))) return undefined;
    if ('class' in ag && classes !== null && !classes.has(ag.class as string)) return undefined;
    // period
    const pe = data.period;
    if (!plain(pe) || !onlyKeys(pe, PERIOD_KEYS)) return undefined;
    const year = pe.year;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1990 || year > 2100 || !optional(pe, 'label', (x) => str(x, 0, 100))) return undefined;
    if (!optional(data, 'preparedBy', (x) => str(x, 0, 50)) || !optional(data, 'reviewedBy', (x) => str(x, 0, 50)) || !optional(data, 'date', isDate)) return undefined;

    // facts: known, not derived, of the declared type and within range
    const outFacts: Record<string, FactValue> = {};
    if ('facts' in data) {
      const fa = data.facts;
      if (!plain(fa)) return undefined;
      for (const id in fa) {
        const check = facts.get(id);
        const v = fa[id];
        // A catalogue id passed FactIdSchema when the rubric was loaded: no need to test the pattern again.
        if (check === undefined || !check(v)) return undefined;
        outFacts[id] = (Array.isArray(v) ? v.slice() : v) as FactValue;
      }
    }
    // evidence: citations under known nodes
    const outEvidence: Record<string, Citation[]> = {};
    if ('evidence' in data) {
      const ev = data.evidence;
      if (!plain(ev)) return undefined;
      for (const id in ev) {
        const list = ev[id];
        // Node ids passed IdSchema when the rubric was loaded (so do the keys below that name a node).
        if (!nodes.has(id) || !Array.isArray(list) || list.length > 100) return undefined;
        const cites: Citation[] = [];
        for (let i = 0; i < list.length; i++) {
          if (!(i in list)) return undefined;
          const c = citation(list[i]);
          if (c === undefined) return undefined;
          cites.push(c);
        }
        outEvidence[id] = cites;
      }
    }
    // claims: null means not claimed and is dropped; others within the node's points
    const outClaims: Record<string, number> = {};
    if ('claims' in data) {
      const cl = data.claims;
      if (!plain(cl)) return undefined;
      for (const id in cl) {
        const v = cl[id];
        const known = nodes.has(id);
        if (!known && !isId(id)) return undefined;
        if (v === null) continue;
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100000 || !known || !claimOk(id, v)) return undefined;
        outClaims[id] = v;
      }
    }
    // not-applicable requests on nodes that allow them
    const outNa: Evidence['notApplicable'] = [];
    if ('notApplicable' in data) {
      const na = data.notApplicable;
      if (!Array.isArray(na) || na.length > 200) return undefined;
      for (let i = 0; i < na.length; i++) {
        if (!(i in na)) return undefined;
        const x = na[i];
        if (!plain(x) || !onlyKeys(x, NA_KEYS) || typeof x.node !== 'string' || !str(x.reason, 1, 2000)) return undefined;
        if (!nodes.get(x.node)?.node.node.mayBeNotApplicable) return undefined;
        outNa.push({ node: x.node, reason: x.reason });
      }
    }
    // remediation text per known node
    const outRemediation: Record<string, string> = {};
    if ('remediation' in data) {
      const re = data.remediation;
      if (!plain(re)) return undefined;
      for (const id in re) {
        const t = re[id];
        if (!nodes.has(id) || !str(t, 0, 4000)) return undefined;
        outRemediation[id] = t;
      }
    }

    // The value zod builds: keys in the schema's order, optional keys only when given.
    // Built key by key in the schema's order (name, shortName, code, class): the type wants code at once.
    const agency = { name: ag.name as string } as Evidence['agency'];
    if ('shortName' in ag) agency.shortName = ag.shortName as string;
    agency.code = ag.code as string;
    if ('class' in ag) agency.class = ag.class as string;
    const period: Evidence['period'] = { year };
    if ('label' in pe) period.label = pe.label as string;
    const out = { rubric: { id: ru.id, version: ru.version }, agency, period } as Evidence;
    if ('preparedBy' in data) out.preparedBy = data.preparedBy as string;
    if ('reviewedBy' in data) out.reviewedBy = data.reviewedBy as string;
    if ('date' in data) out.date = data.date as string;
    out.facts = outFacts;
    out.evidence = outEvidence;
    out.claims = outClaims;
    out.notApplicable = outNa;
    out.remediation = outRemediation;
    return out;
  };
}

const VALIDATORS = new WeakMap<CompiledRubric, EvidenceValidator>();

/**
 * The evidence zod would produce from `data`, when it is sure that zod accepts it and checkEvidence finds no error;
 * undefined otherwise (then run the reference path for the messages). Compiled once per rubric.
 */
export function acceptEvidence(compiled: CompiledRubric, data: unknown): Evidence | undefined {
  let v = VALIDATORS.get(compiled);
  if (!v) {
    v = compileEvidenceValidator(compiled);
    VALIDATORS.set(compiled, v);
  }
  return v(data);
}
