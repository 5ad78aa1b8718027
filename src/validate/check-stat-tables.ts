// Semantic checks of statistics-table rows (统计表, e.g. 附件2): every `statRow` names a declared table, no row of a
// table is used twice (by two facts, or a fact and a heading), derived facts fill no row (the table is what an agency
// fills in), and a `source` text that names the same table's row agrees with `statRow`.
import { makeDiagnostic, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { Rubric } from '../schema/rubric-schema.js';

type Add = (d: Diagnostic, path: PathSegment[], preferKey?: boolean) => void;

const invalid = (reason: string, path: PathSegment[], hint?: string): Diagnostic =>
  makeDiagnostic('SCHEMA_INVALID', { reason, path, ...(hint ? { hint } : {}) });

/** "附件2 第63行" → 63 when the text names `table`'s row; null otherwise. */
export function rowNamedInSource(source: string | undefined, table: string): number | null {
  if (source === undefined) return null;
  const at = source.indexOf(table);
  if (at < 0) return null;
  const m = /^\s*第\s*(\d+)\s*行/.exec(source.slice(at + table.length));
  return m ? Number(m[1]) : null;
}

export function checkStatTables(rubric: Rubric, add: Add): void {
  const tables = rubric.statTables ?? {};
  const names = Object.keys(tables);
  /** table → row → who uses it (for the duplicate message). */
  const used = new Map<string, Map<number, string>>();
  const claim = (table: string, row: number, who: string, path: PathSegment[]): void => {
    let rows = used.get(table);
    if (!rows) used.set(table, (rows = new Map()));
    const prev = rows.get(row);
    if (prev !== undefined) add(invalid(`统计表 ${table} 第${row}行已由${prev}使用，${who}不能再用同一行`, path), path);
    else rows.set(row, who);
  };
  for (const [name, t] of Object.entries(tables)) {
    t.headings.forEach((h, i) => claim(name, h.row, `标题行「${h.text}」`, ['statTables', name, 'headings', i, 'row']));
  }
  for (const [id, def] of Object.entries(rubric.facts)) {
    const s = def.statRow;
    if (!s) continue;
    const p: PathSegment[] = ['facts', id, 'statRow'];
    if (!Object.prototype.hasOwnProperty.call(tables, s.table)) {
      const hint = didYouMean(s.table, names);
      add(
        invalid(
          names.length === 0
            ? `事实「${id}」对应统计表 ${s.table}，但细则没有声明统计表：请在 statTables 中写明 ${s.table} 的标题（如 政务公开工作统计表）`
            : `事实「${id}」对应的统计表 ${s.table} 未在 statTables 中声明（已声明：${names.join('、')}）`,
          [...p, 'table'],
          hint,
        ),
        [...p, 'table'],
      );
      continue;
    }
    if (def.derive) {
      add(invalid(`派生事实「${id}」由细则自动计算，不能对应统计表的行（统计表是单位填写的数据）`, p, '删除 statRow，或改为单位填写的事实'), p, true);
      continue;
    }
    claim(s.table, s.row, `事实「${id}」`, [...p, 'row']);
    const named = rowNamedInSource(def.source, s.table);
    if (named !== null && named !== s.row)
      add(invalid(`事实「${id}」的 source 写「${def.source}」，与 statRow 的第${s.row}行不一致`, [...p, 'row']), [...p, 'row']);
  }
}
