// `zwgk serve`: starts on 127.0.0.1 with the embedded database, seeds the demo on first start and prints the
// address and the accounts; a second start on the same data directory keeps the data and says so.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { commandServe } from '../../src/cli/commands-serve.js';
import { openTestDb, removeAtExit } from './helpers.js';


async function preparedDataDir(): Promise<string> {
  // A migrated, empty data directory (copied from the test template: no initdb here).
  const t = await openTestDb('pglite');
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-serve-'));
  await t.store.close();
  cpSync(t.store.location, dir, { recursive: true });
  removeAtExit(t.store.location);
  removeAtExit(dir);
  return dir;
}

describe('zwgk serve', () => {
  it('starts, seeds the demo, prints the address and the accounts, and serves the API', { timeout: 120_000 }, async () => {
    const data = await preparedDataDir();
    let out = '';
    const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (out += s), cwd: process.cwd() };
    const code = await commandServe(io, { port: '0', host: '127.0.0.1', data }, async () => {
      const url = /已启动:(http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
      const admin = /政务公开办管理员\s+用户名 admin\s+密码 (\S+)/.exec(out)![1]!;
      const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: admin }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const board = (await (await fetch(`${url}/api/assessments/1/progress`, { headers: { cookie } })).json()) as Array<{ agency: { code: string }; state: string; score: { final: number } | null }>;
      expect(board.map((r) => r.agency.code)).toEqual(['etqq-czj', 'etqq-jtj', 'etqq-jyj', 'etqq-mzj', 'etqq-wjj', 'etqq-zjj']);
      expect(board.find((r) => r.agency.code === 'etqq-zjj')!.score).toBeNull(); // left empty for the walk-through
      expect(board.filter((r) => r.score !== null)).toHaveLength(5);
      const openapi = (await (await fetch(`${url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(openapi.paths)).toContain('/api/assessments/{id}/agencies/{code}/evidence');
    });
    expect(code).toBe(0);
    expect(out).toContain('数据库:内置 PGlite,数据目录');
    expect(out).toMatch(/单位填报人|住建局填报人\s+用户名 etqq-zjj\s+密码 \S+/);
    expect(out).toContain('正在停止服务');

    let again = '';
    const code2 = await commandServe({ stdout: (s) => (again += s), stderr: (s) => (again += s), cwd: process.cwd() }, { port: '0', host: '127.0.0.1', data }, async () => undefined);
    expect(code2).toBe(0);
    expect(again).toContain('数据库中已有数据');
    expect(again).not.toContain('密码 ');
  });

  it('refuses a bad port with a usage error in Chinese', async () => {
    let err = '';
    const code = await run(['serve', '--port', '99999'], { stdout: () => undefined, stderr: (s) => (err += s), cwd: process.cwd() });
    expect(code).toBe(2);
    expect(err).toBe('用法错误：端口应为 0–65535 的整数，收到 99999\n');
  });
});
