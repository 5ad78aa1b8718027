// Sessions, CSRF, login rate limit and security headers, through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/service/http/app.js';
import { Client, openTestDb, type TestDb } from './helpers.js';
import { makeUsers, OWN, openedAssessment, PASSWORD } from './world.js';

let db: TestDb;
let app: App;
let id: number;

beforeAll(async () => {
  db = await openTestDb('pglite');
  app = await buildApp({ store: db.store, loginRateLimit: 3 });
  const w = await makeUsers(db.store);
  id = await openedAssessment(db.store, w);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('sessions and CSRF', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and keeps only its hash', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: OWN, password: PASSWORD } });
    expect(r.statusCode).toBe(200);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/^zwgk_session=[\w-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const sid = cookie.split(';')[0]!.split('=')[1]!;
    const rows = await db.store.db.selectFrom('sessions').select('id_hash').execute();
    expect(rows.some((s) => s.id_hash === sid)).toBe(false);
    expect(rows.some((s) => /^[0-9a-f]{64}$/.test(s.id_hash))).toBe(true);
  });

  it('refuses a state change without the CSRF token, with a wrong one, and from another origin', async () => {
    const c = new Client(app);
    await c.login(OWN, PASSWORD);
    const url = `/api/assessments/${id}/agencies/${OWN}/submit`;
    const noToken = await app.inject({ method: 'POST', url, headers: { cookie: c.cookie }, payload: {} });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.message).toBe('缺少或错误的安全令牌(CSRF),请刷新页面后重试');
    const wrong = await app.inject({ method: 'POST', url, headers: { cookie: c.cookie, 'x-csrf-token': 'x'.repeat(43) }, payload: {} });
    expect(wrong.statusCode).toBe(403);
    const cross = await app.inject({ method: 'POST', url, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, origin: 'https://evil.example' }, payload: {} });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().error.message).toContain('跨站请求');
    // An opaque origin (sandboxed frame, data: URL, or a browser told no-referrer), another port, a non-web scheme,
    // and Sec-Fetch-Site: cross-site are refused; the site's own origin passes.
    for (const h of [{ origin: 'null' }, { origin: 'http://localhost:81' }, { origin: 'file://localhost' }, { 'sec-fetch-site': 'cross-site' }]) {
      const r = await app.inject({ method: 'POST', url, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, ...h }, payload: {} });
      expect(r.statusCode, JSON.stringify(h)).toBe(403);
      expect(r.json().error.message).toContain('跨站请求');
    }
    const same = await app.inject({ method: 'POST', url, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' }, payload: {} });
    expect(same.statusCode, same.body).toBe(200);
  });

  it('ends the session on logout', async () => {
    const c = new Client(app);
    await c.login('reviewer', PASSWORD);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('answers one message for a wrong password and an unknown user', async () => {
    const a = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'wrong-password' }, remoteAddress: '10.0.0.9' });
    const b = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'wrong-password' }, remoteAddress: '10.0.0.9' });
    expect(a.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
    expect(a.json().error.message).toBe('用户名或密码不正确');
  });
});

describe('login rate limit', () => {
  it('answers 429 in Chinese after the limit per address and user name', async () => {
    const tries = [];
    for (let i = 0; i < 4; i++) tries.push(await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'guess-' + i }, remoteAddress: '10.0.0.7' }));
    expect(tries.map((t) => t.statusCode)).toEqual([401, 401, 401, 429]);
    expect(tries[3]!.json().error.message).toBe('尝试次数过多,请稍后再试');
    const other = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: PASSWORD }, remoteAddress: '10.0.0.8' });
    expect(other.statusCode).toBe(200);
    // Counted per address and user name: colleagues behind the same gateway address are not locked out.
    const colleague = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'reviewer', password: PASSWORD }, remoteAddress: '10.0.0.7' });
    expect(colleague.statusCode).toBe(200);
  });
});

describe('security headers', () => {
  it('sends a strict content security policy and the usual headers', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(r.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(r.headers['referrer-policy']).toBe('same-origin');
  });

  it('answers an unknown route with a Chinese 404', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.message).toBe('找不到 GET /api/nothing-here');
  });
});
