// Words of a PDF with their boxes (pdftotext -bbox), for rendered-page checks: text too small to read, text past the
// page's right edge, page counts. A word box is the font's line box: with the Noto CJK fonts on this machine it is
// about 1.3 × the font size in LibreOffice's PDFs and 2.6 × in Chromium's (measured on 10 pt text).
import { execFileSync } from 'node:child_process';

export interface PdfWord {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

export interface PdfPage {
  page: number;
  width: number;
  height: number;
  words: PdfWord[];
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export function pdfPages(pdf: string): PdfPage[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const pages: PdfPage[] = [];
  for (const line of xml.split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (p) pages.push({ page: pages.length + 1, width: Number(p[1]), height: Number(p[2]), words: [] });
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</.exec(line);
    if (w && pages.length > 0) pages.at(-1)!.words.push({ page: pages.length, x0: Number(w[1]), y0: Number(w[2]), x1: Number(w[3]), y1: Number(w[4]), text: unescape(w[5]!) });
  }
  return pages;
}

/** Words whose box is lower than `minHeight` points, as "page N: text (height)". */
export function smallWords(pages: PdfPage[], minHeight: number): string[] {
  return pages.flatMap((p) => p.words.filter((w) => w.y1 - w.y0 < minHeight).map((w) => `page ${p.page}: ${w.text} (${(w.y1 - w.y0).toFixed(1)})`));
}

/** ASCII , : ; ( ) touching a Han character in a text (half-width punctuation in Chinese prose), with context. */
export function halfWidthPunctuation(text: string): string[] {
  return [...text.matchAll(/.{0,6}(?:[\u4e00-\u9fff][,:;()]|[,:;()][\u4e00-\u9fff]).{0,6}/gu)].map((m) => m[0]);
}
