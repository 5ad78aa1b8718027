// Turn the command line's files and folders into the list of evidence files to score. Folders are walked
// recursively (streamed with opendir; hidden entries and node_modules skipped, links to files followed), keeping only .yaml/.yml/.json;
// the rubric files themselves are left out. A path that does not exist, or a named file of another type, is
// reported and left out. Only file *names* are held here; contents are read one at a time by the scorer.
import { opendir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { LeftOutFile } from './compare-report.js';
import { compareCodes } from './ranking.js';

export const EVIDENCE_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

export interface CollectedInputs {
  /** Evidence files as shown to users (relative to cwd when given relatively; forward slashes), sorted. */
  files: string[];
  /** Inputs that cannot be used at all. */
  leftOut: LeftOutFile[];
}

const hasEvidenceExtension = (name: string): boolean => EVIDENCE_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e));
const posix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));

async function* walk(dir: string): AsyncGenerator<string> {
  const handle = await opendir(dir);
  for await (const entry of handle) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (!hasEvidenceExtension(entry.name)) continue;
    else if (entry.isFile()) yield full;
    // A symbolic link counts when it points at a file (links to folders are not followed: no cycles).
    else if (entry.isSymbolicLink() && (await stat(full).catch(() => null))?.isFile()) yield full;
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
      for await (const f of walk(abs)) add(f, shown(input, f));
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
