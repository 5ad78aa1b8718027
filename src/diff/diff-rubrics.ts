// Compare two validated rubrics (last year's and this year's): nodes added, removed, moved, renamed or renumbered,
// points changed (with section totals before → after), rules changed, parameters/thresholds, facts, vetoes, grades.
// Input: two CompiledRubrics. Output: a RubricDiff (plain data; format-diff.ts renders it). Pure.
import type { CompiledRubric } from '../compile/compile-rubric.js';
import type { FlatNode } from '../model/rubric-model.js';
import type { FactDef } from '../schema/fact-schema.js';
import type { Parameter, Rubric, Veto } from '../schema/rubric-schema.js';
import { canonical, describeCondition, describeNaPolicy, describeRuleChanges } from './describe-rules.js';
import { matchNodes, titleSimilarity } from './match-nodes.js';
import { describeCheck } from '../checks/check-shape.js';
import type { Check } from '../schema/check-schema.js';

export interface NodeRef {
  id: string;
  title: string;
  max: number;
  /** Parent id and title (null at the top level). */
  parent: { id: string; title: string } | null;
}

export interface NodeChange {
  old: NodeRef;
  new: NodeRef;
  /** How the pair was matched: same id, or (ids differ) by title similarity. */
  matchedBy: 'id' | 'title';
  /** 0–1 title similarity (1 when the titles are equal). */
  similarity: number;
  renumbered: boolean;
  retitled: boolean;
  moved: boolean;
  pointsChanged: boolean;
  rules: string[];
}

export interface SectionTotal {
  id: string;
  title: string;
  kind: 'score' | 'bonus' | 'penalty';
  before: number | null;
  after: number | null;
}

export interface EntryChange {
  id: string;
  label: string;
  change: 'added' | 'removed' | 'changed';
  details: string[];
}

export interface RubricDiff {
  old: { id: string; version: string; title: string; file?: string };
  new: { id: string; version: string; title: string; file?: string };
  meta: string[];
  added: NodeRef[];
  removed: NodeRef[];
  /** Matched nodes with any change (in the new rubric's order). */
  changed: NodeChange[];
  sections: SectionTotal[];
  /** Score-part total before → after (usually 100 → 100). */
  total: { before: number; after: number };
  parameters: EntryChange[];
  facts: EntryChange[];
  vetoes: EntryChange[];
  /** Consistency checks (勾稽关系) added, removed or changed. */
  checks: EntryChange[];
  /** True when nothing differs. */
  identical: boolean;
}

function ref(f: FlatNode, byId: Map<string, FlatNode>): NodeRef {
  const p = f.parent ? byId.get(f.parent) : undefined;
  return { id: f.id, title: f.node.title, max: f.max.toNumber(), parent: p ? { id: p.id, title: p.node.title } : null };
}

const TYPE_TEXT: Record<string, string> = {
  boolean: '是/否',
  integer: '整数',
  number: '数值',
  percent: '百分比',
  date: '日期',
  enum: '选项',
  text: '文本',
  list: '列表',
};

function range(d: FactDef): string {
  return `[${d.min ?? '-∞'}, ${d.max ?? '+∞'}]`;
}

/** 「附件2 第64行「（三）接受培训人数」」, or 无 when the fact fills no statistics-table row. */
function statRowText(f: FactDef): string {
  const s = f.statRow;
  return s ? `${s.table} 第${s.row}行${s.text ? `「${s.text}」` : ''}` : '无';
}

function factDetails(a: FactDef, b: FactDef): string[] {
  const out: string[] = [];
  if (a.label !== b.label) out.push(`名称：${a.label} → ${b.label}`);
  if (a.type !== b.type) out.push(`类型：${TYPE_TEXT[a.type]} → ${TYPE_TEXT[b.type]}`);
  if ((a.unit ?? '') !== (b.unit ?? '')) out.push(`单位：${a.unit ?? '无'} → ${b.unit ?? '无'}`);
  if (a.min !== b.min || a.max !== b.max) out.push(`取值范围：${range(a)} → ${range(b)}`);
  if (canonical(a.values) !== canonical(b.values)) out.push(`可选值：${(a.values ?? []).join('、') || '无'} → ${(b.values ?? []).join('、') || '无'}`);
  if (canonical(a.derive) !== canonical(b.derive)) out.push(`计算方式：${canonical(a.derive ?? null)} → ${canonical(b.derive ?? null)}`);
  if ((a.source ?? '') !== (b.source ?? '')) out.push(`来源：${a.source ?? '无'} → ${b.source ?? '无'}`);
  if (canonical(a.statRow ?? null) !== canonical(b.statRow ?? null)) out.push(`统计表行：${statRowText(a)} → ${statRowText(b)}`);
  if ((a.description ?? '') !== (b.description ?? '')) out.push('说明文字已修改');
  return out;
}

function paramValue(p: Parameter): string {
  return `${typeof p.value === 'boolean' ? (p.value ? '是' : '否') : String(p.value)}${p.unit ?? ''}`;
}

/** Which nodes refer to `{param: id}` (for "used by"). */
function paramUsers(rubric: Rubric, model: CompiledRubric['model'], id: string): string[] {
  const needle = `"param":"${id}"`;
  const users = model.nodes.filter((f) => JSON.stringify([f.node.scoring, f.node.zeroIf, f.node.ceilingIf, f.node.eligibleIf]).includes(needle)).map((f) => f.id);
  rubric.vetoes.forEach((v) => {
    if (JSON.stringify(v.when).includes(needle)) users.push(`否决项 ${v.id}`);
  });
  return users;
}

function diffEntries<T>(a: Record<string, T>, b: Record<string, T>, label: (x: T) => string, details: (x: T, y: T) => string[], added: (x: T) => string[]): EntryChange[] {
  const out: EntryChange[] = [];
  for (const [id, x] of Object.entries(a)) {
    const y = b[id];
    if (y === undefined) out.push({ id, label: label(x), change: 'removed', details: [] });
    else {
      const d = details(x, y);
      if (d.length > 0) out.push({ id, label: label(y), change: 'changed', details: d });
    }
  }
  for (const [id, y] of Object.entries(b)) if (!(id in a)) out.push({ id, label: label(y), change: 'added', details: added(y) });
  return out;
}

function vetoDetails(a: Veto, b: Veto, ra: Rubric, rb: Rubric): string[] {
  const out: string[] = [];
  if (a.title !== b.title) out.push(`名称：${a.title} → ${b.title}`);
  const ca = describeCondition(a.when, ra);
  const cb = describeCondition(b.when, rb);
  if (ca !== cb) out.push(`触发条件：${ca} → ${cb}`);
  if (a.target !== b.target) out.push(`作用范围：${a.target} → ${b.target}`);
  if (a.score !== b.score) out.push(`判定分数：${a.score ?? 0} → ${b.score ?? 0}`);
  if (a.stopScoring !== b.stopScoring) out.push(`不再评分其他指标：${a.stopScoring ? '是' : '否'} → ${b.stopScoring ? '是' : '否'}`);
  if ((a.grade ?? '') !== (b.grade ?? '')) out.push(`等次：${a.grade ?? '最低等次'} → ${b.grade ?? '最低等次'}`);
  if (a.reason !== b.reason) out.push('说明文字已修改');
  return out;
}

function metaChanges(a: Rubric, b: Rubric): string[] {
  const out: string[] = [];
  const line = (label: string, x: unknown, y: unknown, fmt: (v: unknown) => string = (v) => (v === undefined ? '无' : String(v))): void => {
    if (canonical(x) !== canonical(y)) out.push(`${label}:${fmt(x)} → ${fmt(y)}`);
  };
  line('编号', a.id, b.id);
  line('版本', a.version, b.version);
  line('名称', a.title, b.title);
  line('年度', a.year, b.year);
  line('发文单位', a.issuer, b.issuer);
  line('基本分总分', a.total, b.total);
  line('显示小数位', a.precision, b.precision);
  line('单位类别', a.classes, b.classes, (v) => (Array.isArray(v) ? v.join('、') : '不分类'));
  line('层级名称', a.levels, b.levels, (v) => (v as string[]).join(' / '));
  line('加分上限', a.bonusCap, b.bonusCap);
  line('减分上限', a.penaltyCap, b.penaltyCap);
  line('最终得分下限', a.finalFloor, b.finalFloor);
  line('等次', a.grades, b.grades, (v) => (v as Rubric['grades']).map((g) => (g.min <= -1e8 ? g.name : `${g.name}≥${g.min}`)).join('、'));
  line('等次依据', a.gradeBasis, b.gradeBasis, (v) => (v === 'normalized' ? '折算百分制得分' : '最终得分'));
  if (canonical(a.notApplicable) !== canonical(b.notApplicable)) out.push(`不适用项默认处理：${describeNaPolicy(a.notApplicable)} → ${describeNaPolicy(b.notApplicable)}`);
  if ((a.description ?? '') !== (b.description ?? '')) out.push('细则说明文字已修改');
  out.push(...statTableChanges(a, b));
  return out;
}

/** Statistics tables (statTables) added, removed, retitled, or with other heading rows. */
function statTableChanges(a: Rubric, b: Rubric): string[] {
  const out: string[] = [];
  const ta = a.statTables ?? {};
  const tb = b.statTables ?? {};
  const heads = (t: NonNullable<Rubric['statTables']>[string]) => t.headings.map((h) => `第${h.row}行「${h.text}」`).sort();
  for (const name of [...new Set([...Object.keys(ta), ...Object.keys(tb)])]) {
    const x = Object.prototype.hasOwnProperty.call(ta, name) ? ta[name] : undefined;
    const y = Object.prototype.hasOwnProperty.call(tb, name) ? tb[name] : undefined;
    if (!x) out.push(`统计表：新增 ${name}「${y!.title}」`);
    else if (!y) out.push(`统计表：删除 ${name}「${x.title}」`);
    else {
      if (x.title !== y.title) out.push(`统计表 ${name} 标题：${x.title} → ${y.title}`);
      const hx = heads(x);
      const hy = heads(y);
      const gone = hx.filter((h) => !hy.includes(h));
      const added = hy.filter((h) => !hx.includes(h));
      if (gone.length + added.length > 0) out.push(`统计表 ${name} 标题行：${[...gone.map((h) => `删除${h}`), ...added.map((h) => `新增${h}`)].join(';')}`);
    }
  }
  return out;
}

/** Compare two rubrics. */
export function diffRubrics(oldC: CompiledRubric, newC: CompiledRubric): RubricDiff {
  const a = oldC.model;
  const b = newC.model;
  const ra = oldC.rubric;
  const rb = newC.rubric;
  const pairs = matchNodes(a.nodes, b.nodes);
  const newToOld = new Map([...pairs].map(([o, n]) => [n, o]));
  const changed: NodeChange[] = [];
  for (const fb of b.nodes) {
    const oldId = newToOld.get(fb.id);
    if (oldId === undefined) continue;
    const fa = a.byId.get(oldId)!;
    const oldParentMapped = fa.parent === null ? null : pairs.get(fa.parent) ?? `旧：${fa.parent}`;
    const c: NodeChange = {
      old: ref(fa, a.byId),
      new: ref(fb, b.byId),
      matchedBy: fa.id === fb.id ? 'id' : 'title',
      similarity: titleSimilarity(fa.node.title, fb.node.title),
      renumbered: fa.id !== fb.id,
      retitled: fa.node.title !== fb.node.title,
      moved: oldParentMapped !== fb.parent,
      pointsChanged: !fa.max.eq(fb.max),
      rules: describeRuleChanges(fa.node, fb.node, ra, rb),
    };
    if (c.renumbered || c.retitled || c.moved || c.pointsChanged || c.rules.length > 0) changed.push(c);
  }
  const matchedOld = new Set(pairs.keys());
  const removed = a.nodes.filter((f) => !matchedOld.has(f.id)).map((f) => ref(f, a.byId));
  const added = b.nodes.filter((f) => !newToOld.has(f.id)).map((f) => ref(f, b.byId));

  const sections: SectionTotal[] = [];
  for (const fb of b.nodes.filter((f) => f.parent === null)) {
    const oldId = newToOld.get(fb.id);
    sections.push({ id: fb.id, title: fb.node.title, kind: fb.kind, before: oldId !== undefined ? a.byId.get(oldId)!.max.toNumber() : null, after: fb.max.toNumber() });
  }
  for (const fa of a.nodes.filter((f) => f.parent === null && !pairs.has(f.id)))
    sections.push({ id: fa.id, title: fa.node.title, kind: fa.kind, before: fa.max.toNumber(), after: null });
  const scoreTotal = (m: CompiledRubric['model']): number => m.nodes.filter((f) => f.parent === null && f.kind === 'score').reduce((s, f) => s + f.max.toNumber(), 0);

  const parameters = diffEntries(
    ra.parameters,
    rb.parameters,
    (p) => p.label,
    (x, y) => {
      const d: string[] = [];
      if (canonical(x.value) !== canonical(y.value) || (x.unit ?? '') !== (y.unit ?? '')) {
        d.push(`取值：${paramValue(x)} → ${paramValue(y)}`);
      }
      if (x.label !== y.label) d.push(`名称：${x.label} → ${y.label}`);
      if ((x.description ?? '') !== (y.description ?? '')) d.push('说明文字已修改');
      return d;
    },
    (y) => [`取值：${paramValue(y)}`],
  );
  for (const p of parameters) {
    const users = p.change === 'removed' ? paramUsers(ra, a, p.id) : paramUsers(rb, b, p.id);
    if (users.length > 0) p.details.push(`用于：${users.join('、')}`);
  }
  const facts = diffEntries(ra.facts, rb.facts, (f) => f.label, factDetails, (f) => [`类型：${TYPE_TEXT[f.type]}${f.unit ? `,单位:${f.unit}` : ''}`]);
  const vetoes = diffEntries(
    Object.fromEntries(ra.vetoes.map((v) => [v.id, v])),
    Object.fromEntries(rb.vetoes.map((v) => [v.id, v])),
    (v) => v.title,
    (x, y) => vetoDetails(x, y, ra, rb),
    (v) => [`触发条件：${describeCondition(v.when, rb)}`],
  );
  const severity = (c: Check): string => (c.severity === 'error' ? '错误' : '提示');
  const checks = diffEntries(
    Object.fromEntries(ra.checks.map((c) => [c.id, c])),
    Object.fromEntries(rb.checks.map((c) => [c.id, c])),
    (c) => c.message,
    (x, y) => {
      const out: string[] = [];
      const dx = describeCheck(x, ra.facts);
      const dy = describeCheck(y, rb.facts);
      if (dx !== dy) out.push(`关系：${dx} → ${dy}`);
      if (x.severity !== y.severity) out.push(`级别：${severity(x)} → ${severity(y)}`);
      if (x.message !== y.message) out.push(`说明：${x.message} → ${y.message}`);
      return out;
    },
    (y) => [`关系：${describeCheck(y, rb.facts)}`, `级别：${severity(y)}`],
  );
  const meta = metaChanges(ra, rb);
  const d: RubricDiff = {
    old: { id: ra.id, version: ra.version, title: ra.title, ...(oldC.file !== undefined ? { file: oldC.file } : {}) },
    new: { id: rb.id, version: rb.version, title: rb.title, ...(newC.file !== undefined ? { file: newC.file } : {}) },
    meta,
    added,
    removed,
    changed,
    sections,
    total: { before: scoreTotal(a), after: scoreTotal(b) },
    parameters,
    facts,
    vetoes,
    checks,
    identical: false,
  };
  d.identical = meta.length === 0 && added.length === 0 && removed.length === 0 && changed.length === 0 && parameters.length === 0 && facts.length === 0 && vetoes.length === 0 && checks.length === 0;
  return d;
}
