// First start: the initial accounts and a demo assessment built from the bundled 2017 rubric and its six example
// agencies. Five agencies start with their example evidence as a draft; 住建局 starts empty (for a walk-through of
// the form). Everything goes through the domain functions, so the seed is in the audit trail like any other change.
import { randomBytes } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSource } from '../../load/parse-source.js';
import type { Role } from '../db/schema.js';
import type { Store } from '../db/store.js';
import type { Actor } from './actor.js';
import { bootstrapAdmin, createAccounts, setPasswordDirect } from './accounts.js';
import { addAgencies } from './agencies.js';
import { createAssessment, openAssessment } from './assessments.js';
import { saveDraft } from './submissions.js';

export interface DemoAccount {
  username: string;
  role: Role;
  agencyCode: string | null;
  displayName: string;
  password: string;
}

export interface SeedResult {
  assessmentId: number;
  accounts: DemoAccount[];
  /** Example files that could not be imported (message per file). */
  skipped: string[];
}

export interface SeedOptions {
  /** Project root holding rubrics/ and examples/. */
  root: string;
  /** One password for every demo account (tests); otherwise each gets a random one. */
  password?: string;
  /** Agencies whose example evidence is not preloaded. */
  leaveEmpty?: string[];
  /** Windows relative to now, in days. */
  days?: { submit: number; review: number; appeal: number };
}

const DAY = 24 * 60 * 60 * 1000;
const randomPassword = (): string => randomBytes(9).toString('base64url');

/** Whether the database has any user yet (the seed runs only on an empty database). */
export async function isEmpty(store: Store): Promise<boolean> {
  const u = await store.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return !u;
}

/** Seed the demo assessment and accounts. */
export async function seedDemo(store: Store, opts: SeedOptions): Promise<SeedResult> {
  const pw = (): string => opts.password ?? randomPassword();
  const adminPassword = pw();
  const admin: Actor = await bootstrapAdmin(store, 'admin', '旗政务公开办管理员', adminPassword);
  const rubricText = await readFile(join(opts.root, 'rubrics', 'etuokeqianqi-2017.yaml'), 'utf8');
  const now = store.now().getTime();
  const days = opts.days ?? { submit: 30, review: 45, appeal: 60 };
  const a = await createAssessment(store, admin, {
    year: 2017,
    title: '2017年度鄂托克前旗政务公开工作考核',
    rubricText,
    submitDeadline: new Date(now + days.submit * DAY).toISOString(),
    reviewDeadline: new Date(now + days.review * DAY).toISOString(),
    appealDeadline: new Date(now + days.appeal * DAY).toISOString(),
  });
  const dir = join(opts.root, 'examples', 'etuokeqianqi-2017');
  const examples: Array<{ code: string; file: string; text: string; data: Record<string, unknown> }> = [];
  for (const f of (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const text = await readFile(join(dir, f), 'utf8');
    const src = parseSource(f, text);
    if (!src.ok) continue;
    const data = src.value.data as { agency: { code: string; name: string; shortName?: string; class?: string } };
    examples.push({ code: data.agency.code, file: f, text, data: data as unknown as Record<string, unknown> });
  }
  await addAgencies(
    store,
    admin,
    a.id,
    examples.map((e) => {
      const ag = (e.data as { agency: { code: string; name: string; shortName?: string; class?: string } }).agency;
      return { code: ag.code, name: ag.name, shortName: ag.shortName ?? null, class: ag.class ?? null, contact: null };
    }),
    '演示数据',
  );
  await openAssessment(store, admin, a.id);
  const accounts: DemoAccount[] = [{ username: 'admin', role: 'admin', agencyCode: null, displayName: '旗政务公开办管理员', password: adminPassword }];
  const staff: Array<{ username: string; displayName: string; role: Role; agencyCode?: string | null }> = [
    { username: 'reviewer', displayName: '复核人员', role: 'reviewer' },
    { username: 'leader', displayName: '分管领导', role: 'leader' },
    ...examples.map((e) => {
      const ag = (e.data as { agency: { code: string; shortName?: string; name: string } }).agency;
      return { username: ag.code, displayName: `${ag.shortName ?? ag.name}填报人`, role: 'agency' as Role, agencyCode: ag.code };
    }),
  ];
  const created = await createAccounts(store, admin, staff);
  for (const c of created) {
    const password = pw();
    await setPasswordDirect(store, c.id, password);
    const s = staff.find((x) => x.username === c.username)!;
    accounts.push({ username: c.username, role: c.role, agencyCode: c.agencyCode, displayName: s.displayName, password });
  }
  const skipped: string[] = [];
  const leaveEmpty = new Set(opts.leaveEmpty ?? ['etqq-zjj']);
  for (const e of examples) {
    if (leaveEmpty.has(e.code)) continue;
    try {
      await saveDraft(store, admin, a.id, e.code, e.data, undefined, 'seed');
    } catch (err) {
      skipped.push(`${e.file}:${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { assessmentId: a.id, accounts, skipped };
}
