// Follow `extends` from a rubric to its root ancestor, reading each parent through a caller-supplied reader
// (the only I/O, injected: loadRubric passes readSource; parseRubric may pass an in-memory reader).
// Input: the child SourceFile. Output: the chain, child first, or diagnostics (cycle, depth, unreadable parent).
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { makeDiagnostic, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { positionDiagnostic } from '../diagnostics/locate.js';
import type { SourceFile } from '../load/parse-source.js';

/** A rubric file reader: a display name (as it should appear in diagnostics) → parsed source. */
export type SourceReader = (file: string) => Result<SourceFile>;
export type AsyncSourceReader = (file: string) => Promise<Result<SourceFile>>;

/** Most parents a chain may have (2019 ← 2018 ← 2017 … is realistic; deeper is almost surely a mistake). */
export const MAX_EXTENDS_DEPTH = 8;

/** Codes a reader returns when the file itself could not be read (no position inside it). */
const READ_FAILURES = new Set(['FILE_NOT_FOUND', 'FILE_UNREADABLE', 'FILE_TOO_LARGE']);

/** The `extends` value of a parsed source, or null when it extends nothing. */
export function extendsOf(src: SourceFile): unknown {
  const d = src.data;
  if (d === null || typeof d !== 'object' || Array.isArray(d) || !Object.prototype.hasOwnProperty.call(d, 'extends')) return null;
  return (d as Record<string, unknown>).extends;
}

/** Whether a parsed rubric declares `extends` (and so must be resolved before validation). */
export function hasExtends(src: SourceFile): boolean {
  return extendsOf(src) !== null;
}

/** The parent's display name: `extends` is relative to the extending file's directory. */
export function parentFileName(childFile: string, target: string): string {
  return normalize(isAbsolute(target) ? target : join(dirname(childFile), target));
}

function at(src: SourceFile, d: Diagnostic): Diagnostic {
  return positionDiagnostic(src, d, ['extends']);
}

/** The chain walk as a generator: yields a file name to read, receives its parse result. Shared by sync and async. */
function* walkChain(start: SourceFile): Generator<string, Result<SourceFile[]>, Result<SourceFile>> {
  const chain: SourceFile[] = [start];
  const seen = [normalize(start.file)];
  for (let cur = start; ; ) {
    const target = extendsOf(cur);
    if (target === null) return { ok: true, value: chain, diagnostics: [] };
    if (typeof target !== 'string' || target.trim() === '') {
      const d = makeDiagnostic('SCHEMA_INVALID', { file: cur.file, reason: 'extends 应写被继承细则文件的相对路径,例如 ./etuokeqianqi-2017.yaml', path: ['extends'] });
      return { ok: false, diagnostics: [at(cur, d)] };
    }
    const parent = parentFileName(cur.file, target);
    if (seen.includes(parent)) {
      const loop = [...seen.slice(seen.indexOf(parent)), parent].join(' → ');
      return { ok: false, diagnostics: [at(cur, makeDiagnostic('EXTENDS_CYCLE', { actual: loop, path: ['extends'], hint: '请删除其中一处 extends,使继承关系成为一条链' }))] };
    }
    if (chain.length > MAX_EXTENDS_DEPTH) {
      return { ok: false, diagnostics: [at(cur, makeDiagnostic('EXTENDS_TOO_DEEP', { expected: MAX_EXTENDS_DEPTH, actual: [...seen, parent].join(' → '), path: ['extends'] }))] };
    }
    if (!/\.ya?ml$/i.test(parent)) {
      // Never read (nor frame in an error) a file that cannot be a rubric: `extends: /etc/passwd` would print its lines.
      const d = makeDiagnostic('EXTENDS_UNREADABLE', { actual: target, reason: '只能继承 .yaml 或 .yml 细则文件', path: ['extends'] });
      return { ok: false, diagnostics: [at(cur, d)] };
    }
    const read: Result<SourceFile> = yield parent;
    if (!read.ok) {
      const failure = read.diagnostics.find((d) => READ_FAILURES.has(d.code));
      if (failure) {
        const d = makeDiagnostic('EXTENDS_UNREADABLE', { actual: target, reason: `${parent}:${failure.message}`, path: ['extends'], hint: '路径相对于当前细则文件所在目录' });
        return { ok: false, diagnostics: [at(cur, d)] };
      }
      // The parent exists but is malformed: its own diagnostics point into it.
      return read;
    }
    chain.push(read.value);
    seen.push(parent);
    cur = read.value;
  }
}

/** Collect the chain with a synchronous reader. */
export function collectChainSync(start: SourceFile, read: SourceReader): Result<SourceFile[]> {
  const g = walkChain(start);
  let step = g.next();
  while (!step.done) step = g.next(read(step.value));
  return step.value;
}

/** Collect the chain with an asynchronous reader (files on disk). */
export async function collectChain(start: SourceFile, read: AsyncSourceReader): Promise<Result<SourceFile[]>> {
  const g = walkChain(start);
  let step = g.next();
  while (!step.done) step = g.next(await read(step.value));
  return step.value;
}
