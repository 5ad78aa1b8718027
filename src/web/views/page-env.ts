// The page environment of the web pages: templates/web/*.hbs (pages) and templates/web/partials/*.hbs, compiled
// once per process in an isolated, strict Handlebars environment with known helpers only — the same rules as the
// printed sheet (src/render/handlebars-env.ts): every output escaped, {{{ }}} and {{& }} refused at load.
// Input: a page name and a plain view object; output: an HTML document. Templates never come from requests.
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertEscapedOnly, HELPERS } from '../../render/handlebars-env.js';

/** templates/web/ of this package. */
export const WEB_TEMPLATE_DIR = fileURLToPath(new URL('../../../templates/web/', import.meta.url));
/** Static assets (one CSS file, one JS file) served under /static/. */
export const WEB_STATIC_DIR = join(WEB_TEMPLATE_DIR, 'static');

const NAME_RE = /^[a-z0-9-]{1,64}$/;

/** Helpers of the pages: the sheet's helpers plus a few for forms. None returns a SafeString. */
const PAGE_HELPERS: Record<string, (...args: unknown[]) => unknown> = {
  ...HELPERS,
  /** {{#if (gt list.length 0)}} */
  gt: (a, b) => typeof a === 'number' && typeof b === 'number' && a > b,
  /** {{#if (or a b)}} */
  or: (a, b) => Boolean(a) || Boolean(b),
  /** {{#if (and a b)}} */
  and: (a, b) => Boolean(a) && Boolean(b),
};

const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(Object.keys(PAGE_HELPERS).map((k) => [k, true])),
} as const;

/** A compiled page set. */
export interface PageSet {
  /** Render page `name` (a file templates/web/<name>.hbs) with `data`; throws on a missing field (strict). */
  render(name: string, data: object): string;
  names: string[];
}

function readDir(dir: string): Array<{ name: string; file: string; text: string }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.hbs'))
    .sort()
    .map((f) => {
      const name = basename(f, '.hbs');
      if (!NAME_RE.test(name)) throw new Error(`web template name must be kebab-case: ${f}`);
      const file = join(dir, f);
      return { name, file, text: readFileSync(file, 'utf8') };
    });
}

/** Compile every page and partial of a directory (templates/web by default). */
export function compilePageSet(dir: string = WEB_TEMPLATE_DIR): PageSet {
  const env = Handlebars.create();
  for (const [k, fn] of Object.entries(PAGE_HELPERS)) env.registerHelper(k, fn as Handlebars.HelperDelegate);
  const compileOne = (t: { file: string; text: string }): HandlebarsTemplateDelegate => {
    const ast = Handlebars.parse(t.text);
    assertEscapedOnly(ast, t.file);
    return env.compile(ast, COMPILE_OPTIONS);
  };
  for (const p of readDir(join(dir, 'partials'))) env.registerPartial(p.name, compileOne(p));
  const pages = new Map(readDir(dir).map((t) => [t.name, { fn: compileOne(t), file: t.file }]));
  return {
    names: [...pages.keys()],
    render(name, data) {
      const page = pages.get(name);
      if (!page) throw new Error(`unknown web page template: ${name}`);
      return page.fn(data);
    },
  };
}

let cached: PageSet | null = null;

/** The built-in page set, compiled on first use. */
export function pageSet(): PageSet {
  cached ??= compilePageSet();
  return cached;
}
