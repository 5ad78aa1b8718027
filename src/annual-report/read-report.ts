// The one entry to the readers: bytes of a saved report (HTML page or `|` text, UTF-8 or GBK, simplified or
// traditional) → Result<AnnualReport>. Each reader turns its input into tokens and lines; the rest is shared.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { makeDiagnostic, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { extractCandidates } from './candidates.js';
import { fillTables } from './fill-tables.js';
import { HTML_LIMITS, HtmlLimitError, readHtmlDocument } from './html-reader.js';
import type { AnnualReport } from './model.js';
import { isTraditional, simplify } from './normalize.js';
import { reportDiagnostic } from './report-diagnostic.js';
import { findSection, firstYearIn, readMeta, splitSections } from './sections.js';
import { tokenizePipeText, type ReaderOutput, type TextLine } from './tokens.js';

/** A reader: recognises its input and turns it into table tokens and text lines. */
export interface ReportReader {
  name: 'html' | 'pipe-text';
  accepts(text: string, file: string): boolean;
  /** @throws HtmlLimitError for hostile pages (HTML reader only). */
  read(text: string): ReaderOutput;
}

export const REPORT_READERS: readonly ReportReader[] = [
  {
    name: 'html',
    accepts: (text, file) => /\.(s?html?|xhtml)$/i.test(file) || /^\s*(<!doctype html|<html|<table|<body|<div|<p[\s>])/i.test(text),
    read: readHtmlDocument,
  },
  { name: 'pipe-text', accepts: () => true, read: tokenizePipeText },
];

export interface ReadOptions {
  /** Report year when the report does not state it (--year). */
  year?: number;
  /** Publication date when the page does not state it (--published YYYY-MM-DD). */
  publishedOn?: string;
}

/** PDF, Word and spreadsheet files are not readable reports: say what to do instead of decoding bytes as text. */
export function binaryKind(bytes: Uint8Array): string | null {
  const head = (n: number): string => String.fromCharCode(...bytes.subarray(0, n));
  if (head(4) === '%PDF') return 'PDF';
  if (head(4) === 'PK\x03\x04') return 'Word/Excel(.docx/.xlsx)';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'Word/Excel(.doc/.xls)';
  return null;
}

export const BINARY_HINT = '请在浏览器中打开年报网页,"另存为"网页(.html),或复制全文保存为文本(.txt)后再试';

/** Decode: UTF-8 when valid, else the page's declared charset, else GB18030 (a superset of GBK/GB2312). */
export function decodeReport(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
    for (const label of [declared, 'gb18030']) {
      if (!label) continue;
      try {
        return new TextDecoder(label, { fatal: true }).decode(bytes);
      } catch {
        // Unknown label or invalid bytes: try the next.
      }
    }
    return null;
  }
}

function statsLines(out: ReaderOutput): TextLine[] {
  // HTML tables of a free-form report are given to the old-statistics-table reader as `a | b | c` lines.
  const rows = new Map<number, TextLine>();
  for (const t of out.tables.flat()) {
    if (t.row === undefined) continue;
    const r = rows.get(t.row);
    if (r) r.text += ` | ${t.text}`;
    else rows.set(t.row, { text: `| ${t.text}`, line: t.line });
  }
  return [...out.lines, ...[...rows.values()].map((r) => ({ ...r, text: `${r.text} |` }))].sort((a, b) => a.line - b.line);
}

/** Parse one report's text. Pure: no file system. */
export function parseAnnualReport(file: string, source: string, opts: ReadOptions = {}): Result<AnnualReport> {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  // Convert only a traditional-character report: OpenCC would also rewrite a few characters of simplified text.
  const converted = simplify(text);
  const traditional = isTraditional(text, converted);
  const simplified = traditional ? converted : text;
  const reader = REPORT_READERS.find((r) => r.accepts(simplified, file))!;
  let out: ReaderOutput;
  try {
    out = reader.read(simplified);
  } catch (err) {
    if (err instanceof HtmlLimitError) return { ok: false, diagnostics: [reportDiagnostic('REPORT_HTML_LIMIT', file, undefined, { reason: err.message })] };
    throw err;
  }
  const diagnostics: Diagnostic[] = [];
  const filled = fillTables(out.tables, file);
  diagnostics.push(...filled.diagnostics);
  const sections = splitSections(out.lines);
  const meta = readMeta(out.lines, out.title);
  const overview = findSection(sections, '一', /总体情况|概述|总体/);
  const year = opts.year ?? meta.year ?? (overview ? firstYearIn(overview.text) : null);
  const candidates = filled.format === 'free' ? extractCandidates(out.lines, reader.name === 'html' ? statsLines(out) : [...out.lines, ...linesWithPipes(simplified)].sort((a, b) => a.line - b.line)) : [];
  if (filled.format === 'free' && sections.length === 0 && candidates.length === 0) {
    return { ok: false, diagnostics: [reportDiagnostic('REPORT_NOT_RECOGNIZED', file, undefined, { reason: '既没有 2019/2021 年格式的统计表,也没有「一、」「二、」等章节或可识别的统计数字' })] };
  }
  if (year === null) diagnostics.push(reportDiagnostic('REPORT_YEAR_UNKNOWN', file, undefined, { severity: 'warning' }));
  const official = sections.find((s) => /收到和处理政府信息公开申请/.test(s.heading));
  if (filled.format === 'free' && official) {
    // Sections follow the 2019/2021 format but no table was found: tables pasted as images or attachments.
    diagnostics.push(reportDiagnostic('REPORT_ROW_MISSING', file, official.at, { severity: 'warning', name: '表三', actual: '全部数据行(统计表可能是图片或附件,请另行核对)' }));
  }
  const report: AnnualReport = {
    file,
    reader: reader.name,
    agency: meta.agency,
    year,
    publishedOn: opts.publishedOn ?? meta.publishedOn,
    format: filled.format,
    traditional,
    cells: filled.cells,
    sections,
    candidates,
  };
  return { ok: true, value: report, diagnostics };
}

function linesWithPipes(text: string): TextLine[] {
  const out: TextLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((t, i) => {
    if (t.includes('|')) out.push({ text: t, line: i + 1 });
  });
  return out;
}

/** Read and parse a report file: missing, unreadable, oversized and undecodable files become diagnostics. */
export async function loadAnnualReport(file: string, cwd?: string, opts: ReadOptions = {}): Promise<Result<AnnualReport>> {
  const path = cwd ? resolve(cwd, file) : file;
  try {
    const st = await stat(path);
    if (!st.isFile()) return { ok: false, diagnostics: [makeDiagnostic('FILE_UNREADABLE', { file, reason: st.isDirectory() ? '这是一个文件夹,不是文件' : '不是普通文件' })] };
    if (st.size > HTML_LIMITS.maxBytes) return { ok: false, diagnostics: [makeDiagnostic('FILE_TOO_LARGE', { file, actual: st.size, expected: HTML_LIMITS.maxBytes })] };
    const bytes = await readFile(path);
    const kind = binaryKind(bytes);
    if (kind) return { ok: false, diagnostics: [makeDiagnostic('FILE_UNREADABLE', { file, reason: `这是 ${kind} 文件,不是年报网页或文本`, hint: BINARY_HINT })] };
    const text = decodeReport(bytes);
    if (text === null) return { ok: false, diagnostics: [makeDiagnostic('FILE_UNREADABLE', { file, reason: '既不是 UTF-8 也不是 GBK/GB18030 编码的文本' })] };
    return parseAnnualReport(file, text, opts);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, diagnostics: [makeDiagnostic('FILE_NOT_FOUND', { file })] };
    return { ok: false, diagnostics: [makeDiagnostic('FILE_UNREADABLE', { file, reason: code === 'EACCES' ? '没有读取权限' : String(code ?? err) })] };
  }
}
