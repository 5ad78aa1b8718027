// Test helpers for the service: one database per test file (PGlite copied from a prepared template directory, so
// initdb runs once per machine; or a fresh schema on the PostgreSQL server when one answers), a movable clock, and
// an API client over fastify's inject that keeps the session cookie and CSRF token.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { MIGRATIONS } from '../../src/service/db/migrations.js';
import { openStore, resetStore, type Store } from '../../src/service/db/store.js';
import { PASSWORD_HASH_COST } from '../../src/service/domain/accounts.js';
import { buildApp, type App } from '../../src/service/http/app.js';
import pg from 'pg';

// Cheap argon2id for tests (the production cost is tested once in accounts tests).
PASSWORD_HASH_COST.memoryCost = 1024;
PASSWORD_HASH_COST.timeCost = 1;

export const ROOT = join(import.meta.dirname, '..', '..');
export const RUBRIC_2017 = readFileSync(join(ROOT, 'rubrics', 'etuokeqianqi-2017.yaml'), 'utf8');
export const RUBRIC_2018 = readFileSync(join(ROOT, 'rubrics', 'etuokeqianqi-2018.yaml'), 'utf8');
export const EXAMPLES = join(ROOT, 'examples', 'etuokeqianqi-2017');

/** An example agency's evidence as the JSON object the API takes. */
export function exampleEvidence(file: string): Record<string, unknown> {
  return parseYaml(readFileSync(join(EXAMPLES, file), 'utf8')) as Record<string, unknown>;
}

export class Clock {
  t = Date.parse('2018-01-10T00:00:00Z');
  now = (): Date => new Date(this.t);
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
}

const migrationsKey = createHash('sha256').update(Object.keys(MIGRATIONS).join(',') + readFileSync(join(ROOT, 'src/service/db/migrations.ts'), 'utf8')).digest('hex').slice(0, 12);

/** A PGlite data directory with the schema applied, made once and copied for each test file. */
async function pgliteTemplate(): Promise<string> {
  const tpl = join(tmpdir(), `zwgk-pglite-template-${migrationsKey}`);
  const ready = join(tpl, 'READY');
  if (existsSync(ready)) return tpl;
  try {
    mkdirSync(`${tpl}.lock`); // atomic: one test worker builds the template, the others wait for READY
  } catch {
    for (let i = 0; i < 600 && !existsSync(ready); i++) await new Promise((r) => setTimeout(r, 200));
    if (existsSync(ready)) return tpl;
    throw new Error(`PGlite 模板目录 ${tpl} 没有准备好(可删除 ${tpl}.lock 后重试)`);
  }
  rmSync(tpl, { recursive: true, force: true });
  const s = await openStore({ dataDir: tpl });
  await s.close();
  writeFileSync(ready, '');
  rmSync(`${tpl}.lock`, { recursive: true, force: true });
  return tpl;
}

/**
 * PGlite keeps touching its data directory for a moment after close() resolves (an unhandled ENOENT if the directory
 * is removed at once): remove test directories when the test process exits.
 */
export function removeAtExit(dir: string): void {
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
}

export type Backend = 'pglite' | 'postgres';

export const PG_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether a PostgreSQL server answers (DATABASE_URL, or 127.0.0.1:5432). */
export async function postgresAvailable(): Promise<boolean> {
  const u = new URL(PG_URL);
  const open = await new Promise<boolean>((resolve) => {
    const sock = connect({ host: u.hostname, port: Number(u.port || 5432) });
    sock.setTimeout(5000); // generous: a loaded CI machine must not skip the PostgreSQL half by accident
    sock.once('connect', () => (sock.destroy(), resolve(true)));
    sock.once('error', () => resolve(false));
    sock.once('timeout', () => (sock.destroy(), resolve(false)));
  });
  if (!open) return false;
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 10000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export interface TestDb {
  store: Store;
  clock: Clock;
  /** Drop everything and migrate again (between tests). */
  reset: () => Promise<void>;
  close: () => Promise<void>;
}

/** Open a fresh database of the given backend for one test file. */
export async function openTestDb(backend: Backend): Promise<TestDb> {
  const clock = new Clock();
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-test-'));
    cpSync(await pgliteTemplate(), dir, { recursive: true });
    const store = await openStore({ dataDir: dir, now: clock.now });
    return { store, clock, reset: () => resetStore(store), close: async () => (await store.close(), removeAtExit(dir)) };
  }
  const schema = `zwgk_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const store = await openStore({ databaseUrl: PG_URL, schema, now: clock.now, poolSize: 4 });
  return {
    store,
    clock,
    reset: () => resetStore(store),
    close: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema if exists "${schema}" cascade`);
      await c.end();
    },
  };
}

export interface Res {
  status: number;
  body: any;
  headers: Record<string, unknown>;
  raw: Buffer;
}

/** An API client for one user: keeps the session cookie and sends the CSRF token on every state change. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(readonly app: App) {}

  private creds: [string, string] | null = null;

  /** Sign in again (sessions expire when a test moves the clock past their 12 hours). */
  relogin(): Promise<Res> {
    return this.login(...this.creds!);
  }

  async login(username: string, password: string): Promise<Res> {
    this.creds = [username, password];
    this.cookie = '';
    this.csrf = '';
    const r = await this.call('POST', '/api/auth/login', { username, password });
    if (r.status === 200) {
      this.cookie = String(([] as string[]).concat(r.headers['set-cookie'] as string)[0]).split(';')[0]!;
      this.csrf = r.body.csrfToken;
    }
    return r;
  }

  async call(method: string, url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Res> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    const r = await this.app.inject({ method: method as 'GET', url, headers: h, ...(payload !== undefined ? (typeof payload === 'string' || Buffer.isBuffer(payload) ? { payload } : { payload: payload as object }) : {}) });
    const ct = String(r.headers['content-type'] ?? '');
    return { status: r.statusCode, body: ct.includes('json') ? r.json() : r.body, headers: r.headers as Record<string, unknown>, raw: r.rawPayload };
  }

  get = (url: string) => this.call('GET', url);
  post = (url: string, body: unknown = {}) => this.call('POST', url, body);
  put = (url: string, body: unknown) => this.call('PUT', url, body);

  /** Upload one file as multipart (fields go before the file, as readUpload expects). */
  async upload(url: string, name: string, bytes: Uint8Array, fields: Record<string, string> = {}, contentType = 'application/octet-stream'): Promise<Res> {
    const boundary = `----zwgk${randomBytes(8).toString('hex')}`;
    const parts: Buffer[] = [];
    for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${contentType}\r\n\r\n`), Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`));
    return this.call('POST', url, Buffer.concat(parts), { 'content-type': `multipart/form-data; boundary=${boundary}` });
  }
}

export async function makeApp(store: Store): Promise<App> {
  return buildApp({ store, loginRateLimit: 1000 });
}

/** A tiny valid PDF (content checked by magic bytes). */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
/** A 1×1 PNG. */
export const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
