// The formatter registry: each formatter consumes only the ScoreReport. Binary formats return bytes.
import type { ScoreReport } from '../report/score-report.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';

export interface FormatContext {
  /** Directory of custom templates overriding the built-in ones (HTML-based formats). */
  templateDir?: string;
  orientation?: 'portrait' | 'landscape';
}

export type FormatOutput = string | Uint8Array;
export type Formatter = (report: ScoreReport, ctx: FormatContext) => FormatOutput | Promise<FormatOutput>;

export const formatters: Record<'text' | 'json', Formatter> = {
  text: (r) => formatText(r),
  json: (r) => formatJson(r),
};

export type FormatterName = keyof typeof formatters;

export function isFormatterName(name: string): name is FormatterName {
  return Object.prototype.hasOwnProperty.call(formatters, name);
}

export async function formatReport(report: ScoreReport, format: FormatterName, ctx: FormatContext = {}): Promise<FormatOutput> {
  return formatters[format](report, ctx);
}
