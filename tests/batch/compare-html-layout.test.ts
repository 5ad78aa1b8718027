// The compare page as a person sees it (Chromium, 1400 px wide) and prints it, on the bundled examples with their
// reviews (provisional results make the 结果 column wide): 总分, 等次 and 自评总分 are inside the table's visible
// box without scrolling; printed (A4 landscape) the page is not shrunk to fit a too-wide table — every word at
// about 9 pt or more, inside the paper, page numbers at the foot. PDF and PNGs kept in tests/batch/__renders__/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cli, SEED_RUBRIC } from '../helpers/cli.js';
import { pdfPages, smallWords } from '../helpers/pdf-words.js';

const HAVE_CHROMIUM = existsSync('/usr/bin/chromium');
const RENDERS = join(process.cwd(), 'tests/batch/__renders__');

describe.skipIf(!HAVE_CHROMIUM)(HAVE_CHROMIUM ? 'compare html layout' : 'compare html layout — SKIPPED: /usr/bin/chromium not found', () => {
  it('the right-hand columns are visible at 1400 px; printed at a readable size with page numbers', { timeout: 90_000 }, async () => {
    const r = await cli(['compare', 'examples/etuokeqianqi-2017', '--rubric', SEED_RUBRIC, '--reviews', 'examples/etuokeqianqi-2017/reviews', '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('@media print');
    expect(r.stdout).toContain('@page { size: A4 landscape;');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.setContent(r.stdout);
      const { visible, right } = await page.evaluate(() => {
        const wrap = document.querySelector('#agencies')!.parentElement!;
        const box = wrap.getBoundingClientRect();
        return {
          visible: box.left + wrap.clientWidth,
          right: Object.fromEntries([...document.querySelectorAll('#agencies th')].map((th) => [th.textContent, th.getBoundingClientRect().right])),
        };
      });
      expect(visible).toBeLessThanOrEqual(1400);
      for (const label of ['总分', '等次', '自评总分']) expect(right[label], label).toBeLessThanOrEqual(visible);

      mkdirSync(RENDERS, { recursive: true });
      const pdf = join(RENDERS, 'compare-html.pdf');
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      execFileSync('pdftoppm', ['-r', '70', '-png', pdf, join(RENDERS, 'compare-html')]);
      const pages = pdfPages(pdf);
      expect(pages.length).toBeLessThanOrEqual(7);
      for (const p of pages) {
        expect(p.width, 'landscape').toBeGreaterThan(p.height);
        expect(Math.max(...p.words.map((w) => w.x1)), `page ${p.page}`).toBeLessThanOrEqual(p.width - 20);
      }
      // Chromium's word box is ~2.6 × the font size: 22.5 is about 8.7 pt (the shrunk page printed its table at 5.8 pt)
      expect(smallWords(pages, 22.5)).toEqual([]);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toMatch(new RegExp(`第 1 页，共 ${pages.length} 页`));
      // the ranking's rows are all on the first page, the 证据文件 column left off paper
      expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' })).toContain('etqq-mzj');
      expect(text).not.toContain('caizhengju.yaml');
      // no English check ids in the printed 数据核验 section (the message says what was checked)
      expect(text).toContain('主动公开政府信息总数');
      expect(text).not.toContain('proactive-website');
    } finally {
      await browser.close();
    }
  });

  it('48 agencies: each chart printed whole in page-sized drawings, its heading with the first one', { timeout: 120_000 }, async () => {
    // eight copies of the six examples under other agency codes
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-many-'));
    try {
      for (let k = 1; k <= 8; k++)
        for (const f of readdirSync('examples/etuokeqianqi-2017').filter((n) => n.endsWith('.yaml')))
          writeFileSync(join(dir, `${k}-${f}`), readFileSync(join('examples/etuokeqianqi-2017', f), 'utf8').replace(/^(\s+code:\s*"?)([\w-]+)/m, `$1$2-${k}`));
      const r = await cli(['compare', dir, '--rubric', SEED_RUBRIC, '--format', 'html']);
      expect(r.code).toBe(0);
      // 48 agencies: two drawings of 24 for each chart
      expect(r.stdout.match(/<svg class="chart-part"/g)).toHaveLength(4);
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
      try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        await page.setContent(r.stdout);
        mkdirSync(RENDERS, { recursive: true });
        const pdf = join(RENDERS, 'compare-html-48.pdf');
        await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
        const pages = pdfPages(pdf);
        const text = (p: number): string => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' });
        // each chart heading is on a page that also holds its first drawing's rows; no page holds fewer than 20 words
        // (a heading alone at a page's foot, or a sliced bar's remains) but the last
        for (const heading of ['总分', '各部分得分热力图']) {
          const p = pages.find((pg) => pg.words.some((w) => w.text === heading && w.y1 - w.y0 > 30))!;
          expect(p, heading).toBeDefined();
          expect(text(p.page).split('财政局').length - 1, heading).toBeGreaterThanOrEqual(8);
        }
        for (const p of pages.slice(0, -1)) expect(p.words.length, `page ${p.page}`).toBeGreaterThanOrEqual(20);
      } finally {
        await browser.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with a baseline year: the 与基准年比较 heading is printed on the page of its table', { timeout: 60_000 }, async () => {
    const ex = 'examples/etuokeqianqi-2017';
    const r = await cli(['compare', ex, '--rubric', SEED_RUBRIC, '--baseline', ex, '--baseline-rubric', SEED_RUBRIC, '--format', 'html']);
    expect(r.code).toBe(0);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.setContent(r.stdout);
      mkdirSync(RENDERS, { recursive: true });
      const pdf = join(RENDERS, 'compare-html-baseline.pdf');
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      const p = pdfPages(pdf).find((pg) => pg.words.some((w) => w.text === '与基准年比较' && w.y1 - w.y0 > 30))!;
      expect(p).toBeDefined();
      // the table's own header cell (the note above it says 今年得分 inside a longer run of text)
      expect(p.words.map((w) => w.text)).toContain('按今年细则重算');
    } finally {
      await browser.close();
    }
  });
});
