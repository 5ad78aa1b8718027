import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/formatters/compare/format-compare-csv.js';
import { createProgressBar } from '../../src/batch/run/progress-bar.js';
import { cli, countyRubric, evidence, tempDir } from './helpers.js';

const facts = { meetings: 1, system: true, posts: 60, hotline: true, hall: true };
const HOSTILE = '<script>alert(1)</script>"&\'';

describe('comparison outputs', () => {
  it('HTML: self-contained, every value escaped, sortable table, bar chart and heatmap as inline SVG', async () => {
    const t = tempDir();
    try {
      t.write('rubric.yaml', countyRubric());
      t.write('in/a.json', evidence({ code: 'a<b>', name: HOSTILE, cls: 'A', facts }));
      t.write('in/b.json', evidence({ code: 'b', cls: 'B', facts: { ...facts, system: false } }));
      const res = await cli(['compare', 'in', '--rubric', 'rubric.yaml', '--format', 'html', '--out', 'out/cmp.html'], t.dir);
      expect(res.code).toBe(0);
      const html = readFileSync(join(t.dir, 'out/cmp.html'), 'utf8');
      expect(html).not.toContain('<script>alert');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#x27;');
      expect(html).toContain('a&lt;b&gt;');
      expect(html.match(/<svg /g)).toHaveLength(2);
      expect(html).toContain('<table id="agencies">');
      expect(html).toContain("Content-Security-Policy");
      expect(html).not.toMatch(/(src|href)="https?:/);
      expect(html.match(/<script>/g)).toHaveLength(1);
    } finally {
      t.cleanup();
    }
  });

  it('CSV: UTF-8 BOM, CRLF, formula injection neutralised', async () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell(-2)).toBe('-2');
    const t = tempDir();
    try {
      t.write('rubric.yaml', countyRubric());
      t.write('in/a.json', evidence({ code: 'a', name: '=HYPERLINK("http://x")', cls: 'A', facts }));
      const res = await cli(['compare', 'in', '--rubric', 'rubric.yaml', '--format', 'csv'], t.dir);
      expect(res.stdout.startsWith('\ufeff')).toBe(true);
      expect(res.stdout.split('\r\n')).toHaveLength(3);
      expect(res.stdout).toContain(`"'=HYPERLINK(""http://x"")"`);
    } finally {
      t.cleanup();
    }
  });

  it('xlsx: a summary sheet and one sheet per section', async () => {
    const t = tempDir();
    try {
      t.write('rubric.yaml', countyRubric());
      t.write('in/a.json', evidence({ code: 'a', cls: 'A', facts }));
      t.write('in/b.json', evidence({ code: 'b', cls: 'B', facts }));
      const res = await cli(['compare', 'in', '--rubric', 'rubric.yaml', '--format', 'xlsx', '--out', 'cmp.xlsx'], t.dir);
      expect(res.code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(t.dir, 'cmp.xlsx'));
      const names = wb.worksheets.map((w) => w.name);
      expect(names.slice(0, 5)).toEqual(['排名表', '汇总', '1 组织领导', '2 信息公开', '3 政务服务']);
      // 排名表: title, then one bordered line per agency, A4 one page wide
      const ranking = wb.getWorksheet('排名表')!;
      expect(String(ranking.getCell(1, 1).value)).toMatch(/考核结果排名$/);
      expect(ranking.getRow(3).values).toContain('单位名称');
      expect(ranking.rowCount).toBe(5);
      expect(ranking.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1 });
      expect(ranking.getCell(4, 2).border?.right?.style).toBe('thin');
      // 汇总 is too wide for one readable page: 90 % over several pages, the agency columns repeated on each
      expect(wb.getWorksheet('汇总')!.pageSetup).toMatchObject({ paperSize: 9, fitToPage: false, scale: 90, printTitlesColumn: 'A:D' });
      const section3 = wb.getWorksheet('3 政务服务')!;
      expect(section3.getRow(1).values).toContain('3.1 设立实体办事大厅（20分）');
      expect(wb.getWorksheet('汇总')!.rowCount).toBe(3);
    } finally {
      t.cleanup();
    }
  });

  it('progress bar only on a terminal', () => {
    let out = '';
    const off = createProgressBar((s) => (out += s), false);
    off.update('评分', 1, 2);
    off.done();
    expect(out).toBe('');
    let clock = 0;
    const on = createProgressBar((s) => (out += s), true, () => (clock += 200));
    on.update('评分', 1, 2);
    on.update('评分', 2, 2);
    on.done();
    expect(out).toContain('2/2 100%');
    expect(out.endsWith('\r\x1b[K')).toBe(true);
  });
});
