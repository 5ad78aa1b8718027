// The build (src/build/build.mjs → dist/) runs the same code as the TypeScript sources: the built `zwgk` prints the
// same report, byte for byte, as the CLI run in-process from src/, and answers --version with the package version.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, SEED_EVIDENCE, SEED_RUBRIC } from '../helpers/cli.js';

describe('dist/ build', () => {
  it('builds, and the built zwgk scores exactly like the sources', async () => {
    execFileSync(process.execPath, ['src/build/build.mjs'], { stdio: 'ignore' });
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; bin: { zwgk: string } };
    expect(pkg.bin.zwgk).toBe('dist/bin/zwgk.js');
    expect(execFileSync(process.execPath, [pkg.bin.zwgk, '--version'], { encoding: 'utf8' })).toBe(`${pkg.version}\n`);
    const built = execFileSync(process.execPath, [pkg.bin.zwgk, 'score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--format', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const src = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--format', 'json']);
    expect(built).toBe(src.stdout);
  }, 60_000);

  // `zwgk compare … | head`: the reader closes the pipe after the first line while zwgk is still writing (250
  // agencies, far more than a pipe buffer); zwgk ends quietly (exit 0), never Node's EPIPE stack.
  it.each(['dist/bin/zwgk.js', 'src/bin/zwgk.js'])('%s ends quietly when its reader closes the pipe', async (bin) => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-epipe-'));
    try {
      const seed = readFileSync(SEED_EVIDENCE, 'utf8');
      for (let i = 1; i <= 250; i++) writeFileSync(join(dir, `a${i}.yaml`), seed.replace('code: etqq-zjj', `code: a${i}`));
      const child = spawn(process.execPath, [bin, 'compare', dir, '--rubric', SEED_RUBRIC, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
      expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
