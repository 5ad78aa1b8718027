// Shared pieces of the comparison formatters (text, CSV, HTML, xlsx): row order, Chinese column labels and
// value display. Formatters read only the CompareReport contract.
import type { AgencyRow, BaselineSection, CheckFailureAgency, CompareReport, LeftOutFile, LeftOutReason, OverClaimAgency, SectionCell } from '../../cohort/compare-report.js';
import { stripControlChars } from '../../diagnostics/control-chars.js';
import { compareCodes } from '../../cohort/ranking.js';

export const LEFT_OUT_TEXT: Record<LeftOutReason, string> = {
  unreadable: '无法读取',
  invalid: '内容有误',
  duplicate: '单位重复',
  wrongRubric: '非本细则的证据',
  aborted: '评分中止（超出资源上限）',
  register: '与单位名册不符',
};

export const KIND_TEXT = { score: '', bonus: '（加分）', penalty: '（扣分）' } as const;

/** Table order: by the normalised rank, then the final rank, then agency code (all deterministic). */
export function orderedRows(report: CompareReport): AgencyRow[] {
  return [...report.agencies].sort((a, b) => a.rank.normalized - b.rank.normalized || a.rank.final - b.rank.final || compareCodes(a.code, b.code));
}

/** Display name of an agency: the short name when given. */
export function agencyLabel(a: AgencyRow): string {
  return a.shortName || a.name;
}

/** Numbers as Chinese office sheets show them: no trailing zeros. */
export function num(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  return Object.is(n, -0) ? '0' : String(n);
}

export function signedNum(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  return n > 0 ? `+${n}` : num(n);
}

export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** A section cell as text: the score, 不适用, or the score marked 待评 when it holds an item waiting for the office. */
export function cellText(c: SectionCell | { score: number; notApplicable: boolean; pending?: boolean }): string {
  return c.notApplicable ? '不适用' : c.pending ? `${num(c.score)}（待评）` : num(c.score);
}

/** 结果 column: 最终, or 暂定 with the number of items waiting for the office. */
export function statusText(a: AgencyRow): string {
  return a.status === 'provisional' ? `暂定（待评 ${a.pending} 项）` : '最终';
}

/** The grade as listed: a provisional agency's grade is marked (ranked, never shown as final). */
export function gradeText(a: AgencyRow): string {
  return a.status === 'provisional' ? `${a.totals.grade}（暂定）` : a.totals.grade;
}

/** Column headers of the main table (sections carry their points). */
export function mainHeaders(report: CompareReport): string[] {
  return [
    '百分制排名',
    '总分排名',
    '单位代码',
    '单位名称',
    '类别',
    ...report.sections.map((s) => `${s.id} ${s.title}${KIND_TEXT[s.kind]}（${s.max}分）`),
    '基础分',
    '加分',
    '扣分',
    '总分',
    '适用满分',
    '百分制',
    '等次',
    '结果',
    '自评总分',
    '自评差额',
    '自评偏高项数',
    '缺少佐证项数',
    '数据核验未通过项数',
    '单项否决',
    '证据文件',
  ];
}

/** Cells of one agency in the main table, aligned with mainHeaders (numbers stay numbers). */
export function mainCells(a: AgencyRow): Array<string | number | null> {
  const t = a.totals;
  return [
    a.rank.normalized,
    a.rank.final,
    a.code,
    a.name,
    a.class ?? '',
    ...a.sections.map((s) => (s.notApplicable ? '不适用' : s.score)),
    t.base,
    t.bonus,
    t.penalty,
    t.final,
    t.applicableMax,
    t.normalized,
    gradeText(a),
    statusText(a),
    t.claimed,
    a.claimDifference,
    a.overClaimItems,
    a.missingEvidence,
    a.failedChecks.length,
    a.veto ? a.veto.title : '',
    a.file,
  ];
}

/** One line per message of a left-out file: `file:line:col 错误 CODE path:message`. */
export function leftOutLines(f: LeftOutFile): string[] {
  if (f.messages.length === 0) return [stripControlChars(`${f.file} 错误：${LEFT_OUT_TEXT[f.reason]}`)];
  return f.messages.map((m) => {
    const where = m.line !== undefined ? `:${m.line}:${m.column ?? 1}` : '';
    // Printed to the officer's terminal: file names and messages may quote input.
    return stripControlChars(`${f.file}${where} 错误 ${m.code}${m.path ? ` ${m.path}` : ''}:${m.message}${m.hint ? `(${m.hint})` : ''}`);
  });
}

/** 数据核验: the headline of an agency with failed checks, then one line per failed check (its message). */
/** Lines of an agency's failed checks; `withId: false` for printed pages (the check's id is an English identifier). */
export function checkFailureLines(report: CompareReport, f: CheckFailureAgency, withId = true): { head: string; items: string[] } {
  const byId = new Map(report.checks.map((c) => [c.id, c]));
  const head = `未通过 ${f.failed} 项${f.unresolved > 0 ? `，其中错误级待处理 ${f.unresolved} 项（结果暂定）` : ''}`;
  const items = f.checks.map((c) => {
    const state = c.severity === 'warning' ? '提示' : c.resolved ? '错误，已处理' : '错误，待处理';
    return `${withId ? `${c.id} ` : ''}${byId.get(c.id)?.message ?? ''}（${state}）`;
  });
  return { head, items };
}

/** Headline of an over-claiming agency: its claimed total against the computed one. */
export function overClaimHead(o: OverClaimAgency): string {
  if (o.claimed === null) return `未填自评总分，核定 ${num(o.final)}；以下项目自评高于核定`;
  if (o.difference !== null && o.difference > 0) return `自评 ${num(o.claimed)}，核定 ${num(o.final)}，高出 ${num(o.difference)}`;
  return `自评 ${num(o.claimed)}，核定 ${num(o.final)}（总分未高出，但以下项目自评高于核定）`;
}

/**
 * Notes of the baseline split, grouped across agencies (the same rubric change usually affects every agency):
 * dropped facts, then not-comparable criteria, each with how many agencies it concerns.
 */
export function baselineNotes(b: BaselineSection): string[] {
  const dropped = new Map<string, number>();
  const notComparable = new Map<string, { text: string; count: number }>();
  for (const x of b.agencies) {
    for (const f of x.droppedFacts) dropped.set(f, (dropped.get(f) ?? 0) + 1);
    for (const n of x.notComparable) {
      const key = `${n.id}\u0000${n.reason}`;
      const e = notComparable.get(key) ?? { text: `${n.id} ${n.title}:${n.reason}`, count: 0 };
      e.count++;
      notComparable.set(key, e);
    }
  }
  const total = b.agencies.length;
  const who = (n: number): string => (n === total ? '全部单位' : `${n} 个单位`);
  const lines: string[] = [];
  const byCount = new Map<number, string[]>();
  for (const [f, n] of [...dropped].sort((x, y) => compareCodes(x[0], y[0]))) byCount.set(n, [...(byCount.get(n) ?? []), f]);
  for (const [n, facts] of [...byCount].sort((x, y) => y[0] - x[0])) lines.push(`去年的事实 ${facts.join('、')} 不在今年细则中（或类型不符），未参与重算（${who(n)}）`);
  for (const e of notComparable.values()) lines.push(`无法比较（${who(e.count)}）：${e.text}`);
  return lines;
}

/**
 * Characters per streamed text chunk. Chinese makes a string two bytes per character, and a string above V8's
 * regular object size (~128 KB) is allocated in the large-object space, which only a full collection frees: with
 * 64 K-character chunks a 100,000-agency JSON comparison (~1 GB of text) grew the process by ~250 MB while writing.
 * 8 K characters (16 KB) stay in the young generation and die there (measured: peak 479–532 → 414 MB).
 */
export const CHUNK_CHARS = 1 << 13;
