// Turn the command line's files and folders into the list of evidence files to score. Folders are walked
// recursively (streamed with opendir; hidden entries and node_modules skipped, links to files followed), keeping only .yaml/.yml/.json;
// entries named like evidence that are not readable files (link loops, dangling links, FIFOs, devices) are left out with a reason;
// the rubric files themselves are left out. A path that does not exist, or a named file of another type, is
// reported and left out. Only file *names* are held here; contents are read one at a time by the scorer.
import type { Stats } from 'node:fs';
import { opendir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { LeftOutFile } from '../../cohort/compare-report.js';
import { compareCodes } from '../../cohort/ranking.js';

export const EVIDENCE_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

export interface CollectedInputs {
  /** Evidence files as shown to users (relative to cwd when given relatively; forward slashes), sorted. */
  files: string[];
  /** Inputs that cannot be used at all. */
  leftOut: LeftOutFile[];
}

const hasEvidenceExtension = (name: string): boolean => EVIDENCE_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e));
const posix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

/** Why an entry named like evidence cannot be read as a file, in Chinese (null: it is a regular file). */
function notAFile(st: Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return '指向的是文件夹,不是文件';
  if (st.isFIFO()) return '是命名管道(FIFO),不是普通文件,读取会一直等待';
  if (st.isSocket()) return '是套接字,不是普通文件';
  if (st.isCharacterDevice() || st.isBlockDevice()) return '是设备文件,不是普通文件';
  return '不是普通文件';
}

/** A stat failure of a link or entry, in Chinese. */
function statFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return '符号链接形成循环(链接最终指向自己)';
  if (code === 'ENOENT') return '符号链接指向的文件不存在(悬空链接)';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  return '无法读取';
}

type Walked = { file: string } | { skipped: string; reason: string };

async function* walk(dir: string): AsyncGenerator<Walked> {
  let handle;
  try {
    handle = await opendir(dir);
  } catch (err) {
    yield { skipped: dir, reason: `文件夹无法打开:${statFailure(err)}` };
    return;
  }
  for await (const entry of handle) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (!hasEvidenceExtension(entry.name)) continue;
    else if (entry.isFile()) yield { file: full };
    else {
      // Every other entry named like evidence is listed with its reason, never skipped silently. A symbolic link
      // counts when it points at a file (links to folders are not followed: no cycles).
      let why: string | null;
      try {
        why = notAFile(await stat(full));
      } catch (err) {
        why = statFailure(err);
      }
      if (why === null) yield { file: full };
      else yield { skipped: full, reason: why };
    }
  }
}

/**
 * Collect evidence files from `inputs` (files or folders).
 * @param exclude absolute paths never to treat as evidence (the rubric files)
 */
export async function collectInputFiles(inputs: readonly string[], cwd: string, exclude: readonly string[] = []): Promise<CollectedInputs> {
  const skip = new Set(exclude.map((p) => resolve(cwd, p)));
  const seen = new Set<string>();
  const files: string[] = [];
  const leftOut: LeftOutFile[] = [];
  const add = (abs: string, display: string): void => {
    if (skip.has(abs) || seen.has(abs)) return;
    seen.add(abs);
    files.push(posix(display));
  };
  const shown = (input: string, abs: string): string => (isAbsolute(input) ? abs : relative(cwd, abs) || abs);
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    let st;
    try {
      st = await stat(abs);
    } catch {
      leftOut.push({ file: posix(input), reason: 'unreadable', messages: [{ code: 'FILE_NOT_FOUND', severity: 'error', message: '找不到文件或文件夹' }] });
      continue;
    }
    if (st.isDirectory()) {
      for await (const w of walk(abs)) {
        if ('file' in w) add(w.file, shown(input, w.file));
        else leftOut.push({ file: posix(shown(input, w.skipped)), reason: 'unreadable', messages: [{ code: 'FILE_UNREADABLE', severity: 'error', message: `无法读取文件:${w.reason}` }] });
      }
    } else if (notAFile(st) !== null) {
      leftOut.push({ file: posix(input), reason: 'unreadable', messages: [{ code: 'FILE_UNREADABLE', severity: 'error', message: `无法读取文件:${notAFile(st)}` }] });
    } else if (!hasEvidenceExtension(abs)) {
      leftOut.push({
        file: posix(input),
        reason: 'unreadable',
        messages: [{ code: 'FILE_UNREADABLE', severity: 'error', message: `只接受 ${EVIDENCE_EXTENSIONS.join('、')} 证据文件` }],
      });
    } else add(abs, shown(input, abs));
  }
  files.sort(compareCodes);
  return { files, leftOut };
}
