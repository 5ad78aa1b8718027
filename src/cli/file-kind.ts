// What a YAML/JSON file looks like from its top-level keys, to answer a swapped argument (`score 细则.yaml
// --rubric 证据.yaml`) with one line instead of a wall of schema errors. Only the first 256 KiB are looked at,
// and only key names at the start of a line (no parsing of untrusted content).
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';

export type FileKind = 'rubric' | 'evidence' | 'review' | 'unknown';

const SNIFF_BYTES = 256 * 1024;

/** Classify by top-level keys: a rubric has `nodes`, evidence has `facts`/`claims` with `agency`, a review has `decisions`-like keys with `agency` and no facts. */
export function kindOfText(text: string): FileKind {
  const keys = new Set<string>();
  for (const m of text.matchAll(/^(?:"([A-Za-z_]+)"|([A-Za-z_]+))\s*:/gm)) keys.add(m[1] ?? m[2]!);
  // JSON: "key": at any indentation of the first level is hard to tell without parsing; look for the quoted names.
  for (const k of ['nodes', 'facts', 'claims', 'agency', 'scoring', 'grades']) if (new RegExp(`"${k}"\\s*:`).test(text)) keys.add(k);
  if (keys.has('nodes')) return 'rubric';
  if (keys.has('agency') && (keys.has('facts') || keys.has('claims') || keys.has('evidence'))) return 'evidence';
  return 'unknown';
}

export async function kindOfFile(cwd: string, file: string): Promise<FileKind> {
  try {
    const fh = await open(resolve(cwd, file), 'r');
    try {
      const buf = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
      return kindOfText(buf.subarray(0, bytesRead).toString('utf8'));
    } finally {
      await fh.close();
    }
  } catch {
    return 'unknown';
  }
}

export const KIND_TEXT: Record<FileKind, string> = { rubric: '考核评价细则', evidence: '单位的证据文件', review: '评审文件', unknown: '未知文件' };
