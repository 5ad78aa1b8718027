// The 三栏对照表 as people get it (issue 13): `zwgk diff --out x.docx` — byte-identical on a second run, A4 landscape
// with GB/T 9704 margins turned, header row repeated — opened in LibreOffice Writer and converted to PDF, whose text
// holds the rows; `--format html` printed in Chromium: the outline on portrait A4 pages, the table on landscape A4
// pages with its rows. PDFs and PNG pages are kept in tests/diff/__renders__/ (gitignored) for a person to look at.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/render/chromium.js';
import { cli, tempDirs } from '../helpers/cli.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());
const LIBREOFFICE = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((p) => existsSync(p));
const HAVE_WRITER = LIBREOFFICE !== undefined && existsSync('/usr/lib/libreoffice/program/libswlo.so');
const HAVE_CHROMIUM = existsSync('/usr/bin/chromium') && existsSync('/usr/bin/pdftoppm');
const RENDERS = join(process.cwd(), 'tests/diff/__renders__');
const PAIR = ['rubrics/etuokeqianqi-2017.yaml', 'rubrics/etuokeqianqi-2018.yaml'];

/** One part of a zip (stored or deflated), found through the local headers. */
function zipPart(zip: Buffer, name: string): string {
  for (let p = 0; p + 30 < zip.length && zip.readUInt32LE(p) === 0x04034b50; ) {
    const method = zip.readUInt16LE(p + 8);
    const size = zip.readUInt32LE(p + 18);
    const nameLen = zip.readUInt16LE(p + 26);
    const extra = zip.readUInt16LE(p + 28);
    const entry = zip.subarray(p + 30, p + 30 + nameLen).toString('utf8');
    const data = zip.subarray(p + 30 + nameLen + extra, p + 30 + nameLen + extra + size);
    if (entry === name) return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    p += 30 + nameLen + extra + size;
  }
  throw new Error(`${name} not found`);
}

async function docx(): Promise<Buffer> {
  const out = join(dirs.make('zwgk-revision-'), '修订对照表.docx');
  const r = await cli(['diff', ...PAIR, '--out', out]); // docx inferred from the extension
  expect(r).toMatchObject({ code: 0, stdout: '' });
  return readFileSync(out);
}

/** Rows of the 2017 → 2018 table as they must read in any rendering (spaces removed). */
const ROWS = [
  '1.3.1纳入绩效评估，权重不低于4%', // 原条款
  '1.3.1纳入绩效评估，权重不低于5%', // 修订后条款
  '阈值「政务公开在部门绩效评估中的最低分值权重」由4%调整为5%',
  '4.1.8保障“鄂托克前旗人民政府信息发布平台”（4分）',
  '（删除）',
  '（新增）',
  '5.1.2政策文件与解读材料同步组织、同步审签、同步部署（2分）',
  '编号由4.1.6改为5.4.2',
  '评分办法由「达标得分」改为「分级评分」',
  '适用范围由全部单位改为A类单位',
];
/** What a printed page must show (short enough not to wrap inside a cell: pdftotext interleaves the columns). */
const PRINTED = ['原条款', '修订后条款', '修订说明', '1.3.1', '4.1.7.2', '4.1.8', '（删除）', '（新增）', '5.1.2', '5.3.1.2', '5.4.2', '6.2.1B', '6.3.1B'];

describe('zwgk diff --format docx (三栏对照表)', () => {
  it('writes the table: landscape A4, GB/T 9704 margins turned, header repeated, byte-identical on a second run', async () => {
    const a = await docx();
    expect(Buffer.compare(a, await docx())).toBe(0);
    const xml = zipPart(a, 'word/document.xml');
    const text = xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
    expect(text).toContain('《2018年鄂托克前旗政务公开工作考核评价细则》修订对照表');
    expect(text).toMatch(/原条款\s*修订后条款\s*修订说明/);
    for (const row of ROWS) expect(text.replace(/\s+/g, '')).toContain(row);
    expect(xml).toMatch(/<w:pgSz w:w="1684\d" w:h="1190\d" w:orient="landscape"/);
    expect(xml).toMatch(/<w:pgMar w:top="1588" w:right="2098" w:bottom="1474" w:left="1985"/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:u w:val="single"/>'); // changed characters underlined
    expect(zipPart(a, 'docProps/core.xml')).toContain('2000-01-01T00:00:00Z');
  });

  it('refuses docx without --out (binary) and -f docx with a .md file', async () => {
    const none = await cli(['diff', ...PAIR, '--format', 'docx']);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toContain('docx 是二进制格式，请用 --out <文件> 指定输出文件');
    const clash = await cli(['diff', ...PAIR, '--format', 'docx', '--out', join(dirs.make('zwgk-revision-'), 'x.md')]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('--format docx 与输出文件 x.md 的扩展名不符');
  });

  it.skipIf(!HAVE_WRITER)(HAVE_WRITER ? 'opens in LibreOffice Writer: landscape A4 pages holding every row' : 'SKIPPED: apt-get install -y --no-install-recommends libreoffice-writer', { timeout: 180_000 }, async () => {
    mkdirSync(RENDERS, { recursive: true });
    const file = join(RENDERS, 'revision-table.docx');
    writeFileSync(file, await docx());
    const profile = dirs.make('zwgk-lo-');
    execFileSync(LIBREOFFICE!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', RENDERS, file], { timeout: 170_000, stdio: 'ignore' });
    const pdf = join(RENDERS, 'revision-table.pdf');
    execFileSync('pdftoppm', ['-r', '50', '-png', pdf, join(RENDERS, 'revision-table-docx')]);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('修订对照表');
    for (const t of PRINTED) expect(text).toContain(t);
    expect(text).toContain('—1—'); // page number in the footer
    expect(text).toContain('—2—');
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => Number(m[1]) > Number(m[2]));
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes.every((landscape) => landscape)).toBe(true);
  });
});

describe.skipIf(!HAVE_CHROMIUM)('zwgk diff --format html printed in Chromium', () => {
  it('prints the outline on portrait A4 and the 三栏对照表 on landscape A4 pages holding every row', { timeout: 120_000 }, async () => {
    const r = await cli(['diff', ...PAIR, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<section class="revision">');
    mkdirSync(RENDERS, { recursive: true });
    const pdf = join(RENDERS, 'revision-table-html.pdf');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent(r.stdout, { waitUntil: 'load' });
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    } finally {
      await browser.close();
    }
    execFileSync('pdftoppm', ['-r', '50', '-png', pdf, join(RENDERS, 'revision-table-html')]);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' });
    const landscape = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => Number(m[1]) > Number(m[2]));
    // portrait pages first (the outline), then only landscape pages (the table), A4 both ways
    expect(landscape[0]).toBe(false);
    const first = landscape.indexOf(true);
    expect(first).toBeGreaterThan(0);
    expect(landscape.slice(first).every((l) => l)).toBe(true);
    expect(info).toMatch(/A4/);
    const tablePages = execFileSync('pdftotext', ['-f', String(first + 1), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(tablePages).toMatch(/^《2018年鄂托克前旗政务公开工作考核评价细则》修订对照表/);
    // page numbers 「— n —」 on every page, counting on across the turn to landscape
    const all = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (let n = 1; n <= landscape.length; n++) expect(all).toContain(`—${n}—`);
    for (const t of PRINTED) expect(tablePages).toContain(t);
  });
});
