// Parse YAML/JSON text into a positioned document, refusing what could crash or poison the process.
// Input: file name + text. Output: SourceFile (data, yaml Document, LineCounter) or diagnostics. No I/O here.
import { Document, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { makeDiagnostic, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';

export const LIMITS = {
  /** Rubrics and evidence files are small; 2 MiB leaves room for a 500-row 统计表. */
  maxBytes: 2 * 1024 * 1024,
  /** Deepest nesting accepted (flow + block). A rubric tree 8 levels deep is ~40 YAML levels. */
  maxDepth: 64,
};

export interface SourceFile {
  file: string;
  text: string;
  data: unknown;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Estimate the nesting depth with yaml's own Lexer, before composing: flow brackets count one level each,
 * block indentation one level per indent step and per `- ` / `? ` indicator on a line.
 * Returns the offset where the limit is passed, or -1.
 */
export function findExcessiveNesting(text: string, maxDepth = LIMITS.maxDepth): number {
  let flow = 0;
  let offset = 0;
  let lineIndicators = 0;
  let atLineStart = true;
  let indent = 0;
  for (const token of new Lexer().lex(text)) {
    const first = token[0];
    if (token === '[' || token === '{') flow++;
    else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
    else if (first === '\n' || first === '\r') {
      atLineStart = true;
      lineIndicators = 0;
      indent = 0;
    } else if (atLineStart && /^ +$/.test(token)) {
      // Only a pure-space token is indentation; block-scalar content also starts with spaces.
      indent = token.length;
      atLineStart = false;
    } else if ((token === '-' || token === '?') && flow === 0) {
      lineIndicators++;
      atLineStart = false;
    } else if (first !== '\u0002' && first !== '\u001f' && first !== '\u0018') {
      atLineStart = false;
    }
    // Each block level needs at least one column of indent; two-space style gives indent/2 levels.
    const depth = flow + Math.ceil(indent / 2) + lineIndicators;
    if (depth > maxDepth || indent > maxDepth * 8) return offset;
    // The lexer adds one-character control tokens (document, scalar and flow markers) not present in the source.
    if (!(token.length === 1 && token.charCodeAt(0) < 0x20 && token !== '\n' && token !== '\r' && token !== '\t')) offset += token.length;
  }
  return -1;
}

function walkForForbiddenKeys(node: unknown, found: YamlNode[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair)) {
        const key = pair.key;
        if (isScalar(key) && typeof key.value === 'string' && FORBIDDEN_KEYS.has(key.value)) found.push(key);
        walkForForbiddenKeys(pair.value, found);
      }
    }
  } else if (isSeq(node)) {
    for (const item of node.items) walkForForbiddenKeys(item, found);
  }
}

function position(lc: LineCounter, offset: number): { line: number; column: number } {
  const p = lc.linePos(offset);
  return { line: p.line, column: p.col };
}

/** Parse text as YAML 1.2 (JSON is accepted as a subset), keeping positions. Never throws for bad input. */
export function parseSource(file: string, text: string): Result<SourceFile> {
  const lineCounter = new LineCounter();
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > LIMITS.maxBytes) {
    return { ok: false, diagnostics: [makeDiagnostic('FILE_TOO_LARGE', { file, actual: bytes, expected: LIMITS.maxBytes })] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const deep = findExcessiveNesting(text);
  if (deep >= 0) {
    const before = text.slice(0, deep);
    const line = before.split('\n').length;
    const column = deep - before.lastIndexOf('\n');
    return { ok: false, diagnostics: [{ ...makeDiagnostic('NESTING_TOO_DEEP', { file, expected: LIMITS.maxDepth }), line, column }] };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false });
  } catch (err) {
    // The pre-scan should make this unreachable; any parser failure is still bad input, never a crash.
    return { ok: false, diagnostics: [makeDiagnostic('YAML_SYNTAX', { file, reason: err instanceof Error ? err.message : String(err) })] };
  }
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    const { line, column } = position(lineCounter, e.pos[0]);
    const reason = e.code === 'DUPLICATE_KEY' ? '同一层级出现重复的键' : e.message.split('\n')[0]!;
    diagnostics.push({ ...makeDiagnostic('YAML_SYNTAX', { file, reason }), line, column });
  }
  for (const w of doc.warnings) {
    const { line, column } = position(lineCounter, w.pos[0]);
    diagnostics.push({ ...makeDiagnostic('YAML_WARNING', { file, reason: w.message.split('\n')[0]! }), line, column });
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const forbidden: YamlNode[] = [];
  walkForForbiddenKeys(doc.contents, forbidden);
  if (forbidden.length > 0) {
    return {
      ok: false,
      diagnostics: forbidden.map((k) => ({
        ...makeDiagnostic('PROTOTYPE_KEY', { file, actual: String((k as { value?: unknown }).value) }),
        ...position(lineCounter, k.range?.[0] ?? 0),
      })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (err) {
    return { ok: false, diagnostics: [makeDiagnostic('YAML_SYNTAX', { file, reason: err instanceof Error ? err.message : String(err) })] };
  }
  return { ok: true, value: { file, text, data, doc, lineCounter }, diagnostics: [] };
}
