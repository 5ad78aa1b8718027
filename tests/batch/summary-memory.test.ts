// What a comparison keeps per agency: the summary's per-node numbers packed into one string (exact round trip), a
// summary small enough that 100,000 agencies fit the memory target, and the agencies with failed checks streamed
// from the view like the rows (not built into the report's head).
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../src/bench/random.js';
import { generateEvidence } from '../../src/bench/synthetic-evidence.js';
import { compareBatchView } from '../../src/batch/compare-batch.js';
import { FileScorer, type TaskOutcome } from '../../src/batch/run/score-file.js';
import { packCells, unpackCells, type AgencySummary, type SummaryCells } from '../../src/cohort/agency-summary.js';
import { packSummary } from '../../src/cohort/packed-summary.js';
import { materialiseReport } from '../../src/cohort/build-compare-report.js';
import { formatCompareReport } from '../../src/formatters/compare/compare-formatters.js';
import { compile, tempDir } from './helpers.js';

const SEED_RUBRIC = 'rubrics/etuokeqianqi-2017.yaml';
const seed = compile(readFileSync(SEED_RUBRIC, 'utf8'), SEED_RUBRIC);
const t = tempDir();
afterAll(() => t.cleanup());
const files: string[] = [];
for (let i = 1; i <= 40; i++) {
  const ev = generateEvidence(seed, i, createRandom(i), 'M');
  files.push(t.write(`in/m-${i}.json`, JSON.stringify(ev)));
}

describe('summary cells', () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
  const list = fc.array(finite, { maxLength: 12 });
  it('pack then unpack gives the same numbers, exactly (fast-check)', () => {
    fc.assert(
      fc.property(fc.tuple(list, list, list, list, list, list, list), ([scores, appMax, lost, notApplicable, overClaims, pendingTracked, failedChecks]) => {
        const c: SummaryCells = { scores, appMax, lost, notApplicable, overClaims, pendingTracked, failedChecks };
        expect(unpackCells(packCells(c))).toEqual(c);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a seed-rubric agency in under 800 bytes of heap once packed (100,000 agencies ≤ 80 MB; plain objects took ~1.1 KB, whole arrays ~4 KB)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const scorer = new FileScorer({ current: seed }, t.dir);
    const outcomes: TaskOutcome[] = [];
    for (const f of files) outcomes.push(await scorer.run({ file: f, mode: 'current' }));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const n = 20_000;
    gc();
    const before = process.memoryUsage().heapUsed;
    // What the cohort keeps: each summary as the worker boundary delivers it (a structured clone), packed.
    const kept = Array.from({ length: n }, (_, i) => packSummary(structuredClone((outcomes[i % outcomes.length] as TaskOutcome & { ok: true }).summary)));
    gc();
    const perAgency = (process.memoryUsage().heapUsed - before) / n;
    expect(kept.length).toBe(n);
    expect(perAgency).toBeLessThan(800);
  });
});

describe('agencies with failed checks, streamed from the view', () => {
  it('JSON and text from the view equal those of the whole report; the head holds none of them', async () => {
    const view = await compareBatchView({ inputs: ['in'], rubric: { file: SEED_RUBRIC, compiled: seed }, cwd: t.dir, workers: 'never' });
    expect(view.head.checkFailures).toEqual([]);
    expect(view.checkFailureCount).toBeGreaterThan(0);
    const whole = materialiseReport(view);
    expect(whole.checkFailures.length).toBe(view.checkFailureCount);
    expect(await formatCompareReport(view, 'json')).toBe(JSON.stringify(whole, null, 2) + '\n');
    expect(await formatCompareReport(view, 'text')).toBe(await formatCompareReport(whole, 'text'));
  });
});
