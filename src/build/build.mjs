#!/usr/bin/env node
// `npm run build` (also run by `npm ci` / `npm install` through `prepare`): transpile every TypeScript module in
// src/ to dist/ with esbuild, one file per module in the same layout (so paths relative to a module — templates/,
// the package root — stay right), plus plain entry points that need no TypeScript loader: dist/bin/zwgk.js (the
// `zwgk` command) and dist/batch/run/worker-entry.js (batch worker threads). Saves the ~2–3 s tsx spends compiling at
// every start. Tests (vitest) and `npm run bench` keep running the TypeScript sources.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');
// Built beside dist/ and swapped in at the end, so a running `zwgk` never sees a half-written dist/.
const out = join(root, `dist.tmp-${process.pid}`);

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

rmSync(out, { recursive: true, force: true });
const entryPoints = walk(src);
await build({ entryPoints, outdir: out, outbase: src, format: 'esm', platform: 'node', target: 'node20', sourcemap: false, logLevel: 'warning' });

const write = (file, text) => {
  mkdirSync(join(out, file, '..'), { recursive: true });
  writeFileSync(join(out, file), text, { mode: 0o755 });
};
write(
  'bin/zwgk.js',
  `#!/usr/bin/env node
// Built bin entry (src/build/build.mjs): the CLI from dist/, no TypeScript loader. \`--version\` alone is answered
// without loading the commands (the same text commander prints).
// A reader that stops early (\`zwgk … | head\`) closes the pipe: end quietly instead of printing Node's EPIPE stack.
for (const stream of [process.stdout, process.stderr]) stream.on('error', (e) => (e.code === 'EPIPE' ? process.exit(0) : Promise.reject(e)));
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const { ENGINE_VERSION } = await import('../version.js');
  process.stdout.write(ENGINE_VERSION + '\\n');
} else {
  const { run } = await import('../cli.js');
  process.exitCode = await run(argv, {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    isTTY: Boolean(process.stderr.isTTY),
  });
}
`,
);
write('batch/run/worker-entry.js', `// Built worker-thread entry (src/build/build.mjs): the batch worker from dist/.\nawait import('./score-worker.js');\n`);
rmSync(dist, { recursive: true, force: true });
renameSync(out, dist);
process.stdout.write(`dist/: ${entryPoints.length} modules built from ${relative(root, src)}/\n`);
