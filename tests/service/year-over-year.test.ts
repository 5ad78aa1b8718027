// Year over year in the service (PGlite, and PostgreSQL when it answers): last year's assessment is carried to
// final results, copied to the next year, run again; the next year's final publication carries the engine's
// baseline comparison (previous = last year's final total, current = this year's), shown on the results page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/service/http/app.js';
import { acceptSubmission, publishFinal, publishProvisional, saveDraft, saveReview, setWindows, submitEvidence } from '../../src/service/index.js';
import { openAssessment } from '../../src/service/domain/assessments.js';
import { copyAssessment } from '../../src/service/domain/next-year.js';
import { buildApp } from '../../src/service/http/app.js';
import { webPlugin } from '../../src/web/web-plugin.js';
import { Client, exampleEvidence, openTestDb, postgresAvailable, RUBRIC_2017, type Backend, type TestDb } from './helpers.js';
import { makeUsers, OTHER, OWN, openedAssessment, PASSWORD, reviewOf, type World } from './world.js';

const backends: Array<[Backend, boolean]> = [
  ['pglite', true],
  ['postgres', await postgresAvailable()],
];
const FILE: Record<string, string> = { [OWN]: 'zhujianju.yaml', [OTHER]: 'caizhengju.yaml' };

/** This year 住建局 answered 3 hotspots (last year 0): +2 points on the hotspot item, everything else unchanged. */
const thisYearEvidence = (code: string) => {
  const ev = exampleEvidence(FILE[code]!) as { facts: Record<string, unknown> };
  if (code === OWN) ev.facts.hotspotResponses = 3;
  return ev;
};

async function runToFinal(db: TestDb, w: World, aid: number, saveFirst: boolean): Promise<Record<string, number>> {
  for (const code of [OWN, OTHER]) {
    const actor = w.actors[code === OWN ? 'own' : 'other'];
    if (saveFirst) await saveDraft(db.store, actor, aid, code, thisYearEvidence(code));
    await submitEvidence(db.store, actor, aid, code);
    await saveReview(db.store, w.actors.reviewer, aid, code, reviewOf(code));
    await acceptSubmission(db.store, w.actors.reviewer, aid, code);
  }
  await publishProvisional(db.store, w.admin, aid);
  await setWindows(db.store, w.admin, aid, { submitDeadline: null, reviewDeadline: null, appealDeadline: null });
  const c = await publishFinal(db.store, w.admin, aid);
  return Object.fromEntries(c.agencies.map((a) => [a.code, a.totals.final]));
}

describe.each(backends)('与上年比较(%s)', (backend, available) => {
  let db: TestDb;
  let w: World;
  let app: App;
  beforeAll(async () => {
    if (!available) return;
    db = await openTestDb(backend);
    w = await makeUsers(db.store);
    app = await buildApp({ store: db.store, loginRateLimit: 1000, plugins: [webPlugin] });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it.skipIf(!available)('the copied assessment\'s final results carry the baseline section; the first year\'s do not', async () => {
    const first = await openedAssessment(db.store, w);
    const lastYear = await runToFinal(db, w, first, false);
    const firstPub = await db.store.db.selectFrom('publications').select('text').where('assessment_id', '=', first).where('stage', '=', 'final').executeTakeFirstOrThrow();
    expect(JSON.parse(firstPub.text).baseline).toBeNull();

    const next = await copyAssessment(db.store, w.admin, first, { year: 2018, title: '2018年度考核', rubricText: RUBRIC_2017 });
    await openAssessment(db.store, w.admin, next.id);
    const thisYear = await runToFinal(db, w, next.id, true);
    const pub = await db.store.db.selectFrom('publications').select('text').where('assessment_id', '=', next.id).where('stage', '=', 'final').executeTakeFirstOrThrow();
    const baseline = JSON.parse(pub.text).baseline;
    expect(baseline.rubric).toMatchObject({ id: 'etuokeqianqi-2017' });
    expect([lastYear[OWN], thisYear[OWN]]).toEqual([59, 61]);
    expect(baseline.agencies.map((r: { code: string; previous: number; current: number; change: number; rubricChange: number; workChange: number; previousFile: string }) => [r.code, r.previous, r.current, r.change, r.rubricChange, r.workChange, r.previousFile])).toEqual([
      [OTHER, lastYear[OTHER], thisYear[OTHER], 0, 0, 0, `2017/evidence/${OTHER}.json`],
      [OWN, 59, 61, 2, 0, 2, `2017/evidence/${OWN}.json`],
    ]);
    expect(baseline.onlyInBaseline).toEqual([]);
    expect(baseline.onlyInCurrent).toEqual([]);

    // The results page shows it (与上年比较), with the figures of both years.
    const leader = new Client(app);
    expect((await leader.login('leader', PASSWORD)).status).toBe(200);
    const page = await leader.get(`/a/${next.id}/results`);
    expect(page.status, String(page.body).slice(0, 300)).toBe(200);
    expect(page.body).toContain('<h2>与上年比较</h2>');
    expect(page.body).toMatch(/<td class="num">59(\.0+)?<\/td><td class="num">61(\.0+)?<\/td><td class="num">\+2(\.0+)?<\/td>/);
  }, 180_000); // two whole years through final results, on a machine shared by parallel test files
});
