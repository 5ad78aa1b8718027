// Sessions, CSRF and the caller's identity for every route (API and pages): a hook reads the session cookie and
// sets `request.actor`; another refuses any state-changing request without the session's CSRF token (header
// `x-csrf-token`, or form field `_csrf` for HTML forms). Routes that open a session (login, activation) are exempt
// from the token but must come from the same origin.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../domain/actor.js';
import { findSession, type Session } from '../domain/accounts.js';
import { ServiceError } from '../domain/errors.js';
import type { Store } from '../db/store.js';

export const SESSION_COOKIE = 'zwgk_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: Session | null;
  }
  interface FastifyContextConfig {
    /** false: no CSRF token needed (the request opens a session: login, activation). */
    csrf?: boolean;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The signed-in actor, or 401 in Chinese. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new ServiceError('UNAUTHENTICATED', '请先登录');
  return req.actor;
}

export interface CookieOptions {
  secure: boolean;
}

export function setSessionCookie(reply: FastifyReply, session: Session, opts: CookieOptions): void {
  reply.setCookie(SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'strict', secure: opts.secure, path: '/', expires: session.expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, opts: CookieOptions): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: opts.secure, path: '/' });
}

/**
 * Whether a state-changing request comes from this site. Browsers send `Origin` with every POST; the app's
 * Referrer-Policy `same-origin` makes Chromium send the real origin for the site's own forms (under `no-referrer`
 * it sends `Origin: null`, indistinguishable from a sandboxed or cross-site document, and is refused). The origin's
 * host is compared with the request's host (`X-Forwarded-Host` counts only with `trustProxy`); `Sec-Fetch-Site:
 * cross-site` is refused too. Clients that send neither header (curl, a portal's server) rely on the CSRF token.
 */
export function sameOrigin(req: FastifyRequest): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  try {
    const u = new URL(origin);
    // Both sides through URL, so a default port written out (`http://host:80`) equals the bare host.
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host === new URL(`${u.protocol}//${req.host}`).host;
  } catch {
    return false;
  }
}

/** Install the identity and CSRF hooks on the root app (so every route and page plugin gets them). */
export function installAuth(app: FastifyInstance, store: Store): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (req) => {
    const sid = req.cookies[SESSION_COOKIE];
    if (!sid) return;
    const session = await findSession(store, sid);
    if (session) {
      req.session = session;
      req.actor = session.actor;
    }
  });
  app.addHook('preHandler', async (req) => {
    if (SAFE.has(req.method)) return;
    if (!sameOrigin(req)) throw new ServiceError('FORBIDDEN', '请求来源与本站不一致,已拒绝(跨站请求)');
    if (req.routeOptions.config?.csrf === false) return;
    if (!req.session) throw new ServiceError('UNAUTHENTICATED', '请先登录');
    const header = req.headers[CSRF_HEADER];
    const field = req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? (req.body as Record<string, unknown>)._csrf : undefined;
    // A multipart form cannot be read before its handler runs: a plain HTML upload form puts the token in the query.
    const query = req.isMultipart() ? (req.query as Record<string, unknown> | undefined)?._csrf : undefined;
    const token = typeof header === 'string' ? header : typeof field === 'string' ? field : typeof query === 'string' ? query : '';
    if (token !== req.session.csrfToken) throw new ServiceError('FORBIDDEN', '缺少或错误的安全令牌(CSRF),请刷新页面后重试');
  });
}
