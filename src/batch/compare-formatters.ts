// The comparison formatters, a typed registry like src/formatters: each consumes only the CompareReport.
import type { CompareReport } from './compare-report.js';
import { formatCompareCsv } from './format-compare-csv.js';
import { formatCompareHtml } from './format-compare-html.js';
import { formatCompareText } from './format-compare-text.js';
import { formatCompareXlsx } from './format-compare-xlsx.js';

export type CompareFormatter = (report: CompareReport) => string | Uint8Array | Promise<string | Uint8Array>;

export const compareFormatters = {
  text: formatCompareText,
  json: (r: CompareReport): string => JSON.stringify(r, null, 2) + '\n',
  csv: formatCompareCsv,
  html: formatCompareHtml,
  xlsx: formatCompareXlsx,
} satisfies Record<string, CompareFormatter>;

export type CompareFormatName = keyof typeof compareFormatters;

export const BINARY_COMPARE_FORMATS: ReadonlySet<CompareFormatName> = new Set(['xlsx']);

export function isCompareFormatName(name: string): name is CompareFormatName {
  return Object.prototype.hasOwnProperty.call(compareFormatters, name);
}

export async function formatCompareReport(report: CompareReport, format: CompareFormatName): Promise<string | Uint8Array> {
  return compareFormatters[format](report);
}
