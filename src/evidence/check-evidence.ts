// Validate one agency's evidence against a compiled rubric: rubric id/version, fact types and ranges,
// unknown facts and nodes (with suggestions), claims within points, not-applicable requests allowed.
// Rulings are not evidence: `findRulingsInEvidence` refuses them before the shape check (the office's review file).
import { makeDiagnostic, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.js';
import { positionDiagnostic } from '../diagnostics/locate.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { SourceFile } from '../load/parse-source.js';
import type { CompiledRubric } from '../compile/compile-rubric.js';
import type { Evidence } from '../schema/evidence-schema.js';
import type { FactDef } from '../schema/fact-schema.js';
import { dec, formatPoints } from '../score/decimal.js';
import { suspectPercentFacts } from './percent-scale.js';
import { getOwn } from '../model/own-property.js';
import { isCalendarDate } from '../schema/common.js';

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

/** Unknown fact names that get a "did you mean" hint (the printed output shows 20 per code anyway). */
const MAX_SUGGESTIONS = 200;

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
      return typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined;
    case 'number':
    case 'percent':
      return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
    case 'date':
      return typeof v === 'string' && isCalendarDate(v) ? v : undefined;
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
            ? typeof x === 'number' && Number.isFinite(x)
            : it === 'integer'
              ? typeof x === 'number' && Number.isSafeInteger(x)
              : it === 'boolean'
                ? typeof x === 'boolean'
                : it === 'date'
                  ? typeof x === 'string' && isCalendarDate(x)
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

/**
 * What is wrong with a value given for catalogue fact `id` (derived, wrong type, out of range), or null.
 * `atKey`: position the diagnostic at the key rather than the value. Shared by evidence and review corrections.
 */
export function factValueProblem(id: string, def: FactDef, value: unknown, p: PathSegment[]): { diagnostic: Diagnostic; atKey: boolean } | null {
  if (def.derive) return { diagnostic: makeDiagnostic('FACT_DERIVED_GIVEN', { actual: id, path: p }), atKey: true };
  const v = normaliseFactValue(def, value);
  if (v === undefined)
    return {
      diagnostic: makeDiagnostic('FACT_TYPE_MISMATCH', { name: id, actual: value, expected: TYPE_TEXT[def.type] + (def.type === 'enum' ? `:${(def.values ?? []).join('、')}` : ''), path: p }),
      atKey: false,
    };
  if (typeof v === 'number') {
    const lo = def.min ?? (def.type === 'percent' ? 0 : undefined);
    const hi = def.max ?? (def.type === 'percent' ? 100 : undefined);
    if ((lo !== undefined && v < lo) || (hi !== undefined && v > hi))
      return { diagnostic: makeDiagnostic('FACT_OUT_OF_RANGE', { name: id, actual: v, expected: rangeText(def), path: p }), atKey: false };
  }
  return null;
}

/** PERCENT_SCALE_SUSPECT warnings (a percent given as 0.05 where 5 was meant). */
export function percentScaleWarnings(src: SourceFile, ev: Evidence, compiled: CompiledRubric): Diagnostic[] {
  const r = compiled.rubric;
  return suspectPercentFacts(compiled, ev.facts).map((s) =>
    positionDiagnostic(
      src,
      makeDiagnostic('PERCENT_SCALE_SUSPECT', {
        severity: 'warning',
        name: `${r.facts[s.id]?.label ?? s.id}(${s.id})`,
        actual: s.value,
        expected: s.threshold,
        reason: s.meant,
        path: ['facts', s.id],
        hint: '百分数请填百分号前的数字,如 5% 填 5;从 Excel 百分比格式单元格复制来的 0.05 也应改为 5',
      }),
      ['facts', s.id],
      false,
    ),
  );
}

/**
 * PERIOD_YEAR_MISMATCH: the evidence says it reports another year than the rubric's (same rubric id and version, so a
 * copied last-year file or a typo in period.year) — a warning at period.year, carried into the report.
 */
function periodYearWarnings(src: SourceFile, ev: Evidence, compiled: CompiledRubric): Diagnostic[] {
  const year = compiled.rubric.year;
  if (year === undefined || ev.period.year === year) return [];
  const hint = `请核对 period.year：填报的是 ${year} 年度的工作就改为 ${year}；若是 ${ev.period.year} 年度的材料，请用该年度的细则评分`;
  return [positionDiagnostic(src, makeDiagnostic('PERIOD_YEAR_MISMATCH', { severity: 'warning', actual: ev.period.year, expected: year, path: ['period', 'year'], hint }), ['period', 'year'], false)];
}

/** The warnings of usable evidence (both validation paths give exactly these): the period's year, percent scale. */
export function evidenceWarnings(src: SourceFile, ev: Evidence, compiled: CompiledRubric): Diagnostic[] {
  return [...periodYearWarnings(src, ev, compiled), ...percentScaleWarnings(src, ev, compiled)];
}

/** Check evidence against the rubric. Errors make the evidence unusable; warnings are carried into the report. */
export function checkEvidence(src: SourceFile, ev: Evidence, compiled: CompiledRubric): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (d: Diagnostic, path: PathSegment[], preferKey = false): void => {
    out.push(positionDiagnostic(src, d, path, preferKey));
  };
  const r = compiled.rubric;
  const model = compiled.model;
  // Evidence written for another rubric (another year's, another version): that one error, and nothing else — its
  // facts and items are the other rubric's, so every further check would only report the same mistake again.
  const rubricName = `${r.id}（《${r.title}》${r.year !== undefined ? `，${r.year}年度` : ''}，版本 ${r.version}）`;
  const mismatchHint = `请用 --rubric 指定该证据材料对应的细则，或按当前细则重新填报（zwgk init --rubric <细则文件> 生成填报表）；细则不符，其他内容未再检查`;
  if (ev.rubric.id !== r.id) {
    add(makeDiagnostic('RUBRIC_MISMATCH', { actual: `${ev.rubric.id}（版本 ${ev.rubric.version}）`, expected: rubricName, path: ['rubric', 'id'], hint: mismatchHint }), ['rubric', 'id']);
    return out;
  }
  if (ev.rubric.version !== r.version) {
    add(makeDiagnostic('VERSION_MISMATCH', { actual: ev.rubric.version, expected: `${r.version}（${r.id}，《${r.title}》）`, path: ['rubric', 'version'], hint: mismatchHint }), ['rubric', 'version']);
    return out;
  }
  if (ev.agency.class !== undefined && r.classes && !r.classes.includes(ev.agency.class)) {
    const hint = didYouMean(ev.agency.class, r.classes);
    add(makeDiagnostic('SCHEMA_INVALID', { reason: `单位类别 "${ev.agency.class}" 不在细则的类别 ${r.classes.join('、')} 中`, path: ['agency', 'class'], ...(hint ? { hint } : {}) }), ['agency', 'class']);
  }
  const factIds = Object.keys(r.facts);
  // "Did you mean" for the first unknown names only: nobody reads thousands, and each costs a pass over the catalogue.
  let suggestions = MAX_SUGGESTIONS;
  for (const [id, value] of Object.entries(ev.facts)) {
    const def = getOwn(r.facts, id);
    const p: PathSegment[] = ['facts', id];
    if (!def) {
      const hint = suggestions-- > 0 ? didYouMean(id, factIds) : undefined;
      add(makeDiagnostic('UNKNOWN_FACT', { actual: id, path: p, ...(hint ? { hint } : {}) }), p, true);
      continue;
    }
    const problem = factValueProblem(id, def, value, p);
    if (problem) add(problem.diagnostic, p, problem.atKey);
  }
  out.push(...evidenceWarnings(src, ev, compiled));
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
  // Not-applicable requests: the office decides each in its review; here only whether the rubric allows one.
  ev.notApplicable.forEach((na, i) => {
    const p: PathSegment[] = ['notApplicable', i, 'node'];
    if (unknownNode(na.node, p, false)) return;
    if (!model.byId.get(na.node)!.node.mayBeNotApplicable)
      add(makeDiagnostic('NOT_APPLICABLE_NOT_ALLOWED', { actual: na.node, path: p, hint: '只有细则注明可作合理缺项(mayBeNotApplicable: true)的项目才能声明不适用' }), p);
  });
  return out;
}

const RULING_NAMES: Record<string, string> = {
  judgements: '评审意见',
  overrides: '改定分',
  corrections: '事实更正',
  checks: '数据核验处理意见',
  decisions: '不适用决定',
};

/**
 * Office-only keys at the top of an evidence file (judgements, overrides …): one RULING_IN_EVIDENCE each, at the key.
 * The agency supplies evidence; only the office rules, in its review file.
 */
export function findRulingsInEvidence(src: SourceFile): Diagnostic[] {
  const data = src.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  return Object.keys(RULING_NAMES)
    .filter((k) => Object.prototype.hasOwnProperty.call(data, k))
    .map((k) =>
      positionDiagnostic(
        src,
        makeDiagnostic('RULING_IN_EVIDENCE', {
          actual: k,
          reason: RULING_NAMES[k]!,
          path: [k],
          hint: '评审文件的写法见 README「评审文件」一节;zwgk init --review --rubric <细则> <证据> 可生成空白评审文件',
        }),
        [k],
        true,
      ),
    );
}

/** The evidence data without its office-only keys (so the shape check still reports every other problem). */
export function withoutRulings(src: SourceFile): SourceFile {
  const data = src.data as Record<string, unknown>;
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (!Object.prototype.hasOwnProperty.call(RULING_NAMES, k)) rest[k] = v;
  return { ...src, data: rest };
}
