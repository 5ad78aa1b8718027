// Sending pages: a compiled template + view → an HTML reply; the printable documents the engine already renders
// (sheet HTML/PDF/xlsx, compare HTML/xlsx) sent with their own narrow Content-Security-Policy (they carry their own
// inline <style> and never any script). Form bodies read as bounded strings.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../service/domain/actor.js';
import { stripControlChars } from '../diagnostics/control-chars.js';
import { ServiceError } from '../service/domain/errors.js';
import { buildChrome, flashFromQuery, type Flash, type PageChrome } from './pages/chrome.js';
import { pageSet } from './views/page-env.js';

/** CSP of a generated document (sheet, compare report): inline styles only, no script, no network. */
export const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function sendPage(reply: FastifyReply, name: string, view: object, status = 200): FastifyReply {
  // Escaped by the templates; control characters from stored text (names, reasons, report sentences) removed too.
  const html = stripControlChars(pageSet().render(name, view));
  // Referrer-Policy same-origin comes from the app (app.ts), so the page's own form posts carry the real Origin.
  return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}

/** The frame of a page for this request. */
export function chromeFor(req: FastifyRequest, title: string, pageClass: string, extra: { assessmentId?: number | null; flash?: Flash | null; crumbs?: Array<{ href: string; label: string }> } = {}): PageChrome {
  return buildChrome({
    title,
    pageClass,
    actor: req.actor,
    csrf: req.session?.csrfToken ?? '',
    path: req.url.split('?')[0]!,
    assessmentId: extra.assessmentId ?? null,
    flash: extra.flash !== undefined ? extra.flash : flashFromQuery(req.query),
    crumbs: extra.crumbs ?? [],
  });
}

/** The signed-in actor; a page request without one is sent to the sign-in page by the plugin's error handler. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new ServiceError('UNAUTHENTICATED', '请先登录');
  return req.actor;
}

/** A posted form's string fields (urlencoded bodies only), each bounded. */
export function formOf(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const body = req.body;
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    const s = Array.isArray(v) ? v.find((x) => typeof x === 'string') : v;
    if (typeof s === 'string') out[k] = s.slice(0, 8000);
  }
  return out;
}

/** An optional version number from a form (optimistic concurrency). */
export function versionOf(form: Record<string, string>): number | undefined {
  const v = form.version;
  return v !== undefined && /^\d{1,9}$/.test(v) ? Number(v) : undefined;
}

/** A positive integer route parameter, or 404. */
export function idParam(v: unknown, what: string): number {
  if (typeof v !== 'string' || !/^\d{1,9}$/.test(v)) throw new ServiceError('NOT_FOUND', `找不到${what}`);
  return Number(v);
}

/** An agency code route parameter (the register's codes), or 404. */
export function codeParam(v: unknown): string {
  if (typeof v !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(v)) throw new ServiceError('NOT_FOUND', '找不到该单位');
  return v;
}

/** A file name for Content-Disposition: ASCII fallback plus the UTF-8 name (RFC 6266/5987). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
