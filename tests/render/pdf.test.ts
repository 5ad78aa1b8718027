// The PDF formatter end to end (system Chromium): A4 pages, 第N页/共M页 footers, landscape, the one-page summary,
// and the Chinese message when Chromium is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReport } from '../../src/index.js';
import { RenderError } from '../../src/render/errors.js';
import { tempDirs } from '../helpers/temp-dirs.js';
import { seedReport } from './fixtures.js';

const temp = tempDirs();
afterAll(temp.removeAll);

const HAVE_CHROMIUM = existsSync('/usr/bin/chromium');
const SKIP_REASON = 'SKIPPED: /usr/bin/chromium not found — install it with: apt-get install chromium fonts-noto-cjk poppler-utils';

function inspect(pdf: Uint8Array): { pages: number; size: string; text: string } {
  const file = join(temp.make('zwgk-pdf-'), 'out.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)![1]),
    size: /^Page size:\s+(.*)$/m.exec(info)![1]!,
    text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
  };
}

describe.skipIf(!HAVE_CHROMIUM)(HAVE_CHROMIUM ? 'pdf (Chromium)' : `pdf — ${SKIP_REASON}`, () => {
  it('prints the sheet on A4 portrait with page numbers, and landscape on request', async () => {
    const { report } = await seedReport();
    const pdf = (await formatReport(report, 'pdf')) as Uint8Array;
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const p = inspect(pdf);
    expect(p.size).toMatch(/^59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    expect(p.pages).toBeGreaterThan(1);
    const flat = p.text.replace(/[ \t]+/g, '');
    expect(flat).toContain(`第1页/共${p.pages}页`);
    expect(flat).toContain(`第${p.pages}页/共${p.pages}页`);
    // The header row is repeated on every page.
    // (Pages after the table — only the 数据核验 / 待评定事项 / 签章 blocks — have no table to repeat a header for.)
    const pages = p.text.split('\f').filter((page) => page.trim() !== '');
    const lastTablePage = pages.reduce((last, page, i) => (page.includes('小计') ? i : last), -1);
    expect(pages.slice(0, lastTablePage + 1).every((page) => page.includes('扣分/失分原因'))).toBe(true);
    const l = inspect((await formatReport(report, 'pdf', { orientation: 'landscape' })) as Uint8Array);
    expect(l.size).toMatch(/^84[12](\.\d+)? x 59[45](\.\d+)? pts/);
  });

  it('prints the leader summary on one page', async () => {
    const { report } = await seedReport();
    const s = inspect((await formatReport(report, 'summary-pdf')) as Uint8Array);
    expect(s.pages).toBe(1);
    expect(s.text.replace(/\s+/g, '')).toContain('优先整改事项');
  });
});

describe('pdf without Chromium', () => {
  it('fails with a Chinese message saying how to install it', async () => {
    const { report } = await seedReport();
    const err = await formatReport(report, 'pdf', { chromiumPath: '/nonexistent/chromium' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RenderError);
    expect((err as RenderError).code).toBe('CHROMIUM_MISSING');
    expect((err as RenderError).message).toContain('apt-get install chromium fonts-noto-cjk');
  });
});
