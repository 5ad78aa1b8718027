// The 三栏对照表 an office attaches to a rubric revision note: one row per added, removed or changed indicator, in
// the revised rubric's order (a removed one where it used to stand), with the columns 原条款 / 修订后条款 / 修订说明.
// A clause is the indicator as printed: 「编号 标题（N分）」, its 具体标准, its 评分办法 in words, 适用范围 and
// 不得分情形 when it has them; changed characters are marked for highlighting. Chinese punctuation full-width.
// Input: both compiled rubrics and their RubricDiff. Output: plain data for the HTML, Markdown and docx formatters. Pure.
import type { CompiledRubric } from '../compile/compile-rubric.js';
import type { FlatNode } from '../model/rubric-model.js';
import type { Rubric } from '../schema/rubric-schema.js';
import { charDiff, plain, type Segment } from './char-diff.js';
import { canonical, describeScoring, METHOD_TEXT } from './describe-rules.js';
import type { RubricDiff } from './diff-rubrics.js';

export type { Segment } from './char-diff.js';

export interface ClauseLine {
  /** '' for the heading line 「编号 标题（N分）」, else 具体标准 / 评分办法 / 适用范围 / 不得分情形. */
  label: string;
  segments: Segment[];
}

export interface RevisionRow {
  /** 1, 2, 3 … in table order. */
  no: number;
  change: 'added' | 'removed' | 'changed';
  /** The indicator's id after revision (before, for a removed one). */
  id: string;
  /** null → print 「（新增）」. */
  old: ClauseLine[] | null;
  /** null → print 「（删除）」. */
  new: ClauseLine[] | null;
  /** 修订说明, one point per entry. */
  notes: string[];
}

export interface RevisionTable {
  title: string;
  /** 「修订前：…」 and 「修订后：…」. */
  sources: string[];
  head: readonly ['原条款', '修订后条款', '修订说明'];
  rows: RevisionRow[];
}

export const ADDED_PLACEHOLDER = '（新增）';
export const REMOVED_PLACEHOLDER = '（删除）';

/** Half-width ( ) , ; : in Chinese text → （ ）， ； ：(URLs and decimals untouched). */
export function chinesePunctuation(s: string): string {
  if (!/[\u3400-\u9fff]/.test(s)) return s;
  return s
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/,(?!\d{3}\b)/g, '，')
    .replace(/;/g, '；')
    .replace(/:(?!\/\/)/g, '：')
    .replace(/\s*\n\s*/g, '')
    // YAML folds a clause's lines with a space: none between two Chinese characters or marks.
    .replace(/([\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”])\s+(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”])/g, '$1');
}

function points(f: FlatNode): string {
  return `${f.max.toString()}分`;
}

/** The clause's lines (label, text) as printed. */
function clauseLines(f: FlatNode, rubric: Rubric): Array<[string, string]> {
  const n = f.node;
  const lines: Array<[string, string]> = [['', chinesePunctuation(`${f.id} ${n.title}（${points(f)}）`)]];
  if (n.description) lines.push(['具体标准', chinesePunctuation(n.description.trim())]);
  if (n.scoring) lines.push(['评分办法', chinesePunctuation(describeScoring(n.scoring, rubric))]);
  if (n.classes) lines.push(['适用范围', `${n.classes.join('、')}类单位`.replace(/类类单位$/, '类单位')]);
  const overrides = [...(n.zeroIf ?? []).map((z) => `${z.reason}的，不得分`), ...(n.ceilingIf ?? []).map((c) => `${c.reason}的，最高${c.ceiling}分`)];
  if (overrides.length > 0) lines.push(['不得分情形', chinesePunctuation(overrides.join('；'))]);
  return lines;
}

const lineText = (label: string, text: string): string => (label ? `${label}：${text}` : text);

function whole(lines: Array<[string, string]>): ClauseLine[] {
  return lines.map(([label, text]) => ({ label, segments: plain(text) }));
}

/** Pair the lines by label; a line on one side only is marked changed as a whole. */
function compared(a: Array<[string, string]>, b: Array<[string, string]>): { old: ClauseLine[]; new: ClauseLine[] } {
  const byLabel = (ls: Array<[string, string]>) => new Map(ls.map(([l, t]) => [l, t]));
  const ma = byLabel(a);
  const mb = byLabel(b);
  return {
    old: a.map(([label, text]) => ({ label, segments: mb.has(label) ? lineDiff(text, mb.get(label)!).old : plain(text, true) })),
    new: b.map(([label, text]) => ({ label, segments: ma.has(label) ? lineDiff(ma.get(label)!, text).new : plain(text, true) })),
  };
}

/** A character diff, or the whole line marked when most of it changed (scattered common characters read as noise). */
function lineDiff(a: string, b: string): { old: Segment[]; new: Segment[] } {
  const d = charDiff(a, b);
  const changed = (segs: Segment[]): number => segs.filter((x) => x.changed).reduce((n, x) => n + [...x.text].length, 0);
  const mostly = (segs: Segment[], text: string): boolean => changed(segs) * 2 > [...text].length;
  return mostly(d.old, a) || mostly(d.new, b) ? { old: plain(a, a !== b), new: plain(b, a !== b) } : d;
}

function where(f: FlatNode, model: CompiledRubric['model']): string {
  const p = f.parent ? model.byId.get(f.parent) : undefined;
  return p ? `${p.id} ${p.node.title}` : '顶层';
}

interface ParamChange {
  id: string;
  label: string;
  before: string;
  after: string;
}

/** Parameters (thresholds) whose value changed, as printed (4% → 5%). */
function paramChanges(oldC: CompiledRubric, newC: CompiledRubric): ParamChange[] {
  const value = (p: Rubric['parameters'][string]): string => `${typeof p.value === 'boolean' ? (p.value ? '是' : '否') : String(p.value)}${p.unit ?? ''}`;
  const out: ParamChange[] = [];
  for (const [id, p] of Object.entries(newC.rubric.parameters)) {
    const q = Object.prototype.hasOwnProperty.call(oldC.rubric.parameters, id) ? oldC.rubric.parameters[id] : undefined;
    if (q && value(q) !== value(p)) out.push({ id, label: chinesePunctuation(p.label), before: value(q), after: value(p) });
  }
  return out;
}

/** A scoring rule without the wording shown when an item fails (failReason), to tell a rule change from a rewording. */
function withoutWording(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutWording);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([k]) => k !== 'failReason').map(([k, x]) => [k, withoutWording(x)]));
  return v;
}

const classesText = (n: FlatNode['node']): string => (n.classes ? `${n.classes.join('、')}类单位`.replace(/类类单位$/, '类单位') : '全部单位');

/** 修订说明 for a changed indicator: what changed — number, place, title, points, rule, wording, scope. */
function changeNotes(fa: FlatNode, fb: FlatNode, oldC: CompiledRubric, newC: CompiledRubric, moved: boolean, params: ParamChange[]): string[] {
  const a = fa.node;
  const b = fb.node;
  const out: string[] = [];
  if (fa.id !== fb.id) out.push(`编号由 ${fa.id} 改为 ${fb.id}`);
  if (moved) out.push(`由「${chinesePunctuation(where(fa, oldC.model))}」移至「${chinesePunctuation(where(fb, newC.model))}」`);
  if (a.title !== b.title) out.push('修改指标名称');
  if (!fa.max.eq(fb.max)) out.push(`分值由${points(fa)}调整为${points(fb)}`);
  if (a.scoring && b.scoring) {
    const thresholds = params.filter((p) => JSON.stringify(b.scoring).includes(`"param":"${p.id}"`)).map((p) => `阈值「${p.label}」由${p.before}调整为${p.after}`);
    const described = describeScoring(a.scoring, oldC.rubric) !== describeScoring(b.scoring, newC.rubric);
    if (a.scoring.method !== b.scoring.method) out.push(`评分办法由「${METHOD_TEXT[a.scoring.method]}」改为「${METHOD_TEXT[b.scoring.method]}」`);
    else if (canonical(withoutWording(a.scoring)) !== canonical(withoutWording(b.scoring))) out.push('修改评分办法');
    else if (described && thresholds.length === 0) out.push('修改评分办法');
    else if (!described && canonical(a.scoring) !== canonical(b.scoring)) out.push('修改不得分时的说明文字');
    out.push(...thresholds);
  } else if (a.scoring || b.scoring) out.push(a.scoring ? '改为含下级指标的分组' : '改为末级评分指标');
  if ((a.description ?? '').trim() !== (b.description ?? '').trim()) out.push(a.description ? (b.description ? '修改具体标准文字' : '删去具体标准文字') : '增加具体标准文字');
  if (canonical(a.classes) !== canonical(b.classes)) out.push(`适用范围由${classesText(a)}改为${classesText(b)}`);
  if (canonical(a.zeroIf) !== canonical(b.zeroIf) || canonical(a.ceilingIf) !== canonical(b.ceilingIf)) out.push('修改不得分情形');
  if (a.kind !== b.kind) out.push(`由${a.kind === 'bonus' ? '加分项' : a.kind === 'penalty' ? '减分项' : '基本分'}改为${b.kind === 'bonus' ? '加分项' : b.kind === 'penalty' ? '减分项' : '基本分'}`);
  const other =
    canonical(a.weight) !== canonical(b.weight) ||
    canonical(a.cap) !== canonical(b.cap) ||
    canonical(a.floor) !== canonical(b.floor) ||
    a.overflow !== b.overflow ||
    a.mayBeNotApplicable !== b.mayBeNotApplicable ||
    canonical(a.notApplicable) !== canonical(b.notApplicable) ||
    canonical(a.eligibleIf) !== canonical(b.eligibleIf);
  if (other) out.push('调整计分方式（权重、封顶、合理缺项或加分资格）');
  if (out.length === 0) out.push('修改条款内容');
  return out;
}

/** Build the 三栏对照表 from the diff of `oldC` → `newC`. */
export function buildRevisionTable(d: RubricDiff, oldC: CompiledRubric, newC: CompiledRubric): RevisionTable {
  const a = oldC.model;
  const b = newC.model;
  const changedByNew = new Map(d.changed.map((c) => [c.new.id, c]));
  const addedIds = new Set(d.added.map((n) => n.id));
  const removedIds = new Set(d.removed.map((n) => n.id));
  const oldOfNew = new Map(d.changed.map((c) => [c.new.id, c.old.id]));
  // Old ids matched without change still anchor removed rows: derive every old → new pairing from the diff and ids.
  const newOfOld = new Map<string, string>();
  for (const f of b.nodes) {
    const o = oldOfNew.get(f.id) ?? (addedIds.has(f.id) ? undefined : f.id);
    if (o !== undefined && a.byId.has(o)) newOfOld.set(o, f.id);
  }
  // A removed node is listed after the row of the nearest earlier old node that still exists (or first).
  const removedAfter = new Map<string | null, string[]>();
  let anchor: string | null = null;
  for (const f of a.nodes) {
    if (removedIds.has(f.id)) {
      const list = removedAfter.get(anchor) ?? [];
      list.push(f.id);
      removedAfter.set(anchor, list);
    } else if (newOfOld.has(f.id)) anchor = newOfOld.get(f.id)!;
  }
  const params = paramChanges(oldC, newC);
  const rows: Omit<RevisionRow, 'no'>[] = [];
  const pushRemoved = (after: string | null): void => {
    for (const id of removedAfter.get(after) ?? []) {
      const f = a.byId.get(id)!;
      rows.push({ change: 'removed', id, old: whole(clauseLines(f, oldC.rubric)), new: null, notes: [`删除该指标（原${points(f)}，位于「${chinesePunctuation(where(f, a))}」）`] });
    }
  };
  pushRemoved(null);
  for (const fb of b.nodes) {
    const c = changedByNew.get(fb.id);
    if (addedIds.has(fb.id)) {
      rows.push({ change: 'added', id: fb.id, old: null, new: whole(clauseLines(fb, newC.rubric)), notes: [`新增指标（${points(fb)}，位于「${chinesePunctuation(where(fb, b))}」）`] });
    } else if (c) {
      const fa = a.byId.get(c.old.id)!;
      const { old, new: neu } = compared(clauseLines(fa, oldC.rubric), clauseLines(fb, newC.rubric));
      rows.push({ change: 'changed', id: fb.id, old, new: neu, notes: changeNotes(fa, fb, oldC, newC, c.moved, params) });
    }
    pushRemoved(fb.id);
  }
  const name = (x: RubricDiff['old']): string => `《${chinesePunctuation(x.title)}》（版本 ${x.version}）`;
  return {
    title: `《${chinesePunctuation(d.new.title)}》修订对照表`,
    sources: [`修订前：${name(d.old)}`, `修订后：${name(d.new)}`],
    head: ['原条款', '修订后条款', '修订说明'],
    rows: rows.map((r, i) => ({ no: i + 1, ...r })),
  };
}

/** A clause line as plain text (label and text), e.g. for Markdown and tests. */
export function clauseLineText(l: ClauseLine): string {
  return lineText(l.label, l.segments.map((s) => s.text).join(''));
}
