// The evidence form (`zwgk init --format xlsx`) prints like an office form: every visible sheet on A4, one page wide,
// header row repeated; the 佐证材料 sheet prints its filled rows and a few blank ones, not ~300 empty rows, and every
// row a clerk types, however far down (no fixed print area cutting them off).
// With LibreOffice installed the whole workbook is converted and its pages counted (PNG kept in __renders__).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, SEED_RUBRIC, tempDirs } from '../helpers/cli.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());
const LIBREOFFICE = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((p) => existsSync(p));
const RENDERS = join(process.cwd(), 'tests/forms/__renders__');

async function blankForm(): Promise<string> {
  const file = join(dirs.make('zwgk-form-'), 'form.xlsx');
  expect((await cli(['init', '--rubric', SEED_RUBRIC, '--out', file])).code).toBe(0);
  return file;
}

describe('evidence form print setup', () => {
  it('A4, fit to one page wide, header repeated; 佐证材料: no fixed print area, 10 drawn blank rows, the columns open below', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await blankForm());
    const visible = wb.worksheets.filter((w) => w.state === 'visible');
    expect(visible.map((w) => w.name)).toEqual(['说明', '事实', '自评分', '佐证材料']);
    for (const ws of visible) {
      expect(ws.pageSetup.paperSize, ws.name).toBe(9);
      expect(ws.pageSetup.fitToPage, ws.name).toBe(true);
      expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
    }
    // Rows are as tall as their wrapped texts (spreadsheets do not grow them on opening): proactiveTotal (row 2) has
    // six 核验 lines in 说明 → 6 × 14 + 4 = 88 pt; a one-line fact keeps the default height.
    const facts = wb.getWorksheet('事实')!;
    expect(String(facts.getCell('H2').value).split('\n')).toHaveLength(6);
    expect(facts.getRow(2).height).toBe(88);
    expect(facts.getCell('A4').value).toBe('制发规范性文件总数');
    expect(facts.getRow(4).height ?? 15).toBeLessThan(20);
    const docs = wb.getWorksheet('佐证材料')!;
    expect(docs.pageSetup.printArea).toBeUndefined();
    // Header + 10 blank rows are cells; below them the columns themselves are open (unlocked, shaded) for typing.
    expect(docs.rowCount).toBe(11);
    expect(docs.getColumn(2).protection).toMatchObject({ locked: false });
    expect(docs.getCell('B1').protection?.locked).not.toBe(false); // the header keeps the default (locked)
  });

  it.skipIf(!LIBREOFFICE)(LIBREOFFICE ? 'LibreOffice prints all 25 documents a clerk typed, down to row 26' : 'SKIPPED: libreoffice-calc not installed', { timeout: 120_000 }, async () => {
    const dir = dirs.make('zwgk-form-typed-');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await blankForm());
    const docs = wb.getWorksheet('佐证材料')!;
    for (let i = 1; i <= 25; i++) {
      docs.getCell(i + 1, 1).value = '1.1.1';
      docs.getCell(i + 1, 2).value = `第${i}份佐证材料`;
    }
    const typed = join(dir, 'typed.xlsx');
    await wb.xlsx.writeFile(typed);
    execFileSync(LIBREOFFICE!, [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, typed], { timeout: 110_000, stdio: 'ignore' });
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'typed.pdf'), '-'], { encoding: 'utf8' });
    for (const n of [1, 11, 12, 25]) expect(text).toContain(`第${n}份佐证材料`);
    // …and no pages of empty rows after them.
    expect(Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [join(dir, 'typed.pdf')], { encoding: 'utf8' }))![1])).toBeLessThanOrEqual(10);
  });

  // 10 A4 pages for the 2017 rubric's blank form, every fact's name and notes printed in full (29 Letter pages of
  // mostly empty rows before the print setup; 6 pages while rows were one line high and cut their texts off).
  it.skipIf(!LIBREOFFICE)(LIBREOFFICE ? 'LibreOffice prints the blank form on a handful of A4 pages' : 'SKIPPED: apt-get install -y --no-install-recommends libreoffice-calc', { timeout: 120_000 }, async () => {
    mkdirSync(RENDERS, { recursive: true });
    const xlsx = join(RENDERS, 'blank-form.xlsx');
    writeFileSync(xlsx, readFileSync(await blankForm()));
    execFileSync(LIBREOFFICE!, ['--headless', '--convert-to', 'pdf', '--outdir', RENDERS, xlsx], { timeout: 110_000, stdio: 'ignore' });
    const pdf = join(RENDERS, 'blank-form.pdf');
    execFileSync('pdftoppm', ['-r', '40', '-png', pdf, join(RENDERS, 'blank-form')]);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/\(A4\)/);
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)![1])).toBeLessThanOrEqual(10);
  });
});
