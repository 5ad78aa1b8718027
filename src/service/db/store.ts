// The storage interface every part of the service uses: one typed kysely handle over either database, plus the
// clock. Open it with openStore(); migrations run before it is returned.
//
//   openStore({ dataDir })      → PGlite (PostgreSQL compiled to WASM) in a local directory: the embedded default
//   openStore({ databaseUrl })  → a PostgreSQL server through `pg` (several instances may share it)
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { migrationProvider } from './migrations.js';
import { PGliteDialect } from './pglite-dialect.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export interface Store {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages (a directory, or the server URL without its password). */
  location: string;
  /** PostgreSQL schema the tables live in (default public). */
  schema: string;
  /** The service's clock (tests move it to cross deadlines). */
  now: () => Date;
  close: () => Promise<void>;
}

export interface StoreOptions {
  /** PGlite data directory (created if absent). */
  dataDir?: string;
  /** PostgreSQL connection string; takes precedence over dataDir. */
  databaseUrl?: string;
  /** PostgreSQL schema to use (tests use a fresh one per run). */
  schema?: string;
  now?: () => Date;
  /** Pool size for PostgreSQL (default 10). */
  poolSize?: number;
}

/** A URL without its password, for printing. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'PostgreSQL';
  }
}

/** Run every pending migration; throws with the failing migration's error. */
export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new Error(`数据库迁移 ${failed} 失败:${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Open the database (PGlite data directory or PostgreSQL server) and bring its schema up to date. */
export async function openStore(opts: StoreOptions): Promise<Store> {
  const now = opts.now ?? (() => new Date());
  if (opts.databaseUrl) {
    const schema = opts.schema;
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    if (schema) pool.on('connect', (client) => void client.query(`set search_path to "${schema.replace(/"/g, '')}"`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    await migrate(db);
    return { db, kind: 'postgres', location: redactUrl(opts.databaseUrl), schema: schema ?? 'public', now, close: () => db.destroy() };
  }
  const dir = opts.dataDir ?? './data';
  mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  await client.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  await migrate(db);
  return {
    db,
    kind: 'pglite',
    location: dir,
    schema: 'public',
    now,
    close: async () => {
      await db.destroy();
      if (!client.closed) await client.close();
    },
  };
}

/** Drop every table (tests: a clean schema between cases without a new initdb), then migrate again. */
export async function resetStore(store: Store): Promise<void> {
  await sql`drop schema ${sql.id(store.schema)} cascade`.execute(store.db);
  await sql`create schema ${sql.id(store.schema)}`.execute(store.db);
  await migrate(store.db);
}
