// A minimal zip writer for hostile test archives, built at test time: decompression bombs (a megabyte unit repeated
// hundreds of times as independent deflate blocks, so a 450 MiB entry costs a few hundred KB and no 450 MiB buffer),
// archives whose directory lies about sizes, and ordinary entries (e.g. a genuine form's parts with one replaced).
import { constants, crc32, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';

export type ZipEntrySpec =
  | { name: string; data: Buffer; declaredSize?: number }
  /** `head` + `unit` × `count` + `tail`, inflating to that many bytes. */
  | { name: string; head: string; unit: Buffer; count: number; tail: string; declaredSize?: number };

interface Built {
  name: Buffer;
  compressed: Buffer;
  crc: number;
  size: number;
  declared: number;
}

/** Raw deflate of `buf` as non-final, byte-aligned blocks with no back-references before its start. */
const syncBlock = (buf: Buffer): Buffer => deflateRawSync(buf, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
/** A final, empty fixed-Huffman block: ends any stream of sync-flushed blocks. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

function build(spec: ZipEntrySpec): Built {
  if ('data' in spec) {
    return { name: Buffer.from(spec.name), compressed: deflateRawSync(spec.data), crc: crc32(spec.data), size: spec.data.length, declared: spec.declaredSize ?? spec.data.length };
  }
  const head = Buffer.from(spec.head);
  const tail = Buffer.from(spec.tail);
  const unitBlock = syncBlock(spec.unit);
  const parts = [syncBlock(head), ...Array.from({ length: spec.count }, () => unitBlock), syncBlock(tail), FINAL_BLOCK];
  let crc = crc32(head);
  for (let i = 0; i < spec.count; i++) crc = crc32(spec.unit, crc);
  crc = crc32(tail, crc);
  const size = head.length + spec.unit.length * spec.count + tail.length;
  return { name: Buffer.from(spec.name), compressed: Buffer.concat(parts), crc, size, declared: spec.declaredSize ?? size };
}

/** Assemble a zip (deflate, no zip64: entries stay below 4 GiB) from the specs. */
export function writeZip(specs: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const spec of specs) {
    const e = build(spec);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6); // UTF-8 names
    lh.writeUInt16LE(8, 8); // deflate
    lh.writeUInt16LE(0, 10);
    lh.writeUInt16LE(0x21, 12); // 1980-01-01
    lh.writeUInt32LE(e.crc >>> 0, 14);
    lh.writeUInt32LE(e.compressed.length, 18);
    lh.writeUInt32LE(e.declared, 22);
    lh.writeUInt16LE(e.name.length, 26);
    lh.writeUInt16LE(0, 28);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt16LE(0, 12);
    ch.writeUInt16LE(0x21, 14);
    ch.writeUInt32LE(e.crc >>> 0, 16);
    ch.writeUInt32LE(e.compressed.length, 20);
    ch.writeUInt32LE(e.declared, 24);
    ch.writeUInt16LE(e.name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, e.name, e.compressed);
    centrals.push(ch, e.name);
    offset += 30 + e.name.length + e.compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(specs.length, 8);
  eocd.writeUInt16LE(specs.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** Every entry of a (small, trusted) zip, inflated: to rebuild a genuine form with one part replaced. */
export function readZipEntries(bytes: Buffer): Promise<Array<{ name: string; data: Buffer }>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: Array<{ name: string; data: Buffer }> = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
