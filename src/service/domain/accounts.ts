// Accounts: created by the office (from the register for agency users) with one-time activation links; no
// self-registration. Passwords are hashed with argon2id; sessions live in the database (so several instances
// share them) and only their SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { Role } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { requireRole, type Actor } from './actor.js';
import { recordAudit } from './audit.js';
import { invalid, ServiceError } from './errors.js';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const ACTIVATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
export const PASSWORD_MIN = 10;

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const token = (): string => randomBytes(32).toString('base64url');

/**
 * argon2id cost. The defaults (19 MiB, 2 passes, ~300 ms here) follow OWASP's minimum; tests lower them so a suite
 * can create dozens of accounts (verification reads the cost from the stored hash, so both work side by side).
 */
export const PASSWORD_HASH_COST = { memoryCost: 19456, timeCost: 2 };

export const hashPassword = (pw: string): Promise<string> => argonHash(pw, { algorithm: 2, memoryCost: PASSWORD_HASH_COST.memoryCost, timeCost: PASSWORD_HASH_COST.timeCost });

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  agencyCode?: string | null;
}

export interface CreatedAccount {
  id: number;
  username: string;
  role: Role;
  agencyCode: string | null;
  /** One-time token: the activation link is /activate?token=… (shown once, only its hash is stored). */
  activationToken: string;
}

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

/** Create accounts (office admins only). Agency accounts must name an agency code. */
export async function createAccounts(store: Store, actor: Actor, accounts: NewAccount[]): Promise<CreatedAccount[]> {
  requireRole(actor, ['admin'], '创建账号');
  for (const a of accounts) {
    if (!USERNAME.test(a.username)) throw invalid(`用户名"${a.username.slice(0, 64)}"只能由字母、数字、点、下划线和连字符组成(2–64 个字符)`);
    if (a.role === 'agency' && !a.agencyCode) throw invalid(`账号 ${a.username}:单位填报人账号必须指定单位代码`);
    if (a.role !== 'agency' && a.agencyCode) throw invalid(`账号 ${a.username}:只有单位填报人账号属于某个单位`);
  }
  const now = store.now();
  return store.db.transaction().execute(async (tx) => {
    const out: CreatedAccount[] = [];
    for (const a of accounts) {
      if (a.role === 'agency') {
        const known = await tx.selectFrom('agencies').select('id').where('code', '=', a.agencyCode!).executeTakeFirst();
        if (!known) throw invalid(`账号 ${a.username}:单位代码 ${a.agencyCode} 不在任何考核的单位名单中`);
      }
      const exists = await tx.selectFrom('users').select('id').where('username', '=', a.username).executeTakeFirst();
      if (exists) throw new ServiceError('CONFLICT', `用户名 ${a.username} 已存在`);
      const u = await tx
        .insertInto('users')
        .values({ username: a.username, display_name: a.displayName.slice(0, 100), role: a.role, agency_code: a.agencyCode ?? null, password_hash: null, active: false, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const t = token();
      await tx.insertInto('activation_tokens').values({ token_hash: sha256(t), user_id: u.id, expires_at: new Date(now.getTime() + ACTIVATION_TTL_MS), used_at: null }).execute();
      await recordAudit(tx, now, actor, { assessmentId: null, agencyCode: a.agencyCode ?? null, action: 'account.create', entity: `user:${a.username}`, after: { role: a.role, agencyCode: a.agencyCode ?? null } });
      out.push({ id: u.id, username: a.username, role: a.role, agencyCode: a.agencyCode ?? null, activationToken: t });
    }
    return out;
  });
}

/** Issue a new activation link for an account (e.g. forgotten password); the old password stops working. */
export async function resetActivation(store: Store, actor: Actor, username: string): Promise<string> {
  requireRole(actor, ['admin'], '重置账号');
  const now = store.now();
  return store.db.transaction().execute(async (tx) => {
    const u = await tx.selectFrom('users').select(['id', 'agency_code']).where('username', '=', username).executeTakeFirst();
    if (!u) throw new ServiceError('NOT_FOUND', `找不到账号 ${username}`);
    await tx.updateTable('users').set({ active: false, password_hash: null }).where('id', '=', u.id).execute();
    await tx.deleteFrom('sessions').where('user_id', '=', u.id).execute();
    const t = token();
    await tx.insertInto('activation_tokens').values({ token_hash: sha256(t), user_id: u.id, expires_at: new Date(now.getTime() + ACTIVATION_TTL_MS), used_at: null }).execute();
    await recordAudit(tx, now, actor, { assessmentId: null, agencyCode: u.agency_code, action: 'account.reset', entity: `user:${username}` });
    return t;
  });
}

function checkPassword(pw: string): void {
  if (pw.length < PASSWORD_MIN) throw invalid(`密码至少 ${PASSWORD_MIN} 个字符`);
  if (pw.length > 200) throw invalid('密码不能超过 200 个字符');
}

/** Use a one-time activation token to set the password; the token is spent. */
export async function activateAccount(store: Store, activationToken: string, password: string): Promise<{ username: string }> {
  checkPassword(password);
  const hashed = await hashPassword(password);
  const now = store.now();
  return store.db.transaction().execute(async (tx) => {
    const t = await tx.selectFrom('activation_tokens').selectAll().where('token_hash', '=', sha256(activationToken)).forUpdate().executeTakeFirst();
    if (!t || t.used_at !== null || new Date(t.expires_at) < now) throw invalid('激活链接无效、已使用或已过期,请联系政务公开办重新生成');
    await tx.updateTable('activation_tokens').set({ used_at: now }).where('token_hash', '=', t.token_hash).execute();
    await tx.updateTable('users').set({ password_hash: hashed, active: true }).where('id', '=', t.user_id).execute();
    const u = await tx.selectFrom('users').select(['username', 'agency_code']).where('id', '=', t.user_id).executeTakeFirstOrThrow();
    await recordAudit(tx, now, null, { assessmentId: null, agencyCode: u.agency_code, action: 'account.activate', entity: `user:${u.username}` });
    return { username: u.username };
  });
}

const DUMMY_HASH = hashPassword('zwgk-timing-equaliser');

export interface Session {
  /** The cookie value (only its hash is stored). */
  id: string;
  csrfToken: string;
  actor: Actor;
  expiresAt: Date;
}

const actorOf = (u: { id: number; username: string; display_name: string; role: Role; agency_code: string | null }): Actor => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  agencyCode: u.agency_code,
});

/** Check a password and open a session; one message for every failure (no account enumeration). */
export async function login(store: Store, username: string, password: string): Promise<Session> {
  const u = await store.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const ok = u?.active && u.password_hash ? await argonVerify(u.password_hash, password).catch(() => false) : (await argonVerify(await DUMMY_HASH, password).catch(() => false), false);
  if (!u || !ok) throw new ServiceError('UNAUTHENTICATED', '用户名或密码不正确');
  const now = store.now();
  const id = token();
  const csrfToken = token();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await store.db.insertInto('sessions').values({ id_hash: sha256(id), user_id: u.id, csrf_token: csrfToken, created_at: now, expires_at: expiresAt }).execute();
  await store.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  return { id, csrfToken, actor: actorOf(u), expiresAt };
}

/** The session behind a cookie value, or null when absent or expired. */
export async function findSession(store: Store, sessionId: string): Promise<Session | null> {
  if (!sessionId || sessionId.length > 100) return null;
  const r = await store.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.csrf_token', 's.expires_at', 'u.id', 'u.username', 'u.display_name', 'u.role', 'u.agency_code', 'u.active'])
    .where('s.id_hash', '=', sha256(sessionId))
    .executeTakeFirst();
  if (!r || !r.active || new Date(r.expires_at) < store.now()) return null;
  return { id: sessionId, csrfToken: r.csrf_token, actor: actorOf(r), expiresAt: new Date(r.expires_at) };
}

export async function logout(store: Store, sessionId: string): Promise<void> {
  await store.db.deleteFrom('sessions').where('id_hash', '=', sha256(sessionId)).execute();
}

/** Change one's own password (the old one is required); every other session of the user ends. */
export async function changePassword(store: Store, actor: Actor, oldPassword: string, newPassword: string, keepSession: string): Promise<void> {
  checkPassword(newPassword);
  const u = await store.db.selectFrom('users').select('password_hash').where('id', '=', actor.id).executeTakeFirst();
  if (!u?.password_hash || !(await argonVerify(u.password_hash, oldPassword).catch(() => false))) throw invalid('原密码不正确');
  const hashed = await hashPassword(newPassword);
  const now = store.now();
  await store.db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ password_hash: hashed }).where('id', '=', actor.id).execute();
    await tx.deleteFrom('sessions').where('user_id', '=', actor.id).where('id_hash', '!=', sha256(keepSession)).execute();
    await recordAudit(tx, now, actor, { assessmentId: null, agencyCode: actor.agencyCode, action: 'account.password', entity: `user:${actor.username}` });
  });
}

export interface AccountView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  agencyCode: string | null;
  active: boolean;
}

export async function listAccounts(store: Store, actor: Actor): Promise<AccountView[]> {
  requireRole(actor, ['admin'], '查看账号');
  const rows = await store.db.selectFrom('users').selectAll().orderBy('id').execute();
  return rows.map((u) => ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role, agencyCode: u.agency_code, active: u.active }));
}

/** First start: the initial administrator, created directly (no actor yet). */
export async function bootstrapAdmin(store: Store, username: string, displayName: string, password: string): Promise<Actor> {
  const hashed = await hashPassword(password);
  const u = await store.db
    .insertInto('users')
    .values({ username, display_name: displayName, role: 'admin', agency_code: null, password_hash: hashed, active: true, created_at: store.now() })
    .returning(['id', 'username', 'display_name', 'role', 'agency_code'])
    .executeTakeFirstOrThrow();
  const actor = actorOf(u);
  await recordAudit(store.db, store.now(), null, { assessmentId: null, action: 'account.bootstrap', entity: `user:${username}`, after: { role: 'admin' } });
  return actor;
}

/** Set a password directly (seeding demo accounts and tests). */
export async function setPasswordDirect(store: Store, userId: number, password: string): Promise<void> {
  await store.db.updateTable('users').set({ password_hash: await hashPassword(password), active: true }).where('id', '=', userId).execute();
}
