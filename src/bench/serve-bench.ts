// `npm run bench:serve [-- --agencies 50 --saves 20 --backend pglite,postgres]`: a load benchmark of the assessment
// service (not a test). For each database it starts the service on 127.0.0.1 (PGlite in a temporary directory;
// PostgreSQL from DATABASE_URL or 127.0.0.1:5432 in a throw-away schema, skipped with a message when none answers),
// creates an assessment with the 2017 rubric and N agencies, signs each agency in, then all N agencies at once
// save drafts (the server validates and scores each with the engine: "save and score") and read their live score,
// `saves` times each. Reports requests/s and p50/p95/p99 latency per call. Logins use a cheap argon2 cost (they
// are not measured). The last lines are machine readable: backend=<b> save_rps=<r> save_p50_ms=… read_p50_ms=…
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { parse as parseYaml } from 'yaml';
import { openStore, type Store } from '../service/db/store.js';
import { bootstrapAdmin, createAccounts, PASSWORD_HASH_COST, setPasswordDirect } from '../service/domain/accounts.js';
import { addAgencies } from '../service/domain/agencies.js';
import { createAssessment, openAssessment } from '../service/domain/assessments.js';
import { buildApp } from '../service/http/app.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PG_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

interface Stats {
  count: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

function stats(samples: number[], seconds: number): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return { count: s.length, seconds, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99) };
}

async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function prepare(store: Store, agencies: number): Promise<{ id: number; codes: string[] }> {
  const admin = await bootstrapAdmin(store, 'admin', '管理员', 'bench-password-1');
  const a = await createAssessment(store, admin, {
    year: 2017,
    title: '压力测试',
    rubricText: readFileSync(join(ROOT, 'rubrics', 'etuokeqianqi-2017.yaml'), 'utf8'),
    submitDeadline: '2099-01-01T00:00:00Z',
    reviewDeadline: '2099-02-01T00:00:00Z',
    appealDeadline: '2099-03-01T00:00:00Z',
  });
  const codes = Array.from({ length: agencies }, (_, i) => `bench-${String(i + 1).padStart(4, '0')}`);
  await addAgencies(store, admin, a.id, codes.map((code, i) => ({ code, name: `压测单位${i + 1}`, shortName: null, class: 'B', contact: null })));
  await openAssessment(store, admin, a.id);
  const created = await createAccounts(store, admin, codes.map((code) => ({ username: code, displayName: code, role: 'agency' as const, agencyCode: code })));
  for (const c of created) await setPasswordDirect(store, c.id, 'bench-password-1');
  return { id: a.id, codes };
}

async function runBackend(backend: 'pglite' | 'postgres', agencies: number, saves: number, out: (s: string) => void): Promise<string | null> {
  let store: Store;
  let cleanup: () => Promise<void>;
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-bench-'));
    store = await openStore({ dataDir: dir });
    cleanup = async () => {
      await store.close();
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    };
  } else {
    if (!(await postgresReachable())) {
      out(`PostgreSQL(${PG_URL.replace(/:[^:@/]*@/, ':***@')})无应答:跳过\n`);
      return null;
    }
    const schema = `zwgk_bench_${randomBytes(4).toString('hex')}`;
    store = await openStore({ databaseUrl: PG_URL, schema, poolSize: 10 });
    cleanup = async () => {
      const { sql } = await import('kysely');
      await sql`drop schema ${sql.id(schema)} cascade`.execute(store.db);
      await store.close();
    };
  }
  try {
    const { id, codes } = await prepare(store, agencies);
    const app = await buildApp({ store, loginRateLimit: 1_000_000 });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const base = parseYaml(readFileSync(join(ROOT, 'examples', 'etuokeqianqi-2017', 'zhujianju.yaml'), 'utf8')) as Record<string, unknown>;
    const sessions = await Promise.all(
      codes.map(async (code) => {
        const r = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: code, password: 'bench-password-1' }) });
        const body = (await r.json()) as { csrfToken: string };
        return { code, cookie: r.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken };
      }),
    );
    const saveTimes: number[] = [];
    const readTimes: number[] = [];
    let failures = 0;
    const t0 = performance.now();
    await Promise.all(
      sessions.map(async (s, k) => {
        let version = 0;
        for (let i = 0; i < saves; i++) {
          const facts = { ...(base.facts as Record<string, unknown>), websitePosts: 10 + ((i * 7 + k) % 60), hotspotResponses: i % 3 };
          const evidence = { ...base, agency: { name: `压测单位${k + 1}`, code: s.code }, facts };
          let t = performance.now();
          const r = await fetch(`${url}/api/assessments/${id}/agencies/${s.code}/evidence`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
            body: JSON.stringify({ evidence, version }),
          });
          const body = (await r.json()) as { version?: number };
          saveTimes.push(performance.now() - t);
          if (r.status !== 200) failures++;
          else version = body.version!;
          t = performance.now();
          const g = await fetch(`${url}/api/assessments/${id}/agencies/${s.code}`, { headers: { cookie: s.cookie } });
          await g.arrayBuffer();
          readTimes.push(performance.now() - t);
          if (g.status !== 200) failures++;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    await app.close();
    const sv = stats(saveTimes, seconds);
    const rd = stats(readTimes, seconds);
    const f = (n: number) => n.toFixed(1);
    out(`\n${backend === 'pglite' ? 'PGlite(内置)' : 'PostgreSQL'}:${agencies} 个单位同时填报,每个保存 ${saves} 次,共 ${sv.count} 次保存评分 + ${rd.count} 次读取,用时 ${seconds.toFixed(1)} 秒${failures ? `,失败 ${failures} 次` : ''}\n`);
    out(`  保存并评分:${f((sv.count) / seconds)} 次/秒  p50 ${f(sv.p50)} ms  p95 ${f(sv.p95)} ms  p99 ${f(sv.p99)} ms\n`);
    out(`  读取实时得分:p50 ${f(rd.p50)} ms  p95 ${f(rd.p95)} ms  p99 ${f(rd.p99)} ms\n`);
    out(`  合计:${f((sv.count + rd.count) / seconds)} 请求/秒\n`);
    return `backend=${backend} agencies=${agencies} saves=${sv.count} save_rps=${f(sv.count / seconds)} total_rps=${f((sv.count + rd.count) / seconds)} save_p50_ms=${f(sv.p50)} save_p95_ms=${f(sv.p95)} save_p99_ms=${f(sv.p99)} read_p50_ms=${f(rd.p50)} read_p95_ms=${f(rd.p95)} read_p99_ms=${f(rd.p99)} failures=${failures}`;
  } finally {
    await cleanup();
  }
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { agencies: { type: 'string', default: '50' }, saves: { type: 'string', default: '20' }, backend: { type: 'string', default: 'pglite,postgres' } } });
  const agencies = Math.max(1, Number(values.agencies));
  const saves = Math.max(1, Number(values.saves));
  PASSWORD_HASH_COST.memoryCost = 1024;
  PASSWORD_HASH_COST.timeCost = 1;
  const out = (s: string) => process.stdout.write(s);
  out(`考核服务压力测试:Node ${process.version},${availableParallelism()} 核(${cpus()[0]?.model ?? '未知 CPU'}),服务与客户端在同一进程,开始时系统负载 ${loadavg()[0]!.toFixed(1)}\n`);
  const lines: string[] = [];
  for (const b of values.backend!.split(',') as Array<'pglite' | 'postgres'>) {
    const line = await runBackend(b, agencies, saves, out);
    if (line) lines.push(line);
  }
  out('\n' + lines.join('\n') + '\n');
  return 0;
}
