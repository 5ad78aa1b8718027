// The versioned output contract of `zwgk report check`: the report's identity, its cells, every check's outcome
// with the cells it read, and the checks that were not run. Formatters depend on nothing else.
import { runChecks, type CheckRun } from './checks/run-checks.js';
import type { CheckOptions } from './checks/check-context.js';
import { OUTCOMES, type Outcome, type CheckResult, type SkippedCheck } from './checks/check-types.js';
import type { AnnualReport, Cell, ReportFormat } from './model.js';

export const CHECK_REPORT_SCHEMA_VERSION = 1;

export interface AnnualReportCheck {
  schemaVersion: number;
  report: { file: string; reader: string; agency: string | null; year: number | null; publishedOn: string | null; format: ReportFormat; traditional: boolean };
  previous?: { file: string; year: number | null };
  level?: string;
  cells: Cell[];
  results: CheckResult[];
  skipped: SkippedCheck[];
  /** Count of checks per outcome, and the overall outcome (FAIL when any hard check failed). */
  summary: Record<Outcome, number> & { outcome: Outcome };
}

/** Run the checks and package them with the report's identity. */
export function buildCheckReport(report: AnnualReport, opts: CheckOptions = {}): AnnualReportCheck {
  const run: CheckRun = runChecks(report, opts);
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, run.results.filter((r) => r.outcome === o).length])) as Record<Outcome, number>;
  const outcome: Outcome = counts.FAIL ? 'FAIL' : counts.WARN ? 'WARN' : counts.NOT_ASSESSABLE ? 'NOT_ASSESSABLE' : 'PASS';
  const { file, reader, agency, year, publishedOn, format, traditional } = report;
  return {
    schemaVersion: CHECK_REPORT_SCHEMA_VERSION,
    report: { file, reader, agency, year, publishedOn, format, traditional },
    ...(opts.previous ? { previous: { file: opts.previous.file, year: opts.previous.year } } : {}),
    ...(opts.level ? { level: opts.level } : {}),
    cells: report.cells,
    results: run.results,
    skipped: run.skipped,
    summary: { ...counts, outcome },
  };
}
