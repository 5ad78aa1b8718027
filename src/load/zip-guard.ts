// Check a zip container (xlsx, docx) before any library unpacks it: a 2 MB "decompression bomb" can expand to
// gigabytes and kill the process inside exceljs or JSZip. Input: the archive bytes + limits. Output: the entry list,
// or diagnostics (ARCHIVE_INVALID, ARCHIVE_TOO_LARGE) naming the file. Used by `zwgk import` and by the service for
// uploaded attachments, so both refuse the same archives.
//
// Two passes, both bounded: (1) the central directory alone — entry count, each entry's declared uncompressed size,
// the total, the compression ratio — refuses a classic bomb without inflating a byte; (2) every entry is inflated
// and discarded as a stream, so an archive whose directory *lies* about sizes is caught too (yauzl stops a stream
// that yields more bytes than declared). Optional scanners see the inflated bytes (e.g. to count worksheet rows)
// and can refuse early. Memory stays at a few inflate windows; time is bounded by the total-size limit.
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { makeDiagnostic, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';

export interface ZipLimits {
  /** Size of the archive itself. */
  maxArchiveBytes: number;
  maxEntries: number;
  /** Uncompressed size of any one entry. */
  maxEntryBytes: number;
  /** Uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Largest uncompressed ÷ compressed ratio, checked for entries above `ratioFloorBytes` (small XML parts compress very well). */
  maxRatio: number;
  ratioFloorBytes: number;
}

/**
 * Defaults sized for the project's own documents: a filled 填报表 is a few hundred rows (under 1 MiB unpacked);
 * a Word or Excel attachment of an ordinary report stays well below these figures.
 */
export const ZIP_LIMITS: ZipLimits = {
  maxArchiveBytes: 10 * 1024 * 1024,
  maxEntries: 1000,
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** Sees the inflated bytes of one entry; returns a Chinese reason to refuse the archive, or null to go on. */
export interface EntryScanner {
  push(chunk: Buffer): string | null;
  /** Called after the last chunk; may refuse too. */
  end?(): string | null;
}

export interface ZipGuardOptions {
  /** File name as diagnostics show it. */
  file: string;
  limits?: Partial<ZipLimits>;
  /** A scanner for the entries it wants to see (e.g. worksheets), or undefined. */
  scan?: (entryName: string) => EntryScanner | undefined;
}

const MIB = 1024 * 1024;
const mib = (n: number): string => (n >= MIB ? `${(n / MIB).toFixed(n % MIB === 0 ? 0 : 1)} MiB` : `${n} 字节`);

class Refusal extends Error {
  constructor(
    readonly code: 'ARCHIVE_INVALID' | 'ARCHIVE_TOO_LARGE',
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** yauzl's (English) errors → what a user can act on. */
function invalidReason(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  if (/end of central directory|not a zip|signature/i.test(m)) return '不是 zip 格式(xlsx、docx 都是 zip 压缩包),文件可能损坏或只是改了扩展名';
  if (/encrypt/i.test(m)) return '文件已加密(设置了打开密码),请去掉密码后再提交';
  if (/too many bytes|too few bytes|invalid (code|distance|block|stored)|incorrect header|unexpected end|crc/i.test(m))
    return '压缩数据与目录记载的大小不符或已损坏';
  if (/compression method/i.test(m)) return '使用了不支持的压缩方式';
  return '压缩包结构损坏';
}

function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(new Refusal('ARCHIVE_INVALID', invalidReason(err)));
      else resolve(zip);
    });
  });
}

/** Read the central directory, refusing on the declared figures as soon as one limit is passed. */
function readDirectory(zip: ZipFile, limits: ZipLimits): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    let total = 0;
    const fail = (e: Refusal): void => {
      zip.close();
      reject(e);
    };
    zip.on('error', (err: unknown) => fail(err instanceof Refusal ? err : new Refusal('ARCHIVE_INVALID', invalidReason(err))));
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: Entry) => {
      const name = entry.fileName;
      if (entry.isEncrypted()) return fail(new Refusal('ARCHIVE_INVALID', '文件已加密(设置了打开密码),请去掉密码后再提交'));
      if (entry.uncompressedSize > limits.maxEntryBytes)
        return fail(new Refusal('ARCHIVE_TOO_LARGE', `其中的 ${name} 解压后有 ${mib(entry.uncompressedSize)},超过单项上限 ${mib(limits.maxEntryBytes)}`));
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes)
        return fail(new Refusal('ARCHIVE_TOO_LARGE', `解压后合计超过 ${mib(limits.maxTotalBytes)} 的上限`));
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio)
        return fail(new Refusal('ARCHIVE_TOO_LARGE', `其中的 ${name} 压缩比为 ${Math.round(ratio)}:1,超过上限 ${limits.maxRatio}:1(疑似"压缩炸弹")`));
      entries.push(entry);
      zip.readEntry();
    });
    if (zip.entryCount > limits.maxEntries)
      return fail(new Refusal('ARCHIVE_TOO_LARGE', `压缩包内有 ${zip.entryCount} 个文件,超过上限 ${limits.maxEntries} 个`));
    zip.readEntry();
  });
}

/** Inflate one entry to nowhere (bounded by its declared size), feeding a scanner if one wants it. */
function drainEntry(zip: ZipFile, entry: Entry, scanner: EntryScanner | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    if (entry.fileName.endsWith('/')) return resolve(0);
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(new Refusal('ARCHIVE_INVALID', invalidReason(err)));
      let n = 0;
      let settled = false;
      const stop = (e: Refusal): void => {
        if (settled) return;
        settled = true;
        stream.destroy();
        reject(e);
      };
      stream.on('data', (chunk: Buffer) => {
        n += chunk.length;
        const why = scanner?.push(chunk) ?? null;
        if (why !== null) stop(new Refusal('ARCHIVE_TOO_LARGE', why));
      });
      stream.on('error', (e) => stop(new Refusal('ARCHIVE_INVALID', invalidReason(e))));
      stream.on('end', () => {
        if (settled) return;
        const why = scanner?.end?.() ?? null;
        settled = true;
        if (why !== null) reject(new Refusal('ARCHIVE_TOO_LARGE', why));
        else resolve(n);
      });
    });
  });
}

/**
 * Check an archive against the limits without keeping any inflated data.
 * @returns the entries (name and sizes) when the archive is safe to hand to exceljs/docx readers; otherwise an
 *   ARCHIVE_INVALID or ARCHIVE_TOO_LARGE diagnostic naming the file and the limit. Never throws for bad input.
 */
export async function checkZipArchive(bytes: Uint8Array, opts: ZipGuardOptions): Promise<Result<ZipEntryInfo[]>> {
  const limits = { ...ZIP_LIMITS, ...opts.limits };
  const refuse = (code: Refusal['code'], reason: string): Result<ZipEntryInfo[]> => ({
    ok: false,
    diagnostics: [makeDiagnostic(code, { file: opts.file, reason })],
  });
  if (bytes.length > limits.maxArchiveBytes)
    return refuse('ARCHIVE_TOO_LARGE', `文件本身有 ${mib(bytes.length)},超过上限 ${mib(limits.maxArchiveBytes)}`);
  let zip: ZipFile | undefined;
  try {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    zip = await openZip(buf);
    const entries = await readDirectory(zip, limits);
    let total = 0;
    for (const e of entries) {
      total += await drainEntry(zip, e, opts.scan?.(e.fileName));
      if (total > limits.maxTotalBytes) throw new Refusal('ARCHIVE_TOO_LARGE', `解压后合计超过 ${mib(limits.maxTotalBytes)} 的上限`);
    }
    return { ok: true, value: entries.map((e) => ({ name: e.fileName, compressedSize: e.compressedSize, uncompressedSize: e.uncompressedSize })), diagnostics: [] };
  } catch (err) {
    if (err instanceof Refusal) return refuse(err.code, err.reason);
    return refuse('ARCHIVE_INVALID', invalidReason(err));
  } finally {
    zip?.close();
  }
}

/**
 * A scanner that counts XML start tags `<name …>` (with or without a namespace prefix) across chunk boundaries and
 * refuses once more than `max` are seen — e.g. worksheet rows, before exceljs builds an object per row.
 */
export function countTagsScanner(tag: string, max: number, tooMany: (count: number) => string): EntryScanner {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${tag}[\\s>/]`, 'g');
  const keep = tag.length + 24;
  let tail = '';
  let count = 0;
  return {
    push(chunk) {
      const s = tail + chunk.toString('latin1');
      re.lastIndex = 0;
      for (let m = re.exec(s); m !== null; m = re.exec(s)) {
        // A match lying wholly inside the carried-over tail was counted with the previous chunk.
        if (m.index + m[0].length > tail.length) count++;
      }
      tail = s.slice(-keep);
      return count > max ? tooMany(count) : null;
    },
  };
}

