// Each agency's 自查评分表 written beside the comparison (`zwgk compare --format html --out dir/x.html --sheets`):
// one HTML file per ranked agency in dir/sheets/, named from its agency code so the names are the same on every
// run, and safe whatever the code holds — no path separators, no `..`, no device names, no case clash — so an
// agency code can never place a file outside that folder. Distinct codes always get distinct names.
import { createHash } from 'node:crypto';
import { lstat, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { formatReport } from '../../formatters/index.js';
import { writeFileAtomic } from '../../io/write-atomic.js';
import type { ScoreReport } from '../../report/score-report.js';

/** The folder next to the comparison that holds the sheets, and the prefix of every link to them. */
export const SHEETS_FOLDER = 'sheets';

const SAFE_CHAR = /[A-Za-z0-9_\-\u4e00-\u9fff]/u;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_STEM = 48;

/**
 * The file name (without folder) of an agency's sheet: the code itself when it is plain (ASCII letters in lower
 * case, digits, _ and -, or Chinese characters), else the plain part of it, a dot and a hash of the whole code —
 * a plain code has no dot, so the two kinds of name never meet, and lower case keeps them apart on file systems
 * that ignore case.
 */
export function sheetFileName(code: string): string {
  let stem = '';
  for (const ch of code) stem += SAFE_CHAR.test(ch) ? ch : '_';
  stem = stem.replace(/_+/g, '_').replace(/^[_-]+|[_-]+$/g, '');
  if (stem.length > MAX_STEM) stem = [...stem].slice(0, MAX_STEM).join('');
  const plain = stem === code && stem !== '' && !/[A-Z]/.test(code) && !WINDOWS_DEVICE.test(code);
  if (plain) return `${stem}.html`;
  const hash = createHash('sha256').update(code, 'utf8').digest('hex').slice(0, 16);
  return `${stem === '' ? 'agency' : stem.toLowerCase()}.${hash}.html`;
}

/** The relative link from the comparison page to an agency's sheet (URL-encoded). */
export function sheetHref(code: string): string {
  return `${SHEETS_FOLDER}/${encodeURIComponent(sheetFileName(code))}`;
}

/** Where the sheets go and the link to each one written so far (agency code → relative href). */
export interface SheetsFolder {
  dir: string;
  hrefs: Map<string, string>;
  /** Write one agency's sheet (HTML, atomically) and remember its link. */
  write(code: string, report: ScoreReport): Promise<void>;
}

/**
 * The sheets folder beside the comparison file `outFile` (created with the first sheet). Refuses a `sheets` that is a file
 * or a symbolic link, so the sheets land in a real folder next to the comparison and nowhere else.
 * @throws SheetsFolderError with a Chinese message
 */
export async function openSheetsFolder(outFile: string): Promise<SheetsFolder> {
  const dir = join(dirname(outFile), SHEETS_FOLDER);
  const st = await lstat(dir).catch(() => null);
  if (st && !st.isDirectory()) throw new SheetsFolderError(`无法写入各单位的评分表：${dir} 已存在，但不是文件夹（或是符号链接）`);
  const hrefs = new Map<string, string>();
  const names = new Set<string>();
  let made = false;
  return {
    dir,
    hrefs,
    async write(code, report) {
      const name = sheetFileName(code);
      // Distinct codes have distinct names (see sheetFileName); a clash would be a bug, never an overwrite.
      if (names.has(name)) throw new Error(`sheet file name clash: ${name}`);
      names.add(name);
      // Made with the first sheet: a comparison that finds nothing to rank leaves no empty folder behind.
      if (!made) await mkdir(dir, { recursive: true });
      made = true;
      const html = await formatReport(report, 'html');
      await writeFileAtomic(join(dir, name), html);
      hrefs.set(code, sheetHref(code));
    },
  };
}

export class SheetsFolderError extends Error {}
