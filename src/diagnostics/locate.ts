// Map a data path to file:line:column in the YAML source, and print code frames.
import { isCollection, isMap, isPair, isScalar, isSeq, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { SourceFile } from '../load/parse-source.js';
import { toDotPath, type Diagnostic, type PathSegment } from './diagnostic.js';

/**
 * Each YAML map's pairs by key (the key's string form: data keys are strings even where YAML has a number,
 * `claims: {1: 3}`), built once per map on first lookup. Locating thousands of diagnostics in one map — 30,000
 * unknown keys — would otherwise rescan the map for each (quadratic).
 */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, seg: PathSegment): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const k = String(pair.key.value);
      if (!index.has(k)) index.set(k, pair as Pair);
    }
    pairIndex.set(map, index);
  }
  return index.get(String(seg));
}

/** The YAML node at exactly `path` (unlike `doc.getIn`, a number key matches its string form), or undefined. */
function nodeAt(src: SourceFile, path: readonly PathSegment[]): YamlNode | undefined {
  let cur: unknown = src.doc.contents;
  for (const seg of path) {
    if (isMap(cur)) cur = pairOf(cur, seg)?.value;
    else if (isSeq(cur) && typeof seg === 'number') cur = cur.items[seg];
    else return undefined;
    if (cur === null || cur === undefined) return undefined;
  }
  return cur as YamlNode;
}

/** The YAML node at `path`, or the nearest existing ancestor (a missing required key points at its parent). */
export function findNode(src: SourceFile, path: readonly PathSegment[]): { node: YamlNode | null; exact: boolean } {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? (src.doc.contents as YamlNode | null) : nodeAt(src, path.slice(0, n));
    if (node && (isCollection(node) || isScalar(node) || (node as { range?: unknown }).range)) return { node, exact: n === path.length };
  }
  return { node: null, exact: false };
}

/** The key node of the last path segment, when the path ends at a map entry (points at `key:` rather than the value). */
export function locate(src: SourceFile, path: readonly PathSegment[], preferKey = false): { line: number; column: number } {
  if (preferKey && path.length > 0) {
    const parent = path.length === 1 ? (src.doc.contents as YamlNode | null) : nodeAt(src, path.slice(0, -1));
    const last = path[path.length - 1];
    if (parent && isMap(parent) && typeof last === 'string') {
      const key = pairOf(parent, last)?.key;
      if (isScalar(key) && key.range) {
        const p = src.lineCounter.linePos(key.range[0]);
        return { line: p.line, column: p.col };
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
  const moved = src.relocate?.(path);
  if (moved) return relocatedDiagnostic(src, moved, d, path, preferKey);
  const { line, column } = locate(src, path, preferKey);
  return { ...d, file: src.file, line, column };
}

/** Line start offsets of the last text framed: framing many diagnostics of one file indexes it once, not per frame. */
let indexed: { text: string; starts: number[] } | null = null;

function lineStarts(text: string): number[] {
  if (indexed?.text !== text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    indexed = { text, starts };
  }
  return indexed.starts;
}

/** Line `line` (1-based) of `text` without its line break, or undefined. */
function sourceLine(text: string, line: number): string | undefined {
  const starts = lineStarts(text);
  const start = starts[line - 1];
  if (start === undefined) return undefined;
  const next = starts[line];
  const end = next === undefined ? text.length : next - 1;
  return text.slice(start, end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
}

/** A source line with a caret under the column, for human output. */
export function codeFrame(text: string, line: number, column: number): string {
  const src = sourceLine(text, line);
  if (src === undefined) return '';
  const gutter = String(line).length;
  // A long line is shown as a 160-character window that contains the column (a 2 MiB one-line list points far right).
  const start = column - 1 > 140 ? column - 1 - 80 : 0;
  const body = src.slice(start, start + 160);
  const shown = (start > 0 ? '…' : '') + body + (src.length > start + 160 ? '…' : '');
  const before = (start > 0 ? '…' : '') + src.slice(start, Math.max(start, column - 1));
  const caretPad = [...before].map((ch) => (/[\u1100-\uffff]/.test(ch) ? '  ' : ch === '\t' ? '\t' : ' ')).join('');
  return `  ${String(line).padStart(gutter)} | ${shown}\n  ${' '.repeat(gutter)} | ${caretPad}^`;
}

/** A resolved (`extends`) rubric: position in the file that caused the value, and rewrite the dotted path to it. */
function relocatedDiagnostic(
  src: SourceFile,
  moved: { src: SourceFile; path: PathSegment[] },
  d: Diagnostic,
  path: readonly PathSegment[],
  preferKey: boolean,
): Diagnostic {
  const out = positionDiagnostic(moved.src, d, moved.path, preferKey);
  if (d.path !== undefined) {
    // The diagnostic's own path is usually the positioning path or a prefix of it.
    for (let n = path.length; n >= 0; n--) {
      if (toDotPath(path.slice(0, n)) !== d.path) continue;
      const p = src.relocate?.(path.slice(0, n));
      out.path = toDotPath(p && p.src === moved.src ? p.path : moved.path);
      break;
    }
  }
  return out;
}
