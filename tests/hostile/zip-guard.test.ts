// The zip guard on its own (src/load/zip-guard.ts): each limit, the lying-directory check, and the streamed tag
// counter, whose count must not depend on where the inflater happens to cut the chunks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkZipArchive, countTagsScanner } from '../../src/index.js';
import { writeZip } from './zip-writer.js';

const small = (name: string, text = '<a/>') => ({ name, data: Buffer.from(text) });

describe('checkZipArchive limits', () => {
  it('accepts an ordinary archive and lists its entries', async () => {
    const r = await checkZipArchive(writeZip([small('a.xml'), small('b/c.xml', 'x'.repeat(5000))]), { file: 'ok.docx' });
    expect(r.ok && r.value.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['a.xml', 4],
      ['b/c.xml', 5000],
    ]);
  });

  it.each([
    ['entry count', { maxEntries: 2 }, [small('1'), small('2'), small('3')], /3 个文件,超过上限 2 个/],
    ['archive size', { maxArchiveBytes: 100 }, [small('1', 'x'.repeat(5000))], /文件本身有 \d+ 字节,超过上限 100 字节/],
    ['total size', { maxTotalBytes: 6000 }, [small('1', 'y'.repeat(4000)), small('2', 'z'.repeat(4000))], /合计超过 6000 字节/],
    ['ratio', { ratioFloorBytes: 1000, maxRatio: 10 }, [small('1', ' '.repeat(100_000))], /压缩比为 \d+:1,超过上限 10:1/],
  ])('refuses past the %s limit', async (_name, limits, entries, reason) => {
    const r = await checkZipArchive(writeZip(entries), { file: 'x.zip', limits });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['ARCHIVE_TOO_LARGE']);
    expect(r.diagnostics[0]!.message).toMatch(reason);
  });

  it('a scanner can refuse while inflating, and its reason is shown', async () => {
    const r = await checkZipArchive(writeZip([small('s.xml', '<row/>'.repeat(50))]), { file: 'x.xlsx', scan: () => countTagsScanner('row', 10, (n) => `多于 10 行(已数到 ${n})`) });
    expect(r.diagnostics[0]).toMatchObject({ code: 'ARCHIVE_TOO_LARGE' });
    expect(r.diagnostics[0]!.message).toContain('多于 10 行');
  });
});

describe('countTagsScanner', () => {
  it('counts the same however the bytes are cut into chunks', () => {
    const tag = fc.constantFrom('<row r="1">', '<row>', '<x:row/>', '<rowBreaks>', '<c r="A1">', 'row', '<', 'x', ' ', '>');
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 80 }), fc.array(fc.nat(), { maxLength: 10 }), (parts, cuts) => {
        const text = parts.join('');
        const expected = (text.match(/<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g) ?? []).length;
        const points = [...new Set(cuts.map((c) => (text.length === 0 ? 0 : c % text.length)))].sort((a, b) => a - b);
        // At the true count the scanner never refuses; one below it, it refuses having counted exactly that many.
        const atLimit = countTagsScanner('row', expected, (n) => `n=${n}`);
        const below = countTagsScanner('row', expected - 1, (n) => `n=${n}`);
        let prev = 0;
        let refusedAt: string | null = null;
        for (const p of [...points, text.length]) {
          const chunk = Buffer.from(text.slice(prev, p), 'latin1');
          expect(atLimit.push(chunk)).toBeNull();
          refusedAt ??= below.push(chunk);
          prev = p;
        }
        if (expected > 0) expect(refusedAt).toBe(`n=${expected}`);
      }),
      { numRuns: 300, seed: 9 },
    );
  });
});
