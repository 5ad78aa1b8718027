// /api/auth/… and /api/accounts: sign-in (rate limited), sign-out, activation, password change, account creation.
import * as z from 'zod';
import { activateAccount, changePassword, createAccounts, listAccounts, login, logout, resetActivation } from '../domain/accounts.js';
import { clearSessionCookie, requireActor, setSessionCookie } from './auth.js';
import type { ServiceContext } from './app.js';
import { ok, type ZApp } from './types.js';

const Username = z.string().min(1).max(64);
const Password = z.string().min(1).max(200);
const RoleEnum = z.enum(['admin', 'reviewer', 'agency', 'leader']);

const userView = (a: { id: number; username: string; displayName: string; role: string; agencyCode: string | null }) => ({ id: a.id, username: a.username, displayName: a.displayName, role: a.role, agencyCode: a.agencyCode });

export function registerAccountRoutes(app: ZApp, ctx: ServiceContext, opts: { loginRateLimit: number }): void {
  const { store } = ctx;
  // Per address *and* user name: many agencies reach the service through one government gateway address, so a
  // per-address limit alone would lock out an office; guessing one account's password stays at N tries a minute.
  const perAccount = (req: { ip: string; body?: unknown }): string => {
    const u = (req.body as { username?: unknown } | undefined)?.username;
    return `${req.ip}|${typeof u === 'string' ? u.slice(0, 64) : ''}`;
  };
  const limited = { rateLimit: { max: opts.loginRateLimit, timeWindow: '1 minute', hook: 'preHandler' as const, keyGenerator: perAccount }, csrf: false };
  const activateLimited = { rateLimit: { max: opts.loginRateLimit * 2, timeWindow: '1 minute' }, csrf: false };

  app.post('/api/auth/login', { config: limited, schema: { tags: ['账号'], summary: '登录(同一地址、同一用户名每分钟限 10 次)', body: z.strictObject({ username: Username, password: Password }) } }, async (req, reply) => {
    const session = await login(store, req.body.username, req.body.password);
    setSessionCookie(reply, session, { secure: ctx.secureCookies });
    return { user: userView(session.actor), csrfToken: session.csrfToken };
  });

  app.post('/api/auth/logout', { schema: { tags: ['账号'], summary: '退出登录' } }, async (req, reply) => {
    if (req.session) await logout(store, req.session.id);
    clearSessionCookie(reply, { secure: ctx.secureCookies });
    return ok;
  });

  app.get('/api/auth/me', { schema: { tags: ['账号'], summary: '当前用户与本会话的 CSRF 令牌' } }, async (req) => {
    const actor = requireActor(req);
    return { user: userView(actor), csrfToken: req.session!.csrfToken };
  });

  app.post('/api/auth/activate', { config: activateLimited, schema: { tags: ['账号'], summary: '用一次性激活链接设置密码', body: z.strictObject({ token: z.string().min(1).max(200), password: Password }) } }, async (req) => {
    return activateAccount(store, req.body.token, req.body.password);
  });

  app.post('/api/auth/password', { schema: { tags: ['账号'], summary: '修改密码(其他会话随之失效)', body: z.strictObject({ oldPassword: Password, newPassword: Password }) } }, async (req) => {
    const actor = requireActor(req);
    await changePassword(store, actor, req.body.oldPassword, req.body.newPassword, req.session!.id);
    return ok;
  });

  app.get('/api/accounts', { schema: { tags: ['账号'], summary: '全部账号(管理员)' } }, async (req) => listAccounts(store, requireActor(req)));

  app.post(
    '/api/accounts',
    {
      schema: {
        tags: ['账号'],
        summary: '创建账号(管理员),返回一次性激活令牌(激活链接为 /activate?token=…)',
        body: z.strictObject({ accounts: z.array(z.strictObject({ username: Username, displayName: z.string().min(1).max(100), role: RoleEnum, agencyCode: z.string().max(64).nullable().optional() })).min(1).max(1000) }),
      },
    },
    async (req) => {
      const created = await createAccounts(store, requireActor(req), req.body.accounts);
      return created.map((c) => ({ ...c, activationPath: `/activate?token=${c.activationToken}` }));
    },
  );

  app.post('/api/accounts/:username/reset', { schema: { tags: ['账号'], summary: '重新生成激活链接(管理员;原密码失效)', params: z.strictObject({ username: Username }) } }, async (req) => {
    const t = await resetActivation(store, requireActor(req), req.params.username);
    return { activationToken: t, activationPath: `/activate?token=${t}` };
  });
}
