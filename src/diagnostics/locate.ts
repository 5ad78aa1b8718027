// Map a data path to file:line:column in the YAML source, and print code frames.
import { isCollection, isScalar, type Node as YamlNode } from 'yaml';
import type { SourceFile } from '../load/parse-source.js';
import type { Diagnostic, PathSegment } from './diagnostic.js';

/** The YAML node at `path`, or the nearest existing ancestor (a missing required key points at its parent). */
export function findNode(src: SourceFile, path: readonly PathSegment[]): { node: YamlNode | null; exact: boolean } {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? (src.doc.contents as YamlNode | null) : (src.doc.getIn(path.slice(0, n), true) as YamlNode | undefined);
    if (node && (isCollection(node) || isScalar(node) || (node as { range?: unknown }).range)) return { node, exact: n === path.length };
  }
  return { node: null, exact: false };
}

/** The key node of the last path segment, when the path ends at a map entry (points at `key:` rather than the value). */
export function locate(src: SourceFile, path: readonly PathSegment[], preferKey = false): { line: number; column: number } {
  if (preferKey && path.length > 0) {
    const parent = src.doc.getIn(path.slice(0, -1), true) as YamlNode | undefined;
    const last = path[path.length - 1];
    if (parent && isCollection(parent) && typeof last === 'string') {
      for (const item of parent.items as Array<{ key?: unknown }>) {
        const key = item.key;
        if (isScalar(key) && key.value === last && key.range) {
          const p = src.lineCounter.linePos(key.range[0]);
          return { line: p.line, column: p.col };
        }
      }
    }
  }
  const { node } = findNode(src, path);
  const offset = node?.range?.[0] ?? 0;
  const p = src.lineCounter.linePos(offset);
  return { line: p.line, column: p.col };
}

/** Attach file/line/column to a diagnostic from its path array. */
export function positionDiagnostic(src: SourceFile, d: Diagnostic, path: readonly PathSegment[], preferKey = false): Diagnostic {
  const { line, column } = locate(src, path, preferKey);
  return { ...d, file: src.file, line, column };
}

/** A source line with a caret under the column, for human output. */
export function codeFrame(text: string, line: number, column: number): string {
  const lines = text.split(/\r?\n/);
  const src = lines[line - 1];
  if (src === undefined) return '';
  const gutter = String(line).length;
  const shown = src.length > 160 ? src.slice(0, 160) + '…' : src;
  const caretPad = [...shown.slice(0, Math.max(0, column - 1))].map((ch) => (/[\u1100-\uffff]/.test(ch) ? '  ' : ch === '\t' ? '\t' : ' ')).join('');
  return `  ${String(line).padStart(gutter)} | ${shown}\n  ${' '.repeat(gutter)} | ${caretPad}^`;
}
