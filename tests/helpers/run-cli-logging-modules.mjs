// Child process for tests/cli/lazy-commands.test.ts: registers the module-logging hooks, then tsx (the sources are
// TypeScript), then runs the CLI on process.argv with the real process io. stdout is the CLI's; stderr carries the
// `LOADED <url>` lines and the CLI's own messages.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

register('./module-log-hooks.mjs', import.meta.url);
registerTsx();
const { run } = await import('../../src/cli.ts');
process.exitCode = await run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  isTTY: false,
});
