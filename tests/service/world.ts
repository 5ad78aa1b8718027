// A small world for authorization, concurrency and hostile-input tests, built through the domain layer (fast):
// an administrator, a reviewer, a leader, users of two agencies (住建局 etqq-zjj and 财政局 etqq-czj), and
// assessments opened with both agencies' drafts saved.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Store } from '../../src/service/db/store.js';
import { bootstrapAdmin, createAccounts, setPasswordDirect } from '../../src/service/domain/accounts.js';
import type { Actor } from '../../src/service/domain/actor.js';
import { addAgencies } from '../../src/service/domain/agencies.js';
import { createAssessment, openAssessment } from '../../src/service/domain/assessments.js';
import { saveDraft } from '../../src/service/domain/submissions.js';
import { EXAMPLES, exampleEvidence, RUBRIC_2017 } from './helpers.js';

export const PASSWORD = 'test-password-1';
export const OWN = 'etqq-zjj';
export const OTHER = 'etqq-czj';

export interface World {
  admin: Actor;
  actors: Record<'admin' | 'reviewer' | 'leader' | 'own' | 'other', Actor>;
  usernames: Record<'admin' | 'reviewer' | 'leader' | 'own' | 'other', string>;
}

export async function makeUsers(store: Store): Promise<World> {
  const admin = await bootstrapAdmin(store, 'admin', '管理员', PASSWORD);
  // Agency accounts must name an agency in some register: a setup assessment holds the two agencies first.
  const a = await createAssessment(store, admin, { year: 2016, title: '名单', rubricText: RUBRIC_2017 });
  await addAgencies(store, admin, a.id, [agencyRow(OWN), agencyRow(OTHER)]);
  const created = await createAccounts(store, admin, [
    { username: 'reviewer', displayName: '复核人员', role: 'reviewer' },
    { username: 'leader', displayName: '领导', role: 'leader' },
    { username: OWN, displayName: '住建局填报人', role: 'agency', agencyCode: OWN },
    { username: OTHER, displayName: '财政局填报人', role: 'agency', agencyCode: OTHER },
  ]);
  for (const c of created) await setPasswordDirect(store, c.id, PASSWORD);
  const actor = (username: string): Actor => {
    const c = created.find((x) => x.username === username)!;
    return { id: c.id, username, displayName: username, role: c.role, agencyCode: c.agencyCode };
  };
  return {
    admin,
    actors: { admin, reviewer: actor('reviewer'), leader: actor('leader'), own: actor(OWN), other: actor(OTHER) },
    usernames: { admin: 'admin', reviewer: 'reviewer', leader: 'leader', own: OWN, other: OTHER },
  };
}

const FILE: Record<string, string> = { [OWN]: 'zhujianju.yaml', [OTHER]: 'caizhengju.yaml' };

export function agencyRow(code: string) {
  const ag = (exampleEvidence(FILE[code]!) as { agency: { name: string; shortName: string; class: string } }).agency;
  return { code, name: ag.name, shortName: ag.shortName, class: ag.class, contact: null };
}

export const reviewOf = (code: string): Record<string, unknown> => parseYaml(readFileSync(join(EXAMPLES, 'reviews', `${code}.yaml`), 'utf8'));

/** An opened assessment with both agencies' example drafts saved (version 1 each). */
export async function openedAssessment(store: Store, w: World): Promise<number> {
  const a = await createAssessment(store, w.admin, {
    year: 2017,
    title: '2017年度考核',
    rubricText: RUBRIC_2017,
    submitDeadline: '2030-01-01T00:00:00Z',
    reviewDeadline: '2030-02-01T00:00:00Z',
    appealDeadline: '2030-03-01T00:00:00Z',
  });
  await addAgencies(store, w.admin, a.id, [agencyRow(OWN), agencyRow(OTHER)]);
  await openAssessment(store, w.admin, a.id);
  for (const code of [OWN, OTHER]) await saveDraft(store, w.admin, a.id, code, exampleEvidence(FILE[code]!));
  return a.id;
}
