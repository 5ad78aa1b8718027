// Untrusted pages: scripts are never read, and oversized pages, huge tables, deep nesting or too many tables give
// one clear diagnostic and nothing else. Span attributes are not expanded, so absurd spans cost nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HTML_LIMITS } from '../../src/annual-report/html-reader.js';
import { loadAnnualReport, parseAnnualReport } from '../../src/annual-report/read-report.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const temp = tempDirs();
afterAll(temp.removeAll);

const page = (body: string): string => `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

function only(text: string, file = 'p.html'): string[] {
  const res = parseAnnualReport(file, text);
  expect(res.ok).toBe(false);
  return res.diagnostics.map((d) => `${d.code} ${d.message}`);
}

describe('hostile HTML', () => {
  it('text inside <script>, <style> and <template> is never read', () => {
    const report = readFileSync('tests/annual-report/fixtures/seed-002_e5b39d85801b4d29.txt', 'utf8');
    const hidden = page(`<script>var t = ${JSON.stringify(report)};</script><style>/* 一、总体情况 */</style><template>${report}</template><p>欢迎访问</p>`);
    expect(only(hidden)).toEqual(['REPORT_NOT_RECOGNIZED 未能识别为政府信息公开工作年度报告:既没有 2019/2021 年格式的统计表,也没有「一、」「二、」等章节或可识别的统计数字']);
  });

  it('a table with more cells than allowed is refused as a whole', () => {
    const row = `<tr>${'<td>1</td>'.repeat(100)}</tr>`;
    const huge = page(`<p>一、总体情况</p><table>${row.repeat(HTML_LIMITS.maxCellsPerTable / 100 + 1)}</table>`);
    expect(only(huge)).toEqual([`REPORT_HTML_LIMIT 年报页面超出安全限制(一个表格的单元格超过 ${HTML_LIMITS.maxCellsPerTable} 个),已拒绝读取`]);
  });

  it('deep nesting is refused before parsing, closed or not', () => {
    expect(only(page('<div>'.repeat(5000) + '一、总体情况' + '</div>'.repeat(5000)))).toEqual([`REPORT_HTML_LIMIT 年报页面超出安全限制(元素嵌套超过 ${HTML_LIMITS.maxDepth} 层),已拒绝读取`]);
    expect(only(page('<span><b>'.repeat(20000)))[0]).toMatch(/^REPORT_HTML_LIMIT .*嵌套/);
  });

  it('too many tables, too many tags', () => {
    expect(only(page('<table><tr><td>1</td></tr></table>'.repeat(HTML_LIMITS.maxTables + 1)))).toEqual([`REPORT_HTML_LIMIT 年报页面超出安全限制(表格超过 ${HTML_LIMITS.maxTables} 个),已拒绝读取`]);
    expect(only(page('<br>'.repeat(HTML_LIMITS.maxTags + 1)))[0]).toMatch(/^REPORT_HTML_LIMIT .*标签超过/);
  });

  it('absurd rowspan/colspan values are harmless (spans are never expanded)', () => {
    const text = readFileSync('tests/annual-report/fixtures/html-2021-spans.html', 'utf8').replace('rowspan="3"', 'rowspan="65534" colspan="100000"');
    const res = parseAnnualReport('p.html', text);
    expect(res.ok && res.value.cells.every((c) => c.value !== null)).toBe(true);
  });

  it('an oversized file is refused before reading', async () => {
    const dir = temp.make('zwgk-report-');
    const f = join(dir, 'big.html');
    writeFileSync(f, Buffer.alloc(HTML_LIMITS.maxBytes + 1, 0x20));
    const res = await loadAnnualReport(f);
    expect(res.ok).toBe(false);
    expect(res.diagnostics.map((d) => d.code)).toEqual(['FILE_TOO_LARGE']);
  });

  it('a GBK page (charset declared) reads exactly like its UTF-8 twin', async () => {
    const a = await loadAnnualReport('tests/annual-report/fixtures/html-2021-spans.html');
    const b = await loadAnnualReport('tests/annual-report/fixtures/html-2021-spans-gbk.html');
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.value.cells).toEqual(a.value.cells);
  });

  it('bytes that are neither UTF-8 nor GB18030 are a clear FILE_UNREADABLE', async () => {
    const dir = temp.make('zwgk-report-');
    const f = join(dir, 'bad.txt');
    writeFileSync(f, Buffer.from([0xff, 0xfe, 0xfd, 0x81, 0x20, 0xff]));
    const res = await loadAnnualReport(f);
    expect(res.diagnostics.map((d) => d.code)).toEqual(['FILE_UNREADABLE']);
  });
});

describe('uploads (for the assessment service)', () => {
  it('checkUploadedReport: bytes in, check contract out; oversized or undecodable bytes are diagnostics', async () => {
    const { checkUploadedReport } = await import('../../src/annual-report/check-upload.js');
    const ok = checkUploadedReport('年报.txt', readFileSync('tests/annual-report/fixtures/seed-002_e5b39d85801b4d29.txt'), { level: '县级部门', publishedOn: '2025-01-20' });
    expect(ok.ok && ok.check.summary).toMatchObject({ outcome: 'PASS', FAIL: 0 });
    const big = checkUploadedReport('big.html', new Uint8Array(HTML_LIMITS.maxBytes + 1));
    expect(big.diagnostics.map((d) => d.code)).toEqual(['FILE_TOO_LARGE']);
    const bad = checkUploadedReport('bad.txt', new Uint8Array([0xff, 0xfe, 0xfd]));
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['FILE_UNREADABLE']);
  });
});

describe('pre-scan', () => {
  it('markup inside <script> and comments does not count as nesting; unterminated tags are read in one pass', () => {
    const scripted = readFileSync('tests/annual-report/fixtures/html-2021-spans.html', 'utf8').replace('</head>', `<script>var s = "${'<div>'.repeat(500)}";</script><!-- ${'<section>'.repeat(500)} --></head>`);
    const ok = parseAnnualReport('p.html', scripted);
    expect(ok.ok && ok.value.cells.every((c) => c.value !== null)).toBe(true);
    const junk = parseAnnualReport('junk.html', `<html><body>${'<a'.repeat(1_000_000)}</body></html>`);
    expect(junk.diagnostics.map((d) => d.code)).toEqual(['REPORT_NOT_RECOGNIZED']);
  });
});

describe('hostile `|` text', () => {
  it('more cells than a page may hold is refused with one diagnostic', () => {
    const res = parseAnnualReport('big.txt', '1 |'.repeat(HTML_LIMITS.maxTables * HTML_LIMITS.maxCellsPerTable + 1));
    expect(res.ok).toBe(false);
    expect(res.diagnostics.map((d) => d.message)).toEqual([`年报页面超出安全限制(表格单元格超过 ${HTML_LIMITS.maxTables * HTML_LIMITS.maxCellsPerTable} 个),已拒绝读取`]);
  });
});

describe('files that are not report pages', () => {
  it('a PDF or Word file is named as such, with what to do instead', async () => {
    const dir = temp.make('zwgk-report-');
    const pdf = join(dir, '年报.pdf');
    writeFileSync(pdf, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 0x20)]));
    const res = await loadAnnualReport(pdf);
    expect(res.diagnostics.map((d) => [d.code, d.message, d.hint])).toEqual([
      ['FILE_UNREADABLE', '无法读取文件:这是 PDF 文件,不是年报网页或文本', '请在浏览器中打开年报网页,"另存为"网页(.html),或复制全文保存为文本(.txt)后再试'],
    ]);
    const { checkUploadedReport } = await import('../../src/annual-report/check-upload.js');
    expect(checkUploadedReport('年报.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])).diagnostics[0]!.message).toBe('无法读取文件:这是 Word/Excel(.docx/.xlsx) 文件,不是年报网页或文本');
  });
});
