// The 数据核验 (勾稽关系) block of the printed documents: the report's checks[] as display rows and one summary line.
// Input: the report's check results. Output: plain strings for templates and table formatters (nothing recomputed).
import type { CheckResult } from '../report/score-report.js';
import { formatValue } from '../score/explain.js';
import type { CheckView } from './view-types.js';
import { chineseDate } from './chinese-text.js';

const OUTCOME_TEXT: Record<CheckResult['outcome'], string> = { pass: '通过', fail: '未通过', not_assessable: '无法核验' };
const SEVERITY_TEXT: Record<CheckResult['severity'], string> = { error: '错误', warning: '提示' };
const RESOLUTION_TEXT: Record<string, string> = { accepted: '认可原数据', corrected: '已更正数据' };

/** The office's resolution in words: 认可原数据 / 已更正数据. */
export function resolutionLabel(resolution: string): string {
  return RESOLUTION_TEXT[resolution] ?? resolution;
}

function resolutionText(c: CheckResult): string {
  const r = c.resolution;
  if (!r) return c.outcome === 'fail' && c.severity === 'error' ? '待政务公开办处理' : '';
  return `${resolutionLabel(r.resolution)}：${r.reason}（${r.by}${r.date ? `，${chineseDate(r.date)}` : ''}）`;
}

/**
 * A passed check's sentence as the printed sheet shows it: each "名称(来源)" shortened to its source (the 核验内容
 * names the facts), and "甲;乙:要求前者 ≥ 后者,相符" written "甲 ≥ 乙,相符". Other outcomes keep every word.
 */
export function seenText(c: CheckResult): string {
  if (c.outcome !== 'pass') return c.text;
  let t = c.text;
  for (const v of c.values) {
    if (v.source) t = t.split(`${v.label}(${v.source})`).join(v.source);
  }
  const m = /^([^;]*);([^;]*):要求前者 ([≥≤=]) 后者,相符$/.exec(t);
  return m ? `${m[1]} ${m[3]} ${m[2]}，相符` : t;
}

/** One display row per check, in rubric order. */
export function buildCheckViews(checks: readonly CheckResult[]): CheckView[] {
  return checks.map((c, i) => ({
    seq: String(i + 1),
    id: c.id,
    message: c.message,
    source: c.source ?? '',
    severityText: SEVERITY_TEXT[c.severity],
    severityClass: c.severity,
    outcomeText: OUTCOME_TEXT[c.outcome],
    outcomeClass: c.outcome === 'not_assessable' ? 'not-assessable' : c.outcome,
    valuesText: c.values.map((v) => `${v.label} ${formatValue(v.value, v.unit)}`).join(';'),
    text: c.text,
    seenText: seenText(c),
    resolutionText: resolutionText(c),
    failed: c.outcome === 'fail',
  }));
}

/** "共 20 项:通过 18 项,未通过 2 项(错误 2 项,待处理 2 项),无法核验 0 项"; '' when the rubric declares none. */
export function checkSummaryText(checks: readonly CheckResult[]): string {
  if (checks.length === 0) return '';
  const count = (o: CheckResult['outcome']) => checks.filter((c) => c.outcome === o).length;
  const failed = checks.filter((c) => c.outcome === 'fail');
  const errors = failed.filter((c) => c.severity === 'error');
  const open = errors.filter((c) => !c.resolution).length;
  const detail = failed.length > 0 ? `（错误级 ${errors.length} 项${open > 0 ? `，其中待处理 ${open} 项` : '，均已处理'}）` : '';
  return `共 ${checks.length} 项：通过 ${count('pass')} 项，未通过 ${failed.length} 项${detail}，无法核验 ${count('not_assessable')} 项`;
}
