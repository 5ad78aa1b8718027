// Control characters in stored text (a return message with a bidi override, a reason with an ESC sequence) leave
// the service only escaped (JSON) or stripped (CSV exports, pages).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/service/http/app.js';
import { auditCsv } from '../../src/service/http/routes-results.js';
import { submitEvidence } from '../../src/service/index.js';
import { formatAuditCsv } from '../../src/web/pages/audit-page.js';
import { Client, makeApp, openTestDb, type TestDb } from './helpers.js';
import { makeUsers, OWN, openedAssessment, PASSWORD } from './world.js';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;
const entry = { id: 1, at: '2026-11-23T18:30:00Z', actor: '复核\u001b[2K人员', agencyCode: OWN, action: 'submission.return', entity: 'submission:1', before: { state: 'submitted' }, after: { message: '改\u202e正' }, reason: '理由\u009b31m' };

describe('control characters', () => {
  it.each([
    ['API audit CSV', () => auditCsv([entry as never])],
    ['page audit CSV', () => formatAuditCsv([entry as never])],
  ])('%s strips them and keeps CRLF', (_n, make) => {
    const csv = make();
    expect(csv).not.toMatch(CONTROL);
    expect(csv).toContain('复核[2K人员');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  let db: TestDb;
  let app: App;
  beforeAll(async () => {
    db = await openTestDb('pglite');
    app = await makeApp(db.store);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
  it('JSON answers write DEL, C1 and bidi controls as \\u escapes', async () => {
    const w = await makeUsers(db.store);
    const id = await openedAssessment(db.store, w);
    await submitEvidence(db.store, w.actors.own, id, OWN);
    const c = new Client(app);
    await c.login('reviewer', PASSWORD);
    expect((await c.post(`/api/assessments/${id}/agencies/${OWN}/return`, { message: '请改正\u202e第\u0085三项' })).status).toBe(200);
    const r = await c.get(`/api/assessments/${id}/agencies/${OWN}`);
    expect(r.raw.toString('utf8')).not.toMatch(CONTROL);
    expect(r.raw.toString('utf8')).toContain('请改正\\u202e第\\u0085三项');
    expect(r.body.message).toBe('请改正\u202e第\u0085三项');
  });
});
