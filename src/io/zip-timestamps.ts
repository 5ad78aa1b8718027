// Same input → byte-identical xlsx: exceljs zips its parts through JSZip, which stamps every entry with the current
// time, so two runs differ. This rewrites each entry's DOS date/time — in the local headers and in the central
// directory — to one fixed moment. Sizes and CRCs are untouched; the archive stays valid. Input and output: zip bytes.

/** 2000-01-01 00:00:00 in MS-DOS format (the workbooks' created/modified dates are the same day). */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/**
 * Set every entry's modification time to 2000-01-01 00:00 in place and return the same bytes.
 * @throws Error when the bytes are not a zip this project wrote (a programmer error, never user input).
 */
export function fixZipTimestamps(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('fixZipTimestamps: no end of central directory');
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(p, true) !== CENTRAL) throw new Error('fixZipTimestamps: bad central directory');
    view.setUint16(p + 12, DOS_TIME, true);
    view.setUint16(p + 14, DOS_DATE, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new Error('fixZipTimestamps: bad local header');
    view.setUint16(local + 10, DOS_TIME, true);
    view.setUint16(local + 12, DOS_DATE, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return bytes;
}
