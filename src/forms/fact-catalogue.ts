// What an agency must know to fill one fact: its Chinese type, unit, allowed values or range, source, and which
// scoring items use it (directly, or through a derived fact). Shared by the YAML and xlsx forms.
import type { CompiledRubric } from '../compile/compile-rubric.js';
import type { FactDef } from '../schema/fact-schema.js';
import { deriveInputs } from '../validate/check-facts.js';
import { checkFacts } from '../checks/check-shape.js';
import { expandToEvidenceFacts } from '../validate/check-facts.js';
import { appliesToClass } from '../model/class-scope.js';

export interface FactRow {
  id: string;
  def: FactDef;
  /** 是/否, 整数, 数值, 百分比(0–100), 日期(YYYY-MM-DD), 选项, 文本, 列表. */
  typeText: string;
  /** "是 / 否", "A、B、C", "≥ 0", "0–100" … */
  allowed: string;
  /** Items using the fact: "1.1.1.1 主要领导年内至少听取一次政务公开工作汇报". */
  usedBy: string[];
}

export const FACT_TYPE_TEXT: Record<string, string> = {
  boolean: '是/否',
  integer: '整数',
  number: '数值',
  percent: '百分数(0–100,填 5 表示 5%)',
  date: '日期(YYYY-MM-DD)',
  enum: '选项',
  text: '文本',
  list: '列表(每行一项)',
};

export function numericRange(def: FactDef): { min?: number; max?: number } {
  const min = def.min ?? (def.type === 'percent' ? 0 : undefined);
  const max = def.max ?? (def.type === 'percent' ? 100 : undefined);
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

export function allowedText(def: FactDef): string {
  switch (def.type) {
    case 'boolean':
      return '是 / 否';
    case 'enum':
      return (def.values ?? []).join('、');
    case 'integer':
    case 'number':
    case 'percent': {
      const { min, max } = numericRange(def);
      if (min !== undefined && max !== undefined) return `${min}–${max}`;
      if (min !== undefined) return `≥ ${min}`;
      if (max !== undefined) return `≤ ${max}`;
      return '任意数值';
    }
    case 'date':
      return '日期，如 2018-01-12';
    case 'list':
      return `每行一项${def.items ? `(${FACT_TYPE_TEXT[def.items] ?? def.items})` : ''}`;
    default:
      return '文字';
  }
}

/**
 * Facts the agency fills (derived facts excluded), in catalogue order, with their users. With an agency class, only
 * the users that apply to it are listed, and a fact used only by other classes' items is left out.
 */
export function factRows(compiled: CompiledRubric, agencyClass?: string): FactRow[] {
  const facts = compiled.rubric.facts;
  const direct = new Map<string, Set<string>>();
  const use = (fact: string, node: string): void => {
    if (!direct.has(fact)) direct.set(fact, new Set());
    direct.get(fact)!.add(node);
  };
  for (const s of compiled.sites) for (const f of s.requiredFacts) use(f, s.nodeId ?? `veto:${String(s.ref)}`);
  for (const n of compiled.model.nodes) {
    const s = n.node.scoring;
    if (!s) continue;
    if ('fact' in s && typeof s.fact === 'string') use(s.fact, n.id);
    if (s.method === 'perOccurrence') use(s.per.fact, n.id);
    if (s.method === 'weighted') s.inputs.forEach((x) => use(x.fact, n.id));
    if (s.method === 'deduct') s.deductions.forEach((d) => d.per && use(d.per.fact, n.id));
  }
  // A derived fact's users are also users of its inputs (transitively).
  const users = (fact: string, seen = new Set<string>()): Set<string> => {
    const out = new Set(direct.get(fact) ?? []);
    for (const [id, def] of Object.entries(facts)) {
      if (!def.derive || seen.has(id) || !deriveInputs(def.derive).includes(fact)) continue;
      seen.add(id);
      for (const u of users(id, seen)) out.add(u);
    }
    return out;
  };
  const order = new Map(compiled.model.nodes.map((n, i) => [n.id, i]));
  const title = (id: string): string => {
    if (id.startsWith('veto:')) {
      const v = compiled.rubric.vetoes.find((x) => `veto:${x.id}` === id);
      return `单项否决「${v?.title ?? id.slice(5)}」`;
    }
    const n = compiled.model.byId.get(id);
    return n ? `${id} ${n.node.title}` : id;
  };
  const applies = (user: string): boolean => user.startsWith('veto:') || appliesToClass(compiled.model, user, agencyClass);
  return Object.entries(facts)
    .filter(([, def]) => !def.derive)
    .flatMap(([id, def]) => {
      const all = [...users(id)];
      const used = all.filter(applies);
      if (all.length > 0 && used.length === 0) return [];
      return [
        {
          id,
          def,
          typeText: FACT_TYPE_TEXT[def.type] ?? def.type,
          allowed: allowedText(def),
          usedBy: used.sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b)).map(title),
        },
      ];
    });
}

/** Derived facts (computed by the engine, never filled). */
export function derivedFacts(compiled: CompiledRubric): Array<{ id: string; def: FactDef }> {
  return Object.entries(compiled.rubric.facts)
    .filter(([, def]) => def.derive)
    .map(([id, def]) => ({ id, def }));
}

/**
 * The consistency checks (勾稽关系) each evidence fact takes part in, as short texts (the check's source, else its
 * message), so a form can tell the agency what its figures are checked against; a check on a derived fact is listed
 * under the facts it is computed from.
 */
export function factChecks(compiled: CompiledRubric): Map<string, string[]> {
  const r = compiled.rubric;
  const out = new Map<string, string[]>();
  for (const c of r.checks) for (const id of expandToEvidenceFacts(r.facts, checkFacts(c))) out.set(id, [...(out.get(id) ?? []), c.source ?? c.message]);
  return out;
}
