// Parse YAML/JSON text into a positioned document, refusing what could crash or poison the process.
// Input: file name + text. Output: SourceFile (data, yaml Document, LineCounter) or diagnostics. No I/O here.
import { Document, isAlias, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, parseDocument, YAMLParseError, type YAMLError } from 'yaml';
import { findControlChar } from '../diagnostics/control-chars.js';
import { makeDiagnostic, type Diagnostic, type PathSegment, type Result } from '../diagnostics/diagnostic.js';

export const LIMITS = {
  /** Rubrics and evidence files are small; 2 MiB leaves room for a 500-row 统计表. */
  maxBytes: 2 * 1024 * 1024,
  /** Deepest nesting accepted (flow + block). A rubric tree 8 levels deep is ~40 YAML levels. */
  maxDepth: 64,
  /**
   * Values in one document — every key, scalar, list item and collection counts one. The largest rubric here has
   * ~3,000; a 500-row 统计表 with its citations stays far below. 100,000 composes in about a second; the 2 MiB
   * million-item list that took 19 s and 1 GB is refused after lexing a tenth of it.
   */
  maxItems: 100_000,
  /** Characters in one value (a title, a reason, a list item, a block of text). */
  maxValueChars: 100_000,
};

export interface SourceFile {
  file: string;
  text: string;
  data: unknown;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /**
   * Set only on a rubric resolved from `extends` layers (src/extends): maps a path in `data` to the file and path
   * that caused it, so diagnostics point at the parent or the child file. Absent for ordinary files.
   */
  relocate?: (path: readonly PathSegment[]) => { src: SourceFile; path: PathSegment[] } | undefined;
}

/** Keys refused anywhere in input (prototype pollution); the JSON fast path uses the same set. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** What the pre-scan refuses before yaml builds a node per item. */
export type PrescanProblem =
  | { kind: 'deep'; offset: number }
  | { kind: 'many'; offset: number; count: number }
  | { kind: 'long'; offset: number; length: number };

/**
 * One pass of yaml's own Lexer before composing, refusing what would cost the composer memory and time out of
 * proportion to the file: nesting beyond `maxDepth` (flow brackets one level each, block indentation one level per
 * indent step and per `- ` / `? ` indicator on a line), more than `maxItems` values in the document (a 2 MiB flow
 * list `[1,1,1,…]` holds a million, which took 19 s and 1 GB to compose), or one value longer than `maxValueChars`.
 * Stops at the first problem, so a hostile file is refused after lexing only as far as the limit.
 */
export function prescanSource(text: string, limits: typeof LIMITS = LIMITS): PrescanProblem | null {
  let flow = 0;
  let offset = 0;
  let lineIndicators = 0;
  let atLineStart = true;
  let indent = 0;
  let items = 0;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    const first = token[0];
    if (token === '[' || token === '{') {
      flow++;
      items++;
    } else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
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
      items++;
      atLineStart = false;
    } else if (first !== '\u0002' && first !== '\u001f' && first !== '\u0018') {
      atLineStart = false;
    }
    // A value: the token after a scalar marker (plain and block scalars), or a quoted scalar.
    const isValue = scalarNext || first === '"' || first === "'";
    scalarNext = token === '\u001f';
    if (token === '\u001f') items++;
    else if (first === '"' || first === "'") items++;
    if (isValue && token.length > limits.maxValueChars) return { kind: 'long', offset, length: token.length };
    if (items > limits.maxItems) return { kind: 'many', offset, count: items };
    // Each block level needs at least one column of indent; two-space style gives indent/2 levels.
    const depth = flow + Math.ceil(indent / 2) + lineIndicators;
    if (depth > limits.maxDepth || indent > limits.maxDepth * 8) return { kind: 'deep', offset };
    // The lexer adds one-character control tokens (document, scalar and flow markers) not present in the source.
    if (!(token.length === 1 && token.charCodeAt(0) < 0x20 && token !== '\n' && token !== '\r' && token !== '\t')) offset += token.length;
  }
  return null;
}

/** Offset where nesting passes `maxDepth`, or -1 (the depth part of prescanSource). */
export function findExcessiveNesting(text: string, maxDepth = LIMITS.maxDepth): number {
  const p = prescanSource(text, { ...LIMITS, maxDepth, maxItems: Infinity, maxValueChars: Infinity });
  return p?.kind === 'deep' ? p.offset : -1;
}

/** A parser exception (not a reported error): said in Chinese; yaml's English message is not shown to users. */
function parserFailure(err: unknown): string {
  return err instanceof RangeError ? '结构过于复杂(嵌套或重复过深),无法解析' : '文件结构异常,无法解析';
}

/** yaml's (English) error → the Chinese reason users read; the original is kept only where no translation fits. */
function yamlReason(e: YAMLError, text: string): string {
  const first = e.message.split('\n')[0]!;
  const at = text.slice(e.pos[0], e.pos[1]).split('\n')[0]!.trim();
  const close = first.match(/end with an? (\S)$/)?.[1];
  if (close) return `括号没有闭合:缺少 "${close}"(或此处缩进不够)`;
  switch (e.code) {
    case 'DUPLICATE_KEY': {
      // The error covers the key's first character only: read the key up to its colon.
      const key = text.slice(e.pos[0]).match(/^("[^"\n]*"|'[^'\n]*'|[^:\n]*?)\s*:/)?.[1] ?? at;
      return `同一层级出现重复的键${key ? ` ${key.startsWith('"') || key.startsWith("'") ? key : `"${key}"`}` : ''}`;
    }
    case 'TAB_AS_INDENT':
      return '不能用 Tab 键缩进,请改用空格';
    case 'BAD_INDENT':
      return '缩进不一致:同一层级的各项必须从同一列开始';
    case 'MULTILINE_IMPLICIT_KEY':
      return '键名不能跨行:请检查缩进,是否漏写了冒号 ":",或冒号后面漏了空格';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return '此处不能开始新的"键: 值":请检查本行与下一行的缩进是否一致;值里含冒号时请给整个值加引号';
    case 'BLOCK_IN_FLOW':
      return '花括号 { } 或方括号 [ ] 里的各项须用英文逗号 "," 分隔';
    case 'BAD_SCALAR_START':
      return `值不能以 "${at}" 开头:请给整个值加引号`;
    case 'MULTIPLE_DOCS':
      return '一个文件只能有一份文档(不能出现第二个 "---")';
    case 'TAG_RESOLVE_FAILED':
      return `不能使用 YAML 标签 ${at || first}(以 ! 开头的写法)`;
    case 'MISSING_CHAR':
      if (/quote/.test(first)) return '引号没有闭合';
      if (/followed by map values/.test(first)) return '键名后缺少冒号 ":"';
      if (/^Missing ,/.test(first)) return '缺少英文逗号 ","';
      if (/space after :/.test(first)) return '冒号 ":" 后面须有空格';
      return '缺少必要的符号(引号、括号、冒号或逗号)';
    default:
      // yaml's own wording is English; users get the Chinese advice that fits every remaining case.
      return '此处的写法无法解析:请检查引号、括号是否成对,冒号后是否有空格,缩进是否一致';
  }
}

/**
 * Duplicate keys, as yaml's DUPLICATE_KEY errors (same offset and code, so the message is the same), in linear time:
 * keys are equal when their scalar values are identical — `1` and `"1"` differ, as in yaml.
 */
function findDuplicateKeys(root: unknown): YAMLError[] {
  const found: YAMLError[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        if (isScalar(key)) {
          if (seen.has(key.value)) {
            const at = key.range?.[0] ?? 0;
            found.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          } else seen.add(key.value);
        } else if (key) stack.push(key);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  return found;
}

interface KeyProblem {
  code: 'PROTOTYPE_KEY' | 'ID_NOT_STRING' | 'YAML_SYNTAX' | 'NUMBER_UNSAFE' | 'CONTROL_CHARACTER';
  offset: number;
  path: PathSegment[];
  data: { actual?: string; expected?: string | number; reason?: string; hint?: string };
}

/**
 * Control characters in any text (names, titles, reasons, keys): refused, because an agency's ESC sequences or BEL
 * would reach an officer's terminal (src/diagnostics/control-chars.ts). Tab and line feed stay allowed.
 */
function controlProblem(text: string, offset: number, path: PathSegment[]): KeyProblem | null {
  const c = findControlChar(text);
  return c ? { code: 'CONTROL_CHARACTER', offset, path, data: { actual: c.name, expected: c.position } } : null;
}

/**
 * Find what the composed document must not contain: prototype keys, anchors/aliases, and numeric keys YAML reads
 * differently from how they are written (`1.10:` becomes the key "1.1" — a claim or judgement for the wrong item).
 */
function walkForKeyProblems(node: unknown, path: PathSegment[], found: KeyProblem[]): void {
  if (isAlias(node)) {
    found.push({ code: 'YAML_SYNTAX', offset: node.range?.[0] ?? 0, path, data: { reason: '不支持锚点和别名(& 与 *),请把内容直接写出来' } });
  } else if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key;
      const name = isScalar(key) ? String(key.value) : '';
      const at = [...path, name];
      const keyControl = isScalar(key) && typeof key.value === 'string' ? controlProblem(key.value, key.range?.[0] ?? 0, at) : null;
      if (keyControl) found.push(keyControl);
      else if (isScalar(key) && typeof key.value === 'string' && FORBIDDEN_KEYS.has(key.value)) {
        found.push({ code: 'PROTOTYPE_KEY', offset: key.range?.[0] ?? 0, path: at, data: { actual: key.value } });
      } else if (isScalar(key) && typeof key.value === 'number' && typeof key.source === 'string' && key.source.trim() !== name) {
        const raw = key.source.trim();
        const hint = `YAML 会把不带引号的 ${raw} 读成数字 ${name}`;
        found.push({ code: 'ID_NOT_STRING', offset: key.range?.[0] ?? 0, path: at, data: { actual: raw, expected: raw, hint } });
      } else if (isAlias(key)) walkForKeyProblems(key, path, found);
      walkForKeyProblems(pair.value, at, found);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walkForKeyProblems(item, [...path, i], found));
  } else if (isScalar(node) && typeof node.value === 'string') {
    const p = controlProblem(node.value, node.range?.[0] ?? 0, path);
    if (p) found.push(p);
  } else if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) && !Number.isSafeInteger(node.value)) {
    // Past 2^53 a number is silently rounded (123456789012345678901234567890 → 1.2345678901234568e+29).
    const raw = typeof node.source === 'string' ? node.source.trim() : String(node.value);
    const reason = `超出可精确计算的范围(绝对值不能超过 ${Number.MAX_SAFE_INTEGER}),读入后会被悄悄改变;请核对数值`;
    found.push({ code: 'NUMBER_UNSAFE', offset: node.range?.[0] ?? 0, path, data: { actual: raw, reason } });
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
  const problem = prescanSource(text);
  if (problem) {
    const before = text.slice(0, problem.offset);
    const line = before.split('\n').length;
    const column = problem.offset - before.lastIndexOf('\n');
    const d =
      problem.kind === 'deep'
        ? makeDiagnostic('NESTING_TOO_DEEP', { file, expected: LIMITS.maxDepth })
        : problem.kind === 'many'
          ? makeDiagnostic('TOO_MANY_ITEMS', { file, reason: '文件中的键和值(字段名、取值、列表项)', expected: LIMITS.maxItems })
          : makeDiagnostic('VALUE_TOO_LONG', { file, actual: problem.length, expected: LIMITS.maxValueChars });
    return { ok: false, diagnostics: [{ ...d, line, column }] };
  }
  let doc: Document.Parsed;
  try {
    // yaml's own uniqueKeys check compares each key with every earlier one (quadratic: 30,000 keys took minutes);
    // duplicates are found below with one Set per map instead.
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: false });
  } catch (err) {
    // The pre-scan should make this unreachable; any parser failure is still bad input, never a crash.
    return { ok: false, diagnostics: [makeDiagnostic('YAML_SYNTAX', { file, reason: parserFailure(err) })] };
  }
  const diagnostics: Diagnostic[] = [];
  // yaml may raise two errors for one mistake at one spot; keep one, preferring a specific one over the
  // generic "implicit keys need to be on a single line".
  const byOffset = new Map<number, YAMLError>();
  for (const e of [...doc.errors, ...findDuplicateKeys(doc.contents)].sort((a, b) => a.pos[0] - b.pos[0])) {
    const prev = byOffset.get(e.pos[0]);
    if (!prev || prev.code === 'MULTILINE_IMPLICIT_KEY') byOffset.set(e.pos[0], e);
  }
  for (const e of byOffset.values()) {
    const { line, column } = position(lineCounter, e.pos[0]);
    diagnostics.push({ ...makeDiagnostic('YAML_SYNTAX', { file, reason: yamlReason(e, text) }), line, column });
  }
  for (const w of doc.warnings) {
    const { line, column } = position(lineCounter, w.pos[0]);
    diagnostics.push({ ...makeDiagnostic('YAML_WARNING', { file, reason: yamlReason(w, text) }), line, column });
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const problems: KeyProblem[] = [];
  walkForKeyProblems(doc.contents, [], problems);
  if (problems.length > 0) {
    return {
      ok: false,
      diagnostics: problems.map((k) => ({ ...makeDiagnostic(k.code, { file, path: k.path, ...k.data }), ...position(lineCounter, k.offset) })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (err) {
    return { ok: false, diagnostics: [makeDiagnostic('YAML_SYNTAX', { file, reason: parserFailure(err) })] };
  }
  return { ok: true, value: { file, text, data, doc, lineCounter }, diagnostics: [] };
}
