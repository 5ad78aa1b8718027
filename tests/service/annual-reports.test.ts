// Annual reports in the service, on PGlite and (when it answers) PostgreSQL: an agency uploads its published report,
// the server checks it with the engine and keeps the outcome (append-only, audited); the agency lists its own
// uploads, the office sees every agency's latest outcome; the copied next-year assessment checks against last
// year's upload (S1–S3, S8); bad files are refused in Chinese with nothing stored. Expected outcomes are the ones
// tests/annual-report/checks.test.ts computes by hand for the same fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/service/http/app.js';
import { copyAssessment } from '../../src/service/domain/next-year.js';
import { exportAssessment } from '../../src/service/domain/export-import.js';
import { checkUploadedReport } from '../../src/annual-report/index.js';
import { openAssessment } from '../../src/service/domain/assessments.js';
import { Client, makeApp, openTestDb, PDF_BYTES, postgresAvailable, RUBRIC_2018, type Backend, type TestDb } from './helpers.js';
import { makeUsers, OTHER, OWN, openedAssessment, PASSWORD, type World } from './world.js';

const FIXTURES = join(import.meta.dirname, '..', 'annual-report', 'fixtures');
const fixture = (f: string) => readFileSync(join(FIXTURES, f));

const backends: Array<[Backend, boolean]> = [
  ['pglite', true],
  ['postgres', await postgresAvailable()],
];
if (!backends[1]![1]) console.warn('PostgreSQL 未运行:跳过 PostgreSQL 上的年报测试');

describe.each(backends)('年度报告(%s)', (backend, available) => {
  let db: TestDb;
  let app: App;
  let w: World;
  let id: number;
  const c = {} as Record<'admin' | 'reviewer' | 'own' | 'other' | 'leader', Client>;
  const url = (aid: number, code = OWN) => `/api/assessments/${aid}/agencies/${code}/annual-reports`;
  const count = async () => Number((await db.store.db.selectFrom('annual_report_checks').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    if (!available) return;
    db = await openTestDb(backend);
    app = await makeApp(db.store);
    w = await makeUsers(db.store);
    id = await openedAssessment(db.store, w);
    for (const who of ['admin', 'reviewer', 'own', 'other', 'leader'] as const) {
      c[who] = new Client(app);
      expect((await c[who].login(w.usernames[who], PASSWORD)).status).toBe(200);
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it.skipIf(!available)('an agency uploads seed 002 (all PASS) and a report with an H1 failure; the outcomes are kept', async () => {
    const ok = await c.own.upload(url(id), '2024年年报.txt', fixture('seed-002_e5b39d85801b4d29.txt'), { level: '县级部门' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ agencyCode: OWN, outcome: 'PASS', reportYear: 2024, previousHash: null, summary: { PASS: 12, FAIL: 0, outcome: 'PASS' } });
    expect(ok.body.check.results.map((r: { id: string; outcome: string }) => `${r.id}:${r.outcome}`)).toContain('H1:PASS');
    const bad = await c.own.upload(url(id), '2022年年报.txt', fixture('pipe-2022-rowlines-h1-fail.txt'));
    expect(bad.body).toMatchObject({ outcome: 'FAIL', reportYear: 2022, summary: { FAIL: 1, PASS: 11 } });
    expect(bad.body.check.results.find((r: { id: string }) => r.id === 'H1').outcome).toBe('FAIL');

    const mine = await c.own.get(url(id));
    expect(mine.body.map((r: { name: string; outcome: string }) => `${r.name} ${r.outcome}`)).toEqual(['2022年年报.txt FAIL', '2024年年报.txt PASS']);
    const one = await c.reviewer.get(`${url(id)}/${ok.body.id}`);
    expect(one.body.check.summary.outcome).toBe('PASS');

    const table = await c.reviewer.get(`/api/assessments/${id}/annual-reports`);
    expect(table.body.map((r: { agencyCode: string; uploads: number; latest: { outcome: string } | null }) => [r.agencyCode, r.uploads, r.latest?.outcome ?? null])).toEqual([
      [OTHER, 0, null],
      [OWN, 2, 'FAIL'],
    ]);
    const audit = await c.admin.get(`/api/assessments/${id}/audit?action=annual-report.check`);
    expect(audit.body.filter((e: { action: string }) => e.action === 'annual-report.check').map((e: { after: { outcome: string } }) => e.after.outcome).sort()).toEqual(['FAIL', 'PASS']);
    await expect(db.store.db.updateTable('annual_report_checks').set({ outcome: 'PASS' }).execute()).rejects.toThrow(/append-only/);

    // The export holds each uploaded file byte for byte and its check; the CLI's checker gives the same outcomes.
    const files = new Map(await exportAssessment(db.store, w.admin, id));
    const bytes = files.get(`annual-reports/${OWN}/${ok.body.id}-2024年年报.txt`)!;
    expect(Buffer.compare(Buffer.from(bytes), fixture('seed-002_e5b39d85801b4d29.txt'))).toBe(0);
    const exported = JSON.parse(Buffer.from(files.get(`annual-reports/${OWN}/${bad.body.id}-check.json`)!).toString('utf8'));
    expect(exported).toEqual(bad.body.check);
    const cli = checkUploadedReport('2022年年报.txt', files.get(`annual-reports/${OWN}/${bad.body.id}-2022年年报.txt`)!);
    expect(cli.ok && cli.check.results.map((r) => `${r.id}:${r.outcome}`)).toEqual(exported.results.map((r: { id: string; outcome: string }) => `${r.id}:${r.outcome}`));
  });

  it.skipIf(!available)('another agency cannot read or upload for it; the leader does not see the table', async () => {
    expect((await c.other.get(url(id))).status).toBe(403);
    expect((await c.other.upload(url(id), '年报.txt', fixture('seed-002_e5b39d85801b4d29.txt'))).status).toBe(403);
    expect((await c.other.get(`/api/assessments/${id}/annual-reports`)).status).toBe(403);
    expect((await c.leader.get(`/api/assessments/${id}/annual-reports`)).status).toBe(403);
  });

  it.skipIf(!available).each([
    ['a PDF renamed to .txt', '年报.txt', PDF_BYTES, {}, 400, /无法读取.*PDF/],
    ['a .pdf', '年报.pdf', PDF_BYTES, {}, 415, /请上传从政府网站另存的网页/],
    ['a path in the name', '../年报.txt', fixture('seed-002_e5b39d85801b4d29.txt'), {}, 400, /不能包含路径/],
    ['an empty file', '年报.html', Buffer.alloc(0), {}, 400, /空文件/],
    ['an unknown level', '年报.txt', fixture('seed-002_e5b39d85801b4d29.txt'), { level: '宇宙级' }, 400, /单位层级"宇宙级"不在可选范围内/],
  ] as const)('refuses %s in Chinese, nothing stored', async (_label, name, bytes, fields, status, message) => {
    const before = await count();
    const r = await c.own.upload(url(id), name, bytes, fields as Record<string, string>);
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(r.body.error.message).toMatch(message);
    expect(await count()).toBe(before);
  });

  it.skipIf(!available)('next year checks against last year\'s upload (S1, S2, S8)', async () => {
    await c.own.upload(url(id), '2023年年报.txt', fixture('pipe-2023-previous.txt'));
    const next = await copyAssessment(db.store, w.admin, id, { year: 2018, title: '2018年度考核', rubricText: RUBRIC_2018 });
    await openAssessment(db.store, w.admin, next.id);
    const r = await c.own.upload(url(next.id), '2024年年报.txt', fixture('pipe-2024-current.txt'));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.previousHash).toMatch(/^[0-9a-f]{64}$/);
    const yoy = Object.fromEntries(r.body.check.results.filter((x: { id: string }) => ['S1', 'S2', 'S8'].includes(x.id)).map((x: { id: string; outcome: string }) => [x.id, x.outcome]));
    expect(yoy).toEqual({ S1: 'PASS', S2: 'PASS', S8: 'WARN' });
    expect(r.body.outcome).toBe('WARN');
  });

  it.skipIf(!available)('the board counts failed rubric checks of every saved report', async () => {
    const board = await c.admin.get(`/api/assessments/${id}/progress`);
    const seen: number[] = [];
    for (const row of board.body) {
      const sub = await c.admin.get(`/api/assessments/${id}/agencies/${row.agency.code}`);
      expect(sub.body.report.checks.length).toBeGreaterThan(0);
      const failed = (sub.body.report.checks as Array<{ outcome: string }>).filter((x: { outcome: string }) => x.outcome === 'fail').length;
      expect(row.score.failedChecks).toBe(failed);
      seen.push(failed);
    }
    expect(seen.length).toBe(2);
  });
});
