// `--format pdf` / `summary-pdf`: the HTML sheet printed by the system's Chromium on A4 (portrait or landscape),
// with 第N页/共M页 in every page footer. Nothing is loaded from the network; scripts are disabled.
import { launchChromium } from '../render/chromium.js';
import { ensureCjkFont } from '../render/cjk-font.js';
import { RenderError } from '../render/errors.js';

export interface PdfOptions {
  orientation?: 'portrait' | 'landscape';
  chromiumPath?: string;
}

/** Page footer: page numbers only (data never goes into this template). */
const FOOTER =
  '<div style="width:100%;text-align:center;font-size:8pt;color:#333;font-family:\'Noto Sans CJK SC\',\'Noto Serif CJK SC\',sans-serif;">' +
  '第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>';

/**
 * Print an HTML document to PDF bytes.
 * @throws RenderError when Chromium is missing or fails
 */
export async function printHtmlToPdf(html: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  // No Chinese font: every character would print as an empty box. Refuse with the fix instead.
  await ensureCjkFont();
  const browser = await launchChromium(opts.chromiumPath);
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      format: 'A4',
      landscape: opts.orientation === 'landscape',
      printBackground: true,
      // The CSS @page rule (size A4 + orientation, margins) governs; the margins leave room for the footer.
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER,
      margin: { top: '12mm', bottom: '16mm', left: '10mm', right: '10mm' },
    });
    return new Uint8Array(pdf);
  } catch (err) {
    if (err instanceof RenderError) throw err;
    throw new RenderError('CHROMIUM_FAILED', `Chromium 打印 PDF 失败：${((err as Error).message ?? String(err)).split('\n')[0]}`);
  } finally {
    await browser.close().catch(() => undefined);
  }
}
