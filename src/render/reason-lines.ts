// Turning a node's reasons into text: the 扣分/失分原因 lines of the sheet, and for the leader summary what would
// earn the lost points back (the failing conditions, the deductions to remove, the evidence to supply).
// Only the report's own texts and condition results are used; nothing is re-evaluated.
import type { ConditionReason, Reason } from '../report/score-report.js';
import type { CitationOut } from '../report/score-report.js';
import { formatNumber } from './numbers.js';
import { safeHref } from './safe-url.js';
import type { SourceNode } from './sheet-source.js';
import type { EvidenceView } from './view-types.js';
import { chineseDate } from './chinese-text.js';

/** Reason kinds that, when they held and cost nothing, only say "full marks" — not worth a line in 失分原因. */
const QUIET_WHEN_PASSED = new Set(['binary', 'clause', 'level', 'value', 'eligibility']);

/**
 * Whether a reason explains lost points or an unusual result (and so belongs in the 扣分/失分原因 column).
 * Untriggered deductions ("未触发扣分") and passed conditions are left out.
 */
export function isLossReason(r: Reason): boolean {
  if (r.kind === 'deduction') return r.result !== false;
  if (r.points !== undefined && r.points < 0) return true;
  if (r.result === false) return true;
  // judgement, notApplicable, veto, missing, error, zeroIf, ceilingIf, cap, floor: always explain the score.
  return !QUIET_WHEN_PASSED.has(r.kind);
}

/** The loss-reason texts of one node. */
export function lossReasonTexts(n: SourceNode): string[] {
  return (n.reasons ?? []).filter(isLossReason).map((r) => r.text);
}

/** "建立…机制" for a yes/no requirement, else "label:现为 0 篇,要求 ≥ 1 篇" — from the condition's own sentence. */
export function requirementText(c: ConditionReason): string {
  // explainLeaf writes "<name>(<source>) = <actual>,<requirement>:满足|不满足".
  const m = /\s=\s(.*?),(要求[^:]*):不?满足$/.exec(c.text);
  if (!m) return c.text;
  const [, actual, req] = m;
  if (req === '要求为是') return c.label;
  return `${c.label}：现为 ${actual}，${req}`;
}

function dedupe(lines: string[]): string[] {
  return [...new Set(lines.filter((l) => l.length > 0))];
}

/**
 * What earns a lost item's points back, most concrete first: failing conditions, applied deductions, missing
 * evidence, pending judgements; the loss reasons themselves when none of these applies.
 */
export function fixActions(n: SourceNode, precision: number): string[] {
  const out: string[] = [];
  for (const r of n.reasons ?? []) {
    if (r.kind === 'missing') {
      const m = /^缺少佐证事实:(.*),按 0 分计$/.exec(r.text);
      out.push(m ? `补充佐证：${m[1]}` : r.text);
    } else if (r.kind === 'deduction') {
      continue; // from `deductions` below, which carry the amounts
    } else if (r.result === false) {
      const failing = (r.conditions ?? []).filter((c) => !c.result);
      if (failing.length > 0) out.push(...failing.map(requirementText));
      else out.push(r.text);
    } else if (r.kind === 'zeroIf' || r.kind === 'ceilingIf' || r.kind === 'veto') {
      out.push(`消除情形：${r.text}`);
    } else if (r.kind === 'judgement' && (r.points ?? 0) < 0) {
      out.push(r.text);
    }
  }
  for (const d of n.deductions ?? []) {
    if (d.applied && d.amount > 0) out.push(`消除扣分情形：${d.reason}（扣 ${formatNumber(d.amount, precision)} 分）`);
  }
  const actions = dedupe(out);
  return actions.length > 0 ? actions : dedupe(lossReasonTexts(n));
}

/** A citation as the sheet shows it, with a link only for http(s) URLs. */
export function evidenceView(c: CitationOut): EvidenceView {
  return {
    title: c.title,
    docNumber: c.docNumber ?? '',
    date: c.date ?? '',
    note: c.note ?? '',
    urlText: c.url ?? '',
    href: safeHref(c.url),
  };
}

/** One line of plain text for a citation (Markdown, CSV, xlsx): 标题（文号，日期）；说明 URL. */
export function evidenceLine(e: EvidenceView): string {
  const meta = [e.docNumber, chineseDate(e.date)].filter((s) => s !== '').join('，');
  return `${e.title}${meta ? `（${meta}）` : ''}${e.note ? `；${e.note}` : ''}${e.urlText ? ` ${e.urlText}` : ''}`;
}
