// 登录 · 账号激活(一次性链接)· 修改密码 · 退出 · 首页(按身份转到各自的页面).
import type { FastifyInstance } from 'fastify';
import { activateAccount, changePassword, login, logout } from '../../service/domain/accounts.js';
import { listAssessments } from '../../service/domain/assessments.js';
import { ServiceError } from '../../service/domain/errors.js';
import type { ServiceContext } from '../../service/http/app.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../service/http/auth.js';
import { withDone } from '../pages/chrome.js';
import { actorOf, chromeFor, formOf, sendPage } from '../render-page.js';

/** Only same-site paths may be a post-login target (never a scheme or another host). */
export function safeNext(v: unknown): string {
  return typeof v === 'string' && /^\/(?![/\\])[^\s]*$/.test(v) && v.length < 500 ? v : '/';
}

export function registerAuthRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const { store } = ctx;
  const cookieOpts = { secure: ctx.secureCookies };

  app.get('/', async (req, reply) => {
    if (!req.actor) return reply.redirect('/login', 303);
    const actor = req.actor;
    const list = await listAssessments(store, actor);
    const current = [...list].reverse().find((a) => a.status !== 'setup') ?? list[list.length - 1];
    if (actor.role === 'admin' || !current) return reply.redirect('/assessments', 303);
    const a = `/a/${current.id}`;
    if (actor.role === 'agency') return reply.redirect(`${a}/agencies/${encodeURIComponent(actor.agencyCode ?? '')}/evidence`, 303);
    if (actor.role === 'leader') return reply.redirect(`${a}/results`, 303);
    return reply.redirect(`${a}/board`, 303);
  });

  app.get('/login', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    return sendPage(reply, 'login', { ...chromeFor(req, '登录', 'login'), username: '', error: '', next: safeNext(q.next) });
  });

  app.post('/login', { config: { csrf: false, rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const f = formOf(req);
    const username = (f.username ?? '').trim().slice(0, 64);
    try {
      const session = await login(store, username, f.password ?? '');
      setSessionCookie(reply, session, cookieOpts);
      return reply.redirect(safeNext(f.next), 303);
    } catch (err) {
      if (!(err instanceof ServiceError) || err.code !== 'UNAUTHENTICATED') throw err;
      return sendPage(reply, 'login', { ...chromeFor(req, '登录', 'login'), username, error: err.message, next: safeNext(f.next) }, 401);
    }
  });

  app.get('/activate', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const token = typeof q.token === 'string' ? q.token.slice(0, 200) : '';
    return sendPage(reply, 'activate', { ...chromeFor(req, '激活账号', 'activate'), token, error: token ? '' : '激活链接不完整，请使用政务公开办发给您的完整链接' });
  });

  app.post('/activate', { config: { csrf: false, rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const f = formOf(req);
    const token = (f.token ?? '').slice(0, 200);
    const again = (error: string) => sendPage(reply, 'activate', { ...chromeFor(req, '激活账号', 'activate'), token, error }, 400);
    if ((f.password ?? '') !== (f.password2 ?? '')) return again('两次输入的密码不一致');
    try {
      await activateAccount(store, token, f.password ?? '');
    } catch (err) {
      if (err instanceof ServiceError && err.code === 'INVALID') return again(err.message);
      throw err;
    }
    return reply.redirect(withDone('/login', 'activated'), 303);
  });

  app.get('/password', async (req, reply) => {
    actorOf(req);
    return sendPage(reply, 'password', { ...chromeFor(req, '修改密码', 'password'), error: '' });
  });

  app.post('/password', async (req, reply) => {
    const actor = actorOf(req);
    const f = formOf(req);
    const again = (error: string) => sendPage(reply, 'password', { ...chromeFor(req, '修改密码', 'password'), error }, 400);
    if ((f.newPassword ?? '') !== (f.newPassword2 ?? '')) return again('两次输入的新密码不一致');
    try {
      await changePassword(store, actor, f.oldPassword ?? '', f.newPassword ?? '', req.cookies[SESSION_COOKIE] ?? '');
    } catch (err) {
      if (err instanceof ServiceError && err.code === 'INVALID') return again(err.message);
      throw err;
    }
    return reply.redirect(withDone('/password', 'password'), 303);
  });

  app.post('/logout', async (req, reply) => {
    const sid = req.cookies[SESSION_COOKIE];
    if (sid) await logout(store, sid);
    clearSessionCookie(reply, cookieOpts);
    return reply.redirect('/login', 303);
  });
}
