// `--engine reference` runs json-rules-engine itself (score, compare in-process and in worker threads) and gives
// byte-identical output to the default compiled runner; an unknown value is a Chinese usage error.
import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../src/api.js';
import { compareBatch } from '../../src/batch/compare-batch.js';
import { withRuleEngine } from '../../src/compile/compile-rubric.js';
import { cli, expectNoStack, SEED_EVIDENCE, SEED_RUBRIC } from '../helpers/cli.js';

describe('--engine', () => {
  it('score: reference = compiled, byte for byte', async () => {
    const fast = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--format', 'json']);
    const slow = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--format', 'json', '--engine', 'reference']);
    expect(fast.code).toBe(0);
    expect(slow.code).toBe(0);
    expect(slow.stdout).toBe(fast.stdout);
  });

  it('compare: reference = compiled', async () => {
    const args = ['compare', 'examples/etuokeqianqi-2017', '--rubric', SEED_RUBRIC, '--format', 'json'];
    const fast = await cli([...args, '--jobs', '1']);
    const slow = await cli([...args, '--jobs', '1', '--engine', 'reference']);
    expect(fast.code).toBe(0);
    expect(slow.stdout).toBe(fast.stdout);
  }, 60_000);

  it('worker threads run the engine the main thread chose, with the same result', async () => {
    const r = await loadRubric(SEED_RUBRIC);
    if (!r.ok) throw new Error('seed rubric invalid');
    const base = { inputs: ['examples/etuokeqianqi-2017'], cwd: process.cwd(), jobs: 2 };
    const fast = await compareBatch({ ...base, rubric: { file: SEED_RUBRIC, compiled: r.value }, workers: 'never' });
    const slow = await compareBatch({ ...base, rubric: { file: SEED_RUBRIC, compiled: withRuleEngine(r.value, 'reference') }, workers: 'always' });
    expect(fast.counts.scored).toBeGreaterThan(0);
    expect(JSON.stringify(slow)).toBe(JSON.stringify(fast));
  }, 60_000);

  it('an unknown engine is a usage error in Chinese', async () => {
    const r = await cli(['score', SEED_EVIDENCE, '--rubric', SEED_RUBRIC, '--engine', 'fast']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--engine 须为 compiled 或 reference，而不是 "fast"');
    expectNoStack(r);
  });
});
