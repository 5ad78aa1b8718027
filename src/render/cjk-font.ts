// Before printing a PDF: is there a font with Chinese glyphs? Without one (no fonts-noto-cjk) Chromium prints every
// character as an empty box and the user gets a useless PDF with exit 0. fontconfig answers (`fc-list :lang=zh`,
// which is what Chromium uses on Linux); where fc-list itself is missing, the usual font folders are searched for
// a CJK font file by name.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { RenderError } from './errors.js';

/** Font files known to carry Chinese glyphs (Noto / Source Han, WenQuanYi, AR PL, Droid fallback, Windows' and macOS' own). */
const CJK_FILE = /cjk|sourcehan|source-han|wqy|wenquanyi|uming|ukai|droidsansfallback|simsun|simhei|msyh|pingfang|hiragino|sarasa|lxgw/i;

export interface CjkFontProbe {
  /** fontconfig's fc-list (default `$FC_LIST` or `fc-list` on PATH). */
  fcList?: string;
  /** Folders searched when fc-list cannot run (default `$ZWGK_FONT_DIRS`, colon-separated, or the system folders). */
  fontDirs?: string[];
}

function defaultFontDirs(): string[] {
  const env = process.env.ZWGK_FONT_DIRS;
  if (env !== undefined) return env.split(':').filter(Boolean);
  return ['/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.fonts'), join(homedir(), '.local/share/fonts')];
}

/** fc-list's families that cover Chinese; null when fc-list cannot run. */
function fcListChinese(fcList: string): Promise<string[] | null> {
  return new Promise((resolve) => {
    execFile(fcList, [':lang=zh', 'family'], { timeout: 10000, maxBuffer: 4 << 20 }, (err, stdout) => {
      if (err) resolve(null);
      else resolve(stdout.split('\n').map((l) => l.trim()).filter(Boolean));
    });
  });
}

/** The first CJK font file under the folders (depth-limited walk), or undefined. */
async function findCjkFile(dirs: string[]): Promise<string | undefined> {
  const walk = async (dir: string, depth: number): Promise<string | undefined> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) if (e.isFile() && CJK_FILE.test(e.name) && /\.(ttf|ttc|otf|otc)$/i.test(e.name)) return join(dir, e.name);
    if (depth >= 4) return undefined;
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      const hit = await walk(join(dir, e.name), depth + 1);
      if (hit) return hit;
    }
    return undefined;
  };
  for (const d of dirs) {
    const hit = await walk(d, 0);
    if (hit) return hit;
  }
  return undefined;
}

/** A font (family or file) that prints Chinese, or undefined when there is none. */
export async function findCjkFont(probe: CjkFontProbe = {}): Promise<string | undefined> {
  const families = await fcListChinese(probe.fcList ?? (process.env.FC_LIST || 'fc-list'));
  if (families !== null) return families[0];
  return findCjkFile(probe.fontDirs ?? defaultFontDirs());
}

export const CJK_FONT_MISSING_MESSAGE =
  '未找到中文字体，生成的 PDF 中文会显示为空白方框，因此没有输出。\n' +
  '请先安装中文字体（Debian / Ubuntu）：\n' +
  '  sudo apt-get install fonts-noto-cjk\n' +
  '（其他系统安装思源黑体 / 思源宋体或文泉驿字体即可。）也可以先输出 HTML(--format html)，在已装中文字体的电脑上用浏览器打开并打印为 PDF。';

let found: string | undefined;

/**
 * Refuse to print when no Chinese font is installed. A font once found is remembered for the process.
 * @throws RenderError CJK_FONT_MISSING
 */
export async function ensureCjkFont(probe?: CjkFontProbe): Promise<string> {
  if (found !== undefined && probe === undefined) return found;
  const font = await findCjkFont(probe);
  if (font === undefined) throw new RenderError('CJK_FONT_MISSING', CJK_FONT_MISSING_MESSAGE);
  if (probe === undefined) found = font;
  return font;
}
