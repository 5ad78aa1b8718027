// What a reader hands to the table filler: table cells as tokens in reading order, plus the lines of running text.
// The HTML reader knows rows (a blank <td> is an empty token); the pipe-text reader does not: empty pieces at the
// ends of a line are layout padding, empty pieces between two cells of one line are blank cells.
import { HTML_LIMITS, HtmlLimitError } from './html-reader.js';
import { isValueToken } from './normalize.js';

export interface Token {
  /** Cell text, half-width, simplified; whitespace inside kept as printed. */
  text: string;
  line: number;
  column?: number;
  /** Table row (HTML only); tokens of one row share it. */
  row?: number;
}

export interface TextLine {
  text: string;
  line: number;
}

export interface ReaderOutput {
  /** One token stream per table (the pipe-text reader yields one stream for the whole document). */
  tables: Token[][];
  lines: TextLine[];
  /** The page title (HTML <title>) when there is one. */
  title?: string;
}

/**
 * Split `|`-separated text into table tokens and running-text lines. A line belongs to a table when it holds a `|`,
 * or when the next line starts with one (a cell broken over two lines, as scraped pages often show).
 */
/** @throws HtmlLimitError when the text holds more cells than all the tables a page may have together. */
export function tokenizePipeText(text: string): ReaderOutput {
  const lines = text.split(/\r\n|\r|\n/);
  const tokens: Token[] = [];
  const prose: TextLine[] = [];
  let prevInTable = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.trim();
    const next = lines[i + 1]?.trimStart() ?? '';
    // A cell that lost its trailing `|`: a label whose `|` went to the next line, or the last value of a table.
    const strayCell: boolean = prevInTable && t !== '' && (next.startsWith('|') || (isValueToken(t) && t.length <= 30));
    prevInTable = line.includes('|') || strayCell;
    if (!prevInTable) {
      if (t !== '') prose.push({ text: line, line: i + 1 });
      continue;
    }
    // Empty pieces at the ends of a line are layout padding; an empty piece *between* cells of one line
    // (「规章 |  | 0 | 0 |」) is a blank cell and is kept as an empty token.
    const pieces = line.split('|');
    const first = pieces.findIndex((p) => p.trim() !== '');
    let last = -1;
    for (let k = pieces.length - 1; k >= 0; k--) {
      if (pieces[k]!.trim() !== '') {
        last = k;
        break;
      }
    }
    let col = 0;
    pieces.forEach((piece, k) => {
      const t = piece.trim();
      if (t !== '') tokens.push({ text: t, line: i + 1, column: col + piece.indexOf(t) + 1 });
      else if (k > first && k < last) tokens.push({ text: '', line: i + 1, column: col + 1 });
      if (tokens.length > HTML_LIMITS.maxTables * HTML_LIMITS.maxCellsPerTable) throw new HtmlLimitError(`表格单元格超过 ${HTML_LIMITS.maxTables * HTML_LIMITS.maxCellsPerTable} 个`);
      col += piece.length + 1;
    });
  }
  return { tables: tokens.length ? [tokens] : [], lines: prose };
}
