// Who may open which page: every page route × every role (signed out, office administrator, reviewer, leader, the
// agency's own clerk, another agency's clerk), in-process against the service with the demo seed. The domain
// layer decides; this table proves the pages pass its answers on (403 page, sign-in redirect) and add no hole.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/service/server.js';

const PASSWORD = 'demo-password-2017';
type Who = 'anon' | 'admin' | 'reviewer' | 'leader' | 'own' | 'other';
const USERS: Record<Exclude<Who, 'anon'>, string> = { admin: 'admin', reviewer: 'reviewer', leader: 'leader', own: 'etqq-zjj', other: 'etqq-jyj' };
const WHO: Who[] = ['anon', 'admin', 'reviewer', 'leader', 'own', 'other'];

// [method, path, expected status for anon, admin, reviewer, leader, own clerk, other clerk]
// 303 for a signed-out GET is the redirect to the sign-in page; a signed-out POST is refused (401, no session).
const A = '/a/1';
const Z = `${A}/agencies/etqq-zjj`;
const TABLE: Array<[string, string, number[]]> = [
  ['GET', '/assessments', [303, 200, 200, 200, 200, 200]],
  ['GET', `${A}/setup`, [303, 200, 403, 403, 403, 403]],
  ['GET', `${A}/board`, [303, 200, 200, 403, 403, 403]],
  ['GET', `${A}/audit`, [303, 200, 200, 403, 403, 403]],
  ['GET', `${A}/audit.csv`, [303, 200, 200, 403, 403, 403]],
  ['GET', `${A}/appeals`, [303, 200, 200, 403, 403, 403]],
  ['GET', `${A}/results`, [303, 200, 200, 200, 200, 200]],
  ['GET', `${Z}/evidence`, [303, 200, 200, 403, 200, 403]],
  ['GET', `${Z}/submit`, [303, 200, 200, 403, 200, 403]],
  ['GET', `${Z}/review`, [303, 200, 200, 403, 403, 403]],
  ['GET', `${Z}/appeals`, [303, 200, 200, 403, 200, 403]],
  ['GET', `${Z}/log`, [303, 200, 200, 403, 200, 403]],
  ['GET', `${A}/results/etqq-zjj`, [303, 404, 404, 404, 404, 403]],
  ['GET', `${Z}/annual-report`, [303, 200, 200, 403, 200, 403]],
  ['GET', `${A}/annual-reports`, [303, 200, 200, 403, 403, 403]],
  // Not multipart: allowed roles get the form's own 400, the others the domain's 403.
  ['POST', `${Z}/annual-report`, [401, 400, 403, 403, 400, 403]],
  ['POST', `${A}/windows`, [401, 303, 403, 403, 403, 403]],
  ['POST', `${A}/accounts`, [401, 400, 403, 403, 403, 403]],
  ['POST', `${A}/publish`, [401, 409, 403, 403, 403, 403]],
  ['POST', `${Z}/evidence.json`, [401, 409, 409, 403, 200, 403]],
  // The rows run in order against one database: the clerk's save above created a draft, so the administrator may
  // submit it on the agency's behalf (the service's rule), after which the clerk's own submit is a 409 (already
  // submitted); the office may then rule on it, and a second acceptance is a 409 (already accepted).
  ['POST', `${Z}/submit`, [401, 303, 403, 403, 409, 403]],
  ['POST', `${Z}/review`, [401, 303, 303, 403, 403, 403]],
  ['POST', `${Z}/accept`, [401, 303, 409, 403, 403, 403]],
];

describe('page access by role', () => {
  let server: RunningServer;
  let dataDir: string;
  const sessions = new Map<Who, { cookie: string; csrf: string }>();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'zwgk-access-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, demoPassword: PASSWORD });
    for (const [who, username] of Object.entries(USERS) as Array<[Who, string]>) {
      const r = await fetch(`${server.url}/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username, password: PASSWORD }).toString() });
      await r.arrayBuffer(); // every body read: an unread one keeps its connection busy and the server from closing
      const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const page = await (await fetch(`${server.url}/password`, { headers: { cookie } })).text();
      sessions.set(who, { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '' });
    }
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it.each(TABLE)('%s %s', async (method, path, expected) => {
    const got: number[] = [];
    for (const who of WHO) {
      const s = sessions.get(who);
      const headers: Record<string, string> = { ...(s ? { cookie: s.cookie } : {}), ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) };
      if (path.endsWith('.json')) headers.accept = 'application/json';
      const body = method === 'POST' ? new URLSearchParams({ _csrf: s?.csrf ?? '', kind: 'override', key: '1', score: '1', reason: '测试' }).toString() : undefined;
      const r = await fetch(`${server.url}${path}`, { method, redirect: 'manual', headers, body });
      got.push(r.status);
      const text = await r.text();
      if (r.status === 403 && !path.endsWith('.json') && !path.endsWith('.csv')) expect(text).toContain('无权');
    }
    expect(Object.fromEntries(WHO.map((w, i) => [w, got[i]]))).toEqual(Object.fromEntries(WHO.map((w, i) => [w, expected[i]])));
  });

  it('the clerk uploads the annual report through the page; the office sees the outcome in its table', async () => {
    const own = sessions.get('own')!;
    const form = new FormData();
    form.append('level', '县级部门');
    form.append('file', new Blob([readFileSync(join(import.meta.dirname, '..', 'annual-report', 'fixtures', 'seed-002_e5b39d85801b4d29.txt'))]), '2024年年报.txt');
    const r = await fetch(`${server.url}${Z}/annual-report?_csrf=${encodeURIComponent(own.csrf)}`, { method: 'POST', redirect: 'manual', headers: { cookie: own.cookie }, body: form });
    await r.arrayBuffer();
    expect(r.status).toBe(303);
    const page = await (await fetch(`${server.url}${r.headers.get('location')}`, { headers: { cookie: own.cookie } })).text();
    expect(page).toContain('年度报告已上传并核验');
    expect(page).toMatch(/2024年年报\.txt<\/td><td>2024 年<\/td><td class="ok"><strong>通过<\/strong>/);
    const office = await (await fetch(`${server.url}${A}/annual-reports`, { headers: { cookie: sessions.get('reviewer')!.cookie } })).text();
    expect(office).toMatch(/etqq-zjj<\/td><td><a href="[^"]+">[^<]+<\/a><\/td><td>1<\/td>/);
    expect(office).toContain('已上传 1，通过 1，提醒 0，不通过 0，无法判断 0');
  });

  it('answers an unknown page URL with a Chinese HTML page and an unknown /api URL in JSON', async () => {
    for (const who of ['anon', 'own'] as const) {
      const headers: Record<string, string> = who === 'own' ? { cookie: sessions.get('own')!.cookie } : {};
      const r = await fetch(`${server.url}/a/1/no-such-page?x=1`, { headers });
      expect(r.status).toBe(404);
      expect(r.headers.get('content-type')).toContain('text/html');
      const html = await r.text();
      expect(html).toContain('<h1>找不到页面</h1>');
      expect(html).toContain('找不到网址 /a/1/no-such-page 对应的页面，请从导航菜单进入');
    }
    const api = await fetch(`${server.url}/api/no-such-route`);
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { code: 'NOT_FOUND', message: '找不到 GET /api/no-such-route' } });
  });

  it('refuses a form post without the session’s CSRF token', async () => {
    const s = sessions.get('admin')!;
    const r = await fetch(`${server.url}${A}/windows`, { method: 'POST', redirect: 'manual', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'submitDeadline=' });
    expect(r.status).toBe(403);
    expect(await r.text()).toContain('安全令牌');
  });
});
