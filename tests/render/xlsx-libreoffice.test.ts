// The sheet workbook as an office opens it: LibreOffice Calc converts it to PDF (pages kept as PNG in
// tests/render/__renders__/): A4, the totals block whole with its figures, scores as 5 not 5.0, a readable
// number of pages. Skipped with a message where LibreOffice is not installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/index.js';
import { seedCopy } from './fixtures.js';

const LIBREOFFICE = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((p) => existsSync(p));
const RENDERS = join(process.cwd(), 'tests/render/__renders__');
const SKIP = 'SKIPPED: LibreOffice not found — install it with: apt-get install -y --no-install-recommends libreoffice-calc';

describe.skipIf(!LIBREOFFICE)(LIBREOFFICE ? 'sheet xlsx in LibreOffice Calc' : `sheet xlsx in LibreOffice Calc — ${SKIP}`, () => {
  it('prints on A4 with the totals block whole and scores as whole numbers', { timeout: 120_000 }, async () => {
    mkdirSync(RENDERS, { recursive: true });
    const xlsx = join(RENDERS, 'seed-sheet-calc.xlsx');
    writeFileSync(xlsx, (await formatReport(await seedCopy(), 'xlsx')) as Uint8Array);
    execFileSync(LIBREOFFICE!, ['--headless', '--convert-to', 'pdf', '--outdir', RENDERS, xlsx], { timeout: 110_000, stdio: 'ignore' });
    const pdf = join(RENDERS, 'seed-sheet-calc.pdf');
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(RENDERS, 'seed-sheet-calc')]);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)![1])).toBeLessThanOrEqual(7);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/自评总分\s+74/);
    expect(text).toMatch(/总分\s+56\b/);
    const table = text.slice(0, text.indexOf('细则 '));
    expect(table).not.toMatch(/(^|\s)\d+\.0(\s|$)/m); // 5, not 5.0
  });
});
