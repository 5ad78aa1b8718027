// The agency's evidence form as a view model: compiled rubric + the form's raw texts + field errors + the score
// report of the last readable draft → sections (考核项目) holding headings (目标要求) and items (具体标准), each item
// with the controls of the facts it reads (right control per fact type, with unit, range and 附件2 source hint), its
// claim (自评分) with the maximum, citations, attachments, not-applicable request, and the engine's computed score
// and explanations. Pure; the page template only loops over it. Numbers are formatted here, never in templates.
import type { CompiledRubric } from '../../compile/compile-rubric.js';
import type { FlatNode } from '../../model/rubric-model.js';
import type { ScoreReport } from '../../report/score-report.js';
import type { FactDef } from '../../schema/fact-schema.js';
import { allowedText, FACT_TYPE_TEXT, numericRange } from '../../forms/fact-catalogue.js';
import { CITATION_FIELDS, fieldId, fieldName, type CitationField, type FieldErrors, type FormValues } from './form-fields.js';
import { formRows } from './form-rows.js';
import { buildLiveScore, emptyItemScore, type ItemScoreView, type LiveScore, type SectionScoreView } from './live-score.js';

export interface ControlOption {
  value: string;
  label: string;
  selected: boolean;
  id: string;
}

/** One fact's control. Exactly one of the is* flags is true. */
export interface FactControlView {
  factId: string;
  name: string;
  inputId: string;
  label: string;
  typeText: string;
  isBoolean: boolean;
  isNumeric: boolean;
  isDate: boolean;
  isEnum: boolean;
  isTextArea: boolean;
  value: string;
  /** '%' for percent facts, else the fact's unit ('' when none). */
  unit: string;
  inputMode: 'numeric' | 'decimal' | 'text';
  /** Allowed values or range, e.g. "≥ 0", "0–100". */
  allowed: string;
  /** Where the figure comes from, e.g. "附件2 第63行"; '' when none. */
  source: string;
  description: string;
  options: ControlOption[];
  hintId: string;
  error: string;
  errorId: string;
  /** Space-separated ids for aria-describedby (hint, and the error when there is one). */
  describedBy: string;
  /** Other items reading the same fact: "另用于 1.2.1、1.3.2". */
  alsoUsedBy: string;
  /** The line under the control: type and range (or the description for 是/否), other users, description. */
  hint: string;
}

export interface TextFieldView {
  name: string;
  inputId: string;
  label: string;
  value: string;
  error: string;
  errorId: string;
  describedBy: string;
}

export interface CitationRowView {
  index: number;
  /** "佐证材料 1" */
  label: string;
  fields: Array<TextFieldView & { key: CitationField; inputType: 'text' | 'url' | 'date'; wide: boolean }>;
  isBlank: boolean;
}

export interface AttachmentView {
  id: string;
  name: string;
  href: string;
  sizeText: string;
  /** PDF and images open inline; others download. */
  inline: boolean;
}

export interface ClauseLineView {
  id: string;
  title: string;
  maxText: string;
  indent: number;
}

export interface FormItemView {
  id: string;
  seq: string;
  anchor: string;
  title: string;
  /** The 具体标准 text (description, else title). */
  text: string;
  note: string;
  maxText: string;
  clauses: ClauseLineView[];
  facts: FactControlView[];
  /** Facts shown at an earlier item that this item also reads: "见 1.1.1:主要领导听取汇报". */
  sharedFacts: Array<{ label: string; anchor: string; itemId: string }>;
  /** Scored by the office's judgement (酌情评分): the agency supplies citations only. */
  judged: boolean;
  claim: TextFieldView & { maxText: string; hintId: string };
  citations: CitationRowView[];
  attachments: AttachmentView[];
  uploadName: string;
  uploadId: string;
  notApplicable: (TextFieldView & { hintId: string }) | null;
  score: ItemScoreView;
}

export type FormEntryView = { isHeading: true; isItem: false; id: string; title: string; maxText: string; depth: number; item: null } | { isHeading: false; isItem: true; id: string; title: string; maxText: string; depth: number; item: FormItemView };

export interface FormSectionView {
  id: string;
  title: string;
  maxText: string;
  kindText: string;
  entries: FormEntryView[];
  /** Subtotal of the section in the last report (blank before anything was scored). */
  score: SectionScoreView;
}

export interface ErrorSummaryItem {
  inputId: string;
  label: string;
  message: string;
}

export interface EvidenceFormView {
  readOnly: boolean;
  levelHeaders: string[];
  sections: FormSectionView[];
  /** Facts no item reads directly (statistics rows, veto conditions), shown at the end. */
  otherFacts: FactControlView[];
  errors: ErrorSummaryItem[];
  errorCount: number;
  live: LiveScore | null;
}

export interface AttachmentInput {
  id: string | number;
  nodeId: string | null;
  name: string;
  href: string;
  size: number;
  mime: string;
}

export interface EvidenceFormInput {
  compiled: CompiledRubric;
  values: FormValues;
  errors: FieldErrors;
  /** The score report of the last readable draft; null before anything was scored. */
  report: ScoreReport | null;
  attachments?: AttachmentInput[];
  readOnly?: boolean;
}

const KIND_TEXT = { score: '基础分', bonus: '加分', penalty: '扣分' } as const;

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function points(n: FlatNode, precision: number): string {
  return n.max.toDecimalPlaces(precision).toFixed().replace(/\.?0+$/, (m) => (m.includes('.') ? '' : m));
}

function describedBy(...ids: string[]): string {
  return ids.filter((x) => x !== '').join(' ');
}

function textField(name: string, label: string, values: FormValues, errors: FieldErrors): TextFieldView {
  const inputId = fieldId(name);
  const error = Object.hasOwn(errors, name) ? errors[name]! : '';
  // The error element is always rendered (the page script fills it in place); it describes the control only
  // while it holds a message.
  const errorId = `${inputId}-error`;
  return { name, inputId, label, value: Object.hasOwn(values, name) ? values[name]! : '', error, errorId, describedBy: error ? errorId : '' };
}

/** The control of one fact. */
export function factControl(factId: string, def: FactDef, values: FormValues, errors: FieldErrors): FactControlView {
  const name = fieldName.fact(factId);
  const base = textField(name, def.label, values, errors);
  const hintId = `${base.inputId}-hint`;
  const isNumeric = def.type === 'integer' || def.type === 'number' || def.type === 'percent';
  const { min, max } = numericRange(def);
  const opt = (value: string, label: string, i: number): ControlOption => ({ value, label, selected: base.value === value, id: `${base.inputId}-o${i}` });
  const options =
    def.type === 'boolean'
      ? [opt('是', '是', 1), opt('否', '否', 2), opt('', '未填', 0)]
      : def.type === 'enum'
        ? [opt('', '（请选择）', 0), ...(def.values ?? []).map((v, i) => opt(v, v, i + 1))]
        : [];
  let allowed = allowedText(def);
  if (def.type === 'percent') allowed = `${min ?? 0}%–${max ?? 100}%`;
  return {
    factId,
    name,
    inputId: base.inputId,
    label: def.label,
    typeText: FACT_TYPE_TEXT[def.type] ?? def.type,
    isBoolean: def.type === 'boolean',
    isNumeric,
    isDate: def.type === 'date',
    isEnum: def.type === 'enum',
    isTextArea: def.type === 'text' || def.type === 'list',
    value: base.value,
    unit: def.type === 'percent' ? '%' : (def.unit ?? ''),
    inputMode: def.type === 'integer' ? 'numeric' : isNumeric ? 'decimal' : 'text',
    allowed,
    source: def.source ?? '',
    description: def.description ?? '',
    options,
    hintId,
    error: base.error,
    errorId: base.errorId,
    describedBy: describedBy(hintId, base.describedBy),
    alsoUsedBy: '',
    hint: '',
  };
}

/** The hint line of a control (kept short: 是/否 needs no type text, a percent no unit text). */
export function factHint(c: FactControlView): string {
  const parts: string[] = [];
  if (c.isBoolean) parts.push(c.description || '请选择“是”或“否”；未掌握情况时选“未填”');
  else {
    parts.push(`${c.typeText}:${c.allowed}${c.unit && c.unit !== '%' ? `,单位:${c.unit}` : ''}`);
    if (c.description) parts.push(c.description);
  }
  if (c.alsoUsedBy) parts.push(c.alsoUsedBy);
  return parts.join('。');
}

/** Fact ids each row reads (its own and its descendants' rules), in catalogue order. */
function factsByRow(compiled: CompiledRubric, rowOf: Map<string, string>): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  for (const [key, facts] of compiled.factUsers) {
    const row = rowOf.get(key);
    if (!row) continue;
    const s = sets.get(row) ?? new Set<string>();
    for (const f of facts) s.add(f);
    sets.set(row, s);
  }
  const order = Object.keys(compiled.rubric.facts);
  const out = new Map<string, string[]>();
  for (const [row, s] of sets) out.set(row, order.filter((f) => s.has(f) && !compiled.rubric.facts[f]!.derive));
  return out;
}

function citationRows(nodeId: string, values: FormValues, errors: FieldErrors): CitationRowView[] {
  const used: number[] = [];
  for (let i = 0; i < 20; i++) {
    if (CITATION_FIELDS.some((f) => (values[fieldName.cite(nodeId, i, f)] ?? '') !== '' || Object.hasOwn(errors, fieldName.cite(nodeId, i, f)))) used.push(i);
  }
  const next = used.length > 0 ? Math.max(...used) + 1 : 0;
  const indices = next < 20 ? [...used, next] : used;
  const LABEL: Record<CitationField, string> = { title: '材料名称', docNumber: '文号', url: '网址', date: '日期', note: '说明' };
  return indices.map((index, n) => {
    const fields = CITATION_FIELDS.map((key) => ({
      ...textField(fieldName.cite(nodeId, index, key), LABEL[key], values, errors),
      key,
      inputType: key === 'date' ? ('date' as const) : key === 'url' ? ('url' as const) : ('text' as const),
      wide: key === 'title' || key === 'note',
    }));
    return { index, label: `佐证材料 ${n + 1}`, fields, isBlank: fields.every((f) => f.value === '') };
  });
}

/**
 * Build the evidence form.
 * @param input compiled rubric, raw texts, field errors, last report, attachments, read-only flag
 */
export function buildEvidenceForm(input: EvidenceFormInput): EvidenceFormView {
  const { compiled, values, errors, report } = input;
  const p = compiled.rubric.precision;
  const { rowLevel, isRow, rowOf } = formRows(compiled);
  const byRow = factsByRow(compiled, rowOf);
  const live = report ? buildLiveScore(compiled, report, errors) : null;
  const liveItems = new Map((live?.items ?? []).map((i) => [i.id, i]));
  const firstRowOfFact = new Map<string, string>();
  for (const n of compiled.model.nodes) for (const f of byRow.get(n.id) ?? []) if (!firstRowOfFact.has(f)) firstRowOfFact.set(f, n.id);
  const usersOfFact = new Map<string, string[]>();
  for (const n of compiled.model.nodes) for (const f of byRow.get(n.id) ?? []) usersOfFact.set(f, [...(usersOfFact.get(f) ?? []), n.id]);
  const attachments = input.attachments ?? [];
  let seq = 0;

  const item = (n: FlatNode): FormItemView => {
    const anchor = `item-${fieldId(n.id).slice(2)}`;
    const facts: FactControlView[] = [];
    const sharedFacts: FormItemView['sharedFacts'] = [];
    for (const f of byRow.get(n.id) ?? []) {
      const def = compiled.rubric.facts[f]!;
      const first = firstRowOfFact.get(f)!;
      if (first === n.id) {
        const c = factControl(f, def, values, errors);
        const others = (usersOfFact.get(f) ?? []).filter((x) => x !== n.id);
        c.alsoUsedBy = others.length > 0 ? `另用于 ${others.join('、')}` : '';
        c.hint = factHint(c);
        facts.push(c);
      } else sharedFacts.push({ label: def.label, itemId: first, anchor: `item-${fieldId(first).slice(2)}` });
    }
    const clauses: ClauseLineView[] = [];
    const walk = (x: FlatNode, indent: number): void => {
      for (const c of x.children) {
        const cn = compiled.model.byId.get(c)!;
        clauses.push({ id: cn.id, title: cn.node.title, maxText: points(cn, p), indent });
        walk(cn, indent + 1);
      }
    };
    walk(n, 0);
    const claimBase = textField(fieldName.claim(n.id), `自评分（满分 ${points(n, p)} 分）`, values, errors);
    const claimHint = `${claimBase.inputId}-hint`;
    const na = n.node.mayBeNotApplicable ? textField(fieldName.na(n.id), '申请合理缺项（不适用）的理由', values, errors) : null;
    const upload = `upload:${n.id}`;
    const judged = [n, ...clauses.map((c) => compiled.model.byId.get(c.id)!)].some((x) => x.node.scoring?.method === 'judgement');
    return {
      id: n.id,
      seq: String(++seq),
      anchor,
      title: n.node.title,
      text: n.node.description ?? n.node.title,
      note: n.node.note ?? '',
      maxText: points(n, p),
      clauses,
      facts,
      sharedFacts,
      judged,
      claim: { ...claimBase, maxText: points(n, p), hintId: claimHint, describedBy: describedBy(claimHint, claimBase.describedBy) },
      citations: citationRows(n.id, values, errors),
      attachments: attachments
        .filter((a) => a.nodeId === n.id)
        .map((a) => ({ id: String(a.id), name: a.name, href: a.href, sizeText: sizeText(a.size), inline: a.mime === 'application/pdf' || a.mime.startsWith('image/') })),
      uploadName: upload,
      uploadId: fieldId(upload),
      notApplicable: na ? { ...na, hintId: `${na.inputId}-hint`, describedBy: describedBy(`${na.inputId}-hint`, na.describedBy) } : null,
      score: liveItems.get(n.id) ?? emptyItemScore(n.id),
    };
  };

  const sections: FormSectionView[] = compiled.model.nodes
    .filter((n) => n.parent === null)
    .map((top) => {
      const entries: FormEntryView[] = [];
      const visit = (n: FlatNode): void => {
        if (isRow(n)) {
          entries.push({ isHeading: false, isItem: true, id: n.id, title: n.node.title, maxText: points(n, p), depth: n.depth, item: item(n) });
          return;
        }
        if (n !== top) entries.push({ isHeading: true, isItem: false, id: n.id, title: n.node.title, maxText: points(n, p), depth: n.depth, item: null });
        for (const c of n.children) visit(compiled.model.byId.get(c)!);
      };
      visit(top);
      const score = live?.sections.find((x) => x.id === top.id) ?? { id: top.id, scoreText: '', applicableMaxText: '', claimedText: '', statusText: '', statusClass: '' };
      return { id: top.id, title: top.node.title, maxText: points(top, p), kindText: KIND_TEXT[top.kind], entries, score };
    });

  const shown = new Set(firstRowOfFact.keys());
  const otherFacts = Object.entries(compiled.rubric.facts)
    .filter(([id, def]) => !def.derive && !shown.has(id))
    .map(([id, def]) => {
      const c = factControl(id, def, values, errors);
      c.hint = factHint(c);
      return c;
    });

  const labelOf = new Map<string, string>();
  for (const s of sections) for (const e of s.entries) if (e.item) {
    for (const f of e.item.facts) labelOf.set(f.name, `${e.item.id} ${f.label}`);
    labelOf.set(e.item.claim.name, `${e.item.id} 自评分`);
    if (e.item.notApplicable) labelOf.set(e.item.notApplicable.name, `${e.item.id} 不适用理由`);
    for (const c of e.item.citations) for (const f of c.fields) labelOf.set(f.name, `${e.item.id} ${c.label}${f.label}`);
  }
  for (const f of otherFacts) labelOf.set(f.name, f.label);
  const errorList = Object.entries(errors)
    .filter(([name]) => labelOf.has(name))
    .map(([name, message]) => ({ inputId: fieldId(name), label: labelOf.get(name)!, message }));
  return {
    readOnly: input.readOnly === true,
    levelHeaders: compiled.rubric.levels.slice(0, rowLevel + 1),
    sections,
    otherFacts,
    errors: errorList,
    errorCount: errorList.length,
    live,
  };
}

