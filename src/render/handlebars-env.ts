// The Handlebars environment: isolated (Handlebars.create()), strict (a missing field throws), known helpers only,
// every output escaped ({{{ }}} and {{& }} are refused at load). Templates come only from the built-in templates/
// directory or the user's --template directory — never from a rubric, evidence or report. Each directory's set is
// read and compiled once per process and cached.
import Handlebars from 'handlebars';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RenderError } from './errors.js';
import { safeHref } from './safe-url.js';

/** templates/ of this package. */
export const BUILTIN_TEMPLATE_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The documents a template set renders. */
export type TemplateName = 'sheet' | 'summary' | 'annex';
const TEMPLATE_NAMES: readonly TemplateName[] = ['sheet', 'summary', 'annex'];

const MAX_TEMPLATE_BYTES = 512 * 1024;
const NAME_RE = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Helpers available to templates (documented in the README). None returns a SafeString: their output is escaped
 * like any other value.
 */
export const HELPERS: Record<string, (...args: unknown[]) => unknown> = {
  /** The URL when it is an absolute http(s) URL, else '' — for href attributes in custom templates. */
  safeUrl: (u) => safeHref(u) ?? '',
  /** Join a list with a separator: {{join reasons ";"}}. */
  join: (list, sep) => (Array.isArray(list) ? list.map((x) => String(x)).join(typeof sep === 'string' ? sep : '、') : ''),
  /** Equality for {{#if (eq kind "item")}}. */
  eq: (a, b) => a === b,
  /** Negation for {{#if (not blank)}}. */
  not: (a) => !a || (Array.isArray(a) && a.length === 0),
  /** A fallback for empty text: {{default agency.name "________"}}. */
  default: (v, fallback) => (v === null || v === undefined || v === '' ? fallback : v),
};

const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((k) => [k, true])),
} as const;

interface SourceTemplate {
  name: string;
  file: string;
  text: string;
}

/** Refuse unescaped output anywhere in a template: {{{x}}} and {{&x}}. */
export function assertEscapedOnly(ast: unknown, file: string): void {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'MustacheStatement' && o.escaped === false) {
      const loc = o.loc as { start?: { line: number; column: number } } | undefined;
      const where = loc?.start ? `${loc.start.line}:${loc.start.column + 1}` : '';
      throw new RenderError('TEMPLATE_INVALID', `模板 ${file}${where ? ` 第 ${where} 处` : ''} 使用了不转义输出（{{{ }}} 或 {{& }}），出于安全考虑不允许`);
    }
    for (const v of Object.values(o)) if (v && typeof v === 'object') walk(v);
  };
  walk(ast);
}

async function readTemplates(dir: string): Promise<{ templates: SourceTemplate[]; partials: SourceTemplate[] }> {
  const read = async (sub: string): Promise<SourceTemplate[]> => {
    const at = join(dir, sub);
    let names: string[];
    try {
      names = await readdir(at);
    } catch (err) {
      if (sub !== '' && (err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new RenderError('TEMPLATE_INVALID', `无法读取模板目录 ${at}:${(err as Error).message}`);
    }
    const out: SourceTemplate[] = [];
    for (const f of names.sort()) {
      if (!f.endsWith('.hbs')) continue;
      const name = basename(f, '.hbs');
      const file = join(at, f);
      if (!NAME_RE.test(name)) throw new RenderError('TEMPLATE_INVALID', `模板文件名只能由字母、数字、- 和 _ 组成：${file}`);
      const st = await stat(file);
      if (!st.isFile()) continue;
      if (st.size > MAX_TEMPLATE_BYTES) throw new RenderError('TEMPLATE_INVALID', `模板文件过大（超过 512 KB）：${file}`);
      out.push({ name, file, text: await readFile(file, 'utf8') });
    }
    return out;
  };
  return { templates: await read(''), partials: await read('partials') };
}

/** A compiled set of templates and partials. */
export interface TemplateSet {
  /** Render a document; throws RenderError naming the template when a field is missing. */
  render(name: TemplateName, data: object): string;
  /** Where each template and partial came from (for messages and tests). */
  sources: Record<string, string>;
}

function compileSet(entries: { templates: Map<string, SourceTemplate>; partials: Map<string, SourceTemplate> }): TemplateSet {
  const env = Handlebars.create();
  for (const [k, fn] of Object.entries(HELPERS)) env.registerHelper(k, fn as Handlebars.HelperDelegate);
  const sources: Record<string, string> = {};
  const compileOne = (t: SourceTemplate): HandlebarsTemplateDelegate => {
    let ast: hbs.AST.Program;
    try {
      ast = Handlebars.parse(t.text);
    } catch (err) {
      throw new RenderError('TEMPLATE_INVALID', `模板 ${t.file} 语法错误：${(err as Error).message}`);
    }
    assertEscapedOnly(ast, t.file);
    sources[t.name] = t.file;
    return env.compile(ast, COMPILE_OPTIONS);
  };
  for (const p of entries.partials.values()) env.registerPartial(p.name, compileOne(p));
  const compiled = new Map<string, { fn: HandlebarsTemplateDelegate; file: string }>();
  for (const t of entries.templates.values()) compiled.set(t.name, { fn: compileOne(t), file: t.file });
  return {
    sources,
    render(name, data) {
      const t = compiled.get(name);
      if (!t) throw new RenderError('TEMPLATE_INVALID', `缺少模板 ${name}.hbs`);
      try {
        return t.fn(data);
      } catch (err) {
        if (err instanceof RenderError) throw err;
        throw new RenderError('TEMPLATE_RENDER_FAILED', `模板 ${basename(t.file)} 渲染失败：${(err as Error).message}`);
      }
    },
  };
}

const cache = new Map<string, Promise<TemplateSet>>();

async function buildSet(userDir: string | undefined): Promise<TemplateSet> {
  const builtin = await readTemplates(BUILTIN_TEMPLATE_DIR);
  const templates = new Map(builtin.templates.filter((t) => TEMPLATE_NAMES.includes(t.name as TemplateName)).map((t) => [t.name, t]));
  const partials = new Map(builtin.partials.map((t) => [t.name, t]));
  if (userDir !== undefined) {
    const user = await readTemplates(userDir);
    // A top-level file overrides the template of its name, else the partial of its name, else adds a partial.
    for (const t of user.templates) {
      if (TEMPLATE_NAMES.includes(t.name as TemplateName)) templates.set(t.name, t);
      else partials.set(t.name, t);
    }
    for (const t of user.partials) partials.set(t.name, t);
  }
  return compileSet({ templates, partials });
}

/**
 * The template set for a --template directory (or the built-in one), compiled once per process.
 * @throws RenderError TEMPLATE_INVALID when a file cannot be read or parsed, or uses {{{ }}}
 */
export function loadTemplateSet(userDir?: string): Promise<TemplateSet> {
  const key = userDir ?? '';
  let set = cache.get(key);
  if (!set) {
    set = buildSet(userDir);
    cache.set(key, set);
    set.catch(() => cache.delete(key));
  }
  return set;
}

/** Forget compiled sets (tests that rewrite a template directory). */
export function clearTemplateCache(): void {
  cache.clear();
}
