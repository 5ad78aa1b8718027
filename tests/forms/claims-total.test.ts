// The 自评分 sheet adds up as the clerk types: each inner item's 自评小计 and the 自评总分 row are real formulas (its
// own claim when filled, else the sum below, as the report counts claims), with cached values for a pre-filled form.
// LibreOffice opens a form filled by another program (stale caches), recalculates, and shows the hand-computed total.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildEvidenceWorkbook, loadRubric, parseEvidence, scoreEvidence, writeWorkbook, type CompiledRubric, type EvidenceInput } from '../../src/index.js';
import { colByHeader, fillForm, rowById } from './fill-form.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());
const LIBREOFFICE = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((p) => existsSync(p));
const RENDERS = join(process.cwd(), 'tests/forms/__renders__');

async function rubric(file: string): Promise<CompiledRubric> {
  const r = await loadRubric(file);
  if (!r.ok) throw new Error(`${file} invalid`);
  return r.value;
}

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** The 自评总分 row: the first row below the items whose 编号 is empty. */
function totalRow(ws: ExcelJS.Worksheet): number {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).text === '' && ws.getCell(r, 2).text.startsWith('自评总分')) return r;
  throw new Error('no 自评总分 row');
}

// The cached value through cell.result: exceljs's cell.value drops a cached 0 (it copies truthy fields only).
const formulaOf = (c: ExcelJS.Cell): { formula?: string; result?: unknown } => ({ formula: (c.value as { formula?: string } | null)?.formula, result: c.result });

describe('自评小计 and 自评总分 formulas', () => {
  it('an inner item sums the items below it unless it has its own claim; the total row adds the top items (penalties subtracted)', async () => {
    const c = await rubric('rubrics/etuokeqianqi-2017.yaml');
    const ws = (await open(await writeWorkbook(await buildEvidenceWorkbook(c)))).getWorksheet('自评分')!;
    const sub = colByHeader(ws, '自评小计');
    expect(ws.getCell(1, sub).value).toBe('自评小计（自动计算）');
    // 1.3 (row 11) has four leaves 1.3.1–1.3.4 (rows 12–15): their 自评分 cells (D).
    expect(rowById(ws, '1.3')).toBe(11);
    expect(formulaOf(ws.getCell(11, sub)).formula).toBe('IF(D11<>"",D11,IF(COUNT(D12,D13,D14,D15)=0,"",SUM(D12,D13,D14,D15)))');
    // 1 (row 2) sums the 小计 of 1.1 (row 3), 1.2 (row 7) and 1.3 (row 11): inner items, their E cells.
    expect([rowById(ws, '1'), rowById(ws, '1.1'), rowById(ws, '1.2')]).toEqual([2, 3, 7]);
    expect(formulaOf(ws.getCell(2, sub)).formula).toBe('IF(D2<>"",D2,IF(COUNT(E3,E7,E11)=0,"",SUM(E3,E7,E11)))');
    // A leaf has no 小计 of its own.
    expect(ws.getCell(rowById(ws, '1.3.1'), sub).value).toBeNull();
    const t = totalRow(ws);
    expect(ws.getCell(t, 2).value).toBe('自评总分（自动计算）');
    expect(ws.getCell(t, colByHeader(ws, '分值')).value).toBe(100);
    // Sections 1–6 (rows 2, 16, 28, 36, 53, 70) by their 小计; 7 任务 (row 80) is a leaf: its 自评分; 8 加分项 (row 81).
    expect(t).toBe(84);
    expect(formulaOf(ws.getCell(t, sub)).formula).toBe('IF(COUNT(E2,E16,E28,E36,E53,E70,D80,E81)=0,"",SUM(E2,E16,E28,E36,E53,E70,D80,E81))');
    // Blank form: nothing claimed, nothing shown (no cached number).
    expect([undefined, ''].includes(formulaOf(ws.getCell(t, sub)).result as undefined)).toBe(true);
    // Nothing below the total row: import reads item rows only (the total row has no 编号).
    expect(t).toBe(ws.rowCount);

    const county = await rubric('rubrics/county-100-table.yaml');
    const cws = (await open(await writeWorkbook(await buildEvidenceWorkbook(county)))).getWorksheet('自评分')!;
    const f = formulaOf(cws.getCell(totalRow(cws), colByHeader(cws, '自评小计'))).formula!;
    // 3 政务公开其他形式 is a penalty (kind: penalty): subtracted.
    expect(f).toMatch(new RegExp(`-SUM\\(E${rowById(cws, '3')}\\)\\)$`));
  });

  it('a pre-filled form carries cached values equal to the report\'s 自评总分', async () => {
    const c = await rubric('rubrics/etuokeqianqi-2017.yaml');
    const e = parseEvidence('z.yaml', readFileSync('examples/etuokeqianqi-2017/zhujianju.yaml', 'utf8'), c);
    if (!e.ok) throw new Error('seed evidence invalid');
    const ws = (await open(await writeWorkbook(await buildEvidenceWorkbook(c, { evidence: e.value.evidence })))).getWorksheet('自评分')!;
    const sub = colByHeader(ws, '自评小计');
    const report = await scoreEvidence(c, e.value);
    expect(report.totals.claimed).toBe(74);
    expect(formulaOf(ws.getCell(totalRow(ws), sub)).result).toBe(74);
    // Section 1: 1.1.1 5 + 1.2.1 5 + 1.3.1–1.3.4 2 + 1 + 1 + 1 = 15.
    expect(formulaOf(ws.getCell(rowById(ws, '1'), sub)).result).toBe(15);
    // Section 5: 5.1.1 0 + 5.2.1 0 + 5.3.1 0 + 5.4.1 2 = 2 (a claimed 0 is a claim).
    expect(formulaOf(ws.getCell(rowById(ws, '5'), sub)).result).toBe(2);
    // Section 8 (加分项): nothing claimed, blank.
    expect([undefined, ''].includes(formulaOf(ws.getCell(rowById(ws, '8'), sub)).result as undefined)).toBe(true);

    const county = await rubric('rubrics/county-100-table.yaml');
    const ev = parseEvidence('j.yaml', readFileSync('examples/county-100-table/jiaoyuju.yaml', 'utf8').replace('"2.2": 70', '"2.2": 70\n  "3": 2'), county);
    if (!ev.ok) throw new Error('county evidence invalid');
    const cws = (await open(await writeWorkbook(await buildEvidenceWorkbook(county, { evidence: ev.value.evidence })))).getWorksheet('自评分')!;
    // 1: 6; 2: 2.1 15 + 2.2 70 = 85; 3 (倒扣分): −2 → 6 + 85 − 2 = 89.
    expect(formulaOf(cws.getCell(totalRow(cws), colByHeader(cws, '自评小计'))).result).toBe(89);
  });

  it.skipIf(!LIBREOFFICE)(
    LIBREOFFICE ? 'LibreOffice recalculates a form typed into by another program: 小计 and 自评总分 as hand-computed' : 'SKIPPED: apt-get install -y --no-install-recommends libreoffice-calc',
    { timeout: 180_000 },
    async () => {
      const c = await rubric('rubrics/etuokeqianqi-2017.yaml');
      const ev = parse(readFileSync('examples/etuokeqianqi-2017/zhujianju.yaml', 'utf8')) as EvidenceInput;
      // exceljs writes the typed claims but leaves every formula's cached value blank, as a clerk's other tool might.
      const claims = { '1.1.1': 3, '1.2': 4.5, '1.3.1': 0.5, '1.3.2': 0.25, '4.1.2': 10, '8': 2 };
      const typed = await fillForm(await writeWorkbook(await buildEvidenceWorkbook(c)), { ...ev, claims });
      const dir = dirs.make('zwgk-claims-');
      writeFileSync(join(dir, 'typed.xlsx'), typed);
      const profile = `-env:UserInstallation=file://${join(dir, 'lo-profile')}`;
      execFileSync(LIBREOFFICE!, [profile, '--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), join(dir, 'typed.xlsx')], { timeout: 170_000, stdio: 'ignore' });
      const ws = (await open(readFileSync(join(dir, 'out', 'typed.xlsx')))).getWorksheet('自评分')!;
      const sub = colByHeader(ws, '自评小计');
      const value = (r: number): unknown => formulaOf(ws.getCell(r, sub)).result ?? null;
      // 1.3: 0.5 + 0.25 = 0.75; 1: 3 + 4.5 (1.2's own claim) + 0.75 = 8.25; 4: 10; 8: 2; total 8.25 + 10 + 2 = 20.25.
      expect(value(rowById(ws, '1.3'))).toBe(0.75);
      expect(value(rowById(ws, '1'))).toBe(8.25);
      expect(value(rowById(ws, '4'))).toBe(10);
      expect(value(totalRow(ws))).toBe(20.25);
      // Nothing claimed under 2: blank, not 0.
      expect([null, ''].includes(value(rowById(ws, '2')) as null)).toBe(true);

      // What the clerk sees, kept as a render (xlsx → PDF → PNG).
      mkdirSync(RENDERS, { recursive: true });
      writeFileSync(join(RENDERS, 'claims-typed.xlsx'), typed);
      execFileSync(LIBREOFFICE!, [profile, '--headless', '--convert-to', 'pdf', '--outdir', RENDERS, join(RENDERS, 'claims-typed.xlsx')], { timeout: 170_000, stdio: 'ignore' });
      const text = execFileSync('pdftotext', ['-layout', join(RENDERS, 'claims-typed.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toMatch(/自评总分（自动计算）\s+100\s+20\.25/);
      execFileSync('pdftoppm', ['-r', '50', '-png', join(RENDERS, 'claims-typed.pdf'), join(RENDERS, 'claims-typed')]);
    },
  );
});

describe('自评总分 property', () => {
  it('for any claims (tenths of a point as the rubric\'s precision, any items, parents and children mixed), the cached 自评总分 equals the report\'s', { timeout: 120_000 }, async () => {
    const c = await rubric('rubrics/etuokeqianqi-2017.yaml');
    const seed = parseEvidence('z.yaml', readFileSync('examples/etuokeqianqi-2017/zhujianju.yaml', 'utf8'), c);
    if (!seed.ok) throw new Error('seed evidence invalid');
    const nodes = c.model.nodes;
    const claimsArb = fc
      .uniqueArray(fc.tuple(fc.integer({ min: 0, max: nodes.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true })), { selector: ([i]) => i, maxLength: 12 })
      .map((picks) => Object.fromEntries(picks.map(([i, share]) => [nodes[i]!.id, Math.floor(share * nodes[i]!.max.toNumber() * 10) / 10])));
    await fc.assert(
      fc.asyncProperty(claimsArb, async (claims) => {
        const loaded = { ...seed.value, evidence: { ...seed.value.evidence, claims } };
        const report = await scoreEvidence(c, loaded);
        const ws = (await open(await writeWorkbook(await buildEvidenceWorkbook(c, { evidence: loaded.evidence })))).getWorksheet('自评分')!;
        const cached = formulaOf(ws.getCell(totalRow(ws), colByHeader(ws, '自评小计'))).result;
        expect(cached === undefined || cached === '' ? null : cached).toBe(report.totals.claimed);
      }),
      { numRuns: 15, seed: 20261123 },
    );
  });
});
