// Plain-text and Markdown renderings of the parsed tables (表二/表三/表四), shared by `report check` and `report show`.
import { layoutOf } from './layout.js';
import { cellKey, indexCells, type AnnualReport, type Cell } from './model.js';

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const padEnd = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
const padStart = (s: string, w: number): string => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;

export const shownValue = (c: Cell | undefined): string => (c === undefined ? '?' : c.value === null ? (c.raw ? `「${c.raw}」` : '空白') : c.value);

/** Short row label for text tables: the leaf after the group ("（三）不予公开/1.属于国家秘密" → "  1.属于国家秘密"). */
const clip = (s: string, w: number): string => {
  if (displayWidth(s) <= w) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > w - 2) break;
    out += ch;
  }
  return `${out}…`;
};
const shortRow = (name: string): string => clip(name.includes('/') ? `  ${name.split('/').pop()}` : name, 40);

export function formatTablesText(report: AnnualReport): string {
  const idx = indexCells(report);
  const out: string[] = [];
  for (const { table, rows } of layoutOf(report.format)) {
    out.push(`${table}`);
    const labelW = Math.min(40, Math.max(...rows.map((r) => displayWidth(shortRow(r.name)))));
    let lastCols = '';
    let lastGroup = '';
    for (const r of rows) {
      const cols = r.columns.join('|');
      const group = r.name.includes('/') ? r.name.split('/')[0]! : '';
      if (group && group !== lastGroup && !/^[一二三四]、/.test(group)) out.push(`  ${group}`);
      lastGroup = group;
      const widths = r.columns.map((c) => Math.max(displayWidth(c), ...[idx.get(cellKey(table, r.name, c))].map((x) => displayWidth(shownValue(x)))));
      if (cols !== lastCols) {
        out.push(`  ${padEnd('', labelW)}  ${r.columns.map((c, i) => padStart(c, widths[i]!)).join('  ')}`);
        lastCols = cols;
      }
      const unit = r.unit ? `(${r.unit})` : '';
      out.push(`  ${padEnd(shortRow(r.name) + unit, labelW)}  ${r.columns.map((c, i) => padStart(shownValue(idx.get(cellKey(table, r.name, c))), widths[i]!)).join('  ')}`);
    }
  }
  return out.join('\n');
}

const mdEscape = (s: string): string => s.replace(/([\\|*_`[\]<>#])/g, '\\$1');

export function formatTablesMarkdown(report: AnnualReport): string {
  const idx = indexCells(report);
  const out: string[] = [];
  for (const { table, rows } of layoutOf(report.format)) {
    out.push(`### ${table}`, '');
    let lastCols = '';
    for (const r of rows) {
      const cols = r.columns.join('|');
      if (cols !== lastCols) {
        if (lastCols) out.push('');
        out.push(`| 行 | ${r.columns.map(mdEscape).join(' | ')} |`, `| --- | ${r.columns.map(() => '---:').join(' | ')} |`);
        lastCols = cols;
      }
      out.push(`| ${mdEscape(r.name)}${r.unit ? `(${r.unit})` : ''} | ${r.columns.map((c) => mdEscape(shownValue(idx.get(cellKey(table, r.name, c))))).join(' | ')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
