// 年度报告: the agency's page (upload its published annual report, see every upload's check outcome and the checks
// of the latest) and the office's table of every agency's latest outcome. View models only; text from the report
// (quoted sentences, cell labels) has its control characters stripped, and the templates escape everything.
import type { AnnualReportCheck } from '../../annual-report/index.js';
import { LEVELS } from '../../annual-report/checks/run-checks.js';
import { stripControlChars } from '../../diagnostics/control-chars.js';
import type { AnnualReportCheckView } from '../../service/domain/annual-reports.js';
import type { PageChrome } from './chrome.js';
import { dateTimeText } from './labels.js';

export const OUTCOME_LABELS: Record<string, { text: string; cls: string }> = {
  PASS: { text: '通过', cls: 'ok' },
  WARN: { text: '提醒', cls: 'warn' },
  FAIL: { text: '不通过', cls: 'bad' },
  NOT_ASSESSABLE: { text: '无法判断', cls: 'muted' },
};

const outcomeOf = (o: string) => OUTCOME_LABELS[o] ?? { text: o, cls: '' };
const clean = (s: string | null | undefined): string => stripControlChars(s ?? '');

function uploadRow(v: AnnualReportCheckView) {
  const s = v.summary;
  return {
    id: v.id,
    name: clean(v.name),
    yearText: v.reportYear === null ? '—' : `${v.reportYear} 年`,
    outcomeText: outcomeOf(v.outcome).text,
    outcomeClass: outcomeOf(v.outcome).cls,
    countsText: `通过 ${s.PASS}，提醒 ${s.WARN}，不通过 ${s.FAIL}，无法判断 ${s.NOT_ASSESSABLE}`,
    previousText: v.previousHash ? '已与上一年度上传的年报比较' : '',
    by: clean(v.by),
    createdText: dateTimeText(v.createdAt),
  };
}

/** The checks of one upload: failures and warnings first-class, passing items folded into a count. */
export function checkRows(check: AnnualReportCheck) {
  return check.results.map((r) => {
    const notPassed = r.items.filter((i) => i.outcome !== 'PASS');
    const shown = notPassed.slice(0, 20);
    const passed = r.items.length - notPassed.length;
    return {
      id: r.id,
      title: clean(r.title),
      basis: clean(r.basis),
      outcomeText: outcomeOf(r.outcome).text,
      outcomeClass: outcomeOf(r.outcome).cls,
      items: shown.map((i) => ({ outcomeText: outcomeOf(i.outcome).text, label: clean(i.label), detail: clean(i.detail), reads: i.reads.map((x) => `${clean(x.ref)} = ${x.value === null ? '空白' : clean(x.value)}`).join(';') })),
      passedText: [passed ? `${passed} 项通过` : '', notPassed.length > shown.length ? `另有 ${notPassed.length - shown.length} 项未列出（完整结果见接口）` : ''].filter(Boolean).join(';'),
    };
  });
}

export function buildAgencyAnnualReportPage(input: { chrome: PageChrome; agencyName: string; action: string | null; uploads: AnnualReportCheckView[]; latest: AnnualReportCheck | null; error?: string }) {
  return {
    ...input.chrome,
    heading: `政府信息公开工作年度报告 · ${clean(input.agencyName)}`,
    error: input.error ?? '',
    form: input.action ? { action: input.action, levels: LEVELS.map((l) => ({ value: l, label: l })) } : null,
    uploads: input.uploads.map(uploadRow),
    latest: input.latest
      ? { name: clean(input.latest.report.file), checks: checkRows(input.latest), skipped: input.latest.skipped.map((s) => ({ id: s.id, title: clean(s.title), reason: clean(s.reason) })) }
      : null,
  };
}

export function buildOfficeAnnualReportsPage(input: { chrome: PageChrome; assessmentId: number; rows: Array<{ agencyCode: string; agencyName: string; latest: AnnualReportCheckView | null; uploads: number }> }) {
  const rows = input.rows.map((r) => ({
    code: r.agencyCode,
    name: clean(r.agencyName),
    href: `/a/${input.assessmentId}/agencies/${encodeURIComponent(r.agencyCode)}/annual-report`,
    uploads: r.uploads,
    latest: r.latest ? uploadRow(r.latest) : null,
    highlight: r.latest?.outcome === 'FAIL',
  }));
  const count = (o: string) => input.rows.filter((r) => r.latest?.outcome === o).length;
  return {
    ...input.chrome,
    heading: '各单位年报核验结果',
    rows,
    totalsText: `共 ${rows.length} 个单位：已上传 ${rows.filter((r) => r.latest).length}，通过 ${count('PASS')}，提醒 ${count('WARN')}，不通过 ${count('FAIL')}，无法判断 ${count('NOT_ASSESSABLE')}，未上传 ${rows.filter((r) => !r.latest).length}`,
  };
}
