// The build (src/build/build.mjs → dist/) runs the same code as the TypeScript sources: the built `zwgk` prints the
// same report, byte for byte, as the CLI run in-process from src/, and answers --version with the package version.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
});
