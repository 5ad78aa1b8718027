// Concurrency and crash safety, on PGlite and (when it answers) PostgreSQL: two writers who read the same version —
// one wins, the other gets a clear 409 in Chinese with the current version and loses nothing by re-applying on it;
// a crash between the document insert and the commit leaves the previous version intact (one transaction per write).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/service/http/app.js';
import { acceptSubmission, saveReview, submitEvidence, writeHooks, publishProvisional } from '../../src/service/index.js';
import { Client, exampleEvidence, makeApp, openTestDb, postgresAvailable, type Backend, type TestDb } from './helpers.js';
import { makeUsers, OTHER, OWN, openedAssessment, PASSWORD, reviewOf, type World } from './world.js';

const backends: Array<[Backend, boolean]> = [
  ['pglite', true],
  ['postgres', await postgresAvailable()],
];
if (!backends[1]![1]) console.warn('PostgreSQL 未运行:跳过 PostgreSQL 上的并发测试');

async function counts(db: TestDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['evidence_docs', 'review_docs', 'reports', 'publications', 'audit_log'] as const) {
    const r = await db.store.db.selectFrom(t).select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

describe.each(backends)('并发与崩溃(%s)', (backend, available) => {
  let db: TestDb;
  let app: App;
  let w: World;
  const c = {} as Record<'admin' | 'r1' | 'r2' | 'own', Client>;

  beforeAll(async () => {
    if (!available) return;
    db = await openTestDb(backend);
    app = await makeApp(db.store);
    w = await makeUsers(db.store);
    c.admin = new Client(app);
    await c.admin.login('admin', PASSWORD);
    await c.admin.post('/api/accounts', { accounts: [{ username: 'reviewer2', displayName: '复核人员二', role: 'reviewer' }] });
    const u = await db.store.db.selectFrom('users').select('id').where('username', '=', 'reviewer2').executeTakeFirstOrThrow();
    const { setPasswordDirect } = await import('../../src/service/domain/accounts.js');
    await setPasswordDirect(db.store, u.id, PASSWORD);
    for (const [k, user] of [['r1', 'reviewer'], ['r2', 'reviewer2'], ['own', OWN]] as const) {
      c[k] = new Client(app);
      expect((await c[k].login(user, PASSWORD)).status).toBe(200);
    }
  });
  afterEach(() => {
    delete writeHooks.beforeCommit;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it.skipIf(!available)('two reviewers saving the same agency at once: one wins, the other gets 409 and re-applies without losing either change', async () => {
    const id = await openedAssessment(db.store, w);
    await submitEvidence(db.store, w.actors.own, id, OWN);
    const url = `/api/assessments/${id}/agencies/${OWN}`;
    const v = (await c.r1.get(url)).body.version as number;
    const a = reviewOf(OWN) as { judgements: Record<string, { score: number; reason: string }> };
    const b = structuredClone(a);
    a.judgements['7'] = { ...a.judgements['7']!, score: 4, reason: '复核人一:统计表基本准确' };
    b.judgements['8.1'] = { ...b.judgements['8.1']!, score: 1, reason: '复核人二:有一项创新做法' };
    const [ra, rb] = await Promise.all([c.r1.put(`${url}/review`, { review: a, version: v }), c.r2.put(`${url}/review`, { review: b, version: v })]);
    const statuses = [ra.status, rb.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = ra.status === 409 ? ra : rb;
    expect(loser.body.error.code).toBe('CONFLICT');
    expect(loser.body.error.message).toBe(`该单位的材料已被他人修改(您看到的是第 ${v} 版,当前为第 ${v + 1} 版),请刷新后在最新版本上重新修改`);
    expect(loser.body.error.currentVersion).toBe(v + 1);
    // The loser reloads, re-applies its change on the winner's review, and saves: both rulings stand.
    const fresh = await (ra.status === 409 ? c.r1 : c.r2).get(url);
    const merged = fresh.body.review as typeof a;
    if (ra.status === 409) merged.judgements['7'] = a.judgements['7']!;
    else merged.judgements['8.1'] = b.judgements['8.1']!;
    const again = await (ra.status === 409 ? c.r1 : c.r2).put(`${url}/review`, { review: merged, version: fresh.body.version });
    expect(again.status).toBe(200);
    const final = await c.admin.get(url);
    expect(final.body.review.judgements['7'].score).toBe(4);
    expect(final.body.review.judgements['8.1'].score).toBe(1);
    expect(final.body.report.totals.bonus).toBe(5); // 4 (任务) + 1 (创新举措)
    const history = await c.admin.get(`${url}/history`);
    expect(history.body.filter((h: { kind: string }) => h.kind === 'review')).toHaveLength(2);
  });

  it.skipIf(!available)('ten simultaneous saves naming the same version: exactly one is stored', async () => {
    const id = await openedAssessment(db.store, w);
    const url = `/api/assessments/${id}/agencies/${OWN}/evidence`;
    const before = await counts(db);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => c.own.put(url, { evidence: { ...exampleEvidence('zhujianju.yaml'), preparedBy: `填表人${i}` }, version: 1 })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    const after = await counts(db);
    expect(after.evidence_docs! - before.evidence_docs!).toBe(1);
    const cur = await c.own.get(`/api/assessments/${id}/agencies/${OWN}`);
    expect(cur.body.version).toBe(2);
  });

  it.skipIf(!available)('a crash mid-write leaves the previous version intact', async () => {
    const id = await openedAssessment(db.store, w);
    const url = `/api/assessments/${id}/agencies/${OWN}`;
    const before = await c.own.get(url);
    const n0 = await counts(db);
    writeHooks.beforeCommit = (what) => {
      if (what === 'evidence.save') throw new Error('模拟崩溃');
    };
    const r = await c.own.put(`${url}/evidence`, { evidence: { ...exampleEvidence('zhujianju.yaml'), facts: {} }, version: before.body.version });
    expect(r.status).toBe(500);
    expect(r.body.error.message).toMatch(/^服务器内部错误/);
    expect(JSON.stringify(r.body)).not.toContain('模拟崩溃');
    delete writeHooks.beforeCommit;
    const after = await c.own.get(url);
    expect(after.body.version).toBe(before.body.version);
    expect(after.body.evidence).toEqual(before.body.evidence);
    expect(after.body.report.totals).toEqual(before.body.report.totals);
    expect(await counts(db)).toEqual(n0);
  });

  it.skipIf(!available)("a crash in one agency's save does not undo another agency's save running at the same time", async () => {
    const id = await openedAssessment(db.store, w);
    const other = new Client(app);
    await other.login(OTHER, PASSWORD);
    writeHooks.beforeCommit = async (what, code) => {
      if (what !== 'evidence.save') return;
      await new Promise((r) => setTimeout(r, 30)); // hold the transaction open while the other save runs
      if (code === OWN) throw new Error('模拟崩溃');
    };
    const [crashed, saved] = await Promise.all([
      c.own.put(`/api/assessments/${id}/agencies/${OWN}/evidence`, { evidence: { ...exampleEvidence('zhujianju.yaml'), preparedBy: '甲' }, version: 1 }),
      other.put(`/api/assessments/${id}/agencies/${OTHER}/evidence`, { evidence: { ...exampleEvidence('caizhengju.yaml'), preparedBy: '乙' }, version: 1 }),
    ]);
    delete writeHooks.beforeCommit;
    expect(crashed.status).toBe(500);
    expect(saved.status).toBe(200);
    const own = await c.admin.get(`/api/assessments/${id}/agencies/${OWN}`);
    const oth = await c.admin.get(`/api/assessments/${id}/agencies/${OTHER}`);
    expect([own.body.version, own.body.evidence.preparedBy ?? null]).toEqual([1, exampleEvidence('zhujianju.yaml').preparedBy ?? null]);
    expect([oth.body.version, oth.body.evidence.preparedBy]).toEqual([2, '乙']);
  });

  it.skipIf(!available)('a crash while publishing publishes nothing', async () => {
    const id = await openedAssessment(db.store, w);
    for (const [code, who] of [[OWN, 'own'], [OTHER, 'other']] as const) {
      await submitEvidence(db.store, w.actors[who], id, code);
      await saveReview(db.store, w.actors.reviewer, id, code, reviewOf(code));
      await acceptSubmission(db.store, w.actors.reviewer, id, code);
    }
    const n0 = await counts(db);
    writeHooks.beforeCommit = (what) => {
      if (what === 'publish.provisional') throw new Error('模拟崩溃');
    };
    await expect(publishProvisional(db.store, w.admin, id)).rejects.toThrow('模拟崩溃');
    delete writeHooks.beforeCommit;
    expect(await counts(db)).toEqual(n0);
    const a = await c.admin.get(`/api/assessments/${id}`);
    expect(a.body.status).toBe('open');
    const board = await c.admin.get(`/api/assessments/${id}/progress`);
    expect(board.body.map((r: { state: string }) => r.state)).toEqual(['accepted', 'accepted']);
  });

  it.skipIf(!available)('stored documents are append-only: the database itself refuses UPDATE and DELETE', async () => {
    await expect(db.store.db.updateTable('evidence_docs').set({ text: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.store.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(db.store.db.updateTable('reports').set({ text: 'x' }).execute()).rejects.toThrow(/append-only/);
  });
});
