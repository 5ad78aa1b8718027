// Start the service: open the database (PGlite in a data directory, or PostgreSQL from DATABASE_URL), seed the demo
// assessment on an empty database, build the app with the web pages (when src/web is present) and listen.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from './db/store.js';
import { isEmpty, seedDemo, type SeedResult } from './domain/seed.js';
import { buildApp, type ServicePlugin } from './http/app.js';

/** The project root (rubrics/ and examples/ for the demo seed). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ServeOptions {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** Extra plugins; by default the web pages (src/web/web-plugin.ts) when they exist. */
  plugins?: ServicePlugin[];
  /** Seed password for every demo account (tests); random otherwise. */
  demoPassword?: string;
  secureCookies?: boolean;
  logger?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  url: string;
  /** Set when this start seeded the demo (first start on an empty database). */
  seeded: SeedResult | null;
  close: () => Promise<void>;
}

/** The web pages plugin, or null when this installation has none (API only). */
export async function loadWebPlugin(): Promise<ServicePlugin | null> {
  const here = dirname(fileURLToPath(import.meta.url));
  if (!existsSync(resolve(here, '..', 'web', 'web-plugin.ts')) && !existsSync(resolve(here, '..', 'web', 'web-plugin.js'))) return null;
  const mod = (await import('../web/web-plugin.js')) as { webPlugin?: ServicePlugin };
  return mod.webPlugin ?? null;
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const store = await openStore(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : { dataDir: opts.dataDir });
  try {
    const seeded = (await isEmpty(store)) ? await seedDemo(store, { root: PROJECT_ROOT, ...(opts.demoPassword ? { password: opts.demoPassword } : {}) }) : null;
    const web = opts.plugins ?? [await loadWebPlugin()].filter((p): p is ServicePlugin => p !== null);
    const app = await buildApp({ store, plugins: web, secureCookies: opts.secureCookies ?? false, logger: opts.logger ?? false });
    const address = await app.listen({ port: opts.port, host: opts.host });
    const url = address.replace('[::1]', 'localhost');
    return {
      app,
      store,
      url,
      seeded,
      close: async () => {
        await app.close();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
