// The real browser: Debian's Chromium (driven by playwright-core, no download) opens the HTML sheet, checks the
// merged cells, row count and totals against the report, prints it to PDF, and pdftotext finds the Chinese title
// and agency in the PDF — proof the CJK fonts rendered. Skipped only when /usr/bin/chromium is absent
// (CI installs chromium, fonts-noto-cjk and poppler-utils).
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, type ScoreReport } from '../../src/index.js';
import { launchChromium } from '../../src/render/chromium.js';
import { tempDirs } from '../helpers/temp-dirs.js';
import { seedCopy, seedReport } from './fixtures.js';

const temp = tempDirs();
afterAll(temp.removeAll);

// The functions passed to page.evaluate run in the page; type their globals loosely here rather than adding the
// DOM library to the whole (Node) program.
declare const document: any;
declare const getComputedStyle: (e: unknown) => { fontFamily: string };

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SKIP_REASON = `SKIPPED: ${CHROMIUM} not found — install it with: apt-get install chromium fonts-noto-cjk poppler-utils`;
if (!HAVE_CHROMIUM) console.warn(`real-browser tests ${SKIP_REASON}`);

const text = (o: string | Uint8Array): string => (typeof o === 'string' ? o : Buffer.from(o).toString('utf8'));

/** Expected rowspan of each top-level section's cell: its rows (具体标准 + shallower leaves) plus the 小计 row. */
function sectionSpans(report: ScoreReport): Record<string, number> {
  const byId = new Map(report.nodes.map((n) => [n.id, n]));
  const rows = (id: string): number => {
    const n = byId.get(id)!;
    return n.depth >= 2 || n.children.length === 0 ? 1 : n.children.reduce((a, c) => a + rows(c), 0);
  };
  const out: Record<string, number> = {};
  for (const n of report.nodes) if (n.parent === null && n.children.length > 0) out[n.id] = rows(n.id) + 1;
  return out;
}

describe.skipIf(!HAVE_CHROMIUM)(HAVE_CHROMIUM ? 'real browser (Chromium)' : `real browser — ${SKIP_REASON}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(CHROMIUM);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the HTML sheet: merged cells, row count and totals match the report; the PDF carries the Chinese text', async () => {
    const { report } = await seedReport();
    const html = text(await formatReport(report, 'html'));
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const dom = await page.evaluate(() => {
      const tbody = document.querySelector('table.sheet-table tbody')!;
      const rows: any[] = [...tbody.querySelectorAll(':scope > tr')];
      const spans = [...tbody.querySelectorAll('td.level-0')].map((td: any) => {
        // The merged cell must be exactly as tall as the rows it spans.
        let tr = td.parentElement;
        let rowsHeight = 0;
        for (let i = 0; i < td.rowSpan && tr; i++, tr = tr.nextElementSibling) rowsHeight += tr.getBoundingClientRect().height;
        return { id: td.dataset.id ?? '', rowSpan: td.rowSpan, colSpan: td.colSpan, height: td.getBoundingClientRect().height, rowsHeight };
      });
      return {
        items: rows.filter((r) => r.classList.contains('row-item')).length,
        subtotals: rows.filter((r) => r.classList.contains('row-subtotal')).length,
        lastSeq: rows.filter((r) => r.classList.contains('row-item')).at(-1)?.querySelector('td.seq')?.textContent as string,
        headers: [...document.querySelectorAll('table.sheet-table thead th')].map((th: any) => th.textContent as string),
        spans,
        totalRow: [...document.querySelectorAll('tr.row-total td')].map((td: any) => td.textContent as string),
        totalScore: document.querySelector('tr.row-total td.score')?.textContent as string,
        blockFinal: document.querySelector('.totals td.total-final')?.textContent as string,
        blockGrade: document.querySelector('.totals td.total-grade')?.textContent as string,
        title: document.querySelector('h1')?.textContent as string,
        font: getComputedStyle(document.body).fontFamily,
        lang: document.documentElement.lang as string,
      };
    });
    const itemRows = report.nodes.filter((n) => n.depth === 2 || (n.depth < 2 && n.children.length === 0)).length;
    expect(dom.items).toBe(itemRows);
    expect(dom.lastSeq).toBe(String(itemRows));
    expect(dom.subtotals).toBe(Object.keys(sectionSpans(report)).length);
    expect(dom.headers).toEqual(['序号', '考核项目', '目标要求', '具体标准', '分值', '自评分', '核定分', '扣分/失分原因', '佐证材料']);
    const spans = Object.fromEntries(dom.spans.filter((s) => s.rowSpan > 1).map((s) => [s.id, s.rowSpan]));
    expect(spans).toEqual(sectionSpans(report));
    for (const s of dom.spans) expect(Math.abs(s.height - s.rowsHeight)).toBeLessThan(2);
    expect(dom.spans.find((s) => s.id === '7')).toMatchObject({ rowSpan: 1, colSpan: 2 });
    expect(dom.totalRow[1]).toBe('总分');
    expect(dom.totalScore).toBe(String(report.totals.final));
    expect(dom.blockFinal).toBe(String(report.totals.final));
    expect(dom.blockGrade).toBe(`${report.totals.grade}${report.status === 'provisional' ? '（暂定）' : ''}`);
    expect(dom.lang).toBe('zh-CN');
    expect(dom.font).toContain('Noto Serif CJK SC');

    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.close();
    const file = join(temp.make('zwgk-pdf-'), 'sheet.pdf');
    writeFileSync(file, pdf);
    const words = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(words).toContain(dom.title!.replace(/\s+/g, ''));
    expect(words).toContain('2017年鄂托克前旗政务公开工作考核评价细则自查评分表');
    expect(words).toContain(report.agency.name);
  });

  it('a hostile agency name stays text in the browser: no script element, the text shown as typed', async () => {
    const report = await seedCopy();
    report.agency.name = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.setContent(text(await formatReport(report, 'html')), { waitUntil: 'load' });
    const r = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      imgs: document.querySelectorAll('img').length,
      agency: document.querySelector('.meta .agency')?.textContent as string,
    }));
    await page.close();
    expect(r).toEqual({ scripts: 0, imgs: 0, agency: '单位：<script>alert(1)</script><img src=x onerror=alert(2)>' });
    expect(dialogs).toEqual([]);
  });
});
