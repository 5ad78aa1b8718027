// `zwgk serve` declared for commander; the service (fastify, the database drivers) is imported only when it runs.
import type { Command } from 'commander';
import type { ServeFlags } from './commands-serve.js';
import type { CliIo } from './io.js';

export function registerServeCommand(program: Command, io: CliIo, setCode: (c: number) => void): void {
  program
    .command('serve')
    .description('启动考核评价服务(网页与接口):默认内置数据库 ./data,只监听本机 127.0.0.1;DATABASE_URL 指定 PostgreSQL')
    .option('-p, --port <port>', '端口', '8080')
    .option('-H, --host <host>', '监听地址(对外提供服务时才改为 0.0.0.0)', '127.0.0.1')
    .option('-d, --data <dir>', '内置数据库(PGlite)的数据目录', 'data')
    .action(async (flags: ServeFlags) => setCode(await (await import('./commands-serve.js')).commandServe(io, flags)));
}
