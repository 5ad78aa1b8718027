// Validate one agency's evidence against a compiled rubric: rubric id/version, fact types and ranges,
// unknown facts and nodes (with suggestions), judgements within bounds, claims within points, n/a allowed.
import { makeDiagnostic, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.js';
import { positionDiagnostic } from '../diagnostics/locate.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { SourceFile } from '../load/parse-source.js';
import type { CompiledRubric } from '../compile/compile-rubric.js';
import type { Evidence } from '../schema/evidence-schema.js';
import type { FactDef } from '../schema/fact-schema.js';
import { dec, formatPoints } from '../score/decimal.js';

const TYPE_TEXT: Record<string, string> = {
  boolean: '布尔值(true/false 或 是/否)',
  integer: '整数',
  number: '数字',
  percent: '0–100 的百分数',
  date: '日期 YYYY-MM-DD',
  enum: '枚举值',
  text: '文本',
  list: '列表',
};

/** Normalise friendly spellings (是/否 for booleans); returns undefined when the value does not fit the type. */
export function normaliseFactValue(def: FactDef, v: unknown): unknown {
  if (v === null) return null;
  switch (def.type) {
    case 'boolean':
      if (typeof v === 'boolean') return v;
      if (v === '是') return true;
      if (v === '否') return false;
      return undefined;
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
    case 'number':
    case 'percent':
      return typeof v === 'number' ? v : undefined;
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined;
    case 'enum':
      return typeof v === 'string' && (def.values ?? []).includes(v) ? v : undefined;
    case 'text':
      return typeof v === 'string' ? v : undefined;
    case 'list': {
      if (!Array.isArray(v)) return undefined;
      const it = def.items;
      const ok = v.every((x) =>
        it === undefined
          ? true
          : it === 'number'
            ? typeof x === 'number'
            : it === 'integer'
              ? typeof x === 'number' && Number.isInteger(x)
              : it === 'boolean'
                ? typeof x === 'boolean'
                : it === 'date'
                  ? typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x)
                  : typeof x === 'string',
      );
      return ok ? v : undefined;
    }
  }
}

function rangeText(def: FactDef): string {
  const lo = def.min ?? (def.type === 'percent' ? 0 : undefined);
  const hi = def.max ?? (def.type === 'percent' ? 100 : undefined);
  return `[${lo ?? '-∞'}, ${hi ?? '+∞'}]`;
}

/** Check evidence against the rubric. Errors make the evidence unusable; warnings are carried into the report. */
export function checkEvidence(src: SourceFile, ev: Evidence, compiled: CompiledRubric): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (d: Diagnostic, path: PathSegment[], preferKey = false): void => {
    out.push(positionDiagnostic(src, d, path, preferKey));
  };
  const r = compiled.rubric;
  const model = compiled.model;
  if (ev.rubric.id !== r.id) add(makeDiagnostic('RUBRIC_MISMATCH', { actual: ev.rubric.id, expected: r.id, path: ['rubric', 'id'] }), ['rubric', 'id']);
  else if (ev.rubric.version !== r.version)
    add(makeDiagnostic('VERSION_MISMATCH', { actual: ev.rubric.version, expected: r.version, path: ['rubric', 'version'] }), ['rubric', 'version']);
  if (ev.agency.class !== undefined && r.classes && !r.classes.includes(ev.agency.class)) {
    const hint = didYouMean(ev.agency.class, r.classes);
    add(makeDiagnostic('SCHEMA_INVALID', { reason: `单位类别 "${ev.agency.class}" 不在细则的类别 ${r.classes.join('、')} 中`, path: ['agency', 'class'], ...(hint ? { hint } : {}) }), ['agency', 'class']);
  }
  for (const [id, value] of Object.entries(ev.facts)) {
    const def = r.facts[id];
    const p: PathSegment[] = ['facts', id];
    if (!def) {
      const hint = didYouMean(id, Object.keys(r.facts));
      add(makeDiagnostic('UNKNOWN_FACT', { actual: id, path: p, ...(hint ? { hint } : {}) }), p, true);
      continue;
    }
    if (def.derive) {
      add(makeDiagnostic('FACT_DERIVED_GIVEN', { actual: id, path: p }), p, true);
      continue;
    }
    const v = normaliseFactValue(def, value);
    if (v === undefined) {
      add(makeDiagnostic('FACT_TYPE_MISMATCH', { name: id, actual: value, expected: TYPE_TEXT[def.type] + (def.type === 'enum' ? `:${(def.values ?? []).join('、')}` : ''), path: p }), p);
      continue;
    }
    if (typeof v === 'number') {
      const lo = def.min ?? (def.type === 'percent' ? 0 : undefined);
      const hi = def.max ?? (def.type === 'percent' ? 100 : undefined);
      if ((lo !== undefined && v < lo) || (hi !== undefined && v > hi))
        add(makeDiagnostic('FACT_OUT_OF_RANGE', { name: id, actual: v, expected: rangeText(def), path: p }), p);
    }
  }
  // `atKey`: the id is the key of a record entry (claims, evidence …), so point at the key, not its value.
  const unknownNode = (id: string, p: PathSegment[], atKey = true): boolean => {
    if (model.byId.has(id)) return false;
    const hint = didYouMean(id, model.byId.keys());
    add(makeDiagnostic('UNKNOWN_NODE', { actual: id, path: p, ...(hint ? { hint } : {}) }), p, atKey);
    return true;
  };
  for (const id of Object.keys(ev.evidence)) unknownNode(id, ['evidence', id]);
  for (const id of Object.keys(ev.remediation)) unknownNode(id, ['remediation', id]);
  for (const [id, claim] of Object.entries(ev.claims)) {
    if (unknownNode(id, ['claims', id])) continue;
    const f = model.byId.get(id)!;
    if (dec(claim).gt(f.max)) add(makeDiagnostic('CLAIM_OUT_OF_RANGE', { actual: claim, expected: `[0, ${formatPoints(f.max, 4)}]`, path: ['claims', id] }), ['claims', id]);
  }
  // Keys a judgement may use: a judged node's id, or `<node>#<deduction>` for a judged deduction.
  const judgeable = model.nodes.flatMap((f) => {
    const s = f.node.scoring;
    if (s?.method === 'judgement') return [f.id];
    if (s?.method === 'deduct') return s.deductions.filter((d) => d.judgement).map((d) => `${f.id}#${d.id}`);
    return [];
  });
  for (const [key, j] of Object.entries(ev.judgements)) {
    const p: PathSegment[] = ['judgements', key];
    const [nodeId, dedId] = key.split('#') as [string, string | undefined];
    if (unknownNode(nodeId, p)) continue;
    const f = model.byId.get(nodeId)!;
    const s = f.node.scoring;
    let lo: number | undefined;
    let hi: number | undefined;
    if (dedId === undefined && s?.method === 'judgement') {
      lo = s.min;
      hi = s.max ?? f.max.toNumber();
    } else if (dedId !== undefined && s?.method === 'deduct') {
      const d = s.deductions.find((x) => x.id === dedId);
      if (d?.judgement) {
        lo = d.judgement.min;
        hi = d.judgement.max;
      }
    }
    if (lo === undefined || hi === undefined) {
      // Listed rather than guessed: ids differ by one character (1, 2) far too often for a "did you mean".
      const hint = judgeable.length > 0 ? `本细则可评审的项目:${judgeable.slice(0, 20).join('、')}${judgeable.length > 20 ? ' 等' : ''}` : '本细则没有酌情评分项';
      add(makeDiagnostic('JUDGEMENT_NOT_ALLOWED', { actual: key, path: p, hint }), p, true);
      continue;
    }
    if (j.score < lo || j.score > hi) add(makeDiagnostic('JUDGEMENT_OUT_OF_BOUNDS', { actual: j.score, expected: `[${lo}, ${hi}]`, path: [...p, 'score'] }), [...p, 'score']);
  }
  ev.notApplicable.forEach((na, i) => {
    const p: PathSegment[] = ['notApplicable', i, 'node'];
    if (unknownNode(na.node, p, false)) return;
    if (!model.byId.get(na.node)!.node.mayBeNotApplicable)
      add(makeDiagnostic('NOT_APPLICABLE_NOT_ALLOWED', { actual: na.node, path: p, hint: '只有细则注明可作合理缺项(mayBeNotApplicable: true)的项目才能声明不适用' }), p);
  });
  return out;
}
