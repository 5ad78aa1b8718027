// Public API of the annual-report stages (what the CLI and the assessment service use):
//   loadAnnualReport / parseAnnualReport → AnnualReport → buildCheckReport → AnnualReportCheck → format*
//   readReportFacts + mergeReportFacts → evidence YAML for a rubric whose facts declare `report:` sources.
export { loadAnnualReport, parseAnnualReport, decodeReport, REPORT_READERS, type ReportReader, type ReadOptions } from './read-report.js';
export { cellKey, indexCells, type AnnualReport, type Cell, type CandidateFact, type ReportFormat, type ReportSection, type TableName } from './model.js';
export { T2_ROWS, T3_ROWS, T3_COLUMNS, T4_ROWS, T4_COLUMNS, layoutOf } from './layout.js';
export { HTML_LIMITS } from './html-reader.js';
export { buildCheckReport, CHECK_REPORT_SCHEMA_VERSION, type AnnualReportCheck } from './check-report.js';
export { CHECKS as ANNUAL_REPORT_CHECKS, LEVELS as ANNUAL_REPORT_LEVELS, runChecks as runAnnualReportChecks } from './checks/run-checks.js';
export type { CheckOptions as AnnualReportCheckOptions } from './checks/check-context.js';
export type { Outcome as AnnualReportOutcome, CheckResult as AnnualReportCheckResult, CheckItem as AnnualReportCheckItem, SkippedCheck } from './checks/check-types.js';
export { formatCheckText, formatCheckJson, formatCheckHtml, CHECK_FORMATS as ANNUAL_REPORT_CHECK_FORMATS } from './format-check.js';
export { formatShowJson, formatShowMarkdown } from './format-show.js';
export { checkReportsBatch, formatBatchText, formatBatchJson, listReportFiles, type BatchRow } from './batch-check.js';
export { readReportFacts, mergeReportFacts, type ReportFact } from './report-facts.js';
export { checkUploadedReport, type UploadedReportResult } from './check-upload.js';
