// Batch use: every report in a folder (or a list of files) checked, one row of outcomes per file. A file that cannot
// be read becomes a row with its reason; it never stops the batch. Rows are sorted by file name.
import { escapeControlCharsInJson, stripControlChars } from '../diagnostics/control-chars.js';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatDiagnostics } from '../diagnostics/format-diagnostics.js';
import { buildCheckReport, type AnnualReportCheck } from './check-report.js';
import type { CheckOptions } from './checks/check-context.js';
import { CHECKS } from './checks/run-checks.js';
import type { Outcome } from './checks/check-types.js';
import { displayWidth } from './format-tables.js';
import { loadAnnualReport } from './read-report.js';

/** Report files of a folder; PDF and Word files are listed too, so the table tells the office they cannot be read. */
export const REPORT_FILE = /\.(s?html?|txt|pdf|docx?)$/i;

export interface BatchRow {
  file: string;
  check?: AnnualReportCheck;
  /** Why the file could not be read (Chinese, from its diagnostics). */
  error?: string;
}

/** Expand folders (not recursively) into their report files; keep files as given. */
export async function listReportFiles(inputs: string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const st = await stat(resolve(cwd, input)).catch(() => null);
    if (st?.isDirectory()) {
      const names = (await readdir(resolve(cwd, input))).filter((n) => REPORT_FILE.test(n)).sort();
      out.push(...names.map((n) => join(input, n)));
    } else out.push(input);
  }
  return out;
}

export async function checkReportsBatch(files: string[], cwd: string, opts: Omit<CheckOptions, 'previous' | 'children'>): Promise<BatchRow[]> {
  const rows: BatchRow[] = [];
  for (const file of files) {
    try {
      const res = await loadAnnualReport(file, cwd);
      if (!res.ok) rows.push({ file, error: formatDiagnostics(res.diagnostics).split('\n')[0]! });
      else rows.push({ file, check: buildCheckReport(res.value, opts) });
    } catch (err) {
      rows.push({ file, error: `内部错误:${err instanceof Error ? err.message : String(err)}` });
    }
  }
  return rows.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

const MARK: Record<Outcome, string> = { PASS: '✓', FAIL: '✗', WARN: '!', NOT_ASSESSABLE: '?' };
const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

export function formatBatchText(rows: BatchRow[]): string {
  const ids = CHECKS.map((c) => c.id);
  const head = ['文件', '单位', '年度', '格式', ...ids, '结论'];
  const body = rows.map((r) => {
    if (!r.check) return [r.file, '', '', '', ...ids.map(() => ''), `无法读取:${r.error ?? ''}`];
    const c = r.check;
    const mark = (id: string): string => {
      const res = c.results.find((x) => x.id === id);
      return res ? MARK[res.outcome] : '–';
    };
    const verdict = c.summary.outcome === 'FAIL' ? '不通过' : c.summary.outcome === 'WARN' ? '有提醒' : c.summary.outcome === 'NOT_ASSESSABLE' ? '部分无法判断' : '通过';
    return [r.file, c.report.agency ?? '', String(c.report.year ?? ''), c.report.format === 'free' ? '自由' : c.report.format, ...ids.map(mark), verdict];
  }).map((cells) => cells.map(stripControlChars)); // file and agency names reach a terminal
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...body.map((b) => (i === head.length - 1 ? 0 : displayWidth(b[i]!)))));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join('  ').trimEnd();
  const failed = rows.filter((r) => r.check?.summary.outcome === 'FAIL').length;
  const unreadable = rows.filter((r) => !r.check).length;
  return [
    line(head),
    ...body.map(line),
    '',
    `图例:✓ 通过  ✗ 不通过  ! 提醒  ? 无法判断  – 未执行`,
    `共 ${rows.length} 份年报:不通过 ${failed} 份,无法读取 ${unreadable} 份`,
  ].join('\n') + '\n';
}

export function formatBatchJson(rows: BatchRow[]): string {
  return escapeControlCharsInJson(JSON.stringify({ schemaVersion: 1, reports: rows.map((r) => (r.check ? { file: r.file, report: r.check.report, results: r.check.results.map((x) => ({ id: x.id, outcome: x.outcome })), skipped: r.check.skipped.map((s) => s.id), outcome: r.check.summary.outcome } : { file: r.file, error: r.error })) }, null, 2) + '\n');
}
