// The HTML reader's first half: a published report page as saved from a government site → table tokens and lines of
// running text (see tokens.ts). Untrusted input: size, tag count, nesting depth, table count and cells per table are
// bounded before and while walking; <script>, <style> and similar elements are never read.
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { halfWidth } from './normalize.js';
import type { ReaderOutput, TextLine, Token } from './tokens.js';

export const HTML_LIMITS = {
  /** Saved report pages are 50–500 KB; 4 MiB leaves room for inline styles. */
  maxBytes: 4 * 1024 * 1024,
  maxTags: 200_000,
  maxDepth: 200,
  maxTables: 60,
  maxCellsPerTable: 5_000,
} as const;

/** A limit the page broke; the reader turns it into one REPORT_HTML_LIMIT diagnostic and reads nothing else. */
export class HtmlLimitError extends Error {}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'select', 'textarea']);
const BLOCK = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'section', 'article',
  'header', 'footer', 'dd', 'dt', 'dl', 'blockquote', 'pre', 'hr', 'center', 'form', 'caption', 'tbody', 'thead', 'tfoot',
]);

/**
 * Cheap linear pre-scan before parsing: how many tags, and how deep open tags nest. Void elements and elements
 * whose end tag is optional are not counted; comments and the content of <script>, <style>, <textarea> and
 * <title> are skipped (their text is not markup). A tag's attributes never run past the next `<`, so a page full of
 * unterminated `<a<a<a…` costs linear time.
 */
function prescan(html: string): void {
  const VOID = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr|p|li|td|th|tr|option)$/i;
  const RAW = new Set(['script', 'style', 'textarea', 'title']);
  const lower = html.toLowerCase();
  const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^<>]*?(\/?)>|<!--/g;
  let depth = 0;
  let tags = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(html)) !== null) {
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', TAG.lastIndex);
      if (end < 0) break;
      TAG.lastIndex = end + 3;
      continue;
    }
    if (++tags > HTML_LIMITS.maxTags) throw new HtmlLimitError(`标签超过 ${HTML_LIMITS.maxTags} 个`);
    const name = m[2]!.toLowerCase();
    if (!m[1] && RAW.has(name)) {
      const end = lower.indexOf(`</${name}`, TAG.lastIndex);
      if (end < 0) break;
      TAG.lastIndex = end;
      continue;
    }
    if (VOID.test(name) || m[3]) continue;
    depth += m[1] ? -1 : 1;
    if (depth < 0) depth = 0;
    if (depth > HTML_LIMITS.maxDepth) throw new HtmlLimitError(`元素嵌套超过 ${HTML_LIMITS.maxDepth} 层`);
  }
}

const isElement = (n: T.ChildNode): n is T.Element => 'tagName' in n;
const isText = (n: T.ChildNode): n is T.TextNode => n.nodeName === '#text';

function containsTable(el: T.Element): boolean {
  const stack: T.ChildNode[] = [...el.childNodes];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.tagName === 'table') return true;
    stack.push(...n.childNodes);
  }
  return false;
}

/** The text of a cell: all descendant text, joined without separators (cells split across <p>/<span>). */
function cellText(el: T.Element): string {
  let out = '';
  const stack: T.ChildNode[] = [...el.childNodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (isText(n)) out += n.value;
    else if (isElement(n) && !SKIP.has(n.tagName)) for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  return halfWidth(out).replace(/\s+/g, ' ').trim();
}

/** Rows (<tr>) of a data table in order, through thead/tbody/tfoot, not into nested tables (a data table has none). */
function tableTokens(table: T.Element, rowBase: number): { tokens: Token[]; rows: number } {
  const tokens: Token[] = [];
  let row = rowBase;
  let cells = 0;
  const visit = (el: T.Element): void => {
    for (const c of el.childNodes) {
      if (!isElement(c)) continue;
      if (c.tagName === 'tr') {
        row++;
        for (const td of c.childNodes) {
          if (!isElement(td) || (td.tagName !== 'td' && td.tagName !== 'th')) continue;
          if (++cells > HTML_LIMITS.maxCellsPerTable) throw new HtmlLimitError(`一个表格的单元格超过 ${HTML_LIMITS.maxCellsPerTable} 个`);
          const loc = td.sourceCodeLocation;
          tokens.push({ text: cellText(td), line: loc?.startLine ?? 0, column: loc?.startCol ?? 0, row });
        }
      } else if (['thead', 'tbody', 'tfoot'].includes(c.tagName)) visit(c);
    }
  };
  visit(table);
  return { tokens, rows: row - rowBase };
}

/**
 * Read a page: data tables (tables without nested tables — outer layout tables are read as text) become token
 * streams; everything else becomes lines of text, broken at block elements.
 * @throws HtmlLimitError when the page breaks one of HTML_LIMITS.
 */
export function readHtmlDocument(html: string): ReaderOutput {
  if (html.length > HTML_LIMITS.maxBytes) throw new HtmlLimitError(`页面超过 ${HTML_LIMITS.maxBytes} 字符`);
  prescan(html);
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const tables: Token[][] = [];
  const lines: TextLine[] = [];
  let title: string | undefined;
  let current = '';
  let currentLine = 0;
  let rowBase = 0;
  const flush = (): void => {
    const t = halfWidth(current).replace(/[ \t]+/g, ' ').trim();
    if (t) lines.push({ text: t, line: currentLine });
    current = '';
  };
  // Iterative walk: hostile nesting must not blow the call stack. 'close' markers end block elements.
  const stack: Array<T.ChildNode | { close: string }> = [...doc.childNodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if ('close' in n) {
      flush();
      continue;
    }
    if (isText(n)) {
      if (!current) currentLine = n.sourceCodeLocation?.startLine ?? 0;
      current += n.value.replace(/\s*\n\s*/g, ' ');
      continue;
    }
    if (!isElement(n)) {
      const kids = (n as { childNodes?: T.ChildNode[] }).childNodes;
      if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
      continue;
    }
    if (n.tagName === 'head') {
      const t = n.childNodes.find((c): c is T.Element => isElement(c) && c.tagName === 'title');
      if (t) title = cellText(t);
      continue;
    }
    if (n.tagName === 'html' || n.tagName === 'body') {
      for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
      continue;
    }
    if (SKIP.has(n.tagName)) continue;
    if (n.tagName === 'table' && !containsTable(n)) {
      flush();
      if (tables.length >= HTML_LIMITS.maxTables) throw new HtmlLimitError(`表格超过 ${HTML_LIMITS.maxTables} 个`);
      const { tokens, rows } = tableTokens(n, rowBase);
      rowBase += rows;
      if (tokens.length) tables.push(tokens);
      continue;
    }
    const block = BLOCK.has(n.tagName);
    if (block) {
      flush();
      stack.push({ close: n.tagName });
    }
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  flush();
  return title !== undefined ? { tables, lines, title } : { tables, lines };
}
