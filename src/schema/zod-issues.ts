// Shape validation: run a zod schema over a parsed source and turn every issue into a positioned Chinese Diagnostic.
import type * as z from 'zod';
import { makeDiagnostic, type Diagnostic, type PathSegment, type Result } from '../diagnostics/diagnostic.js';
import { positionDiagnostic } from '../diagnostics/locate.js';
import { closestMatch, didYouMean } from '../diagnostics/suggest.js';
import type { SourceFile } from '../load/parse-source.js';
import { isMap, isScalar } from 'yaml';
import { describeNonFinite } from '../diagnostics/codes.js';

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  boolean: '布尔值(true/false)',
  array: '列表',
  object: '映射(键: 值)',
  null: '空值',
  undefined: '空',
  int: '整数',
  nan: '非数字',
  record: '映射(键: 值)',
};

const PATTERN_MESSAGES: Record<string, string> = {
  ID_PATTERN: '编号只能包含文字、数字、下划线、点和横线,且不能以点或横线开头',
  FACT_ID_PATTERN: '事实/参数编号只能使用英文字母、数字和下划线,且不能以数字开头',
  DATE_PATTERN: '日期格式应为 YYYY-MM-DD,例如 2017-06-30',
  DATE_IMPOSSIBLE: '日期不存在:月份应为 01–12,日不能超过当月的天数',
  FACTOR_PATTERN: '系数应写成数字或分数,例如 "4/3"',
  REASON_REQUIRED: '必须写明理由',
  TOO_MANY_ENTRIES: '条目过多(超过上限)',
};

/** Keys whose value is a node id: an unquoted number there (YAML reads `1.10` as 1.1) gets ID_NOT_STRING.
 *  set … before are the node references of `overrides` in a rubric that `extends` another. */
const ID_KEYS = new Set(['id', 'node', 'target', 'set', 'remove', 'move', 'to', 'under', 'after', 'before', 'replace']);

function typeName(t: unknown): string {
  return TYPE_NAMES[String(t)] ?? String(t);
}

function describe(value: unknown): string {
  if (value === undefined) return '(缺失)';
  if (typeof value === 'number' && !Number.isFinite(value)) return describeNonFinite(value);
  if (value === null) return '空值';
  if (Array.isArray(value)) return '列表';
  if (typeof value === 'object') return '映射';
  return `${typeName(typeof value)} ${JSON.stringify(value)}`;
}

function getAt(data: unknown, path: readonly PathSegment[]): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** Weight of a union branch's issues: the branch that explains the input with the fewest complaints wins. */
function branchCost(issues: readonly Issue[]): number {
  let cost = 0;
  for (const i of issues) cost += i.code === 'unrecognized_keys' ? 2 * i.keys.length : i.code === 'invalid_union' ? 1 : 1;
  return cost;
}

function flatten(issue: Issue, base: readonly PathSegment[], out: Array<{ issue: Issue; path: PathSegment[] }>): void {
  const path = [...base, ...(issue.path as PathSegment[])];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    let best = issue.errors[0]!;
    for (const b of issue.errors) if (branchCost(b) < branchCost(best)) best = b;
    for (const sub of best) flatten(sub, path, out);
    return;
  }
  out.push({ issue, path });
}

interface IssueContext {
  /** Allowed keys of each object that had an unknown key (every branch's keys when a union was tried). */
  knownKeys: WeakMap<object, Set<string>>;
  /** Paths of required keys that an unknown key nearby is a typo of (`titel` → title): reported once, as UNKNOWN_KEY. */
  typoTargets: Set<string>;
}

function knownKeysAt(src: SourceFile, path: readonly PathSegment[], ctx: IssueContext): string[] {
  const input = getAt(src.data, path);
  return input !== null && typeof input === 'object' ? [...(ctx.knownKeys.get(input) ?? [])] : [];
}

/** The YAML source text of a scalar (`2024.1` as written, not as read). */
function rawSource(src: SourceFile, path: readonly PathSegment[], value: unknown): string {
  const node = src.doc.getIn(path, true);
  return isScalar(node) && typeof node.source === 'string' ? node.source : String(value);
}

/**
 * An "unknown key" that is really the tail of a text cut by an ASCII comma inside `{ }`
 * (`{ reason: 台账完整,个别件不规范, by: … }` reads `个别件不规范` as a key): the advice to quote the whole text.
 */
function commaSplitHint(src: SourceFile, path: readonly PathSegment[], key: string): string | undefined {
  const map = path.length === 0 ? src.doc.contents : src.doc.getIn(path, true);
  if (!isMap(map) || !map.flow) return undefined;
  const i = map.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
  const pair = map.items[i];
  const prev = map.items[i - 1];
  if (!pair || pair.value !== null || !prev || !isScalar(prev.key) || !isScalar(prev.value) || typeof prev.value.value !== 'string') return undefined;
  return `花括号里的英文逗号把文字截断了:请给整段文字加引号,写成 ${String(prev.key.value)}: "${prev.value.value},${key}"`;
}

function messageFor(src: SourceFile, issue: Issue, path: PathSegment[], ctx: IssueContext): Diagnostic[] {
  const input = getAt(src.data, path);
  const last = path[path.length - 1];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(src, path, ctx);
      return issue.keys.map((key) => {
        const hint = commaSplitHint(src, path, key) ?? didYouMean(key, known) ?? (known.length ? `允许的字段:${known.join('、')}` : undefined);
        const d = makeDiagnostic('UNKNOWN_KEY', { actual: key, path: [...path, key], ...(hint ? { hint } : {}) });
        return positionDiagnostic(src, d, [...path, key], true);
      });
    }
    case 'invalid_type': {
      if (path.length === 0) {
        const reason = input === null || input === undefined ? '文件内容为空(或只有注释)' : `文件顶层应为"键: 值"形式的映射,实际为${describe(input)}`;
        return [positionDiagnostic(src, makeDiagnostic('SCHEMA_INVALID', { reason, path }), path)];
      }
      if (input === undefined) {
        if (ctx.typoTargets.has(JSON.stringify(path))) return [];
        const d = makeDiagnostic('SCHEMA_INVALID', { reason: `缺少必填字段 "${String(last)}"(应为${typeName(issue.expected)})`, path });
        return [positionDiagnostic(src, d, path)];
      }
      if (typeof input === 'number' && issue.expected === 'string' && typeof last === 'string' && ID_KEYS.has(last)) {
        const raw = rawSource(src, path, input);
        const hint = raw !== String(input) ? `YAML 会把不带引号的 ${raw} 读成数字 ${input}` : '编号一律加引号,以免 1.10 这样的编号被读成数字 1.1';
        const d = makeDiagnostic('ID_NOT_STRING', { actual: raw, expected: raw, path, hint });
        return [positionDiagnostic(src, d, path)];
      }
      // A version such as 2024.1 or a number meant as text: quoting keeps it exactly as written.
      const hint = typeof input === 'number' && issue.expected === 'string' ? `请加上引号,写成 "${rawSource(src, path, input)}"` : undefined;
      const d = makeDiagnostic('SCHEMA_INVALID', { reason: `"${String(last)}" 应为${typeName(issue.expected)},实际为${describe(input)}`, path, ...(hint ? { hint } : {}) });
      return [positionDiagnostic(src, d, path)];
    }
    case 'invalid_value': {
      const opts = issue.values.map((v) => JSON.stringify(v));
      const hint = typeof input === 'string' ? didYouMean(input, issue.values.map(String)) : undefined;
      const d = makeDiagnostic('SCHEMA_INVALID', { reason: `"${String(last)}" 的值 ${describe(input)} 无效,应为以下之一:${opts.join('、')}`, path, ...(hint ? { hint } : {}) });
      return [positionDiagnostic(src, d, path)];
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        const hint = typeof input === 'string' ? didYouMean(input, options.map(String)) : undefined;
        const d = makeDiagnostic('SCHEMA_INVALID', {
          reason: `"${String(last)}" 的值 ${describe(input)} 无效,应为以下之一:${options.map((o) => JSON.stringify(o)).join('、')}`,
          path,
          ...(hint ? { hint } : {}),
        });
        return [positionDiagnostic(src, d, path)];
      }
      const d = makeDiagnostic('SCHEMA_INVALID', { reason: `"${String(last ?? '文档')}" 的写法不符合任何一种允许的格式`, path });
      return [positionDiagnostic(src, d, path)];
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = small ? issue.minimum : issue.maximum;
      const inclusive = issue.inclusive !== false;
      let reason: string;
      if (issue.origin === 'array') reason = small ? `"${String(last)}" 至少需要 ${bound} 项` : `"${String(last)}" 最多允许 ${bound} 项`;
      else if (issue.origin === 'string') reason = small ? (Number(bound) <= 1 ? `"${String(last)}" 不能为空` : `"${String(last)}" 至少 ${bound} 个字符`) : `"${String(last)}" 最多 ${bound} 个字符`;
      else reason = `"${String(last)}" 的值 ${describe(input)} ${small ? (inclusive ? '不能小于' : '必须大于') : inclusive ? '不能大于' : '必须小于'} ${bound}`;
      return [positionDiagnostic(src, makeDiagnostic('SCHEMA_INVALID', { reason, path }), path)];
    }
    case 'invalid_format': {
      const reason = PATTERN_MESSAGES[issue.message] ?? `"${String(last)}" 的格式不正确`;
      return [positionDiagnostic(src, makeDiagnostic('SCHEMA_INVALID', { reason: `${reason}(实际为 ${describe(input)})`, path }), path)];
    }
    case 'invalid_key': {
      const key = last;
      const sub = issue.issues[0];
      const reason = sub && sub.code === 'invalid_format' ? PATTERN_MESSAGES[sub.message] ?? '键名格式不正确' : '键名格式不正确';
      return [positionDiagnostic(src, makeDiagnostic('SCHEMA_INVALID', { reason: `键名 "${String(key)}" 无效:${reason}`, path }), path, true)];
    }
    default: {
      const known = PATTERN_MESSAGES[issue.message];
      const reason = known ? (issue.message === 'DATE_IMPOSSIBLE' ? `${known}(实际为 ${describe(input)})` : known) : `"${String(last ?? '文档')}" 的值无效`;
      return [positionDiagnostic(src, makeDiagnostic('SCHEMA_INVALID', { reason, path }), path)];
    }
  }
}

/** Validate the shape of `src.data` against `schema`; every issue becomes a positioned diagnostic. */
export function parseWithSchema<S extends z.ZodType>(schema: S, src: SourceFile): Result<z.output<S>> {
  const ctx: IssueContext = { knownKeys: new WeakMap(), typoTargets: new Set() };
  const result = schema.safeParse(src.data, {
    error: (iss) => {
      // Collect the allowed keys of each strict object that saw an unknown key, for "did you mean". Keyed by the input
      // object itself: issue paths are not final yet here, and each branch of a union adds its own keys.
      if (iss.code === 'unrecognized_keys' && iss.input !== null && typeof iss.input === 'object') {
        const shape = (iss.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
        if (shape) {
          const keys = ctx.knownKeys.get(iss.input) ?? new Set<string>();
          for (const k of Object.keys(shape)) keys.add(k);
          ctx.knownKeys.set(iss.input, keys);
        }
      }
      return undefined;
    },
  });
  if (result.success) return { ok: true, value: result.data, diagnostics: [] };
  const flat: Array<{ issue: Issue; path: PathSegment[] }> = [];
  for (const issue of result.error.issues) flatten(issue, [], flat);
  for (const { issue, path } of flat) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = knownKeysAt(src, path, ctx);
    for (const key of issue.keys) {
      const meant = closestMatch(key, known);
      if (meant !== undefined) ctx.typoTargets.add(JSON.stringify([...path, meant]));
    }
  }
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const { issue, path } of flat) {
    for (const d of messageFor(src, issue, path, ctx)) {
      const key = `${d.line}:${d.column}:${d.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        diagnostics.push(d);
      }
    }
  }
  return { ok: false, diagnostics };
}
