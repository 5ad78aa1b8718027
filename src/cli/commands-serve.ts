// `zwgk serve`: the assessment service on 127.0.0.1 (PGlite in ./data, or PostgreSQL from DATABASE_URL); prints the
// address and, on first start, the demo accounts. Runs until Ctrl+C (SIGINT) or SIGTERM.
import { ROLE_LABELS } from '../service/domain/actor.js';
import { startServer, type RunningServer } from '../service/server.js';
import { EXIT, UsageError, type CliIo } from './io.js';

export interface ServeFlags {
  port: string;
  host: string;
  data: string;
}

function parsePort(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`端口应为 0–65535 的整数,收到 ${s}`);
  return n;
}

/** The banner: where the service is and how to sign in. */
export function formatBanner(server: RunningServer, env: { databaseUrl?: string | undefined }): string {
  const lines = [`政务公开考核评价服务已启动:${server.url}`, `数据库:${server.store.kind === 'pglite' ? `内置 PGlite,数据目录 ${server.store.location}` : `PostgreSQL ${server.store.location}`}`, `接口文档(OpenAPI):${server.url}/api/openapi.json`];
  if (env.databaseUrl === undefined && server.store.kind === 'pglite') lines.push('备份:停止服务后复制整个数据目录即可(见 README"考核评价服务"一节)');
  if (server.seeded) {
    lines.push('', `首次启动,已创建演示考核(编号 ${server.seeded.assessmentId}:2017年度鄂托克前旗,六个示例单位)和以下账号。`, '密码只显示这一次,请妥善保存:', '');
    const width = (s: string): number => [...s].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
    const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - width(s)));
    for (const a of server.seeded.accounts) {
      const who = a.agencyCode ? a.displayName : ROLE_LABELS[a.role];
      lines.push(`  ${pad(who, 18)} 用户名 ${pad(a.username, 10)} 密码 ${a.password}`);
    }
    for (const s of server.seeded.skipped) lines.push(`  未能导入示例证据 ${s}`);
  } else {
    lines.push('数据库中已有数据:使用已有账号登录;忘记密码请由管理员重新生成激活链接。');
  }
  lines.push('', '按 Ctrl+C 停止服务。');
  return lines.join('\n') + '\n';
}

const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: '端口已被占用,请用 --port 换一个端口',
  EACCES: '没有权限使用该端口(1024 以下的端口需要管理员权限)',
  EADDRNOTAVAIL: '本机没有这个地址,请检查 --host',
};

export async function commandServe(io: CliIo, flags: ServeFlags, wait: () => Promise<void> = waitForSignal): Promise<number> {
  const port = parsePort(flags.port);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  let server: RunningServer;
  try {
    server = await startServer({ port, host: flags.host, dataDir: flags.data, ...(databaseUrl ? { databaseUrl } : {}) });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (LISTEN_ERRORS[code]) {
      io.stderr(`无法启动服务(${flags.host}:${port}):${LISTEN_ERRORS[code]}\n`);
      return EXIT.USAGE;
    }
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000') {
      io.stderr(`无法连接 DATABASE_URL 指定的 PostgreSQL(${code}):请检查服务器是否运行、地址和数据库名是否正确\n`);
      return EXIT.USAGE;
    }
    throw err;
  }
  io.stdout(formatBanner(server, { databaseUrl }));
  await wait();
  io.stdout('正在停止服务……\n');
  await server.close();
  return EXIT.OK;
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
