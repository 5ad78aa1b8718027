// Authorization as a matrix: every API route × every role (anonymous, administrator, reviewer, leader, the agency
// that owns the data, another agency). A role outside a route's row gets 403 (anonymous 401); a role inside it never
// does (it may still get 400/404/409 for the state the world is in). A route missing from the table fails the test.
// Then: nobody acts outside the windows, and a published result changes only through an appeal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/service/http/app.js';
import { acceptSubmission, publishProvisional, saveReview, setWindows, submitEvidence } from '../../src/service/index.js';
import { Client, exampleEvidence, makeApp, openTestDb, PDF_BYTES, RUBRIC_2017, type TestDb } from './helpers.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeUsers, OTHER, OWN, openedAssessment, PASSWORD, reviewOf, type World } from './world.js';

type Who = 'admin' | 'reviewer' | 'leader' | 'own' | 'other';
const ALL: Who[] = ['admin', 'reviewer', 'leader', 'own', 'other'];
const OFFICE: Who[] = ['admin', 'reviewer'];
const SEED_002 = readFileSync(join(import.meta.dirname, '..', 'annual-report', 'fixtures', 'seed-002_e5b39d85801b4d29.txt'));

/** route → who may call it ('public': no sign-in needed). */
const ACCESS: Record<string, Who[] | 'public'> = {
  'GET /api/openapi.json': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/activate': 'public',
  'POST /api/auth/logout': ALL,
  'GET /api/auth/me': ALL,
  'POST /api/auth/password': ALL,
  'GET /api/accounts': ['admin'],
  'POST /api/accounts': ['admin'],
  'POST /api/accounts/:username/reset': ['admin'],
  'GET /api/assessments': ALL,
  'POST /api/assessments': ['admin'],
  'GET /api/assessments/:id': ALL,
  'GET /api/assessments/:id/rubric': ALL,
  'PUT /api/assessments/:id/rubric': ['admin'],
  'PUT /api/assessments/:id/windows': ['admin'],
  'POST /api/assessments/:id/open': ['admin'],
  'POST /api/assessments/:id/register': ['admin'],
  'POST /api/assessments/:id/agencies': ['admin'],
  'GET /api/assessments/:id/progress': ALL,
  'POST /api/assessments/:id/copy': ['admin'],
  'GET /api/assessments/:id/export': ['admin'],
  'POST /api/assessments/:id/import': ['admin', 'own'],
  'GET /api/assessments/:id/agencies/:code': ['admin', 'reviewer', 'own'],
  'PUT /api/assessments/:id/agencies/:code/evidence': ['admin', 'own'],
  'POST /api/assessments/:id/agencies/:code/submit': ['admin', 'own'],
  'PUT /api/assessments/:id/agencies/:code/review': OFFICE,
  'POST /api/assessments/:id/agencies/:code/return': OFFICE,
  'POST /api/assessments/:id/agencies/:code/accept': OFFICE,
  'GET /api/assessments/:id/agencies/:code/history': ['admin', 'reviewer', 'own'],
  'GET /api/assessments/:id/agencies/:code/attachments': ['admin', 'reviewer', 'own'],
  'POST /api/assessments/:id/agencies/:code/attachments': ['admin', 'own'],
  'GET /api/assessments/:id/agencies/:code/attachments/:attachmentId': ['admin', 'reviewer', 'own'],
  'GET /api/assessments/:id/agencies/:code/report': ['admin', 'reviewer', 'leader', 'own'],
  'POST /api/assessments/:id/agencies/:code/appeals': ['own'],
  'GET /api/assessments/:id/agencies/:code/appeals': ['admin', 'reviewer', 'own'],
  'GET /api/assessments/:id/appeals': ['admin', 'reviewer', 'own', 'other'],
  'POST /api/assessments/:id/appeals/:appealId/resolve': OFFICE,
  'POST /api/assessments/:id/publish/provisional': ['admin'],
  'POST /api/assessments/:id/publish/final': ['admin'],
  'GET /api/assessments/:id/results': ALL,
  'GET /api/assessments/:id/audit': ['admin', 'reviewer', 'own', 'other'],
  'POST /api/assessments/:id/agencies/:code/annual-reports': ['admin', 'own'],
  'GET /api/assessments/:id/agencies/:code/annual-reports': ['admin', 'reviewer', 'own'],
  'GET /api/assessments/:id/agencies/:code/annual-reports/:checkId': ['admin', 'reviewer', 'own'],
  'GET /api/assessments/:id/annual-reports': OFFICE,
};

let db: TestDb;
let app: App;
let w: World;
let id: number;
const clients = {} as Record<Who, Client>;

beforeAll(async () => {
  db = await openTestDb('pglite');
  app = await makeApp(db.store);
  w = await makeUsers(db.store);
  id = await openedAssessment(db.store, w);
  for (const who of ALL) {
    clients[who] = new Client(app);
    expect((await clients[who].login(w.usernames[who], PASSWORD)).status).toBe(200);
  }
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

/** A request for the route that an allowed caller could plausibly make. */
function requestFor(key: string): { method: string; url: string; body?: unknown; file?: [string, Buffer] } {
  const [method, pattern] = key.split(' ') as [string, string];
  const url = pattern.replace(':id', String(id)).replace(':code', OWN).replace(':username', 'nobody').replace(':attachmentId', '999').replace(':appealId', '999').replace(':checkId', '999');
  const bodies: Record<string, unknown> = {
    'POST /api/auth/password': { oldPassword: 'wrong-password', newPassword: 'new-password-123' },
    'POST /api/accounts': { accounts: [{ username: `u${Math.random().toString(36).slice(2, 8)}`, displayName: '新账号', role: 'leader' }] },
    'POST /api/assessments': { year: 2019, title: '新考核' },
    'PUT /api/assessments/:id/rubric': { rubric: RUBRIC_2017 },
    'PUT /api/assessments/:id/windows': { submitDeadline: '2030-01-01T00:00:00Z', reviewDeadline: '2030-02-01T00:00:00Z', appealDeadline: '2030-03-01T00:00:00Z' },
    'POST /api/assessments/:id/agencies': { agencies: [{ code: 'etqq-new', name: '新单位' }] },
    'POST /api/assessments/:id/copy': { year: 2018, title: '下一年', rubric: RUBRIC_2017 },
    'PUT /api/assessments/:id/agencies/:code/evidence': { evidence: exampleEvidence('zhujianju.yaml') },
    'POST /api/assessments/:id/agencies/:code/submit': {},
    'PUT /api/assessments/:id/agencies/:code/review': { review: reviewOf(OWN) },
    'POST /api/assessments/:id/agencies/:code/return': { message: '请修改' },
    'POST /api/assessments/:id/agencies/:code/accept': {},
    'POST /api/assessments/:id/agencies/:code/appeals': { nodeId: '7', reason: '申诉' },
    'POST /api/assessments/:id/appeals/:appealId/resolve': { outcome: 'rejected', reason: '驳回' },
  };
  const files: Record<string, [string, Buffer]> = {
    'POST /api/assessments/:id/register': ['名单.csv', Buffer.from('单位代码,单位名称\r\netqq-new2,新单位二\r\n')],
    'POST /api/assessments/:id/import': ['zhujianju.json', Buffer.from(JSON.stringify(exampleEvidence('zhujianju.yaml')))],
    'POST /api/assessments/:id/agencies/:code/attachments': ['佐证.pdf', PDF_BYTES],
    'POST /api/assessments/:id/agencies/:code/annual-reports': ['年报.txt', SEED_002],
  };
  return { method, url, ...(key in bodies ? { body: bodies[key] } : method === 'GET' ? {} : { body: {} }), ...(files[key] ? { file: files[key] } : {}) };
}

async function send(c: Client, req: ReturnType<typeof requestFor>) {
  return req.file ? c.upload(req.url, req.file[0], req.file[1]) : c.call(req.method, req.url, req.body);
}

describe('route table', () => {
  it('every API route has a row in the access table, and every row is a route', () => {
    const routes = app.apiRoutes.map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !(r in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((k) => !routes.includes(k))).toEqual([]);
  });
});

describe.each(Object.keys(ACCESS))('%s', (key) => {
  const access = ACCESS[key]!;
  it('anonymous callers are refused unless the route is public', async () => {
    const r = await send(new Client(app), requestFor(key));
    if (access === 'public') expect(r.status).not.toBe(401);
    else {
      expect(r.status, JSON.stringify(r.body)).toBe(401);
      expect(r.body.error.message).toBe('请先登录');
    }
  });
  if (access === 'public') return;
  it.each(ALL)('%s', async (who) => {
    const r = await send(clients[who], requestFor(key));
    if (access.includes(who)) expect([401, 403], `${who}: ${JSON.stringify(r.body)}`).not.toContain(r.status);
    else {
      expect(r.status, `${who}: ${JSON.stringify(r.body)}`).toBe(403);
      expect(r.body.error.message).toMatch(/^无权/);
    }
    if (key === 'POST /api/auth/logout') await clients[who].relogin();
  });
});

describe('what each role sees', () => {
  it('an agency sees only its own row on the board and its own audit entries', async () => {
    const board = await clients.own.get(`/api/assessments/${id}/progress`);
    expect(board.body.map((r: { agency: { code: string } }) => r.agency.code)).toEqual([OWN]);
    const office = await clients.leader.get(`/api/assessments/${id}/progress`);
    expect(office.body.map((r: { agency: { code: string } }) => r.agency.code)).toEqual(expect.arrayContaining([OTHER, OWN]));
    const audit = await clients.other.get(`/api/assessments/${id}/audit`);
    expect(audit.body.length).toBeGreaterThan(0);
    expect(new Set(audit.body.map((e: { agencyCode: string }) => e.agencyCode))).toEqual(new Set([OTHER]));
    expect((await clients.other.get(`/api/assessments/${id}/audit?agency=${OWN}`)).status).toBe(403);
  });
  it('an agency cannot reach an assessment its agency is not in', async () => {
    const r = await clients.own.get(`/api/assessments`);
    const listed = r.body.map((a: { id: number }) => a.id);
    expect(listed).toContain(id);
    const other = await app.inject({ method: 'GET', url: '/api/assessments/1' }); // anonymous
    expect(other.statusCode).toBe(401);
  });
});

describe('windows bind everybody', () => {
  it.each([
    ['own', 'PUT', 'evidence', { evidence: exampleEvidence('zhujianju.yaml') }, 'submit'],
    ['admin', 'PUT', 'evidence', { evidence: exampleEvidence('zhujianju.yaml') }, 'submit'],
    ['own', 'POST', 'submit', {}, 'submit'],
    ['reviewer', 'PUT', 'review', { review: reviewOf(OWN) }, 'review'],
    ['admin', 'POST', 'return', { message: '改' }, 'review'],
    ['reviewer', 'POST', 'accept', {}, 'review'],
  ] as const)('%s %s %s after the deadline → 403', async (who, method, path, body, window) => {
    const past = '2017-12-31T00:00:00Z';
    const aid = await openedAssessment(db.store, w);
    if (window === 'review') await submitEvidence(db.store, w.actors.own, aid, OWN); // 已提交 while the window was open
    await setWindows(db.store, w.admin, aid, { submitDeadline: past, reviewDeadline: window === 'review' ? past : '2030-01-01T00:00:00Z', appealDeadline: null });
    const r = await clients[who].call(method, `/api/assessments/${aid}/agencies/${OWN}/${path}`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(403);
    expect(r.body.error.code).toBe('WINDOW_CLOSED');
    expect(r.body.error.message).toMatch(/^已过(提交|复核)截止时间/);
  });
});

describe('a published result changes only through an appeal', () => {
  let aid: number;
  beforeAll(async () => {
    aid = await openedAssessment(db.store, w);
    for (const code of [OWN, OTHER]) {
      await submitEvidence(db.store, w.actors[code === OWN ? 'own' : 'other'], aid, code);
      await saveReview(db.store, w.actors.reviewer, aid, code, reviewOf(code));
      await acceptSubmission(db.store, w.actors.reviewer, aid, code);
    }
    await publishProvisional(db.store, w.admin, aid);
  });
  it.each([
    ['own', 'PUT', 'evidence', { evidence: exampleEvidence('zhujianju.yaml') }],
    ['admin', 'PUT', 'evidence', { evidence: exampleEvidence('zhujianju.yaml') }],
    ['own', 'POST', 'submit', {}],
    ['reviewer', 'PUT', 'review', { review: reviewOf(OWN) }],
    ['admin', 'PUT', 'review', { review: reviewOf(OWN) }],
    ['admin', 'POST', 'return', { message: '改' }],
    ['reviewer', 'POST', 'accept', {}],
  ] as const)('%s %s %s → 409', async (who, method, path, body) => {
    const before = await clients.admin.get(`/api/assessments/${aid}/agencies/${OWN}/report`);
    const r = await clients[who].call(method, `/api/assessments/${aid}/agencies/${OWN}/${path}`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect(r.body.error.message).toContain('结果已公示,只能通过申诉更改');
    const after = await clients.admin.get(`/api/assessments/${aid}/agencies/${OWN}/report`);
    expect(after.body.hash).toBe(before.body.hash);
  });
  it('the upload of a new rubric and of the register are refused too', async () => {
    expect((await clients.admin.put(`/api/assessments/${aid}/rubric`, { rubric: RUBRIC_2017 })).status).toBe(409);
    expect((await clients.admin.post(`/api/assessments/${aid}/agencies`, { agencies: [{ code: 'x1', name: '甲' }] })).status).toBe(409);
  });
});
