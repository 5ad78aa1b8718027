#!/usr/bin/env node
// Bin entry: load TypeScript through tsx, run the CLI, set the exit code. The only place that touches process.*.
import { register } from 'tsx/esm/api';

// A reader that stops early (`zwgk … | head`) closes the pipe: end quietly instead of printing Node's EPIPE stack.
for (const stream of [process.stdout, process.stderr]) stream.on('error', (e) => (e.code === 'EPIPE' ? process.exit(0) : Promise.reject(e)));
register();
const { run } = await import('../cli.ts');
process.exitCode = await run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  isTTY: Boolean(process.stderr.isTTY),
});
