// Text normalisation shared by the readers: full-width → half-width (NFKC), traditional → simplified (opencc-js),
// label keys for matching, and the parsing of one table cell into a value, a blank, or unreadable text.
import { Decimal } from 'decimal.js';
import * as OpenCC from 'opencc-js';

let toSimplified: ((s: string) => string) | undefined;

/** Traditional (Taiwan/Hong Kong forms included) → simplified, with the maintained OpenCC dictionaries. */
export function simplify(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

const CJK = /[\u4e00-\u9fff]/g;

/**
 * Whether a text is written in traditional characters: converting it changes at least 2% of its CJK characters
 * (simplified text changes in a handful of characters at most, e.g. 於).
 */
export function isTraditional(text: string, converted: string): boolean {
  const total = (text.match(CJK) ?? []).length;
  if (total === 0 || text.length !== converted.length) return text !== converted && total > 0;
  let changed = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== converted.charCodeAt(i)) changed++;
  return changed >= 10 && changed / total >= 0.02;
}

/** Full-width digits, letters and punctuation → half-width; curly quotes → straight; non-breaking spaces → spaces. */
export function halfWidth(s: string): string {
  return s.normalize('NFKC').replace(/[“”„‟"]/g, '"').replace(/[‘’]/g, "'").replace(/[\u00a0\u3000]/g, ' ');
}

/** The key a printed label is matched on: half-width, no whitespace, 、/．/, unified after list numbers. */
export function labelKey(s: string): string {
  return halfWidth(s)
    .replace(/\s+/g, '')
    .replace(/^(\d+)[、,.]/, '$1.');
}

export type CellValue = { kind: 'blank' } | { kind: 'number'; value: string; unit?: string } | { kind: 'text' };

const BLANKS = new Set(['', '/', '\\', '-', '--', '—', '——', '–', '无', '空']);
const NUMBER = /^([+-]?\d+(?:\.\d+)?)(万元|元|件|个|项|条|次|人次|人|篇|起)?$/;

/**
 * Read one cell: a blank ("", "/", "—", "无" …) is not a zero; a number may carry a unit (251000元) and thousands
 * separators; anything else is text the reader reports instead of guessing.
 */
export function parseCellValue(raw: string): CellValue {
  const s = halfWidth(raw).replace(/\s+/g, '').replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1');
  if (BLANKS.has(s)) return { kind: 'blank' };
  const m = NUMBER.exec(s);
  if (!m) return { kind: 'text' };
  const value = new Decimal(m[1]!).toFixed();
  return m[2] ? { kind: 'number', value, unit: m[2] } : { kind: 'number', value };
}

/** Whether a token can stand in a value position of a table (a number or a blank marker). */
export function isValueToken(raw: string): boolean {
  return parseCellValue(raw).kind !== 'text';
}
