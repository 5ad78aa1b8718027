// The ranking notice (通报, `zwgk compare --format docx`): GB/T 9704 layout read back from the docx XML (A4, margins,
// title, 主送, ranking table, common losses, 落款, 日期), byte-identical on a second run, and — where LibreOffice Writer
// is installed — opened and converted to PDF, whose text holds the title (PDF and PNG kept in __renders__).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, SEED_RUBRIC, tempDirs } from '../helpers/cli.js';
import { halfWidthPunctuation } from '../helpers/pdf-words.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());
const LIBREOFFICE = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((p) => existsSync(p));
const HAVE_WRITER = LIBREOFFICE !== undefined && existsSync('/usr/lib/libreoffice/program/libswlo.so');
const RENDERS = join(process.cwd(), 'tests/batch/__renders__');
const ARGS = ['compare', 'examples/etuokeqianqi-2017', '--rubric', SEED_RUBRIC, '--reviews', 'examples/etuokeqianqi-2017/reviews', '--issuer', '鄂托克前旗人民政府办公室', '--recipients', '各苏木镇人民政府,旗直各部门', '--notice-date', '2018年3月1日'];

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

async function notice(): Promise<Buffer> {
  const out = join(dirs.make('zwgk-docx-'), '通报.docx');
  const r = await cli([...ARGS, '--out', out]);
  expect(r.code).toBe(0);
  return readFileSync(out);
}

describe('compare --format docx (通报)', () => {
  it('lays the notice out after GB/T 9704 and is byte-identical on a second run', async () => {
    const a = await notice();
    expect(Buffer.compare(a, await notice())).toBe(0);
    const xml = zipPart(a, 'word/document.xml');
    const text = xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
    expect(text).toContain('关于2017年度政务公开工作考核评价结果的通报');
    // the recipients were given with a half-width comma: printed in Chinese typography, like every text of the notice
    expect(text).toContain('各苏木镇人民政府，旗直各部门：');
    expect(halfWidthPunctuation(text)).toEqual([]);
    expect(text).toContain('优秀（暂定）');
    // the title in two balanced lines, never 「…结果的」 over a lone 「通报」
    expect(xml).toMatch(/关于2017年度政务公开工作<\/w:t><\/w:r><w:r>.*?<w:br\/><w:t[^>]*>考核评价结果的通报</);
    // 页码 「— 1 —」: odd pages at the right, even pages at the left
    expect(zipPart(a, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = [zipPart(a, 'word/footer1.xml'), zipPart(a, 'word/footer2.xml')].join('\n');
    expect(footers).toMatch(/— <\/w:t>.*PAGE.*<w:t[^>]*> —/s);
    expect(footers).toContain('w:val="right"');
    expect(footers).toContain('w:val="left"');
    expect(text).toMatch(/名次\s*单位\s*总分\s*百分制\s*等次/);
    expect(text).toContain('二、存在的主要问题');
    expect(text).toContain('鄂托克前旗人民政府办公室');
    expect(text).toContain('2018年3月1日');
    // A4 (11907 × 16840 twips) with the 37/35/28/26 mm margins
    expect(xml).toMatch(/<w:pgSz w:w="1190\d" w:h="1684\d"/);
    expect(xml).toMatch(/w:top="2098"/);
    expect(xml).toMatch(/w:left="1588"/);
    expect(zipPart(a, 'docProps/core.xml')).toContain('2000-01-01T00:00:00Z');
  });

  it.skipIf(!HAVE_WRITER)(HAVE_WRITER ? 'opens in LibreOffice Writer; the PDF shows the title and the table' : 'SKIPPED: apt-get install -y --no-install-recommends libreoffice-writer', { timeout: 120_000 }, async () => {
    mkdirSync(RENDERS, { recursive: true });
    const file = join(RENDERS, 'notice.docx');
    (await import('node:fs')).writeFileSync(file, await notice());
    execFileSync(LIBREOFFICE!, ['--headless', '--convert-to', 'pdf', '--outdir', RENDERS, file], { timeout: 110_000, stdio: 'ignore' });
    const pdf = join(RENDERS, 'notice.pdf');
    execFileSync('pdftoppm', ['-r', '50', '-png', pdf, join(RENDERS, 'notice')]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, '')).toContain('关于2017年度政务公开工作考核评价结果的通报');
    expect(text).toMatch(/1\s+鄂托克前旗\S+\s+\d+/);
    // the longest name on one line of its row; the page numbers printed
    expect(text).toMatch(/5\s+鄂托克前旗住房和城乡规划建设局\s+59/);
    expect(text).toMatch(/—\s*1\s*—/);
    expect(text).toMatch(/—\s*2\s*—/);
    expect(text.split('\n').map((l) => l.trim())).not.toContain('通报');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/\(A4\)/);
  });
});
