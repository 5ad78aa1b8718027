// The sheet's level columns as a grid: which merged cell covers each (row, level column) slot. Table formats that
// have no rowspan (Markdown, CSV) or merge by ranges (xlsx) read this instead of re-deriving the grouping.
import { evidenceLine } from './reason-lines.js';
import type { LevelCellView, SheetRowView, SheetViewModel } from './view-types.js';

export interface GridSlot {
  cell: LevelCellView;
  /** Row index (in vm.rows) and level column where the cell starts. */
  row: number;
  col: number;
  /** True only at the cell's top-left slot. */
  origin: boolean;
}

/**
 * slots[r][c] for every row r of vm.rows and level column c.
 * @throws Error when the view model's cells overlap or leave a slot empty (a bug in the grouping)
 */
export function levelGrid(vm: SheetViewModel): GridSlot[][] {
  const grid: Array<Array<GridSlot | undefined>> = vm.rows.map(() => new Array<GridSlot | undefined>(vm.levelCount).fill(undefined));
  vm.rows.forEach((row, r) => {
    for (const cell of row.cells) {
      for (let dr = 0; dr < cell.rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          const line = grid[r + dr];
          if (!line || cell.level + dc >= vm.levelCount) throw new Error(`cell ${cell.id} at row ${r} spans outside the sheet`);
          if (line[cell.level + dc]) throw new Error(`cells overlap at row ${r + dr}, column ${cell.level + dc}`);
          line[cell.level + dc] = { cell, row: r, col: cell.level, origin: dr === 0 && dc === 0 };
        }
      }
    }
  });
  return grid.map((line, r) =>
    line.map((s, c) => {
      if (!s) throw new Error(`no cell covers row ${r}, column ${c}`);
      return s;
    }),
  );
}

/** A level cell as lines of plain text: label, note, then "· 条款(3分)得 3 分" per clause. */
export function levelCellLines(cell: LevelCellView): string[] {
  const lines = [cell.label];
  if (cell.note) lines.push(cell.note);
  for (const c of cell.clauses) lines.push(`${'  '.repeat(c.indent)}· ${c.brief}（${c.maxText}分）${c.scoreText ? ` 得 ${c.scoreText} 分` : ''}`);
  return lines;
}

/** Evidence of a row as plain-text lines. */
export function evidenceLines(row: SheetRowView): string[] {
  return row.evidence.map(evidenceLine);
}

/** Header / meta line shared by the text-like formats. */
export function metaLine(vm: SheetViewModel): string {
  const blank = '＿＿＿＿＿＿';
  return `单位：${vm.agency.name || blank}  考核年度：${vm.periodText || blank}  填报日期：${vm.dateText || blank}`;
}
