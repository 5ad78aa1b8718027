// The evidence form (`zwgk init --format xlsx`) prints like an office form: every visible sheet on A4, one page wide,
// header row repeated; the 佐证材料 sheet prints its filled rows and a few blank ones, not ~300 empty rows.
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
  it('A4, fit to one page wide, header repeated; 佐证材料 prints 10 blank rows, not 300', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await blankForm());
    const visible = wb.worksheets.filter((w) => w.state === 'visible');
    expect(visible.map((w) => w.name)).toEqual(['说明', '事实', '自评分', '佐证材料']);
    for (const ws of visible) {
      expect(ws.pageSetup.paperSize, ws.name).toBe(9);
      expect(ws.pageSetup.fitToPage, ws.name).toBe(true);
      expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
    }
    expect(wb.getWorksheet('佐证材料')!.pageSetup.printArea).toBe('A1:G11');
  });

  it.skipIf(!LIBREOFFICE)(LIBREOFFICE ? 'LibreOffice prints the blank form on a handful of A4 pages' : 'SKIPPED: apt-get install -y --no-install-recommends libreoffice-calc', { timeout: 120_000 }, async () => {
    mkdirSync(RENDERS, { recursive: true });
    const xlsx = join(RENDERS, 'blank-form.xlsx');
    writeFileSync(xlsx, readFileSync(await blankForm()));
    execFileSync(LIBREOFFICE!, ['--headless', '--convert-to', 'pdf', '--outdir', RENDERS, xlsx], { timeout: 110_000, stdio: 'ignore' });
    const pdf = join(RENDERS, 'blank-form.pdf');
    execFileSync('pdftoppm', ['-r', '40', '-png', pdf, join(RENDERS, 'blank-form')]);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/\(A4\)/);
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)![1])).toBeLessThanOrEqual(8);
  });
});
