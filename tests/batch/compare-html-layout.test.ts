// The compare page as a person sees it (Chromium, 1400 px wide): 总分, 等次 and 自评总分 are on screen without
// scrolling; the page has a print stylesheet (A4 landscape, no scroll box clipping the table).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cli, SEED_RUBRIC } from '../helpers/cli.js';

const HAVE_CHROMIUM = existsSync('/usr/bin/chromium');

describe.skipIf(!HAVE_CHROMIUM)(HAVE_CHROMIUM ? 'compare html layout' : 'compare html layout — SKIPPED: /usr/bin/chromium not found', () => {
  it('the right-hand columns are visible at 1400 px; a print stylesheet is present', { timeout: 60_000 }, async () => {
    const r = await cli(['compare', 'examples/etuokeqianqi-2017', '--rubric', SEED_RUBRIC, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('@media print');
    expect(r.stdout).toContain('@page { size: A4 landscape;');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.setContent(r.stdout);
      const right = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#agencies th')].map((th) => [th.textContent, th.getBoundingClientRect().right])));
      for (const label of ['总分', '等次', '自评总分']) expect(right[label], label).toBeLessThanOrEqual(1400);
    } finally {
      await browser.close();
    }
  });
});
