// Hostile xlsx given to `zwgk import` (issue 9), built at test time from a genuine form: a 2 MB decompression bomb
// whose worksheets expand to 450 MiB each, one whose zip directory lies about the sizes, a form with more rows than
// a form can have, and bytes that are not a zip. Each is refused with a Chinese message naming the file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvidenceWorkbook, loadRubric, writeWorkbook } from '../../src/index.js';
import { cli, SEED_RUBRIC } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp-dirs.js';
import { expectNoInternals } from './expect-clean.js';
import { readZipEntries, writeZip, type ZipEntrySpec } from './zip-writer.js';

const temp = tempDirs();
let dir: string;
let form: Array<{ name: string; data: Buffer }>;
const RUBRIC = join(process.cwd(), SEED_RUBRIC);
const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const MIB = Buffer.alloc(1 << 20, 0x20);

beforeAll(async () => {
  dir = temp.make('zwgk-xlsx-');
  const r = await loadRubric(SEED_RUBRIC);
  if (!r.ok) throw new Error('seed rubric invalid');
  form = await readZipEntries(Buffer.from(await writeWorkbook(await buildEvidenceWorkbook(r.value, {}))));
});
afterAll(temp.removeAll);

function write(name: string, bytes: Buffer): string {
  writeFileSync(join(dir, name), bytes);
  return name;
}

/** The genuine form with its worksheets replaced. */
function withSheets(make: (name: string) => ZipEntrySpec): Buffer {
  return writeZip(form.filter((e) => !e.name.endsWith('/')).map((e) => (SHEET.test(e.name) ? make(e.name) : e)));
}

async function importForm(file: string): Promise<Awaited<ReturnType<typeof cli>>> {
  return cli(['import', file, '--rubric', RUBRIC, '--out', 'out.yaml'], dir);
}

describe('zwgk import of hostile workbooks', () => {
  it('a 2 MB bomb whose worksheets expand to 450 MiB each is refused from the zip directory', async () => {
    const bomb = withSheets((name) => ({ name, head: '<worksheet><sheetData>', unit: MIB, count: 450, tail: '</sheetData></worksheet>' }));
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const r = await importForm(write('bomb.xlsx', bomb));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bomb.xlsx 错误 ARCHIVE_TOO_LARGE');
    expect(r.stderr).toMatch(/解压后有 450\.0 MiB,超过单项上限 32 MiB/);
    expectNoInternals(r);
  });

  it('a single 1 GiB sheet (once refused only by "Invalid string length")', async () => {
    const one = withSheets((name) => (name.endsWith('sheet2.xml') ? { name, head: '<worksheet>', unit: MIB, count: 1024, tail: '</worksheet>' } : { name, data: Buffer.from('<worksheet/>') }));
    const r = await importForm(write('gib.xlsx', one));
    expect(r.stderr).toContain('错误 ARCHIVE_TOO_LARGE');
    expectNoInternals(r);
  });

  it('a zip whose directory understates the size is caught while inflating', async () => {
    const liar = withSheets((name) => ({ name, head: '<worksheet>', unit: MIB, count: 64, tail: '</worksheet>', declaredSize: 4096 }));
    const r = await importForm(write('liar.xlsx', liar));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('liar.xlsx 错误 ARCHIVE_INVALID');
    expect(r.stderr).toContain('压缩数据与目录记载的大小不符');
    expectNoInternals(r);
  });

  it('a form with more rows than a form can have is refused while the rows are counted', async () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const big = withSheets((name) => ({ name, data: Buffer.from(`<worksheet><sheetData>${rows}</sheetData></worksheet>`) }));
    const r = await importForm(write('rows.xlsx', big));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rows\.xlsx 错误 ARCHIVE_TOO_LARGE:已拒绝读取:工作表 xl\/worksheets\/sheet\d\.xml 有 \d+ 行以上,超过上限 20000 行/);
    expectNoInternals(r);
  });

  it('a shared-strings table with more entries than a form has cells is refused while counted', async () => {
    const strings = Array.from({ length: 210_000 }, (_, i) => `<si><t>${i}</t></si>`).join('');
    const entries = form.filter((e) => !e.name.endsWith('/')).map((e) => (e.name === 'xl/sharedStrings.xml' ? { name: e.name, data: Buffer.from(`<sst>${strings}</sst>`) } : e));
    const r = await importForm(write('strings.xlsx', writeZip(entries)));
    expect(r.stderr).toMatch(/strings\.xlsx 错误 ARCHIVE_TOO_LARGE:已拒绝读取:共享字符串表有 \d+ 项以上,超过上限 200000 项/);
    expectNoInternals(r);
  });

  it('a million-row form, highly compressible, is refused by its compression ratio', async () => {
    const row = Buffer.from('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(26_000));
    const million = withSheets((name) => ({ name, head: '<worksheet><sheetData>', unit: row, count: 30, tail: '</sheetData></worksheet>' }));
    const r = await importForm(write('million.xlsx', million));
    expect(r.stderr).toMatch(/错误 ARCHIVE_TOO_LARGE:已拒绝读取:其中的 xl\/worksheets\/sheet\d\.xml 压缩比为 \d+:1/);
    expectNoInternals(r);
  });

  it.each([
    ['random bytes', Buffer.from('PK\u0003\u0004 this is not really a zip'), 'ARCHIVE_INVALID'],
    ['an empty file', Buffer.alloc(0), 'ARCHIVE_INVALID'],
    ['a zip holding no workbook', writeZip([{ name: 'hello.txt', data: Buffer.from('你好') }]), 'FORM_INVALID'],
  ])('%s', async (_name, bytes, code) => {
    const r = await importForm(write(`x-${code}.xlsx`, bytes));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`错误 ${code}`);
    expectNoInternals(r);
  });
});
